package dev.cwfilter.ast;

/**
 * The lexical rules of the filter-pattern language that decide how a piece of text may be written: which terms and
 * values can stand without quotes, what a property or field name may hold, what a number looks like.
 *
 * <p>The AST constructors use these rules so that every tree they accept prints to text that parses back to an equal
 * tree; tools that build patterns can use them to decide when to quote. Stateless and thread-safe.
 */
public final class Lexical {

    private Lexical() {
    }

    /** Whether the character separates terms and fields: space, tab, carriage return or line feed. */
    public static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }

    /** Whether the text is empty or only blanks (space, tab, CR, LF). */
    public static boolean isBlankText(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (!isBlank(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether the text has the shape of a bare (unquoted) term: non-empty, no blanks and no {@code "}, not starting
     * with one of <code>&#123; [ % ? -</code>. Which characters a bare term may hold is narrower; see {@link #isStrictTermChar}.
     */
    public static boolean isBareTerm(String text) {
        if (text.isEmpty() || "{[%?-".indexOf(text.charAt(0)) >= 0) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isBlank(c) || c == '"') {
                return false;
            }
        }
        return true;
    }

    /** Whether CloudWatch accepts the character in a bare term: an ASCII letter, digit or {@code _}. */
    public static boolean isStrictTermChar(char c) {
        return c < 128 && (Character.isLetterOrDigit(c) || c == '_');
    }

    /**
     * Whether the character is accepted in a bare term in lenient mode: the strict set plus {@code . / @ =}.
     *
     * @see dev.cwfilter.ast.Lexical#isStrictTermChar(char)
     */
    public static boolean isLenientTermChar(char c) {
        return isStrictTermChar(c) || c == '.' || c == '/' || c == '@' || c == '=';
    }

    /**
     * Whether the text can be written as a bare value in both JSON and space-delimited patterns: non-empty, none of
     * blank <code>( ) &amp; | &#125; " = ! &lt; &gt; , [ ]</code>, not starting with {@code $} or {@code %}, not a number literal (it
     * would read as a number) and not {@code ...} (it would read as an ellipsis).
     */
    public static boolean isBareValue(String text) {
        return firstNonBareValueChar(text) < 0 && !text.isEmpty() && !isNumber(text) && !text.equals("...");
    }

    /**
     * The index of the first character that keeps the text from being a bare value, or -1 if there is none. The empty
     * text, a number literal and {@code ...} are not bare values either, whatever this returns.
     */
    public static int firstNonBareValueChar(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isBlank(c) || "()&|}\"=!<>,[]".indexOf(c) >= 0 || (i == 0 && (c == '$' || c == '%'))) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Whether the text is a number literal: an optional sign, digits with an optional fraction (or a fraction alone),
     * and an optional exponent, such as {@code 400}, {@code -1.5}, {@code +1000}, {@code .5} or {@code 1e-3}.
     */
    public static boolean isNumber(String text) {
        int i = 0;
        int n = text.length();
        if (i < n && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
            i++;
        }
        int intDigits = 0;
        while (i < n && isDigit(text.charAt(i))) {
            i++;
            intDigits++;
        }
        int fracDigits = 0;
        if (i < n && text.charAt(i) == '.') {
            i++;
            while (i < n && isDigit(text.charAt(i))) {
                i++;
                fracDigits++;
            }
        }
        if (intDigits == 0 && fracDigits == 0) {
            return false;
        }
        if (i < n && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
            i++;
            if (i < n && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
                i++;
            }
            int expDigits = 0;
            while (i < n && isDigit(text.charAt(i))) {
                i++;
                expDigits++;
            }
            if (expDigits == 0) {
                return false;
            }
        }
        return i == n;
    }

    /** Whether the text is a JSON property name that needs no bracket quoting: ASCII letters, digits, _ and -. */
    public static boolean isPropertyName(String text) {
        if (text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (!isNameChar(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether the text is a space-delimited field name: ASCII letters, digits, _ and -, and not only digits (a
     * field named {@code 7} would clash with the positional key {@code $7}).
     */
    public static boolean isFieldName(String text) {
        if (!isPropertyName(text)) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (!isDigit(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** Whether the character may appear in a property or field name: an ASCII letter or digit, _ or -. */
    public static boolean isNameChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || isDigit(c) || c == '_' || c == '-';
    }

    /** Whether the text is valid Unicode: every surrogate is part of a pair. */
    public static boolean isWellFormedUnicode(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The text in double quotes, with {@code "} and {@code \} escaped by a backslash, as a quoted term or value is
     * written.
     */
    public static String quote(String text) {
        StringBuilder sb = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.append('"').toString();
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
