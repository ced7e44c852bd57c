package dev.cwfilter.aws;

import dev.cwfilter.metric.AlarmListener;
import dev.cwfilter.metric.AlarmStateChange;
import dev.cwfilter.metric.MetricAlarm;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.services.sns.SnsClient;

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
 * room, for replays where losing nothing matters more than the evaluation's pace. (The outbox is the one
 * {@link MetricDataStream} uses.)
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
public final class SnsAlarmNotifier extends QueuedSender<AlarmNotification> implements AlarmListener {

    /** The default capacity of the outbox. */
    public static final int DEFAULT_CAPACITY = 1000;
    /** The default time {@link #close()} waits for the outbox to drain. */
    public static final Duration DEFAULT_CLOSE_TIMEOUT = Duration.ofSeconds(60);

    private final AlarmMessages messages;

    private SnsAlarmNotifier(Builder b) {
        this.messages = b.messages;
        SnsClient sns = b.sns;
        DeliveryListener listener = b.listener;
        this.outbox = new Outbox<>("the notifier", "notifications", "SNS", "cwfilter-sns-notifier", b.capacity,
                b.whenFull, b.closeTimeout, 1, AlarmNotification::describe,
                SnsPublish.sender(sns, AlarmNotification::describe, (n, r) -> r.topicArn(n.topicArn())
                        .subject(n.subject()).messageStructure("json").message(n.messageStructure())),
                Outbox.Listener.of(listener::delivered, listener::failed));
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
            if (!SnsPublish.isTopic(action)) {
                outbox.refuse(n, DeliveryFailure.Reason.NOT_AN_SNS_TOPIC, "not an SNS topic ARN: '" + action
                        + "' (only SNS actions are run; EC2, Auto Scaling and Systems Manager actions are not)");
                continue;
            }
            outbox.offer(n);
        }
    }

    /** Builds a {@link SnsAlarmNotifier}. Not thread-safe. */
    public static final class Builder extends OutboxBuilder<Builder> {

        private final SnsClient sns;
        private AlarmMessages messages = AlarmMessages.defaults();
        private DeliveryListener listener = DeliveryListener.NONE;

        private Builder(SnsClient sns) {
            super(DEFAULT_CAPACITY);
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

        /** The notifier, with its sending thread started. */
        public SnsAlarmNotifier build() {
            return new SnsAlarmNotifier(this);
        }
    }
}
