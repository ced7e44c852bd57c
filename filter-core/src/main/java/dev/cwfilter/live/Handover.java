package dev.cwfilter.live;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The monitor's hand-over: a bounded ring that any number of producers fill and one consumer, the monitor's thread,
 * empties a batch at a time.
 *
 * <p>A producer claims a slot by advancing the tail (a compare-and-set, refused when {@code capacity} items are
 * waiting or the ring is closed) and writes its item there; it takes no lock and wakes the consumer only when the
 * consumer said it waits. The consumer takes the items written so far, in the order their slots were claimed, up to
 * the first slot claimed but not yet written (up to the batch's size), and then frees their slots with one write of
 * the head: one write of what producers read per batch, not per item, and no lock at all while items keep coming.
 * The lock and its conditions serve only the slow paths: a producer waiting for room, the consumer waiting for an
 * item.
 *
 * <p>Memory ordering. A slot is written with a volatile write after its claim and read with a volatile read, so the
 * consumer sees the item whole; it never takes a slot before its item is there (a claimed slot reads null until then,
 * and the consumer stops at it and looks again later). Before a producer reuses a slot, it has read the head the
 * consumer wrote after clearing that slot. Waking is a Dekker pair on both sides: the waiter says it waits (a
 * volatile write) and then looks for what it waits for; the other side makes it available (a volatile write) and then
 * looks for a waiter; one of the two sees the other. The waiter holds the lock from saying it waits until it sleeps,
 * and the other side signals under the lock, so a signal cannot fall between the look and the sleep.
 *
 * <p>{@link #close()} (by the consumer) sets a bit in the tail with a compare-and-set: every claim is then either
 * before it, and taken by {@link #takeClosed}, which waits for the slot to be written, or refused. So nothing
 * handed over is left behind in a closed ring.
 *
 * <p>An item taken is out of the ring at once (as {@code drainTo} takes it out of a queue): the ring then has room for
 * {@code capacity} more, while the consumer works through its batch.
 */
final class Handover {

    /** The largest capacity: 2^30 (the slots are one array, of a power of two). */
    static final int MAX_CAPACITY = 1 << 30;

    private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(Object[].class);
    /** Longs between the indices (128 bytes), so that each has its cache line. */
    private static final int PAD = 16;
    /** The next slot to claim, with {@link #CLOSED}: written by producers (and once by the consumer's close). */
    private static final int TAIL = PAD;
    /** The next slot to take: written by the consumer once per batch, read by producers. */
    private static final int HEAD = 2 * PAD;
    /** 1 while the consumer waits for an item: read by producers after each item. */
    private static final int CONSUMER_WAITING = 3 * PAD;
    /** How many producers wait for room: read by the consumer after each batch. */
    private static final int PRODUCERS_WAITING = 4 * PAD;
    /** The tail's bit that says the ring is closed (a tail never reaches it: 2^62 items). */
    private static final long CLOSED = 1L << 62;
    /** The longest a waiting producer sleeps before it runs its check. */
    private static final long CHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private final AtomicLongArray indices = new AtomicLongArray(5 * PAD);
    private final Object[] slots;
    private final int mask;
    private final int capacity;
    private final long checkNanos;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();
    private final Condition notFull = lock.newCondition();
    /** The consumer's own copy of the head. */
    private long head;

    /** A ring for {@code capacity} items, 1 to 2^30. */
    Handover(int capacity) {
        this(capacity, CHECK_NANOS);
    }

    /** A ring whose waiting producers run their check every {@code checkNanos} (tests: long, so that only a signal wakes them). */
    Handover(int capacity, long checkNanos) {
        if (capacity < 1 || capacity > MAX_CAPACITY) {
            throw new IllegalArgumentException("capacity " + capacity + " is not between 1 and 2^30");
        }
        this.capacity = capacity;
        this.checkNanos = checkNanos;
        int length = capacity == 1 ? 1 : Integer.highestOneBit(capacity - 1) << 1;
        this.slots = new Object[length];
        this.mask = length - 1;
    }

    /** Hands the item over if there is room, without waiting. @return false if the ring is full or closed */
    boolean offer(Object item) {
        long tail;
        do {
            tail = indices.get(TAIL);
            // The head read after the tail: it can only have grown since, so this never overfills.
            if (tail >= CLOSED || tail - indices.get(HEAD) >= capacity) {
                return false;
            }
        } while (!indices.compareAndSet(TAIL, tail, tail + 1));
        // A volatile write, then the read of CONSUMER_WAITING: the Dekker pair with take().
        SLOT.setVolatile(slots, (int) tail & mask, item);
        if (indices.get(CONSUMER_WAITING) != 0) {
            lock.lock();
            try {
                notEmpty.signal();
            } finally {
                lock.unlock();
            }
        }
        return true;
    }

    /**
     * Hands the item over, waiting for room up to {@code timeoutNanos} ({@link Long#MAX_VALUE}: as long as it takes),
     * running {@code whileWaiting} after each wake-up and at least every 50 ms (it throws to stop waiting).
     *
     * @return false if the time ran out or the ring is closed
     * @throws InterruptedException if interrupted while waiting (the item is then not handed over)
     */
    boolean offer(Object item, long timeoutNanos, Runnable whileWaiting) throws InterruptedException {
        if (offer(item)) {
            return true;
        }
        long deadline = System.nanoTime() + timeoutNanos;
        lock.lockInterruptibly();
        try {
            indices.getAndIncrement(PRODUCERS_WAITING);
            try {
                // Counted as waiting (a volatile write) before looking at the head: the Dekker pair with takeReady().
                while (!offer(item)) {
                    if (isClosed()) {
                        return false;
                    }
                    long wait = checkNanos;
                    if (timeoutNanos != Long.MAX_VALUE) {
                        long left = deadline - System.nanoTime();
                        if (left <= 0) {
                            return false;
                        }
                        wait = Math.min(wait, left);
                    }
                    notFull.awaitNanos(wait);
                    whileWaiting.run();
                }
                return true;
            } finally {
                indices.getAndDecrement(PRODUCERS_WAITING);
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Takes up to {@code batch.length} items into {@code batch}, in the order their slots were claimed, waiting up to
     * {@code waitNanos} for the first. Consumer only.
     *
     * @return how many were taken: 0 if none came in time
     * @throws InterruptedException if interrupted while waiting (nothing was taken then)
     */
    int take(Object[] batch, long waitNanos) throws InterruptedException {
        int n = takeReady(batch);
        if (n > 0 || waitNanos <= 0) {
            return n;
        }
        long deadline = System.nanoTime() + waitNanos;
        lock.lockInterruptibly();
        try {
            indices.set(CONSUMER_WAITING, 1);
            try {
                // Said first (a volatile write), then the slot read: the Dekker pair with offer().
                while ((n = takeReady(batch)) == 0) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        break;
                    }
                    notEmpty.awaitNanos(left);
                }
            } finally {
                indices.set(CONSUMER_WAITING, 0);
            }
        } finally {
            lock.unlock();
        }
        return n;
    }

    /** Takes what is written, without waiting. Consumer only. */
    int takeReady(Object[] batch) {
        long h = head;
        int n = 0;
        while (n < batch.length) {
            int i = (int) (h + n) & mask;
            Object item = SLOT.getVolatile(slots, i);
            if (item == null) {
                break; // not claimed, or claimed and not written yet
            }
            SLOT.set(slots, i, null);
            batch[n++] = item;
        }
        if (n > 0) {
            free(h + n);
        }
        return n;
    }

    /** Publishes the new head (the cleared slots before it) and wakes the producers waiting for room. */
    private void free(long newHead) {
        head = newHead;
        // A volatile write, then the read of PRODUCERS_WAITING: the Dekker pair with offer(item, timeout, check).
        indices.set(HEAD, newHead);
        if (indices.get(PRODUCERS_WAITING) != 0) {
            lock.lock();
            try {
                notFull.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }

    /** Refuses every claim from now on. Idempotent. Consumer only (then {@link #takeClosed} what is left). */
    void close() {
        long tail;
        do {
            tail = indices.get(TAIL);
        } while (tail < CLOSED && !indices.compareAndSet(TAIL, tail, tail | CLOSED));
        lock.lock();
        try {
            notFull.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Whether {@link #close()} was called. */
    boolean isClosed() {
        return indices.get(TAIL) >= CLOSED;
    }

    /**
     * Takes what is left in a closed ring, up to {@code batch.length} items at a time: every item whose slot was
     * claimed before the close, waiting (spinning) for a slot claimed but not yet written. Consumer only.
     *
     * @return how many were taken: 0 once the ring is empty
     * @throws IllegalStateException if the ring is not closed
     */
    int takeClosed(Object[] batch) {
        long tail = indices.get(TAIL);
        if (tail < CLOSED) {
            throw new IllegalStateException("the ring is open");
        }
        long end = tail & ~CLOSED;
        long h = head;
        int n = 0;
        while (n < batch.length && h + n < end) {
            int i = (int) (h + n) & mask;
            Object item;
            while ((item = SLOT.getVolatile(slots, i)) == null) {
                Thread.yield(); // claimed: its producer is between the claim and the write
            }
            SLOT.set(slots, i, null);
            batch[n++] = item;
        }
        if (n > 0) {
            free(h + n);
        }
        return n;
    }

    /** How many items wait (claimed slots not yet taken). */
    int size() {
        long h = indices.get(HEAD);
        long t = indices.get(TAIL) & ~CLOSED;
        return (int) Math.max(0, Math.min(capacity, t - h));
    }
}
