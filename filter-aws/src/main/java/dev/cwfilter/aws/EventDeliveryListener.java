package dev.cwfilter.aws;

/**
 * Told what became of each payload of a {@link SnsEventTarget}: exactly one call per payload, either
 * {@link #delivered} or {@link #failed}.
 *
 * <p>Called from the target's sending thread, and from the routing thread for payloads refused at once (a full outbox,
 * a closed target, an ARN that is no SNS topic): implementations must be thread-safe. An exception thrown by a listener
 * is caught and does not stop the target.
 */
public interface EventDeliveryListener {

    /** A listener that does nothing; the target's counts still say what happened. */
    EventDeliveryListener NONE = new EventDeliveryListener() {
    };

    /**
     * SNS accepted the payload.
     *
     * @param notification what was published
     * @param messageId    the message ID SNS assigned
     */
    default void delivered(EventNotification notification, String messageId) {
    }

    /**
     * The payload was not delivered and will not be.
     *
     * @param notification what was to be published
     * @param failure      why not
     */
    default void failed(EventNotification notification, DeliveryFailure failure) {
    }
}
