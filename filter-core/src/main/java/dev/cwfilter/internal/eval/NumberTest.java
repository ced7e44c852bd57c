package dev.cwfilter.internal.eval;

import dev.cwfilter.ast.ComparisonOperator;

/**
 * A comparison with a number literal: {@code = 400}, {@code != 500}, {@code > 1000}, {@code <= 55.5}. A JSON number,
 * or a string that is a number literal ({@code "400"}, a space-delimited field {@code 1534}), is compared by value:
 * integers that fit a long exactly, everything else as IEEE 754 doubles. A value that is not a number (another
 * string, a boolean, a null) is never equal, less or greater: {@code =} and the orderings are false, {@code !=} is
 * true.
 *
 * <p>Immutable and thread-safe.
 */
public final class NumberTest extends ValueTest {

    private final ComparisonOperator operator;
    private final long exact;
    private final double value;
    private final String written;

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
        this.exact = Numbers.parseLong(chars, 0, chars.length);
        this.value = Numbers.parseDouble(chars, 0, chars.length);
        if (Double.isNaN(value)) {
            throw new IllegalArgumentException("not a number literal: " + written);
        }
    }

    @Override
    public boolean onText(char[] text, int offset, int length) {
        return compare(Numbers.parseLong(text, offset, length), Numbers.parseDouble(text, offset, length));
    }

    @Override
    public boolean onText(byte[] utf8, int offset, int length) {
        return compare(Numbers.parseLong(utf8, offset, length), Numbers.parseDouble(utf8, offset, length));
    }

    @Override
    public boolean onNumber(char[] literal, int offset, int length) {
        return onText(literal, offset, length);
    }

    @Override
    public boolean onBoolean(boolean b) {
        return operator == ComparisonOperator.NE;
    }

    @Override
    public boolean onNull() {
        return operator == ComparisonOperator.NE;
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
