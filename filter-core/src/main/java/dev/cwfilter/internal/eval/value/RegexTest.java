package dev.cwfilter.internal.eval.value;

import dev.cwfilter.internal.eval.search.RegexProgram;

/**
 * {@code = %regex%} or {@code != %regex%}: an unanchored search in the value's text (a string's, a space-delimited
 * field's, a number's literal text). A null, a boolean, an object or an array satisfies neither {@code =} nor
 * {@code !=} (SEMANTICS.md O4, observed on real AWS; {@link TextComparison}). Matching is {@link RegexProgram}'s:
 * linear in the text, whatever the expression.
 *
 * <p>Immutable and thread-safe.
 */
public final class RegexTest extends TextComparison {

    private final RegexProgram program;

    /**
     * A test with a compiled expression.
     *
     * @param program the compiled expression
     * @param negate  whether the operator is {@code !=}
     */
    public RegexTest(RegexProgram program, boolean negate) {
        super(negate);
        this.program = program;
    }

    @Override
    boolean matches(char[] text, int offset, int length) {
        return program.find(text, offset, length);
    }

    @Override
    boolean matches(byte[] utf8, int offset, int length) {
        return program.find(utf8, offset, length);
    }

    @Override
    String operand() {
        return program.toString();
    }
}
