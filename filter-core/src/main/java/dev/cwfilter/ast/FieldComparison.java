package dev.cwfilter.ast;

import java.util.Objects;

/**
 * {@code operator value} applied to the field it belongs to, such as {@code = 4*} in {@code status_code = 4*}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param operator the comparison
 * @param value    what to compare with; a number for {@code < <= > >=}
 */
public record FieldComparison(ComparisonOperator operator, Value value) implements FieldCondition {

    /** Checks for null and that ordering operators compare with a number. */
    public FieldComparison {
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(value, "value");
        if (operator.isOrdering() && !(value instanceof NumberValue)) {
            throw new IllegalArgumentException(operator.symbol() + " compares with a number, not " + value);
        }
    }
}
