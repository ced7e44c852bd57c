package dev.cwfilter.definitions;

import java.util.Objects;

/**
 * A definition that was left out, and why: an unknown field, an invalid pattern (with its caret rendering), a value
 * out of range, or a kind of definition cwfilter does not evaluate (a composite alarm, a metric-math alarm). The other
 * definitions of the file are read all the same.
 *
 * <p>Immutable and thread-safe.
 *
 * @param kind   what was left out
 * @param name   its name as the file gives it (a metric filter's {@code filterName}, an alarm's {@code AlarmName}, a
 *               CloudFormation logical id, a Terraform address), or {@code #N} (its 1-based position) if it has none
 * @param file   the file it was read from, as the caller named it
 * @param line   the 1-based line where it starts, or 0 if unknown
 * @param reason what is wrong, in plain words; for an invalid pattern, the message, then the pattern and a caret
 *               under the problem on the following lines
 */
public record DefinitionProblem(Kind kind, String name, String file, int line, String reason) {

    /** What kind of definition was left out. */
    public enum Kind {
        /** A metric filter. */
        METRIC_FILTER("metric filter"),
        /** A metric alarm, or a composite alarm. */
        ALARM("alarm");

        private final String words;

        Kind(String words) {
            this.words = words;
        }

        /** The kind in words: {@code metric filter}, {@code alarm}. */
        public String words() {
            return words;
        }
    }

    /** Checks for null. */
    public DefinitionProblem {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(reason, "reason");
    }

    /**
     * Why a definition was rejected, in words: for an invalid pattern, CloudWatch's message with its line and column,
     * then the pattern and a caret under the problem on the following lines; otherwise the exception's message.
     */
    public static String reasonOf(IllegalArgumentException e) {
        if (e instanceof dev.cwfilter.FilterPatternException p) {
            return "the filter pattern is invalid: " + p.issues().get(0).describe() + "\n" + p.excerpt();
        }
        return e.getMessage();
    }

    /** Where it is written: {@code filters.json line 14}, or just the file. */
    public String location() {
        return file + (line > 0 ? " line " + line : "");
    }

    /**
     * The problem in one message: {@code metric filter 'Errors' (filters.json line 14): reason}, the reason's caret
     * lines, if any, following.
     */
    public String describe() {
        return kind.words() + " '" + name + "' (" + location() + "): " + reason;
    }
}
