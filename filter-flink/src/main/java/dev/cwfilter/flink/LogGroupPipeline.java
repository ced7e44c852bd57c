package dev.cwfilter.flink;

import dev.cwfilter.FilterOptions;
import dev.cwfilter.LogEvent;
import dev.cwfilter.LogGroup;
import dev.cwfilter.live.Rejection;
import dev.cwfilter.metric.AlarmStateChange;
import dev.cwfilter.metric.MetricAggregator;
import dev.cwfilter.metric.MetricAlarm;
import dev.cwfilter.metric.MetricId;
import dev.cwfilter.metric.PeriodAccumulator;
import dev.cwfilter.metric.Statistic;
import dev.cwfilter.metric.StatisticsQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;

/**
 * A log group's metric filters, statistics and alarms on a Flink stream of log events: the two operators of this
 * module composed, in one call.
 *
 * <pre>{@code
 * DataStream<LogEvent> events = env.fromSource(source, LogEventWatermarks.periodic(Duration.ofMinutes(1)), "logs");
 * LogGroupPipeline.Result r = LogGroupPipeline.builder(group).alarm(secretIsAccessed).build().apply(events);
 * r.datapoints().sinkTo(...);     // MetricDatapoint: one per metric, period and unit with data
 * r.transitions().sinkTo(...);    // AlarmStateChange, as CloudWatch makes them
 * r.lateEvents().sinkTo(...);     // LateEvent: after the watermark, kept or dropped
 * }</pre>
 *
 * <p>The events must carry timestamps and watermarks ({@link LogEventWatermarks}). The stages are
 * {@link LogGroupOperator} (parallel, chained to the source when the parallelism allows), a {@code keyBy} on the
 * metric, and {@link MetricFunction}; {@link #logGroupOperator()}, {@link #metricFunction()} and
 * {@link #alarmStarts} give them to a job that wires them itself.
 *
 * <p>Immutable and thread-safe.
 */
public final class LogGroupPipeline {

    /** The default number of (metric, minute) entries a task gathers before sending them all. */
    public static final int DEFAULT_MAX_BUFFERED_MINUTES = 10_000;

    private final Definitions definitions;
    private final Settings settings;
    private final List<MetricId> alarmMetrics;

    private LogGroupPipeline(Builder b) {
        this.definitions = Definitions.of(b.group, b.alarms);
        this.settings = new Settings(b.startTime, b.datapointPeriodSeconds,
                new ArrayList<>(b.statistics.stream().map(Statistic::awsName).toList()), b.exactValueLimit,
                b.relativeAccuracy, b.maxSketchBins, b.maxEventBytes, b.maxBufferedMinutes, b.summary);
        Set<MetricId> metrics = new LinkedHashSet<>();
        b.alarms.forEach(a -> metrics.add(MetricId.of(a)));
        this.alarmMetrics = List.copyOf(metrics);
    }

    /** A builder of a pipeline of the log group's filters. */
    public static Builder builder(LogGroup group) {
        return new Builder(Objects.requireNonNull(group, "group"));
    }

    /** The first stage: log events to metric updates; its side outputs are late events and rejections. */
    public LogGroupOperator logGroupOperator() {
        return new LogGroupOperator(definitions, settings);
    }

    /** The second stage, on updates keyed by {@link MetricUpdate#metric()}: datapoints, and transitions aside. */
    public MetricFunction metricFunction() {
        return new MetricFunction(definitions, settings);
    }

    /**
     * With a start time, the updates that start each alarm's evaluations whether or not its metric ever receives data:
     * union them with the first stage's output before the {@code keyBy}. Empty without a start time or alarms.
     */
    public List<MetricUpdate> alarmStarts() {
        if (!settings.hasStart()) {
            return List.of();
        }
        return alarmMetrics.stream().map(MetricUpdate::start).toList();
    }

    /** The log group's name, if it has one. */
    public java.util.Optional<String> logGroupName() {
        return java.util.Optional.ofNullable(definitions.logGroupName());
    }

    /** Whether the pipeline was built with a summary ({@link Builder#summary(boolean)}). */
    boolean hasSummary() {
        return settings.summary();
    }

    Definitions definitions() {
        return definitions;
    }

    /** The alarms, in the order given. */
    public List<MetricAlarm> alarms() {
        return definitions.alarms();
    }

    /**
     * Wires the pipeline onto a stream of events with timestamps and watermarks: the first stage at the stream's
     * parallelism, then the keyed stage at the environment's.
     */
    public Result apply(DataStream<LogEvent> events) {
        return applied(events).result();
    }

    /** The streams of {@link #apply} and the first stage's operator, whose side outputs {@link #summary} reads. */
    record Applied(Result result, SingleOutputStreamOperator<MetricUpdate> updates) {
    }

    /**
     * The run's summary, at the end of the input: the counts of both stages, the datapoints and the transitions,
     * gathered by one task in its operator state and sent as one {@link RunSummary} (bytes) when the input ends —
     * nothing before. Needs a pipeline built with {@link Builder#summary(boolean)}.
     */
    DataStream<byte[]> summary(Applied a) {
        if (!settings.summary()) {
            throw new IllegalStateException("the pipeline was built without a summary");
        }
        org.apache.flink.api.common.typeinfo.TypeInformation<byte[]> bytes =
                org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO;
        DataStream<byte[]> datapoints = a.result().datapoints().map(d -> RunSummary.of(d).toBytes()).returns(bytes)
                .name("cwfilter datapoints for the summary").uid("cwfilter-summary-datapoints");
        DataStream<byte[]> transitions = a.result().transitions().map(c -> RunSummary.of(c).toBytes())
                .returns(bytes).name("cwfilter transitions for the summary").uid("cwfilter-summary-transitions");
        return a.updates().getSideOutput(LogGroupOperator.SUMMARY)
                .union(a.result().datapoints().getSideOutput(MetricFunction.SUMMARY), datapoints, transitions)
                .transform("cwfilter run summary", bytes, new SummaryOperator()).setParallelism(1).setMaxParallelism(1)
                .uid("cwfilter-summary");
    }

    Applied applied(DataStream<LogEvent> events) {
        SingleOutputStreamOperator<MetricUpdate> updates = events
                .transform("cwfilter log group", CloudWatchTypes.METRIC_UPDATE, logGroupOperator())
                .uid("cwfilter-log-group");
        DataStream<MetricUpdate> all = updates;
        List<MetricUpdate> starts = alarmStarts();
        if (!starts.isEmpty()) {
            all = updates.union(events.getExecutionEnvironment().fromData(starts, CloudWatchTypes.METRIC_UPDATE)
                    .name("cwfilter alarm starts").uid("cwfilter-alarm-starts"));
        }
        SingleOutputStreamOperator<MetricDatapoint> datapoints = all
                .keyBy(MetricUpdate::metric, CloudWatchTypes.METRIC_ID)
                .process(metricFunction(), CloudWatchTypes.METRIC_DATAPOINT)
                .name("cwfilter metrics and alarms").uid("cwfilter-metrics");
        return new Applied(new Result(datapoints, datapoints.getSideOutput(MetricFunction.TRANSITIONS),
                updates.getSideOutput(LogGroupOperator.LATE_EVENTS), updates.getSideOutput(LogGroupOperator.REJECTIONS)),
                updates);
    }

    /**
     * The streams a pipeline produces.
     *
     * @param datapoints  each metric's datapoints, one per period and unit with data, when the period is complete
     * @param transitions every alarm state change, stamped with its evaluation time
     * @param lateEvents  events after the watermark, kept (LATE) or dropped (TOO_LATE)
     * @param rejections  events and datapoints dropped for another reason
     */
    public record Result(SingleOutputStreamOperator<MetricDatapoint> datapoints,
                         DataStream<AlarmStateChange> transitions, DataStream<LateEvent> lateEvents,
                         DataStream<Rejection> rejections) {
    }

    /** Builds a {@link LogGroupPipeline}. Not thread-safe. */
    public static final class Builder {
        private final LogGroup group;
        private final List<MetricAlarm> alarms = new ArrayList<>();
        private long startTime = Settings.NO_START;
        private int datapointPeriodSeconds = 60;
        private List<Statistic> statistics = List.of(Statistic.SAMPLE_COUNT, Statistic.SUM, Statistic.AVERAGE,
                Statistic.MINIMUM, Statistic.MAXIMUM);
        private int exactValueLimit = MetricAggregator.DEFAULT_EXACT_VALUE_LIMIT;
        private double relativeAccuracy = MetricAggregator.DEFAULT_RELATIVE_ACCURACY;
        private int maxSketchBins = MetricAggregator.DEFAULT_MAX_SKETCH_BINS;
        private int maxEventBytes = FilterOptions.CLOUDWATCH_MAX_EVENT_BYTES;
        private int maxBufferedMinutes = DEFAULT_MAX_BUFFERED_MINUTES;
        private boolean summary;

        private Builder(LogGroup group) {
            this.group = group;
        }

        /**
         * An alarm on one of the log group's metrics (or any metric: it then sees no data), starting in
         * INSUFFICIENT_DATA.
         *
         * @throws IllegalArgumentException if its period is not a multiple of 60 s (metric-filter metrics are stored
         *                                  per minute) or another alarm has its name
         */
        public Builder alarm(MetricAlarm alarm) {
            Objects.requireNonNull(alarm, "alarm");
            if (alarm.periodSeconds() % 60 != 0) {
                throw new IllegalArgumentException("alarm '" + alarm.alarmName() + "': its period of "
                        + alarm.periodSeconds() + " s is not a multiple of 60 s, the resolution of metric-filter"
                        + " metrics");
            }
            for (MetricAlarm a : alarms) {
                if (a.alarmName().equals(alarm.alarmName())) {
                    throw new IllegalArgumentException("two alarms are named '" + alarm.alarmName() + "'");
                }
            }
            alarms.add(alarm);
            return this;
        }

        /** Alarms, as {@link #alarm(MetricAlarm)}. */
        public Builder alarms(Collection<MetricAlarm> alarms) {
            alarms.forEach(this::alarm);
            return this;
        }

        /**
         * The first watermark: events before it are late (or too late), and every alarm is evaluated at each boundary
         * of its period after it, whether or not its metric receives data — as
         * {@code LogGroupMonitor.Builder.startTime}. Without one, an alarm starts at the end of the first period of
         * its metric that holds data, as {@code AlarmEvaluator.replay} does.
         */
        public Builder startTime(long epochMillis) {
            if (epochMillis == Settings.NO_START) {
                throw new IllegalArgumentException("the start time " + epochMillis + " is reserved");
            }
            this.startTime = epochMillis;
            return this;
        }

        /** {@link #startTime(long)} from an instant. */
        public Builder startTime(Instant start) {
            return startTime(start.toEpochMilli());
        }

        /** The period of the published datapoints: 60 s (the default) or a multiple of it. */
        public Builder datapointPeriodSeconds(int seconds) {
            if (seconds <= 0 || seconds % 60 != 0) {
                throw new IllegalArgumentException("a datapoint period is a positive multiple of 60 s, not "
                        + seconds);
            }
            this.datapointPeriodSeconds = seconds;
            return this;
        }

        /**
         * The statistics of each published datapoint, as GetMetricStatistics takes them. Default SampleCount, Sum,
         * Average, Minimum, Maximum.
         */
        public Builder datapointStatistics(List<Statistic> statistics) {
            StatisticsQuery.of(0, 60_000, 60, statistics.toArray(Statistic[]::new));
            this.statistics = List.copyOf(statistics);
            return this;
        }

        /**
         * How exactly extended statistics are kept (see {@code MetricAggregator.Builder}): values kept exactly per
         * period, then a sketch of the given relative accuracy and size. Defaults: 1,024, 1%, 2,048.
         */
        public Builder accuracy(int exactValueLimit, double relativeAccuracy, int maxSketchBins) {
            PeriodAccumulator.create(exactValueLimit, relativeAccuracy, maxSketchBins);
            this.exactValueLimit = exactValueLimit;
            this.relativeAccuracy = relativeAccuracy;
            this.maxSketchBins = maxSketchBins;
            return this;
        }

        /** The largest event, in UTF-8 bytes. Default CloudWatch's 1 MiB. */
        public Builder maxEventBytes(int bytes) {
            if (bytes < 1) {
                throw new IllegalArgumentException("the largest event is at least one byte, not " + bytes);
            }
            this.maxEventBytes = bytes;
            return this;
        }

        /**
         * How many (metric, minute) entries a task of the first stage gathers before sending them all. Default
         * {@value #DEFAULT_MAX_BUFFERED_MINUTES}.
         */
        public Builder maxBufferedMinutes(int entries) {
            if (entries < 1) {
                throw new IllegalArgumentException("at least one entry, not " + entries);
            }
            this.maxBufferedMinutes = entries;
            return this;
        }

        /** Whether the operators count what they do, for {@link #summary(Applied)}: the document of a bounded run. */
        Builder summary(boolean on) {
            this.summary = on;
            return this;
        }

        /** Builds the pipeline. */
        public LogGroupPipeline build() {
            return new LogGroupPipeline(this);
        }
    }
}
