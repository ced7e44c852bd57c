package dev.cwfilter.internal.eval.value;

/**
 * {@code =} or {@code !=} against a value's text, the part {@link TextTest} and {@link RegexTest} share: a JSON string
 * or a space-delimited field is compared by its text, a JSON number by its literal text as written in the event, and
 * {@code !=} is the negation of {@code =} on each of them. A null, a boolean, an object or an array satisfies neither
 * {@code =} nor {@code !=} ({@link ValueTest}'s defaults; SEMANTICS.md O4, observed on real AWS).
 *
 * <p>Implementations are immutable and thread-safe.
 */
abstract class TextComparison extends ValueTest {

    private final boolean negate;

    TextComparison(boolean negate) {
        this.negate = negate;
    }

    /** Whether {@code =} holds of text given as UTF-16 chars. */
    abstract boolean matches(char[] text, int offset, int length);

    /** Whether {@code =} holds of text given as UTF-8 bytes. */
    abstract boolean matches(byte[] utf8, int offset, int length);

    /** The right-hand side as the pattern writes it, for {@link #toString()}. */
    abstract String operand();

    /** Whether the test is {@code !=}. */
    public final boolean negated() {
        return negate;
    }

    @Override
    public final boolean onString(char[] text, int offset, int length) {
        return matches(text, offset, length) != negate;
    }

    @Override
    public final boolean onField(byte[] utf8, int offset, int length) {
        return matches(utf8, offset, length) != negate;
    }

    @Override
    public final boolean onNumber(char[] literal, int offset, int length) {
        return matches(literal, offset, length) != negate;
    }

    @Override
    public final String toString() {
        return (negate ? "!= " : "= ") + operand();
    }
}
