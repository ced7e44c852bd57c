package dev.cwfilter.aws;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * The delivery machinery behind {@link SnsAlarmNotifier} and {@link MetricDataStream}: a
 * bounded queue that callers put items in without waiting for the network, and one sending thread that takes them in
 * order (up to a batch at a time) and hands them to a {@link Sender}, which makes the AWS call with the SDK's retries
 * and says what became of each item.
 *
 * <p>Every item ends in exactly one outcome, told to the {@link Listener} once and added to the {@link #counts()}:
 * delivered, or failed with a {@link DeliveryFailure.Reason} — refused because the queue was full
 * ({@link WhenFull#REJECT}), refused at once by its owner ({@link #refuse}: not an SNS topic), not sent because the
 * outbox closed first, or failed after the SDK's retries. {@link #close()} stops taking items, waits up to the close
 * timeout for the queue to drain, and reports what is left as {@link DeliveryFailure.Reason#CLOSED}. A listener that
 * throws is caught (and kept in {@link #listenerFailures()}), never stopping the outbox.
 *
 * <p>Thread-safe: any number of threads may offer items.
 *
 * @param <T> the items
 */
final class Outbox<T> implements AutoCloseable {

    /** Makes the call for a batch of items and tells the outcome of each. Called on the sending thread only. */
    interface Sender<T> {
        /**
         * Sends the items. Each must be told to {@code outcomes} exactly once; items left untold when this returns or
         * throws are failed with {@link DeliveryFailure.Reason#PUBLISH_FAILED}.
         */
        void send(List<T> batch, Outcomes<T> outcomes);
    }

    /** Where a {@link Sender} tells what became of each item. */
    interface Outcomes<T> {
        /** The service accepted the item; {@code id} is what it answered (a message ID), or empty. */
        void delivered(T item, String id);

        /** The item was not delivered and will not be. */
        void failed(T item, DeliveryFailure.Reason reason, String message, Throwable cause);
    }

    /** Told of each item's outcome, once; on the sending thread, or on the offering thread for refusals. */
    interface Listener<T> {
        /** Delivered. */
        void delivered(T item, String id);

        /** Failed. */
        void failed(T item, DeliveryFailure failure);

        /** A listener of the two outcomes. */
        static <T> Listener<T> of(BiConsumer<T, String> delivered, BiConsumer<T, DeliveryFailure> failed) {
            return new Listener<>() {
                @Override
                public void delivered(T item, String id) {
                    delivered.accept(item, id);
                }

                @Override
                public void failed(T item, DeliveryFailure failure) {
                    failed.accept(item, failure);
                }
            };
        }
    }

    private static final Object STOP = new Object();

    private final String owner;
    private final String items;
    private final String service;
    private final Function<T, String> describe;
    private final Sender<T> sender;
    private final Listener<T> listener;
    private final WhenFull whenFull;
    private final Duration closeTimeout;
    private final int maxBatch;
    private final BlockingQueue<Object> queue;
    /** How many items the queue holds, read once while it is empty (a reading later races the sending thread). */
    private final int capacity;
    private final Thread thread;
    private final Object lock = new Object();
    private final List<Throwable> listenerFailures = new ArrayList<>();
    private long created;
    private long delivered;
    private long failed;
    private long rejected;
    private long abandoned;
    private long notSns;
    private long inFlight;
    private volatile boolean closed;
    private volatile boolean finished;

    /**
     * An outbox, its sending thread started.
     *
     * @param owner        who owns it, for messages ("the notifier")
     * @param items        what it holds, plural, for messages ("notifications")
     * @param service      where they go, for messages ("SNS")
     * @param threadName   the sending thread's name
     * @param capacity     how many items may wait
     * @param whenFull     what {@link #offer} does when the queue is full
     * @param closeTimeout how long {@link #close()} waits for the queue to drain
     * @param maxBatch     the most items handed to the sender at once
     * @param describe     an item in a few words, for messages
     * @param sender       makes the calls
     * @param listener     told of each outcome
     */
    Outbox(String owner, String items, String service, String threadName, int capacity, WhenFull whenFull,
           Duration closeTimeout, int maxBatch, Function<T, String> describe, Sender<T> sender, Listener<T> listener) {
        this(owner, items, service, threadName, queue(capacity), whenFull, closeTimeout, maxBatch, describe, sender,
                listener);
    }

    /** An outbox over the given (empty, bounded) queue: for tests that need to slow the sending thread's take. */
    Outbox(String owner, String items, String service, String threadName, BlockingQueue<Object> queue,
           WhenFull whenFull, Duration closeTimeout, int maxBatch, Function<T, String> describe, Sender<T> sender,
           Listener<T> listener) {
        this.owner = owner;
        this.items = items;
        this.service = service;
        this.whenFull = Objects.requireNonNull(whenFull, "whenFull");
        this.closeTimeout = Objects.requireNonNull(closeTimeout, "closeTimeout");
        this.maxBatch = maxBatch;
        this.describe = describe;
        this.sender = sender;
        this.listener = listener;
        this.queue = queue;
        this.capacity = queue.remainingCapacity();
        this.thread = new Thread(this::run, threadName);
        thread.setDaemon(true);
        thread.start();
    }

    private static BlockingQueue<Object> queue(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, not " + capacity);
        }
        return new ArrayBlockingQueue<>(capacity);
    }

    /**
     * Queues an item; returns without waiting for the service (unless the queue is full and the outbox
     * {@linkplain WhenFull#WAIT waits}). An item refused is reported, never dropped silently.
     */
    void offer(T item) {
        synchronized (lock) {
            created++;
        }
        if (closed) {
            fail(item, DeliveryFailure.Reason.CLOSED, owner + " is closed; " + describe.apply(item) + " was not sent",
                    null);
            return;
        }
        boolean queued;
        if (whenFull == WhenFull.WAIT) {
            try {
                queue.put(item);
                queued = true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail(item, DeliveryFailure.Reason.CLOSED, "interrupted while waiting for room in the outbox; "
                        + describe.apply(item) + " was not sent", e);
                return;
            }
        } else {
            queued = queue.offer(item);
        }
        if (queued && finished && queue.remove(item)) {
            // Queued after the sending thread stopped: close() has drained the queue, so this one is ours to report.
            fail(item, DeliveryFailure.Reason.CLOSED, owner + " closed before " + describe.apply(item)
                    + " could be sent", null);
        } else if (!queued) {
            fail(item, DeliveryFailure.Reason.OUTBOX_FULL, "the outbox is full (" + capacity + " " + items + " waiting for " + service + "); "
                    + describe.apply(item) + " was not sent", null);
        }
    }

    /** Counts an item its owner will not send, and reports it failed for {@code reason}. */
    void refuse(T item, DeliveryFailure.Reason reason, String message) {
        synchronized (lock) {
            created++;
        }
        fail(item, reason, message, null);
    }

    @SuppressWarnings("unchecked")
    private void run() {
        List<T> batch = new ArrayList<>();
        while (true) {
            Object first;
            try {
                first = queue.take();
            } catch (InterruptedException e) {
                return;
            }
            if (first == STOP) {
                return;
            }
            batch.clear();
            batch.add((T) first);
            boolean stop = false;
            while (batch.size() < maxBatch) {
                Object next = queue.peek();
                if (next == null) {
                    break;
                }
                if (next == STOP) {
                    stop = true;
                    break;
                }
                batch.add((T) queue.poll());
            }
            synchronized (lock) {
                inFlight += batch.size();
            }
            Set<T> told = Collections.newSetFromMap(new IdentityHashMap<>());
            Outcomes<T> outcomes = new Outcomes<>() {
                @Override
                public void delivered(T item, String id) {
                    if (told.add(item)) {
                        synchronized (lock) {
                            delivered++;
                        }
                        tell(() -> listener.delivered(item, id));
                    }
                }

                @Override
                public void failed(T item, DeliveryFailure.Reason reason, String message, Throwable cause) {
                    if (told.add(item)) {
                        fail(item, reason, message, cause);
                    }
                }
            };
            try {
                sender.send(List.copyOf(batch), outcomes);
            } catch (RuntimeException e) {
                for (T item : batch) {
                    outcomes.failed(item, DeliveryFailure.Reason.PUBLISH_FAILED, "sending " + describe.apply(item)
                            + " failed: " + e, e);
                }
            } finally {
                for (T item : batch) {
                    outcomes.failed(item, DeliveryFailure.Reason.PUBLISH_FAILED, describe.apply(item)
                            + " was not reported sent", null);
                }
                synchronized (lock) {
                    inFlight -= batch.size();
                    lock.notifyAll();
                }
            }
            if (stop) {
                return;
            }
        }
    }

    private void fail(T item, DeliveryFailure.Reason reason, String message, Throwable cause) {
        synchronized (lock) {
            failed++;
            switch (reason) {
                case OUTBOX_FULL -> rejected++;
                case CLOSED -> abandoned++;
                case NOT_AN_SNS_TOPIC -> notSns++;
                default -> {
                }
            }
            // A flush waiting for this item's outcome (refused on the caller's thread) looks again now.
            lock.notifyAll();
        }
        DeliveryFailure failure = new DeliveryFailure(reason, message, Optional.ofNullable(cause));
        tell(() -> listener.failed(item, failure));
    }

    private void tell(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            // A failing listener must not stop the outbox; the counts still hold the outcome.
            synchronized (lock) {
                if (listenerFailures.size() < 100) {
                    listenerFailures.add(e);
                }
            }
        }
    }

    /** What became of the items so far. */
    DeliveryCounts counts() {
        synchronized (lock) {
            return new DeliveryCounts(created, delivered, failed, rejected, abandoned, notSns,
                    created - delivered - failed);
        }
    }

    /** Exceptions the listener threw (the first 100), which the outbox caught. */
    List<Throwable> listenerFailures() {
        synchronized (lock) {
            return List.copyOf(listenerFailures);
        }
    }

    /**
     * Waits until every queued item has been delivered or has failed, or the timeout passes.
     *
     * @return true if nothing is pending
     * @throws InterruptedException if interrupted while waiting
     */
    boolean flush(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            // Pending rather than "queued": the sending thread takes an item from the queue before it counts it in
            // flight, and an item between the two is neither; an item leaves "pending" only with its outcome. In
            // flight: until the listener has been told of every item of the batch.
            while (created - delivered - failed > 0 || inFlight > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(lock, Math.min(left, TimeUnit.MILLISECONDS.toNanos(50)));
            }
            return true;
        }
    }

    /** Whether {@link #close()} has been called. */
    boolean isClosed() {
        return closed;
    }

    /**
     * Stops taking items, waits up to the close timeout for the queue to drain, then stops the sending thread; items
     * still queued are reported as {@link DeliveryFailure.Reason#CLOSED}. A call in progress at the deadline is given
     * the SDK's own timeouts to finish. Idempotent.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            flush(closeTimeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        abandonQueued();
        while (!queue.offer(STOP)) {
            abandonQueued();
        }
        try {
            thread.join(Duration.ofMinutes(5).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        finished = true;
        abandonQueued();
    }

    @SuppressWarnings("unchecked")
    private void abandonQueued() {
        List<Object> left = new ArrayList<>();
        queue.drainTo(left);
        for (Object o : left) {
            if (o != STOP) {
                T item = (T) o;
                fail(item, DeliveryFailure.Reason.CLOSED, owner + " closed before " + describe.apply(item)
                        + " could be sent", null);
            }
        }
    }
}
