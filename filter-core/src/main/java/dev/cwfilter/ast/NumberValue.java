package dev.cwfilter.ast;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A number to compare with: an integer or decimal with an optional sign and exponent, such as {@code 400},
 * {@code -1.5}, {@code +1000} or {@code 1e-3}.
 *
 * <p>Two numbers are equal when they are written the same way; {@link #value()} compares values.
 * Immutable and thread-safe.
 *
 * @param text the number as written
 */
public record NumberValue(String text) implements Value {

    /** Checks that the text is a number literal. */
    public NumberValue {
        Objects.requireNonNull(text, "text");
        if (!Lexical.isNumber(text)) {
            throw new IllegalArgumentException("not a number literal: " + text);
        }
    }

    /** The exact value of the literal. */
    public BigDecimal value() {
        return new BigDecimal(text.startsWith("+") ? text.substring(1) : text);
    }
}
