package dev.cwfilter.events;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.cwfilter.events.internal.JsonText;
import dev.cwfilter.events.internal.ReadOnlyEvents;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Wraps CloudTrail records into the events EventBridge delivers for them (EventBridge User Guide, "AWS service events
 * delivered via AWS CloudTrail"; CloudWatch Events "Event examples from supported services"; AWS-SHAPES §2). Each
 * field comes from the record:
 *
 * <table>
 * <caption>Where each envelope field comes from</caption>
 * <tr><th>field</th><th>value</th></tr>
 * <tr><td>{@code version}</td><td>{@code "0"}</td></tr>
 * <tr><td>{@code id}</td><td>a UUID: EventBridge makes a random one per event; by default one derived from the record
 *     (same record, same id), {@link Builder#randomIds()} for random ones</td></tr>
 * <tr><td>{@code detail-type}</td><td>from {@code eventType}: {@code AwsApiCall} → {@code AWS API Call via CloudTrail},
 *     {@code AwsServiceEvent} → {@code AWS Service Event via CloudTrail}, {@code AwsConsoleSignIn} → {@code AWS
 *     Console Sign In via CloudTrail}, {@code AwsConsoleAction} → {@code AWS Console Action via CloudTrail},
 *     {@code AwsCloudTrailInsight} → {@code AWS Insight via CloudTrail}, {@code AwsVpceEvent} → {@code AWS Network
 *     Activity Event via CloudTrail}</td></tr>
 * <tr><td>{@code source}</td><td>{@code "aws."} and the first label of {@code eventSource}
 *     ({@code secretsmanager.amazonaws.com} → {@code aws.secretsmanager}), but for the services in the override table
 *     ({@code monitoring.amazonaws.com} → {@code aws.cloudwatch}, the service's IAM prefix)</td></tr>
 * <tr><td>{@code account}</td><td>{@code recipientAccountId}, or {@code userIdentity.accountId} in records without
 *     it</td></tr>
 * <tr><td>{@code time}</td><td>{@code eventTime}, to the second, as {@code yyyy-MM-dd'T'HH:mm:ss'Z'}</td></tr>
 * <tr><td>{@code region}</td><td>{@code awsRegion}</td></tr>
 * <tr><td>{@code resources}</td><td>{@code []}: events delivered via CloudTrail carry no resource ARNs</td></tr>
 * <tr><td>{@code detail}</td><td>the record as written, every field kept, without insignificant whitespace</td></tr>
 * </table>
 *
 * <p>A record EventBridge would not deliver is an {@link UndeliverableEventException}: not a JSON object with
 * {@code eventType}, {@code eventSource}, {@code eventTime}, {@code awsRegion} and an account; an {@code eventType}
 * without a detail-type; or an event over 256 KB (262,144 bytes of UTF-8), the size above which EventBridge drops
 * CloudTrail events.
 *
 * <p>Immutable and thread-safe.
 */
public final class CloudTrailEnvelope {

    /** EventBridge's largest event, in bytes: 256 KB. */
    public static final int MAX_EVENT_BYTES = 256 * 1024;

    private static final Map<String, String> DETAIL_TYPES = Map.of(
            "AwsApiCall", "AWS API Call via CloudTrail",
            "AwsServiceEvent", "AWS Service Event via CloudTrail",
            "AwsConsoleSignIn", "AWS Console Sign In via CloudTrail",
            "AwsConsoleAction", "AWS Console Action via CloudTrail",
            "AwsCloudTrailInsight", "AWS Insight via CloudTrail",
            "AwsVpceEvent", "AWS Network Activity Event via CloudTrail");

    /** Services whose {@code source} is not the first label of their {@code eventSource}. */
    private static final Map<String, String> DEFAULT_SOURCES = Map.of("monitoring.amazonaws.com", "aws.cloudwatch");

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);

    private static final CloudTrailEnvelope DEFAULTS = builder().build();

    private final boolean randomIds;
    private final Map<String, String> sources;
    private final int maxEventBytes;

    private CloudTrailEnvelope(Builder b) {
        this.randomIds = b.randomIds;
        this.sources = Map.copyOf(b.sources);
        this.maxEventBytes = b.maxEventBytes;
    }

    /** Derived ids, the default source overrides, the 256 KB limit. */
    public static CloudTrailEnvelope defaults() {
        return DEFAULTS;
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** The detail-type EventBridge delivers a record of this {@code eventType} under, if any. */
    public static Optional<String> detailType(String eventType) {
        return Optional.ofNullable(DETAIL_TYPES.get(eventType));
    }

    /** The {@code source} of events from this {@code eventSource} ({@code kms.amazonaws.com} → {@code aws.kms}). */
    public String source(String eventSource) {
        String override = sources.get(eventSource);
        if (override != null) {
            return override;
        }
        int dot = eventSource.indexOf('.');
        return "aws." + (dot < 0 ? eventSource : eventSource.substring(0, dot));
    }

    /**
     * The event EventBridge delivers for a record.
     *
     * @param record the record's JSON, as CloudTrail writes it (one element of a log file's {@code Records})
     * @throws UndeliverableEventException if EventBridge would not deliver it
     */
    public EventBridgeEvent wrap(String record) {
        Objects.requireNonNull(record, "record");
        return wrapText(record);
    }

    /**
     * The event EventBridge delivers for a record given as UTF-8 bytes.
     *
     * @throws UndeliverableEventException if EventBridge would not deliver it
     */
    public EventBridgeEvent wrap(byte[] utf8, int offset, int length) {
        Objects.requireNonNull(utf8, "utf8");
        return wrapText(new String(utf8, offset, length, StandardCharsets.UTF_8));
    }

    private EventBridgeEvent wrapText(String record) {
        Facts f;
        try (JsonParser p = JsonText.FACTORY.createParser(record)) {
            f = read(p);
        } catch (IOException e) {
            throw notARecord("not well-formed JSON: " + firstLine(e.getMessage()));
        }
        return envelope(f, JsonText.stripWhitespace(record));
    }

    /** What the envelope reads from the record. */
    private static final class Facts {
        String eventType;
        String eventSource;
        String eventTime;
        String awsRegion;
        String recipientAccountId;
        String identityAccountId;
        String eventName;
        String eventCategory;
        String eventId;
        Boolean managementEvent;
    }

    /** Reads the fields the envelope needs, and checks that the whole record is one well-formed JSON object. */
    private static Facts read(JsonParser p) throws IOException {
        if (p.nextToken() != JsonToken.START_OBJECT) {
            throw notARecord("a CloudTrail record is a JSON object");
        }
        Facts f = new Facts();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            if (value == JsonToken.VALUE_STRING) {
                remember(f, name, p.getText());
            } else if ((value == JsonToken.VALUE_TRUE || value == JsonToken.VALUE_FALSE)
                    && name.equals("managementEvent")) {
                f.managementEvent = value == JsonToken.VALUE_TRUE;
            } else if (value == JsonToken.START_OBJECT && name.equals("userIdentity")) {
                readIdentity(p, f);
            } else {
                p.skipChildren();
            }
        }
        if (p.nextToken() != null) {
            throw notARecord("unexpected text after the record's JSON object");
        }
        return f;
    }

    private EventBridgeEvent envelope(Facts f, String compactDetail) {
        String detailType = DETAIL_TYPES.get(require(f.eventType, "eventType"));
        if (detailType == null) {
            throw new UndeliverableEventException(UndeliverableEventException.Reason.UNKNOWN_EVENT_TYPE,
                    "EventBridge delivers no event for eventType \"" + f.eventType + "\" (it knows "
                            + String.join(", ", new java.util.TreeSet<>(DETAIL_TYPES.keySet())) + ")");
        }
        String source = source(require(f.eventSource, "eventSource"));
        String time = time(require(f.eventTime, "eventTime"));
        String region = require(f.awsRegion, "awsRegion");
        String account = f.recipientAccountId != null ? f.recipientAccountId : f.identityAccountId;
        if (account == null) {
            throw notARecord("the record has neither recipientAccountId nor userIdentity.accountId");
        }
        // A record is one event of one account: its eventID with the account, source, name and time tells it from
        // every other (the AWS examples share eventIDs); a record without an eventID is told by all of its text.
        String id = randomIds ? EventIds.random()
                : EventIds.derived(f.eventId != null ? String.join("\n", f.eventId, account, f.eventSource,
                        String.valueOf(f.eventName), f.eventTime, region) : compactDetail);
        String json = EventBridgeEvent.envelope("0", id, detailType, source, account, time, region, List.of(),
                compactDetail);
        // A character is at most three bytes of UTF-8 (a surrogate pair four, for two characters): most events are
        // far enough below the limit to skip counting.
        int bytes = (long) json.length() * 3 <= maxEventBytes ? -1 : utf8Length(json);
        if (bytes > maxEventBytes) {
            throw new UndeliverableEventException(UndeliverableEventException.Reason.TOO_LARGE, "the event would be "
                    + bytes + " bytes; EventBridge delivers events of up to " + maxEventBytes);
        }
        return new EventBridgeEvent(json, "0", id, detailType, source, account, time, region, List.of(),
                EventBridgeEvent.DEFAULT_BUS, time, ReadOnlyEvents.isReadOnlyManagementEvent(detailType,
                f.eventSource, f.eventName, f.eventCategory, f.managementEvent));
    }

    private static void remember(Facts f, String name, String value) {
        switch (name) {
            case "eventType" -> f.eventType = value;
            case "eventSource" -> f.eventSource = value;
            case "eventTime" -> f.eventTime = value;
            case "awsRegion" -> f.awsRegion = value;
            case "recipientAccountId" -> f.recipientAccountId = value;
            case "eventName" -> f.eventName = value;
            case "eventCategory" -> f.eventCategory = value;
            case "eventID" -> f.eventId = value;
            default -> {
            }
        }
    }

    /** Reads userIdentity, remembering its accountId. */
    private static void readIdentity(JsonParser p, Facts f) throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            if (value == JsonToken.VALUE_STRING && name.equals("accountId")) {
                f.identityAccountId = p.getText();
            } else {
                p.skipChildren();
            }
        }
    }

    private static String require(String value, String field) {
        if (value == null) {
            throw notARecord("the record has no " + field + " string");
        }
        return value;
    }

    private static String time(String eventTime) {
        if (isWholeSecondUtc(eventTime)) {
            return eventTime;
        }
        try {
            return TIME.format(Instant.parse(eventTime).truncatedTo(ChronoUnit.SECONDS));
        } catch (DateTimeParseException e) {
            throw notARecord("eventTime \"" + eventTime + "\" is not an ISO-8601 UTC time");
        }
    }

    /** Whether a time is already {@code yyyy-MM-dd'T'HH:mm:ss'Z'}, as CloudTrail writes it, and valid. */
    private static boolean isWholeSecondUtc(String t) {
        if (t.length() != 20 || t.charAt(4) != '-' || t.charAt(7) != '-' || t.charAt(10) != 'T' || t.charAt(13) != ':'
                || t.charAt(16) != ':' || t.charAt(19) != 'Z') {
            return false;
        }
        for (int i : new int[] {0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18}) {
            if (t.charAt(i) < '0' || t.charAt(i) > '9') {
                return false;
            }
        }
        int month = (t.charAt(5) - '0') * 10 + t.charAt(6) - '0';
        int day = (t.charAt(8) - '0') * 10 + t.charAt(9) - '0';
        int hour = (t.charAt(11) - '0') * 10 + t.charAt(12) - '0';
        int minute = (t.charAt(14) - '0') * 10 + t.charAt(15) - '0';
        int second = (t.charAt(17) - '0') * 10 + t.charAt(18) - '0';
        // Days beyond a month's length (Feb 30) are left to the full parser, which rejects them.
        return month >= 1 && month <= 12 && day >= 1 && day <= 28 && hour <= 23 && minute <= 59 && second <= 59;
    }

    private static UndeliverableEventException notARecord(String why) {
        return new UndeliverableEventException(UndeliverableEventException.Reason.NOT_A_RECORD,
                "not a CloudTrail record: " + why);
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /**
     * The text's length in UTF-8: 1 to 4 bytes a code point, 3 for a surrogate without its pair (as filter-core's
     * {@code dev.cwfilter.io.Utf8.encodedLength} counts; filter-events does not depend on filter-core).
     */
    private static int utf8Length(String s) {
        return s.codePoints().map(cp -> cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4).sum();
    }

    /** Builds an envelope. Not thread-safe; the envelopes it builds are. */
    public static final class Builder {
        private boolean randomIds;
        private final Map<String, String> sources = new LinkedHashMap<>(DEFAULT_SOURCES);
        private int maxEventBytes = MAX_EVENT_BYTES;

        Builder() {
        }

        /** Random ids, as EventBridge gives, instead of ids derived from the records. */
        public Builder randomIds() {
            randomIds = true;
            return this;
        }

        /**
         * The {@code source} of events from one {@code eventSource}, overriding the first-label rule
         * ({@code source("monitoring.amazonaws.com", "aws.monitoring")}).
         */
        public Builder source(String eventSource, String source) {
            sources.put(Objects.requireNonNull(eventSource, "eventSource"), Objects.requireNonNull(source, "source"));
            return this;
        }

        /** The largest event delivered, in bytes of UTF-8; default {@value CloudTrailEnvelope#MAX_EVENT_BYTES}. */
        public Builder maxEventBytes(int bytes) {
            if (bytes <= 0) {
                throw new IllegalArgumentException("maxEventBytes must be positive, not " + bytes);
            }
            maxEventBytes = bytes;
            return this;
        }

        /** The envelope. */
        public CloudTrailEnvelope build() {
            return new CloudTrailEnvelope(this);
        }
    }
}
