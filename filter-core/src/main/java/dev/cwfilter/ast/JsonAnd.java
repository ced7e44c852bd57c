package dev.cwfilter.ast;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * {@code a && b && ...}: every operand must hold. Nested conjunctions are flattened into one, so that
 * {@code (a && b) && c} and {@code a && (b && c)} are the same tree.
 *
 * <p>Immutable and thread-safe.
 *
 * @param operands at least two operands, none of them a {@code JsonAnd}
 */
public record JsonAnd(List<JsonExpression> operands) implements JsonExpression {

    /** Flattens nested conjunctions and checks that at least two operands remain. */
    public JsonAnd {
        List<JsonExpression> flat = new ArrayList<>();
        for (JsonExpression operand : Objects.requireNonNull(operands, "operands")) {
            if (operand instanceof JsonAnd and) {
                flat.addAll(and.operands());
            } else {
                flat.add(Objects.requireNonNull(operand, "operand"));
            }
        }
        if (flat.size() < 2) {
            throw new IllegalArgumentException("&& needs at least two operands");
        }
        operands = List.copyOf(flat);
    }

    /** The conjunction of the operands. */
    public static JsonAnd of(JsonExpression... operands) {
        return new JsonAnd(List.of(operands));
    }
}
