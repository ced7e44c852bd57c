package dev.cwfilter.aws;

import dev.cwfilter.metric.AlarmListener;
import dev.cwfilter.metric.AlarmStateChange;
import dev.cwfilter.metric.MetricAlarm;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.PublishResponse;

/**
 * An {@link AlarmListener} that runs an alarm's SNS actions as CloudWatch does: for each transition, one SNS
 * {@code Publish} per topic in the alarm's actions for the new state (none when actions are disabled), with
 * CloudWatch's subject and {@code MessageStructure=json} message ({@link AlarmMessages}).
 *
 * <pre>{@code
 * try (SnsAlarmNotifier notifier = SnsAlarmNotifier.builder(aws.sns()).listener(myListener).build()) {
 *     new AlarmEvaluator(alarm, metric, notifier).replay();
 * }   // close() waits for the outbox to drain
 * }</pre>
 *
 * <h2>The outbox</h2>
 * Publishing never happens on the evaluating thread. {@link #onStateChange} puts the notifications in a bounded
 * outbox (capacity {@link Builder#capacity(int)}, 1,000 by default) and returns; one sending thread publishes them in
 * order, each with the SDK's retries and backoff (those of the {@link SnsClient}: standard mode retries throttling,
 * 5xx answers, timeouts and I/O errors). When the outbox is full, {@link WhenFull#REJECT} (the default) refuses the
 * notification at once, so that evaluation never waits; {@link WhenFull#WAIT} makes the evaluating thread wait for
 * room, for replays where losing nothing matters more than the evaluation's pace.
 *
 * <h2>Guarantees</h2>
 * Every notification ends in exactly one of: delivered (SNS returned a message ID), or failed with a
 * {@link DeliveryFailure.Reason} — refused because the outbox was full, not sent because the notifier closed first,
 * not an SNS topic, or Publish failed after the SDK's retries. The {@link DeliveryListener} hears of each, and
 * {@link #counts()} adds them up, so no notification is lost unannounced. Delivery is at least once from SNS's side:
 * a retried Publish whose first attempt reached SNS but whose answer was lost is delivered twice, as the SDK cannot
 * tell. {@link #close()} stops taking notifications, waits up to {@link Builder#closeTimeout(Duration)} for the
 * outbox to drain, and reports what is left as {@link DeliveryFailure.Reason#CLOSED}; the sending thread is a daemon
 * thread, so a notifier that is never closed loses what is still queued when the JVM exits.
 *
 * <p>Thread-safe: any number of evaluators may share one notifier.
 */
public final class SnsAlarmNotifier implements AlarmListener, AutoCloseable {

    /** The default capacity of the outbox. */
    public static final int DEFAULT_CAPACITY = 1000;
    /** The default time {@link #close()} waits for the outbox to drain. */
    public static final Duration DEFAULT_CLOSE_TIMEOUT = Duration.ofSeconds(60);

    private static final Pattern SNS_TOPIC = Pattern.compile("arn:aws[a-z-]*:sns:[a-z0-9-]+:\\d{12}:[A-Za-z0-9_.-]+");
    private static final AlarmNotification STOP = new AlarmNotification("", "", dev.cwfilter.metric.AlarmState.OK,
            dev.cwfilter.metric.AlarmState.ALARM, 0, "", "", "");

    /** What {@link #onStateChange} does when the outbox is full. */
    public enum WhenFull {
        /** Refuse the notification at once and report it failed ({@link DeliveryFailure.Reason#OUTBOX_FULL}). */
        REJECT,
        /** Wait for room: the evaluating thread blocks until the sending thread has taken a notification. */
        WAIT
    }

    /**
     * What became of the notifications so far. {@code created = delivered + failed + pending}, where failed counts
     * every reason and {@code rejected}, {@code abandoned}, {@code notSns} are parts of it.
     *
     * @param created   notifications made from transitions
     * @param delivered accepted by SNS
     * @param failed    not delivered, for any reason
     * @param rejected  of the failed, refused because the outbox was full
     * @param abandoned of the failed, still queued or refused when the notifier closed
     * @param notSns    of the failed, actions that are no SNS topic
     * @param pending   queued or being sent
     */
    public record Counts(long created, long delivered, long failed, long rejected, long abandoned, long notSns,
                         long pending) {
    }

    private final SnsClient sns;
    private final AlarmMessages messages;
    private final DeliveryListener listener;
    private final WhenFull whenFull;
    private final Duration closeTimeout;
    private final BlockingQueue<AlarmNotification> outbox;
    private final Thread sender;
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

    private SnsAlarmNotifier(Builder b) {
        this.sns = b.sns;
        this.messages = b.messages;
        this.listener = b.listener;
        this.whenFull = b.whenFull;
        this.closeTimeout = b.closeTimeout;
        this.outbox = new ArrayBlockingQueue<>(b.capacity);
        this.sender = new Thread(this::send, "cwfilter-sns-notifier");
        sender.setDaemon(true);
        sender.start();
    }

    /** A builder for a notifier publishing with {@code sns}. */
    public static Builder builder(SnsClient sns) {
        return new Builder(sns);
    }

    /**
     * Queues one notification per SNS topic among the transition's actions; returns without waiting for SNS
     * (unless the outbox is full and the notifier {@linkplain WhenFull#WAIT waits}).
     */
    @Override
    public void onStateChange(MetricAlarm alarm, AlarmStateChange change) {
        for (String action : change.actions()) {
            AlarmNotification n = new AlarmNotification(alarm.alarmName(), action, change.oldState(),
                    change.newState(), change.timestamp(), messages.subject(alarm, change),
                    messages.body(alarm, change), messages.messageStructure(alarm, change));
            synchronized (lock) {
                created++;
            }
            if (!SNS_TOPIC.matcher(action).matches()) {
                fail(n, DeliveryFailure.Reason.NOT_AN_SNS_TOPIC, "not an SNS topic ARN: '" + action
                        + "' (only SNS actions are run; EC2, Auto Scaling and Systems Manager actions are not)", null);
                continue;
            }
            offer(n);
        }
    }

    private void offer(AlarmNotification n) {
        if (closed) {
            fail(n, DeliveryFailure.Reason.CLOSED, "the notifier is closed; " + n.describe() + " was not sent", null);
            return;
        }
        boolean queued;
        if (whenFull == WhenFull.WAIT) {
            try {
                outbox.put(n);
                queued = true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail(n, DeliveryFailure.Reason.CLOSED, "interrupted while waiting for room in the outbox; "
                        + n.describe() + " was not sent", e);
                return;
            }
        } else {
            queued = outbox.offer(n);
        }
        if (queued && finished && outbox.remove(n)) {
            // Queued after the sending thread stopped: close() has drained the outbox, so this one is ours to report.
            fail(n, DeliveryFailure.Reason.CLOSED, "the notifier closed before " + n.describe() + " could be sent",
                    null);
        } else if (!queued) {
            fail(n, DeliveryFailure.Reason.OUTBOX_FULL, "the outbox is full (" + (outbox.size()
                    + outbox.remainingCapacity()) + " notifications waiting for SNS); " + n.describe()
                    + " was not sent", null);
        }
    }

    private void send() {
        while (true) {
            AlarmNotification n;
            try {
                n = outbox.take();
            } catch (InterruptedException e) {
                return;
            }
            if (n == STOP) {
                return;
            }
            synchronized (lock) {
                inFlight++;
            }
            try {
                PublishResponse response = sns.publish(r -> r.topicArn(n.topicArn()).subject(n.subject())
                        .messageStructure("json").message(n.messageStructure()));
                synchronized (lock) {
                    delivered++;
                }
                tell(() -> listener.delivered(n, response.messageId()));
            } catch (SdkException | IllegalStateException e) {
                fail(n, DeliveryFailure.Reason.PUBLISH_FAILED, AwsErrors.describe("SNS Publish of " + n.describe(),
                        e), e);
            } finally {
                synchronized (lock) {
                    inFlight--;
                    lock.notifyAll();
                }
            }
        }
    }

    private void fail(AlarmNotification n, DeliveryFailure.Reason reason, String message, Throwable cause) {
        synchronized (lock) {
            failed++;
            switch (reason) {
                case OUTBOX_FULL -> rejected++;
                case CLOSED -> abandoned++;
                case NOT_AN_SNS_TOPIC -> notSns++;
                default -> {
                }
            }
        }
        DeliveryFailure failure = new DeliveryFailure(reason, message, Optional.ofNullable(cause));
        tell(() -> listener.failed(n, failure));
    }

    private void tell(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            // A failing listener must not stop the notifier; the counts still hold the outcome.
            synchronized (lock) {
                if (listenerFailures.size() < 100) {
                    listenerFailures.add(e);
                }
            }
        }
    }

    /** What became of the notifications so far. */
    public Counts counts() {
        synchronized (lock) {
            long pending = created - delivered - failed;
            return new Counts(created, delivered, failed, rejected, abandoned, notSns, pending);
        }
    }

    /** Exceptions the listener threw (the first 100), which the notifier caught. */
    public List<Throwable> listenerFailures() {
        synchronized (lock) {
            return List.copyOf(listenerFailures);
        }
    }

    /**
     * Waits until every queued notification has been delivered or has failed, or the timeout passes.
     *
     * @return true if nothing is pending
     * @throws InterruptedException if interrupted while waiting
     */
    public boolean flush(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (!outbox.isEmpty() || inFlight > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(lock, Math.min(left, TimeUnit.MILLISECONDS.toNanos(50)));
            }
            return true;
        }
    }

    /**
     * Stops taking notifications, waits up to the close timeout for the outbox to drain, then stops the sending
     * thread; notifications still queued are reported as {@link DeliveryFailure.Reason#CLOSED}. A Publish in progress
     * at the deadline is given the SDK's own timeouts to finish. Idempotent.
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
        while (!outbox.offer(STOP)) {
            abandonQueued();
        }
        try {
            sender.join(Duration.ofMinutes(5).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        finished = true;
        abandonQueued();
    }

    private void abandonQueued() {
        List<AlarmNotification> left = new ArrayList<>();
        outbox.drainTo(left);
        for (AlarmNotification n : left) {
            if (n != STOP) {
                fail(n, DeliveryFailure.Reason.CLOSED, "the notifier closed before " + n.describe()
                        + " could be sent", null);
            }
        }
    }

    /** Builds a {@link SnsAlarmNotifier}. Not thread-safe. */
    public static final class Builder {

        private final SnsClient sns;
        private AlarmMessages messages = AlarmMessages.defaults();
        private DeliveryListener listener = DeliveryListener.NONE;
        private int capacity = DEFAULT_CAPACITY;
        private WhenFull whenFull = WhenFull.REJECT;
        private Duration closeTimeout = DEFAULT_CLOSE_TIMEOUT;

        private Builder(SnsClient sns) {
            this.sns = Objects.requireNonNull(sns, "sns");
        }

        /** How subjects and messages are written (the region and account of alarms without an ARN). */
        public Builder messages(AlarmMessages messages) {
            this.messages = Objects.requireNonNull(messages, "messages");
            return this;
        }

        /** Told of each notification's outcome. Default none (the counts still tell). */
        public Builder listener(DeliveryListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /** How many notifications may wait for SNS. Default 1,000. */
        public Builder capacity(int capacity) {
            if (capacity < 1) {
                throw new IllegalArgumentException("capacity must be at least 1, not " + capacity);
            }
            this.capacity = capacity;
            return this;
        }

        /** What to do when the outbox is full. Default {@link WhenFull#REJECT}. */
        public Builder whenFull(WhenFull whenFull) {
            this.whenFull = Objects.requireNonNull(whenFull, "whenFull");
            return this;
        }

        /** How long {@link #close()} waits for the outbox to drain. Default 60 s. */
        public Builder closeTimeout(Duration closeTimeout) {
            this.closeTimeout = Objects.requireNonNull(closeTimeout, "closeTimeout");
            return this;
        }

        /** The notifier, with its sending thread started. */
        public SnsAlarmNotifier build() {
            return new SnsAlarmNotifier(this);
        }
    }
}
