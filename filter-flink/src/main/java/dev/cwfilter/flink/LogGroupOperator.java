package dev.cwfilter.flink;

import dev.cwfilter.Datapoint;
import dev.cwfilter.DefaultValueMode;
import dev.cwfilter.LogEvent;
import dev.cwfilter.LogGroup;
import dev.cwfilter.MetricFilter;
import dev.cwfilter.StandardUnit;
import dev.cwfilter.io.Utf8;
import dev.cwfilter.live.LatenessRule;
import dev.cwfilter.live.Rejection;
import dev.cwfilter.metric.MetricAggregator;
import dev.cwfilter.metric.MetricId;
import dev.cwfilter.metric.PeriodAccumulator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.state.StateInitializationContext;
import org.apache.flink.runtime.state.StateSnapshotContext;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.util.OutputTag;

/**
 * The first stage of a log group on Flink: every event goes through the log group's metric filters (a
 * {@link LogGroup} compiled once per task, one {@link LogGroup.Emitter} per task), and what the filters publish leaves
 * as {@link MetricUpdate}s to key by metric and feed to {@link MetricFunction}.
 *
 * <h2>Late events</h2>
 * Each event is judged by {@link LatenessRule#classify} against this task's watermark W (Flink's watermark plus one:
 * a Flink watermark w says no event at or before w is to come, the rule's W says none before W), exactly as
 * {@code LogGroupMonitor} judges it: an event at or after W is on time; a late one (before W, not before the horizon
 * of the alarms' next evaluations) is kept and reported on {@link #LATE_EVENTS}; a too-late one is dropped and
 * reported there. A late event's datapoints in a minute W has already passed are sent at once, stamped with W, and
 * {@link MetricFunction} counts them only after every boundary up to W has been evaluated, as the monitor does.
 *
 * <h2>Gathering</h2>
 * On-time values are gathered per (metric, minute) in {@link PeriodAccumulator}s and sent when the watermark passes
 * the minute's end, when {@code maxBufferedMinutes} entries are waiting, and before every checkpoint barrier — so the
 * operator holds nothing a checkpoint would have to keep, and the keyed stage sees a few updates per metric and minute
 * instead of one per event. Merging is exact, so when the values are sent never changes a result.
 *
 * <h2>Per-minute default values</h2>
 * A filter whose default value is published once per minute without a match
 * ({@link DefaultValueMode#ONCE_PER_MINUTE_WITHOUT_MATCH}) needs to know whether any task saw a match in that minute:
 * each task only reports which such filters saw events and matches in each minute, and {@link MetricFunction} decides
 * when the minute is complete. A late event in a minute the watermark has passed neither publishes nor withdraws that
 * minute's default: the minute was decided (docs/semantics-decisions.md).
 *
 * <p>Side outputs: {@link #LATE_EVENTS} and {@link #REJECTIONS} (empty or oversized messages, values beyond what
 * PutMetricData accepts). The watermark W is kept in operator state, so that events replayed after a restore are
 * judged against the watermark the task had reached, not against a watermark that starts over.
 *
 * <p>Flink creates and calls the operator on one task thread; not thread-safe.
 */
public final class LogGroupOperator extends AbstractStreamOperator<MetricUpdate>
        implements OneInputStreamOperator<LogEvent, MetricUpdate> {

    private static final long serialVersionUID = 1L;

    /** Events after the watermark: kept (LATE) or dropped (TOO_LATE). */
    public static final OutputTag<LateEvent> LATE_EVENTS =
            new OutputTag<>("cwfilter-late-events", CloudWatchTypes.LATE_EVENT);
    /** Events and datapoints dropped for another reason than lateness. */
    public static final OutputTag<Rejection> REJECTIONS =
            new OutputTag<>("cwfilter-rejections", CloudWatchTypes.REJECTION);

    /**
     * With a summary ({@link Settings#summary()}): this task's counts (events evaluated and without a timestamp, each
     * filter's matches and datapoints, each metric's stored and rejected datapoints) as one {@link RunSummary}, sent
     * when the input ends.
     */
    static final OutputTag<byte[]> SUMMARY = new OutputTag<>("cwfilter-summary",
            org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO);

    static final long MINUTE = 60_000;
    private static final long NO_TIME = LatenessRule.NO_TIME;

    private final Definitions definitions;
    private final Settings settings;

    private transient LogGroup group;
    private transient LogGroup.Emitter emitter;
    private transient LatenessRule rule;
    private transient Route[] routes;
    private transient int[] perMinuteFilters;
    private transient int bitWords;
    private transient HashMap<MetricId, MinuteBuffer[]> buffer;
    private transient int buffered;
    private transient long earliestEnd;
    private transient ListState<Long> watermarkState;
    /** The watermark restored from a checkpoint (the lowest any task had reached), or NO_TIME. */
    private transient long restoredWatermark;
    /** W, the watermark events are judged against. */
    private transient long watermark;
    /** The latest minute end up to which the emitter's own per-minute bookkeeping was cleared. */
    private transient long clearedUpTo;
    private transient StreamRecord<MetricUpdate> out;
    /** This task's counts not sent yet (with a summary), or null; kept in {@link #summaryState}. */
    private transient RunSummary summary;
    private transient ListState<byte[]> summaryState;

    // The event being evaluated, for the emitter's callbacks.
    private transient boolean eventLate;
    private transient boolean lateInCompleteMinute;
    private transient long eventMinute;
    private transient boolean clearing;

    LogGroupOperator(Definitions definitions, Settings settings) {
        this.definitions = definitions;
        this.settings = settings;
    }

    @Override
    public void initializeState(StateInitializationContext context) throws Exception {
        super.initializeState(context);
        watermarkState = context.getOperatorStateStore().getUnionListState(
                new ListStateDescriptor<>("cwfilter-watermark", Types.LONG));
        restoredWatermark = NO_TIME;
        if (context.isRestored()) {
            for (Long w : watermarkState.get()) {
                restoredWatermark = restoredWatermark == NO_TIME ? w : Math.min(restoredWatermark, w);
            }
        }
        if (settings.summary()) {
            // Split, not union, redistribution: after a change of parallelism each count is restored once.
            summaryState = context.getOperatorStateStore().getListState(new ListStateDescriptor<>("cwfilter-summary",
                    org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO));
            summary = new RunSummary(definitions.metricFilterCount());
            if (context.isRestored()) {
                for (byte[] part : summaryState.get()) {
                    summary.merge(RunSummary.fromBytes(part));
                }
            }
        }
    }

    @Override
    public void open() throws Exception {
        super.open();
        group = definitions.logGroup();
        rule = LatenessRule.of(java.time.Duration.ZERO, definitions.alarms());
        List<MetricFilter> filters = group.metricFilters();
        routes = new Route[filters.size()];
        List<Integer> perMinute = new ArrayList<>();
        for (int i = 0; i < routes.length; i++) {
            MetricFilter f = filters.get(i);
            routes[i] = new Route(f.metricNamespace().orElseThrow(), f.metricName().orElseThrow());
            if (f.defaultValue().isPresent()
                    && f.options().defaultValueMode() == DefaultValueMode.ONCE_PER_MINUTE_WITHOUT_MATCH) {
                perMinute.add(i);
            }
        }
        perMinuteFilters = perMinute.stream().mapToInt(Integer::intValue).toArray();
        bitWords = (routes.length + 63) / 64;
        buffer = new HashMap<>();
        earliestEnd = Long.MAX_VALUE;
        watermark = settings.hasStart() ? settings.startTime() : NO_TIME;
        if (restoredWatermark != NO_TIME) {
            watermark = watermark == NO_TIME ? restoredWatermark : Math.max(watermark, restoredWatermark);
        }
        clearedUpTo = NO_TIME;
        out = new StreamRecord<>(null);
        emitter = group.emitter(new Listener());
    }

    @Override
    public void processElement(StreamRecord<LogEvent> element) throws Exception {
        LogEvent event = element.getValue();
        long t = event.timestamp();
        String message = event.message();
        if (t == LogEventFormats.NO_TIMESTAMP) {
            if (summary != null) {
                summary.withoutTimestamp++;
            }
            reject(new Rejection(Rejection.Reason.MALFORMED, t, "no timestamp (the input gave none: a JSON line"
                    + " without a timestamp or eventTime field, a Kafka record without one, or a file that could not"
                    + " be read, whose message says why)", Optional.of(event)));
            return;
        }
        if (message.isEmpty()) {
            reject(new Rejection(Rejection.Reason.MALFORMED, t,
                    "an empty message (CloudWatch Logs refuses events without one)", Optional.empty()));
            return;
        }
        if ((long) message.length() * 3 > settings.maxEventBytes()) {
            long bytes = Utf8.encodedLength(message);
            if (bytes > settings.maxEventBytes()) {
                reject(new Rejection(Rejection.Reason.OVERSIZED, t, "a message of " + bytes
                        + " bytes; the largest event is " + settings.maxEventBytes() + " bytes", Optional.empty()));
                return;
            }
        }
        LatenessRule.Verdict verdict = rule.classify(t, watermark, NO_TIME);
        if (verdict == LatenessRule.Verdict.TOO_LATE) {
            output.collect(LATE_EVENTS, new StreamRecord<>(new LateEvent(event, verdict, watermark), t));
            return;
        }
        eventLate = verdict == LatenessRule.Verdict.LATE;
        eventMinute = t - Math.floorMod(t, MINUTE);
        lateInCompleteMinute = eventLate && eventMinute + MINUTE <= watermark;
        if (eventLate) {
            output.collect(LATE_EVENTS, new StreamRecord<>(new LateEvent(event, verdict, watermark), t));
        }
        if (summary != null) {
            summary.evaluated++;
        }
        emitter.accept(event);
        if (!lateInCompleteMinute) {
            for (int f : perMinuteFilters) {
                minute(routes[f].plain, eventMinute).see(f, bitWords);
            }
        }
    }

    @Override
    public void processWatermark(Watermark mark) throws Exception {
        long w = mark.getTimestamp();
        if (w != Long.MIN_VALUE) {
            long candidate = w == Long.MAX_VALUE ? Long.MAX_VALUE : w + 1;
            if (watermark == NO_TIME || candidate > watermark) {
                watermark = candidate;
            }
        }
        if (watermark != NO_TIME && earliestEnd <= watermark) {
            flush(watermark);
        }
        if (watermark != NO_TIME && (clearedUpTo == NO_TIME || watermark - clearedUpTo >= MINUTE)) {
            // The emitter remembers, per minute, whether a once-per-minute filter matched; its defaults are decided
            // downstream, so what it would publish is dropped and its memory of complete minutes cleared.
            clearing = true;
            try {
                emitter.flushBefore(watermark);
            } finally {
                clearing = false;
            }
            clearedUpTo = watermark;
        }
        super.processWatermark(mark);
    }

    @Override
    public void prepareSnapshotPreBarrier(long checkpointId) throws Exception {
        super.prepareSnapshotPreBarrier(checkpointId);
        flush(Long.MAX_VALUE);
    }

    @Override
    public void snapshotState(StateSnapshotContext context) throws Exception {
        super.snapshotState(context);
        watermarkState.update(watermark == NO_TIME ? List.of() : List.of(watermark));
        if (summary != null) {
            summaryState.update(summary.isEmpty() ? List.of() : List.of(summary.toBytes()));
        }
    }

    @Override
    public void finish() throws Exception {
        flush(Long.MAX_VALUE);
        if (summary != null) {
            output.collect(SUMMARY, new StreamRecord<>(summary.toBytes()));
            // Sent: a checkpoint after this holds nothing that was sent, so nothing is counted twice.
            summary = new RunSummary(definitions.metricFilterCount());
        }
        super.finish();
    }

    private void reject(Rejection rejection) {
        output.collect(REJECTIONS, new StreamRecord<>(rejection, rejection.timestamp()));
    }

    /** Sends every gathered minute that ends at or before {@code upTo}. */
    private void flush(long upTo) {
        long earliest = Long.MAX_VALUE;
        for (Iterator<Map.Entry<MetricId, MinuteBuffer[]>> it = buffer.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<MetricId, MinuteBuffer[]> e = it.next();
            MinuteBuffer[] minutes = e.getValue();
            boolean left = false;
            for (int i = 0; i < minutes.length; i++) {
                MinuteBuffer m = minutes[i];
                if (m == null) {
                    continue;
                }
                if (m.minute + MINUTE <= upTo || upTo == Long.MAX_VALUE) {
                    send(e.getKey(), m);
                    minutes[i] = null;
                    buffered--;
                } else {
                    left = true;
                    earliest = Math.min(earliest, m.minute + MINUTE);
                }
            }
            if (!left) {
                it.remove();
            }
        }
        earliestEnd = earliest;
    }

    private void send(MetricId metric, MinuteBuffer m) {
        MetricUpdate update = MetricUpdate.values(metric, m.minute, Arrays.copyOf(m.units, m.count),
                Arrays.copyOf(m.values, m.count), m.seen, m.matched);
        output.collect(out.replace(update, m.minute));
    }

    /** The gathered minute of a metric, made if new (sending everything first when the buffer is full). */
    private MinuteBuffer minute(MetricId metric, long minute) {
        MinuteBuffer[] minutes = buffer.get(metric);
        if (minutes != null) {
            for (MinuteBuffer m : minutes) {
                if (m != null && m.minute == minute) {
                    return m;
                }
            }
        }
        if (buffered >= settings.maxBufferedMinutes()) {
            flush(Long.MAX_VALUE);
            minutes = null;
        }
        MinuteBuffer m = new MinuteBuffer(minute);
        if (minutes == null) {
            buffer.put(metric, new MinuteBuffer[] {m, null});
        } else {
            int free = -1;
            for (int i = 0; i < minutes.length; i++) {
                if (minutes[i] == null) {
                    free = i;
                    break;
                }
            }
            if (free < 0) {
                free = minutes.length;
                minutes = Arrays.copyOf(minutes, minutes.length * 2);
                buffer.put(metric, minutes);
            }
            minutes[free] = m;
        }
        buffered++;
        earliestEnd = Math.min(earliestEnd, minute + MINUTE);
        return m;
    }

    /** What the emitter publishes and matches, for the event being evaluated. */
    private final class Listener implements LogGroup.Listener {
        @Override
        public void datapoint(int metricFilter, Datapoint d) {
            if (clearing) {
                return;
            }
            Route route = routes[metricFilter];
            MetricId metric = route.metric(d.dimensions());
            double value = d.value();
            if (summary != null) {
                summary.datapoint(metricFilter, metric, Math.abs(value) <= MetricAggregator.MAX_ABSOLUTE_VALUE);
            }
            if (Math.abs(value) > MetricAggregator.MAX_ABSOLUTE_VALUE) {
                reject(new Rejection(Rejection.Reason.VALUE_OUT_OF_RANGE, d.timestamp(), "metric filter "
                        + filterName(metricFilter) + " published " + value + ", beyond ±2^360", Optional.empty()));
                return;
            }
            long t = d.timestamp();
            long minute = t - Math.floorMod(t, MINUTE);
            if (eventLate && minute + MINUTE <= watermark) {
                output.collect(out.replace(MetricUpdate.late(metric, t, d.unit(), value, watermark), t));
            } else {
                minute(metric, minute).add(d.unit(), value, settings);
            }
        }

        @Override
        public void metricFilterMatched(int metricFilter, LogEvent event) {
            if (summary != null) {
                summary.matches[metricFilter]++;
            }
            if (!lateInCompleteMinute && isPerMinute(metricFilter)) {
                minute(routes[metricFilter].plain, eventMinute).match(metricFilter, bitWords);
            }
        }
    }

    private boolean isPerMinute(int filter) {
        for (int f : perMinuteFilters) {
            if (f == filter) {
                return true;
            }
        }
        return false;
    }

    private String filterName(int filter) {
        return group.metricFilters().get(filter).filterName().map(n -> "'" + n + "'").orElse("#" + filter);
    }

    /** One metric filter's metrics: the one without dimensions, and one per dimension combination seen lately. */
    private static final class Route {
        private static final int CACHE_LIMIT = 4096;
        final String namespace;
        final String metricName;
        final MetricId plain;
        final HashMap<Map<String, String>, MetricId> byDimensions = new HashMap<>();

        Route(String namespace, String metricName) {
            this.namespace = namespace;
            this.metricName = metricName;
            this.plain = MetricId.of(namespace, metricName);
        }

        MetricId metric(Map<String, String> dimensions) {
            if (dimensions.isEmpty()) {
                return plain;
            }
            MetricId id = byDimensions.get(dimensions);
            if (id == null) {
                if (byDimensions.size() >= CACHE_LIMIT) {
                    byDimensions.clear();
                }
                id = new MetricId(namespace, metricName, dimensions);
                byDimensions.put(dimensions, id);
            }
            return id;
        }
    }

    /** One metric's values in one minute on this task, by unit, and the per-minute default markers. */
    private static final class MinuteBuffer {
        final long minute;
        StandardUnit[] units = new StandardUnit[1];
        PeriodAccumulator[] values = new PeriodAccumulator[1];
        int count;
        long[] seen;
        long[] matched;

        MinuteBuffer(long minute) {
            this.minute = minute;
        }

        void add(StandardUnit unit, double value, Settings settings) {
            for (int i = 0; i < count; i++) {
                if (units[i] == unit) {
                    values[i].add(value);
                    return;
                }
            }
            if (count == units.length) {
                units = Arrays.copyOf(units, count * 2);
                values = Arrays.copyOf(values, count * 2);
            }
            units[count] = unit;
            values[count] = settings.newAccumulator();
            values[count].add(value);
            count++;
        }

        void see(int filter, int words) {
            if (seen == null) {
                seen = new long[words];
            }
            seen[filter >>> 6] |= 1L << filter;
        }

        void match(int filter, int words) {
            if (matched == null) {
                matched = new long[words];
            }
            matched[filter >>> 6] |= 1L << filter;
        }
    }
}
