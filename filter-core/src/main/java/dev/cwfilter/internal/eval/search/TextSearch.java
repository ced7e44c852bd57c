package dev.cwfilter.internal.eval.search;

/**
 * Substring search in UTF-16 text in time linear in the text whatever the needle. A short needle is searched with
 * {@link String#indexOf(String)} (or a plain scan), whose worst case is the text's length times the needle's, which
 * for a short needle is a small constant; a long one with Knuth-Morris-Pratt, which never looks at a character of the
 * text twice, so that a term of a thousand characters against a MiB of text that almost matches everywhere costs a
 * pass over the text, not a thousand.
 *
 * <p>Immutable and thread-safe.
 */
public final class TextSearch {

    /** Needles up to this long are searched directly: at most this many comparisons per character of text. */
    private static final int SHORT = 16;

    private final String needle;
    private final char[] chars;
    /** KMP's failure function: for each prefix of the needle, the length of its longest proper border; null if short. */
    private final int[] border;

    public TextSearch(String needle) {
        this.needle = needle;
        this.chars = needle.toCharArray();
        this.border = chars.length > SHORT ? borders(chars) : null;
    }

    private static int[] borders(char[] p) {
        int[] b = new int[p.length + 1];
        b[0] = -1;
        int k = -1;
        for (int i = 0; i < p.length; i++) {
            while (k >= 0 && p[k] != p[i]) {
                k = b[k];
            }
            b[i + 1] = ++k;
        }
        return b;
    }

    /** Whether the needle occurs in the text. */
    public boolean in(String text) {
        if (border == null) {
            return text.contains(needle);
        }
        int k = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            while (k >= 0 && chars[k] != c) {
                k = border[k];
            }
            if (++k == chars.length) {
                return true;
            }
        }
        return false;
    }

    /** The first index in {@code text[from, to)} where the needle occurs, or -1. */
    public int indexIn(char[] text, int from, int to) {
        int n = chars.length;
        if (n == 0) {
            return from;
        }
        if (border == null) {
            char first = chars[0];
            for (int i = from; i <= to - n; i++) {
                if (text[i] == first && java.util.Arrays.equals(text, i, i + n, chars, 0, n)) {
                    return i;
                }
            }
            return -1;
        }
        int k = 0;
        for (int i = from; i < to; i++) {
            char c = text[i];
            while (k >= 0 && chars[k] != c) {
                k = border[k];
            }
            if (++k == n) {
                return i - n + 1;
            }
        }
        return -1;
    }
}
