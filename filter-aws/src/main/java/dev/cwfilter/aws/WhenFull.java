package dev.cwfilter.aws;

/**
 * What an outbox ({@link SnsAlarmNotifier}, {@link MetricDataStream}) does with an item when it
 * is full.
 */
public enum WhenFull {
    /** Refuse the item at once and report it failed ({@link DeliveryFailure.Reason#OUTBOX_FULL}): the caller never waits. */
    REJECT,
    /** Wait for room: the calling thread blocks until the sending thread has taken an item. */
    WAIT
}
