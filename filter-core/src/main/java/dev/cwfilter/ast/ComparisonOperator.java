package dev.cwfilter.ast;

/**
 * The comparison operators of JSON and space-delimited patterns.
 *
 * <p>Immutable and thread-safe.
 */
public enum ComparisonOperator {
    /** {@code =}: equal (strings with wildcards, numbers, or a regular expression match). */
    EQ("="),
    /** {@code !=}: not equal. */
    NE("!="),
    /** {@code <}: numerically less than. */
    LT("<"),
    /** {@code <=}: numerically less than or equal. */
    LE("<="),
    /** {@code >}: numerically greater than. */
    GT(">"),
    /** {@code >=}: numerically greater than or equal. */
    GE(">=");

    private final String symbol;

    ComparisonOperator(String symbol) {
        this.symbol = symbol;
    }

    /** The operator as written in a pattern. */
    public String symbol() {
        return symbol;
    }

    /** Whether the operator only compares numbers ({@code < <= > >=}). */
    public boolean isOrdering() {
        return this != EQ && this != NE;
    }
}
