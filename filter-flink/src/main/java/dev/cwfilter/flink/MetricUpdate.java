package dev.cwfilter.flink;

import dev.cwfilter.StandardUnit;
import dev.cwfilter.metric.MetricId;
import dev.cwfilter.metric.PeriodAccumulator;
import java.util.Arrays;
import java.util.Objects;

/**
 * What {@link LogGroupOperator} sends to {@link MetricFunction} about one metric: the values of one minute gathered on
 * one task (and which filters with a once-per-minute default value saw events and matches in that minute), a single
 * value of a late event, or the start of the metric's alarms. Key a stream of updates by {@link #metric()}.
 *
 * <p>The content is the business of the two operators; it may change between releases (a savepoint never holds an
 * update: they only travel between the operators). Immutable once sent: the operator never touches an update after
 * emitting it.
 */
public final class MetricUpdate {

    /** What an update carries. */
    enum Kind {
        /** The values of one minute (and per-minute default markers), all on time for that minute. */
        VALUES,
        /** One value of a late event, to count from the watermark it was late against onwards. */
        LATE,
        /** Start evaluating the metric's alarms at the job's start time, whether or not data ever comes. */
        START
    }

    private static final long[] NO_BITS = new long[0];

    private final Kind kind;
    private final MetricId metric;
    private final long time;
    private final long watermark;
    private final StandardUnit[] units;
    private final PeriodAccumulator[] values;
    private final long[] seen;
    private final long[] matched;
    private final double value;

    private MetricUpdate(Kind kind, MetricId metric, long time, long watermark, StandardUnit[] units,
                         PeriodAccumulator[] values, long[] seen, long[] matched, double value) {
        this.kind = kind;
        this.metric = Objects.requireNonNull(metric, "metric");
        this.time = time;
        this.watermark = watermark;
        this.units = units;
        this.values = values;
        this.seen = seen;
        this.matched = matched;
        this.value = value;
    }

    static MetricUpdate values(MetricId metric, long minute, StandardUnit[] units, PeriodAccumulator[] values,
                               long[] seen, long[] matched) {
        return new MetricUpdate(Kind.VALUES, metric, minute, Long.MIN_VALUE, units, values,
                seen == null ? NO_BITS : seen, matched == null ? NO_BITS : matched, 0);
    }

    static MetricUpdate late(MetricId metric, long timestamp, StandardUnit unit, double value, long watermark) {
        return new MetricUpdate(Kind.LATE, metric, timestamp, watermark, new StandardUnit[] {unit},
                new PeriodAccumulator[0], NO_BITS, NO_BITS, value);
    }

    static MetricUpdate start(MetricId metric) {
        return new MetricUpdate(Kind.START, metric, Long.MIN_VALUE, Long.MIN_VALUE, new StandardUnit[0],
                new PeriodAccumulator[0], NO_BITS, NO_BITS, 0);
    }

    /** The metric this update is about: the key of {@link MetricFunction}. */
    public MetricId metric() {
        return metric;
    }

    Kind kind() {
        return kind;
    }

    /** VALUES: the minute's start; LATE: the event's timestamp. */
    long time() {
        return time;
    }

    /** LATE: the watermark the event was late against (a period boundary at or before it has been evaluated). */
    long watermark() {
        return watermark;
    }

    StandardUnit[] units() {
        return units;
    }

    PeriodAccumulator[] values() {
        return values;
    }

    /** VALUES: bit i set when metric filter i (with a once-per-minute default) saw an event in the minute. */
    long[] seen() {
        return seen;
    }

    /** VALUES: bit i set when metric filter i (with a once-per-minute default) matched an event in the minute. */
    long[] matched() {
        return matched;
    }

    /** LATE: the value. */
    double value() {
        return value;
    }

    @Override
    public String toString() {
        return switch (kind) {
            case VALUES -> "MetricUpdate[" + metric + " minute " + time + " " + Arrays.toString(units) + " "
                    + Arrays.toString(values) + " seen " + Arrays.toString(seen) + " matched "
                    + Arrays.toString(matched) + "]";
            case LATE -> "MetricUpdate[" + metric + " late " + value + " " + units[0] + " at " + time
                    + " against watermark " + watermark + "]";
            case START -> "MetricUpdate[" + metric + " start]";
        };
    }
}
