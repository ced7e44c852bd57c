package dev.cwfilter.internal.eval;

import java.util.Arrays;

/**
 * Substring search in UTF-8 bytes. A UTF-8 needle occurs in UTF-8 bytes exactly where its text occurs in the decoded
 * text, because no character's encoding can start inside another's. Stateless and thread-safe.
 */
public final class ByteSearch {

    private ByteSearch() {
    }

    /** The first index at or after {@code from} where {@code needle} occurs before {@code to}, or -1. */
    public static int indexOf(byte[] hay, int from, int to, byte[] needle) {
        int n = needle.length;
        if (n == 0) {
            return from <= to ? from : -1;
        }
        byte first = needle[0];
        byte last = needle[n - 1];
        int limit = to - n;
        for (int i = from; i <= limit; i++) {
            if (hay[i] == first && hay[i + n - 1] == last
                    && (n <= 2 || Arrays.equals(hay, i + 1, i + n - 1, needle, 1, n - 1))) {
                return i;
            }
        }
        return -1;
    }

    /** The first index in {@code [from, to)} holding {@code b}, or -1. */
    public static int indexOf(byte[] hay, int from, int to, byte b) {
        for (int i = from; i < to; i++) {
            if (hay[i] == b) {
                return i;
            }
        }
        return -1;
    }

    /** Whether {@code hay[off, off+len)} equals the needle. */
    public static boolean equalsAt(byte[] hay, int off, int len, byte[] needle) {
        return len == needle.length && Arrays.equals(hay, off, off + len, needle, 0, needle.length);
    }
}
