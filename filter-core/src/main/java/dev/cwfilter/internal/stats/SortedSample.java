package dev.cwfilter.internal.stats;

import java.util.Arrays;

/**
 * The values of one period in ascending order, as runs of equal values with their counts: exact values grouped by
 * equality, or a sketch's bins with their representative values. Every extended statistic is computed from this one
 * shape, so the exact and the sketched representations share one algorithm. Immutable after construction.
 */
public final class SortedSample {

    private final double[] values;
    private final long[] counts;
    /** {@code cumulative[i]} is the number of values in runs {@code 0..i}. */
    private final long[] cumulative;
    private final long total;

    private SortedSample(double[] values, long[] counts, int runs) {
        this.values = values.length == runs ? values : Arrays.copyOf(values, runs);
        this.counts = counts.length == runs ? counts : Arrays.copyOf(counts, runs);
        this.cumulative = new long[runs];
        long sum = 0;
        for (int i = 0; i < runs; i++) {
            sum += this.counts[i];
            cumulative[i] = sum;
        }
        this.total = sum;
    }

    /** A sample of exact values; {@code sorted} must be in ascending order. */
    public static SortedSample ofSorted(double[] sorted, int size) {
        double[] values = new double[size];
        long[] counts = new long[size];
        int runs = 0;
        for (int i = 0; i < size; i++) {
            if (runs > 0 && values[runs - 1] == sorted[i]) {
                counts[runs - 1]++;
            } else {
                values[runs] = sorted[i];
                counts[runs] = 1;
                runs++;
            }
        }
        return new SortedSample(values, counts, runs);
    }

    /** A sample of weighted runs; values must be strictly ascending and counts positive. */
    public static SortedSample ofRuns(double[] values, long[] counts, int runs) {
        return new SortedSample(values, counts, runs);
    }

    public long count() {
        return total;
    }

    /** How many runs of distinct values the sample holds: its memory is proportional to this. */
    public int runs() {
        return values.length;
    }

    /** The value of 1-based rank {@code rank}, 1 ≤ rank ≤ count. */
    public double valueAtRank(long rank) {
        int i = Arrays.binarySearch(cumulative, rank);
        // binarySearch finds an exact cumulative count or the insertion point: either way the run holding the rank.
        return values[i >= 0 ? i : -i - 1];
    }

    /** The exact sum of the values of ranks {@code from + 1} to {@code to}. */
    public ExactSum sumOfRanks(long from, long to) {
        ExactSum sum = new ExactSum();
        long before = 0;
        for (int i = 0; i < values.length && before < to; i++) {
            long start = Math.max(before, from);
            long end = Math.min(cumulative[i], to);
            if (end > start) {
                sum.addProduct(values[i], end - start);
            }
            before = cumulative[i];
        }
        return sum;
    }

    /** How many values v satisfy {@code lower < v <= upper}; NaN stands for an absent bound. */
    public long countBetween(double lower, double upper) {
        long count = 0;
        for (int i = 0; i < values.length; i++) {
            if (within(values[i], lower, upper)) {
                count += counts[i];
            }
        }
        return count;
    }

    /** The exact sum of the values v with {@code lower < v <= upper}; NaN stands for an absent bound. */
    public ExactSum sumBetween(double lower, double upper) {
        ExactSum sum = new ExactSum();
        for (int i = 0; i < values.length; i++) {
            if (within(values[i], lower, upper)) {
                sum.addProduct(values[i], counts[i]);
            }
        }
        return sum;
    }

    /** How many values are at most {@code bound}. */
    public long countAtMost(double bound) {
        return countBetween(Double.NaN, bound);
    }

    /** How many values are above {@code bound}. */
    public long countAbove(double bound) {
        return countBetween(bound, Double.NaN);
    }

    private static boolean within(double v, double lower, double upper) {
        return (Double.isNaN(lower) || v > lower) && (Double.isNaN(upper) || v <= upper);
    }
}
