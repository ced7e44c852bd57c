package dev.cwfilter.ast;

/**
 * Where a node was written in the pattern text: the half-open range of UTF-16 offsets {@code [start, end)}.
 *
 * <p>Spans are kept beside the tree, not in it, so that trees compare structurally. Immutable and thread-safe.
 *
 * @param start the offset of the node's first character, 0-based
 * @param end   the offset just past its last character
 */
public record SourceSpan(int start, int end) {

    /** Checks that the range is well formed. */
    public SourceSpan {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad span [" + start + ", " + end + ")");
        }
    }

    /** The text of the span within the pattern it came from. */
    public String textIn(String pattern) {
        return pattern.substring(start, Math.min(end, pattern.length()));
    }
}
