package dev.cwfilter.aws;

import java.time.Duration;
import java.util.List;

/**
 * What every sender with an {@link Outbox} ({@link SnsAlarmNotifier}, {@link SnsEventTarget},
 * {@link MetricDataStream}) tells and does about its outbox: the outcomes so far, the listener's failures, waiting
 * for it to drain, and closing it. Thread-safe.
 *
 * @param <T> the items sent
 */
abstract class QueuedSender<T> implements AutoCloseable {

    /** Set once by the subclass's constructor, which makes the outbox with what it sends and how. */
    Outbox<T> outbox;

    QueuedSender() {
    }

    /** What became of the items so far. */
    public DeliveryCounts counts() {
        return outbox.counts();
    }

    /** Exceptions the listener threw (the first 100), which the sender caught. */
    public List<Throwable> listenerFailures() {
        return outbox.listenerFailures();
    }

    /**
     * Waits until every queued item has been delivered or has failed, or the timeout passes.
     *
     * @return true if nothing is pending
     * @throws InterruptedException if interrupted while waiting
     */
    public boolean flush(Duration timeout) throws InterruptedException {
        return outbox.flush(timeout);
    }

    /**
     * Stops taking items, waits up to the close timeout for the outbox to drain, then stops the sending thread; items
     * still queued are reported as {@link DeliveryFailure.Reason#CLOSED}. A call in progress at the deadline is given
     * the SDK's own timeouts to finish. Idempotent.
     */
    @Override
    public void close() {
        outbox.close();
    }
}
