package dev.cwfilter.events;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A rule whose pattern matched an event: whether EventBridge delivers the event to the rule (its state may keep it
 * out), and, if so, what each of its targets receives.
 *
 * <p>Immutable and thread-safe; the payloads are computed on first use.
 */
public final class RuleMatch {

    private final EventRule rule;
    private final EventBridgeEvent event;
    private final String notDeliveredBecause;
    private volatile List<TargetPayload> payloads;

    RuleMatch(EventRule rule, EventBridgeEvent event, String notDeliveredBecause) {
        this.rule = Objects.requireNonNull(rule, "rule");
        this.event = Objects.requireNonNull(event, "event");
        this.notDeliveredBecause = notDeliveredBecause;
    }

    /** The rule. */
    public EventRule rule() {
        return rule;
    }

    /** The event, as delivered. */
    public EventBridgeEvent event() {
        return event;
    }

    /** Whether EventBridge delivers the event to the rule's targets. */
    public boolean delivered() {
        return notDeliveredBecause == null;
    }

    /** Why the rule's pattern matched and EventBridge still does not deliver the event to it (its state). */
    public Optional<String> notDeliveredBecause() {
        return Optional.ofNullable(notDeliveredBecause);
    }

    /** What each target receives, in the rule's order; empty if the event is not delivered to the rule. */
    public List<TargetPayload> payloads() {
        if (!delivered()) {
            return List.of();
        }
        List<TargetPayload> p = payloads;
        if (p == null) {
            p = List.copyOf(rule.payloadsFor(event));
            payloads = p;
        }
        return p;
    }

    @Override
    public String toString() {
        return rule.name() + (delivered() ? "" : " (not delivered: " + notDeliveredBecause + ")") + " <- "
                + event.id();
    }
}
