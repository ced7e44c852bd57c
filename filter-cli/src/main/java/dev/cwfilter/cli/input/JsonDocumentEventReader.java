package dev.cwfilter.cli.input;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * {@code {"events":[...]}}, as {@code aws logs filter-log-events} and {@code get-log-events} print it, read event by
 * event with jackson-core's streaming parser (never the whole document in memory): each element's {@code message}
 * and {@code timestamp}. Other top-level fields are skipped, and several documents may follow one another. JSON that
 * is not well formed ends the input: what came before it was delivered, the rest is counted as malformed.
 * (CloudTrail's {@code {"Records":[...]}} files are read by {@link CloudTrailEventReader}, straight from the bytes.)
 */
final class JsonDocumentEventReader implements EventReader {

    static final String CLOUDTRAIL_ARRAY = "Records";
    static final String LOG_EVENTS_ARRAY = "events";

    private static final JsonFactory JSON = JsonFactory.builder().build();

    private final int maxEventBytes;
    /**
     * How many elements of {@code events} arrays this input has had so far: a bad event is named by its index, since
     * a document on one line (as {@code jq -c} writes it) has every event on line 1.
     */
    private long index;

    JsonDocumentEventReader(int maxEventBytes) {
        this.maxEventBytes = maxEventBytes;
    }

    @Override
    public boolean read(InputStream in, Event event, EventSink sink, BadEvents bad) throws IOException {
        try (JsonParser p = JSON.createParser(in)) {
            JsonToken token;
            while ((token = p.nextToken()) != null) {
                if (token != JsonToken.START_OBJECT) {
                    bad.add(BadEvents.Kind.MALFORMED, event.source(), line(p), "expected a JSON object with a"
                            + " \"events\" array, found " + p.getText());
                    p.skipChildren();
                    continue;
                }
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    JsonToken value = p.nextToken();
                    if (value == JsonToken.START_ARRAY && name.equals(LOG_EVENTS_ARRAY)) {
                        if (!readArray(p, event, sink, bad)) {
                            return false;
                        }
                    } else {
                        p.skipChildren();
                    }
                }
            }
        } catch (StreamReadException e) {
            String where = e.getLocation() == null ? "line 0" : "line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr();
            bad.add(BadEvents.Kind.MALFORMED, event.source(), where + (index == 0 ? "" : " (after event " + index
                    + ")"), "not valid JSON (" + e.getOriginalMessage() + "); the rest of the input was skipped");
        }
        return true;
    }

    private boolean readArray(JsonParser p, Event event, EventSink sink, BadEvents bad)
            throws IOException {
        JsonToken token;
        while ((token = p.nextToken()) != JsonToken.END_ARRAY) {
            long line = line(p);
            index++;
            if (token != JsonToken.START_OBJECT) {
                bad.add(BadEvents.Kind.MALFORMED, event.source(), where(line), "an event that is not a JSON object");
                p.skipChildren();
                continue;
            }
            boolean delivered = readLogEvent(p, line, event, bad);
            if (delivered && !sink.accept(event)) {
                return false;
            }
        }
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
            bad.add(BadEvents.Kind.MALFORMED, event.source(), where(line), "an event without a message");
            return false;
        }
        byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > maxEventBytes) {
            bad.add(BadEvents.Kind.OVERSIZED, event.source(), where(line), null);
            return false;
        }
        event.set(bytes, 0, bytes.length, line, time);
        return true;
    }

    /** The current event's place: {@code event 57 (line 1)}. */
    private String where(long line) {
        return "event " + index + " (line " + line + ")";
    }

    private static long line(JsonParser p) {
        return p.currentTokenLocation().getLineNr();
    }
}
