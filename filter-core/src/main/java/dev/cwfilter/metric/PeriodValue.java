package dev.cwfilter.metric;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One period as an alarm sees it: how many values the period holds, and the alarm's statistic over them. The input of
 * the public alarm rule ({@link AlarmDecision#evaluate}), so that a caller that keeps its own per-period data (a
 * Flink operator, a test harness) evaluates alarms exactly as {@link AlarmEvaluator} does. Immutable and thread-safe.
 *
 * @param sampleCount how many values the period holds; 0 for a period without data
 * @param value       the statistic's value; empty when the period has no data or the statistic is unavailable for
 *                    it (an extended statistic over negative values, a trimmed mean that keeps no value)
 */
public record PeriodValue(long sampleCount, OptionalDouble value) {

    private static final PeriodValue MISSING = new PeriodValue(0, OptionalDouble.empty());

    /**
     * Checks the combination.
     *
     * @throws IllegalArgumentException if the sample count is negative, a value is given for a period without
     *                                  samples, or the value is not finite
     */
    public PeriodValue {
        Objects.requireNonNull(value, "value");
        if (sampleCount < 0) {
            throw new IllegalArgumentException("a sample count is not negative: " + sampleCount);
        }
        if (value.isPresent() && sampleCount == 0) {
            throw new IllegalArgumentException("a period without samples has no value");
        }
        if (value.isPresent() && !Double.isFinite(value.getAsDouble())) {
            throw new IllegalArgumentException("a period's value is finite, not " + value.getAsDouble());
        }
    }

    /** A period without data: the alarm treats it as TreatMissingData says. */
    public static PeriodValue missing() {
        return MISSING;
    }

    /**
     * A period with data whose statistic is {@code value}.
     *
     * @param sampleCount how many values the period holds, at least 1 (it matters only to percentile alarms with
     *                    {@link LowSampleCountPercentile#IGNORE})
     */
    public static PeriodValue of(double value, long sampleCount) {
        return new PeriodValue(sampleCount, OptionalDouble.of(value));
    }

    /** A period that holds {@code sampleCount} values but whose statistic is unavailable: it counts as missing. */
    public static PeriodValue unavailable(long sampleCount) {
        return new PeriodValue(sampleCount, OptionalDouble.empty());
    }

    /** Whether the period has a value (it is then breaching or not; otherwise it is missing). */
    public boolean isPresent() {
        return value.isPresent();
    }
}
