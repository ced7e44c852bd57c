package dev.cwfilter.events;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cwfilter.events.internal.JsonText;
import dev.cwfilter.events.internal.ReadOnlyEvents;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An event as EventBridge delivers it to a rule's targets: the envelope {@code version}, {@code id},
 * {@code detail-type}, {@code source}, {@code account}, {@code time}, {@code region}, {@code resources} and the
 * {@code detail} object, in that order on the wire (AWS-SHAPES §2.1), written without insignificant whitespace. Made from a CloudTrail record with
 * {@link #fromCloudTrail(String)} (or a configured {@link CloudTrailEnvelope}), read from the JSON of a delivered
 * event with {@link #parse(String)}, or built field by field with {@link #builder()}.
 *
 * <p>Besides the JSON, an event knows the bus it is on ({@code default} for everything CloudTrail sends) and its
 * ingestion time (what {@code <aws.events.event.ingestion-time>} gives an input transformer).
 *
 * <p>Immutable and thread-safe.
 */
public final class EventBridgeEvent {

    /** The bus CloudTrail sends to, and every event's unless said otherwise. */
    public static final String DEFAULT_BUS = "default";

    private final String json;
    private final String version;
    private final String id;
    private final String detailType;
    private final String source;
    private final String account;
    private final String time;
    private final String region;
    private final List<String> resources;
    private final String eventBus;
    private final String ingestionTime;
    private final boolean readOnlyManagementEvent;
    private volatile JsonNode tree;

    EventBridgeEvent(String json, String version, String id, String detailType, String source, String account,
                     String time, String region, List<String> resources, String eventBus, String ingestionTime,
                     boolean readOnlyManagementEvent) {
        this.json = json;
        this.version = version;
        this.id = id;
        this.detailType = detailType;
        this.source = source;
        this.account = account;
        this.time = time;
        this.region = region;
        this.resources = List.copyOf(resources);
        this.eventBus = eventBus;
        this.ingestionTime = ingestionTime;
        this.readOnlyManagementEvent = readOnlyManagementEvent;
    }

    /**
     * The event EventBridge delivers for a CloudTrail record, with the default settings of
     * {@link CloudTrailEnvelope#defaults()}.
     *
     * @throws UndeliverableEventException if EventBridge would not deliver the record (not a record, an unknown
     *                                     {@code eventType}, over 256 KB)
     */
    public static EventBridgeEvent fromCloudTrail(String record) {
        return CloudTrailEnvelope.defaults().wrap(record);
    }

    /**
     * Reads an event as EventBridge delivers it: a JSON object with every envelope field ({@code version}, {@code id},
     * {@code detail-type}, {@code source}, {@code account}, {@code time}, {@code region}, {@code resources}) and a
     * {@code detail} object. Other top-level fields are kept. The event is on the default bus, its ingestion time is
     * its {@code time}.
     *
     * @throws IllegalArgumentException naming what is missing or malformed
     */
    public static EventBridgeEvent parse(String json) {
        Objects.requireNonNull(json, "json");
        JsonNode root;
        try {
            root = JsonText.tree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("not an EventBridge event: not well-formed JSON: "
                    + firstLine(e.getMessage()), e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("not an EventBridge event: an event is a JSON object");
        }
        String[] names = {"version", "id", "detail-type", "source", "account", "time", "region"};
        String[] values = new String[names.length];
        for (int i = 0; i < names.length; i++) {
            JsonNode v = root.get(names[i]);
            if (v == null || !v.isTextual()) {
                throw new IllegalArgumentException("not an EventBridge event: \"" + names[i] + "\" must be a string"
                        + (v == null ? ", and is missing" : ", not " + v.getNodeType().name().toLowerCase()));
            }
            values[i] = v.textValue();
        }
        JsonNode resources = root.get("resources");
        if (resources == null || !resources.isArray()) {
            throw new IllegalArgumentException("not an EventBridge event: \"resources\" must be an array"
                    + (resources == null ? ", and is missing" : ""));
        }
        List<String> arns = new ArrayList<>();
        for (JsonNode r : resources) {
            if (!r.isTextual()) {
                throw new IllegalArgumentException("not an EventBridge event: \"resources\" holds ARNs (strings)");
            }
            arns.add(r.textValue());
        }
        JsonNode detail = root.get("detail");
        if (detail == null || !detail.isObject()) {
            throw new IllegalArgumentException("not an EventBridge event: \"detail\" must be an object"
                    + (detail == null ? ", and is missing" : ""));
        }
        String compact = JsonText.stripWhitespace(json.strip());
        EventBridgeEvent event = new EventBridgeEvent(compact, values[0], values[1], values[2], values[3],
                values[4], values[5], values[6], arns, DEFAULT_BUS, values[5], readOnly(values[2], detail));
        event.tree = root;
        return event;
    }

    private static boolean readOnly(String detailType, JsonNode detail) {
        JsonNode management = detail.get("managementEvent");
        return ReadOnlyEvents.isReadOnlyManagementEvent(detailType, text(detail, "eventSource"),
                text(detail, "eventName"), text(detail, "eventCategory"),
                management != null && management.isBoolean() ? management.booleanValue() : null);
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v != null && v.isTextual() ? v.textValue() : null;
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /**
     * A builder of events field by field, for tests: every envelope field has a default ({@code version} "0", an
     * {@code id} derived from the other fields, {@code account} 123456789012, {@code time}
     * 2026-11-21T12:00:00Z, {@code region} us-east-1, no resources, an empty {@code detail}).
     */
    public static Builder builder() {
        return new Builder();
    }

    /** The JSON text EventBridge delivers: compact, envelope fields first in their order on the wire. */
    public String toJson() {
        return json;
    }

    /** {@code version}: "0". */
    public String version() {
        return version;
    }

    /** {@code id}: a UUID. */
    public String id() {
        return id;
    }

    /** {@code detail-type}, such as {@code AWS API Call via CloudTrail}. */
    public String detailType() {
        return detailType;
    }

    /** {@code source}, such as {@code aws.secretsmanager}. */
    public String source() {
        return source;
    }

    /** {@code account}: the account that receives the event. */
    public String account() {
        return account;
    }

    /** {@code time}, as on the wire ({@code 2026-11-21T12:00:00Z}). */
    public String time() {
        return time;
    }

    /** {@code region}. */
    public String region() {
        return region;
    }

    /** {@code resources}: ARNs; empty for every event CloudTrail delivers. */
    public List<String> resources() {
        return resources;
    }

    /** The {@code detail} object, as compact JSON text. */
    public String detailJson() {
        return JsonText.write(tree().get("detail"));
    }

    /** The event bus the event is on: {@value #DEFAULT_BUS} for everything CloudTrail sends. */
    public String eventBus() {
        return eventBus;
    }

    /** When EventBridge received the event, as {@code <aws.events.event.ingestion-time>} gives it. */
    public String ingestionTime() {
        return ingestionTime;
    }

    /**
     * Whether this is a read-only management event ({@code List*}, {@code Get*}, {@code Describe*} API calls but
     * STS's {@code GetFederationToken} and {@code GetSessionToken}), which only rules in state
     * {@link RuleState#ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS} receive.
     */
    public boolean isReadOnlyManagementEvent() {
        return readOnlyManagementEvent;
    }

    /** The same event on another bus. */
    public EventBridgeEvent onBus(String bus) {
        Objects.requireNonNull(bus, "bus");
        EventBridgeEvent e = new EventBridgeEvent(json, version, id, detailType, source, account, time, region,
                resources, bus, ingestionTime, readOnlyManagementEvent);
        e.tree = tree;
        return e;
    }

    /** The same event received at another time (what {@code <aws.events.event.ingestion-time>} gives). */
    public EventBridgeEvent withIngestionTime(String time) {
        Objects.requireNonNull(time, "time");
        EventBridgeEvent e = new EventBridgeEvent(json, version, id, detailType, source, account, this.time, region,
                resources, eventBus, time, readOnlyManagementEvent);
        e.tree = tree;
        return e;
    }

    /** The event as a tree, parsed on first use; never modified. */
    JsonNode tree() {
        JsonNode t = tree;
        if (t == null) {
            try {
                t = JsonText.tree(json);
            } catch (IOException e) {
                throw new UncheckedIOException("an event's own JSON does not parse", e);
            }
            tree = t;
        }
        return t;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EventBridgeEvent other && json.equals(other.json) && eventBus.equals(other.eventBus)
                && ingestionTime.equals(other.ingestionTime);
    }

    @Override
    public int hashCode() {
        return json.hashCode();
    }

    /** The JSON text. */
    @Override
    public String toString() {
        return json;
    }

    /** Writes the envelope of an event, its detail given as compact JSON text. Used by the builders. */
    static String envelope(String version, String id, String detailType, String source, String account, String time,
                           String region, List<String> resources, String compactDetail) {
        StringBuilder sb = new StringBuilder(compactDetail.length() + 256);
        sb.append("{\"version\":");
        JsonText.quote(version, sb);
        sb.append(",\"id\":");
        JsonText.quote(id, sb);
        sb.append(",\"detail-type\":");
        JsonText.quote(detailType, sb);
        sb.append(",\"source\":");
        JsonText.quote(source, sb);
        sb.append(",\"account\":");
        JsonText.quote(account, sb);
        sb.append(",\"time\":");
        JsonText.quote(time, sb);
        sb.append(",\"region\":");
        JsonText.quote(region, sb);
        sb.append(",\"resources\":[");
        for (int i = 0; i < resources.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            JsonText.quote(resources.get(i), sb);
        }
        sb.append("],\"detail\":").append(compactDetail).append('}');
        return sb.toString();
    }

    /**
     * Builds an event field by field. Not thread-safe; the events it builds are.
     */
    public static final class Builder {
        private String version = "0";
        private String id;
        private String detailType = "";
        private String source = "";
        private String account = "123456789012";
        private String time = "2026-11-21T12:00:00Z";
        private String region = "us-east-1";
        private List<String> resources = List.of();
        private String detail = "{}";
        private String bus = DEFAULT_BUS;
        private String ingestionTime;

        Builder() {
        }

        /** {@code version}; default "0". */
        public Builder version(String value) {
            version = Objects.requireNonNull(value, "version");
            return this;
        }

        /** {@code id}; default a UUID derived from the other fields, the same for the same fields. */
        public Builder id(String value) {
            id = Objects.requireNonNull(value, "id");
            return this;
        }

        /** {@code detail-type}. */
        public Builder detailType(String value) {
            detailType = Objects.requireNonNull(value, "detailType");
            return this;
        }

        /** {@code source}. */
        public Builder source(String value) {
            source = Objects.requireNonNull(value, "source");
            return this;
        }

        /** {@code account}; default 123456789012. */
        public Builder account(String value) {
            account = Objects.requireNonNull(value, "account");
            return this;
        }

        /** {@code time}; default 2026-11-21T12:00:00Z. */
        public Builder time(String value) {
            time = Objects.requireNonNull(value, "time");
            return this;
        }

        /** {@code region}; default us-east-1. */
        public Builder region(String value) {
            region = Objects.requireNonNull(value, "region");
            return this;
        }

        /** {@code resources}; default none. */
        public Builder resources(List<String> arns) {
            resources = List.copyOf(arns);
            return this;
        }

        /** {@code detail}: a JSON object; default {@code {}}. */
        public Builder detail(String json) {
            detail = Objects.requireNonNull(json, "detail");
            return this;
        }

        /** The bus the event is on; default {@value #DEFAULT_BUS}. */
        public Builder eventBus(String value) {
            bus = Objects.requireNonNull(value, "eventBus");
            return this;
        }

        /** The ingestion time; default the {@code time}. */
        public Builder ingestionTime(String value) {
            ingestionTime = Objects.requireNonNull(value, "ingestionTime");
            return this;
        }

        /**
         * The event.
         *
         * @throws IllegalArgumentException if the detail is not a JSON object
         */
        public EventBridgeEvent build() {
            String compactDetail;
            JsonNode detailTree;
            try {
                detailTree = JsonText.tree(detail);
                compactDetail = JsonText.stripWhitespace(detail.strip());
            } catch (IOException e) {
                throw new IllegalArgumentException("detail is not well-formed JSON: " + e.getMessage(), e);
            }
            if (!detailTree.isObject()) {
                throw new IllegalArgumentException("detail must be a JSON object");
            }
            String eventId = id != null ? id : EventIds.derived(String.join("\n", version, detailType, source,
                    account, time, region, String.join(",", resources), compactDetail));
            String json = envelope(version, eventId, detailType, source, account, time, region, resources,
                    compactDetail);
            return new EventBridgeEvent(json, version, eventId, detailType, source, account, time, region, resources,
                    bus, ingestionTime != null ? ingestionTime : time, readOnly(detailType, detailTree));
        }
    }
}
