package dev.cwfilter.internal.eval.value;

import dev.cwfilter.internal.eval.search.RegexProgram;
import java.nio.charset.StandardCharsets;

/**
 * {@code = %regex%} or {@code != %regex%}: an unanchored search in the value's text (a string's, a space-delimited
 * field's, a number's literal text). A null, a boolean, an object or an array satisfies neither {@code =} nor
 * {@code !=} (SEMANTICS.md O4, observed on real AWS). Matching is {@link RegexProgram}'s: linear in the text, whatever
 * the expression.
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
    public boolean onString(char[] text, int offset, int length) {
        return program.find(text, offset, length) != negate;
    }

    @Override
    public boolean onField(byte[] utf8, int offset, int length) {
        return program.find(new String(utf8, offset, length, StandardCharsets.UTF_8)) != negate;
    }

    @Override
    public boolean onNumber(char[] literal, int offset, int length) {
        return onString(literal, offset, length);
    }

    @Override
    public String toString() {
        return (negate ? "!= " : "= ") + program;
    }
}
