package dev.cwfilter.cli.input;

import java.io.IOException;
import java.io.InputStream;

/**
 * Splits a stream into lines without decoding it: each line is a range of a reused buffer. A line longer than the
 * limit is skipped without being buffered (reported as {@link #oversized()}), so memory stays bounded by the limit
 * whatever the input. A final {@code \r} is dropped, so CRLF files read as LF files. Not thread-safe.
 */
final class LineSource {

    private static final int INITIAL_BUFFER = 64 * 1024;

    private final InputStream in;
    private final int maxLineBytes;
    private byte[] buf = new byte[INITIAL_BUFFER];
    private int pos;
    private int limit;
    /** Where the newline search resumes, so that a long line is scanned once however many reads it takes. */
    private int scanned;
    private boolean eof;

    private int start;
    private int end;
    private long number;
    private boolean oversized;

    LineSource(InputStream in, int maxLineBytes) {
        this.in = in;
        this.maxLineBytes = maxLineBytes;
    }

    /** Moves to the next line; false at the end of the input. */
    boolean next() throws IOException {
        scanned = Math.max(scanned, pos);
        while (true) {
            int nl = Bytes.indexOf(buf, scanned, limit, (byte) '\n');
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

    private void setLine(int from, int to) {
        number++;
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

    /** Whether the current line was longer than the limit and skipped; its range is then empty. */
    boolean oversized() {
        return oversized;
    }
}
