package dev.cwfilter.ast;

import java.util.Objects;

/**
 * {@code selector IS NULL}, {@code IS TRUE}, {@code IS FALSE} or {@code NOT EXISTS}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param selector the field to test
 * @param kind     the test
 */
public record JsonTest(Selector selector, JsonTestKind kind) implements JsonExpression {

    /** Checks for null. */
    public JsonTest {
        Objects.requireNonNull(selector, "selector");
        Objects.requireNonNull(kind, "kind");
    }
}
