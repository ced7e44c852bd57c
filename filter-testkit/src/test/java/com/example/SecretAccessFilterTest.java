package com.example;

import static dev.cwfilter.metric.AlarmState.ALARM;
import static dev.cwfilter.metric.AlarmState.OK;
import static dev.cwfilter.testkit.FilterAssertions.assertThatAlarm;
import static dev.cwfilter.testkit.FilterAssertions.assertThatMetricFilter;
import static dev.cwfilter.testkit.FilterAssertions.assertThatPattern;
import static dev.cwfilter.testkit.FilterAssertions.at;
import static dev.cwfilter.testkit.events.CloudTrailEvents.describeSecret;
import static dev.cwfilter.testkit.events.CloudTrailEvents.getSecretValue;
import static dev.cwfilter.testkit.events.CloudTrailEvents.listSecrets;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cwfilter.MetricFilter;
import dev.cwfilter.metric.AlarmComparisonOperator;
import dev.cwfilter.metric.MetricAlarm;
import dev.cwfilter.metric.Statistic;
import dev.cwfilter.metric.TreatMissingData;
import dev.cwfilter.propcheck.PropCheck;
import dev.cwfilter.testkit.FilterCase;
import dev.cwfilter.testkit.FilterCases;
import dev.cwfilter.testkit.deploy.CloudFormationTemplate;
import dev.cwfilter.testkit.deploy.MetricFilterResource;
import dev.cwfilter.testkit.deploy.TerraformPlan;
import dev.cwfilter.testkit.events.EventGenerators;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * How a team tests the metric filter it is about to deploy: the filter is read from the team's own CloudFormation
 * template (not copied into the test), fed realistic CloudTrail records, and its alarm replayed over them. This class
 * uses only the testkit's public API, as a user's test suite would.
 */
class SecretAccessFilterTest {

    static final CloudFormationTemplate TEMPLATE = CloudFormationTemplate.fromClasspath("infra/monitoring.yaml");
    static final MetricFilterResource SECRET_ACCESS = TEMPLATE.metricFilter("SecretAccessFilter");

    static final MetricAlarm ALARM_ON_ANY_READ = MetricAlarm.builder().alarmName("Secret is accessed")
            .namespace("SecurityMetrics").metricName("Secret is accessed")
            .statistic(Statistic.SUM).periodSeconds(60).evaluationPeriods(1).threshold(1)
            .comparisonOperator(AlarmComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
            .treatMissingData(TreatMissingData.MISSING).build();

    @Test
    void catchesSecretReadsAndNothingElse() {
        assertThatPattern(SECRET_ACCESS.filter().pattern())
                .matches(getSecretValue().user("alice").secret("prod/orders/db-password").build())
                .matches(getSecretValue().user("mallory").accessDenied().build())
                .matches(getSecretValue().secret("prod/legacy/smtp").markedForDeletion().build())
                .doesNotMatch(describeSecret().build())
                .doesNotMatch(listSecrets().build());
    }

    @Test
    void publishesOneForEachReadAndZeroForAnyOtherEvent() {
        assertThatMetricFilter(SECRET_ACCESS)
                .hasMetric("SecurityMetrics", "Secret is accessed")
                .publishes(1).forEvent(getSecretValue().build())
                .publishesDefaultFor(listSecrets().build());
    }

    @Test
    void theAlarmGoesOffInTheMinuteAfterARead() {
        assertThatAlarm(ALARM_ON_ANY_READ).fedBy(SECRET_ACCESS.filter())
                .givenEvents(at("12:01:03", listSecrets()),
                        at("12:03:14", getSecretValue().user("alice")),
                        at("12:04:10", describeSecret()))
                .goesTo(ALARM).at("12:04")
                .goesTo(OK).at("12:05");
    }

    @Test
    void terraformDeploysTheSameFilterAsTheTemplate() {
        MetricFilter planned = TerraformPlan.fromClasspath("infra/plan.json").metricFilter("secret_access").filter();
        assertThat(planned.pattern()).isEqualTo(SECRET_ACCESS.filter().pattern());
        assertThat(planned.metricName()).isEqualTo(SECRET_ACCESS.filter().metricName());
    }

    static List<MetricFilterResource> everyFilterOfTheTemplate() {
        return TEMPLATE.metricFilters();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyFilterOfTheTemplate")
    void everyFilterPublishesIntoTheSecurityNamespace(MetricFilterResource filter) {
        assertThat(filter.filter().metricNamespace()).contains("SecurityMetrics");
    }

    @ParameterizedTest(name = "{0}")
    @FilterCases("my-filters.yaml")
    void filterCases(FilterCase filterCase) {
        filterCase.verify();
    }

    @Test
    void matchesEveryGetSecretValueAndNoOtherCall() {
        PropCheck.tries(200).forAll(EventGenerators.cloudTrailEvents(), event -> {
            assertThat(SECRET_ACCESS.filter().pattern().matches(event.build()))
                    .isEqualTo(event.eventName().equals("GetSecretValue"));
        });
    }
}
