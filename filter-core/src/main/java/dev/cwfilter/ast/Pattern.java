package dev.cwfilter.ast;

/**
 * A parsed CloudWatch Logs filter pattern: the abstract syntax tree that {@link PatternPrinter} renders back to
 * canonical text.
 *
 * <p>Every node is an immutable record compared structurally: two patterns are equal when they have the same shape
 * and the same constants, wherever they came from. Source positions are not part of a node; a parse result keeps
 * them beside the tree. Instances are immutable and safe to share between threads.
 */
public sealed interface Pattern permits MatchAll, TermPattern, RegexPattern, JsonPattern, DelimitedPattern {

    /** The canonical text of this pattern, as {@link PatternPrinter#print(Pattern)} renders it. */
    default String toPatternString() {
        return PatternPrinter.print(this);
    }
}
