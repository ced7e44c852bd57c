package dev.cwfilter.cli.input;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** Reading event timestamps: the CloudWatch Logs export prefix, ISO-8601 text, and the fields of JSON events. */
final class Timestamps {

    /** {@code 2026-11-21T12:00:00.000Z} and the space after it, as CloudWatch Logs writes each exported event. */
    static final int EXPORT_PREFIX_LENGTH = 25;

    private static final String EXPORT_SHAPE = "dddd-dd-ddTdd:dd:dd.dddZ ";
    private static final JsonFactory JSON = new JsonFactory();

    private Timestamps() {
    }

    /** The time of a CloudWatch Logs export line's prefix, or {@link Event#NO_TIMESTAMP} if it has none. */
    static long exportPrefix(byte[] b, int from, int to) {
        if (to - from < EXPORT_PREFIX_LENGTH) {
            return Event.NO_TIMESTAMP;
        }
        for (int i = 0; i < EXPORT_PREFIX_LENGTH; i++) {
            char want = EXPORT_SHAPE.charAt(i);
            byte c = b[from + i];
            if (want == 'd' ? c < '0' || c > '9' : c != want) {
                return Event.NO_TIMESTAMP;
            }
        }
        try {
            long day = LocalDate.of(digits(b, from, 4), digits(b, from + 5, 2), digits(b, from + 8, 2)).toEpochDay();
            int hour = digits(b, from + 11, 2);
            int minute = digits(b, from + 14, 2);
            int second = digits(b, from + 17, 2);
            if (hour > 23 || minute > 59 || second > 59) {
                return Event.NO_TIMESTAMP;
            }
            return ((day * 24 + hour) * 60 + minute) * 60_000L + second * 1000L + digits(b, from + 20, 3);
        } catch (DateTimeException e) {
            return Event.NO_TIMESTAMP;
        }
    }

    private static int digits(byte[] b, int from, int n) {
        int v = 0;
        for (int i = 0; i < n; i++) {
            v = v * 10 + (b[from + i] - '0');
        }
        return v;
    }

    /** An ISO-8601 instant with a zone offset ({@code 2026-11-21T12:03:14Z}), or {@link Event#NO_TIMESTAMP}. */
    static long iso(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant().toEpochMilli();
        } catch (DateTimeParseException | ArithmeticException e) {
            return Event.NO_TIMESTAMP;
        }
    }

    /**
     * The timestamp a JSON event carries in a top-level field: {@code timestamp} (epoch milliseconds, or ISO-8601
     * text) or {@code eventTime} (CloudTrail's ISO-8601 text); {@link Event#NO_TIMESTAMP} for anything else.
     */
    static long jsonField(byte[] b, int from, int length) {
        int i = from;
        int to = from + length;
        while (i < to && (b[i] == ' ' || b[i] == '\t')) {
            i++;
        }
        if (i == to || b[i] != '{') {
            return Event.NO_TIMESTAMP;
        }
        try (JsonParser p = JSON.createParser(b, i, to - i)) {
            p.nextToken();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (name.equals("timestamp") || name.equals("eventTime")) {
                    if (value == JsonToken.VALUE_NUMBER_INT) {
                        return p.getLongValue();
                    }
                    if (value == JsonToken.VALUE_STRING) {
                        long t = iso(p.getText());
                        if (t != Event.NO_TIMESTAMP) {
                            return t;
                        }
                    }
                }
                p.skipChildren();
            }
        } catch (IOException e) {
            // Not JSON after all: a plain line has no timestamp.
        }
        return Event.NO_TIMESTAMP;
    }
}
