package dev.cwfilter.events;

import java.util.Objects;

/**
 * One payload EventBridge sends to one target of one rule for one event.
 *
 * <p>Immutable and thread-safe.
 *
 * @param rule    the rule that matched
 * @param target  the target, with its ARN
 * @param event   the event, as delivered
 * @param payload the exact text the target receives
 */
public record TargetDelivery(EventRule rule, Target target, EventBridgeEvent event, String payload) {

    /** Checks for null. */
    public TargetDelivery {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(payload, "payload");
    }
}
