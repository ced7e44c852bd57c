package dev.cwfilter.internal.parse;

/**
 * A problem found while parsing, before line and column are worked out.
 *
 * <p>Immutable and thread-safe.
 *
 * @param offset  0-based UTF-16 offset into the pattern
 * @param length  characters covered
 * @param message what is wrong, in our words
 */
public record Issue(int offset, int length, String message) {
}
