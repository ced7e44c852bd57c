package dev.cwfilter.flink;

import dev.cwfilter.DefaultValueMode;
import dev.cwfilter.LogGroup;
import dev.cwfilter.MetricFilter;
import dev.cwfilter.StandardUnit;
import dev.cwfilter.live.LatenessRule;
import dev.cwfilter.metric.AlarmDecision;
import dev.cwfilter.metric.AlarmStateChange;
import dev.cwfilter.metric.MetricAlarm;
import dev.cwfilter.metric.MetricId;
import dev.cwfilter.metric.PeriodAccumulator;
import dev.cwfilter.metric.PeriodStatistics;
import dev.cwfilter.metric.PeriodValue;
import dev.cwfilter.metric.Statistic;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.streaming.api.TimerService;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * The second stage of a log group on Flink, keyed by metric: CloudWatch's statistics per period and the alarms on the
 * metric, in Flink's keyed state, driven by event-time timers at every period boundary.
 *
 * <h2>What it does at each boundary</h2>
 * When the watermark reaches the end of a minute, in this order — the order {@code LogGroupMonitor} follows:
 * <ol>
 *   <li>the once-per-minute default values of the minute are decided (a filter that saw events and no match in the
 *       minute, on any task, publishes its default);</li>
 *   <li>every datapoint period that ended is published as a {@link MetricDatapoint} per unit (the statistics of
 *       {@code MetricAggregator.getMetricStatistics} for that period);</li>
 *   <li>every alarm on the metric whose period ended is evaluated by {@link AlarmDecision#evaluate} over the N + 2
 *       periods built from its {@link PeriodAccumulator}s — periods without data included (TreatMissingData), M out
 *       of N, with CloudWatch's state reason — and a transition goes to {@link #TRANSITIONS};</li>
 *   <li>late values waiting for this watermark are counted;</li>
 *   <li>minutes no alarm will look at again and no datapoint still needs are dropped.</li>
 * </ol>
 * An alarm is evaluated at every boundary of its period from its start: the first boundary after the start time when
 * one is set (data or not, as {@code LogGroupMonitor.Builder.startTime}), otherwise the end of the first period of its
 * metric that holds data (as {@code AlarmEvaluator.replay}). While its whole evaluation range is empty, the
 * evaluations in between decide the same and are made once.
 *
 * <h2>State</h2>
 * Per metric: the minutes still needed (values per unit as {@link PeriodAccumulator} bytes, and undecided per-minute
 * default markers), the boundary up to which everything is done, each alarm's {@code AlarmState} and next evaluation,
 * and late values waiting for their watermark. Nothing else: no history, no reason text. See docs/flink.md.
 *
 * <p>Flink calls it on one task thread per key group; not thread-safe.
 */
public final class MetricFunction extends KeyedProcessFunction<MetricId, MetricUpdate, MetricDatapoint> {

    private static final long serialVersionUID = 1L;

    /** The alarms' state transitions, as {@code AlarmEvaluator} and {@code LogGroupMonitor} make them. */
    public static final OutputTag<AlarmStateChange> TRANSITIONS =
            new OutputTag<>("cwfilter-alarm-transitions", CloudWatchTypes.ALARM_STATE_CHANGE);

    /**
     * With a summary ({@link Settings#summary()}): each once-per-minute default value published, as a
     * {@link RunSummary} of one datapoint of its filter to its metric.
     */
    static final OutputTag<byte[]> SUMMARY = new OutputTag<>("cwfilter-summary-defaults",
            PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO);

    private static final long MINUTE = LogGroupOperator.MINUTE;
    private static final long NONE = Long.MAX_VALUE;
    private static final long NO_TIME = Long.MIN_VALUE;

    private final Definitions definitions;
    private final Settings settings;

    private transient Map<MetricId, List<MetricAlarm>> alarmsByMetric;
    private transient Map<MetricId, List<String>> alarmNamesByMetric;
    private transient Map<MetricId, List<DefaultValue>> defaultsByMetric;
    private transient List<Statistic> statistics;
    private transient long datapointPeriod;
    private transient int filterCount;
    private transient MapState<Long, MetricState.Minute> minutes;
    private transient ValueState<MetricState.Meta> meta;
    private transient ListState<byte[]> held;

    MetricFunction(Definitions definitions, Settings settings) {
        this.definitions = definitions;
        this.settings = settings;
    }

    @Override
    public void open(OpenContext context) throws Exception {
        LogGroup group = definitions.logGroup();
        alarmsByMetric = new HashMap<>();
        alarmNamesByMetric = new HashMap<>();
        for (MetricAlarm alarm : definitions.alarms()) {
            MetricId id = MetricId.of(alarm);
            alarmsByMetric.computeIfAbsent(id, k -> new ArrayList<>()).add(alarm);
            alarmNamesByMetric.computeIfAbsent(id, k -> new ArrayList<>()).add(alarm.alarmName());
        }
        defaultsByMetric = new HashMap<>();
        List<MetricFilter> filters = group.metricFilters();
        filterCount = filters.size();
        for (int i = 0; i < filters.size(); i++) {
            MetricFilter f = filters.get(i);
            if (f.defaultValue().isPresent()
                    && f.options().defaultValueMode() == DefaultValueMode.ONCE_PER_MINUTE_WITHOUT_MATCH) {
                defaultsByMetric.computeIfAbsent(MetricId.of(f.metricNamespace().orElseThrow(),
                        f.metricName().orElseThrow()), k -> new ArrayList<>())
                        .add(new DefaultValue(i, f.defaultValue().getAsDouble(), f.unit()));
            }
        }
        statistics = settings.parsedStatistics();
        datapointPeriod = settings.datapointPeriodSeconds() * 1000L;
        minutes = getRuntimeContext().getMapState(new MapStateDescriptor<>("cwfilter-minutes",
                org.apache.flink.api.common.typeutils.base.LongSerializer.INSTANCE,
                CloudWatchTypes.MinuteStateSerializer.INSTANCE));
        meta = getRuntimeContext().getState(new ValueStateDescriptor<>("cwfilter-metric",
                CloudWatchTypes.MetricMetaSerializer.INSTANCE));
        held = getRuntimeContext().getListState(new ListStateDescriptor<>("cwfilter-late-values",
                PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO));
    }

    @Override
    public void processElement(MetricUpdate update, Context ctx, Collector<MetricDatapoint> out) throws Exception {
        MetricId key = ctx.getCurrentKey();
        MetricState.Meta m = readMeta(key);
        TimerService timers = ctx.timerService();
        switch (update.kind()) {
            case START -> {
                if (settings.hasStart()) {
                    List<MetricAlarm> alarms = alarms(key);
                    for (int i = 0; i < alarms.size(); i++) {
                        MetricState.AlarmSlot slot = m.alarms[i];
                        if (slot.lastEvaluated == NONE) {
                            long period = periodMillis(alarms.get(i));
                            schedule(slot, floor(settings.startTime(), period) + period, timers);
                        }
                    }
                }
            }
            case VALUES -> {
                long minute = update.time();
                MetricState.Minute mn = readMinute(minute);
                for (int i = 0; i < update.units().length; i++) {
                    mn.merge(update.units()[i], update.values()[i], settings);
                }
                mn.mark(update.seen(), update.matched());
                putMinute(m, minute, mn);
                timers.registerEventTimeTimer(minute + MINUTE - 1);
                timers.registerEventTimeTimer(floor(minute, datapointPeriod) + datapointPeriod - 1);
                if (update.units().length > 0) {
                    dataArrived(key, m, minute, timers);
                }
            }
            case LATE -> {
                if (update.watermark() - 1 <= timers.currentWatermark()) {
                    applyLate(key, m, update.time(), update.units()[0], update.value(), update.watermark(), timers);
                } else {
                    held.add(new MetricState.Held(update.time(), update.watermark(), update.units()[0],
                            update.value()).toBytes());
                    timers.registerEventTimeTimer(update.watermark() - 1);
                }
            }
        }
        meta.update(m);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<MetricDatapoint> out) throws Exception {
        MetricId key = ctx.getCurrentKey();
        TimerService timers = ctx.timerService();
        MetricState.Meta m = readMeta(key);
        long b = timestamp + 1;
        long done = m.processedUpTo;
        // The minutes before the boundary: after a cleanup, those of the alarms' horizon and the unpublished
        // datapoint period. Minutes after it (sent early by a task whose watermark is ahead) stay unread.
        TreeMap<Long, MetricState.Minute> stored = new TreeMap<>();
        for (Long minute : m.minutes.headSet(b, false)) {
            stored.put(minute, minutes.get(minute));
        }
        if (b > done) {
            decideDefaults(key, m, stored, done, b, ctx, timers);
            publish(key, stored, done, b, out);
            evaluate(key, m, stored, b, ctx, timers);
            m.processedUpTo = b;
        }
        applyHeld(key, m, stored, b, timers);
        if (b > done) {
            cleanup(key, m, stored, b);
        }
        if (m.minutes.isEmpty() && alarms(key).isEmpty() && !held.get().iterator().hasNext()) {
            meta.clear();
        } else {
            meta.update(m);
        }
    }

    // ------------------------------------------------------------------------------------------------ boundaries

    /** Step 1: the once-per-minute defaults of the minutes that ended in {@code (done, b]}. */
    private void decideDefaults(MetricId key, MetricState.Meta m, TreeMap<Long, MetricState.Minute> stored,
                                long done, long b, OnTimerContext ctx, TimerService timers) throws Exception {
        List<DefaultValue> defaults = defaultsByMetric.get(key);
        for (Map.Entry<Long, MetricState.Minute> e : stored.headMap(b - MINUTE, true).entrySet()) {
            long minute = e.getKey();
            MetricState.Minute mn = e.getValue();
            if (minute + MINUTE <= done || !mn.hasMarkers()) {
                continue;
            }
            boolean added = false;
            if (defaults != null) {
                for (DefaultValue d : defaults) {
                    if (mn.wantsDefault(d.filter)) {
                        mn.add(d.unit, d.value, settings);
                        added = true;
                        if (settings.summary()) {
                            RunSummary part = new RunSummary(filterCount);
                            part.datapoint(d.filter, key, true);
                            ctx.output(SUMMARY, part.toBytes());
                        }
                    }
                }
            }
            mn.clearMarkers();
            putMinute(m, minute, mn);
            if (added) {
                dataArrived(key, m, minute, timers);
            }
        }
    }

    /** Step 2: the datapoints of every datapoint period that ended in {@code (done, b]}. */
    private void publish(MetricId key, TreeMap<Long, MetricState.Minute> stored, long done, long b,
                         Collector<MetricDatapoint> out) {
        TreeMap<Long, Map<StandardUnit, List<PeriodAccumulator>>> periods = new TreeMap<>();
        for (Map.Entry<Long, MetricState.Minute> e : stored.entrySet()) {
            long start = floor(e.getKey(), datapointPeriod);
            long end = start + datapointPeriod;
            if (end > b) {
                break;
            }
            if (end <= done || !e.getValue().hasValues()) {
                continue;
            }
            Map<StandardUnit, List<PeriodAccumulator>> byUnit = periods.computeIfAbsent(start, k -> new TreeMap<>());
            MetricState.Minute mn = e.getValue();
            for (int i = 0; i < mn.units.length; i++) {
                byUnit.computeIfAbsent(mn.units[i], k -> new ArrayList<>(1)).add(mn.values[i]);
            }
        }
        for (Map.Entry<Long, Map<StandardUnit, List<PeriodAccumulator>>> p : periods.entrySet()) {
            for (Map.Entry<StandardUnit, List<PeriodAccumulator>> u : p.getValue().entrySet()) {
                List<PeriodAccumulator> parts = u.getValue();
                PeriodAccumulator values = parts.get(0);
                if (parts.size() > 1) {
                    values = values.copy();
                    for (PeriodAccumulator part : parts.subList(1, parts.size())) {
                        values.merge(part);
                    }
                }
                Map<Statistic, Double> stats = new LinkedHashMap<>();
                for (Statistic s : statistics) {
                    OptionalDouble v = values.statistic(s);
                    if (v.isPresent()) {
                        stats.put(s, v.getAsDouble());
                    }
                }
                out.collect(new MetricDatapoint(key, settings.datapointPeriodSeconds(),
                        new PeriodStatistics(p.getKey(), u.getKey(), stats)));
            }
        }
    }

    /** Step 3: every alarm of the metric due at or before {@code b}. */
    private void evaluate(MetricId key, MetricState.Meta m, TreeMap<Long, MetricState.Minute> stored, long b,
                          OnTimerContext ctx, TimerService timers) {
        List<MetricAlarm> alarms = alarms(key);
        for (int i = 0; i < alarms.size(); i++) {
            MetricAlarm alarm = alarms.get(i);
            MetricState.AlarmSlot slot = m.alarms[i];
            long period = periodMillis(alarm);
            while (slot.next <= b) {
                long time = slot.next;
                int n = alarm.evaluationRangePeriods();
                List<PeriodValue> values = new ArrayList<>(n);
                boolean empty = true;
                for (int k = n; k >= 1; k--) {
                    PeriodValue v = periodValue(stored, time - k * period, period, alarm);
                    empty &= v.sampleCount() == 0;
                    values.add(v);
                }
                Optional<AlarmStateChange> change = AlarmDecision.evaluate(alarm, time, slot.state, values);
                if (change.isPresent()) {
                    slot.state = change.get().newState();
                    ctx.output(TRANSITIONS, change.get());
                }
                slot.lastEvaluated = time;
                if (!empty) {
                    slot.next = time + period;
                } else {
                    // Until data enters the range again every evaluation sees the same empty range and decides the
                    // same: the next one that can differ is the first to see a stored minute after this boundary
                    // (one after b included, which only the index of the metric's minutes lists).
                    Long later = m.minutes.ceiling(time);
                    slot.next = later == null ? NONE : floor(later, period) + period;
                }
            }
            if (slot.next != NONE) {
                timers.registerEventTimeTimer(slot.next - 1);
            }
        }
    }

    /** The period {@code [start, start + period)} as the alarm sees it, from the stored minutes. */
    private static PeriodValue periodValue(TreeMap<Long, MetricState.Minute> stored, long start, long period,
                                           MetricAlarm alarm) {
        PeriodAccumulator first = null;
        PeriodAccumulator merged = null;
        for (MetricState.Minute mn : stored.subMap(start, true, start + period, false).values()) {
            for (int i = 0; i < mn.units.length; i++) {
                if (alarm.unit().isPresent() && alarm.unit().get() != mn.units[i]) {
                    continue;
                }
                if (first == null) {
                    first = mn.values[i];
                } else {
                    if (merged == null) {
                        merged = first.copy();
                    }
                    merged.merge(mn.values[i]);
                }
            }
        }
        if (first == null) {
            return PeriodValue.missing();
        }
        return (merged != null ? merged : first).periodValue(alarm.statistic());
    }

    /** Step 4: the late values whose watermark is now reached. */
    private void applyHeld(MetricId key, MetricState.Meta m, TreeMap<Long, MetricState.Minute> stored, long b,
                           TimerService timers) throws Exception {
        List<byte[]> waiting = new ArrayList<>();
        boolean any = false;
        for (byte[] bytes : held.get()) {
            MetricState.Held h = MetricState.Held.fromBytes(bytes);
            if (h.watermark() <= b) {
                applyLate(key, m, h.timestamp(), h.unit(), h.value(), h.watermark(), timers);
                long minute = floor(h.timestamp(), MINUTE);
                stored.put(minute, readMinute(minute));
                any = true;
            } else {
                waiting.add(bytes);
            }
        }
        if (any) {
            held.update(waiting);
        }
    }

    /** Step 5: forgets the minutes that neither an alarm nor an unpublished datapoint needs after {@code b}. */
    private void cleanup(MetricId key, MetricState.Meta m, TreeMap<Long, MetricState.Minute> stored, long b)
            throws Exception {
        long keepFrom = floor(b, datapointPeriod);
        for (MetricAlarm alarm : alarms(key)) {
            keepFrom = Math.min(keepFrom, LatenessRule.horizon(alarm, b));
        }
        for (Long minute : new ArrayList<>(m.minutes.headSet(keepFrom, false))) {
            minutes.remove(minute);
            m.minutes.remove(minute);
            stored.remove(minute);
        }
    }

    // ------------------------------------------------------------------------------------------------ data

    /** A late value, counted once every boundary up to its watermark is done; it publishes no datapoint. */
    private void applyLate(MetricId key, MetricState.Meta m, long t, StandardUnit unit, double value, long watermark,
                           TimerService timers) throws Exception {
        m.processedUpTo = Math.max(m.processedUpTo, watermark);
        long minute = floor(t, MINUTE);
        MetricState.Minute mn = readMinute(minute);
        mn.add(unit, value, settings);
        putMinute(m, minute, mn);
        long datapointEnd = floor(minute, datapointPeriod) + datapointPeriod;
        if (datapointEnd > m.processedUpTo) {
            timers.registerEventTimeTimer(datapointEnd - 1);
        }
        dataArrived(key, m, minute, timers);
    }

    /**
     * Data (on time, late, or a default value) reached the minute starting at {@code minute}: each alarm must be
     * evaluated at the first boundary that sees it and has not been done yet, if that is earlier than its next one.
     */
    private void dataArrived(MetricId key, MetricState.Meta m, long minute, TimerService timers) {
        List<MetricAlarm> alarms = alarms(key);
        for (int i = 0; i < alarms.size(); i++) {
            long period = periodMillis(alarms.get(i));
            long candidate = floor(minute, period) + period;
            if (settings.hasStart()) {
                candidate = Math.max(candidate, floor(settings.startTime(), period) + period);
            }
            if (m.processedUpTo != NO_TIME && candidate <= m.processedUpTo) {
                candidate = floor(m.processedUpTo, period) + period;
            }
            schedule(m.alarms[i], candidate, timers);
        }
    }

    private static void schedule(MetricState.AlarmSlot slot, long time, TimerService timers) {
        if (time < slot.next) {
            slot.next = time;
            timers.registerEventTimeTimer(time - 1);
        }
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private List<MetricAlarm> alarms(MetricId key) {
        return alarmsByMetric.getOrDefault(key, List.of());
    }

    private MetricState.Meta readMeta(MetricId key) throws Exception {
        List<String> names = alarmNamesByMetric.getOrDefault(key, List.of());
        MetricState.Meta m = meta.value();
        return m == null ? MetricState.Meta.fresh(names, NONE) : m.aligned(names, NONE);
    }

    /** Stores a minute, and lists it in the metric's state. */
    private void putMinute(MetricState.Meta m, long minute, MetricState.Minute mn) throws Exception {
        minutes.put(minute, mn);
        m.minutes.add(minute);
    }

    private MetricState.Minute readMinute(long minute) throws Exception {
        MetricState.Minute m = minutes.get(minute);
        return m == null ? new MetricState.Minute() : m;
    }

    private static long periodMillis(MetricAlarm alarm) {
        return alarm.periodSeconds() * 1000L;
    }

    private static long floor(long time, long period) {
        return time - Math.floorMod(time, period);
    }

    private record DefaultValue(int filter, double value, StandardUnit unit) {
    }
}
