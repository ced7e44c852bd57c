package dev.cwfilter.ast;

import java.util.Objects;

/**
 * A regular expression in CloudWatch's dialect, written {@code %source%}: a standalone pattern, a JSON comparison
 * value or a space-delimited field condition.
 *
 * <p>Immutable and thread-safe.
 *
 * @param source the text between the two {@code %}; never empty and never holding a {@code %}
 */
public record Regex(String source) implements Value {

    /** Checks that the source can be written between two {@code %}. */
    public Regex {
        Objects.requireNonNull(source, "source");
        if (source.isEmpty() || source.indexOf('%') >= 0) {
            throw new IllegalArgumentException("a regular expression is non-empty and holds no '%': " + source);
        }
    }
}
