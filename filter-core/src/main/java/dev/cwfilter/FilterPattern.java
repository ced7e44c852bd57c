package dev.cwfilter;

import dev.cwfilter.ast.Pattern;
import dev.cwfilter.ast.PatternPrinter;
import java.util.Objects;

/**
 * A compiled CloudWatch Logs filter pattern: compile once, then share and reuse it like a prepared statement.
 *
 * <pre>{@code
 * FilterPattern p = FilterPattern.compile("{ $.eventName = \"GetSecretValue\" }");
 * String canonical = p.toString();   // canonical pattern text
 * }</pre>
 *
 * <p>Every syntax CloudWatch accepts compiles: unstructured terms, {@code %regex%}, JSON patterns
 * {@code { ... }} and space-delimited patterns {@code [ ... ]}. An invalid pattern raises a
 * {@link FilterPatternException} that says what is wrong and where.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class FilterPattern {

    private final String source;
    private final FilterOptions options;
    private final Pattern ast;

    private FilterPattern(String source, FilterOptions options, Pattern ast) {
        this.source = source;
        this.options = options;
        this.ast = ast;
    }

    /**
     * Compiles a pattern with the default options.
     *
     * @throws FilterPatternException if CloudWatch would reject the pattern
     */
    public static FilterPattern compile(String pattern) {
        return compile(pattern, FilterOptions.defaults());
    }

    /**
     * Compiles a pattern with the given options.
     *
     * @throws FilterPatternException if the pattern is invalid under those options
     */
    public static FilterPattern compile(String pattern, FilterOptions options) {
        ParsedPattern parsed = ParsedPattern.parse(pattern, options);
        return new FilterPattern(pattern, options, parsed.astOrThrow());
    }

    /**
     * Compiles a syntax tree, built by hand or taken from {@link #parse(String)}, with the given options.
     *
     * @throws FilterPatternException if the tree's text breaks a limit of the options
     */
    public static FilterPattern compile(Pattern ast, FilterOptions options) {
        return compile(PatternPrinter.print(Objects.requireNonNull(ast, "ast")), options);
    }

    /** Parses a pattern with the default options without throwing: the tree, or every problem found. */
    public static ParsedPattern parse(String pattern) {
        return parse(pattern, FilterOptions.defaults());
    }

    /** Parses a pattern with the given options without throwing: the tree, or every problem found. */
    public static ParsedPattern parse(String pattern, FilterOptions options) {
        return ParsedPattern.parse(pattern, options);
    }

    /** The pattern text as it was given to {@link #compile(String)}. */
    public String source() {
        return source;
    }

    /** The syntax tree. */
    public Pattern ast() {
        return ast;
    }

    /** The options the pattern was compiled with. */
    public FilterOptions options() {
        return options;
    }

    /** The canonical pattern text: compiling it gives an equal pattern. */
    @Override
    public String toString() {
        return PatternPrinter.print(ast);
    }

    /** Two patterns are equal when their trees and options are equal, however their text was spaced. */
    @Override
    public boolean equals(Object o) {
        return o instanceof FilterPattern other && ast.equals(other.ast) && options.equals(other.options);
    }

    @Override
    public int hashCode() {
        return ast.hashCode() * 31 + options.hashCode();
    }
}
