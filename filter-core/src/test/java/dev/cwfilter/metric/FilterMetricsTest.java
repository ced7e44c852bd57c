package dev.cwfilter.metric;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cwfilter.DefaultValueMode;
import dev.cwfilter.FilterOptions;
import dev.cwfilter.LogEvent;
import dev.cwfilter.MetricFilter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** FilterMetrics keeps one metric per dimension combination, as CloudWatch does. */
class FilterMetricsTest {

    private static final MetricFilter BY_SERVER = MetricFilter.builder()
            .filterPattern("[ip, server, user, timestamp, request, status_code = 5*, bytes]")
            .metricNamespace("Web").metricName("ServerErrors").metricValue("1").dimension("Server", "$server").build();

    private static String line(String server, int status) {
        return "10.0.0.1 " + server + " - [21/Nov/2026:12:00:00 +0000] \"GET / HTTP/1.1\" " + status + " 512";
    }

    @Test
    void eachDimensionCombinationIsItsOwnMetric() {
        FilterMetrics metrics = FilterMetrics.of(BY_SERVER).acceptAll(List.of(
                new LogEvent(0, line("web-1", 500)), new LogEvent(1_000, line("web-2", 503)),
                new LogEvent(2_000, line("web-1", 502)), new LogEvent(3_000, line("web-1", 200))));
        assertThat(metrics.metrics().keySet()).containsExactly(Map.of("Server", "web-1"), Map.of("Server", "web-2"));
        assertThat(metrics.metric(Map.of("Server", "web-1")).acceptedCount()).isEqualTo(2);
        assertThat(metrics.metric(Map.of("Server", "web-2")).acceptedCount()).isEqualTo(1);
        assertThat(metrics.metric(Map.of("Server", "web-3")).acceptedCount()).isZero();
        assertThat(metrics.metric().acceptedCount()).as("no dimensionless metric for a filter with dimensions")
                .isZero();
        assertThat(metrics.eventCount()).isEqualTo(4);
        assertThat(metrics.datapointCount()).isEqualTo(3);
    }

    @Test
    void perMinuteDefaultsLandWhenFlushed() {
        MetricFilter filter = MetricFilter.builder().filterPattern("ERROR").metricValue("1").defaultValue(0)
                .options(FilterOptions.builder().defaultValueMode(DefaultValueMode.ONCE_PER_MINUTE_WITHOUT_MATCH)
                        .build())
                .build();
        FilterMetrics metrics = FilterMetrics.of(filter);
        metrics.accept(new LogEvent(1_000, "INFO ok"));
        metrics.accept(new LogEvent(2_000, "INFO ok"));
        metrics.accept(new LogEvent(61_000, "ERROR bad"));
        assertThat(metrics.datapointCount()).isEqualTo(1);
        metrics.flush();
        assertThat(metrics.datapointCount()).isEqualTo(2);
        List<PeriodStatistics> sums = metrics.metric().getMetricStatistics(StatisticsQuery.of(0, 120_000, 60,
                Statistic.SUM, Statistic.SAMPLE_COUNT));
        assertThat(sums).extracting(PeriodStatistics::timestamp).containsExactly(0L, 60_000L);
        assertThat(sums.get(0).value(Statistic.SAMPLE_COUNT)).hasValue(1);
        assertThat(sums.get(0).value(Statistic.SUM)).hasValue(0);
    }

    @Test
    void reportsWhenAThousandCombinationsAppearWithinAnHour() {
        MetricFilter byUser = MetricFilter.builder().filterPattern("{ $.user = * }").metricValue("1")
                .dimension("User", "$.user").build();
        List<LogEvent> events = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            events.add(new LogEvent(i * 3_000L, "{\"user\":\"u" + i + "\"}"));
        }
        FilterMetrics metrics = FilterMetrics.of(byUser).acceptAll(events);
        assertThat(metrics.metrics()).hasSize(1_000);
        assertThat(metrics.dimensionLimitReachedAt()).hasValue(999 * 3_000L);

        List<LogEvent> slow = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            slow.add(new LogEvent(i * 6_000L, "{\"user\":\"u" + i + "\"}"));
        }
        assertThat(FilterMetrics.of(byUser).acceptAll(slow).dimensionLimitReachedAt())
                .as("1,000 combinations spread over more than an hour").isEmpty();
    }
}
