package dev.cwfilter.cli.input;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * JSON documents that hold events in an array, read record by record with jackson-core's streaming parser (never the
 * whole document in memory):
 * <ul>
 *   <li>{@code {"Records":[...]}}, as CloudTrail writes its log files to S3: each record is one event, its message
 *       the record's compact JSON (what CloudTrail delivers to CloudWatch Logs), its time the record's
 *       {@code eventTime};</li>
 *   <li>{@code {"events":[...]}}, as {@code aws logs filter-log-events} and {@code get-log-events} print: each
 *       element's {@code message} and {@code timestamp}.</li>
 * </ul>
 * Other top-level fields are skipped, and several documents may follow one another (CloudTrail files concatenated).
 * JSON that is not well formed ends the input: what came before it was delivered, the rest is counted as malformed.
 */
final class JsonDocumentEventReader implements EventReader {

    static final String CLOUDTRAIL_ARRAY = "Records";
    static final String LOG_EVENTS_ARRAY = "events";

    private static final JsonFactory JSON = JsonFactory.builder().build();

    private final int maxEventBytes;
    private final Buffer record = new Buffer();

    JsonDocumentEventReader(int maxEventBytes) {
        this.maxEventBytes = maxEventBytes;
    }

    /** A byte array output stream whose bytes can be read in place. */
    private static final class Buffer extends ByteArrayOutputStream {
        byte[] array() {
            return buf;
        }
    }

    @Override
    public boolean read(InputStream in, Event event, EventSink sink, BadEvents bad) throws IOException {
        try (JsonParser p = JSON.createParser(in)) {
            JsonToken token;
            while ((token = p.nextToken()) != null) {
                if (token != JsonToken.START_OBJECT) {
                    bad.add(BadEvents.Kind.MALFORMED, event.source(), line(p), "expected a JSON object with a"
                            + " \"Records\" or \"events\" array, found " + p.getText());
                    p.skipChildren();
                    continue;
                }
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    JsonToken value = p.nextToken();
                    boolean cloudTrail = name.equals(CLOUDTRAIL_ARRAY);
                    if (value == JsonToken.START_ARRAY && (cloudTrail || name.equals(LOG_EVENTS_ARRAY))) {
                        if (!readArray(p, cloudTrail, event, sink, bad)) {
                            return false;
                        }
                    } else {
                        p.skipChildren();
                    }
                }
            }
        } catch (StreamReadException e) {
            long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            bad.add(BadEvents.Kind.MALFORMED, event.source(), line, "not valid JSON (" + e.getOriginalMessage()
                    + "); the rest of the input was skipped");
        }
        return true;
    }

    private boolean readArray(JsonParser p, boolean cloudTrail, Event event, EventSink sink, BadEvents bad)
            throws IOException {
        JsonToken token;
        while ((token = p.nextToken()) != JsonToken.END_ARRAY) {
            long line = line(p);
            if (token != JsonToken.START_OBJECT) {
                bad.add(BadEvents.Kind.MALFORMED, event.source(), line, (cloudTrail ? "a record" : "an event")
                        + " that is not a JSON object");
                p.skipChildren();
                continue;
            }
            boolean delivered = cloudTrail ? readRecord(p, line, event, bad) : readLogEvent(p, line, event, bad);
            if (delivered && !sink.accept(event)) {
                return false;
            }
        }
        return true;
    }

    /** Copies one CloudTrail record as compact JSON, noting its eventTime; false if it was too large. */
    private boolean readRecord(JsonParser p, long line, Event event, BadEvents bad) throws IOException {
        record.reset();
        long time = Event.NO_TIMESTAMP;
        boolean oversized = false;
        try (JsonGenerator g = JSON.createGenerator(record)) {
            int depth = 0;
            JsonToken token = p.currentToken();
            while (true) {
                if (depth == 1 && token == JsonToken.FIELD_NAME && p.currentName().equals("eventTime")) {
                    if (!oversized) {
                        g.copyCurrentEvent(p);
                    }
                    token = p.nextToken();
                    if (token == JsonToken.VALUE_STRING) {
                        time = Timestamps.iso(p.getText());
                    }
                }
                if (!oversized) {
                    g.copyCurrentEventExact(p);
                    oversized = record.size() + g.getOutputBuffered() > maxEventBytes;
                }
                if (token.isStructStart()) {
                    depth++;
                } else if (token.isStructEnd()) {
                    depth--;
                }
                if (depth == 0) {
                    break;
                }
                token = p.nextToken();
                if (token == null) {
                    throw new JsonParseException(p, "unexpected end of input inside a record");
                }
            }
            if (oversized) {
                bad.add(BadEvents.Kind.OVERSIZED, event.source(), line, null);
                return false;
            }
        }
        event.set(record.array(), 0, record.size(), line, time);
        return true;
    }

    /** Reads one {@code {"timestamp":..., "message":...}} element; false if it has no message or it is too large. */
    private boolean readLogEvent(JsonParser p, long line, Event event, BadEvents bad) throws IOException {
        long time = Event.NO_TIMESTAMP;
        String message = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            if (name.equals("message") && value == JsonToken.VALUE_STRING) {
                message = p.getText();
            } else if (name.equals("timestamp") && value == JsonToken.VALUE_NUMBER_INT) {
                time = p.getLongValue();
            } else if (name.equals("timestamp") && value == JsonToken.VALUE_STRING) {
                time = Timestamps.iso(p.getText());
            } else {
                p.skipChildren();
            }
        }
        if (message == null || message.isEmpty()) {
            bad.add(BadEvents.Kind.MALFORMED, event.source(), line, "an event without a message");
            return false;
        }
        byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > maxEventBytes) {
            bad.add(BadEvents.Kind.OVERSIZED, event.source(), line, null);
            return false;
        }
        event.set(bytes, 0, bytes.length, line, time);
        return true;
    }

    private static long line(JsonParser p) {
        return p.currentTokenLocation().getLineNr();
    }
}
