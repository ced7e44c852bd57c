package dev.cwfilter.ast;

import java.util.Objects;

/**
 * {@code selector operator value}, such as {@code $.eventName = "GetSecretValue"} or {@code $.latency > 500}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param selector the field to compare
 * @param operator the comparison
 * @param value    what to compare with; a number for {@code < <= > >=}
 */
public record JsonComparison(Selector selector, ComparisonOperator operator, Value value) implements JsonExpression {

    /** Checks for null and that ordering operators compare with a number. */
    public JsonComparison {
        Objects.requireNonNull(selector, "selector");
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(value, "value");
        if (operator.isOrdering() && !(value instanceof NumberValue)) {
            throw new IllegalArgumentException(operator.symbol() + " compares with a number, not " + value);
        }
    }
}
