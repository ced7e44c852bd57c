package dev.cwfilter.metric;

import dev.cwfilter.Datapoint;
import dev.cwfilter.LogEvent;
import dev.cwfilter.MetricFilter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * The metrics one metric filter publishes, as CloudWatch keeps them: one {@link MetricAggregator} per combination of
 * dimension values (a filter without dimensions has exactly one metric). Feed it log events in any order; the
 * filter decides what each publishes (value, default, dimensions, unit) and the datapoints land in the metric of
 * their dimension values.
 *
 * <pre>{@code
 * FilterMetrics metrics = FilterMetrics.of(filter);
 * metrics.acceptAll(events);
 * MetricAggregator secretReads = metrics.metric();              // no dimensions
 * new AlarmEvaluator(alarm, secretReads, AlarmEmailPrinter.to(System.out)).replay();
 * }</pre>
 *
 * <p>CloudWatch may disable a metric filter that generates 1,000 distinct dimension combinations within an hour;
 * {@link #dimensionLimitReachedAt()} says when this filter would have reached that, without disabling it.
 *
 * <p>Not thread-safe: feed it from one thread (the aggregators themselves are thread-safe to query).
 */
public final class FilterMetrics implements Consumer<LogEvent> {

    /** Distinct dimension combinations within an hour after which CloudWatch may disable a metric filter. */
    public static final int DIMENSION_COMBINATION_LIMIT = 1000;

    private static final long HOUR_MILLIS = 3_600_000;

    private final MetricFilter filter;
    private final MetricAggregator.Builder template;
    private final MetricFilter.Emitter emitter;
    private final Map<Map<String, String>, MetricAggregator> metrics = new LinkedHashMap<>();
    private final List<Long> firstSeen = new ArrayList<>();
    private long events;
    private long datapoints;

    private FilterMetrics(MetricFilter filter, MetricAggregator.Builder template) {
        this.filter = Objects.requireNonNull(filter, "filter");
        this.template = Objects.requireNonNull(template, "template");
        this.emitter = filter.emitter(this::record);
    }

    /** The metrics of a filter, stored at the 60-second resolution of metric-filter metrics. */
    public static FilterMetrics of(MetricFilter filter) {
        return new FilterMetrics(filter, MetricAggregator.builder());
    }

    /**
     * The metrics of a filter, each aggregator built from the given settings (its dimensions are set per
     * combination).
     */
    public static FilterMetrics of(MetricFilter filter, MetricAggregator.Builder settings) {
        return new FilterMetrics(filter, settings);
    }

    /** The metric filter. */
    public MetricFilter filter() {
        return filter;
    }

    /** Evaluates one log event and records what it publishes. */
    @Override
    public void accept(LogEvent event) {
        events++;
        emitter.accept(event);
    }

    /** Evaluates every event, then {@linkplain #flush() flushes} the per-minute defaults. */
    public FilterMetrics acceptAll(Iterable<LogEvent> logEvents) {
        for (LogEvent event : logEvents) {
            accept(event);
        }
        flush();
        return this;
    }

    /**
     * Records the default values the filter publishes once per minute without a match
     * ({@link dev.cwfilter.DefaultValueMode#ONCE_PER_MINUTE_WITHOUT_MATCH}) for the minutes seen so far. Needed only
     * in that mode; harmless otherwise.
     */
    public void flush() {
        emitter.flush();
    }

    private void record(Datapoint datapoint) {
        MetricAggregator metric = metrics.get(datapoint.dimensions());
        if (metric == null) {
            metric = template.dimensions(datapoint.dimensions()).build();
            metrics.put(datapoint.dimensions(), metric);
            firstSeen.add(datapoint.timestamp());
        }
        metric.add(datapoint);
        datapoints++;
    }

    /** Every metric, by dimension values, in the order their first datapoint arrived. */
    public Map<Map<String, String>, MetricAggregator> metrics() {
        return Collections.unmodifiableMap(metrics);
    }

    /**
     * The metric without dimensions: the only one of a filter that has none. Empty (and holding no data) until the
     * filter has published something.
     */
    public MetricAggregator metric() {
        return metric(Map.of());
    }

    /** The metric with these dimension values; an empty aggregator if nothing was published for them. */
    public MetricAggregator metric(Map<String, String> dimensions) {
        MetricAggregator metric = metrics.get(dimensions);
        return metric != null ? metric : template.dimensions(dimensions).build();
    }

    /** How many log events were evaluated. */
    public long eventCount() {
        return events;
    }

    /** How many datapoints the filter published (some may have been rejected by an aggregator as out of range). */
    public long datapointCount() {
        return datapoints;
    }

    /**
     * The timestamp of the first datapoint at which {@value #DIMENSION_COMBINATION_LIMIT} distinct dimension
     * combinations had first appeared within one hour, if that happened; CloudWatch may disable such a filter.
     */
    public OptionalLong dimensionLimitReachedAt() {
        if (firstSeen.size() < DIMENSION_COMBINATION_LIMIT) {
            return OptionalLong.empty();
        }
        long[] sorted = firstSeen.stream().mapToLong(Long::longValue).sorted().toArray();
        for (int i = DIMENSION_COMBINATION_LIMIT - 1; i < sorted.length; i++) {
            if (sorted[i] - sorted[i - DIMENSION_COMBINATION_LIMIT + 1] < HOUR_MILLIS) {
                return OptionalLong.of(sorted[i]);
            }
        }
        return OptionalLong.empty();
    }
}
