package dev.cwfilter;

import dev.cwfilter.ast.Pattern;
import dev.cwfilter.ast.SourceSpan;
import dev.cwfilter.io.JsonString;
import dev.cwfilter.internal.parse.ParseLimits;
import dev.cwfilter.internal.parse.ParseOutcome;
import dev.cwfilter.internal.parse.PatternParser;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of parsing a pattern without compiling it: the syntax tree and where each node was written, or every
 * problem found. For tools that lint patterns; {@link FilterPattern#parse(String)} never throws for bad input.
 *
 * <p>Immutable and thread-safe.
 */
public final class ParsedPattern {

    private final String text;
    private final FilterOptions options;
    private final Pattern ast;
    private final List<PatternIssue> issues;
    private final Map<Object, SourceSpan> spans;

    private ParsedPattern(String text, FilterOptions options, Pattern ast, List<PatternIssue> issues,
                          Map<Object, SourceSpan> spans) {
        this.text = text;
        this.options = options;
        this.ast = ast;
        this.issues = issues;
        this.spans = spans;
    }

    static ParsedPattern parse(String text, FilterOptions options) {
        Objects.requireNonNull(text, "pattern");
        Objects.requireNonNull(options, "options");
        ParseOutcome outcome = PatternParser.parse(text, new ParseLimits(options.maxPatternLength(),
                options.maxNestingDepth(), options.lenientTermCharacters()));
        List<PatternIssue> issues = PatternIssue.at(text, outcome.issues());
        return new ParsedPattern(text, options, outcome.ast(), issues, outcome.spans());
    }

    /** The pattern text as given. */
    public String text() {
        return text;
    }

    /** The options it was parsed with. */
    public FilterOptions options() {
        return options;
    }

    /** Whether the pattern is valid: it has a tree and no issues. */
    public boolean isValid() {
        return ast != null;
    }

    /** The syntax tree, if the pattern is valid. */
    public Optional<Pattern> ast() {
        return Optional.ofNullable(ast);
    }

    /** Every problem found, in order of offset; empty if the pattern is valid. */
    public List<PatternIssue> issues() {
        return issues;
    }

    /**
     * Where a node of {@link #ast()} was written in {@link #text()}. Nodes are looked up by identity: pass a node
     * taken from this result's tree.
     */
    public Optional<SourceSpan> spanOf(Object node) {
        return Optional.ofNullable(spans.get(node));
    }

    /** The tree, or a {@link FilterPatternException} listing every issue. */
    public Pattern astOrThrow() {
        if (ast == null) {
            throw new FilterPatternException(text, issues);
        }
        return ast;
    }

    Map<Object, SourceSpan> spans() {
        return spans;
    }

    /**
     * The text as a JSON string, whether it is valid, and each issue with its line and column, for logs and failure
     * messages: {@code ParsedPattern["{ $.a = }", invalid: expected a value after '=' (line 1, column 9)]}; options
     * other than the defaults follow.
     */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("ParsedPattern[");
        JsonString.quote(text, sb);
        sb.append(isValid() ? ", valid" : ", invalid");
        String separator = ": ";
        for (PatternIssue issue : issues) {
            sb.append(separator).append(issue.message()).append(" (line ").append(issue.line()).append(", column ")
                    .append(issue.column()).append(')');
            separator = "; ";
        }
        if (!options.equals(FilterOptions.defaults())) {
            sb.append(", ").append(options);
        }
        return sb.append(']').toString();
    }
}
