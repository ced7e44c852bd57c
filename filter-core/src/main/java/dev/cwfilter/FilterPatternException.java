package dev.cwfilter;

import java.util.List;
import java.util.Objects;

/**
 * A filter pattern that CloudWatch would reject. The message says what is wrong in plain words, where (0-based offset,
 * 1-based line and column) and shows the pattern with a caret under the problem:
 * <pre>
 * Invalid filter pattern: expected a value after '=', found '}' (line 1, column 9)
 * { $.a = }
 *         ^
 * </pre>
 * {@link #issues()} lists every problem found, the first of which the message describes.
 *
 * <p>Immutable and thread-safe.
 */
public final class FilterPatternException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String pattern;
    private final List<PatternIssue> issues;

    /**
     * An exception for the issues of a pattern.
     *
     * @param pattern the pattern text
     * @param issues  its issues, at least one, in order of offset
     */
    public FilterPatternException(String pattern, List<PatternIssue> issues) {
        super(render(pattern, issues));
        this.pattern = Objects.requireNonNull(pattern, "pattern");
        this.issues = List.copyOf(issues);
    }

    private static String render(String pattern, List<PatternIssue> issues) {
        if (issues.isEmpty()) {
            throw new IllegalArgumentException("a FilterPatternException needs at least one issue");
        }
        PatternIssue first = issues.get(0);
        String more = issues.size() == 1 ? "" : " [and " + (issues.size() - 1) + " more problem"
                + (issues.size() == 2 ? "" : "s") + "]";
        return "Invalid filter pattern: " + first.describe() + more + "\n" + first.excerpt(pattern);
    }

    /** The pattern that was rejected. */
    public String pattern() {
        return pattern;
    }

    /** Every problem found, in order of offset; never empty. */
    public List<PatternIssue> issues() {
        return issues;
    }

    /** The first problem's message, without position or excerpt. */
    public String reason() {
        return issues.get(0).message();
    }

    /** The 0-based offset of the first problem in the pattern. */
    public int offset() {
        return issues.get(0).offset();
    }

    /** The 1-based line of the first problem. */
    public int line() {
        return issues.get(0).line();
    }

    /** The 1-based column of the first problem. */
    public int column() {
        return issues.get(0).column();
    }

    /** The line of the pattern holding the first problem, with a caret under it. */
    public String excerpt() {
        return issues.get(0).excerpt(pattern);
    }
}
