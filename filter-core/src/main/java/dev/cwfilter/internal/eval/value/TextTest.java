package dev.cwfilter.internal.eval.value;

import dev.cwfilter.ast.PatternPrinter;
import dev.cwfilter.ast.StringValue;
import dev.cwfilter.internal.eval.search.ByteSearch;
import dev.cwfilter.internal.eval.search.TextSearch;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * {@code = "text"} or {@code != "text"} with CloudWatch's wildcards: a leading {@code *} matches any prefix, a
 * trailing {@code *} any suffix, a lone {@code *} any value; a {@code *} anywhere else is literal. A JSON string or a
 * space-delimited field is compared by its text; a JSON number by its literal text as written in the event
 * ({@code = 4*} matches the number 404, {@code = "400"} the number 400 but not 400.0). A null, a boolean, an object or
 * an array satisfies neither {@code =} nor {@code !=}, {@code = *} included (SEMANTICS.md O4, observed on real AWS;
 * {@link TextComparison}):
 * the bare word {@code true} in a pattern is this test of the text {@code true}, which matches the string
 * {@code "true"} and never the boolean.
 *
 * <p>Immutable and thread-safe.
 */
public final class TextTest extends TextComparison {

    /** How the literal part is compared. */
    public enum Shape {
        /** The whole text equals the literal. */
        EXACT,
        /** The text starts with the literal ({@code literal*}). */
        PREFIX,
        /** The text ends with the literal ({@code *literal}). */
        SUFFIX,
        /** The text contains the literal ({@code *literal*}). */
        CONTAINS,
        /** Any text ({@code *}). */
        ANY
    }

    private final Shape shape;
    private final char[] chars;
    private final byte[] bytes;
    private final ByteSearch.Needle needle;
    private final TextSearch search;
    /** The value as the pattern holds it, printed for explanations. */
    private final StringValue written;

    /**
     * A test of the pattern value {@code written}.
     *
     * @param written the string value of the pattern (its text has the quoting escapes resolved)
     * @param negate  whether the operator is {@code !=}
     */
    public TextTest(StringValue written, boolean negate) {
        super(negate);
        this.written = written;
        String value = written.text();
        boolean leading = value.startsWith("*");
        boolean trailing = value.length() > 1 && value.endsWith("*");
        String literal = value.substring(leading ? 1 : 0, value.length() - (trailing ? 1 : 0));
        if (literal.isEmpty() && (leading || trailing)) {
            shape = Shape.ANY;
        } else if (leading && trailing) {
            shape = Shape.CONTAINS;
        } else if (leading) {
            shape = Shape.SUFFIX;
        } else if (trailing) {
            shape = Shape.PREFIX;
        } else {
            shape = Shape.EXACT;
        }
        this.chars = literal.toCharArray();
        this.bytes = literal.getBytes(StandardCharsets.UTF_8);
        this.needle = ByteSearch.Needle.of(bytes);
        this.search = new TextSearch(literal);
    }

    /** How the literal is compared. */
    public Shape shape() {
        return shape;
    }

    /** The literal part, without its wildcards. */
    public String literal() {
        return new String(chars);
    }

    @Override
    boolean matches(char[] text, int offset, int length) {
        int n = chars.length;
        switch (shape) {
            case ANY:
                return true;
            case EXACT:
                return length == n && Arrays.equals(text, offset, offset + length, chars, 0, n);
            case PREFIX:
                return length >= n && Arrays.equals(text, offset, offset + n, chars, 0, n);
            case SUFFIX:
                return length >= n && Arrays.equals(text, offset + length - n, offset + length, chars, 0, n);
            default:
                return search.indexIn(text, offset, offset + length) >= 0;
        }
    }

    @Override
    boolean matches(byte[] text, int offset, int length) {
        int n = bytes.length;
        switch (shape) {
            case ANY:
                return true;
            case EXACT:
                return length == n && Arrays.equals(text, offset, offset + length, bytes, 0, n);
            case PREFIX:
                return length >= n && Arrays.equals(text, offset, offset + n, bytes, 0, n);
            case SUFFIX:
                return length >= n && Arrays.equals(text, offset + length - n, offset + length, bytes, 0, n);
            default:
                return needle.indexIn(text, offset, offset + length) >= 0;
        }
    }

    @Override
    String operand() {
        return PatternPrinter.print(written);
    }
}
