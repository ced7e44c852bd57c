package dev.cwfilter.testkit;

import static dev.cwfilter.testkit.FilterAssertions.assertThatMetricFilter;
import static dev.cwfilter.testkit.FilterAssertions.at;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cwfilter.DefaultValueMode;
import dev.cwfilter.FilterOptions;
import dev.cwfilter.MetricFilter;
import dev.cwfilter.StandardUnit;
import dev.cwfilter.testkit.events.CloudTrailEvents;
import org.junit.jupiter.api.Test;

class MetricFilterAssertTest {

    static final MetricFilter SECRET_ACCESS = MetricFilter.builder().filterName("SecretIsAccessed")
            .filterPattern("{ $.eventName = \"GetSecretValue\" }")
            .metricNamespace("SecurityMetrics").metricName("Secret is accessed").metricValue("1").defaultValue(0)
            .build();

    static final MetricFilter LATENCY = MetricFilter.builder().filterPattern("{ $.latency = * }")
            .metricNamespace("MyApp").metricName("Latency").metricValue("$.latency")
            .dimension("Service", "$.service").unit(StandardUnit.MILLISECONDS).build();

    @Test
    void publishesTheValueForAMatchAndTheDefaultOtherwise() {
        assertThatMetricFilter(SECRET_ACCESS)
                .publishes(1.0).forEvent(CloudTrailEvents.getSecretValue().build())
                .publishesDefaultFor(CloudTrailEvents.listSecrets().build())
                .publishes(0).forEvent(CloudTrailEvents.describeSecret().toLogEvent())
                .hasMetric("SecurityMetrics", "Secret is accessed")
                .hasDefaultValue(0)
                .hasUnit(StandardUnit.NONE)
                .hasDimensions()
                .matches(CloudTrailEvents.getSecretValue().build())
                .doesNotMatch(CloudTrailEvents.listSecrets().build());
    }

    @Test
    void dimensionsAndUnitAreChecked() {
        assertThatMetricFilter(LATENCY)
                .publishes(250).withDimension("Service", "orders").withUnit(StandardUnit.MILLISECONDS)
                .forEvent("{\"latency\":250,\"service\":\"orders\"}")
                .publishesNothingFor("{\"latency\":250}")
                .publishesNothingFor("{\"latency\":\"slow\",\"service\":\"orders\"}")
                .hasNoDefaultValue()
                .hasDimensions("Service")
                .hasUnit(StandardUnit.MILLISECONDS);
    }

    @Test
    void aDefaultInsteadOfTheValueIsExplained() {
        String listSecrets = "{\"eventName\":\"ListSecrets\"}";
        assertThatThrownBy(() -> assertThatMetricFilter(SECRET_ACCESS).publishes(1).forEvent(listSecrets))
                .isInstanceOf(AssertionError.class)
                .hasMessage("""
                        expected:   to publish 1.0
                        filter:     SecretIsAccessed: { $.eventName = "GetSecretValue" } → SecurityMetrics/Secret is\
                         accessed = 1 (default 0.0)
                        event:      {"eventName":"ListSecrets"}
                        published:  0.0, the default value: the event does not match
                        decided by: $.eventName = "GetSecretValue" fails ("ListSecrets")""");
    }

    @Test
    void aMatchThatPublishesNothingSaysWhichFieldIsMissing() {
        assertThatThrownBy(() -> assertThatMetricFilter(LATENCY).publishes(250).forEvent("{\"latency\":250}"))
                .hasMessage("""
                        expected:   to publish 250.0
                        filter:     { $.latency = * } → MyApp/Latency = $.latency (dimensions {Service=$.service},\
                         unit Milliseconds)
                        event:      {"latency":250}
                        published:  nothing: the event matches, but the value of dimension Service ($.service) is\
                         missing
                        decided by: $.latency = * holds (250)""");
        assertThatThrownBy(() -> assertThatMetricFilter(LATENCY).publishes(250)
                .forEvent("{\"latency\":\"slow\",\"service\":\"orders\"}"))
                .hasMessageContaining("published:  nothing: the event matches, but its metric value $.latency is"
                        + " \"slow\", not a number");
    }

    @Test
    void wrongDimensionsOrUnitFail() {
        String event = "{\"latency\":250,\"service\":\"orders\"}";
        assertThatThrownBy(() -> assertThatMetricFilter(LATENCY).publishes(250).withDimension("Service", "billing")
                .forEvent(event))
                .hasMessageContaining("expected:   to publish 250.0 with dimensions {Service=billing}\n")
                .hasMessageContaining("published:  250.0 with dimensions {Service=orders}, unit Milliseconds\n");
        assertThatThrownBy(() -> assertThatMetricFilter(LATENCY).publishes(250).withUnit(StandardUnit.SECONDS)
                .forEvent(event))
                .hasMessageContaining("expected:   to publish 250.0, unit Seconds\n");
        assertThatThrownBy(() -> assertThatMetricFilter(LATENCY).hasUnit(StandardUnit.SECONDS))
                .hasMessageContaining("expected: unit Seconds\n").hasMessageContaining("actual:   unit Milliseconds");
        assertThatThrownBy(() -> assertThatMetricFilter(LATENCY).hasDimensions("Service", "Region"))
                .hasMessageContaining("actual:   dimensions [Service]");
        assertThatThrownBy(() -> assertThatMetricFilter(LATENCY).hasMetric("MyApp", "Latency2"))
                .hasMessageContaining("actual:   metric MyApp/Latency");
        assertThatThrownBy(() -> assertThatMetricFilter(LATENCY).hasDefaultValue(0))
                .hasMessageContaining("actual:   no default value");
        assertThatThrownBy(() -> assertThatMetricFilter(SECRET_ACCESS).hasNoDefaultValue())
                .hasMessageContaining("actual:   default value 0.0");
    }

    @Test
    void publishingSomethingWhenNothingIsExpectedFails() {
        assertThatThrownBy(() -> assertThatMetricFilter(SECRET_ACCESS).publishesNothingFor("{\"eventName\":\"x\"}"))
                .hasMessageContaining("expected:   to publish nothing\n")
                .hasMessageContaining("published:  0.0, the default value: the event does not match\n");
        assertThatThrownBy(() -> assertThatMetricFilter(SECRET_ACCESS)
                .publishesDefaultFor("{\"eventName\":\"GetSecretValue\"}"))
                .hasMessageContaining("expected:   to publish the default value 0.0\n")
                .hasMessageContaining("published:  1.0\n");
        assertThatThrownBy(() -> assertThatMetricFilter(LATENCY).publishesDefaultFor("{}"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no default value");
    }

    @Test
    void aDefaultPublishedOncePerMinuteIsNotPublishedForTheEventItself() {
        MetricFilter perMinute = MetricFilter.builder().filterPattern("ERROR").metricValue("1").defaultValue(0)
                .options(FilterOptions.builder().defaultValueMode(DefaultValueMode.ONCE_PER_MINUTE_WITHOUT_MATCH)
                        .build())
                .build();
        assertThatMetricFilter(perMinute).publishesNothingFor(at("12:00:10", "INFO ok"));
        assertThatThrownBy(() -> assertThatMetricFilter(perMinute).publishes(0).forEvent("INFO ok"))
                .hasMessageContaining("published:  nothing for the event itself: the default value is published"
                        + " once per minute without a match (defaultValueMode ONCE_PER_MINUTE_WITHOUT_MATCH)")
                .hasMessageContaining("options:    defaultValueMode=ONCE_PER_MINUTE_WITHOUT_MATCH");
    }

    @Test
    void theFiltersPatternCanBeAssertedWithItsOptions() {
        MetricFilter lambdaErrors = MetricFilter.builder().filterPattern("{ $.level = \"ERROR\" }")
                .options(FilterOptions.builder().lenientJsonPrefix(true).build()).build();
        assertThatMetricFilter(lambdaErrors).pattern()
                .matches("2026-11-21T12:00:00.000Z\tid\tERROR\t{\"level\":\"ERROR\"}");
    }
}
