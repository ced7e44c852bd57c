package dev.cwfilter.ast;

import java.util.Objects;

/**
 * A standalone regular expression pattern, {@code %...%}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param regex the regular expression
 */
public record RegexPattern(Regex regex) implements Pattern {

    /** Checks for null. */
    public RegexPattern {
        Objects.requireNonNull(regex, "regex");
    }
}
