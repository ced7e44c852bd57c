package dev.cwfilter.io;

import dev.cwfilter.internal.time.Iso8601;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * The test oracle: {@link CloudTrailRecordReader} as it was before its 64-byte-block scan was replaced by the
 * word-at-a-time one, kept verbatim (only renamed). Fed one byte per read it never has a whole record in its buffer, so
 * every record goes through its byte-by-byte path: strings, escapes inside them, brackets, one byte at a time, the
 * plainest statement of what a record is. {@code CloudTrailScanPropertiesTest} holds the current reader to it.
 * Not thread-safe.
 */
final class PreviousCloudTrailRecordReader implements Closeable {

    /** {@link #eventTime()} of a record without a readable top-level {@code eventTime}. */
    public static final long NO_TIME = Long.MIN_VALUE;

    /** The default size limit of a kept record: 1 MiB, CloudWatch Logs' largest event. */
    public static final int DEFAULT_MAX_RECORD_BYTES = 1024 * 1024;

    private static final int INITIAL_BUFFER = 256 * 1024;
    private static final byte[] RECORDS = {'R', 'e', 'c', 'o', 'r', 'd', 's'};
    private static final byte[] EVENT_TIME = {'e', 'v', 'e', 'n', 't', 'T', 'i', 'm', 'e'};

    private static final int BETWEEN_DOCUMENTS = 0;
    private static final int IN_FIELDS = 1;
    private static final int IN_RECORDS = 2;
    private static final int DONE = 3;

    private final InputStream in;
    private final int maxRecordBytes;
    private byte[] buf = new byte[INITIAL_BUFFER];
    private int pos;
    private int limit;
    private long base;
    private boolean eof;
    private boolean started;

    private int state = BETWEEN_DOCUMENTS;
    private boolean needSeparator;
    private long documents;
    private long records;

    private int start;
    private int length;
    private boolean object;
    private boolean oversized;
    private long eventTime = NO_TIME;
    private boolean timeKnown;
    private long recordOffset;
    private byte[] brackets = new byte[64];

    /** A reader of {@code in} that keeps records of up to {@link #DEFAULT_MAX_RECORD_BYTES}. */
    PreviousCloudTrailRecordReader(InputStream in) {
        this(in, DEFAULT_MAX_RECORD_BYTES);
    }

    /**
     * A reader of {@code in}.
     *
     * @param in             the decompressed bytes of one or more CloudTrail documents
     * @param maxRecordBytes the largest record kept; larger ones are reported as {@link #oversized()}. The reader's
     *                       buffer never grows past twice this (or 256 KiB, whichever is larger).
     */
    PreviousCloudTrailRecordReader(InputStream in, int maxRecordBytes) {
        this.in = Objects.requireNonNull(in, "in");
        if (maxRecordBytes < 1) {
            throw new IllegalArgumentException("maxRecordBytes must be positive, not " + maxRecordBytes);
        }
        this.maxRecordBytes = maxRecordBytes;
    }

    /**
     * Moves to the next record.
     *
     * @return false at the end of the input
     * @throws MalformedDocumentException if the input is truncated or not shaped like a CloudTrail document; the
     *                                    records before were delivered
     * @throws IOException                if the input cannot be read
     */
    public boolean next() throws IOException {
        while (true) {
            switch (state) {
                case BETWEEN_DOCUMENTS: {
                    int c = skipWhitespace();
                    if (c < 0) {
                        state = DONE;
                        return false;
                    }
                    if (c != '{') {
                        throw fail(documents + 1, 0, "expected '{' to start a CloudTrail document ({\"Records\":"
                                + "[...]}), found " + describe(c));
                    }
                    pos++;
                    documents++;
                    records = 0;
                    state = IN_FIELDS;
                    needSeparator = false;
                    break;
                }
                case IN_FIELDS:
                    fields();
                    break;
                case IN_RECORDS: {
                    int c = skipWhitespace();
                    if (c < 0) {
                        throw fail(documents, 0, "the input ends after record " + records + ", before the Records"
                                + " array is closed (truncated?); the records before were read");
                    }
                    if (needSeparator || records == 0) {
                        if (c == ']') {
                            pos++;
                            state = IN_FIELDS;
                            needSeparator = true;
                            break;
                        }
                        if (needSeparator) {
                            if (c != ',') {
                                throw fail(documents, 0, "expected ',' or ']' after record " + records + ", found "
                                        + describe(c));
                            }
                            pos++;
                            needSeparator = false;
                            break;
                        }
                    }
                    if (c == ']' || c == ',' || c == '}' || c == ':') {
                        throw fail(documents, records + 1, "expected a record, found " + describe(c));
                    }
                    records++;
                    element(c);
                    needSeparator = true;
                    return true;
                }
                default:
                    return false;
            }
        }
    }

    /** Reads the document's fields up to its Records array or its end. */
    private void fields() throws IOException {
        int c = skipWhitespace();
        if (c < 0) {
            throw fail(documents, 0, "the input ends inside the document, before its closing '}' (truncated?)");
        }
        if (c == '}') {
            pos++;
            state = BETWEEN_DOCUMENTS;
            return;
        }
        if (needSeparator) {
            if (c != ',') {
                throw fail(documents, 0, "expected ',' or '}' after a field of the document, found " + describe(c));
            }
            pos++;
            needSeparator = false;
            c = skipWhitespace();
            if (c < 0) {
                throw fail(documents, 0, "the input ends inside the document (truncated?)");
            }
        }
        if (c != '"') {
            throw fail(documents, 0, "expected a field name in the document, found " + describe(c));
        }
        start = pos;
        int end = skipString(pos + 1);
        boolean isRecords = equals(start + 1, end - 1, RECORDS);
        pos = end;
        c = skipWhitespace();
        if (c != ':') {
            throw fail(documents, 0, c < 0 ? "the input ends inside the document (truncated?)"
                    : "expected ':' after a field name, found " + describe(c));
        }
        pos++;
        c = skipWhitespace();
        if (c < 0) {
            throw fail(documents, 0, "the input ends inside the document (truncated?)");
        }
        needSeparator = true;
        if (isRecords && c == '[') {
            pos++;
            state = IN_RECORDS;
            needSeparator = false;
            records = 0;
            return;
        }
        start = pos;
        pos = skipValue(c);
    }

    /** Delimits one element of the Records array, starting at {@code buf[pos] == c}. */
    private void element(int c) throws IOException {
        start = pos;
        recordOffset = base + pos;
        oversized = false;
        eventTime = NO_TIME;
        timeKnown = false;
        object = c == '{';
        if (object) {
            int end = objectEnd(buf, pos, limit);
            if (end > 0 && end - start <= maxRecordBytes) {
                pos = end;
                length = end - start;
                return;
            }
        }
        if (!object) {
            int end = skipValue(c);
            length = end - start;
            pos = end;
            oversized = length > maxRecordBytes;
            return;
        }
        long dropped = 0;
        int depth = 0;
        int i = pos;
        byte[] b = buf;
        while (true) {
            if (i >= limit) {
                if (!oversized && i - start > maxRecordBytes) {
                    oversized = true;
                }
                int keep = oversized ? i : start;
                dropped += oversized ? i - start : 0;
                int shift = fill(keep);
                i -= shift;
                start = oversized ? i : start - shift;
                b = buf;
                if (i >= limit) {
                    pos = i;
                    throw fail(documents, records, "the input ends inside the record (truncated?); "
                            + before(records - 1));
                }
            }
            byte x = b[i++];
            if (x == '"') {
                int s = i;
                while (true) {
                    i = quoteOrBackslash(b, i, limit);
                    if (i >= limit) {
                        if (!oversized && i - start > maxRecordBytes) {
                            oversized = true;
                        }
                        int keep = oversized ? i : start;
                        dropped += oversized ? i - start : 0;
                        int shift = fill(keep);
                        i -= shift;
                        s -= shift;
                        start = oversized ? i : start - shift;
                        b = buf;
                        if (i >= limit) {
                            pos = i;
                            throw fail(documents, records, "the input ends inside a string of the record"
                                    + " (truncated?); " + before(records - 1));
                        }
                        continue;
                    }
                    if (b[i] == '"') {
                        i++;
                        break;
                    }
                    // A backslash: skip it and the byte it escapes (for \\uXXXX the hex digits need no care).
                    i += 2;
                    if (i > limit) {
                        i--;
                        if (!oversized && i - start > maxRecordBytes) {
                            oversized = true;
                        }
                        int keep = oversized ? i - 1 : start;
                        dropped += oversized ? i - 1 - start : 0;
                        int shift = fill(keep);
                        i -= shift;
                        s -= shift;
                        start = oversized ? i - 1 : start - shift;
                        b = buf;
                        if (i >= limit) {
                            pos = i;
                            throw fail(documents, records, "the input ends inside a string of the record"
                                    + " (truncated?); " + before(records - 1));
                        }
                        i++;
                    }
                }
            } else if (x == '{' || x == '[') {
                if (depth == brackets.length) {
                    brackets = java.util.Arrays.copyOf(brackets, depth * 2);
                }
                brackets[depth++] = x;
            } else if (x == '}' || x == ']') {
                if (depth == 0 || brackets[depth - 1] != (x == '}' ? '{' : '[')) {
                    pos = i - 1;
                    throw fail(documents, records, "'" + (char) x + "' does not close what the record opened");
                }
                depth--;
                if (depth == 0) {
                    pos = i;
                    length = (int) Math.min(Integer.MAX_VALUE, dropped + (i - start));
                    if (length > maxRecordBytes) {
                        oversized = true;
                    }
                    return;
                }
            }
        }
    }

    private static final java.lang.invoke.VarHandle LONGS = java.lang.invoke.MethodHandles.byteArrayViewVarHandle(
            long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;
    private static final long QUOTES = '"' * ONES;
    private static final long BACKSLASHES = '\\' * ONES;

    private static final long LOW7 = 0x7F7F7F7F7F7F7F7FL;
    private static final long GATHER = 0x0102040810204080L;
    private static final long CASE_BIT = 0x2020202020202020L;
    private static final long OPENS = '{' * ONES;
    private static final long CLOSES = '}' * ONES;

    /** One bit per byte of the word, set where the byte is zero (exactly: no false positives). */
    private static long zeroBytes(long v) {
        long t = ~(((v & LOW7) + LOW7) | v | LOW7);
        return ((t >>> 7) * GATHER) >>> 56;
    }

    /**
     * The index just past the {@code '}'} that closes the object opening at {@code b[from]}, found 64 bytes at a time:
     * bit masks of quotes, backslashes and brackets per block, the escaped bytes from the backslashes, the inside of
     * strings as the prefix XOR of the unescaped quotes, and only the brackets outside strings looked at one by one.
     * Returns -1 when the object does not end before the last whole block of {@code b[from, limit)}, or its brackets
     * do not match: the byte-by-byte path then takes the record from its start (and reports what is wrong).
     */
    private int objectEnd(byte[] b, int from, int limit) {
        int depth = 0;
        long inside = 0;
        long escapedCarry = 0;
        byte[] stack = brackets;
        for (int p = from; p + 64 <= limit; p += 64) {
            long quotes = 0;
            long backslashes = 0;
            long bracketBits = 0;
            for (int w = 0; w < 8; w++) {
                long x = (long) LONGS.get(b, p + 8 * w);
                // '{' and '[' (0x7B, 0x5B) differ only in bit 0x20, as '}' and ']' (0x7D, 0x5D) do, and no other
                // byte has the same bits once 0x20 is set: one test finds both kinds.
                long folded = x | CASE_BIT;
                int shift = 8 * w;
                quotes |= zeroBytes(x ^ QUOTES) << shift;
                backslashes |= zeroBytes(x ^ BACKSLASHES) << shift;
                bracketBits |= (zeroBytes(folded ^ OPENS) | zeroBytes(folded ^ CLOSES)) << shift;
            }
            long escaped = escapedCarry;
            escapedCarry = 0;
            // Backslashes in ascending order: each one not itself escaped escapes the byte after it.
            long bs = backslashes & ~escaped;
            while (bs != 0) {
                int k = Long.numberOfTrailingZeros(bs);
                if (k == 63) {
                    escapedCarry = 1;
                    break;
                }
                escaped |= 1L << (k + 1);
                bs &= ~(3L << k);
            }
            long x = quotes & ~escaped;
            x ^= x << 1;
            x ^= x << 2;
            x ^= x << 4;
            x ^= x << 8;
            x ^= x << 16;
            x ^= x << 32;
            long in = x ^ inside;
            inside = in >> 63;
            long structural = bracketBits & ~in;
            while (structural != 0) {
                int k = Long.numberOfTrailingZeros(structural);
                structural &= structural - 1;
                byte c = b[p + k];
                if (c == '{' || c == '[') {
                    if (depth == stack.length) {
                        stack = java.util.Arrays.copyOf(stack, depth * 2);
                        brackets = stack;
                    }
                    stack[depth++] = c;
                } else {
                    if (depth == 0 || stack[depth - 1] != (c == '}' ? '{' : '[')) {
                        return -1;
                    }
                    if (--depth == 0) {
                        return p + k + 1;
                    }
                }
            }
        }
        return -1;
    }

    /**
     * The index of the first {@code "} or {@code \} in {@code a[from, to)}, or {@code to}: eight bytes at a time, since
     * most of a record's bytes are inside strings.
     */
    static int quoteOrBackslash(byte[] a, int from, int to) {
        int i = from;
        for (; i + 8 <= to; i += 8) {
            long w = (long) LONGS.get(a, i);
            long q = w ^ QUOTES;
            long s = w ^ BACKSLASHES;
            // Zero bytes of q or s are the matches; in each, the lowest flagged byte is always a true one.
            long found = ((q - ONES) & ~q | (s - ONES) & ~s) & HIGH_BITS;
            if (found != 0) {
                return i + (Long.numberOfTrailingZeros(found) >>> 3);
            }
        }
        for (; i < to; i++) {
            byte c = a[i];
            if (c == '"' || c == '\\') {
                return i;
            }
        }
        return to;
    }

    /** The index just past the string whose content starts at {@code i} (after its opening quote). */
    private int skipString(int i) throws IOException {
        while (true) {
            if (i >= limit) {
                int shift = fill(start);
                i -= shift;
                start -= shift;
                if (i >= limit) {
                    throw fail(documents, state == IN_RECORDS ? records : 0, "the input ends inside a string"
                            + " (truncated?)");
                }
            }
            byte y = buf[i++];
            if (y == '"') {
                return i;
            }
            if (y == '\\') {
                if (i >= limit) {
                    int shift = fill(start);
                    i -= shift;
                    start -= shift;
                    if (i >= limit) {
                        throw fail(documents, 0, "the input ends inside a string (truncated?)");
                    }
                }
                i++;
            }
        }
    }

    /**
     * The index just past the JSON value starting at {@code buf[pos] == c}: a string, an object or array (brackets
     * checked), or a scalar up to the next delimiter. Keeps {@code [start, ...)} in the buffer unless that grows past
     * the limit.
     */
    private int skipValue(int c) throws IOException {
        int i = pos;
        if (c == '"') {
            return skipString(i + 1);
        }
        if (c != '{' && c != '[') {
            while (true) {
                if (i >= limit) {
                    int shift = fill(start);
                    i -= shift;
                    start -= shift;
                    if (i >= limit) {
                        return i;
                    }
                }
                byte y = buf[i];
                if (y == ',' || y == '}' || y == ']' || y == ' ' || y == '\n' || y == '\r' || y == '\t') {
                    return i;
                }
                if (y == '{' || y == '[' || y == '"' || y == ':') {
                    throw fail(documents, state == IN_RECORDS ? records : 0, "unexpected " + describe(y)
                            + " in a value");
                }
                i++;
            }
        }
        int depth = 0;
        while (true) {
            if (i >= limit) {
                int keep = i - start > maxRecordBytes ? i : start;
                int shift = fill(keep);
                i -= shift;
                start = keep == start ? start - shift : i;
                if (i >= limit) {
                    throw fail(documents, state == IN_RECORDS ? records : 0, "the input ends inside a value"
                            + " (truncated?)");
                }
            }
            byte y = buf[i++];
            if (y == '"') {
                i = skipString(i);
            } else if (y == '{' || y == '[') {
                if (depth == brackets.length) {
                    brackets = java.util.Arrays.copyOf(brackets, depth * 2);
                }
                brackets[depth++] = y;
            } else if (y == '}' || y == ']') {
                if (depth == 0 || brackets[depth - 1] != (y == '}' ? '{' : '[')) {
                    throw fail(documents, state == IN_RECORDS ? records : 0, "'" + (char) y
                            + "' does not close what the value opened");
                }
                if (--depth == 0) {
                    return i;
                }
            }
        }
    }

    /** The next byte that is not JSON whitespace, left at {@code pos}, or -1 at the end of the input. */
    private int skipWhitespace() throws IOException {
        while (true) {
            if (pos >= limit) {
                fill(pos);
                if (pos >= limit) {
                    return -1;
                }
            }
            int c = buf[pos] & 0xFF;
            if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
                pos++;
            } else if (!started && c == 0xEF) {
                // A byte order mark before the first document.
                started = true;
                for (int k = 0; k < 3; k++) {
                    if (pos >= limit) {
                        fill(pos);
                    }
                    if (pos >= limit || (buf[pos] & 0xFF) != (k == 0 ? 0xEF : k == 1 ? 0xBB : 0xBF)) {
                        throw fail(1, 0, "expected '{' to start a CloudTrail document, found bytes that are not"
                                + " JSON");
                    }
                    pos++;
                }
            } else {
                started = true;
                return c;
            }
        }
    }

    /**
     * Keeps {@code buf[keep, limit)}, moved to the start of the buffer (growing it if it is full), and reads more
     * after it. Returns how far the kept bytes moved; {@code pos} moves with them.
     */
    private int fill(int keep) throws IOException {
        if (eof) {
            return 0;
        }
        int shift = keep;
        if (shift > 0) {
            System.arraycopy(buf, keep, buf, 0, limit - keep);
            limit -= shift;
            base += shift;
            pos -= shift;
        }
        if (limit == buf.length) {
            buf = java.util.Arrays.copyOf(buf, buf.length * 2);
        }
        int n = in.read(buf, limit, buf.length - limit);
        while (n == 0) {
            n = in.read(buf, limit, buf.length - limit);
        }
        if (n < 0) {
            eof = true;
        } else {
            limit += n;
        }
        return shift;
    }

    private boolean equals(int from, int to, byte[] word) {
        if (to - from != word.length) {
            return false;
        }
        for (int k = 0; k < word.length; k++) {
            if (buf[from + k] != word[k]) {
                return false;
            }
        }
        return true;
    }

    private MalformedDocumentException fail(long document, long record, String problem) {
        state = DONE;
        return new MalformedDocumentException(document, record, base + pos, problem);
    }

    private static String before(long n) {
        return n == 0 ? "no record before it was read" : n == 1 ? "the record before it was read"
                : "the " + n + " records before it were read";
    }

    private static String describe(int c) {
        if (c < 0) {
            return "the end of the input";
        }
        c &= 0xFF;
        return c >= 0x20 && c < 0x7F ? "'" + (char) c + "'" : String.format("byte 0x%02X", c);
    }

    /** The buffer holding the current record at {@code [offset(), offset() + length())}; valid until {@link #next()}. */
    public byte[] array() {
        return buf;
    }

    /** Where the current record starts in {@link #array()}. */
    public int offset() {
        return start;
    }

    /** The current record's size in bytes (for an {@link #oversized()} record, its size in the input). */
    public int length() {
        return length;
    }

    /** Whether the current record is larger than the limit: its bytes were not kept. */
    public boolean oversized() {
        return oversized;
    }

    /** Whether the current element of {@code Records} is a JSON object, as a record is. */
    public boolean isObject() {
        return object;
    }

    /**
     * The current record's top-level {@code eventTime} in epoch milliseconds, or {@link #NO_TIME} (also for an
     * oversized record or an element that is not an object).
     */
    public long eventTime() {
        if (!timeKnown) {
            eventTime = object && !oversized ? eventTime(buf, start, length) : NO_TIME;
            timeKnown = true;
        }
        return eventTime;
    }

    /**
     * The top-level {@code eventTime} of a record given as its bytes (a JSON object), in epoch milliseconds, or
     * {@link #NO_TIME}: the first top-level {@code "eventTime"} key whose value is an ISO-8601 string. Stops at that
     * value. Stateless and thread-safe.
     */
    public static long eventTime(byte[] b, int offset, int length) {
        int end = offset + length;
        int depth = 0;
        boolean expectKey = false;
        boolean timeNext = false;
        int i = offset;
        while (i < end) {
            byte x = b[i++];
            if (x == '"') {
                int s = i;
                i = quoteOrBackslash(b, i, end);
                while (i < end && b[i] == '\\') {
                    i = quoteOrBackslash(b, i + 2, end);
                }
                if (i >= end) {
                    return NO_TIME;
                }
                i++;
                if (depth == 1) {
                    if (expectKey) {
                        expectKey = false;
                        timeNext = i - 1 - s == EVENT_TIME.length && java.util.Arrays.equals(b, s, i - 1,
                                EVENT_TIME, 0, EVENT_TIME.length);
                    } else if (timeNext) {
                        return Iso8601.epochMillis(b, s, i - 1 - s);
                    }
                }
            } else if (x == '{' || x == '[') {
                depth++;
                expectKey = depth == 1;
                timeNext = false;
            } else if (x == '}' || x == ']') {
                depth--;
                timeNext = false;
            } else if (x == ',' && depth == 1) {
                expectKey = true;
                timeNext = false;
            } else if (timeNext && x != ':' && x != ' ' && x != '\n' && x != '\r' && x != '\t') {
                timeNext = false;
            }
        }
        return NO_TIME;
    }

    /** The 1-based index of the current record within its document. */
    public long recordIndex() {
        return records;
    }

    /** The 1-based index of the current record's document within the input. */
    public long documentIndex() {
        return documents;
    }

    /** The offset, in the decompressed input, of the current record's first byte. */
    public long byteOffset() {
        return recordOffset;
    }

    /** Closes the input. */
    @Override
    public void close() throws IOException {
        state = DONE;
        in.close();
    }
}
