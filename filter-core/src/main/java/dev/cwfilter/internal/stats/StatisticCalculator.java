package dev.cwfilter.internal.stats;

import dev.cwfilter.metric.Statistic;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Computes a {@link Statistic} over the values of one period. Stateless.
 *
 * <p>Rank arithmetic ({@code ceil(p/100 · n)}) is done in {@link BigDecimal}: in binary floating point
 * {@code 0.07 · 100} is a little above 7, which would move a nearest-rank percentile one rank up.
 */
public final class StatisticCalculator {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal FIFTY = BigDecimal.valueOf(50);
    private static final BigDecimal LOW_SAMPLE_FACTOR = BigDecimal.valueOf(1000);

    private StatisticCalculator() {
    }

    /** The statistic's value over the accumulated values, or empty where CloudWatch reports no value. */
    public static OptionalDouble compute(Statistic statistic, ValueAccumulator values) {
        if (values.count() == 0) {
            return OptionalDouble.empty();
        }
        if (statistic instanceof Statistic.Basic basic) {
            return OptionalDouble.of(switch (basic) {
                case SAMPLE_COUNT -> (double) values.count();
                case SUM -> values.sum();
                case AVERAGE -> values.sum() / values.count();
                case MINIMUM -> values.minimum();
                case MAXIMUM -> values.maximum();
            });
        }
        Optional<SortedSample> sample = values.sortedSample();
        if (sample.isEmpty()) {
            return OptionalDouble.empty();
        }
        return extended(statistic, sample.get());
    }

    private static OptionalDouble extended(Statistic statistic, SortedSample sample) {
        if (statistic instanceof Statistic.Percentile p) {
            return OptionalDouble.of(sample.valueAtRank(Math.max(1, rankAt(p.percent(), sample.count()))));
        }
        if (statistic instanceof Statistic.InterquartileMean iqm) {
            return trimmedMean(iqm.bounds(), sample);
        }
        if (statistic instanceof Statistic.TrimmedMean tm) {
            return trimmedMean(tm.bounds(), sample);
        }
        if (statistic instanceof Statistic.WinsorizedMean wm) {
            return winsorizedMean(wm.bounds(), sample);
        }
        if (statistic instanceof Statistic.TrimmedCount tc) {
            return OptionalDouble.of(trimmedCount(tc.bounds(), sample));
        }
        if (statistic instanceof Statistic.TrimmedSum ts) {
            return OptionalDouble.of(trimmedSum(ts.bounds(), sample).value());
        }
        if (statistic instanceof Statistic.PercentileRank pr) {
            Statistic.Bounds b = pr.bounds();
            long within = sample.countBetween(lowerValue(b), upperValue(b));
            return OptionalDouble.of(100.0 * within / sample.count());
        }
        throw new IllegalStateException("no computation for statistic " + statistic);
    }

    private static OptionalDouble trimmedMean(Statistic.Bounds bounds, SortedSample sample) {
        long kept = trimmedCount(bounds, sample);
        if (kept == 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(trimmedSum(bounds, sample).value() / kept);
    }

    private static long trimmedCount(Statistic.Bounds bounds, SortedSample sample) {
        if (bounds.type() == Statistic.BoundType.PERCENTAGE) {
            RankRange ranks = ranks(bounds, sample.count());
            return ranks.size();
        }
        return sample.countBetween(lowerValue(bounds), upperValue(bounds));
    }

    private static ExactSum trimmedSum(Statistic.Bounds bounds, SortedSample sample) {
        if (bounds.type() == Statistic.BoundType.PERCENTAGE) {
            RankRange ranks = ranks(bounds, sample.count());
            return ranks.size() == 0 ? new ExactSum() : sample.sumOfRanks(ranks.above, ranks.through);
        }
        return sample.sumBetween(lowerValue(bounds), upperValue(bounds));
    }

    private static OptionalDouble winsorizedMean(Statistic.Bounds bounds, SortedSample sample) {
        long n = sample.count();
        if (bounds.type() == Statistic.BoundType.PERCENTAGE) {
            RankRange ranks = ranks(bounds, n);
            if (ranks.size() == 0) {
                return OptionalDouble.empty();
            }
            ExactSum sum = sample.sumOfRanks(ranks.above, ranks.through);
            sum.addProduct(sample.valueAtRank(ranks.above + 1), ranks.above);
            sum.addProduct(sample.valueAtRank(ranks.through), n - ranks.through);
            return OptionalDouble.of(sum.value() / n);
        }
        double lower = lowerValue(bounds);
        double upper = upperValue(bounds);
        ExactSum sum = sample.sumBetween(lower, upper);
        if (!Double.isNaN(lower)) {
            sum.addProduct(lower, sample.countAtMost(lower));
        }
        if (!Double.isNaN(upper)) {
            sum.addProduct(upper, sample.countAbove(upper));
        }
        return OptionalDouble.of(sum.value() / n);
    }

    /** Ranks {@code above + 1} through {@code through} are kept. */
    private record RankRange(long above, long through) {
        long size() {
            return Math.max(0, through - above);
        }
    }

    private static RankRange ranks(Statistic.Bounds bounds, long n) {
        long above = bounds.lower().map(p -> rankAt(p, n)).orElse(0L);
        long through = bounds.upper().map(p -> rankAt(p, n)).orElse(n);
        return new RankRange(above, through);
    }

    /** {@code ceil(percent/100 · n)}, computed exactly. */
    public static long rankAt(BigDecimal percent, long n) {
        return percent.multiply(BigDecimal.valueOf(n)).divide(HUNDRED, 0, RoundingMode.CEILING).longValueExact();
    }

    private static double lowerValue(Statistic.Bounds bounds) {
        return bounds.lower().map(BigDecimal::doubleValue).orElse(Double.NaN);
    }

    private static double upperValue(Statistic.Bounds bounds) {
        return bounds.upper().map(BigDecimal::doubleValue).orElse(Double.NaN);
    }

    /**
     * Whether {@code sampleCount} values are too few for a percentile alarm to be evaluated when
     * EvaluateLowSampleCountPercentile is {@code ignore}: fewer than {@code 10/(1 − p)} for p in [0.5, 1), fewer than
     * {@code 10/p} for p in (0, 0.5), where p is the percentile as a fraction. p0 and p100 are never low.
     */
    public static boolean isLowSampleCount(Statistic.Percentile percentile, long sampleCount) {
        BigDecimal percent = percentile.percent();
        if (percent.signum() == 0 || percent.compareTo(HUNDRED) == 0) {
            return false;
        }
        BigDecimal n = BigDecimal.valueOf(sampleCount);
        // n < 10/(1 − P/100)  ⇔  n · (100 − P) < 1000, and n < 10/(P/100)  ⇔  n · P < 1000.
        BigDecimal weight = percent.compareTo(FIFTY) >= 0 ? HUNDRED.subtract(percent) : percent;
        return n.multiply(weight).compareTo(LOW_SAMPLE_FACTOR) < 0;
    }
}
