package dev.cwfilter.metric;

import dev.cwfilter.internal.stats.StatisticNames;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * A CloudWatch statistic, by the names the CloudWatch API uses: the five basic statistics ({@code SampleCount},
 * {@code Sum}, {@code Average}, {@code Minimum}, {@code Maximum}) and the extended ones ({@code p99}, {@code p99.9},
 * {@code tm90}, {@code TM(10%:90%)}, {@code TM(150:1000)}, {@code IQM}, {@code wm90}, {@code WM(…)},
 * {@code PR(:300)}, {@code tc90}, {@code TC(…)}, {@code ts90}, {@code TS(…)}).
 *
 * <p>{@link #parse(String)} reads a name; {@link #awsName()} (and {@code toString()}) prints the canonical name, so
 * that {@code parse(s.awsName()).equals(s)}. Equality is semantic: {@code TM(:90%)} equals {@code tm90} and prints as
 * {@code tm90}; numbers are compared by value ({@code p99.90} equals {@code p99.9}).
 *
 * <p>How each statistic is computed from the values of one period is described on its type; the extended statistics
 * are unavailable for a period that holds a negative value (see {@link PeriodStatistics}). All implementations are
 * immutable and thread-safe.
 */
public sealed interface Statistic
        permits Statistic.Basic, Statistic.Percentile, Statistic.TrimmedMean, Statistic.WinsorizedMean,
        Statistic.TrimmedCount, Statistic.TrimmedSum, Statistic.PercentileRank, Statistic.InterquartileMean {

    /** The number of values in the period. */
    Statistic SAMPLE_COUNT = Basic.SAMPLE_COUNT;
    /** The sum of the values in the period. */
    Statistic SUM = Basic.SUM;
    /** {@code Sum / SampleCount}. */
    Statistic AVERAGE = Basic.AVERAGE;
    /** The smallest value in the period. */
    Statistic MINIMUM = Basic.MINIMUM;
    /** The largest value in the period. */
    Statistic MAXIMUM = Basic.MAXIMUM;
    /** The interquartile mean, {@code TM(25%:75%)}. */
    Statistic IQM = new InterquartileMean();

    /**
     * The statistic with the given CloudWatch name. Names are case-sensitive, as in the CloudWatch API: the basic
     * statistics are capitalised ({@code Sum}), the single-number forms lower case ({@code p99}, {@code tm90}), the
     * ranged forms upper case ({@code TM(10%:90%)}).
     *
     * <ul>
     *   <li>{@code pNN}: a percentile from 0 to 100 with at most two decimals ({@code p0}, {@code p95.45},
     *       {@code p100});</li>
     *   <li>{@code tmNN}, {@code wmNN}, {@code tcNN}, {@code tsNN}: the same as {@code TM(:NN%)} and so on, NN from 0
     *       to 100 with at most ten decimals;</li>
     *   <li>{@code TM(a:b)}, {@code WM(a:b)}, {@code TC(a:b)}, {@code TS(a:b)}: both bounds percentages
     *       ({@code 10%}) or both absolute values ({@code 150}), either one may be left out ({@code TM(:300)},
     *       {@code TM(10%:)}), the lower bound must be below the upper one;</li>
     *   <li>{@code PR(a:b)}: absolute bounds only;</li>
     *   <li>{@code IQM}.</li>
     * </ul>
     *
     * @throws IllegalArgumentException naming what is wrong with the name
     */
    static Statistic parse(String name) {
        return StatisticNames.parse(name);
    }

    /** The canonical CloudWatch name, such as {@code Sum}, {@code p99.9} or {@code TM(10%:90%)}. */
    String awsName();

    /**
     * Whether this is an extended statistic (PutMetricAlarm's {@code ExtendedStatistic}, GetMetricStatistics'
     * {@code ExtendedStatistics}) rather than one of the five basic ones.
     */
    default boolean isExtended() {
        return true;
    }

    /**
     * The five basic statistics, available for every period that holds at least one value.
     */
    enum Basic implements Statistic {
        /** {@code SampleCount}: the number of values. */
        SAMPLE_COUNT("SampleCount"),
        /** {@code Sum}: the exact sum of the values, rounded once to the nearest double. */
        SUM("Sum"),
        /** {@code Average}: {@code Sum / SampleCount}. */
        AVERAGE("Average"),
        /** {@code Minimum}: the smallest value. */
        MINIMUM("Minimum"),
        /** {@code Maximum}: the largest value. */
        MAXIMUM("Maximum");

        private final String awsName;

        Basic(String awsName) {
            this.awsName = awsName;
        }

        @Override
        public String awsName() {
            return awsName;
        }

        @Override
        public boolean isExtended() {
            return false;
        }

        @Override
        public String toString() {
            return awsName;
        }
    }

    /**
     * {@code pNN}: the value below which NN percent of the period's values lie, by the nearest-rank method: with the
     * n values sorted ascending, the value of rank {@code ceil(NN/100 · n)} (rank 1 for {@code p0}).
     *
     * @param percent from 0 to 100, at most two decimals
     */
    record Percentile(BigDecimal percent) implements Statistic {

        /**
         * Checks the range and the number of decimals, and normalises the number so that equal values are equal.
         *
         * @throws IllegalArgumentException if the percent is outside [0, 100] or has more than two decimals
         */
        public Percentile {
            percent = StatisticNames.normalise(Objects.requireNonNull(percent, "percent"));
            StatisticNames.checkPercentage(percent, 2, "p" + percent.toPlainString());
        }

        @Override
        public String awsName() {
            return "p" + percent.toPlainString();
        }

        @Override
        public String toString() {
            return awsName();
        }
    }

    /**
     * {@code tmNN} / {@code TM(a:b)}: the mean of the values within the bounds; unavailable when no value is within
     * them. With percentages, the values of ranks {@code ceil(a/100 · n) + 1} to {@code ceil(b/100 · n)} are kept
     * (the lowest a% and the highest (100 − b)% of the values are dropped); with absolute bounds, the values v with
     * {@code a < v <= b}.
     *
     * @param bounds which values are kept
     */
    record TrimmedMean(Bounds bounds) implements Statistic {

        /** Checks for null. */
        public TrimmedMean {
            Objects.requireNonNull(bounds, "bounds");
        }

        @Override
        public String awsName() {
            return StatisticNames.print("tm", "TM", bounds);
        }

        @Override
        public String toString() {
            return awsName();
        }
    }

    /**
     * {@code wmNN} / {@code WM(a:b)}: the mean of all values after each value outside the bounds is replaced by the
     * boundary value on its side. With percentages, values below the kept ranks (see {@link TrimmedMean}) count as
     * the smallest kept value and values above them as the largest kept value; unavailable when no rank is kept.
     * With absolute bounds, every value is clamped into {@code [a, b]}.
     *
     * @param bounds the boundaries
     */
    record WinsorizedMean(Bounds bounds) implements Statistic {

        /** Checks for null. */
        public WinsorizedMean {
            Objects.requireNonNull(bounds, "bounds");
        }

        @Override
        public String awsName() {
            return StatisticNames.print("wm", "WM", bounds);
        }

        @Override
        public String toString() {
            return awsName();
        }
    }

    /**
     * {@code tcNN} / {@code TC(a:b)}: how many values are within the bounds (kept as by {@link TrimmedMean}); 0 when
     * none is.
     *
     * @param bounds which values are counted
     */
    record TrimmedCount(Bounds bounds) implements Statistic {

        /** Checks for null. */
        public TrimmedCount {
            Objects.requireNonNull(bounds, "bounds");
        }

        @Override
        public String awsName() {
            return StatisticNames.print("tc", "TC", bounds);
        }

        @Override
        public String toString() {
            return awsName();
        }
    }

    /**
     * {@code tsNN} / {@code TS(a:b)}: the sum of the values within the bounds (kept as by {@link TrimmedMean}), that
     * is {@code TM × TC}; 0 when no value is within them.
     *
     * @param bounds which values are summed
     */
    record TrimmedSum(Bounds bounds) implements Statistic {

        /** Checks for null. */
        public TrimmedSum {
            Objects.requireNonNull(bounds, "bounds");
        }

        @Override
        public String awsName() {
            return StatisticNames.print("ts", "TS", bounds);
        }

        @Override
        public String toString() {
            return awsName();
        }
    }

    /**
     * {@code PR(a:b)}: the percentage (0 to 100) of the values v with {@code a < v <= b}; {@code PR(:300)} is the
     * percentage of values at most 300.
     *
     * @param bounds absolute bounds
     */
    record PercentileRank(Bounds bounds) implements Statistic {

        /**
         * Checks that the bounds are absolute values.
         *
         * @throws IllegalArgumentException if the bounds are percentages
         */
        public PercentileRank {
            Objects.requireNonNull(bounds, "bounds");
            if (bounds.type() != BoundType.ABSOLUTE) {
                throw new IllegalArgumentException("PR takes absolute bounds, such as PR(:300), not percentages");
            }
        }

        @Override
        public String awsName() {
            return "PR(" + bounds.print() + ")";
        }

        @Override
        public String toString() {
            return awsName();
        }
    }

    /** {@code IQM}: the interquartile mean, computed as {@code TM(25%:75%)}. */
    record InterquartileMean() implements Statistic {

        /** The bounds IQM stands for, 25% to 75%. */
        public Bounds bounds() {
            return StatisticNames.INTERQUARTILE;
        }

        @Override
        public String awsName() {
            return "IQM";
        }

        @Override
        public String toString() {
            return awsName();
        }
    }

    /** Whether the bounds of a ranged statistic are percentages of the values or values themselves. */
    enum BoundType {
        /** Percentages, written with {@code %}: bounds on the ranks of the sorted values. */
        PERCENTAGE,
        /** Absolute values: bounds on the values, lower exclusive, upper inclusive. */
        ABSOLUTE
    }

    /**
     * The bounds of a ranged statistic. At least one bound is present; an absent lower bound means "from the smallest
     * value", an absent upper bound "to the largest value".
     *
     * @param lower the lower bound (exclusive for absolute values), if any
     * @param upper the upper bound (inclusive for absolute values), if any
     * @param type  whether the bounds are percentages or absolute values
     */
    record Bounds(Optional<BigDecimal> lower, Optional<BigDecimal> upper, BoundType type) {

        /**
         * Checks the bounds as CloudWatch does and normalises the numbers so that equal values are equal.
         *
         * @throws IllegalArgumentException if both bounds are absent, a percentage is outside [0, 100], a bound has
         *                                  more than ten decimals, or the lower bound is not below the upper one
         */
        public Bounds {
            Objects.requireNonNull(type, "type");
            lower = Objects.requireNonNull(lower, "lower").map(StatisticNames::normalise);
            upper = Objects.requireNonNull(upper, "upper").map(StatisticNames::normalise);
            StatisticNames.checkBounds(lower, upper, type);
        }

        /** Percentage bounds {@code (lower%:upper%)}; pass null for an absent bound. */
        public static Bounds percentages(BigDecimal lower, BigDecimal upper) {
            return new Bounds(Optional.ofNullable(lower), Optional.ofNullable(upper), BoundType.PERCENTAGE);
        }

        /** Absolute bounds {@code (lower:upper)}; pass null for an absent bound. */
        public static Bounds absolute(BigDecimal lower, BigDecimal upper) {
            return new Bounds(Optional.ofNullable(lower), Optional.ofNullable(upper), BoundType.ABSOLUTE);
        }

        /** The bounds as written between the parentheses, such as {@code 10%:90%} or {@code :300}. */
        public String print() {
            String suffix = type == BoundType.PERCENTAGE ? "%" : "";
            return lower.map(b -> b.toPlainString() + suffix).orElse("") + ":"
                    + upper.map(b -> b.toPlainString() + suffix).orElse("");
        }
    }
}
