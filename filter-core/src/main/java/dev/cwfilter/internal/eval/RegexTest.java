package dev.cwfilter.internal.eval;

import com.google.re2j.Pattern;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;

/**
 * {@code = %regex%} or {@code != %regex%}: an unanchored search in the value's text (a number's literal text, a
 * boolean's {@code true} / {@code false}). A null has no text. Matching is re2j's: linear in the text, whatever the
 * expression.
 *
 * <p>Immutable and thread-safe.
 */
public final class RegexTest extends ValueTest {

    private final Pattern pattern;
    private final boolean negate;
    private final String written;

    /**
     * A test with a compiled expression.
     *
     * @param pattern the expression, already translated to RE2 syntax and compiled
     * @param negate  whether the operator is {@code !=}
     * @param written the expression as written, {@code %...%}
     */
    public RegexTest(Pattern pattern, boolean negate, String written) {
        this.pattern = pattern;
        this.negate = negate;
        this.written = written;
    }

    @Override
    public boolean onText(char[] text, int offset, int length) {
        return pattern.matcher(CharBuffer.wrap(text, offset, length)).find() != negate;
    }

    @Override
    public boolean onText(byte[] utf8, int offset, int length) {
        return pattern.matcher(new String(utf8, offset, length, StandardCharsets.UTF_8)).find() != negate;
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
        return (negate ? "!= " : "= ") + written;
    }
}
