package dev.cwfilter.io;

/**
 * UTF-8 as CloudWatch Logs counts and checks it: whether bytes are well-formed, and how many bytes a text takes.
 * Allocates nothing. Stateless and thread-safe.
 */
public final class Utf8 {

    private Utf8() {
    }

    /**
     * Whether {@code a[from, to)} is well-formed UTF-8: no overlong forms, surrogates or values past U+10FFFF, and no
     * sequence cut off at {@code to}.
     *
     * @throws IndexOutOfBoundsException if the range is not within the array
     */
    public static boolean isValid(byte[] a, int from, int to) {
        java.util.Objects.checkFromToIndex(from, to, a.length);
        int i = from;
        while (i < to) {
            int b = a[i];
            if (b >= 0) {
                i++;
                continue;
            }
            b &= 0xFF;
            int n;
            int min;
            int cp;
            if (b >= 0xC2 && b <= 0xDF) {
                n = 1;
                min = 0x80;
                cp = b & 0x1F;
            } else if (b >= 0xE0 && b <= 0xEF) {
                n = 2;
                min = 0x800;
                cp = b & 0x0F;
            } else if (b >= 0xF0 && b <= 0xF4) {
                n = 3;
                min = 0x10000;
                cp = b & 0x07;
            } else {
                return false;
            }
            if (i + n >= to) {
                return false;
            }
            for (int k = 1; k <= n; k++) {
                int c = a[i + k] & 0xFF;
                if ((c & 0xC0) != 0x80) {
                    return false;
                }
                cp = (cp << 6) | (c & 0x3F);
            }
            if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
                return false;
            }
            i += n + 1;
        }
        return true;
    }

    /**
     * How many bytes the text takes in UTF-8: 1 to 4 per code point, and 3 for a surrogate without its pair (as the
     * event-size limits count it, so that a text is never measured shorter than any encoding of it).
     */
    public static long encodedLength(CharSequence s) {
        long n = 0;
        int length = s.length();
        for (int i = 0; i < length; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n++;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(s.charAt(i + 1))) {
                n += 4;
                i++;
            } else {
                n += 3;
            }
        }
        return n;
    }
}
