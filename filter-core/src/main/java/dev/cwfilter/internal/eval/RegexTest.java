package dev.cwfilter.internal.eval;

import java.nio.charset.StandardCharsets;

/**
 * {@code = %regex%} or {@code != %regex%}: an unanchored search in the value's text (a number's literal text, a
 * boolean's {@code true} / {@code false}). A null has no text. Matching is {@link RegexProgram}'s: linear in the text,
 * whatever the expression.
 *
 * <p>Immutable and thread-safe.
 */
public final class RegexTest extends ValueTest {

    private final RegexProgram program;
    private final boolean negate;

    /**
     * A test with a compiled expression.
     *
     * @param program the compiled expression
     * @param negate  whether the operator is {@code !=}
     */
    public RegexTest(RegexProgram program, boolean negate) {
        this.program = program;
        this.negate = negate;
    }

    @Override
    public boolean onText(char[] text, int offset, int length) {
        return program.find(text, offset, length) != negate;
    }

    @Override
    public boolean onText(byte[] utf8, int offset, int length) {
        return program.find(new String(utf8, offset, length, StandardCharsets.UTF_8)) != negate;
    }

    @Override
    public boolean onNumber(char[] literal, int offset, int length) {
        return onText(literal, offset, length);
    }

    @Override
    public boolean onNull() {
        return negate;
    }

    @Override
    public String toString() {
        return (negate ? "!= " : "= ") + program;
    }
}
