package dev.cwfilter.internal.eval.value;

import java.nio.charset.StandardCharsets;

/**
 * Reads number literals (an optional sign, digits with an optional fraction, an optional exponent: the grammar of
 * {@link dev.cwfilter.ast.Lexical#isNumber}) straight from event text, without allocating in the common case.
 *
 * <p>A literal with at most 15 significant digits and a small exponent is converted exactly with one multiplication or
 * division (both operands are exact doubles, so the result is correctly rounded); anything else falls back to
 * {@link Double#parseDouble}. Stateless and thread-safe.
 */
public final class Numbers {

    /** Returned by the long parsers when the text is not an integer that fits a long. */
    public static final long NOT_A_LONG = Long.MIN_VALUE;

    private static final double[] POWERS_OF_TEN = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18,
        1e19, 1e20, 1e21, 1e22
    };
    private static final long MAX_EXACT_MANTISSA = 1L << 53;

    private Numbers() {
    }

    /** The value of the literal in {@code text[off, off+len)}, or NaN if it is not a number literal. */
    public static double parseDouble(char[] text, int off, int len) {
        return parse(null, text, off, len);
    }

    /** The value of the UTF-8 literal in {@code text[off, off+len)}, or NaN if it is not a number literal. */
    public static double parseDouble(byte[] text, int off, int len) {
        return parse(text, null, off, len);
    }

    /** The value of the literal, or NaN if it is not a number literal. */
    public static double parseDouble(String text) {
        return parseDouble(text.toCharArray(), 0, text.length());
    }

    /** The integer in {@code text[off, off+len)} if it is a plain integer that fits a long, else {@link #NOT_A_LONG}. */
    public static long parseLong(char[] text, int off, int len) {
        return parseLong(null, text, off, len);
    }

    /** The UTF-8 integer in {@code text[off, off+len)} if it fits a long, else {@link #NOT_A_LONG}. */
    public static long parseLong(byte[] text, int off, int len) {
        return parseLong(text, null, off, len);
    }

    private static int at(byte[] bytes, char[] chars, int i) {
        return bytes != null ? bytes[i] : chars[i];
    }

    private static long parseLong(byte[] bytes, char[] chars, int off, int len) {
        int i = off;
        int end = off + len;
        boolean negative = false;
        if (i < end && (at(bytes, chars, i) == '+' || at(bytes, chars, i) == '-')) {
            negative = at(bytes, chars, i) == '-';
            i++;
        }
        if (i == end || end - i > 18) {
            return NOT_A_LONG;
        }
        long value = 0;
        for (; i < end; i++) {
            int c = at(bytes, chars, i);
            if (c < '0' || c > '9') {
                return NOT_A_LONG;
            }
            value = value * 10 + (c - '0');
        }
        return negative ? -value : value;
    }

    private static double parse(byte[] bytes, char[] chars, int off, int len) {
        int i = off;
        int end = off + len;
        boolean negative = false;
        if (i < end && (at(bytes, chars, i) == '+' || at(bytes, chars, i) == '-')) {
            negative = at(bytes, chars, i) == '-';
            i++;
        }
        long mantissa = 0;
        int significant = 0;
        int exponent = 0;
        int digits = 0;
        boolean truncated = false;
        for (; i < end; i++) {
            int c = at(bytes, chars, i);
            if (c < '0' || c > '9') {
                break;
            }
            digits++;
            if (significant < 18) {
                mantissa = mantissa * 10 + (c - '0');
                if (mantissa != 0) {
                    significant++;
                }
            } else {
                exponent++;
                truncated |= c != '0';
            }
        }
        if (i < end && at(bytes, chars, i) == '.') {
            i++;
            for (; i < end; i++) {
                int c = at(bytes, chars, i);
                if (c < '0' || c > '9') {
                    break;
                }
                digits++;
                if (significant < 18) {
                    mantissa = mantissa * 10 + (c - '0');
                    exponent--;
                    if (mantissa != 0) {
                        significant++;
                    }
                } else {
                    truncated |= c != '0';
                }
            }
        }
        if (digits == 0) {
            return Double.NaN;
        }
        if (i < end && (at(bytes, chars, i) == 'e' || at(bytes, chars, i) == 'E')) {
            i++;
            boolean negativeExponent = false;
            if (i < end && (at(bytes, chars, i) == '+' || at(bytes, chars, i) == '-')) {
                negativeExponent = at(bytes, chars, i) == '-';
                i++;
            }
            int expDigits = 0;
            int explicit = 0;
            for (; i < end; i++) {
                int c = at(bytes, chars, i);
                if (c < '0' || c > '9') {
                    break;
                }
                expDigits++;
                explicit = Math.min(explicit * 10 + (c - '0'), 100_000);
            }
            if (expDigits == 0) {
                return Double.NaN;
            }
            exponent += negativeExponent ? -explicit : explicit;
        }
        if (i != end) {
            return Double.NaN;
        }
        if (!truncated && mantissa <= MAX_EXACT_MANTISSA && exponent >= -22 && exponent <= 22) {
            // Clinger's fast path: both operands are exact doubles, so one operation rounds correctly.
            double value = exponent >= 0 ? mantissa * POWERS_OF_TEN[exponent] : mantissa / POWERS_OF_TEN[-exponent];
            return negative ? -value : value;
        }
        String literal = bytes != null ? new String(bytes, off, len, StandardCharsets.US_ASCII)
                : new String(chars, off, len);
        return Double.parseDouble(literal.startsWith("+") ? literal.substring(1) : literal);
    }
}
