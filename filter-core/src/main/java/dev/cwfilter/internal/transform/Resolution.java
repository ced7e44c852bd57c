package dev.cwfilter.internal.transform;

import dev.cwfilter.Datapoint;

/**
 * What one event comes to under a metric filter: whether its pattern matched, and the datapoint the match publishes
 * (null if it did not match, or matched without a value or a dimension to publish).
 *
 * @param matched   whether the pattern matched
 * @param datapoint the match's datapoint, or null
 */
public record Resolution(boolean matched, Datapoint datapoint) {
    /** The event did not match. */
    public static final Resolution NO_MATCH = new Resolution(false, null);
    /** The event matched, but its value is missing or not a number, or a dimension is missing. */
    public static final Resolution MATCH_WITHOUT_DATAPOINT = new Resolution(true, null);
}
