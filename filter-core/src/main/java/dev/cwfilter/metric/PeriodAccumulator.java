package dev.cwfilter.metric;

import dev.cwfilter.internal.stats.SketchSettings;
import dev.cwfilter.internal.stats.StatisticCalculator;
import dev.cwfilter.internal.stats.ValueAccumulator;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * The values of one period of one metric, and every statistic CloudWatch computes over them: exactly the store a
 * {@link MetricAggregator} keeps per bucket, for callers that keep per-period state themselves (a Flink operator's
 * keyed state, say) and must answer exactly as the aggregator and {@link AlarmEvaluator} do.
 *
 * <pre>{@code
 * PeriodAccumulator minute = PeriodAccumulator.create();
 * minute.add(1.0);
 * minute.add(0.0);
 * minute.merge(fromAnotherTask);                    // exactly as if its values had been added here
 * PeriodValue v = minute.periodValue(alarm.statistic());   // what AlarmDecision.evaluate takes
 * byte[] state = minute.toBytes();                  // compact; PeriodAccumulator.fromBytes(state) restores it
 * }</pre>
 *
 * <p>SampleCount, Sum (an exact sum rounded once), Average, Minimum and Maximum are exact; extended statistics are
 * exact up to {@code exactValueLimit} values and within the sketch's relative accuracy beyond (see
 * {@link MetricAggregator}). The result never depends on the order values were added or accumulators merged, so
 * partial accumulators from several tasks merge into the same answer a single one gives. Memory is bounded:
 * {@code 8 · max(exactValueLimit, maxSketchBins)} bytes of values at most, and a few dozen bytes once a negative
 * value has been seen. Values whose magnitude exceeds {@link MetricAggregator#MAX_ABSOLUTE_VALUE} are refused, as
 * PutMetricData refuses them.
 *
 * <p>Not thread-safe: one accumulator belongs to one thread at a time.
 */
public final class PeriodAccumulator {

    private static final byte FORMAT = 1;
    private static final byte NO_VALUES = 0;
    private static final byte EXACT_VALUES = 1;
    private static final byte SKETCHED_VALUES = 2;

    private final ValueAccumulator values;

    private PeriodAccumulator(ValueAccumulator values) {
        this.values = values;
    }

    /** An empty accumulator with the aggregator's defaults: 1,024 exact values, then a 1% sketch of 2,048 bins. */
    public static PeriodAccumulator create() {
        return create(MetricAggregator.DEFAULT_EXACT_VALUE_LIMIT, MetricAggregator.DEFAULT_RELATIVE_ACCURACY,
                MetricAggregator.DEFAULT_MAX_SKETCH_BINS);
    }

    /**
     * An empty accumulator with the given accuracy settings (see {@link MetricAggregator.Builder}). Only
     * accumulators with equal settings merge.
     *
     * @throws IllegalArgumentException if a setting is outside what {@link MetricAggregator.Builder} accepts
     */
    public static PeriodAccumulator create(int exactValueLimit, double relativeAccuracy, int maxSketchBins) {
        MetricAggregator.builder().exactValueLimit(exactValueLimit).relativeAccuracy(relativeAccuracy)
                .maxSketchBins(maxSketchBins);
        return new PeriodAccumulator(new ValueAccumulator(SketchSettings.of(exactValueLimit, relativeAccuracy,
                maxSketchBins)));
    }

    /**
     * Adds one value.
     *
     * @return false, adding nothing, if the value is not finite or its magnitude exceeds
     *         {@link MetricAggregator#MAX_ABSOLUTE_VALUE}
     */
    public boolean add(double value) {
        if (!Double.isFinite(value) || Math.abs(value) > MetricAggregator.MAX_ABSOLUTE_VALUE) {
            return false;
        }
        values.add(value);
        return true;
    }

    /**
     * Adds every value of {@code other}, exactly as if they had been added one by one; {@code other} is unchanged.
     *
     * @throws IllegalArgumentException if the two were created with different settings
     */
    public void merge(PeriodAccumulator other) {
        if (!sameSettings(values.settings(), other.values.settings())) {
            throw new IllegalArgumentException("accumulators with different settings do not merge: "
                    + describe(values.settings()) + " and " + describe(other.values.settings()));
        }
        values.merge(other.values);
    }

    /** An independent copy. */
    public PeriodAccumulator copy() {
        return new PeriodAccumulator(values.copy());
    }

    /** How many values were added (SampleCount). */
    public long sampleCount() {
        return values.count();
    }

    /** The statistic over the values, or empty where CloudWatch reports none (no values; see {@link PeriodStatistics}). */
    public OptionalDouble statistic(Statistic statistic) {
        return StatisticCalculator.compute(Objects.requireNonNull(statistic, "statistic"), values);
    }

    /** The period as an alarm on {@code statistic} sees it: {@link PeriodValue#missing()} when it holds no values. */
    public PeriodValue periodValue(Statistic statistic) {
        return values.count() == 0 ? PeriodValue.missing()
                : new PeriodValue(values.count(), statistic(statistic));
    }

    /**
     * The accumulator as bytes: its settings, the exact count, sum, minimum and maximum, and the values (exact, or
     * the sketch in sketches-java's own encoding). A few dozen bytes plus 8 per exact value or about 2 per sketch bin.
     */
    public byte[] toBytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            SketchSettings s = values.settings();
            out.writeByte(FORMAT);
            out.writeInt(s.exactValueLimit());
            out.writeDouble(s.relativeAccuracy());
            out.writeInt(s.maxSketchBins());
            values.writeTo(out, NO_VALUES, EXACT_VALUES, SKETCHED_VALUES);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * Restores an accumulator written by {@link #toBytes()}.
     *
     * @throws IllegalArgumentException if the bytes are not such an accumulator
     */
    public static PeriodAccumulator fromBytes(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            if (in.readByte() != FORMAT) {
                throw new IllegalArgumentException("not a PeriodAccumulator: unknown format");
            }
            int exactValueLimit = in.readInt();
            double relativeAccuracy = in.readDouble();
            int maxSketchBins = in.readInt();
            PeriodAccumulator empty = create(exactValueLimit, relativeAccuracy, maxSketchBins);
            ValueAccumulator restored = ValueAccumulator.readFrom(in, empty.values.settings(), NO_VALUES,
                    EXACT_VALUES, SKETCHED_VALUES);
            if (in.available() > 0) {
                throw new IllegalArgumentException("not a PeriodAccumulator: " + in.available() + " bytes left over");
            }
            return new PeriodAccumulator(restored);
        } catch (IOException | RuntimeException e) {
            if (e instanceof IllegalArgumentException iae && iae.getMessage() != null
                    && iae.getMessage().startsWith("not a PeriodAccumulator")) {
                throw iae;
            }
            throw new IllegalArgumentException("not a PeriodAccumulator: " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "PeriodAccumulator[count=" + values.count() + ", sum=" + values.sum() + "]";
    }

    private static boolean sameSettings(SketchSettings a, SketchSettings b) {
        return a.exactValueLimit() == b.exactValueLimit()
                && Double.compare(a.relativeAccuracy(), b.relativeAccuracy()) == 0
                && a.maxSketchBins() == b.maxSketchBins();
    }

    private static String describe(SketchSettings s) {
        return "(" + s.exactValueLimit() + " exact, α=" + s.relativeAccuracy() + ", " + s.maxSketchBins() + " bins)";
    }
}
