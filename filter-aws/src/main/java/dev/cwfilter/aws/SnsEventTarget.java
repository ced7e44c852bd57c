package dev.cwfilter.aws;

import dev.cwfilter.events.EventTarget;
import dev.cwfilter.events.TargetDelivery;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * An EventBridge rule's SNS targets, run as EventBridge runs them: an {@link EventTarget} of filter-events whose
 * {@link #deliver} publishes the exact payload the target receives (the event as delivered, or what {@code Input},
 * {@code InputPath} or {@code InputTransformer} make of it) as the SNS message of {@code Publish(TopicArn = the
 * target's ARN)}, with no subject, as EventBridge publishes it.
 *
 * <pre>{@code
 * try (SnsEventTarget sns = SnsEventTarget.builder(aws.sns()).listener(myListener).build()) {
 *     EventRouter router = EventRouter.builder(rules)
 *             .sendTo("arn:aws:sns:", sns)
 *             .onNotDelivered((match, p) -> log.warn(p.notDeliveredBecause().get()))
 *             .build();
 *     records.forEach(r -> router.accept(EventBridgeEvent.fromCloudTrail(r)));
 * }   // close() waits for the outbox to drain
 * }</pre>
 *
 * <p>Delivery has {@link SnsAlarmNotifier}'s guarantees, through the same outbox: {@link #deliver} puts the payload in
 * a bounded outbox and returns (unless it is full and the target {@linkplain WhenFull#WAIT waits}); one sending thread
 * publishes in order with the SDK's retries; every payload ends delivered (SNS returned a message ID) or failed with a
 * {@link DeliveryFailure.Reason} — outbox full, closed first, not an SNS topic ARN (an SQS queue, a Lambda function,
 * an ARN a template resolves only at deployment), Publish failed after the retries — told to the
 * {@link EventDeliveryListener} and added up in {@link #counts()}. Delivery is at least once from SNS's side.
 *
 * <p>Thread-safe: any number of routing threads may share one target.
 */
public final class SnsEventTarget extends QueuedSender<EventNotification> implements EventTarget {

    /** The default capacity of the outbox. */
    public static final int DEFAULT_CAPACITY = SnsAlarmNotifier.DEFAULT_CAPACITY;


    private SnsEventTarget(Builder b) {
        SnsClient sns = b.sns;
        EventDeliveryListener listener = b.listener;
        this.outbox = new Outbox<>("the SNS event target", "payloads", "SNS", "cwfilter-sns-event-target",
                b.capacity, b.whenFull, b.closeTimeout, 1, EventNotification::describe,
                SnsPublish.sender(sns, EventNotification::describe, (n, r) -> r.topicArn(n.topicArn())
                        .message(n.payload())),
                Outbox.Listener.of(listener::delivered, listener::failed));
    }

    /** A builder for a target publishing with {@code sns}. */
    public static Builder builder(SnsClient sns) {
        return new Builder(sns);
    }

    /** Whether an ARN is an SNS topic's, which this target publishes to. */
    public static boolean isSnsTopic(String arn) {
        return SnsPublish.isTopic(arn);
    }

    /**
     * Queues the payload for the target's topic; returns without waiting for SNS (unless the outbox is full and the
     * target {@linkplain WhenFull#WAIT waits}). A target whose ARN is no SNS topic is refused and reported.
     */
    @Override
    public void deliver(TargetDelivery d) {
        EventNotification n = new EventNotification(d.rule().name(), d.target().id(), d.target().arn(),
                d.event().id(), d.payload());
        if (!isSnsTopic(n.topicArn())) {
            outbox.refuse(n, DeliveryFailure.Reason.NOT_AN_SNS_TOPIC, "not an SNS topic ARN: '" + n.topicArn()
                    + "' (" + n.describe() + "; only SNS targets are published to)");
            return;
        }
        outbox.offer(n);
    }

    /** Builds a {@link SnsEventTarget}. Not thread-safe. */
    public static final class Builder extends OutboxBuilder<Builder> {

        private final SnsClient sns;
        private EventDeliveryListener listener = EventDeliveryListener.NONE;

        private Builder(SnsClient sns) {
            super(DEFAULT_CAPACITY);
            this.sns = Objects.requireNonNull(sns, "sns");
        }

        /** Told of each payload's outcome. Default none (the counts still tell). */
        public Builder listener(EventDeliveryListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /** The target, with its sending thread started. */
        public SnsEventTarget build() {
            return new SnsEventTarget(this);
        }
    }
}
