package dev.cwfilter.metric;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One period of an alarm's evaluation range as the evaluation saw it. Immutable and thread-safe.
 *
 * @param timestamp   the start of the period, epoch milliseconds
 * @param value       the alarm's statistic for the period; empty when the period had no data or the statistic is
 *                    unavailable for it (for example a percentile over negative values)
 * @param sampleCount how many values the period holds (0 when it had no data)
 * @param outcome     whether the period breached, did not breach, or was missing
 */
public record EvaluatedDatapoint(long timestamp, OptionalDouble value, long sampleCount, Outcome outcome) {

    /** What a period contributed to the evaluation. */
    public enum Outcome {
        /** The statistic breached the threshold. */
        BREACHING,
        /** The statistic did not breach the threshold. */
        NOT_BREACHING,
        /** There was no statistic: the period is handled as TreatMissingData says. */
        MISSING
    }

    /**
     * Checks that the value is present exactly when the period is not missing.
     *
     * @throws IllegalArgumentException if value and outcome disagree, or the sample count is negative
     */
    public EvaluatedDatapoint {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(outcome, "outcome");
        if (value.isPresent() == (outcome == Outcome.MISSING)) {
            throw new IllegalArgumentException("a missing period has no value and any other period has one");
        }
        if (sampleCount < 0) {
            throw new IllegalArgumentException("a sample count is not negative");
        }
    }

    /** Whether the period had a statistic value. */
    public boolean isReal() {
        return outcome != Outcome.MISSING;
    }
}
