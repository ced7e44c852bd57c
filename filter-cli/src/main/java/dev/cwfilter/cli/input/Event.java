package dev.cwfilter.cli.input;

import java.nio.charset.StandardCharsets;

/**
 * One log event as an input reader delivers it: the message as UTF-8 bytes, where it came from, and its timestamp if
 * the input has one.
 *
 * <p>An event is a view on a reader's buffer, valid only during the {@link EventSink#accept(Event)} call that
 * receives it: the reader reuses the object and the buffer for the next event. Copy what must outlive the call
 * ({@link #message()}, {@link #timestamp()}). Not thread-safe.
 */
public final class Event {

    /** The timestamp of an event whose input carries none (plain text lines). */
    public static final long NO_TIMESTAMP = Long.MIN_VALUE;

    private final String source;
    private byte[] bytes;
    private int offset;
    private int length;
    private long line;
    private long number;
    private long timestamp;
    private boolean timestampKnown;
    private boolean record;
    private TimestampFinder finder;

    Event(String source) {
        this.source = source;
    }

    /** Finds the timestamp in a message, only when someone asks for it. */
    interface TimestampFinder {
        long find(byte[] bytes, int offset, int length);
    }

    void set(byte[] bytes, int offset, int length, long line, long timestamp) {
        this.bytes = bytes;
        this.offset = offset;
        this.length = length;
        this.line = line;
        this.number++;
        this.timestamp = timestamp;
        this.timestampKnown = true;
        this.record = false;
    }

    /** A CloudTrail record: its position is its index among the records of its input, not a line. */
    void setRecord(byte[] bytes, int offset, int length, long index, long timestamp) {
        set(bytes, offset, length, index, timestamp);
        this.record = true;
    }

    /** A CloudTrail record whose time is looked for only if someone asks. */
    void setLazyRecord(byte[] bytes, int offset, int length, long index, TimestampFinder finder) {
        setLazy(bytes, offset, length, index, finder);
        this.record = true;
    }

    void setLazy(byte[] bytes, int offset, int length, long line, TimestampFinder finder) {
        set(bytes, offset, length, line, NO_TIMESTAMP);
        this.timestampKnown = false;
        this.finder = finder;
    }

    /** Whether the timestamp is known without asking the finder (false for a line whose time is looked up lazily). */
    boolean timestampKnown() {
        return timestampKnown;
    }

    /** The finder of a lazily looked-up timestamp. */
    TimestampFinder finder() {
        return finder;
    }

    /** The input's name: the file name as given, or {@code -} for standard input. */
    public String source() {
        return source;
    }

    /** The buffer holding the message's UTF-8 bytes at {@code [offset(), offset() + length())}. */
    public byte[] bytes() {
        return bytes;
    }

    /** Where the message starts in {@link #bytes()}. */
    public int offset() {
        return offset;
    }

    /** The message's length in bytes. */
    public int length() {
        return length;
    }

    /**
     * The 1-based line of the input where the event starts; for a CloudTrail record ({@link #isRecord()}), its
     * 1-based index among the records of its input.
     */
    public long line() {
        return line;
    }

    /** Whether the event is a record of a CloudTrail log file, whose position is a record index, not a line. */
    public boolean isRecord() {
        return record;
    }

    /** Where the event is in its input, for messages: {@code line 12}, or {@code record 57} for a CloudTrail record. */
    public String position() {
        return (record ? "record " : "line ") + line;
    }

    /** The event's 1-based position among the events of its input. */
    public long number() {
        return number;
    }

    /** The message, decoded (malformed UTF-8 becomes U+FFFD). */
    public String message() {
        return new String(bytes, offset, length, StandardCharsets.UTF_8);
    }

    /** The event's time in epoch milliseconds, or {@link #NO_TIMESTAMP} if the input does not say. */
    public long timestamp() {
        if (!timestampKnown) {
            timestamp = finder.find(bytes, offset, length);
            timestampKnown = true;
        }
        return timestamp;
    }
}
