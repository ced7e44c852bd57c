package dev.cwfilter.flink;

import dev.cwfilter.metric.MetricId;
import dev.cwfilter.metric.PeriodStatistics;
import java.util.Objects;

/**
 * One datapoint of a metric, published once the watermark has passed the end of its period: the statistics of the
 * period for one unit, exactly as {@code MetricAggregator.getMetricStatistics} reports them for the same period (and
 * as {@code LogGroupMonitor} publishes them). Immutable and thread-safe.
 *
 * @param metric        the metric: namespace, name and dimension values
 * @param periodSeconds the period's length
 * @param statistics    the period's start (as {@code statistics.timestamp()}), unit and statistics
 */
public record MetricDatapoint(MetricId metric, int periodSeconds, PeriodStatistics statistics) {

    /** Checks for null. */
    public MetricDatapoint {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(statistics, "statistics");
        if (periodSeconds <= 0) {
            throw new IllegalArgumentException("a period is positive, not " + periodSeconds);
        }
    }

    /** The start of the period, epoch milliseconds. */
    public long timestamp() {
        return statistics.timestamp();
    }
}
