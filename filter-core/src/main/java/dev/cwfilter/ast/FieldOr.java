package dev.cwfilter.ast;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * {@code a || b || ...} within one space-delimited field. Nested disjunctions are flattened into one.
 *
 * <p>Immutable and thread-safe.
 *
 * @param operands at least two operands, each a {@link FieldComparison} or a {@link FieldAnd}
 */
public record FieldOr(List<FieldCondition> operands) implements FieldCondition {

    /** Flattens nested disjunctions and checks that at least two operands remain. */
    public FieldOr {
        List<FieldCondition> flat = new ArrayList<>();
        for (FieldCondition operand : Objects.requireNonNull(operands, "operands")) {
            if (operand instanceof FieldOr or) {
                flat.addAll(or.operands());
            } else {
                flat.add(Objects.requireNonNull(operand, "operand"));
            }
        }
        if (flat.size() < 2) {
            throw new IllegalArgumentException("|| needs at least two operands");
        }
        operands = List.copyOf(flat);
    }
}
