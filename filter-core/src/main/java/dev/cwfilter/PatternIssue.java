package dev.cwfilter;

import dev.cwfilter.internal.parse.Issue;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One problem with a filter pattern: what is wrong, in plain words, and where.
 *
 * <p>An {@linkplain Severity#ERROR error} makes the pattern invalid. A {@linkplain Severity#WARNING warning} comes
 * with a valid pattern that CloudWatch accepts but that very likely does not do what it seems to, such as
 * {@code ?} terms beside plain terms, which CloudWatch ignores.
 *
 * <p>Immutable and thread-safe.
 *
 * @param message  what is wrong and, where it helps, how to fix it; never mentions the parser's internals
 * @param offset   where the problem starts, as a 0-based index into the pattern string
 * @param length   how many characters the problem spans (at least 1, except at the end of the pattern)
 * @param line     the 1-based line of {@code offset}
 * @param column   the 1-based column of {@code offset} within its line
 * @param severity whether the pattern is invalid ({@link Severity#ERROR}) or valid but suspicious
 *                 ({@link Severity#WARNING})
 */
public record PatternIssue(String message, int offset, int length, int line, int column, Severity severity) {

    private static final int EXCERPT_WIDTH = 72;

    /** How serious an issue is. */
    public enum Severity {
        /** The pattern is invalid: CloudWatch rejects it, and so does {@link FilterPattern#compile(String)}. */
        ERROR,
        /** The pattern is valid, and CloudWatch accepts it, but part of it is ignored or misleading. */
        WARNING
    }

    /** Checks the position. */
    public PatternIssue {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(severity, "severity");
        if (offset < 0 || length < 0 || line < 1 || column < 1) {
            throw new IllegalArgumentException("bad position: offset " + offset + ", line " + line + ", column "
                    + column);
        }
    }

    /** An {@linkplain Severity#ERROR error}: the pattern is invalid. */
    public PatternIssue(String message, int offset, int length, int line, int column) {
        this(message, offset, length, line, column, Severity.ERROR);
    }

    /** Whether this issue is a {@linkplain Severity#WARNING warning} about a valid pattern. */
    public boolean isWarning() {
        return severity == Severity.WARNING;
    }

    /**
     * The parser's issues with their lines and columns worked out, in one pass over the pattern when they are in order
     * of offset (as the parser gives them): a pattern with many problems costs no more than its length.
     */
    static List<PatternIssue> at(String pattern, List<Issue> issues) {
        return at(pattern, issues, Severity.ERROR);
    }

    /** {@link #at(String, List)} with the given severity. */
    static List<PatternIssue> at(String pattern, List<Issue> issues, Severity severity) {
        List<PatternIssue> out = new ArrayList<>(issues.size());
        int line = 1;
        int lineStart = 0;
        int scanned = 0;
        for (Issue issue : issues) {
            int offset = issue.offset();
            if (offset < scanned) {
                line = 1;
                lineStart = 0;
                scanned = 0;
            }
            for (; scanned < offset && scanned < pattern.length(); scanned++) {
                if (pattern.charAt(scanned) == '\n') {
                    line++;
                    lineStart = scanned + 1;
                }
            }
            out.add(new PatternIssue(issue.message(), offset, issue.length(), line, offset - lineStart + 1,
                    severity));
        }
        return List.copyOf(out);
    }

    /**
     * The line of the pattern that holds the problem with a caret under its column, such as
     * <pre>
     * { $.a = }
     *         ^
     * </pre>
     * Long lines are cut around the column, with {@code ...} where text was left out; tabs and other control
     * characters show as spaces so that the caret lines up.
     */
    public String excerpt(String pattern) {
        int lineStart = 0;
        for (int l = 1; l < line; l++) {
            int nl = pattern.indexOf('\n', lineStart);
            if (nl < 0) {
                break;
            }
            lineStart = nl + 1;
        }
        int lineEnd = pattern.indexOf('\n', lineStart);
        if (lineEnd < 0) {
            lineEnd = pattern.length();
        }
        int caret = Math.min(column - 1, lineEnd - lineStart);
        int from = lineStart;
        int to = lineEnd;
        String prefix = "";
        String suffix = "";
        if (to - from > EXCERPT_WIDTH) {
            from = Math.max(lineStart, lineStart + caret - EXCERPT_WIDTH / 2);
            to = Math.min(lineEnd, from + EXCERPT_WIDTH);
            from = Math.max(lineStart, to - EXCERPT_WIDTH);
            prefix = from > lineStart ? "..." : "";
            suffix = to < lineEnd ? "..." : "";
        }
        StringBuilder sb = new StringBuilder(prefix);
        for (int i = from; i < to; i++) {
            char c = pattern.charAt(i);
            sb.append(Character.isISOControl(c) ? ' ' : c);
        }
        sb.append(suffix).append('\n');
        sb.append(" ".repeat(prefix.length() + lineStart + caret - from)).append('^');
        return sb.toString();
    }

    /**
     * The message with its position, as one line: {@code expected ... (line 1, column 9)}; a warning starts with
     * {@code warning: }.
     */
    public String describe() {
        return (isWarning() ? "warning: " : "") + message + " (line " + line + ", column " + column + ")";
    }
}
