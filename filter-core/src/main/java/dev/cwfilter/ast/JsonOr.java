package dev.cwfilter.ast;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * {@code a || b || ...}: at least one operand must hold. Nested disjunctions are flattened into one.
 *
 * <p>Immutable and thread-safe.
 *
 * @param operands at least two operands, none of them a {@code JsonOr}
 */
public record JsonOr(List<JsonExpression> operands) implements JsonExpression {

    /** Flattens nested disjunctions and checks that at least two operands remain. */
    public JsonOr {
        List<JsonExpression> flat = new ArrayList<>();
        for (JsonExpression operand : Objects.requireNonNull(operands, "operands")) {
            if (operand instanceof JsonOr or) {
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

    /** The disjunction of the operands. */
    public static JsonOr of(JsonExpression... operands) {
        return new JsonOr(List.of(operands));
    }
}
