package dev.cwfilter.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * A refused item's message states the outbox's capacity, whatever the sending thread does meanwhile. The message once
 * added the queue's size and its remaining capacity, two readings the sending thread could come between: when it took
 * an item after the first, a full outbox of one said "2 items waiting" (seen in CI). Here the sending thread is made to
 * take an item exactly between the two readings, every time.
 */
class OutboxFullMessageTest {

    @Test
    void aFullOutboxStatesItsCapacityWhileTheSendingThreadTakesAnItem() throws InterruptedException {
        CountDownLatch sending = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean raced = new AtomicBoolean();
        ArrayBlockingQueue<Object> racing = new ArrayBlockingQueue<>(1) {
            @Override
            public int size() {
                int size = super.size();
                if (!raced.compareAndSet(false, true)) {
                    return size;
                }
                release.countDown();
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
                while (super.size() > 0 && System.nanoTime() < deadline) {
                    Thread.onSpinWait();
                }
                return size;
            }
        };
        List<String> refused = new CopyOnWriteArrayList<>();
        try (Outbox<Integer> outbox = new Outbox<>("the test", "items", "nowhere", "outbox-full-message-test", racing,
                WhenFull.REJECT, Duration.ofSeconds(5), 1, i -> "item " + i, (batch, outcomes) -> {
                    sending.countDown();
                    try {
                        release.await(5, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    for (Integer i : batch) {
                        outcomes.delivered(i, "id-" + i);
                    }
                }, Outbox.Listener.of((i, id) -> { }, (i, failure) -> refused.add(failure.message())))) {
            outbox.offer(1);
            assertThat(sending.await(5, TimeUnit.SECONDS)).as("item 1 taken and being sent").isTrue();
            outbox.offer(2);
            outbox.offer(3);
            release.countDown();
            assertThat(outbox.flush(Duration.ofSeconds(5))).isTrue();
        }
        assertThat(refused).containsExactly("the outbox is full (1 items waiting for nowhere); item 3 was not sent");
    }
}
