package dev.cwfilter.cli.input;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** Byte scans for the line splitter: eight bytes at a time, because splitting lines is on every event's path. */
final class Bytes {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;

    private Bytes() {
    }

    /** The index of the first {@code b} in {@code a[from, to)}, or -1. */
    static int indexOf(byte[] a, int from, int to, byte b) {
        long pattern = (b & 0xFFL) * ONES;
        int i = from;
        for (; i + 8 <= to; i += 8) {
            long x = (long) LONGS.get(a, i) ^ pattern;
            // Zero bytes of x are the matches; the lowest flagged byte is always a true one.
            long found = (x - ONES) & ~x & HIGH_BITS;
            if (found != 0) {
                return i + (Long.numberOfTrailingZeros(found) >>> 3);
            }
        }
        for (; i < to; i++) {
            if (a[i] == b) {
                return i;
            }
        }
        return -1;
    }

    /** Whether {@code a[from, to)} is all ASCII, so certainly valid UTF-8. */
    static boolean isAscii(byte[] a, int from, int to) {
        long bits = 0;
        int i = from;
        for (; i + 8 <= to; i += 8) {
            bits |= (long) LONGS.get(a, i);
        }
        for (; i < to; i++) {
            bits |= a[i];
        }
        return (bits & HIGH_BITS) == 0;
    }

    /** Whether {@code a[from, to)} is well-formed UTF-8 (no overlong forms, surrogates or values past U+10FFFF). */
    static boolean isValidUtf8(byte[] a, int from, int to) {
        if (isAscii(a, from, to)) {
            return true;
        }
        int i = from;
        while (i < to) {
            int b = a[i] & 0xFF;
            if (b < 0x80) {
                i++;
                continue;
            }
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
}
