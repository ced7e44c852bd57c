package dev.cwfilter.internal.eval;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import dev.cwfilter.internal.regex.CloudWatchRegex;

/**
 * A CloudWatch regular expression compiled for re2j, which finds it in a text in time linear in the text: the
 * translation of {@link CloudWatchRegex}, where {@code $} is the end of the text, tried also on the text without its
 * final line terminator so that {@code $} matches just before one too, as in CloudWatch.
 *
 * <p>Thread-safe: each thread keeps its own re2j matcher, reset onto each text, so a search allocates only re2j's
 * small per-search input wrappers.
 */
public final class RegexProgram {

    private final Pattern pattern;
    private final boolean hasDollar;
    private final String written;
    /** Texts of which every match contains one; a text with none of them is rejected without running re2j. */
    private final String[] required;
    private final ThreadLocal<Matcher> matchers;
    private final ThreadLocal<CharsView> views = ThreadLocal.withInitial(CharsView::new);

    private RegexProgram(Pattern pattern, boolean hasDollar, String written, java.util.List<String> required) {
        this.pattern = pattern;
        this.required = required.toArray(String[]::new);
        this.hasDollar = hasDollar;
        this.written = written;
        this.matchers = ThreadLocal.withInitial(() -> pattern.matcher(""));
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
        return new RegexProgram(Pattern.compile(t.re2()), t.hasDollar(), "%" + source + "%", t.requiredLiterals());
    }

    /** Whether the expression occurs anywhere in the text. */
    public boolean find(CharSequence text) {
        if (required.length > 0 && !containsAny(text)) {
            return false;
        }
        Matcher matcher = matchers.get();
        if (matcher.reset(text).find()) {
            return true;
        }
        if (!hasDollar) {
            return false;
        }
        int terminator = finalTerminator(text);
        return terminator >= 0 && matcher.reset(text.subSequence(0, terminator)).find();
    }

    /** Whether the expression occurs anywhere in {@code text[offset, offset+length)}. */
    public boolean find(char[] text, int offset, int length) {
        CharsView view = views.get();
        view.set(text, offset, length);
        try {
            return find(view);
        } finally {
            view.set(null, 0, 0);
        }
    }

    /** A reusable read-only view of a slice of a char array; owned by one thread. */
    private static final class CharsView implements CharSequence {
        private char[] chars;
        private int offset;
        private int length;

        void set(char[] chars, int offset, int length) {
            this.chars = chars;
            this.offset = offset;
            this.length = length;
        }

        @Override
        public int length() {
            return length;
        }

        @Override
        public char charAt(int index) {
            if (index < 0 || index >= length) {
                throw new IndexOutOfBoundsException(index);
            }
            return chars[offset + index];
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new String(chars, offset + start, end - start);
        }

        @Override
        public String toString() {
            return new String(chars, offset, length);
        }
    }

    /** The literals every match contains, one per branch (empty if the expression has no such set). */
    public java.util.List<String> requiredLiterals() {
        return java.util.List.of(required);
    }

    private boolean containsAny(CharSequence text) {
        for (String literal : required) {
            if (text instanceof String s ? s.contains(literal) : indexOf(text, literal) >= 0) {
                return true;
            }
        }
        return false;
    }

    private static int indexOf(CharSequence text, String literal) {
        char first = literal.charAt(0);
        int last = text.length() - literal.length();
        outer:
        for (int i = 0; i <= last; i++) {
            if (text.charAt(i) != first) {
                continue;
            }
            for (int k = 1; k < literal.length(); k++) {
                if (text.charAt(i + k) != literal.charAt(k)) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
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
