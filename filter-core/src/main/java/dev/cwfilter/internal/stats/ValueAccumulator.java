package dev.cwfilter.internal.stats;

import com.datadoghq.sketch.ddsketch.DDSketch;
import com.datadoghq.sketch.ddsketch.encoding.ByteArrayInput;
import com.datadoghq.sketch.ddsketch.encoding.GrowingByteArrayOutput;
import com.datadoghq.sketch.ddsketch.store.Bin;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Optional;

/**
 * The values of one bucket (one storage period, or several merged for a query): exact count, sum, minimum and
 * maximum always, and the values themselves for the extended statistics, exactly up to
 * {@link SketchSettings#exactValueLimit()} and in a DDSketch beyond it.
 *
 * <p>The value store is dropped for good once a negative value arrives, since no extended statistic is available for
 * such a period (or any period merged from it); that also bounds the memory of such buckets to a few dozen bytes.
 * Not thread-safe: {@link dev.cwfilter.metric.MetricAggregator} guards it.
 */
public final class ValueAccumulator {

    private final SketchSettings settings;
    private long count;
    private final ExactSum sum;
    private double minimum = Double.POSITIVE_INFINITY;
    private double maximum = Double.NEGATIVE_INFINITY;
    private boolean negativeSeen;
    /** Exact values while the count is within the limit; null once sketched or once a negative value arrived. */
    private double[] exact;
    private boolean exactSorted = true;
    /** The sketch once the count exceeded the exact limit; null before, and after a negative value arrived. */
    private DDSketch sketch;

    public ValueAccumulator(SketchSettings settings) {
        this.settings = settings;
        this.sum = new ExactSum();
        this.exact = new double[Math.min(8, Math.max(1, settings.exactValueLimit()))];
    }

    private ValueAccumulator(ValueAccumulator other) {
        settings = other.settings;
        count = other.count;
        sum = other.sum.copy();
        minimum = other.minimum;
        maximum = other.maximum;
        negativeSeen = other.negativeSeen;
        exact = other.exact == null ? null : other.exact.clone();
        exactSorted = other.exactSorted;
        sketch = other.sketch == null ? null : other.sketch.copy();
    }

    public ValueAccumulator copy() {
        return new ValueAccumulator(this);
    }

    public SketchSettings settings() {
        return settings;
    }

    /**
     * Writes the state (not the settings): count, extremes, the exact sum's partials, then the values under one of
     * three tags.
     */
    public void writeTo(DataOutput out, byte noValues, byte exactValues, byte sketchedValues) throws IOException {
        out.writeLong(count);
        out.writeDouble(minimum);
        out.writeDouble(maximum);
        sum.writeTo(out);
        if (negativeSeen || count == 0) {
            out.writeByte(noValues);
            out.writeBoolean(negativeSeen);
        } else if (sketch == null) {
            out.writeByte(exactValues);
            for (int i = 0; i < count; i++) {
                out.writeDouble(exact[i]);
            }
        } else {
            out.writeByte(sketchedValues);
            // Without the index mapping, which the settings give: a decoded mapping need not compare equal to
            // the settings' one, and sketches merge only when their mappings do.
            GrowingByteArrayOutput encoded = GrowingByteArrayOutput.withDefaultInitialCapacity();
            sketch.encode(encoded, true);
            byte[] bytes = encoded.trimmedCopy();
            out.writeInt(bytes.length);
            out.write(bytes);
        }
    }

    /** Reads what {@link #writeTo} wrote, checking that it is consistent. */
    public static ValueAccumulator readFrom(DataInput in, SketchSettings settings, byte noValues, byte exactValues,
                                     byte sketchedValues) throws IOException {
        ValueAccumulator v = new ValueAccumulator(settings);
        v.count = in.readLong();
        v.minimum = in.readDouble();
        v.maximum = in.readDouble();
        v.sum.readFrom(in);
        if (v.count < 0) {
            throw new IllegalArgumentException("negative count " + v.count);
        }
        byte tag = in.readByte();
        if (tag == noValues) {
            v.negativeSeen = in.readBoolean();
            if (v.negativeSeen) {
                v.exact = null;
            } else if (v.count != 0) {
                throw new IllegalArgumentException("values missing for a count of " + v.count);
            }
        } else if (tag == exactValues) {
            if (v.count > settings.exactValueLimit()) {
                throw new IllegalArgumentException(v.count + " exact values exceed the limit of "
                        + settings.exactValueLimit());
            }
            v.exact = new double[Math.max(1, (int) v.count)];
            for (int i = 0; i < v.count; i++) {
                double value = in.readDouble();
                if (!(value >= 0) || Double.isInfinite(value)) {
                    throw new IllegalArgumentException("stored value " + value + " is not a finite non-negative");
                }
                if (i > 0 && value < v.exact[i - 1]) {
                    v.exactSorted = false;
                }
                v.exact[i] = value;
            }
        } else if (tag == sketchedValues) {
            int length = in.readInt();
            if (length < 0 || length > (1 << 24)) {
                throw new IllegalArgumentException("sketch of " + length + " bytes");
            }
            byte[] bytes = new byte[length];
            in.readFully(bytes);
            DDSketch sketch = DDSketch.decode(ByteArrayInput.wrap(bytes), settings::newStore, settings.mapping());
            if (Math.round(sketch.getCount()) != v.count) {
                throw new IllegalArgumentException("the sketch holds " + sketch.getCount() + " values, not "
                        + v.count);
            }
            v.exact = null;
            v.sketch = sketch;
        } else {
            throw new IllegalArgumentException("unknown value tag " + tag);
        }
        return v;
    }

    /** Adds a finite value; {@code -0.0} is stored as {@code 0.0}. */
    public void add(double value) {
        double v = value + 0.0;
        count++;
        sum.add(v);
        minimum = Math.min(minimum, v);
        maximum = Math.max(maximum, v);
        if (negativeSeen) {
            return;
        }
        if (v < 0) {
            dropValues();
            return;
        }
        if (sketch != null) {
            sketch.accept(v);
        } else if (count <= settings.exactValueLimit()) {
            appendExact(v);
        } else {
            switchToSketch();
            sketch.accept(v);
        }
    }

    /** Adds every value of {@code other} to this one, as if they had been added one by one. */
    public void merge(ValueAccumulator other) {
        if (other.count == 0) {
            return;
        }
        long exactBefore = count;
        count += other.count;
        sum.addAll(other.sum);
        minimum = Math.min(minimum, other.minimum);
        maximum = Math.max(maximum, other.maximum);
        if (negativeSeen) {
            return;
        }
        if (other.negativeSeen) {
            dropValues();
            return;
        }
        if (sketch == null && count <= settings.exactValueLimit()) {
            for (int i = 0; i < other.count; i++) {
                appendExactAt((int) exactBefore + i, other.exact[i]);
            }
            return;
        }
        if (sketch == null) {
            switchToSketch((int) exactBefore);
        }
        if (other.sketch != null) {
            sketch.mergeWith(other.sketch);
        } else {
            for (int i = 0; i < other.count; i++) {
                sketch.accept(other.exact[i]);
            }
        }
    }

    public long count() {
        return count;
    }

    public double sum() {
        return sum.value();
    }

    public double minimum() {
        return minimum;
    }

    public double maximum() {
        return maximum;
    }

    /** Whether the values are still held exactly (not sketched, no negative value). */
    public boolean isExact() {
        return !negativeSeen && sketch == null;
    }

    /**
     * The values in ascending order, or empty when a value is negative (no extended statistic is then available).
     * Sketched values are represented by their bin's value, clamped into {@code [minimum, maximum]}.
     */
    public Optional<SortedSample> sortedSample() {
        if (negativeSeen || count == 0) {
            return Optional.empty();
        }
        if (sketch == null) {
            if (!exactSorted) {
                Arrays.sort(exact, 0, (int) count);
                exactSorted = true;
            }
            return Optional.of(SortedSample.ofSorted(exact, (int) count));
        }
        return Optional.of(binnedSample());
    }

    private SortedSample binnedSample() {
        long positiveCount = Math.round(sketch.getPositiveValueStore().getTotalCount());
        long zeroCount = count - positiveCount;
        int capacity = 1 + Math.max(0, sketch.getPositiveValueStore().isEmpty() ? 0
                : sketch.getPositiveValueStore().getMaxIndex() - sketch.getPositiveValueStore().getMinIndex() + 1);
        double[] values = new double[capacity];
        long[] counts = new long[capacity];
        int runs = 0;
        if (zeroCount > 0) {
            values[0] = 0.0;
            counts[0] = zeroCount;
            runs = 1;
        }
        Iterator<Bin> bins = sketch.getPositiveValueStore().getAscendingIterator();
        while (bins.hasNext()) {
            Bin bin = bins.next();
            long binCount = Math.round(bin.getCount());
            if (binCount == 0) {
                continue;
            }
            // A bin's representative can fall outside the exact extremes; clamping only brings it closer to them.
            double value = Math.min(maximum, Math.max(minimum, settings.mapping().value(bin.getIndex())));
            if (runs > 0 && values[runs - 1] == value) {
                counts[runs - 1] += binCount;
            } else {
                values[runs] = value;
                counts[runs] = binCount;
                runs++;
            }
        }
        return SortedSample.ofRuns(values, counts, runs);
    }

    private void appendExact(double v) {
        appendExactAt((int) count - 1, v);
    }

    private void appendExactAt(int index, double v) {
        if (index == exact.length) {
            exact = Arrays.copyOf(exact, Math.min(settings.exactValueLimit(), exact.length * 2));
        }
        if (index > 0 && exactSorted && v < exact[index - 1]) {
            exactSorted = false;
        }
        exact[index] = v;
    }

    private void switchToSketch() {
        switchToSketch((int) count - 1);
    }

    /** Moves the first {@code exactCount} exact values into a new sketch and releases the array. */
    private void switchToSketch(int exactCount) {
        sketch = settings.newSketch();
        for (int i = 0; i < exactCount; i++) {
            sketch.accept(exact[i]);
        }
        exact = null;
    }

    private void dropValues() {
        negativeSeen = true;
        exact = null;
        sketch = null;
    }
}
