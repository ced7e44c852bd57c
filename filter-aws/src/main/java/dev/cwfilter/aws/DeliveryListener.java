package dev.cwfilter.aws;

/**
 * Told what became of each notification of a {@link SnsAlarmNotifier}: exactly one call per notification, either
 * {@link #delivered} or {@link #failed}.
 *
 * <p>Called from the notifier's sending thread, and from the evaluating thread for notifications refused at once (a
 * full outbox, a closed notifier, an action that is no SNS topic): implementations must be thread-safe. An exception
 * thrown by a listener is caught and does not stop the notifier.
 */
public interface DeliveryListener {

    /** A listener that does nothing; the notifier's counts still say what happened. */
    DeliveryListener NONE = new DeliveryListener() {
    };

    /**
     * SNS accepted the notification.
     *
     * @param notification what was published
     * @param messageId    the message ID SNS assigned
     */
    default void delivered(AlarmNotification notification, String messageId) {
    }

    /**
     * The notification was not delivered and will not be.
     *
     * @param notification what was to be published
     * @param failure      why not
     */
    default void failed(AlarmNotification notification, DeliveryFailure failure) {
    }
}
