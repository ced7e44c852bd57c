package dev.cwfilter.ast;

/**
 * How a term of a {@link TermPattern} takes part in the match.
 *
 * <p>Immutable and thread-safe.
 */
public enum TermKind {
    /** A plain term: the event must contain it. */
    REQUIRED(""),
    /** A {@code ?term}: with only optional terms, the event must contain at least one of them. */
    OPTIONAL("?"),
    /** A {@code -term}: the event must not contain it. */
    EXCLUDED("-");

    private final String prefix;

    TermKind(String prefix) {
        this.prefix = prefix;
    }

    /** The prefix that marks this kind in a pattern: {@code ""}, {@code "?"} or {@code "-"}. */
    public String prefix() {
        return prefix;
    }
}
