package dev.cwfilter.metric;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.OptionalDouble;

/**
 * A deliberately plain reference implementation of the statistic definitions, over a sorted array and with
 * {@link BigDecimal} sums, for comparison with the engine. Not used by the library.
 */
final class ReferenceStatistics {

    private final double[] sorted;

    ReferenceStatistics(double[] values) {
        this.sorted = values.clone();
        for (int i = 0; i < sorted.length; i++) {
            sorted[i] = sorted[i] + 0.0;
        }
        Arrays.sort(sorted);
    }

    OptionalDouble compute(Statistic s) {
        int n = sorted.length;
        if (n == 0) {
            return OptionalDouble.empty();
        }
        if (s instanceof Statistic.Basic basic) {
            return OptionalDouble.of(switch (basic) {
                case SAMPLE_COUNT -> n;
                case SUM -> sum(0, n).doubleValue();
                case AVERAGE -> sum(0, n).doubleValue() / n;
                case MINIMUM -> sorted[0];
                case MAXIMUM -> sorted[n - 1];
            });
        }
        if (sorted[0] < 0) {
            return OptionalDouble.empty();
        }
        if (s instanceof Statistic.Percentile p) {
            return OptionalDouble.of(sorted[Math.max(1, smallestRankCovering(p.percent())) - 1]);
        }
        Statistic.Bounds bounds;
        String kind;
        if (s instanceof Statistic.InterquartileMean iqm) {
            bounds = iqm.bounds();
            kind = "TM";
        } else if (s instanceof Statistic.TrimmedMean tm) {
            bounds = tm.bounds();
            kind = "TM";
        } else if (s instanceof Statistic.WinsorizedMean wm) {
            bounds = wm.bounds();
            kind = "WM";
        } else if (s instanceof Statistic.TrimmedCount tc) {
            bounds = tc.bounds();
            kind = "TC";
        } else if (s instanceof Statistic.TrimmedSum ts) {
            bounds = ts.bounds();
            kind = "TS";
        } else {
            bounds = ((Statistic.PercentileRank) s).bounds();
            kind = "PR";
        }
        boolean[] kept = new boolean[n];
        double[] winsorized = sorted.clone();
        if (bounds.type() == Statistic.BoundType.PERCENTAGE) {
            int from = bounds.lower().map(this::smallestRankCovering).orElse(0);
            int to = bounds.upper().map(this::smallestRankCovering).orElse(n);
            for (int rank = from + 1; rank <= to; rank++) {
                kept[rank - 1] = true;
            }
            if (from < to) {
                for (int i = 0; i < n; i++) {
                    winsorized[i] = Math.min(sorted[to - 1], Math.max(sorted[from], sorted[i]));
                }
            }
        } else {
            double lo = bounds.lower().map(BigDecimal::doubleValue).orElse(Double.NEGATIVE_INFINITY);
            double hi = bounds.upper().map(BigDecimal::doubleValue).orElse(Double.POSITIVE_INFINITY);
            for (int i = 0; i < n; i++) {
                kept[i] = sorted[i] > lo && sorted[i] <= hi;
                winsorized[i] = Math.min(hi, Math.max(lo, sorted[i]));
            }
        }
        int count = 0;
        BigDecimal keptSum = BigDecimal.ZERO;
        for (int i = 0; i < n; i++) {
            if (kept[i]) {
                count++;
                keptSum = keptSum.add(new BigDecimal(sorted[i]));
            }
        }
        switch (kind) {
            case "TC":
                return OptionalDouble.of(count);
            case "TS":
                return OptionalDouble.of(keptSum.doubleValue());
            case "PR":
                return OptionalDouble.of(100.0 * count / n);
            case "TM":
                return count == 0 ? OptionalDouble.empty() : OptionalDouble.of(keptSum.doubleValue() / count);
            default:
                if (count == 0 && bounds.type() == Statistic.BoundType.PERCENTAGE) {
                    return OptionalDouble.empty();
                }
                BigDecimal total = BigDecimal.ZERO;
                for (double v : winsorized) {
                    total = total.add(new BigDecimal(v));
                }
                return OptionalDouble.of(total.doubleValue() / n);
        }
    }

    /** The smallest rank r with {@code r · 100 >= percent · n}, found by counting up. */
    private int smallestRankCovering(BigDecimal percent) {
        BigDecimal needed = percent.multiply(BigDecimal.valueOf(sorted.length));
        int r = 0;
        while (BigDecimal.valueOf(r).multiply(BigDecimal.valueOf(100)).compareTo(needed) < 0) {
            r++;
        }
        return r;
    }

    private BigDecimal sum(int from, int to) {
        BigDecimal total = BigDecimal.ZERO;
        for (int i = from; i < to; i++) {
            total = total.add(new BigDecimal(sorted[i]));
        }
        return total;
    }
}
