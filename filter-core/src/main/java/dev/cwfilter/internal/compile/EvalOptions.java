package dev.cwfilter.internal.compile;

/**
 * What the compiled matchers need to know from the options.
 *
 * <p>Immutable and thread-safe.
 *
 * @param lenientJsonPrefix    whether JSON may start after leading text (U4)
 * @param exactFieldCount      whether space-delimited patterns need exactly as many fields as the event (U1)
 * @param maxEventNestingDepth how deeply a JSON event may nest
 * @param maxEventBytes        the largest event, in UTF-8 bytes
 */
public record EvalOptions(boolean lenientJsonPrefix, boolean exactFieldCount, int maxEventNestingDepth,
                          int maxEventBytes) {
}
