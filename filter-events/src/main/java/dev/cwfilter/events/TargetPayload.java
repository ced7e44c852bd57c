package dev.cwfilter.events;

import java.util.Objects;
import java.util.Optional;

/**
 * What one target of a matched rule receives for one event: the exact text EventBridge sends, or why it sends
 * nothing (a transformed input that is not JSON, an input path that selects nothing).
 *
 * <p>Immutable and thread-safe.
 *
 * @param target              the target
 * @param payload             the text the target receives, if it receives anything
 * @param notDeliveredBecause why it receives nothing; empty if it receives the payload
 */
public record TargetPayload(Target target, Optional<String> payload, Optional<String> notDeliveredBecause) {

    /** Checks that exactly one of payload and reason is present. */
    public TargetPayload {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(notDeliveredBecause, "notDeliveredBecause");
        if (payload.isPresent() == notDeliveredBecause.isPresent()) {
            throw new IllegalArgumentException("a target receives a payload or is given a reason, not both or none");
        }
    }

    static TargetPayload delivered(Target target, String payload) {
        return new TargetPayload(target, Optional.of(payload), Optional.empty());
    }

    static TargetPayload dropped(Target target, String why) {
        return new TargetPayload(target, Optional.empty(), Optional.of(why));
    }

    /** Whether the target receives anything. */
    public boolean delivered() {
        return payload.isPresent();
    }
}
