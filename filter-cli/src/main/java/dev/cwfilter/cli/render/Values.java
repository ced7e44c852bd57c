package dev.cwfilter.cli.render;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * Numbers as people read them in tables: no trailing zeros, at most ten significant digits.
 *
 * <p>Stateless and thread-safe.
 */
public final class Values {

    private Values() {
    }

    /** {@code 2.0 → 2}, {@code 0.125 → 0.125}, {@code 1/11 → 0.09090909091}, huge and tiny values in E notation. */
    public static String format(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return String.valueOf(value);
        }
        if (value == 0) {
            return "0";
        }
        BigDecimal d = new BigDecimal(value).round(new MathContext(10)).stripTrailingZeros();
        double magnitude = Math.abs(value);
        if (magnitude >= 1e15 || magnitude < 1e-6) {
            return d.toString();
        }
        return d.toPlainString();
    }
}
