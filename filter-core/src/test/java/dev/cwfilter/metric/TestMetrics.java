package dev.cwfilter.metric;

import dev.cwfilter.Datapoint;
import dev.cwfilter.StandardUnit;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Datapoints, times and one-period queries shared by the metric tests. */
final class TestMetrics {

    /** 2026-11-21T12:00:00Z, a whole hour. */
    static final long NOON = Instant.parse("2026-11-21T12:00:00Z").toEpochMilli();
    static final long MINUTE = 60_000;

    private TestMetrics() {
    }

    static long at(String isoInstant) {
        return Instant.parse(isoInstant).toEpochMilli();
    }

    static Datapoint datapoint(long timestamp, double value) {
        return new Datapoint(timestamp, value, StandardUnit.NONE, Map.of());
    }

    /** An aggregator holding {@code values}, all in the minute starting at {@link #NOON}. */
    static MetricAggregator oneMinuteOf(double... values) {
        MetricAggregator metric = MetricAggregator.create();
        for (int i = 0; i < values.length; i++) {
            metric.add(datapoint(NOON + (i % 60_000), values[i]));
        }
        return metric;
    }

    /** The statistics of the minute starting at {@link #NOON}; fails if that minute has no data. */
    static PeriodStatistics noonMinute(MetricAggregator metric, Statistic... statistics) {
        List<PeriodStatistics> result =
                metric.getMetricStatistics(StatisticsQuery.of(NOON, NOON + MINUTE, 60, statistics));
        if (result.size() != 1) {
            throw new AssertionError("expected one period at noon, got " + result);
        }
        return result.get(0);
    }

    static Statistic stat(String name) {
        return Statistic.parse(name);
    }
}
