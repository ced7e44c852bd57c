package dev.cwfilter.internal.regex;

import java.util.Arrays;

/**
 * A set of characters (Unicode code points) that one step of a regular expression consumes: a literal, {@code .}, a
 * class {@code [...]} or a shorthand such as {@code \d}. The dialect names characters up to U+00FF only ({@code \xhh}),
 * so a set is a 256-bit map plus one rule for every code point above U+00FF: none of them, all of them, or all but
 * the line separators U+2028 and U+2029 ({@code .}).
 *
 * <p>Immutable and thread-safe.
 */
public final class CharSet {

    private static final int NONE_ABOVE = 0;
    private static final int ALL_ABOVE = 1;
    private static final int ALL_ABOVE_BUT_LINE_SEPARATORS = 2;

    /** {@code .}: any character but a line terminator ({@code \n \r \u0085 \u2028 \u2029}). */
    public static final CharSet DOT = new Builder().addRange(0, 0xFF).remove('\n').remove('\r').remove(0x85)
            .build(ALL_ABOVE_BUT_LINE_SEPARATORS);
    /** {@code \d}: {@code [0-9]}. */
    public static final CharSet DIGIT = new Builder().addRange('0', '9').build();
    /** {@code \w}: {@code [a-zA-Z_0-9]}. */
    public static final CharSet WORD = new Builder().addRange('a', 'z').addRange('A', 'Z').addRange('0', '9')
            .addRange('_', '_').build();
    /** {@code \s}: tab, newline and space. */
    public static final CharSet SPACE = new Builder().addRange('\t', '\t').addRange('\n', '\n').addRange(' ', ' ')
            .build();

    private final long[] low;
    private final int above;

    private CharSet(long[] low, int above) {
        this.low = low;
        this.above = above;
    }

    /** The set of one character (at most U+00FF). */
    public static CharSet of(char c) {
        return new Builder().addRange(c, c).build();
    }

    /** Whether the set holds the code point. */
    public boolean contains(int codePoint) {
        if (codePoint < 256) {
            return (low[codePoint >>> 6] & (1L << codePoint)) != 0;
        }
        return above == ALL_ABOVE || (above == ALL_ABOVE_BUT_LINE_SEPARATORS && codePoint != 0x2028
                && codePoint != 0x2029);
    }

    /** The one character this set holds, or -1 if it holds none or several. */
    public int single() {
        if (above != NONE_ABOVE) {
            return -1;
        }
        int found = -1;
        for (int i = 0; i < 4; i++) {
            long bits = low[i];
            if (bits != 0) {
                if (found >= 0 || Long.bitCount(bits) > 1) {
                    return -1;
                }
                found = i * 64 + Long.numberOfTrailingZeros(bits);
            }
        }
        return found;
    }

    /** Adds the members below U+0100 to a 256-bit map ({@code bits[c >>> 6]}, bit {@code c & 63}). */
    public void addLowTo(long[] bits) {
        for (int i = 0; i < 4; i++) {
            bits[i] |= low[i];
        }
    }

    /** Whether the set holds any code point above U+00FF. */
    public boolean holdsAnyAbove() {
        return above != NONE_ABOVE;
    }

    /** Every code point this set does not hold. */
    public CharSet complement() {
        if (above == ALL_ABOVE_BUT_LINE_SEPARATORS) {
            throw new IllegalStateException("the dialect never complements '.'");
        }
        long[] bits = new long[4];
        for (int i = 0; i < 4; i++) {
            bits[i] = ~low[i];
        }
        return new CharSet(bits, above == ALL_ABOVE ? NONE_ABOVE : ALL_ABOVE);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CharSet other && above == other.above && Arrays.equals(low, other.low);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(low) * 3 + above;
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("[");
        for (int c = 0; c < 256; c++) {
            if (contains(c)) {
                int end = c;
                while (end + 1 < 256 && contains(end + 1)) {
                    end++;
                }
                out.append(String.format(end == c ? "\\x%02X" : "\\x%02X-\\x%02X", c, end));
                c = end;
            }
        }
        return out.append(above == ALL_ABOVE ? "\\x{100}-\\x{10FFFF}]" : above == NONE_ABOVE ? "]"
                : "\\x{100}-\\x{10FFFF} but U+2028 U+2029]").toString();
    }

    /** Collects the members of a class. Not thread-safe. */
    static final class Builder {
        private final long[] low = new long[4];
        private boolean allAbove;

        /** Adds the characters {@code from} to {@code to}, both included (at most U+00FF). */
        Builder addRange(int from, int to) {
            for (int c = from; c <= to; c++) {
                low[c >>> 6] |= 1L << c;
            }
            return this;
        }

        /** Adds every member of a set (a shorthand inside a class). */
        Builder addAll(CharSet set) {
            for (int i = 0; i < 4; i++) {
                low[i] |= set.low[i];
            }
            allAbove |= set.above == ALL_ABOVE;
            return this;
        }

        private Builder remove(int c) {
            low[c >>> 6] &= ~(1L << c);
            return this;
        }

        CharSet build() {
            return build(allAbove ? ALL_ABOVE : NONE_ABOVE);
        }

        /** The members, or with {@code [^...]} every other code point. */
        CharSet buildComplement() {
            return build().complement();
        }

        private CharSet build(int above) {
            return new CharSet(low.clone(), above);
        }
    }
}
