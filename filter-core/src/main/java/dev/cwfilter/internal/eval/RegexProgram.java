package dev.cwfilter.internal.eval;

import com.google.re2j.Pattern;
import dev.cwfilter.internal.regex.CloudWatchRegex;

/**
 * A CloudWatch regular expression compiled for re2j, which finds it in a text in time linear in the text: the
 * translation of {@link CloudWatchRegex}, where {@code $} is the end of the text, tried also on the text without its
 * final line terminator so that {@code $} matches just before one too, as in CloudWatch.
 *
 * <p>Immutable and thread-safe.
 */
public final class RegexProgram {

    private final Pattern pattern;
    private final boolean hasDollar;
    private final String written;

    private RegexProgram(Pattern pattern, boolean hasDollar, String written) {
        this.pattern = pattern;
        this.hasDollar = hasDollar;
        this.written = written;
    }

    /**
     * Compiles the body of a {@code %...%} expression.
     *
     * @throws IllegalArgumentException if it is not valid in CloudWatch's dialect
     */
    public static RegexProgram compile(String source) {
        CloudWatchRegex.Translation t = CloudWatchRegex.translate(source);
        if (!t.isValid()) {
            throw new IllegalArgumentException("invalid regular expression %" + source + "%: " + t.errorMessage());
        }
        return new RegexProgram(Pattern.compile(t.re2()), t.hasDollar(), "%" + source + "%");
    }

    /** Whether the expression occurs anywhere in the text. */
    public boolean find(CharSequence text) {
        if (pattern.matcher(text).find()) {
            return true;
        }
        if (!hasDollar) {
            return false;
        }
        int terminator = finalTerminator(text);
        return terminator >= 0 && pattern.matcher(text.subSequence(0, terminator)).find();
    }

    /** Where the text's final line terminator starts ({@code \r\n} counting as one), or -1 if it has none. */
    private static int finalTerminator(CharSequence text) {
        int n = text.length();
        if (n == 0) {
            return -1;
        }
        char last = text.charAt(n - 1);
        if (last == '\n') {
            return n >= 2 && text.charAt(n - 2) == '\r' ? n - 2 : n - 1;
        }
        return last == '\r' || last == '\u0085' || last == '\u2028' || last == '\u2029' ? n - 1 : -1;
    }

    /** The expression as written, {@code %...%}. */
    @Override
    public String toString() {
        return written;
    }
}
