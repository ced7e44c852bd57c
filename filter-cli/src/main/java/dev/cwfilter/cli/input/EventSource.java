package dev.cwfilter.cli.input;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
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
 * are counted in {@link #badEvents()}. Not thread-safe.
 */
public final class EventSource {

    private static final int BUFFER = 64 * 1024;
    private static final int SNIFF_BYTES = 64 * 1024;
    private static final JsonFactory JSON = new JsonFactory();

    private final List<Input> inputs;
    private final InputFormat format;
    private final int maxEventBytes;
    private final Progress progress;
    private final BadEvents bad = new BadEvents();
    private final List<String> errors = new ArrayList<>();

    /**
     * Events of the inputs.
     *
     * @param maxEventBytes the largest event, in bytes; larger ones are skipped and counted
     * @param progress      where to report how much was read
     */
    public EventSource(List<Input> inputs, InputFormat format, int maxEventBytes, Progress progress) {
        this.inputs = List.copyOf(inputs);
        this.format = Objects.requireNonNull(format, "format");
        this.maxEventBytes = maxEventBytes;
        this.progress = Objects.requireNonNull(progress, "progress");
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
        EventSink guarded = event -> {
            try {
                return sink.accept(event);
            } catch (IOException e) {
                throw new SinkFailure(e);
            }
        };
        try {
            for (Input input : inputs) {
                if (!read(input, guarded)) {
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

    private boolean read(Input input, EventSink sink) {
        InputStream raw;
        try {
            raw = input.opener().open();
        } catch (IOException e) {
            errors.add("cannot read '" + input.name() + "': " + describe(e));
            return true;
        }
        try (InputStream stored = new CountingInputStream(raw, progress)) {
            BufferedInputStream in = decompressed(new BufferedInputStream(stored, BUFFER));
            InputFormat detected = format == InputFormat.AUTO ? detect(in) : format;
            skipByteOrderMark(in);
            return reader(detected).read(in, new Event(input.name()), sink, bad);
        } catch (IOException e) {
            errors.add("error reading '" + input.name() + "': " + describe(e));
            return true;
        }
    }

    private EventReader reader(InputFormat f) {
        switch (f) {
            case LINES:
                return new LineEventReader(maxEventBytes);
            case EXPORT:
                return new ExportEventReader(maxEventBytes);
            case CLOUDTRAIL:
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
    static BufferedInputStream decompressed(BufferedInputStream in) throws IOException {
        in.mark(2);
        int b1 = in.read();
        int b2 = in.read();
        in.reset();
        if (b1 == 0x1f && b2 == 0x8b) {
            return new BufferedInputStream(new GZIPInputStream(in, BUFFER), BUFFER);
        }
        return in;
    }

    private static void skipByteOrderMark(BufferedInputStream in) throws IOException {
        in.mark(3);
        if (!(in.read() == 0xEF && in.read() == 0xBB && in.read() == 0xBF)) {
            in.reset();
        }
    }

    /** Decides the format of a (decompressed) input from its first bytes, leaving the stream where it was. */
    static InputFormat detect(BufferedInputStream in) throws IOException {
        byte[] head = new byte[SNIFF_BYTES];
        in.mark(SNIFF_BYTES);
        int n = 0;
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
        int i = 0;
        if (n >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
            i = 3;
        }
        int firstLine = i;
        while (i < n && (head[i] == ' ' || head[i] == '\t' || head[i] == '\r' || head[i] == '\n')) {
            i++;
        }
        if (i < n && head[i] == '{') {
            InputFormat document = document(head, i, n);
            if (document != null) {
                return document;
            }
        }
        if (Timestamps.exportPrefix(head, firstLine, n) != Event.NO_TIMESTAMP) {
            return InputFormat.EXPORT;
        }
        return InputFormat.LINES;
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

    /** The events that were skipped or are worth a word, by kind. */
    public BadEvents badEvents() {
        return bad;
    }

    /** One message per input that could not be opened or read to its end. */
    public List<String> errors() {
        return List.copyOf(errors);
    }
}
