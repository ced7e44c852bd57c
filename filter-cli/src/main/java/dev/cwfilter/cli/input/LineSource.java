package dev.cwfilter.cli.input;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Splits a stream into lines without decoding it: each line is a range of a reused buffer. A line longer than the
 * limit is skipped without being buffered (reported as {@link #oversized()}), so memory stays bounded by the limit
 * whatever the input. A final {@code \r} is dropped, so CRLF files read as LF files. The same pass that finds the
 * newline notes whether the line holds any non-ASCII byte, so that UTF-8 is validated only where it can be invalid.
 * Not thread-safe.
 */
final class LineSource {

    /** Large enough that reads mostly bypass a BufferedInputStream's own copy (it passes reads of 64 KiB or more). */
    private static final int INITIAL_BUFFER = 256 * 1024;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;
    private static final long NEWLINES = '\n' * ONES;

    private final InputStream in;
    private final int maxLineBytes;
    private byte[] buf;
    private int pos;
    private int limit;
    /** Where the newline search resumes, so that a long line is scanned once however many reads it takes. */
    private int scanned;
    private boolean eof;
    /** The high bits of the current line's bytes scanned so far. */
    private long highBits;

    private int start;
    private int end;
    private long number;
    private boolean oversized;
    private boolean ascii;

    LineSource(InputStream in, int maxLineBytes) {
        this(in, maxLineBytes, new byte[INITIAL_BUFFER]);
    }

    /** Lines of {@code in} read into {@code buffer} (owned by the source until it is done; replaced if it grows). */
    LineSource(InputStream in, int maxLineBytes, byte[] buffer) {
        this.in = in;
        this.maxLineBytes = maxLineBytes;
        this.buf = buffer;
    }

    /** Moves to the next line; false at the end of the input. */
    boolean next() throws IOException {
        scanned = Math.max(scanned, pos);
        highBits = 0;
        while (true) {
            int nl = scanToNewline();
            if (nl >= 0) {
                setLine(pos, nl);
                pos = nl + 1;
                scanned = pos;
                return true;
            }
            scanned = limit;
            if (eof) {
                if (pos < limit) {
                    setLine(pos, limit);
                    pos = limit;
                    return true;
                }
                return false;
            }
            if (limit - pos > maxLineBytes + 1) {
                skipRestOfLine();
                return true;
            }
            fill();
        }
    }

    /**
     * The index of the next newline from {@code scanned}, or -1 if the buffer holds none; ORs every byte before it
     * into {@link #highBits}. Eight bytes at a time: this is on every event's path.
     */
    private int scanToNewline() {
        long acc = highBits;
        int i = scanned;
        for (; i + 8 <= limit; i += 8) {
            long word = (long) LONGS.get(buf, i);
            long found = newlines(word);
            if (found != 0) {
                int bits = Long.numberOfTrailingZeros(found) & ~7;
                highBits = acc | (bits == 0 ? 0 : word & (-1L >>> (64 - bits)));
                return i + (bits >>> 3);
            }
            acc |= word;
        }
        for (; i < limit; i++) {
            if (buf[i] == '\n') {
                highBits = acc;
                return i;
            }
            acc |= buf[i];
        }
        highBits = acc;
        return -1;
    }

    /** The newline bytes of a word flagged in their high bit; the lowest flag is always a true newline. */
    private static long newlines(long word) {
        long x = word ^ NEWLINES;
        return (x - ONES) & ~x & HIGH_BITS;
    }

    private void setLine(int from, int to) {
        number++;
        ascii = (highBits & HIGH_BITS) == 0;
        if (to > from && buf[to - 1] == '\r') {
            to--;
        }
        oversized = to - from > maxLineBytes;
        start = from;
        end = oversized ? from : to;
    }

    /** Discards the current overlong line up to and including its newline, reading as little as it can at a time. */
    private void skipRestOfLine() throws IOException {
        number++;
        oversized = true;
        start = end = 0;
        pos = limit = scanned = 0;
        while (true) {
            int n = in.read(buf, 0, buf.length);
            if (n < 0) {
                eof = true;
                return;
            }
            int nl = Bytes.indexOf(buf, 0, n, (byte) '\n');
            if (nl >= 0) {
                pos = scanned = nl + 1;
                limit = n;
                return;
            }
        }
    }

    private void fill() throws IOException {
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, limit - pos);
            limit -= pos;
            scanned -= pos;
            pos = 0;
        }
        if (limit == buf.length) {
            // A line longer than the buffer: grow, but never past what one line may hold.
            int size = (int) Math.min((long) buf.length * 2, (long) maxLineBytes + 2);
            byte[] bigger = new byte[Math.max(size, buf.length + 1)];
            System.arraycopy(buf, 0, bigger, 0, limit);
            buf = bigger;
        }
        int n = in.read(buf, limit, buf.length - limit);
        if (n < 0) {
            eof = true;
        } else {
            limit += n;
        }
    }

    /** The buffer holding the current line. */
    byte[] buffer() {
        return buf;
    }

    /** Where the current line starts in {@link #buffer()}. */
    int start() {
        return start;
    }

    /** Where the current line ends (exclusive, newline and final CR excluded). */
    int end() {
        return end;
    }

    /** The current line's 1-based number. */
    long number() {
        return number;
    }

    /** Whether the current line is all ASCII (so certainly valid UTF-8). */
    boolean ascii() {
        return ascii;
    }

    /** Whether the current line was longer than the limit and skipped; its range is then empty. */
    boolean oversized() {
        return oversized;
    }
}
