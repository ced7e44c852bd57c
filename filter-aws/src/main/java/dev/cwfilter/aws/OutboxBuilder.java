package dev.cwfilter.aws;

import java.time.Duration;
import java.util.Objects;

/**
 * The outbox settings of every builder of a sender with an {@link Outbox} ({@link SnsAlarmNotifier},
 * {@link SnsEventTarget}, {@link MetricDataStream}): its capacity, what to do when it is full, and how long closing
 * waits for it to drain. Not thread-safe.
 *
 * @param <B> the builder itself, returned by each setter
 */
abstract class OutboxBuilder<B extends OutboxBuilder<B>> {

    int capacity;
    WhenFull whenFull = WhenFull.REJECT;
    Duration closeTimeout = SnsAlarmNotifier.DEFAULT_CLOSE_TIMEOUT;

    OutboxBuilder(int defaultCapacity) {
        this.capacity = defaultCapacity;
    }

    /** How many items may wait in the outbox for the service. Default: the sender's {@code DEFAULT_CAPACITY}. */
    public B capacity(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, not " + capacity);
        }
        this.capacity = capacity;
        return self();
    }

    /** What to do when the outbox is full. Default {@link WhenFull#REJECT}. */
    public B whenFull(WhenFull whenFull) {
        this.whenFull = Objects.requireNonNull(whenFull, "whenFull");
        return self();
    }

    /** How long closing waits for the outbox to drain. Default 60 s. */
    public B closeTimeout(Duration closeTimeout) {
        this.closeTimeout = Objects.requireNonNull(closeTimeout, "closeTimeout");
        return self();
    }

    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }
}
