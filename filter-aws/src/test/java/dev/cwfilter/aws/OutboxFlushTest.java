package dev.cwfilter.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * {@link Outbox#flush} returns true only once every item offered before it has its outcome and the listener has been
 * told. The sending thread takes an item from the queue a moment before it counts it as in flight; a flush that
 * looked only at the queue and the in-flight count returned true in that moment (with the item not yet sent). Here
 * the moment is stretched to 300 ms, longer than the flush's 50 ms between looks, so such a flush is caught every time.
 */
class OutboxFlushTest {

    @Test
    void aFlushThatReturnsTrueFollowsTheOutcomeOfEveryItemOfferedBeforeIt() throws InterruptedException {
        List<Integer> told = new CopyOnWriteArrayList<>();
        ArrayBlockingQueue<Object> slowTake = new ArrayBlockingQueue<>(4) {
            @Override
            public Object take() throws InterruptedException {
                Object item = super.take();
                Thread.sleep(300);
                return item;
            }
        };
        try (Outbox<Integer> outbox = new Outbox<>("the test", "items", "nowhere", "outbox-flush-test", slowTake,
                WhenFull.REJECT, Duration.ofSeconds(5), 10, i -> "item " + i, (batch, outcomes) -> {
                    for (Integer i : batch) {
                        outcomes.delivered(i, "id-" + i);
                    }
                }, Outbox.Listener.of((i, id) -> told.add(i), (i, failure) -> told.add(-i)))) {
            for (int i = 1; i <= 3; i++) {
                outbox.offer(i);
                assertThat(outbox.flush(Duration.ofSeconds(5))).as("flush after item %d", i).isTrue();
                assertThat(told).as("told after the flush of item %d", i).hasSize(i).last().isEqualTo(i);
                assertThat(outbox.counts().pending()).isZero();
            }
        }
    }
}
