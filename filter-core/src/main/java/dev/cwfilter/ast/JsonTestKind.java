package dev.cwfilter.ast;

/**
 * The tests of a {@link JsonTest}.
 *
 * <p>Immutable and thread-safe.
 */
public enum JsonTestKind {
    /** {@code IS NULL}: the field is present and JSON {@code null}. */
    IS_NULL("IS NULL"),
    /** {@code IS TRUE}: the field is the JSON boolean {@code true}. */
    IS_TRUE("IS TRUE"),
    /** {@code IS FALSE}: the field is the JSON boolean {@code false}. */
    IS_FALSE("IS FALSE"),
    /** {@code NOT EXISTS}: the field is absent. */
    NOT_EXISTS("NOT EXISTS");

    private final String keywords;

    JsonTestKind(String keywords) {
        this.keywords = keywords;
    }

    /** The test as written after the selector. */
    public String keywords() {
        return keywords;
    }
}
