package dev.cwfilter.internal.eval.value;

import dev.cwfilter.ast.ComparisonOperator;
import java.util.Arrays;

/**
 * A comparison with a number literal: {@code = 400}, {@code != 500}, {@code > 1000}, {@code <= 55.5}.
 *
 * <ul>
 *   <li>A JSON number is compared by value: integers that fit a long exactly, everything else as IEEE 754 doubles
 *       ({@code 1}, {@code 1.0} and {@code 1e0} are all {@code = 1}).</li>
 *   <li>A JSON string is never a number (SEMANTICS.md O2, observed on real AWS): {@code =} is text equality with the
 *       literal as written ({@code = 200} holds for {@code "200"}, not for {@code "200.0"}), {@code !=} its exact
 *       negation, and no ordering holds.</li>
 *   <li>A space-delimited field, always text, is compared by value when it is a number literal; otherwise it is never
 *       equal, less or greater ({@code =} and the orderings are false, {@code !=} is true).</li>
 *   <li>A null, a boolean, an object or an array satisfies no comparison, {@code !=} included (O4).</li>
 * </ul>
 *
 * <p>Immutable and thread-safe.
 */
public final class NumberTest extends ValueTest {

    private final ComparisonOperator operator;
    private final long exact;
    private final double value;
    private final String written;
    private final char[] writtenChars;

    /**
     * A test against the literal {@code written}.
     *
     * @param operator the comparison
     * @param written  the number literal as written in the pattern
     */
    public NumberTest(ComparisonOperator operator, String written) {
        this.operator = operator;
        this.written = written;
        char[] chars = written.toCharArray();
        this.writtenChars = chars;
        this.exact = Numbers.parseLong(chars, 0, chars.length);
        this.value = Numbers.parseDouble(chars, 0, chars.length);
        if (Double.isNaN(value)) {
            throw new IllegalArgumentException("not a number literal: " + written);
        }
    }

    @Override
    public boolean onString(char[] text, int offset, int length) {
        return switch (operator) {
            case EQ -> isWritten(text, offset, length);
            case NE -> !isWritten(text, offset, length);
            default -> false;
        };
    }

    @Override
    public boolean onField(byte[] utf8, int offset, int length) {
        return compare(Numbers.parseLong(utf8, offset, length), Numbers.parseDouble(utf8, offset, length));
    }

    @Override
    public boolean onNumber(char[] literal, int offset, int length) {
        return compare(Numbers.parseLong(literal, offset, length), Numbers.parseDouble(literal, offset, length));
    }

    /** Whether the text is the literal exactly as the pattern wrote it. */
    private boolean isWritten(char[] text, int offset, int length) {
        return length == writtenChars.length && Arrays.equals(text, offset, offset + length, writtenChars, 0, length);
    }

    private boolean compare(long eventExact, double eventValue) {
        int cmp;
        if (eventExact != Numbers.NOT_A_LONG && exact != Numbers.NOT_A_LONG) {
            cmp = Long.compare(eventExact, exact);
        } else if (Double.isNaN(eventValue)) {
            return operator == ComparisonOperator.NE;
        } else {
            cmp = eventValue < value ? -1 : eventValue > value ? 1 : 0;
        }
        return switch (operator) {
            case EQ -> cmp == 0;
            case NE -> cmp != 0;
            case LT -> cmp < 0;
            case LE -> cmp <= 0;
            case GT -> cmp > 0;
            case GE -> cmp >= 0;
        };
    }

    @Override
    public String toString() {
        return operator.symbol() + " " + written;
    }
}
