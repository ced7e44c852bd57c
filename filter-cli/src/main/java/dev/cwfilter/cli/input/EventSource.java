package dev.cwfilter.cli.input;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.zip.GZIPInputStream;

/**
 * The events of a command's inputs, read one input after the other and streamed to a sink. Each input is
 * decompressed if it starts with gzip's magic bytes (whatever its name), and with {@link InputFormat#AUTO} its format
 * is decided from its first bytes:
 * <ol>
 *   <li>a JSON object whose first field is a {@code "Records"} or {@code "events"} array is a CloudTrail log file or
 *       the output of {@code aws logs filter-log-events} / {@code get-log-events};</li>
 *   <li>a first line that starts like {@code 2026-11-21T12:00:00.000Z } is a CloudWatch Logs export;</li>
 *   <li>anything else is one event per line.</li>
 * </ol>
 * An input that cannot be opened or read is reported in {@link #errors()} and the others are still read; bad events
 * are counted in {@link #badEvents()}.
 *
 * <p>With more than one reader, inputs are opened, decompressed and split into events on reader threads, a few inputs
 * ahead of the sink, while the sink takes the events on the calling thread in exactly the order a single reader gives
 * them (input by input, event by event), and the bad events and errors are reported in that order too. Memory stays
 * bounded: each input read ahead holds at most {@value #QUEUED_CHUNKS} chunks of about {@value #CHUNK_BYTES} bytes,
 * and at most readers + 1 inputs are read ahead of the sink.
 *
 * <p>Not thread-safe: use from one thread (the sink is called on that thread only).
 */
public final class EventSource {

    private static final int BUFFER = 64 * 1024;
    private static final int SNIFF_BYTES = 64 * 1024;
    private static final int QUICK_SNIFF_BYTES = 512;
    /** How CloudTrail starts its files (compact JSON). */
    private static final byte[] CLOUDTRAIL_START = "{\"Records\":[".getBytes(StandardCharsets.UTF_8);
    /** Where each input's events are read: large enough that reads mostly bypass the BufferedInputStream's copy. */
    private static final int EVENT_BUFFER = 256 * 1024;
    private static final JsonFactory JSON = new JsonFactory();

    private final List<Input> inputs;
    private final InputFormat format;
    private final int maxEventBytes;
    private final Progress progress;
    private final int readers;
    private final BadEvents bad = new BadEvents();
    /** Buffers the inputs read so far are done with, for the next ones (at most one set per reader thread, plus one). */
    private final java.util.concurrent.BlockingQueue<ReadBuffers> freeBuffers;
    private final List<String> errors = new ArrayList<>();

    /**
     * Events of the inputs.
     *
     * @param maxEventBytes the largest event, in bytes; larger ones are skipped and counted
     * @param progress      where to report how much was read
     */
    public EventSource(List<Input> inputs, InputFormat format, int maxEventBytes, Progress progress) {
        this(inputs, format, maxEventBytes, progress, 1);
    }

    /**
     * Events of the inputs, read by {@code readers} threads.
     *
     * @param maxEventBytes the largest event, in bytes; larger ones are skipped and counted
     * @param progress      where to report how much was read
     * @param readers       how many inputs to read at once: 1 reads them one after the other on the calling thread
     */
    public EventSource(List<Input> inputs, InputFormat format, int maxEventBytes, Progress progress, int readers) {
        this.inputs = List.copyOf(inputs);
        this.format = Objects.requireNonNull(format, "format");
        this.maxEventBytes = maxEventBytes;
        this.progress = Objects.requireNonNull(progress, "progress");
        if (readers < 1) {
            throw new IllegalArgumentException("readers must be at least 1, not " + readers);
        }
        this.readers = readers;
        this.freeBuffers = new java.util.concurrent.ArrayBlockingQueue<>(readers + 1);
    }

    /** The total size of the inputs, or -1 if any is unknown. */
    public static long totalSize(List<Input> inputs) {
        long total = 0;
        for (Input input : inputs) {
            if (input.size() < 0) {
                return -1;
            }
            total += input.size();
        }
        return total;
    }

    /** Thrown through the readers when the sink fails, so that its error is not taken for an input's. */
    private static final class SinkFailure extends RuntimeException {
        SinkFailure(IOException cause) {
            super(cause);
        }
    }

    /**
     * Streams every event of every input to the sink, in input order.
     *
     * @return false if the sink asked to stop
     * @throws UncheckedIOException if the sink failed to write
     */
    public boolean forEach(EventSink sink) {
        return forEach(EventSelector.ALL, sink);
    }

    /**
     * Streams the events of every input that the selector selects to the sink, in input order. The selector runs on
     * the reader threads (so, with several readers, in parallel); the sink on the calling thread.
     *
     * @return false if the sink asked to stop
     * @throws UncheckedIOException if the sink failed to write
     */
    public boolean forEach(EventSelector selector, EventSink sink) {
        Objects.requireNonNull(selector, "selector");
        EventSink guarded = event -> {
            try {
                return sink.accept(event);
            } catch (IOException e) {
                throw new SinkFailure(e);
            }
        };
        try {
            if (readers > 1) {
                return readInParallel(selector, guarded);
            }
            for (Input input : inputs) {
                if (!read(input, event -> !selector.select(event, bad) || guarded.accept(event), bad, errors)) {
                    return false;
                }
            }
            return true;
        } catch (SinkFailure e) {
            throw new UncheckedIOException((IOException) e.getCause());
        } finally {
            progress.finish();
        }
    }

    private boolean read(Input input, EventSink sink, BadEvents bad, List<String> errors) {
        InputStream raw;
        try {
            raw = input.opener().open();
        } catch (IOException e) {
            errors.add("cannot read '" + input.name() + "': " + describe(e));
            return true;
        }
        ReadBuffers buffers = freeBuffers.poll();
        if (buffers == null) {
            buffers = new ReadBuffers();
        }
        try (InputStream stored = new CountingInputStream(raw, progress);
             PooledBufferedInputStream in = decompressed(new PooledBufferedInputStream(stored, buffers.stored), buffers)) {
            InputFormat detected = format == InputFormat.AUTO ? detect(in, buffers.head) : format;
            skipByteOrderMark(in);
            // No byte read from here on is read again: reads as large as the buffer go straight to the reader's.
            in.forgetMark();
            // Gzip data cut short end the input where they end, as a plain file cut short does: the reader delivers
            // what came before and says where it broke (a CloudTrail document: in which record); then it is an error.
            PooledGzipInputStream gzip = in.source() instanceof PooledGzipInputStream g ? g : null;
            try {
                boolean more = reader(detected, buffers.events).read(in, new Event(input.name()), sink, bad);
                if (gzip != null && gzip.truncated) {
                    throw new EOFException();
                }
                return more;
            } catch (IOException e) {
                if (gzip != null && gzip.truncated && !(e instanceof EOFException)) {
                    throw new IOException("its gzip data end early (truncated?): " + e.getMessage(), e);
                }
                throw e;
            }
        } catch (IOException e) {
            errors.add("error reading '" + input.name() + "': " + describe(e));
            return true;
        } finally {
            // Whatever happened, the input is done with them: nothing read crosses to another thread uncopied.
            freeBuffers.offer(buffers);
        }
    }

    /**
     * The buffers one input is read with, handed from input to input: a directory of CloudTrail files of a few hundred
     * kilobytes each would otherwise allocate (and clear) more than each file holds, and keep the collector busy.
     */
    private static final class ReadBuffers {
        final byte[] stored = new byte[BUFFER];
        final byte[] inflated = new byte[BUFFER];
        final byte[] compressed = new byte[BUFFER];
        final byte[] head = new byte[SNIFF_BYTES];
        final byte[] events = new byte[EVENT_BUFFER];
    }

    /** A BufferedInputStream on a buffer it is given (its own buffer field is protected for subclasses to set). */
    private static final class PooledBufferedInputStream extends BufferedInputStream {
        PooledBufferedInputStream(InputStream in, byte[] buffer) {
            super(in, 1);
            buf = buffer;
        }

        /** The stream it buffers. */
        InputStream source() {
            return in;
        }

        /**
         * Drops the mark: a BufferedInputStream that holds one copies every read through its buffer (until the mark
         * limit is passed), even reads larger than the buffer, which otherwise go straight to the stream.
         */
        void forgetMark() {
            markpos = -1;
        }
    }

    /**
     * A GZIPInputStream that reads the compressed bytes through a buffer it is given; compressed data cut short end
     * the stream, and are noted in {@link #truncated}, instead of throwing.
     */
    private static final class PooledGzipInputStream extends GZIPInputStream {
        boolean truncated;

        PooledGzipInputStream(InputStream in, byte[] buffer) throws IOException {
            // The header is read from the stream itself, not through the buffer, so it can be swapped in after.
            super(in, 1);
            buf = buffer;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (truncated) {
                return -1;
            }
            try {
                return super.read(b, off, len);
            } catch (EOFException e) {
                truncated = true;
                return -1;
            }
        }
    }

    private EventReader reader(InputFormat f, byte[] buffer) {
        switch (f) {
            case LINES:
                return new LineEventReader(maxEventBytes, buffer);
            case EXPORT:
                return new ExportEventReader(maxEventBytes, buffer);
            case CLOUDTRAIL:
                return new CloudTrailEventReader(maxEventBytes, buffer);
            case EVENTS:
                return new JsonDocumentEventReader(maxEventBytes);
            default:
                throw new IllegalStateException("no reader for " + f);
        }
    }

    private static String describe(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof EOFException) {
            return "it ends in the middle of its gzip data (truncated?); the events before were read";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** The stream decompressed if it starts with gzip's magic bytes; gzip members that follow one another all count. */
    private static PooledBufferedInputStream decompressed(PooledBufferedInputStream in, ReadBuffers buffers)
            throws IOException {
        in.mark(2);
        int b1 = in.read();
        int b2 = in.read();
        in.reset();
        if (b1 == 0x1f && b2 == 0x8b) {
            return new PooledBufferedInputStream(new PooledGzipInputStream(in, buffers.compressed), buffers.inflated);
        }
        return in;
    }

    private static void skipByteOrderMark(BufferedInputStream in) throws IOException {
        in.mark(3);
        if (!(in.read() == 0xEF && in.read() == 0xBB && in.read() == 0xBF)) {
            in.reset();
        }
    }

    /**
     * Decides the format of a (decompressed) input from its first bytes, leaving the stream where it was. The first
     * {@value #QUICK_SNIFF_BYTES} bytes are looked at first: they hold the start of a CloudTrail file or of the output
     * of {@code aws logs}, which only they decide; anything else is decided on the first {@value #SNIFF_BYTES} (a
     * directory of CloudTrail files is not copied 64 KiB a file to learn what its first dozen bytes say).
     */
    private static InputFormat detect(BufferedInputStream in, byte[] head) throws IOException {
        in.mark(SNIFF_BYTES);
        int n = 0;
        while (n < QUICK_SNIFF_BYTES) {
            int r = in.read(head, n, QUICK_SNIFF_BYTES - n);
            if (r < 0) {
                break;
            }
            n += r;
        }
        InputFormat document = documentFormat(head, n);
        if (document != null) {
            in.reset();
            return document;
        }
        while (n < head.length) {
            int r = in.read(head, n, head.length - n);
            if (r < 0) {
                break;
            }
            n += r;
        }
        in.reset();
        return detect(head, n);
    }

    static InputFormat detect(byte[] head, int n) {
        InputFormat document = documentFormat(head, n);
        if (document != null) {
            return document;
        }
        int firstLine = startsWithByteOrderMark(head, n) ? 3 : 0;
        if (Timestamps.exportPrefix(head, firstLine, n) != Event.NO_TIMESTAMP) {
            return InputFormat.EXPORT;
        }
        return InputFormat.LINES;
    }

    private static boolean startsWithByteOrderMark(byte[] head, int n) {
        return n >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF;
    }

    /**
     * CLOUDTRAIL or EVENTS if {@code head[0, n)} (after a byte order mark and blanks) starts a JSON object whose first
     * field is a {@code Records} or {@code events} array; null otherwise. A non-null answer on a prefix of the head
     * is the answer on the whole head (the three tokens it reads are complete in the prefix).
     */
    private static InputFormat documentFormat(byte[] head, int n) {
        int i = startsWithByteOrderMark(head, n) ? 3 : 0;
        while (i < n && (head[i] == ' ' || head[i] == '\t' || head[i] == '\r' || head[i] == '\n')) {
            i++;
        }
        if (i >= n || head[i] != '{') {
            return null;
        }
        // CloudTrail writes its files compact: their first bytes need no parser.
        if (n - i >= CLOUDTRAIL_START.length && Arrays.equals(head, i, i + CLOUDTRAIL_START.length,
                CLOUDTRAIL_START, 0, CLOUDTRAIL_START.length)) {
            return InputFormat.CLOUDTRAIL;
        }
        return document(head, i, n);
    }

    /** CLOUDTRAIL or EVENTS if the object's first field is a Records or events array; null otherwise. */
    private static InputFormat document(byte[] head, int from, int n) {
        try (JsonParser p = JSON.createParser(head, from, n - from)) {
            if (p.nextToken() != JsonToken.START_OBJECT || p.nextToken() != JsonToken.FIELD_NAME) {
                return null;
            }
            String name = p.currentName();
            if (p.nextToken() != JsonToken.START_ARRAY) {
                return null;
            }
            if (name.equals(JsonDocumentEventReader.CLOUDTRAIL_ARRAY)) {
                return InputFormat.CLOUDTRAIL;
            }
            return name.equals(JsonDocumentEventReader.LOG_EVENTS_ARRAY) ? InputFormat.EVENTS : null;
        } catch (IOException e) {
            return null;
        }
    }

    static final int CHUNK_BYTES = 256 * 1024;
    static final int CHUNK_EVENTS = 4096;
    static final int QUEUED_CHUNKS = 4;

    /** Chunks the sink is done with, for the readers to fill again instead of allocating (bounded). */
    private final java.util.concurrent.BlockingQueue<Chunk> freeChunks =
            new java.util.concurrent.ArrayBlockingQueue<>(32);

    /** Reads up to readers + 1 inputs ahead on reader threads and replays their events to the sink in input order. */
    private boolean readInParallel(EventSelector selector, EventSink sink) {
        int n = inputs.size();
        int window = readers + 1;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(
                Math.max(1, Math.min(readers, n)), task -> {
                    Thread t = new Thread(task, "cwfilter-reader");
                    t.setDaemon(true);
                    return t;
                });
        Reading[] readings = new Reading[n];
        try {
            for (int k = 0; k < Math.min(window, n); k++) {
                readings[k] = start(pool, inputs.get(k), selector);
            }
            for (int k = 0; k < n; k++) {
                boolean go = readings[k].replay(sink);
                bad.addAll(readings[k].bad);
                errors.addAll(readings[k].errors);
                readings[k] = null;
                if (!go) {
                    return false;
                }
                if (k + window < n) {
                    readings[k + window] = start(pool, inputs.get(k + window), selector);
                }
            }
            return true;
        } finally {
            for (Reading r : readings) {
                if (r != null) {
                    r.cancelled = true;
                }
            }
            pool.shutdownNow();
        }
    }

    private Reading start(java.util.concurrent.ExecutorService pool, Input input, EventSelector selector) {
        Reading reading = new Reading(input, selector);
        pool.execute(reading);
        return reading;
    }

    /** Events copied out of a reader's buffers, to cross from a reader thread to the sink's. */
    private static final class Chunk {
        static final Chunk END = new Chunk(0);

        final byte[] data;
        final int[] offsets = new int[CHUNK_EVENTS];
        final int[] lengths = new int[CHUNK_EVENTS];
        final long[] lines = new long[CHUNK_EVENTS];
        final long[] times = new long[CHUNK_EVENTS];
        final Event.TimestampFinder[] finders = new Event.TimestampFinder[CHUNK_EVENTS];
        final boolean[] records = new boolean[CHUNK_EVENTS];
        int used;
        int count;

        Chunk(int bytes) {
            data = new byte[bytes];
        }

        boolean fits(int length) {
            return count < CHUNK_EVENTS && used + length <= data.length;
        }

        void add(Event e) {
            int length = e.length();
            System.arraycopy(e.bytes(), e.offset(), data, used, length);
            offsets[count] = used;
            lengths[count] = length;
            lines[count] = e.line();
            records[count] = e.isRecord();
            if (e.timestampKnown()) {
                times[count] = e.timestamp();
                finders[count] = null;
            } else {
                finders[count] = e.finder();
            }
            used += length;
            count++;
        }

        boolean replay(Event event, EventSink sink) throws IOException {
            for (int i = 0; i < count; i++) {
                if (records[i]) {
                    if (finders[i] != null) {
                        event.setLazyRecord(data, offsets[i], lengths[i], lines[i], finders[i]);
                    } else {
                        event.setRecord(data, offsets[i], lengths[i], lines[i], times[i]);
                    }
                } else if (finders[i] != null) {
                    event.setLazy(data, offsets[i], lengths[i], lines[i], finders[i]);
                } else {
                    event.set(data, offsets[i], lengths[i], lines[i], times[i]);
                }
                if (!sink.accept(event)) {
                    return false;
                }
            }
            return true;
        }
    }

    /** Thrown through a reader when its reading was cancelled (the sink stopped, or failed). */
    private static final class Cancelled extends RuntimeException {
        Cancelled() {
            super(null, null, false, false);
        }
    }

    /** One input read on a reader thread into a bounded queue of chunks, with its own bad events and errors. */
    private final class Reading implements Runnable {
        final Input input;
        final EventSelector selector;
        final java.util.concurrent.BlockingQueue<Chunk> queue =
                new java.util.concurrent.ArrayBlockingQueue<>(QUEUED_CHUNKS + 1);
        final BadEvents bad = new BadEvents();
        final List<String> errors = new ArrayList<>();
        volatile boolean cancelled;
        private volatile Throwable failure;
        private Chunk current;

        Reading(Input input, EventSelector selector) {
            this.input = input;
            this.selector = selector;
        }

        @Override
        public void run() {
            try {
                read(input, event -> {
                    if (cancelled) {
                        throw new Cancelled();
                    }
                    if (!selector.select(event, bad)) {
                        return true;
                    }
                    if (current == null || !current.fits(event.length())) {
                        send();
                        Chunk free = event.length() <= CHUNK_BYTES ? freeChunks.poll() : null;
                        current = free != null ? free : new Chunk(Math.max(CHUNK_BYTES, event.length()));
                    }
                    current.add(event);
                    return true;
                }, bad, errors);
                send();
            } catch (Cancelled e) {
                return;
            } catch (RuntimeException | Error e) {
                failure = e;
            }
            put(Chunk.END);
        }

        private void send() {
            if (current != null && current.count > 0) {
                put(current);
            }
            current = null;
        }

        private void put(Chunk chunk) {
            try {
                while (!queue.offer(chunk, 100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                    if (cancelled) {
                        throw new Cancelled();
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Cancelled();
            }
        }

        /** Hands every event of the input to the sink, in order; false if the sink asked to stop. */
        boolean replay(EventSink sink) {
            Event event = new Event(input.name());
            while (true) {
                Chunk chunk;
                try {
                    chunk = queue.take();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new SinkFailure(new java.io.InterruptedIOException("interrupted while reading "
                            + input.name()));
                }
                if (chunk == Chunk.END) {
                    Throwable t = failure;
                    if (t instanceof RuntimeException) {
                        throw (RuntimeException) t;
                    }
                    if (t instanceof Error) {
                        throw (Error) t;
                    }
                    return true;
                }
                try {
                    if (!chunk.replay(event, sink)) {
                        return false;
                    }
                } catch (IOException e) {
                    throw new SinkFailure(e);
                }
                if (chunk.data.length == CHUNK_BYTES) {
                    chunk.used = 0;
                    chunk.count = 0;
                    freeChunks.offer(chunk);
                }
            }
        }
    }

    /** The events that were skipped or are worth a word, by kind. */
    public BadEvents badEvents() {
        return bad;
    }

    /** One message per input that could not be opened or read to its end. */
    public List<String> errors() {
        return List.copyOf(errors);
    }
}
