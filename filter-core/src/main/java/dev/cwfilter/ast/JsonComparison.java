package dev.cwfilter.ast;

import java.util.Objects;

/**
 * {@code selector operator value}, such as {@code $.eventName = "GetSecretValue"} or {@code $.latency > 500}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param selector the field to compare
 * @param operator the comparison
 * @param value    what to compare with; a number for {@code < <= > >=}; never a bare {@code null}, which CloudWatch
 *                 rejects (a JSON null is tested with {@code IS NULL}; the quoted {@code "null"} is the text)
 */
public record JsonComparison(Selector selector, ComparisonOperator operator, Value value) implements JsonExpression {

    /** Checks for null, that ordering operators compare with a number, and that the value is not a bare null. */
    public JsonComparison {
        Objects.requireNonNull(selector, "selector");
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(value, "value");
        if (operator.isOrdering() && !(value instanceof NumberValue)) {
            throw new IllegalArgumentException(operator.symbol() + " compares with a number, not " + value);
        }
        if (isBareNull(value)) {
            throw new IllegalArgumentException("a JSON field cannot be compared with a bare null: test it with IS NULL");
        }
    }

    /**
     * Whether the value is the bare word {@code null}, which CloudWatch rejects on the right of a JSON comparison
     * (SEMANTICS.md O7, observed on real AWS).
     */
    public static boolean isBareNull(Value value) {
        return value instanceof StringValue s && !s.quoted() && s.text().equals("null");
    }
}
