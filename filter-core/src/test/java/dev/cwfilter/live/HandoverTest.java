package dev.cwfilter.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cwfilter.propcheck.Gen;
import dev.cwfilter.propcheck.PropCheck;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The monitor's queue: bounded, nothing lost or repeated, each producer's items in order, refusals exactly when full,
 * waits that end by a signal, and nothing left behind by a close.
 *
 * <p>The rings here check on waiting producers only once an hour, and consumers wait an hour for an item: a wake-up
 * that is lost hangs the test until its timeout, rather than being covered by the periodic check.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class HandoverTest {

    private static final Runnable NOTHING = () -> { };
    private static final long HOUR = TimeUnit.HOURS.toNanos(1);

    private static Handover ring(int capacity) {
        return new Handover(capacity, HOUR);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 5, 8, 1000})
    void offersAreRefusedExactlyWhileCapacityItemsWait(int capacity) {
        Handover queue = ring(capacity);
        for (int i = 0; i < capacity; i++) {
            assertThat(queue.offer(i)).as("item %d of %d", i, capacity).isTrue();
        }
        assertThat(queue.offer(-1)).as("full").isFalse();
        assertThat(queue.size()).isEqualTo(capacity);
        Object[] two = new Object[2];
        int taken = queue.takeReady(two);
        assertThat(taken).isEqualTo(Math.min(2, capacity));
        assertThat(two[0]).isEqualTo(0);
        assertThat(queue.size()).isEqualTo(capacity - taken);
        for (int i = 0; i < taken; i++) {
            assertThat(queue.offer(capacity + i)).as("room for what was taken").isTrue();
        }
        assertThat(queue.offer(-1)).as("full again").isFalse();
        List<Object> rest = new ArrayList<>();
        Object[] batch = new Object[7];
        int n;
        while ((n = queue.takeReady(batch)) > 0) {
            rest.addAll(Arrays.asList(batch).subList(0, n));
        }
        List<Object> expected = new ArrayList<>();
        for (int i = taken; i < capacity + taken; i++) {
            expected.add(i);
        }
        assertThat(rest).isEqualTo(expected);
        assertThat(queue.size()).isZero();
    }

    /**
     * Producers hand items over three ways (an offer that gives up at once, an offer that waits for room, a timed
     * offer), the consumer takes batches, waiting for each: every item accepted arrives exactly once, after the
     * earlier accepted items of its producer; no refused item arrives; and the rounds of the ring (its capacity a
     * few dozen at most, thousands of items) wrap its indices around many times.
     */
    @Test
    void everyAcceptedItemArrivesOnceInItsProducersOrderAndNoRefusedOneDoes() {
        PropCheck.tries(40).forAll(Gen.integers(1, 40), Gen.integers(1, 8), Gen.longs(Long.MIN_VALUE, Long.MAX_VALUE),
                (capacity, producers, seed) -> {
            int perProducer = 1_500;
            int batchSize = 1 + new Random(seed).nextInt(64);
            Handover queue = ring(capacity);
            Run run = new Run(producers);
            for (int p = 0; p < producers; p++) {
                int producer = p;
                Random random = new Random(seed + p);
                run.start(() -> {
                    for (int i = 0; i < perProducer; i++) {
                        Item item = new Item(producer, i);
                        boolean accepted = switch (random.nextInt(3)) {
                            case 0 -> queue.offer(item);
                            case 1 -> queue.offer(item, Long.MAX_VALUE, NOTHING);
                            default -> queue.offer(item, random.nextInt(50_000), NOTHING);
                        };
                        run.record(producer, i, accepted);
                    }
                    assertThat(queue.offer(new End(producer), Long.MAX_VALUE, NOTHING)).isTrue();
                });
            }
            Object[] batch = new Object[batchSize];
            int[] next = new int[producers];
            int ended = 0;
            while (ended < producers) {
                int n = queue.take(batch, HOUR);
                assertThat(n).as("a take that waits an hour returns with an item").isPositive();
                for (int i = 0; i < n; i++) {
                    if (batch[i] instanceof End) {
                        ended++;
                    } else {
                        Item item = (Item) batch[i];
                        assertThat(item.index).as("producer %d's item", item.producer)
                                .isGreaterThanOrEqualTo(next[item.producer]);
                        for (int skipped = next[item.producer]; skipped < item.index; skipped++) {
                            assertThat(run.accepted(item.producer, skipped)).as("producer %d's item %d, refused",
                                    item.producer, skipped).isFalse();
                        }
                        assertThat(run.accepted(item.producer, item.index)).as("accepted").isTrue();
                        next[item.producer] = item.index + 1;
                    }
                }
            }
            run.join();
            for (int p = 0; p < producers; p++) {
                for (int i = next[p]; i < perProducer; i++) {
                    assertThat(run.accepted(p, i)).as("producer %d's item %d was accepted and never arrived", p, i)
                            .isFalse();
                }
            }
            assertThat(queue.takeReady(batch)).as("nothing more").isZero();
            assertThat(queue.size()).isZero();
        });
    }

    /** The non-waiting offer is refused exactly when capacity items wait: the refusals are what a count predicts. */
    @Test
    void refusalsAreExactlyTheOffersMadeWhileTheRingWasFull() {
        PropCheck.tries(200).forAll(Gen.integers(1, 20), Gen.longs(Long.MIN_VALUE, Long.MAX_VALUE), (capacity, seed) -> {
            Handover queue = ring(capacity);
            Random random = new Random(seed);
            Object[] batch = new Object[1 + random.nextInt(8)];
            int waiting = 0;
            int refused = 0;
            int expectRefused = 0;
            for (int step = 0; step < 500; step++) {
                if (random.nextInt(3) == 0) {
                    waiting -= queue.takeReady(batch);
                } else {
                    if (waiting == capacity) {
                        expectRefused++;
                    }
                    if (queue.offer(step)) {
                        waiting++;
                    } else {
                        refused++;
                    }
                }
                assertThat(queue.size()).isEqualTo(waiting);
            }
            assertThat(refused).isEqualTo(expectRefused);
        });
    }

    @Test
    void aWaitingTakeIsWokenByAnOffer() throws Exception {
        Handover queue = ring(4);
        CountDownLatch waiting = new CountDownLatch(1);
        AtomicReference<Object> got = new AtomicReference<>();
        Thread consumer = new Thread(() -> {
            Object[] batch = new Object[4];
            waiting.countDown();
            try {
                if (queue.take(batch, HOUR) == 1) {
                    got.set(batch[0]);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        consumer.start();
        waiting.await();
        Thread.sleep(100);
        assertThat(queue.offer("x")).isTrue();
        consumer.join();
        assertThat(got.get()).isEqualTo("x");
        long start = System.nanoTime();
        assertThat(queue.take(new Object[1], TimeUnit.MILLISECONDS.toNanos(20))).as("nothing came").isZero();
        assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(20));
    }

    @Test
    void aTimedOfferGivesUpAndAWaitingOfferIsWokenByTheRoomFreed() throws Exception {
        Handover queue = ring(1);
        assertThat(queue.offer("a")).isTrue();
        long start = System.nanoTime();
        assertThat(queue.offer("b", TimeUnit.MILLISECONDS.toNanos(30), NOTHING)).isFalse();
        assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(30));
        AtomicReference<Boolean> put = new AtomicReference<>();
        Thread producer = waitingForRoom(queue, "c", put);
        Object[] batch = new Object[1];
        assertThat(queue.takeReady(batch)).isEqualTo(1);
        assertThat(batch[0]).isEqualTo("a");
        producer.join();
        assertThat(put.get()).isTrue();
        assertThat(queue.takeReady(batch)).isEqualTo(1);
        assertThat(batch[0]).isEqualTo("c");
    }

    /**
     * A producer offering {@code item} with no deadline to a full ring, started and seen still waiting after 200 ms;
     * {@code put} gets what its offer returns.
     */
    private static Thread waitingForRoom(Handover queue, String item, AtomicReference<Boolean> put)
            throws InterruptedException {
        Thread producer = new Thread(() -> {
            try {
                put.set(queue.offer(item, Long.MAX_VALUE, NOTHING));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        producer.start();
        producer.join(200);
        assertThat(producer.isAlive()).as("waits for room").isTrue();
        return producer;
    }

    @Test
    void interruptsEndWaitsAndHandNothingOver() throws Exception {
        Handover queue = new Handover(1);
        assertThat(queue.offer("a")).isTrue();
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread producer = new Thread(() -> {
            try {
                queue.offer("b", Long.MAX_VALUE, NOTHING);
            } catch (Throwable e) {
                thrown.set(e);
            }
        });
        producer.start();
        producer.join(100);
        producer.interrupt();
        producer.join();
        assertThat(thrown.get()).isInstanceOf(InterruptedException.class);
        Object[] batch = new Object[4];
        assertThat(queue.takeReady(batch)).as("b was not handed over").isEqualTo(1);
        assertThat(batch[0]).isEqualTo("a");
        Thread consumer = new Thread(() -> {
            try {
                queue.take(batch, HOUR);
            } catch (Throwable e) {
                thrown.set(e);
            }
        });
        thrown.set(null);
        consumer.start();
        consumer.join(100);
        consumer.interrupt();
        consumer.join();
        assertThat(thrown.get()).isInstanceOf(InterruptedException.class);
        assertThat(queue.offer("c")).isTrue();
        assertThat(queue.takeReady(batch)).isEqualTo(1);
        assertThat(batch[0]).isEqualTo("c");
    }

    @Test
    void aWaitingOfferStopsWhenItsCheckThrows() throws Exception {
        Handover queue = new Handover(1);
        assertThat(queue.offer("a")).isTrue();
        AtomicBoolean closed = new AtomicBoolean();
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread producer = new Thread(() -> {
            try {
                queue.offer("b", Long.MAX_VALUE, () -> {
                    if (closed.get()) {
                        throw new IllegalStateException("closed");
                    }
                });
            } catch (Throwable e) {
                thrown.set(e);
            }
        });
        producer.start();
        producer.join(100);
        closed.set(true);
        producer.join();
        assertThat(thrown.get()).isInstanceOf(IllegalStateException.class);
        Object[] batch = new Object[4];
        assertThat(queue.takeReady(batch)).as("b was not handed over").isEqualTo(1);
        assertThat(batch[0]).isEqualTo("a");
    }

    /**
     * A close while producers keep offering (some waiting for room): every offer accepted before it is taken after it,
     * exactly once; every offer after it is refused; and a producer waiting for room is woken by the close.
     */
    @Test
    void aCloseLeavesNothingHandedOverBehindAndWakesWaitingProducers() {
        PropCheck.tries(40).forAll(Gen.integers(1, 16), Gen.integers(1, 6), Gen.longs(Long.MIN_VALUE, Long.MAX_VALUE),
                (capacity, producers, seed) -> {
            Random random = new Random(seed);
            Handover queue = ring(capacity);
            int perProducer = 100_000;
            Run run = new Run(producers);
            for (int p = 0; p < producers; p++) {
                int producer = p;
                boolean waits = p % 2 == 1;
                run.start(() -> {
                    for (int i = 0; i < perProducer; i++) {
                        boolean closedBefore = queue.isClosed();
                        boolean accepted = waits ? queue.offer(new Item(producer, i), Long.MAX_VALUE, NOTHING)
                                : queue.offer(new Item(producer, i));
                        run.record(producer, i, accepted);
                        if (closedBefore) {
                            assertThat(accepted).as("an offer after the close").isFalse();
                            return;
                        }
                    }
                });
            }
            Object[] batch = new Object[1 + random.nextInt(32)];
            List<Item> received = new ArrayList<>();
            int batches = random.nextInt(50);
            for (int b = 0; b < batches; b++) {
                int n = queue.takeReady(batch);
                for (int i = 0; i < n; i++) {
                    received.add((Item) batch[i]);
                }
                Thread.yield();
            }
            queue.close();
            assertThat(queue.isClosed()).isTrue();
            int n;
            while ((n = queue.takeClosed(batch)) > 0) {
                for (int i = 0; i < n; i++) {
                    received.add((Item) batch[i]);
                }
            }
            run.join();
            assertThat(queue.offer("late")).isFalse();
            assertThat(queue.takeClosed(batch)).as("nothing claimed after the close").isZero();
            assertThat(queue.size()).isZero();
            long accepted = 0;
            for (int p = 0; p < producers; p++) {
                for (int i = 0; i < perProducer; i++) {
                    accepted += run.accepted(p, i) ? 1 : 0;
                }
            }
            assertThat(received).as("what was accepted, each once").hasSize((int) accepted).doesNotHaveDuplicates();
            for (Item item : received) {
                assertThat(run.accepted(item.producer, item.index)).isTrue();
            }
        });
    }

    @Test
    void aProducerWaitingForRoomGivesUpWhenTheRingCloses() throws Exception {
        Handover queue = ring(1);
        assertThat(queue.offer("a")).isTrue();
        AtomicReference<Boolean> put = new AtomicReference<>();
        Thread producer = waitingForRoom(queue, "b", put);
        queue.close();
        producer.join();
        assertThat(put.get()).as("refused by the close, before any room was freed").isFalse();
        Object[] batch = new Object[2];
        assertThat(queue.takeClosed(batch)).isEqualTo(1);
        assertThat(batch[0]).isEqualTo("a");
    }

    /**
     * A producer between its claim and its write when the ring closes (made here by advancing the tail by hand): the
     * consumer's takeClosed waits for the item, rather than stopping at the empty slot and leaving it behind.
     */
    @Test
    void takeClosedWaitsForASlotClaimedBeforeTheCloseToBeWritten() throws Exception {
        Handover queue = ring(4);
        assertThat(queue.offer("a")).isTrue();
        AtomicLongArray indices = (AtomicLongArray) field(queue, "indices");
        Object[] slots = (Object[]) field(queue, "slots");
        java.lang.reflect.Field tail = Handover.class.getDeclaredField("TAIL");
        tail.setAccessible(true);
        indices.incrementAndGet(tail.getInt(null)); // slot 1 claimed, not written
        queue.close();
        List<Object> got = java.util.Collections.synchronizedList(new ArrayList<>());
        Thread consumer = new Thread(() -> {
            Object[] batch = new Object[4];
            int n;
            while ((n = queue.takeClosed(batch)) > 0) {
                got.addAll(Arrays.asList(batch).subList(0, n));
            }
        });
        consumer.start();
        consumer.join(300);
        assertThat(consumer.isAlive()).as("waits for the claimed slot").isTrue();
        java.lang.invoke.MethodHandles.arrayElementVarHandle(Object[].class).setVolatile(slots, 1, "b");
        consumer.join();
        assertThat(got).containsExactly("a", "b");
    }

    private static Object field(Handover queue, String name) throws ReflectiveOperationException {
        java.lang.reflect.Field f = Handover.class.getDeclaredField(name);
        f.setAccessible(true);
        return f.get(queue);
    }

    @Test
    void takeClosedIsForAClosedRingAndCloseIsIdempotent() {
        Handover queue = ring(2);
        assertThat(queue.offer("a")).isTrue();
        assertThatThrownBy(() -> queue.takeClosed(new Object[1])).isInstanceOf(IllegalStateException.class);
        queue.close();
        queue.close();
        assertThat(queue.size()).isEqualTo(1);
        Object[] batch = new Object[2];
        assertThat(queue.takeClosed(batch)).isEqualTo(1);
        assertThat(batch[0]).isEqualTo("a");
        assertThat(queue.offer("b")).isFalse();
    }

    @Test
    void capacityIsBetweenOneAndTwoToTheThirty() {
        assertThatThrownBy(() -> new Handover(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Handover(Handover.MAX_CAPACITY + 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LogGroupMonitor.builder(Seed.group()).queueCapacity(Handover.MAX_CAPACITY + 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2^30");
    }

    private record Item(int producer, int index) {
    }

    /** A producer's last item, after all of its others. */
    private record End(int producer) {
    }

    /** Producer threads, what each offer returned, and the first failure. */
    private static final class Run {
        private final List<Thread> threads = new ArrayList<>();
        private final AtomicReference<Throwable> failure = new AtomicReference<>();
        /** Per producer, per item: 0 not yet offered, 1 accepted, 2 refused. */
        private final AtomicIntegerArray[] outcomes;
        private final AtomicIntegerArray done;

        Run(int producers) {
            outcomes = new AtomicIntegerArray[producers];
            for (int p = 0; p < producers; p++) {
                outcomes[p] = new AtomicIntegerArray(100_000);
            }
            done = new AtomicIntegerArray(producers);
        }

        void start(ThrowingRunnable body) {
            int producer = threads.size();
            Thread t = new Thread(() -> {
                try {
                    body.run();
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                } finally {
                    done.set(producer, 1);
                }
            });
            threads.add(t);
            t.start();
        }

        void record(int producer, int index, boolean accepted) {
            outcomes[producer].set(index, accepted ? 1 : 2);
        }

        /**
         * Whether the item was accepted. Asked by the consumer of an item it took, the answer may not be recorded
         * yet (the producer records after its offer returns): then it waits for it.
         */
        boolean accepted(int producer, int index) {
            while (outcomes[producer].get(index) == 0 && done.get(producer) == 0) {
                Thread.onSpinWait();
            }
            return outcomes[producer].get(index) == 1;
        }

        void join() throws InterruptedException {
            for (Thread t : threads) {
                t.join();
            }
            assertThat(failure.get()).isNull();
        }
    }

    @FunctionalInterface
    private interface ThrowingRunnable {
        void run() throws Exception;
    }
}
