package dev.cwfilter.io;

import dev.cwfilter.internal.time.Iso8601;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * The records of CloudTrail log files as CloudTrail writes them to S3 — {@code {"Records":[{...},{...}]}}, one JSON
 * document per file, possibly several documents one after the other — read straight from the bytes: each record is
 * handed over as a slice of the reader's buffer ({@link #array()}, {@link #offset()}, {@link #length()}), exactly the
 * bytes the file holds for it, ready for {@link dev.cwfilter.FilterPattern#matches(byte[], int, int)}. Nothing is
 * decoded, copied per record or re-serialised, and the input is streamed: memory stays bounded by the largest record
 * kept (see {@link #CloudTrailRecordReader(InputStream, int)}), whatever the size of the file.
 *
 * <pre>{@code
 * try (CloudTrailRecordReader records = new CloudTrailRecordReader(new GZIPInputStream(in))) {
 *     while (records.next()) {
 *         if (!records.oversized() && pattern.matches(records.array(), records.offset(), records.length())) {
 *             ...records.eventTime()...
 *         }
 *     }
 * }
 * }</pre>
 *
 * <p>What is read, exactly:
 * <ul>
 *   <li>Each document is a JSON object; its {@code Records} array holds the records; its other fields (CloudTrail
 *       writes none, other tools may) are skipped. A document without {@code Records} has no records.</li>
 *   <li>A record is an element of {@code Records}. An element that is a JSON object is a record as written, from its
 *       {@code '{'} to its {@code '}'} (CloudTrail writes compact JSON, the same text it sends to CloudWatch Logs).
 *       An element that is not an object is handed over too, with {@link #isObject()} false, for the caller to
 *       report.</li>
 *   <li>The reader checks the structure that delimits records — strings and their escapes, brackets that close what
 *       they opened, the commas and colons between them — not the grammar inside a record: a record with, say, a
 *       misspelt literal is handed over as written, and a pattern matches it as CloudWatch matches text that is not
 *       JSON.</li>
 *   <li>{@link #eventTime()} is the record's top-level {@code eventTime} in epoch milliseconds, looked for only when
 *       asked (CloudTrail writes it third, so the look stops early); {@link #eventTime(byte[], int, int)} does the
 *       same for a record's bytes held elsewhere.</li>
 *   <li>A record larger than the limit is not kept: {@link #oversized()} is true, its {@link #length()} is its size,
 *       and its bytes are not available.</li>
 *   <li>Anything else — the input ends inside a record or before the array is closed, a byte where the structure
 *       does not allow one — is a {@link MalformedDocumentException} naming the document, the record index and the
 *       byte offset; the records before it were delivered, and the reader delivers nothing after it.</li>
 *   <li>A UTF-8 byte order mark before the first document is skipped; an empty input has no records.</li>
 * </ul>
 *
 * <p>Not thread-safe: use one reader per input, from one thread. The slice is valid until the next call to
 * {@link #next()}.
 */
public final class CloudTrailRecordReader implements Closeable {

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
    private byte[] buf;
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
    private boolean ascii;
    private long eventTime = NO_TIME;
    private boolean timeKnown;
    private long recordOffset;
    private byte[] brackets = new byte[64];

    /** A reader of {@code in} that keeps records of up to {@link #DEFAULT_MAX_RECORD_BYTES}. */
    public CloudTrailRecordReader(InputStream in) {
        this(in, DEFAULT_MAX_RECORD_BYTES);
    }

    /**
     * A reader of {@code in}.
     *
     * @param in             the decompressed bytes of one or more CloudTrail documents
     * @param maxRecordBytes the largest record kept; larger ones are reported as {@link #oversized()}. The reader's
     *                       buffer never grows past twice this (or its initial size, 256 KiB, whichever is larger).
     */
    public CloudTrailRecordReader(InputStream in, int maxRecordBytes) {
        this(in, maxRecordBytes, new byte[INITIAL_BUFFER]);
    }

    /**
     * A reader of {@code in} that reads into {@code buffer}, for a caller that reads many inputs one after the other
     * (a directory of CloudTrail files) and would otherwise allocate, and clear, a buffer per file. The reader owns
     * the buffer until it is done with the input: the caller must not touch it meanwhile, nor hand it to another
     * reader. When a record needs more room the reader moves to a larger buffer of its own (see {@link #array()});
     * {@code buffer} is then no longer used.
     *
     * @param buffer         where to read; at least 8 bytes (256 KiB is a good size)
     * @see #CloudTrailRecordReader(InputStream, int)
     */
    public CloudTrailRecordReader(InputStream in, int maxRecordBytes, byte[] buffer) {
        this.in = Objects.requireNonNull(in, "in");
        if (maxRecordBytes < 1) {
            throw new IllegalArgumentException("maxRecordBytes must be positive, not " + maxRecordBytes);
        }
        if (buffer.length < 8) {
            throw new IllegalArgumentException("the buffer must hold at least 8 bytes, not " + buffer.length);
        }
        this.maxRecordBytes = maxRecordBytes;
        this.buf = buffer;
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
        ascii = false;
        if (object) {
            int end = objectEnd(buf, start, limit);
            if (end == RAN_OUT && !eof && limit - start <= maxRecordBytes) {
                // The record runs past the buffer: keep it, read more and look once more from its start. Only once,
                // so that an input read a few bytes at a time is not scanned again and again: the byte-by-byte path
                // below reads on from where it is.
                start -= fill(start);
                pos = start;
                end = objectEnd(buf, start, limit);
            }
            if (end >= 0 && end - start <= maxRecordBytes) {
                pos = end;
                length = end - start;
                return;
            }
            ascii = false;
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
    private static final int RAN_OUT = -1;
    private static final int BYTE_BY_BYTE = -2;
    private static final long BRACKET_BITS = 0x5959595959595959L;

    /** The bytes {@code b[from, limit)} (fewer than eight) as a little-endian word, zero bytes after them. */
    private static long tail(byte[] b, int from, int limit) {
        long x = 0;
        for (int i = limit - 1; i >= from; i--) {
            x = (x << 8) | (b[i] & 0xFFL);
        }
        return x;
    }

    /** The bytes of a word that equal the byte repeated in {@code pattern}, flagged in their high bit; exact. */
    private static long equalBytes(long word, long pattern) {
        long v = word ^ pattern;
        return ~(((v & LOW7) + LOW7) | v) & HIGH_BITS;
    }

    /**
     * The index just past the {@code '}'} that closes the object opening at {@code b[from]}, found eight bytes at a
     * time with few branches, since every byte of every record goes through here:
     * <ul>
     *   <li>per word, the quotes, backslashes and bracket candidates flagged in each byte's high bit (three
     *       operations each while the word is ASCII, as CloudTrail's text nearly always is);</li>
     *   <li>escapes resolved only in the rare words that hold a backslash (or follow one that ends in one);</li>
     *   <li>the inside of strings as the running parity of the unescaped quotes: one multiplication sums the word's
     *       quote flags up to each byte, the lowest bit of each sum is its parity, carried from word to word;</li>
     *   <li>only the bracket candidates outside strings looked at one by one, on a stack of the open brackets that is
     *       kept without branching on their kinds; a mismatch is noted and answered when the depth comes back to
     *       zero.</li>
     * </ul>
     * Notes in {@link #ascii} whether the words it read were all ASCII. Returns {@link #RAN_OUT} when the object does
     * not end in {@code b[from, limit)}, {@link #BYTE_BY_BYTE} when its brackets do not match or a backslash stands
     * outside a string: the byte-by-byte path then takes the record from its start (and reports what is wrong), so
     * that what a record is never depends on where the buffer's reads ended.
     */
    private int objectEnd(byte[] b, int from, int limit) {
        int depth = 0;
        int mismatch = 0;
        // HIGH_BITS when the last byte of the previous word was inside a string (its opening quote included).
        long inside = 0;
        // 1 when the first byte of this word is escaped by a backslash that ends the previous one.
        long escapedCarry = 0;
        ascii = true;
        byte[] stack = brackets;
        for (int p = from; p < limit; p += 8) {
            long x = p + 8 <= limit ? (long) LONGS.get(b, p) : tail(b, p, limit);
            long quotes;
            long backslashes;
            if ((x & HIGH_BITS) == 0) {
                // Every byte below 0x80: a byte XOR a pattern byte stays below 0x80, and adding 0x7F carries into
                // the high bit unless it is zero, never into the next byte.
                quotes = ~((x ^ QUOTES) + LOW7) & HIGH_BITS;
                backslashes = ~((x ^ BACKSLASHES) + LOW7) & HIGH_BITS;
            } else {
                ascii = false;
                quotes = equalBytes(x, QUOTES);
                backslashes = equalBytes(x, BACKSLASHES);
            }
            // Bytes with every bit of 0x59 set: the four brackets ('{' 0x7B, '[' 0x5B, '}' 0x7D, ']' 0x5D), and
            // 'Y', 'y', '_', DEL and some bytes from 0x80 up, none of which JSON has outside a string: the loop
            // below passes over them. (~x & 0x59 is below 0x80 for every byte, so the sum never carries.)
            // The bracket candidates are the bytes whose high bit this sum leaves clear.
            long candidates = (~x & BRACKET_BITS) + LOW7;
            if ((backslashes | escapedCarry) != 0) {
                long escaped = escapedCarry << 7;
                escapedCarry = 0;
                // Backslashes in ascending order: each one not itself escaped escapes the byte after it.
                long bs = backslashes & ~escaped;
                while (bs != 0) {
                    int k = Long.numberOfTrailingZeros(bs);
                    if (k == 63) {
                        escapedCarry = 1;
                        break;
                    }
                    escaped |= 1L << (k + 8);
                    bs &= ~(0x8080L << (k - 7));
                }
                quotes &= ~escaped;
                // Every backslash taken for an escape above: right for those inside strings. One outside a string is
                // not JSON; the byte-by-byte path, which looks for escapes only inside strings, says what it is.
                long inHere = ((quotes * ONES) & HIGH_BITS) ^ inside;
                if ((backslashes & ~inHere) != 0) {
                    return BYTE_BY_BYTE;
                }
            }
            // The quote flags times ONES: byte i holds, from its high bit up, the count of the quotes at or before
            // byte i (at most 8); its high bit is the count's parity, and what the count spills above it stays below
            // the next byte's high bit, so no flag disturbs another.
            long in = ((quotes * ONES) & HIGH_BITS) ^ inside;
            inside = (in >> 63) & HIGH_BITS;
            long structural = ~(candidates | in) & HIGH_BITS;
            while (structural != 0) {
                int k = Long.numberOfTrailingZeros(structural) >>> 3;
                structural &= structural - 1;
                int c = b[p + k];
                int folded = c | 0x20;
                if (folded != '{' && folded != '}') {
                    continue;
                }
                // Bit 0x02 is set in '{' and '[' only, bit 0x20 in '{' and '}' only.
                int open = (c >>> 1) & 1;
                int kind = c & 0x20;
                if (depth + 1 >= stack.length) {
                    stack = java.util.Arrays.copyOf(stack, stack.length * 2);
                    brackets = stack;
                }
                // An opening bracket is pushed at depth; a closing one compared with the top, at depth - 1.
                int top = depth - 1 + open;
                int previous = stack[top];
                mismatch |= (previous ^ kind) & (open - 1);
                stack[top] = (byte) (previous ^ ((previous ^ kind) & -open));
                depth += 2 * open - 1;
                if (depth == 0) {
                    if (mismatch != 0) {
                        return BYTE_BY_BYTE;
                    }
                    return p + k + 1;
                }
            }
        }
        return RAN_OUT;
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

    /**
     * Whether the current record's bytes are all ASCII, and so certainly valid UTF-8, as noted by the scan that
     * delimited it; false when some byte is not ASCII or the record was delimited by the byte-by-byte path, which does
     * not note it (a caller that needs to know then looks itself).
     */
    public boolean isAscii() {
        return ascii;
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
