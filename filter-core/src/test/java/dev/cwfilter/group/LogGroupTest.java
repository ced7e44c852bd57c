package dev.cwfilter.group;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cwfilter.Datapoint;
import dev.cwfilter.DefaultValueMode;
import dev.cwfilter.FilterOptions;
import dev.cwfilter.FilterPattern;
import dev.cwfilter.LogEvent;
import dev.cwfilter.LogGroup;
import dev.cwfilter.MetricFilter;
import dev.cwfilter.PatternSet;
import dev.cwfilter.SubscriptionFilter;
import dev.cwfilter.metric.LogGroupMetrics;
import dev.cwfilter.metric.MetricId;
import dev.cwfilter.propcheck.Gen;
import dev.cwfilter.propcheck.PropCheck;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LogGroupTest {

    /** Filters of every syntax, with values, dimensions and defaults, as a log group might hold them. */
    static final List<MetricFilter> POOL = List.of(
            filter("reads", "{ $.eventName = \"GetSecretValue\" }", "1", 0.0, Map.of()),
            filter("deleted", "{ $.eventName = \"GetSecretValue\" && $.errorMessage = \"*marked for deletion*\" }",
                    "1", null, Map.of()),
            filter("latency", "{ $.latency > 100 }", "$.latency", null, Map.of()),
            filter("by-user", "{ $.user = * }", "1", null, Map.of("User", "$.user")),
            filter("errors", "ERROR -DEBUG", "1", 0.0, Map.of()),
            filter("regex", "%[Ff]ail[eu]%", "2", null, Map.of()),
            filter("status", "[ip, user, status = 4*, size]", "$size", null, Map.of("Status", "$status")),
            filter("any", "", "1", null, Map.of()),
            filter("any-per-minute", "{ $.errorCode = * }", "1", 0.0, Map.of(),
                    FilterOptions.builder().defaultValueMode(DefaultValueMode.ONCE_PER_MINUTE_WITHOUT_MATCH).build()));

    static final List<String> MESSAGES = List.of(
            "{\"eventName\":\"GetSecretValue\",\"user\":\"alice\"}",
            "{\"eventName\":\"GetSecretValue\",\"errorMessage\":\"secret because it was marked for deletion\"}",
            "{\"eventName\":\"ListSecrets\",\"latency\":250,\"user\":\"bob\",\"errorCode\":\"AccessDenied\"}",
            "{\"latency\":\"250\"}",
            "{\"latency\":99.5,\"user\":\"\"}",
            "ERROR request failed",
            "ERROR DEBUG failure",
            "10.0.0.1 alice 404 512",
            "10.0.0.2 bob 500 12",
            "10.0.0.3 carol 403 -",
            "{\"eventName\":",
            "",
            "plain text");

    private static MetricFilter filter(String name, String pattern, String value, Double defaultValue,
            Map<String, String> dimensions) {
        return filter(name, pattern, value, defaultValue, dimensions, FilterOptions.defaults());
    }

    private static MetricFilter filter(String name, String pattern, String value, Double defaultValue,
            Map<String, String> dimensions, FilterOptions options) {
        MetricFilter.Builder b = MetricFilter.builder().filterName(name).filterPattern(pattern).options(options)
                .metricNamespace("Test").metricName(name).metricValue(value).dimensions(dimensions);
        if (defaultValue != null) {
            b.defaultValue(defaultValue);
        }
        return b.build();
    }

    static final Gen<List<MetricFilter>> FILTER_LISTS = Gen.listOf(Gen.elements(POOL), 1, 12)
            .map(list -> {
                // Names must be unique within a group; a filter may still appear twice under two names.
                List<MetricFilter> renamed = new ArrayList<>();
                for (int i = 0; i < list.size(); i++) {
                    MetricFilter f = list.get(i);
                    MetricFilter.Builder b = MetricFilter.builder().filterName(f.filterName().orElseThrow() + "-" + i)
                            .filterPattern(f.pattern().source()).options(f.options())
                            .metricNamespace("Test").metricName(f.metricName().orElseThrow())
                            .metricValue(f.metricValue()).dimensions(f.dimensions());
                    f.defaultValue().ifPresent(b::defaultValue);
                    renamed.add(b.build());
                }
                return renamed;
            });

    static final Gen<List<LogEvent>> EVENTS = Gen.listOf(Gen.zip(Gen.longs(0, 600_000), Gen.elements(MESSAGES),
            LogEvent::new), 0, 40);

    @Test
    void eachFilterPublishesWhatItPublishesAlone() {
        PropCheck.forAll(FILTER_LISTS, EVENTS, (filters, events) -> {
            LogGroup group = LogGroup.builder().metricFilters(filters).build();
            Map<Integer, List<Datapoint>> together = new HashMap<>();
            LogGroup.Emitter emitter = group.emitter((i, d) -> together.computeIfAbsent(i, k -> new ArrayList<>())
                    .add(d));
            events.forEach(emitter::accept);
            emitter.flush();
            for (int i = 0; i < filters.size(); i++) {
                assertThat(together.getOrDefault(i, List.of())).as("filter %d", i)
                        .isEqualTo(filters.get(i).datapoints(events));
            }
        });
    }

    @Test
    void aSetAnswersAsEachPatternAlone() {
        PropCheck.forAll(FILTER_LISTS, Gen.elements(MESSAGES), (filters, message) -> {
            PatternSet set = PatternSet.of(filters.stream().map(MetricFilter::pattern).toList());
            BitSet fromText = new BitSet();
            BitSet fromBytes = new BitSet();
            fromBytes.set(1000); // must be cleared
            set.matches(message, fromText);
            byte[] utf8 = ("xx" + message + "y").getBytes(StandardCharsets.UTF_8);
            set.matches(utf8, 2, utf8.length - 3, fromBytes);
            BitSet expected = new BitSet();
            for (int i = 0; i < set.size(); i++) {
                if (set.pattern(i).matches(message)) {
                    expected.set(i);
                }
            }
            assertThat(fromText).isEqualTo(expected);
            assertThat(fromBytes).isEqualTo(expected);
        });
    }

    @Test
    void patternsAreTheMetricFiltersThenTheSubscriptionFiltersInTheOrderAdded() {
        PropCheck.forAll(FILTER_LISTS, Gen.elements(MESSAGES), (filters, message) -> {
            List<SubscriptionFilter> subscriptions = List.of(
                    SubscriptionFilter.of("errors", FilterPattern.compile("{ $.errorCode = * }")),
                    SubscriptionFilter.of("plain", FilterPattern.compile("ERROR")));
            LogGroup.Builder b = LogGroup.builder().metricFilters(filters);
            subscriptions.forEach(b::subscriptionFilter);
            LogGroup group = b.build();
            List<FilterPattern> expected = new ArrayList<>();
            filters.forEach(f -> expected.add(f.pattern()));
            subscriptions.forEach(f -> expected.add(f.pattern()));

            PatternSet set = group.patterns();
            assertThat(set.patterns()).containsExactlyElementsOf(expected);
            assertThat(group.patterns()).isSameAs(set);
            BitSet matched = new BitSet();
            set.matches(message, matched);
            for (int i = 0; i < expected.size(); i++) {
                assertThat(matched.get(i)).as("pattern %d on %s", i, message)
                        .isEqualTo(expected.get(i).matches(message));
            }
        });
    }

    @Test
    void subscriptionFiltersAreReportedWithTheirEvents() {
        LogGroup group = LogGroup.builder().name("CloudTrail/logs").metricFilter(POOL.get(0))
                .subscriptionFilter(SubscriptionFilter.of("errors", FilterPattern.compile("{ $.errorCode = * }")))
                .build();
        List<String> delivered = new ArrayList<>();
        LogGroupMetrics metrics = LogGroupMetrics.of(group, dev.cwfilter.metric.MetricAggregator.builder(),
                new LogGroup.Listener() {
                    @Override
                    public void datapoint(int metricFilter, Datapoint datapoint) {
                    }

                    @Override
                    public void subscriptionFilterMatched(int subscriptionFilter, LogEvent event) {
                        delivered.add(subscriptionFilter + ":" + event.message());
                    }
                });
        metrics.acceptAll(MESSAGES.stream().map(m -> new LogEvent(60_000, m)).toList());
        assertThat(delivered).containsExactly("0:" + MESSAGES.get(2));
        assertThat(metrics.subscriptionMatchCount(0)).isEqualTo(1);
        assertThat(metrics.matchCount(0)).isEqualTo(2);
        assertThat(metrics.datapointCount(0)).isEqualTo(MESSAGES.size());
        assertThat(metrics.metric(MetricId.of("Test", "reads")).acceptedCount()).isEqualTo(MESSAGES.size());
        assertThat(metrics.eventCount()).isEqualTo(MESSAGES.size());
    }

    @Test
    void filtersPublishingTheSameMetricFeedOneAggregator() {
        MetricFilter a = filter("a", "ERROR", "1", null, Map.of());
        MetricFilter b = MetricFilter.builder().filterName("b").filterPattern("failure").metricNamespace("Test")
                .metricName("a").build();
        LogGroupMetrics metrics = LogGroupMetrics.of(LogGroup.builder().metricFilter(a).metricFilter(b).build())
                .acceptAll(List.of(new LogEvent(0, "ERROR failure"), new LogEvent(1, "failure")));
        assertThat(metrics.metrics()).containsOnlyKeys(MetricId.of("Test", "a"));
        assertThat(metrics.metric(MetricId.of("Test", "a")).acceptedCount()).isEqualTo(3);
    }

    @Test
    void dimensionsNameDistinctMetrics() {
        LogGroupMetrics metrics = LogGroupMetrics.of(LogGroup.builder().metricFilter(POOL.get(3)).build())
                .acceptAll(MESSAGES.stream().map(m -> new LogEvent(0, m)).toList());
        assertThat(metrics.metrics()).containsOnlyKeys(
                new MetricId("Test", "by-user", Map.of("User", "alice")),
                new MetricId("Test", "by-user", Map.of("User", "bob")),
                new MetricId("Test", "by-user", Map.of("User", "")));
    }

    @Test
    void quotasAndNamesAreCheckedAsCloudWatchChecksThem() {
        LogGroup.Builder tooMany = LogGroup.builder();
        for (int i = 0; i <= LogGroup.MAX_METRIC_FILTERS; i++) {
            tooMany.metricFilter(filter("f" + i, "x", "1", null, Map.of()));
        }
        assertThatThrownBy(tooMany::build).hasMessageContaining("at most 100 metric filters");
        LogGroup.Builder subs = LogGroup.builder();
        for (int i = 0; i <= LogGroup.MAX_SUBSCRIPTION_FILTERS; i++) {
            subs.subscriptionFilter(SubscriptionFilter.of("s" + i, FilterPattern.compile("x")));
        }
        assertThatThrownBy(subs::build).hasMessageContaining("at most 2 subscription filters");
        assertThatThrownBy(() -> LogGroup.builder().metricFilter(POOL.get(0)).metricFilter(POOL.get(0)).build())
                .hasMessageContaining("two metric filters are named 'reads'");
        assertThatThrownBy(() -> LogGroup.builder().metricFilter(MetricFilter.builder().filterPattern("x").build()))
                .hasMessageContaining("publishes no metric");
        assertThatThrownBy(() -> LogGroup.builder().name("bad name")).hasMessageContaining("log group name");
        assertThatThrownBy(() -> SubscriptionFilter.of("a:b", FilterPattern.compile("x")))
                .hasMessageContaining("may not contain");
    }
}
