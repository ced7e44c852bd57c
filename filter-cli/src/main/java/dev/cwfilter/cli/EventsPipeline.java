package dev.cwfilter.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.cwfilter.cli.input.Event;
import dev.cwfilter.cli.input.EventSink;
import dev.cwfilter.events.CloudTrailEnvelope;
import dev.cwfilter.events.EventBridgeEvent;
import dev.cwfilter.events.EventRuleSet;
import dev.cwfilter.events.EventTarget;
import dev.cwfilter.events.RuleMatch;
import dev.cwfilter.events.TargetDelivery;
import dev.cwfilter.events.TargetPayload;
import dev.cwfilter.events.UndeliverableEventException;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What {@code cwfilter events} does with each input event: the CloudTrail record (or an EventBridge event as
 * delivered) becomes the event EventBridge delivers, the rule set says which rules receive it, and each match is
 * printed with what each target receives. Events EventBridge would not deliver, and pattern matches a rule's state
 * keeps out, are counted for the report at the end. Not thread-safe.
 */
public final class EventsPipeline implements EventSink {

    /** How matches are printed. */
    public enum Output {
        /** A few lines per match: the call, the rule, the event, each target's payload. */
        TEXT,
        /** One JSON object per match: rule, event, targets. */
        JSON
    }

    private static final int CHECK_OUTPUT_EVERY = 256;

    private final EventRuleSet rules;
    private final CloudTrailEnvelope envelope;
    private final Output output;
    private final Writer out;
    private final PipelineOutput printed;
    private final JsonGenerator json;
    private final Map<UndeliverableEventException.Reason, Long> undelivered =
            new EnumMap<>(UndeliverableEventException.Reason.class);
    private final Map<UndeliverableEventException.Reason, String> firstUndelivered =
            new EnumMap<>(UndeliverableEventException.Reason.class);
    private final Map<String, Long> keptOut = new LinkedHashMap<>();
    private final Map<String, String> keptOutWhy = new LinkedHashMap<>();
    private long events;
    private long matchedEvents;
    private long matches;
    private EventTarget deliveries;

    /**
     * A pipeline.
     *
     * @throws IOException if the JSON writer cannot be created
     */
    public EventsPipeline(EventRuleSet rules, CloudTrailEnvelope envelope, Output output, Writer out)
            throws IOException {
        this.rules = Objects.requireNonNull(rules, "rules");
        this.envelope = Objects.requireNonNull(envelope, "envelope");
        this.output = Objects.requireNonNull(output, "output");
        this.out = Objects.requireNonNull(out, "out");
        this.printed = new PipelineOutput(out, output == Output.JSON);
        this.json = printed.json;
    }

    /**
     * Also hands every payload a target of a matching rule receives to {@code target} (which publishes it: an SNS
     * target, say), after printing it.
     */
    public EventsPipeline deliverTo(EventTarget target) {
        this.deliveries = Objects.requireNonNull(target, "target");
        return this;
    }

    @Override
    public boolean accept(Event e) throws IOException {
        return accept(e.bytes(), e.offset(), e.length(), e.source(), e.line());
    }

    /**
     * One input event given as its UTF-8 text (a CloudTrail record read from S3 or a log group, say).
     *
     * @param source   where it was read, for reports
     * @param position its line or record number there, for reports
     * @return false when the output can no longer be written
     */
    public boolean accept(byte[] utf8, int offset, int length, String source, long position) throws IOException {
        events++;
        EventBridgeEvent event;
        try {
            event = envelope.wrap(utf8, offset, length);
        } catch (UndeliverableEventException ex) {
            event = delivered(utf8, offset, length, source, position, ex);
            if (event == null) {
                return true;
            }
        }
        List<RuleMatch> all = rules.matchPatterns(event);
        boolean any = false;
        for (RuleMatch m : all) {
            if (!m.delivered()) {
                keptOut.merge(m.rule().name(), 1L, Long::sum);
                keptOutWhy.putIfAbsent(m.rule().name(), m.notDeliveredBecause().orElseThrow());
                continue;
            }
            any = true;
            matches++;
            if (output == Output.TEXT) {
                writeText(event, m);
            } else {
                writeJson(event, m);
            }
            if (deliveries != null) {
                for (TargetPayload p : m.payloads()) {
                    if (p.delivered()) {
                        deliveries.deliver(new TargetDelivery(m.rule(), p.target(), event, p.payload().orElseThrow()));
                    }
                }
            }
        }
        if (any) {
            matchedEvents++;
            return matchedEvents % CHECK_OUTPUT_EVERY != 0 || !printed.failed();
        }
        return true;
    }

    /** An input event that is not a CloudTrail record may be an EventBridge event as delivered; else it is counted. */
    private EventBridgeEvent delivered(byte[] utf8, int offset, int length, String source, long position,
                                       UndeliverableEventException ex) {
        if (ex.reason() == UndeliverableEventException.Reason.NOT_A_RECORD) {
            String text = new String(utf8, offset, length, StandardCharsets.UTF_8);
            if (text.contains("\"detail-type\"")) {
                try {
                    return EventBridgeEvent.parse(text);
                } catch (IllegalArgumentException notAnEvent) {
                    // Neither a record nor an event: counted below with the record's reason.
                }
            }
        }
        undelivered.merge(ex.reason(), 1L, Long::sum);
        firstUndelivered.putIfAbsent(ex.reason(), source + ", line " + position + ": " + ex.getMessage());
        return null;
    }

    private void writeText(EventBridgeEvent event, RuleMatch m) throws IOException {
        CloudTrailRecord r = CloudTrailRecord.of(event.detailJson());
        StringBuilder sb = new StringBuilder();
        sb.append(event.time()).append("  ").append(r.eventName().isEmpty() ? event.detailType() : r.eventName());
        if (!r.user().isEmpty()) {
            sb.append("  ").append(r.user());
        }
        sb.append("  → rule ").append(m.rule().name()).append('\n');
        sb.append("  event   ").append(event.toJson()).append('\n');
        List<TargetPayload> payloads = m.payloads();
        if (payloads.isEmpty()) {
            sb.append("  (the rule has no targets)\n");
        }
        for (TargetPayload p : payloads) {
            sb.append("  target  ").append(p.target().id()).append(" (").append(p.target().arn()).append(")");
            if (p.delivered()) {
                sb.append(" receives:\n");
                for (String line : p.payload().orElseThrow().split("\n", -1)) {
                    sb.append("    ").append(line).append('\n');
                }
            } else {
                sb.append(" receives nothing: ").append(p.notDeliveredBecause().orElseThrow()).append('\n');
            }
        }
        out.write(sb.toString());
    }

    private void writeJson(EventBridgeEvent event, RuleMatch m) throws IOException {
        json.writeStartObject();
        json.writeStringField("rule", m.rule().name());
        json.writeFieldName("event");
        json.writeRawValue(event.toJson());
        json.writeArrayFieldStart("targets");
        for (TargetPayload p : m.payloads()) {
            json.writeStartObject();
            json.writeStringField("id", p.target().id());
            json.writeStringField("arn", p.target().arn());
            if (p.delivered()) {
                json.writeStringField("payload", p.payload().orElseThrow());
            } else {
                json.writeBooleanField("delivered", false);
                json.writeStringField("reason", p.notDeliveredBecause().orElseThrow());
            }
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
        json.writeRaw('\n');
    }

    /** Writes out what is buffered; call once after the last event. */
    public void finish() throws IOException {
        printed.flush();
    }

    /** How many input events were read. */
    public long events() {
        return events;
    }

    /** How many events at least one rule received. */
    public long matchedEvents() {
        return matchedEvents;
    }

    /** How many (event, rule) matches were printed. */
    public long matches() {
        return matches;
    }

    /**
     * The report for standard error: events EventBridge would not deliver, and rules whose state kept matching
     * events from them; one line each, starting with {@code cwfilter:}.
     */
    public List<String> report() {
        List<String> lines = new ArrayList<>();
        for (Map.Entry<UndeliverableEventException.Reason, Long> e : undelivered.entrySet()) {
            long n = e.getValue();
            String what = switch (e.getKey()) {
                case NOT_A_RECORD -> "not CloudTrail records (nor EventBridge events)";
                case UNKNOWN_EVENT_TYPE -> "of an eventType EventBridge does not deliver";
                case TOO_LARGE -> "larger than EventBridge's 256 KB";
            };
            lines.add("cwfilter: " + n + (n == 1 ? " event " : " events ") + what + ", skipped (" + (n == 1 ? ""
                    : "the first: ") + firstUndelivered.get(e.getKey()) + ")");
        }
        for (Map.Entry<String, Long> e : keptOut.entrySet()) {
            long n = e.getValue();
            lines.add("cwfilter: " + n + (n == 1 ? " event matches" : " events match") + " the pattern of rule "
                    + e.getKey() + " and " + (n == 1 ? "is" : "are") + " not delivered to it: "
                    + keptOutWhy.get(e.getKey()));
        }
        return lines;
    }
}
