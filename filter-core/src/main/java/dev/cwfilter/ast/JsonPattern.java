package dev.cwfilter.ast;

import java.util.Objects;

/**
 * A JSON pattern, {@code { expression }}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param expression the condition the event's JSON must satisfy
 */
public record JsonPattern(JsonExpression expression) implements Pattern {

    /** Checks for null. */
    public JsonPattern {
        Objects.requireNonNull(expression, "expression");
    }
}
