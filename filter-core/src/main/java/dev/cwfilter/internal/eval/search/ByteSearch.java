package dev.cwfilter.internal.eval.search;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Substring search in UTF-8 bytes. A UTF-8 needle occurs in UTF-8 bytes exactly where its text occurs in the decoded
 * text, because no character's encoding can start inside another's.
 *
 * <p>The scans read eight bytes at a time and find a byte in a word with the classic "has zero byte" bit trick
 * (SWAR), so that most of a message is passed over a word, not a byte, at a time. A needle is anchored on its rarest
 * byte (by a fixed estimate of byte frequencies in log text) rather than its first: {@code "eventName"} is found by
 * its {@code N}, not by its ubiquitous quote. Stateless and thread-safe.
 */
public final class ByteSearch {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    /** Rough frequency rank of each byte in log text: lower is rarer. */
    private static final byte[] FREQUENCY = frequencies();

    private ByteSearch() {
    }

    /**
     * A needle prepared for repeated searches: its bytes and the offset of the byte the scan looks for.
     *
     * @param bytes  the needle
     * @param anchor the offset in {@code bytes} of its rarest byte
     */
    public record Needle(byte[] bytes, int anchor) {
        /** Prepares a needle. */
        public static Needle of(byte[] bytes) {
            int anchor = 0;
            for (int i = 1; i < bytes.length; i++) {
                if (FREQUENCY[bytes[i] & 0xFF] < FREQUENCY[bytes[anchor] & 0xFF]) {
                    anchor = i;
                }
            }
            return new Needle(bytes.clone(), anchor);
        }

        /** The first index in {@code [from, to)} where the needle occurs, or -1. */
        public int indexIn(byte[] hay, int from, int to) {
            return ByteSearch.indexOf(hay, from, to, this);
        }
    }

    /** The first index at or after {@code from} where the needle occurs before {@code to}, or -1. */
    public static int indexOf(byte[] hay, int from, int to, Needle needle) {
        byte[] n = needle.bytes;
        int len = n.length;
        if (len == 0) {
            return from <= to ? from : -1;
        }
        int anchor = needle.anchor;
        byte b = n[anchor];
        int last = to - len;
        int i = from + anchor;
        while (i <= last + anchor) {
            int at = indexOf(hay, i, last + anchor + 1, b);
            if (at < 0) {
                return -1;
            }
            int start = at - anchor;
            if (len == 1 || Arrays.equals(hay, start, start + len, n, 0, len)) {
                return start;
            }
            i = at + 1;
        }
        return -1;
    }

    /** What {@link #indexOfUnlessBackslash} answers when a backslash comes before any occurrence of the needle. */
    public static final int BACKSLASH_FIRST = -2;

    /**
     * The first index in {@code [from, to)} where the needle occurs, or -1 if it does not; but
     * {@link #BACKSLASH_FIRST} if a backslash comes first. One pass finds both: where a JSON escape could spell the
     * needle, a message without the needle's raw bytes can only be rejected if it holds no backslash either.
     */
    public static int indexOfUnlessBackslash(byte[] hay, int from, int to, Needle needle) {
        byte[] n = needle.bytes;
        int len = n.length;
        int anchor = needle.anchor;
        byte a = n[anchor];
        int i = from;
        while (true) {
            int at = indexOfEither(hay, i, to, a, (byte) '\\');
            if (at < 0) {
                return -1;
            }
            if (hay[at] == '\\') {
                return BACKSLASH_FIRST;
            }
            int start = at - anchor;
            if (start >= from && start + len <= to && Arrays.equals(hay, start, start + len, n, 0, len)) {
                return start;
            }
            i = at + 1;
        }
    }

    /** The first index in {@code [from, to)} holding {@code a} or {@code c}, or -1. */
    public static int indexOfEither(byte[] hay, int from, int to, byte a, byte c) {
        int i = from;
        long pa = (a & 0xFFL) * ONES;
        long pc = (c & 0xFFL) * ONES;
        // Sixteen bytes a step, one branch for both words: a message is mostly passed over, not matched.
        for (; i + 16 <= to; i += 16) {
            long word = (long) LONGS.get(hay, i);
            long next = (long) LONGS.get(hay, i + 8);
            long x = word ^ pa;
            long y = word ^ pc;
            long u = next ^ pa;
            long v = next ^ pc;
            long found = ((x - ONES) & ~x | (y - ONES) & ~y) & HIGHS;
            long later = ((u - ONES) & ~u | (v - ONES) & ~v) & HIGHS;
            if ((found | later) != 0) {
                return found != 0 ? i + (Long.numberOfTrailingZeros(found) >>> 3)
                        : i + 8 + (Long.numberOfTrailingZeros(later) >>> 3);
            }
        }
        for (; i + 8 <= to; i += 8) {
            long word = (long) LONGS.get(hay, i);
            long x = word ^ pa;
            long y = word ^ pc;
            long found = ((x - ONES) & ~x | (y - ONES) & ~y) & HIGHS;
            if (found != 0) {
                return i + (Long.numberOfTrailingZeros(found) >>> 3);
            }
        }
        for (; i < to; i++) {
            if (hay[i] == a || hay[i] == c) {
                return i;
            }
        }
        return -1;
    }

    /** The first index in {@code [from, to)} holding {@code b}, or -1. */
    public static int indexOf(byte[] hay, int from, int to, byte b) {
        int i = from;
        long pattern = (b & 0xFFL) * ONES;
        for (; i + 8 <= to; i += 8) {
            long word = (long) LONGS.get(hay, i) ^ pattern;
            long found = (word - ONES) & ~word & HIGHS;
            if (found != 0) {
                return i + (Long.numberOfTrailingZeros(found) >>> 3);
            }
        }
        for (; i < to; i++) {
            if (hay[i] == b) {
                return i;
            }
        }
        return -1;
    }

    /** Whether every byte of {@code [from, to)} is ASCII (below 0x80), eight bytes at a time. */
    public static boolean isAscii(byte[] hay, int from, int to) {
        int i = from;
        long bits = 0;
        for (; i + 8 <= to; i += 8) {
            bits |= (long) LONGS.get(hay, i);
        }
        for (; i < to; i++) {
            bits |= hay[i];
        }
        return (bits & HIGHS) == 0;
    }

    /** Whether {@code hay[off, off+len)} equals the needle. */
    public static boolean equalsAt(byte[] hay, int off, int len, byte[] needle) {
        return len == needle.length && Arrays.equals(hay, off, off + len, needle, 0, needle.length);
    }

    private static byte[] frequencies() {
        byte[] f = new byte[256];
        Arrays.fill(f, (byte) 10);
        for (char c = 'A'; c <= 'Z'; c++) {
            f[c] = 20;
        }
        for (char c = '0'; c <= '9'; c++) {
            f[c] = 40;
        }
        for (char c = 'a'; c <= 'z'; c++) {
            f[c] = 50;
        }
        for (char c : "etaoinsr".toCharArray()) {
            f[c] = 70;
        }
        for (char c : "\":,{}[]-./_ ".toCharArray()) {
            f[c] = 90;
        }
        f['"'] = 100;
        f[' '] = 100;
        return f;
    }
}
