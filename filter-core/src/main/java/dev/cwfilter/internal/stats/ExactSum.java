package dev.cwfilter.internal.stats;

import java.util.Arrays;

/**
 * The exact sum of doubles, kept as a short list of non-overlapping partial sums (Shewchuk's algorithm, as in
 * Python's {@code math.fsum}) and rounded once, correctly, when read.
 *
 * <p>Exactness is what makes a period's {@code Sum} independent of the order datapoints arrive in and of how buckets
 * are merged, so replaying the same events always yields the same statistics. No intermediate sum can overflow:
 * accepted values are at most 2^360 in magnitude and a period holds fewer than 2^63 of them. Not thread-safe.
 */
public final class ExactSum {

    private double[] partials = new double[4];
    private int size;

    public ExactSum() {
    }

    private ExactSum(ExactSum other) {
        partials = other.partials.clone();
        size = other.size;
    }

    public ExactSum copy() {
        return new ExactSum(this);
    }

    public void add(double value) {
        double x = value;
        int kept = 0;
        for (int i = 0; i < size; i++) {
            double y = partials[i];
            if (Math.abs(x) < Math.abs(y)) {
                double t = x;
                x = y;
                y = t;
            }
            double hi = x + y;
            double lo = y - (hi - x);
            if (lo != 0.0) {
                partials[kept++] = lo;
            }
            x = hi;
        }
        if (kept == partials.length) {
            partials = Arrays.copyOf(partials, kept * 2);
        }
        partials[kept++] = x;
        size = kept;
    }

    /** Adds {@code value × count} exactly: the product is split into its rounded value and its rounding error. */
    public void addProduct(double value, long count) {
        double factor = count;
        double product = value * factor;
        add(product);
        add(Math.fma(value, factor, -product));
    }

    public void addAll(ExactSum other) {
        for (int i = 0; i < other.size; i++) {
            add(other.partials[i]);
        }
    }

    public void writeTo(java.io.DataOutput out) throws java.io.IOException {
        out.writeInt(size);
        for (int i = 0; i < size; i++) {
            out.writeDouble(partials[i]);
        }
    }

    public void readFrom(java.io.DataInput in) throws java.io.IOException {
        int n = in.readInt();
        if (n < 0 || n > 64) {
            // Non-overlapping partials of doubles number at most about 40 (the exponent range over 53 bits).
            throw new IllegalArgumentException("an exact sum of " + n + " partials");
        }
        partials = new double[Math.max(4, n)];
        for (int i = 0; i < n; i++) {
            double p = in.readDouble();
            if (!Double.isFinite(p)) {
                throw new IllegalArgumentException("partial sum " + p);
            }
            partials[i] = p;
        }
        size = n;
    }

    /** The exact sum rounded to the nearest double, ties to even. */
    public double value() {
        if (size == 0) {
            return 0.0;
        }
        int n = size - 1;
        double hi = partials[n];
        double lo = 0.0;
        while (n > 0) {
            double x = hi;
            double y = partials[--n];
            hi = x + y;
            double yr = hi - x;
            lo = y - yr;
            if (lo != 0.0) {
                break;
            }
        }
        // The partials below the first non-zero remainder can only tip a halfway case; round it the way they point.
        if (n > 0 && ((lo < 0.0 && partials[n - 1] < 0.0) || (lo > 0.0 && partials[n - 1] > 0.0))) {
            double y = lo * 2.0;
            double x = hi + y;
            double yr = x - hi;
            if (y == yr) {
                hi = x;
            }
        }
        return hi;
    }
}
