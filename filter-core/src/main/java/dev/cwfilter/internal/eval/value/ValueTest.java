package dev.cwfilter.internal.eval.value;

/**
 * A compiled test of one value of an event: the right-hand side of a comparison ({@code = "x"}, {@code > 5},
 * {@code = %re%}) or a JSON test ({@code IS NULL}, {@code IS TRUE}, presence). It is asked about one value at a time, in
 * the form the value has in the event; a field that is absent is never asked about.
 *
 * <p>A JSON null or boolean, an object and an array satisfy no comparison, whatever its operator or value
 * ({@code !=} and {@code = *} included; SEMANTICS.md O4, observed on real AWS): only {@code IS NULL}, {@code IS TRUE},
 * {@code IS FALSE} and presence test them, which is what the defaults here say.
 *
 * <p>Implementations are immutable and thread-safe.
 */
public abstract class ValueTest {

    /** A JSON string, its decoded text. */
    public abstract boolean onString(char[] text, int offset, int length);

    /** A space-delimited field, in UTF-8: always text, though a comparison with a number reads it as one. */
    public abstract boolean onField(byte[] utf8, int offset, int length);

    /** A JSON number, given as its literal text (valid JSON number syntax). */
    public abstract boolean onNumber(char[] literal, int offset, int length);

    /** A JSON boolean: false, as for every comparison. */
    public boolean onBoolean(boolean value) {
        return false;
    }

    /** A JSON null: false, as for every comparison. */
    public boolean onNull() {
        return false;
    }

    /** A JSON object or array: comparisons never match one, whatever the operator. */
    public boolean onContainer() {
        return false;
    }

    /**
     * Whether an array that directly holds a null passes, which only {@code IS NULL} does (SEMANTICS.md O5, observed
     * on real AWS). An array is asked {@link #onContainer()} first; a test for which this is true is not decided on
     * the array until its elements have been read.
     */
    public boolean onArrayHoldingNull() {
        return false;
    }

    /** What the test is, for explanations: {@code = "GetSecretValue"}, {@code IS NULL}. */
    @Override
    public abstract String toString();
}
