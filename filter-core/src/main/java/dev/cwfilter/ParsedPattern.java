package dev.cwfilter;

import dev.cwfilter.ast.Pattern;
import dev.cwfilter.ast.SourceSpan;
import dev.cwfilter.ast.Term;
import dev.cwfilter.ast.TermKind;
import dev.cwfilter.ast.TermPattern;
import dev.cwfilter.internal.parse.Issue;
import dev.cwfilter.io.JsonString;
import dev.cwfilter.internal.parse.ParseLimits;
import dev.cwfilter.internal.parse.ParseOutcome;
import dev.cwfilter.internal.parse.PatternParser;
import java.util.ArrayList;
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
        ParseOutcome outcome = PatternParser.parse(text, limits(options));
        List<PatternIssue> issues = outcome.ast() == null ? PatternIssue.at(text, outcome.issues())
                : PatternIssue.at(text, warnings(text, outcome.ast(), outcome.spans()), PatternIssue.Severity.WARNING);
        return new ParsedPattern(text, options, outcome.ast(), issues, outcome.spans());
    }

    /** What the parser accepts under these options. */
    static ParseLimits limits(FilterOptions options) {
        return new ParseLimits(options.maxPatternLength(), options.maxNestingDepth(), options.lenientTermCharacters());
    }

    /**
     * The warnings of a valid pattern, in order of offset: each {@code ?} term of a term pattern that also has a plain
     * or {@code -} term, because CloudWatch ignores it there ({@code ERROR ?timeout} matches exactly what
     * {@code ERROR} matches).
     */
    private static List<Issue> warnings(String text, Pattern ast, Map<Object, SourceSpan> spans) {
        if (!(ast instanceof TermPattern terms)) {
            return List.of();
        }
        SourceSpan other = null;
        for (Term term : terms.terms()) {
            if (term.kind() != TermKind.OPTIONAL) {
                other = spans.get(term);
                break;
            }
        }
        if (other == null) {
            return List.of();
        }
        List<Issue> out = new ArrayList<>();
        for (Term term : terms.terms()) {
            SourceSpan span = spans.get(term);
            if (term.kind() == TermKind.OPTIONAL && span != null) {
                out.add(new Issue(span.start(), Math.max(1, span.end() - span.start()),
                        "the optional term " + span.textIn(text) + " is ignored: CloudWatch ignores '?' terms when"
                                + " the pattern also has a term without '?' (here " + other.textIn(text) + "), so"
                                + " the pattern matches exactly what it matches without them. To match events that"
                                + " contain any of several terms, write only '?' terms; to require this one, drop"
                                + " its '?'"));
            }
        }
        return out;
    }

    /** The pattern text as given. */
    public String text() {
        return text;
    }

    /** The options it was parsed with. */
    public FilterOptions options() {
        return options;
    }

    /** Whether the pattern is valid: it has a tree and no {@linkplain #errors() errors} (it may have warnings). */
    public boolean isValid() {
        return ast != null;
    }

    /** The syntax tree, if the pattern is valid. */
    public Optional<Pattern> ast() {
        return Optional.ofNullable(ast);
    }

    /**
     * Every problem found, in order of offset: the {@linkplain PatternIssue.Severity#ERROR errors} of an invalid
     * pattern, or the {@linkplain PatternIssue.Severity#WARNING warnings} of a valid one (empty if it has none).
     */
    public List<PatternIssue> issues() {
        return issues;
    }

    /** The errors that make the pattern invalid; empty if it is valid. */
    public List<PatternIssue> errors() {
        return ast == null ? issues : List.of();
    }

    /**
     * The warnings of a valid pattern: parts that CloudWatch accepts but ignores or that do not do what they seem to,
     * such as {@code ?} terms beside plain terms. Empty for an invalid pattern.
     */
    public List<PatternIssue> warnings() {
        return ast == null ? List.of() : issues;
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
