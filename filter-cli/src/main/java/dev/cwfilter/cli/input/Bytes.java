package dev.cwfilter.cli.input;

import dev.cwfilter.io.Utf8;
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
        return isAscii(a, from, to) || Utf8.isValid(a, from, to);
    }
}
