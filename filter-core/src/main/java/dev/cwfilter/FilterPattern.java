package dev.cwfilter;

import dev.cwfilter.ast.JsonAnd;
import dev.cwfilter.ast.JsonExpression;
import dev.cwfilter.ast.JsonOr;
import dev.cwfilter.ast.JsonPattern;
import dev.cwfilter.ast.Pattern;
import dev.cwfilter.ast.PatternPrinter;
import dev.cwfilter.ast.Selector;
import dev.cwfilter.ast.SourceSpan;
import dev.cwfilter.internal.compile.Compiler;
import dev.cwfilter.internal.compile.EvalOptions;
import dev.cwfilter.internal.compile.PatternStrings;
import dev.cwfilter.internal.eval.EventMatcher;
import dev.cwfilter.internal.eval.Explanation;
import dev.cwfilter.internal.eval.search.ByteSearch;
import dev.cwfilter.internal.eval.value.FieldRequest;
import dev.cwfilter.internal.parse.PatternParser;
import dev.cwfilter.internal.parse.TreeCheck;
import dev.cwfilter.io.Utf8;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * A compiled CloudWatch Logs filter pattern: compile once, then share and reuse it like a prepared statement.
 *
 * <pre>{@code
 * FilterPattern p = FilterPattern.compile("{ $.eventName = \"GetSecretValue\" }");
 * boolean hit = p.matches(message);                  // a String
 * boolean hit2 = p.matches(bytes, 0, bytes.length);  // UTF-8 bytes
 * String canonical = p.toString();                   // canonical pattern text
 * }</pre>
 *
 * <p>Every syntax CloudWatch accepts compiles: unstructured terms, {@code %regex%}, JSON patterns
 * {@code { ... }} and space-delimited patterns {@code [ ... ]}, and each matches as CloudWatch matches (see
 * SEMANTICS.md and docs/semantics-decisions.md). An invalid pattern raises a {@link FilterPatternException} that says
 * what is wrong and where.
 *
 * <p>Matching never throws for any message: one that is not JSON, is truncated, nested too deeply or larger than
 * {@link FilterOptions#maxEventBytes()} simply does not match.
 *
 * <p>Instances are immutable and thread-safe: compile once and share the pattern between threads.
 */
public final class FilterPattern {

    /** The text compiled, or null for a tree compiled as it is (its text is printed when asked for). */
    private final String source;
    private final FilterOptions options;
    private final Pattern ast;
    /** What the evaluators need of the options, made once (a metric filter's JSON field reader shares it). */
    private final EvalOptions evalOptions;
    private final EventMatcher matcher;
    private final int maxEventBytes;
    /**
     * Whether the pattern holds U+FFFD: only then can malformed UTF-8, which decodes to U+FFFD, change an answer
     * that the byte path computes on raw bytes, so only then does the byte path decode first.
     */
    private final boolean decodeBytes;
    /**
     * For a tree compiled as it is, the same pattern compiled from its text, made on the first {@link #explain}: the
     * explanation names where each clause is written in {@link #source()}.
     */
    private volatile FilterPattern fromText;

    private FilterPattern(String source, FilterOptions options, Pattern ast, Function<Object, SourceSpan> spans) {
        this.source = source;
        this.options = options;
        this.ast = ast;
        this.maxEventBytes = options.maxEventBytes();
        this.decodeBytes = PatternStrings.contain(ast, '\uFFFD');
        this.evalOptions = new EvalOptions(options.lenientJsonPrefix(), options.exactFieldCount(),
                options.maxEventNestingDepth(), options.maxEventBytes());
        this.matcher = Compiler.compile(ast, evalOptions, spans);
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
        return new FilterPattern(pattern, options, parsed.astOrThrow(), parsed.spans()::get);
    }

    /**
     * Compiles a syntax tree, built by hand or taken from {@link #parse(String)}, with the given options.
     *
     * @throws IllegalArgumentException if {@code &&} and {@code ||} nest deeper than
     *                                  {@link FilterOptions#maxNestingDepth()} allows
     * @throws FilterPatternException   if the tree's text breaks another limit of the options (the exception holds
     *                                  that text, and says where)
     */
    public static FilterPattern compile(Pattern ast, FilterOptions options) {
        Objects.requireNonNull(ast, "ast");
        Objects.requireNonNull(options, "options");
        int depth = nestingDepth(ast);
        if (depth > options.maxNestingDepth() + 1) {
            throw new IllegalArgumentException("the tree nests && and || " + depth + " levels deep: the limit is "
                    + (options.maxNestingDepth() + 1) + " (maxNestingDepth + 1)");
        }
        if (TreeCheck.accepts(ast, ParsedPattern.limits(options))) {
            return new FilterPattern(null, options, ast, node -> null);
        }
        // A rule is broken: the text reports each problem, worded and located as for the text itself.
        return compile(PatternPrinter.print(ast), options);
    }

    /** How deeply {@code &&} and {@code ||} nest in a JSON pattern, counted without recursion. */
    private static int nestingDepth(Pattern ast) {
        if (!(ast instanceof JsonPattern json)) {
            return 0;
        }
        record Pending(JsonExpression expression, int level) {
        }
        ArrayDeque<Pending> stack = new ArrayDeque<>();
        stack.push(new Pending(json.expression(), 1));
        int max = 0;
        while (!stack.isEmpty()) {
            Pending top = stack.pop();
            List<JsonExpression> operands = top.expression() instanceof JsonAnd and ? and.operands()
                    : top.expression() instanceof JsonOr or ? or.operands() : List.of();
            if (!operands.isEmpty()) {
                max = Math.max(max, top.level());
                for (JsonExpression operand : operands) {
                    stack.push(new Pending(operand, top.level() + 1));
                }
            }
        }
        return max;
    }

    /** Parses a pattern with the default options without throwing: the tree, or every problem found. */
    public static ParsedPattern parse(String pattern) {
        return parse(pattern, FilterOptions.defaults());
    }

    /** Parses a pattern with the given options without throwing: the tree, or every problem found. */
    public static ParsedPattern parse(String pattern, FilterOptions options) {
        return ParsedPattern.parse(pattern, options);
    }

    /**
     * Reads a JSON selector on its own, such as a metric filter's value {@code $.latency} or dimension
     * {@code $.userIdentity.type}: exactly one selector, with the grammar and the limits of a selector inside a JSON
     * pattern (wildcards included; a metric filter itself refuses a wildcard).
     *
     * @param selector the selector, starting with {@code $}
     * @return its tree
     * @throws FilterPatternException if the text is not exactly one valid selector: what is wrong, and where
     * @throws NullPointerException   if the text is null
     */
    public static Selector parseSelector(String selector) {
        PatternParser.SelectorOutcome outcome = PatternParser.selector(Objects.requireNonNull(selector, "selector"));
        if (outcome.selector() == null) {
            throw new FilterPatternException(selector, PatternIssue.at(selector, List.of(outcome.issue())));
        }
        return outcome.selector();
    }

    /**
     * Whether the log event message matches.
     *
     * @throws NullPointerException if the message is null
     */
    public boolean matches(String message) {
        return withinSizeLimit(message) && matcher.matches(message);
    }

    /**
     * Whether the UTF-8 message in {@code utf8[offset, offset+length)} matches; the same answer as
     * {@link #matches(String)} for the decoded text.
     *
     * @throws IndexOutOfBoundsException if the range is outside the array
     */
    public boolean matches(byte[] utf8, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, utf8.length);
        if (length > maxEventBytes) {
            return false;
        }
        if ((long) length * 3 > maxEventBytes && !ByteSearch.isAscii(utf8, offset, offset + length)) {
            // Malformed bytes decode to U+FFFD, three bytes each: near the limit, measure the text that is matched.
            return matches(new String(utf8, offset, length, StandardCharsets.UTF_8));
        }
        return decodeBytes ? matcher.matches(new String(utf8, offset, length, StandardCharsets.UTF_8))
                : matcher.matches(utf8, offset, length);
    }

    /**
     * The values TestMetricFilter extracts from the message if it matches ({@code $ip}, {@code $1} for space-delimited
     * patterns; empty for the others), or null if it does not match.
     */
    Map<String, String> extract(String message) {
        return withinSizeLimit(message) ? matcher.extract(message) : null;
    }

    /**
     * The values of the requested space-delimited fields if the message matches, or null if it does not (see
     * {@link EventMatcher#fieldValues}): what a metric filter reads, keeping nothing per field of the event.
     */
    String[] fieldValues(String message, List<FieldRequest> requests) {
        return withinSizeLimit(message) ? matcher.fieldValues(message, requests) : null;
    }

    /**
     * Why the message matches or not: each clause with what the message holds for it, and the clauses that decided.
     * Slower than {@link #matches(String)} (it evaluates every clause); meant for tests, tools and error messages.
     */
    public MatchExplanation explain(String message) {
        Objects.requireNonNull(message, "message");
        if (source == null) {
            FilterPattern twin = fromText;
            if (twin == null) {
                twin = compile(source(), options);
                fromText = twin;
            }
            return twin.explain(message);
        }
        if (!withinSizeLimit(message)) {
            return new MatchExplanation(false, "the message is larger than maxEventBytes (" + maxEventBytes
                    + " bytes of UTF-8)", List.of());
        }
        Explanation e = matcher.explain(message);
        return new MatchExplanation(e.matched(), e.reason(), e.clauses().stream()
                .map(o -> new MatchExplanation.ClauseResult(o.clause().text(), Optional.ofNullable(o.clause().span()),
                        o.holds(), o.observed(), o.deciding()))
                .toList());
    }

    /** What the evaluators need of the options. */
    EvalOptions evalOptions() {
        return evalOptions;
    }

    /** The compiled evaluator (for {@link PatternSet}: a JSON pattern's is a set of one). */
    EventMatcher matcher() {
        return matcher;
    }

    /** Whether the byte path decodes the message first (the pattern holds U+FFFD). */
    boolean decodesBytes() {
        return decodeBytes;
    }

    private boolean withinSizeLimit(String message) {
        return withinSizeLimit(message, maxEventBytes);
    }

    /** Whether the message's UTF-8 encoding is at most {@code maxEventBytes} long. */
    static boolean withinSizeLimit(String message, int maxEventBytes) {
        int length = message.length();
        if (length > maxEventBytes) {
            return false;
        }
        if ((long) length * 3 <= maxEventBytes) {
            return true;
        }
        return Utf8.encodedLength(message) <= maxEventBytes;
    }

    /**
     * The pattern text as it was given to {@link #compile(String)}; for a pattern compiled from a tree, the tree's
     * canonical text.
     */
    public String source() {
        return source != null ? source : PatternPrinter.print(ast);
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
