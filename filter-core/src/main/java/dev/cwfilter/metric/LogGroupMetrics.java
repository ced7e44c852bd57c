package dev.cwfilter.metric;

import dev.cwfilter.Datapoint;
import dev.cwfilter.LogEvent;
import dev.cwfilter.LogGroup;
import dev.cwfilter.MetricFilter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The metrics a log group's metric filters publish, as CloudWatch keeps them: one {@link MetricAggregator} per metric
 * ({@link MetricId}: namespace, name and dimension values), fed by every filter that publishes to it. Feed it log
 * events in any order, then query the metrics or evaluate alarms on them.
 *
 * <pre>{@code
 * LogGroupMetrics metrics = LogGroupMetrics.of(group).acceptAll(events);
 * MetricAggregator reads = metrics.metric(MetricId.of("SecurityMetrics", "Secret is accessed"));
 * new AlarmEvaluator(alarm, reads, AlarmEmailPrinter.to(System.out)).replay();
 * }</pre>
 *
 * <p>Not thread-safe: feed it from one thread (the aggregators themselves are thread-safe to query).
 */
public final class LogGroupMetrics implements Consumer<LogEvent> {

    private final LogGroup group;
    private final MetricAggregator.Builder template;
    private final LogGroup.Emitter emitter;
    private final Map<MetricId, MetricAggregator> metrics = new LinkedHashMap<>();
    private final long[] matches;
    private final long[] datapoints;
    private final long[] subscriptionMatches;
    private long events;

    private LogGroupMetrics(LogGroup group, MetricAggregator.Builder template, LogGroup.Listener also) {
        this.group = Objects.requireNonNull(group, "group");
        this.template = Objects.requireNonNull(template, "template");
        this.matches = new long[group.metricFilters().size()];
        this.datapoints = new long[group.metricFilters().size()];
        this.subscriptionMatches = new long[group.subscriptionFilters().size()];
        this.emitter = group.emitter(new LogGroup.Listener() {
            @Override
            public void datapoint(int metricFilter, Datapoint datapoint) {
                record(metricFilter, datapoint);
                also.datapoint(metricFilter, datapoint);
            }

            @Override
            public void metricFilterMatched(int metricFilter, LogEvent event) {
                matches[metricFilter]++;
                also.metricFilterMatched(metricFilter, event);
            }

            @Override
            public void subscriptionFilterMatched(int subscriptionFilter, LogEvent event) {
                subscriptionMatches[subscriptionFilter]++;
                also.subscriptionFilterMatched(subscriptionFilter, event);
            }
        });
    }

    /** The metrics of a log group, stored at the 60-second resolution of metric-filter metrics. */
    public static LogGroupMetrics of(LogGroup group) {
        return of(group, MetricAggregator.builder(), (filter, datapoint) -> { });
    }

    /**
     * The metrics of a log group, each aggregator built from the given settings (its dimensions are set per metric),
     * also telling {@code also} everything the group publishes and matches (subscription deliveries, say).
     */
    public static LogGroupMetrics of(LogGroup group, MetricAggregator.Builder settings, LogGroup.Listener also) {
        return new LogGroupMetrics(group, settings, Objects.requireNonNull(also, "also"));
    }

    /** The log group. */
    public LogGroup group() {
        return group;
    }

    /** Evaluates one log event with every filter and records what it publishes. */
    @Override
    public void accept(LogEvent event) {
        events++;
        emitter.accept(event);
    }

    /** {@link #accept(LogEvent)} for a message given as UTF-8 bytes. */
    public void accept(long timestamp, byte[] utf8, int offset, int length) {
        events++;
        emitter.accept(timestamp, utf8, offset, length);
    }

    /** Evaluates every event, then {@linkplain #flush() flushes} the per-minute defaults. */
    public LogGroupMetrics acceptAll(Iterable<LogEvent> logEvents) {
        for (LogEvent event : logEvents) {
            accept(event);
        }
        flush();
        return this;
    }

    /** Records the per-minute default values of the minutes seen so far (see {@link LogGroup.Emitter#flush()}). */
    public void flush() {
        emitter.flush();
    }

    private void record(int filter, Datapoint datapoint) {
        MetricFilter f = group.metricFilters().get(filter);
        MetricId id = new MetricId(f.metricNamespace().orElseThrow(), f.metricName().orElseThrow(),
                datapoint.dimensions());
        metrics.computeIfAbsent(id, k -> template.dimensions(k.dimensions()).build()).add(datapoint);
        datapoints[filter]++;
    }

    /** Every metric that received a datapoint, in the order their first datapoint arrived. */
    public Map<MetricId, MetricAggregator> metrics() {
        return Collections.unmodifiableMap(metrics);
    }

    /** The metric with this identity; an empty aggregator if nothing was published to it. */
    public MetricAggregator metric(MetricId id) {
        MetricAggregator metric = metrics.get(id);
        return metric != null ? metric : template.dimensions(id.dimensions()).build();
    }

    /** How many log events were evaluated. */
    public long eventCount() {
        return events;
    }

    /** How many events metric filter {@code i} matched. */
    public long matchCount(int metricFilter) {
        return matches[metricFilter];
    }

    /** How many datapoints metric filter {@code i} published (values on a match and default values). */
    public long datapointCount(int metricFilter) {
        return datapoints[metricFilter];
    }

    /** How many events subscription filter {@code j} matched. */
    public long subscriptionMatchCount(int subscriptionFilter) {
        return subscriptionMatches[subscriptionFilter];
    }
}
