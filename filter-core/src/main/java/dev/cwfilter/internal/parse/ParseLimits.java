package dev.cwfilter.internal.parse;

/**
 * What the parser accepts: limits and the lexical leniency of bare terms.
 *
 * <p>Immutable and thread-safe.
 *
 * @param maxPatternLength      longest pattern, in code points
 * @param maxNestingDepth       deepest parenthesis nesting
 * @param lenientTermCharacters whether bare terms may also hold {@code . / @ =}
 */
public record ParseLimits(int maxPatternLength, int maxNestingDepth, boolean lenientTermCharacters) {

    /** CloudWatch's limit on regular expressions in one JSON or space-delimited pattern. */
    public static final int MAX_REGEXES = 2;
    /** CloudWatch's limit on wildcards in one selector. */
    public static final int MAX_WILDCARDS_PER_SELECTOR = 1;
    /** CloudWatch's limit on selectors with a wildcard in one pattern. */
    public static final int MAX_WILDCARD_SELECTORS = 3;
    /**
     * Our limit on the steps of one selector ({@code .name}, {@code [0]}, {@code .*}). CloudWatch documents none;
     * within its 1024-character limit no selector has more than 509 steps, so this limit never rejects a pattern
     * CloudWatch accepts. It bounds the selector trie, which is built and walked one level per step, when
     * {@code maxPatternLength} is raised.
     */
    public static final int MAX_SELECTOR_STEPS = 512;
}
