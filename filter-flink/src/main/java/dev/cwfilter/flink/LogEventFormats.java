package dev.cwfilter.flink;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import dev.cwfilter.LogEvent;
import dev.cwfilter.io.CloudTrailRecordReader;
import dev.cwfilter.io.MalformedDocumentException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.file.src.reader.SimpleStreamFormat;
import org.apache.flink.connector.file.src.reader.StreamFormat;
import org.apache.flink.core.fs.FSDataInputStream;

/**
 * File formats of log events for Flink's {@code FileSource} (which also decompresses {@code .gz} files by their
 * extension): JSON lines, and CloudTrail log files. An event whose timestamp cannot be found is still produced, with
 * {@link #NO_TIMESTAMP}, so that {@link LogGroupOperator} reports it instead of it vanishing in the reader.
 *
 * <p>Stateless and thread-safe; each reader belongs to one split.
 */
public final class LogEventFormats {

    /** The timestamp of an event whose input has none: reported as malformed by {@link LogGroupOperator}. */
    public static final long NO_TIMESTAMP = Long.MIN_VALUE;

    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(Integer.MAX_VALUE).build())
            .build();

    private LogEventFormats() {
    }

    /**
     * One event per line (UTF-8; a trailing CR is dropped, blank lines are skipped): the message is the line, the
     * timestamp its top-level {@code timestamp} field (epoch milliseconds, or ISO-8601 text) or, failing that, its
     * {@code eventTime} (ISO-8601, as in CloudTrail records). A line longer than {@code maxEventBytes} is cut just past
     * the limit (so that it is reported as oversized, without holding the rest in memory).
     */
    public static StreamFormat<LogEvent> jsonLines(int maxEventBytes) {
        return new JsonLines(maxEventBytes);
    }

    /**
     * CloudTrail log files, {@code {"Records":[...]}} (one or more documents): one event per record, its message the
     * record's JSON text as it is in the file, its timestamp the record's {@code eventTime}, read by the core's
     * {@link CloudTrailRecordReader} (streamed, in bounded memory). A record over 1 MiB, an element that is not an
     * object, and a truncated or malformed document are reported (events without a timestamp whose message says what
     * and where), never thrown.
     */
    public static StreamFormat<LogEvent> cloudTrail() {
        return new CloudTrail();
    }

    /** The timestamp of a JSON line: {@code timestamp} (number or ISO text), else {@code eventTime}; else none. */
    static long timestampOf(String line) {
        long eventTime = NO_TIMESTAMP;
        try (JsonParser p = JSON.createParser(line)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return NO_TIMESTAMP;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (name.equals("timestamp")) {
                    if (value == JsonToken.VALUE_NUMBER_INT) {
                        return p.getLongValue();
                    }
                    if (value == JsonToken.VALUE_STRING) {
                        long t = iso(p.getText());
                        if (t != NO_TIMESTAMP) {
                            return t;
                        }
                    }
                } else if (name.equals("eventTime") && value == JsonToken.VALUE_STRING && eventTime == NO_TIMESTAMP) {
                    eventTime = iso(p.getText());
                }
                p.skipChildren();
            }
        } catch (IOException | RuntimeException e) {
            return eventTime;
        }
        return eventTime;
    }

    static long iso(String text) {
        try {
            return Instant.parse(text).toEpochMilli();
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(text).toInstant().toEpochMilli();
            } catch (DateTimeParseException again) {
                return NO_TIMESTAMP;
            }
        }
    }

    private static final class JsonLines extends SimpleStreamFormat<LogEvent> {
        private static final long serialVersionUID = 1L;
        private final int maxEventBytes;

        JsonLines(int maxEventBytes) {
            this.maxEventBytes = maxEventBytes;
        }

        @Override
        public StreamFormat.Reader<LogEvent> createReader(Configuration config, FSDataInputStream stream) {
            return new StreamFormat.Reader<>() {
                private final java.io.BufferedInputStream in = new java.io.BufferedInputStream(stream, 1 << 16);
                private final ByteArrayOutputStream line = new ByteArrayOutputStream(1024);

                @Override
                public LogEvent read() throws IOException {
                    while (true) {
                        line.reset();
                        int c;
                        boolean any = false;
                        while ((c = in.read()) != -1 && c != '\n') {
                            any = true;
                            if (line.size() <= maxEventBytes) {
                                line.write(c);
                            }
                        }
                        if (c == -1 && !any) {
                            return null;
                        }
                        String text = line.toString(StandardCharsets.UTF_8);
                        if (text.endsWith("\r")) {
                            text = text.substring(0, text.length() - 1);
                        }
                        if (text.isBlank()) {
                            if (c == -1) {
                                return null;
                            }
                            continue;
                        }
                        return new LogEvent(timestampOf(text), text);
                    }
                }

                @Override
                public void close() throws IOException {
                    in.close();
                }
            };
        }

        @Override
        public TypeInformation<LogEvent> getProducedType() {
            return CloudWatchTypes.LOG_EVENT;
        }
    }

    private static final class CloudTrail extends SimpleStreamFormat<LogEvent> {
        private static final long serialVersionUID = 1L;

        @Override
        public StreamFormat.Reader<LogEvent> createReader(Configuration config, FSDataInputStream stream) {
            CloudTrailRecordReader records = new CloudTrailRecordReader(stream);
            return new StreamFormat.Reader<>() {
                private boolean done;

                @Override
                public LogEvent read() throws IOException {
                    if (done) {
                        return null;
                    }
                    try {
                        if (!records.next()) {
                            done = true;
                            return null;
                        }
                    } catch (MalformedDocumentException e) {
                        // The records before were delivered; what is wrong is reported (as an event without a
                        // timestamp whose message says what), not thrown: a failing reader would restart the job over
                        // the same file for ever.
                        done = true;
                        return report("not a CloudTrail log file: " + e.getMessage());
                    }
                    if (records.oversized()) {
                        return report("document " + records.documentIndex() + ", record " + records.recordIndex()
                                + " (byte " + records.byteOffset() + ") is " + records.length()
                                + " bytes, over CloudWatch Logs' largest event");
                    }
                    if (!records.isObject()) {
                        return report("document " + records.documentIndex() + ", record " + records.recordIndex()
                                + " (byte " + records.byteOffset() + ") is not a JSON object");
                    }
                    return new LogEvent(records.eventTime(), new String(records.array(), records.offset(),
                            records.length(), StandardCharsets.UTF_8));
                }

                @Override
                public void close() throws IOException {
                    records.close();
                }
            };
        }

        private static LogEvent report(String what) {
            return new LogEvent(NO_TIMESTAMP, "cwfilter: " + what);
        }

        @Override
        public TypeInformation<LogEvent> getProducedType() {
            return CloudWatchTypes.LOG_EVENT;
        }
    }
}
