package dev.cwfilter.aws;

import java.util.Objects;

/**
 * One SNS publish for one EventBridge target of one rule and one event: what {@link SnsEventTarget} sends, and what
 * its {@link EventDeliveryListener} is told about. Immutable and thread-safe.
 *
 * @param ruleName the rule that matched
 * @param targetId the target's id in the rule
 * @param topicArn the SNS topic, the target's ARN
 * @param eventId  the event's id
 * @param payload  the exact text the target receives, published as the SNS message (EventBridge sets no subject)
 */
public record EventNotification(String ruleName, String targetId, String topicArn, String eventId, String payload) {

    /** Checks for null. */
    public EventNotification {
        Objects.requireNonNull(ruleName, "ruleName");
        Objects.requireNonNull(targetId, "targetId");
        Objects.requireNonNull(topicArn, "topicArn");
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(payload, "payload");
    }

    /** {@code rule "name" target "id" (event ID) to arn:...}, for messages. */
    public String describe() {
        return "rule \"" + ruleName + "\" target \"" + targetId + "\" (event " + eventId + ") to " + topicArn;
    }
}
