package dev.cwfilter;

/**
 * When a metric filter with a default value publishes it (SEMANTICS.md section 6.3, uncertainty U2).
 *
 * <p>Immutable and thread-safe.
 */
public enum DefaultValueMode {
    /**
     * Every log event the filter does not match publishes the default value: a minute of n events has n datapoints.
     * This is what the PutMetricFilter API says ("the value to emit when a filter pattern does not match a log
     * event") and what users observe (identical SampleCount across filters); it is the default.
     */
    EVERY_UNMATCHED_EVENT,
    /**
     * A minute that has log events but no match publishes the default value once; a minute with a match publishes
     * only the matches. This is the reading of the Concepts page ("during a period when logs are ingested but no
     * matching logs are found").
     */
    ONCE_PER_MINUTE_WITHOUT_MATCH
}
