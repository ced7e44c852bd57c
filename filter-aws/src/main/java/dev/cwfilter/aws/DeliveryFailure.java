package dev.cwfilter.aws;

import java.util.Objects;
import java.util.Optional;

/**
 * Why an item of an outbox (a notification, an event target's payload, a metric datum) was not delivered. Immutable
 * and thread-safe.
 *
 * @param reason  the kind of failure
 * @param message one clear line, such as {@code Publish: throttled (Throttling, HTTP 400) (after 3 attempts)}
 * @param cause   the exception, when a call failed
 */
public record DeliveryFailure(Reason reason, String message, Optional<Throwable> cause) {

    /** The kinds of failure. */
    public enum Reason {
        /** The outbox was full and the notifier rejects rather than waits; never sent. */
        OUTBOX_FULL,
        /** Publish failed after the SDK's retries (or with an error it does not retry). */
        PUBLISH_FAILED,
        /** The outbox was closed before the item could be sent; never sent. */
        CLOSED,
        /** The action is not an SNS topic ARN (an EC2, Auto Scaling or Systems Manager action): not ours to run. */
        NOT_AN_SNS_TOPIC,
        /**
         * The item breaks a rule of the API it was meant for (PutMetricData's timestamp range, a dimension value it
         * refuses): never sent, so that it does not fail the other data of its request.
         */
        INVALID
    }

    /** Checks for null. */
    public DeliveryFailure {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(cause, "cause");
    }
}
