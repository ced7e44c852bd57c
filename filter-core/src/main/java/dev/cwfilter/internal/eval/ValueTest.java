package dev.cwfilter.internal.eval;

/**
 * A compiled test of one value of an event: the right-hand side of a comparison ({@code = "x"}, {@code > 5},
 * {@code = %re%}) or a JSON test ({@code IS NULL}, {@code IS TRUE}, presence). It is asked about one value at a time, in
 * the form the value has in the event; a field that is absent is never asked about.
 *
 * <p>Implementations are immutable and thread-safe.
 */
public abstract class ValueTest {

    private static final char[] TRUE = "true".toCharArray();
    private static final char[] FALSE = "false".toCharArray();

    /** A string: a JSON string's decoded text, or a space-delimited field. */
    public abstract boolean onText(char[] text, int offset, int length);

    /** A space-delimited field, in UTF-8. */
    public abstract boolean onText(byte[] utf8, int offset, int length);

    /** A JSON number, given as its literal text (valid JSON number syntax). */
    public abstract boolean onNumber(char[] literal, int offset, int length);

    /** A JSON boolean; by default tested as the text {@code true} or {@code false}. */
    public boolean onBoolean(boolean value) {
        char[] text = value ? TRUE : FALSE;
        return onText(text, 0, text.length);
    }

    /** A JSON null. */
    public abstract boolean onNull();

    /** A JSON object or array: comparisons never match one, whatever the operator. */
    public boolean onContainer() {
        return false;
    }

    /** What the test is, for explanations: {@code = "GetSecretValue"}, {@code IS NULL}. */
    @Override
    public abstract String toString();
}
