package dev.cwfilter.aws;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;
import dev.cwfilter.LogEvent;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * The streaming {@link CloudTrailRecordReader}: jackson-core's parser over the document, each record copied as
 * compact JSON (what CloudTrail delivers to CloudWatch Logs), the same approach as the command line's CloudTrail
 * reader. Thread-safe: it keeps no state between calls.
 */
final class StreamingCloudTrailRecordReader implements CloudTrailRecordReader {

    private static final JsonFactory JSON = JsonFactory.builder().build();

    private final int maxRecordChars;

    StreamingCloudTrailRecordReader(int maxRecordChars) {
        this.maxRecordChars = maxRecordChars;
    }

    @Override
    public long read(InputStream in, String source, RecordSink sink) throws IOException {
        long delivered = 0;
        boolean sawRecords = false;
        try (JsonParser p = JSON.createParser(in)) {
            JsonToken token = p.nextToken();
            if (token == null) {
                throw new IOException(source + ": empty, not a CloudTrail log file");
            }
            while (token != null) {
                if (token != JsonToken.START_OBJECT) {
                    throw new IOException(source + ": line " + p.currentTokenLocation().getLineNr()
                            + ": expected a JSON object with a \"Records\" array, found " + p.getText());
                }
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    JsonToken value = p.nextToken();
                    if (name.equals("Records") && value == JsonToken.START_ARRAY) {
                        sawRecords = true;
                        while ((token = p.nextToken()) != JsonToken.END_ARRAY) {
                            if (token != JsonToken.START_OBJECT) {
                                throw new IOException(source + ": line " + p.currentTokenLocation().getLineNr()
                                        + ": a record that is not a JSON object");
                            }
                            long line = p.currentTokenLocation().getLineNr();
                            LogEvent event = record(p, source, line, sink);
                            if (event != null) {
                                delivered++;
                                if (!sink.accept(event)) {
                                    return delivered;
                                }
                            }
                        }
                    } else {
                        p.skipChildren();
                    }
                }
                token = p.nextToken();
            }
        } catch (StreamReadException e) {
            long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new IOException(source + ": line " + line + ": not valid JSON (" + e.getOriginalMessage() + ")"
                    + (delivered > 0 ? "; the " + delivered + " records before it were read" : ""), e);
        }
        if (!sawRecords) {
            throw new IOException(source + ": no \"Records\" array, not a CloudTrail log file");
        }
        return delivered;
    }

    /** One record as compact JSON at its eventTime; null (skipped) for a record without a usable eventTime. */
    private LogEvent record(JsonParser p, String source, long line, RecordSink sink) throws IOException {
        StringWriter out = new StringWriter();
        long time = Long.MIN_VALUE;
        try (JsonGenerator g = JSON.createGenerator(out)) {
            int depth = 0;
            JsonToken token = p.currentToken();
            while (true) {
                if (depth == 1 && token == JsonToken.FIELD_NAME && p.currentName().equals("eventTime")) {
                    g.copyCurrentEvent(p);
                    token = p.nextToken();
                    if (token == JsonToken.VALUE_STRING) {
                        try {
                            time = Instant.parse(p.getText()).toEpochMilli();
                        } catch (DateTimeParseException e) {
                            time = Long.MIN_VALUE;
                        }
                    }
                }
                g.copyCurrentEventExact(p);
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
                    throw new IOException(source + ": the document ends inside a record");
                }
            }
        }
        if (time == Long.MIN_VALUE) {
            sink.skipped(source, "line " + line + ": a record without an ISO-8601 eventTime");
            return null;
        }
        if (out.getBuffer().length() > maxRecordChars) {
            sink.skipped(source, "line " + line + ": a record of more than " + maxRecordChars + " characters");
            return null;
        }
        return new LogEvent(time, out.toString());
    }
}
