package dev.cwfilter.ast;

import java.util.List;
import java.util.Objects;

/**
 * {@code a && b && ...} within one space-delimited field.
 *
 * <p>Immutable and thread-safe.
 *
 * @param operands at least two comparisons
 */
public record FieldAnd(List<FieldComparison> operands) implements FieldCondition {

    /** Checks that there are at least two operands and takes an immutable copy. */
    public FieldAnd {
        operands = List.copyOf(Objects.requireNonNull(operands, "operands"));
        if (operands.size() < 2) {
            throw new IllegalArgumentException("&& needs at least two operands");
        }
    }
}
