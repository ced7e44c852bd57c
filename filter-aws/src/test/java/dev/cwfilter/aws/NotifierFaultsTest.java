package dev.cwfilter.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cwfilter.metric.AlarmEvaluator;
import dev.cwfilter.metric.AlarmState;
import dev.cwfilter.metric.AlarmStateChange;
import dev.cwfilter.metric.MetricAlarm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.profiles.ProfileFile;

/**
 * Faults between the notifier and SNS: each gives a clear message, is retried where the SDK retries, and every
 * notification ends delivered or reported.
 */
class NotifierFaultsTest {

    private static final long NOON = SnsAlarmNotifierTest.NOON;
    private static final long MINUTE = SnsAlarmNotifierTest.MINUTE;

    private static AwsClients clients(java.net.URI endpoint, Duration timeout, int attempts) {
        return AwsClients.builder().endpoint(endpoint).region("us-east-1").credentials(Moto.CREDENTIALS)
                .socketTimeout(timeout).attemptTimeout(timeout).connectionTimeout(timeout).maxAttempts(attempts)
                .build();
    }

    /**
     * A topic subscribed to by {@code subscriber}, made through a client with patient timeouts: the set-up is not what
     * a test of short timeouts tests, and on a loaded machine it may take longer than they allow.
     */
    private static String topic(java.net.URI endpoint, HttpSubscriber subscriber) {
        try (AwsClients setup = clients(endpoint, Duration.ofSeconds(10), 3)) {
            return SnsAlarmNotifierTest.topic(setup.sns(), subscriber);
        }
    }

    /** One ALARM transition of a fresh alarm on {@code topic}, through {@code notifier}. */
    private static void alarm(SnsAlarmNotifier notifier, String topic) {
        MetricAlarm alarm = SnsAlarmNotifierTest.alarm("fault-" + UUID.randomUUID(), List.of(topic), List.of());
        new AlarmEvaluator(alarm, SnsAlarmNotifierTest.oneReadAt(NOON + 3 * MINUTE), notifier)
                .evaluate(NOON + 4 * MINUTE);
    }

    private static void assertAccounted(SnsAlarmNotifier notifier, RecordingListener listener) {
        DeliveryCounts c = notifier.counts();
        assertThat(c.pending()).isZero();
        assertThat(c.created()).isEqualTo(c.delivered() + c.failed());
        assertThat(listener.delivered).hasSize((int) c.delivered());
        assertThat(listener.failed).hasSize((int) c.failed());
    }

    @Test
    void throttlingIsRetriedWithBackoffUntilSnsTakesTheNotification() throws Exception {
        try (LocalAws proxy = LocalAws.shared(); AwsClients aws = clients(proxy.endpoint(), Duration.ofSeconds(10), 3);
             HttpSubscriber subscriber = new HttpSubscriber()) {
            String topic = SnsAlarmNotifierTest.topic(aws.sns(), subscriber);
            proxy.failNext("sns", "Publish", 2, 400, "Throttling");
            RecordingListener listener = new RecordingListener();
            SnsAlarmNotifier notifier = SnsAlarmNotifier.builder(aws.sns()).listener(listener).build();
            try (notifier) {
                alarm(notifier, topic);
            }
            assertThat(listener.delivered).hasSize(1);
            assertThat(proxy.calls("sns", "Publish")).isEqualTo(3);
            assertThat(subscriber.notifications(1, Duration.ofSeconds(5))).hasSize(1);
            assertAccounted(notifier, listener);
        }
    }

    @Test
    void serverErrorsThatOutlastTheRetriesAreReportedWithTheirCodeAndAttempts() throws Exception {
        try (LocalAws proxy = LocalAws.shared(); AwsClients aws = clients(proxy.endpoint(), Duration.ofSeconds(10), 3);
             HttpSubscriber subscriber = new HttpSubscriber()) {
            String topic = SnsAlarmNotifierTest.topic(aws.sns(), subscriber);
            proxy.failNext("sns", "Publish", 3, 500, "InternalError");
            RecordingListener listener = new RecordingListener();
            SnsAlarmNotifier notifier = SnsAlarmNotifier.builder(aws.sns()).listener(listener).build();
            try (notifier) {
                alarm(notifier, topic);
                alarm(notifier, topic);
            }
            assertThat(listener.failed).singleElement().satisfies(f -> {
                assertThat(f.failure().reason()).isEqualTo(DeliveryFailure.Reason.PUBLISH_FAILED);
                assertThat(f.failure().message()).contains("SNS Publish of alarm", topic, "InternalError",
                        "HTTP 500", "after 3 attempts");
            });
            // The second notification, after the faults, went through.
            assertThat(listener.delivered).hasSize(1);
            assertThat(proxy.calls("sns", "Publish")).isEqualTo(4);
            assertAccounted(notifier, listener);
        }
    }

    @Test
    void aHangingConnectionTimesOutWithoutHoldingUpEvaluation() throws Exception {
        try (LocalAws proxy = LocalAws.shared(); AwsClients aws = clients(proxy.endpoint(), Duration.ofSeconds(1), 2);
             HttpSubscriber subscriber = new HttpSubscriber()) {
            String topic = topic(proxy.endpoint(), subscriber);
            proxy.hangNext("sns", 2);
            RecordingListener listener = new RecordingListener();
            SnsAlarmNotifier notifier = SnsAlarmNotifier.builder(aws.sns()).listener(listener).build();
            try (notifier) {
                alarm(notifier, topic);
                // Evaluation returned while SNS has not answered: the notification is still on its way.
                assertThat(notifier.counts().pending()).isEqualTo(1);
            }
            assertThat(listener.failed).singleElement().satisfies(f -> assertThat(f.failure().message())
                    .contains("timed out").contains("after 2 attempts"));
            assertThat(proxy.calls("sns", "Publish")).isEqualTo(2);
            assertAccounted(notifier, listener);
        }
    }

    @Test
    void anEndpointStoppedMidRunFailsTheNotificationsAfterItAndSaysSo() throws Exception {
        try (Moto.Server server = Moto.startPrivate();
             AwsClients aws = clients(server.endpoint(), Duration.ofSeconds(2), 3);
             HttpSubscriber subscriber = new HttpSubscriber()) {
            String topic = topic(server.endpoint(), subscriber);
            RecordingListener listener = new RecordingListener();
            SnsAlarmNotifier notifier = SnsAlarmNotifier.builder(aws.sns()).listener(listener).build();
            try (notifier) {
                alarm(notifier, topic);
                assertThat(notifier.flush(Duration.ofSeconds(30))).isTrue();
                // The first notification reaches the subscriber before the endpoint stops, so what follows tests the
                // stopped endpoint and not how far moto had got with the first one.
                assertThat(subscriber.notifications(1, Duration.ofSeconds(30)))
                        .as("the notification sent before the endpoint stops, at the subscriber within 30 s")
                        .hasSize(1);
                assertThat(listener.delivered).as("delivered before the endpoint stops").hasSize(1);
                server.stop();
                alarm(notifier, topic);
                alarm(notifier, topic);
            }
            assertThat(listener.delivered).hasSize(1);
            assertThat(listener.failed).hasSize(2).allSatisfy(f -> {
                assertThat(f.failure().reason()).isEqualTo(DeliveryFailure.Reason.PUBLISH_FAILED);
                assertThat(f.failure().message()).contains("cannot connect").contains("after 3 attempts");
            });
            assertThat(subscriber.notifications(1, Duration.ofSeconds(5))).hasSize(1);
            assertAccounted(notifier, listener);
        }
    }

    @Test
    void aFullOutboxRejectsAtOnceAndClosingReportsWhatWasStillQueued() throws Exception {
        try (LocalAws proxy = LocalAws.shared(); AwsClients aws = clients(proxy.endpoint(), Duration.ofSeconds(2), 1);
             HttpSubscriber subscriber = new HttpSubscriber()) {
            String topic = topic(proxy.endpoint(), subscriber);
            proxy.hangNext("sns", 1);
            RecordingListener listener = new RecordingListener();
            SnsAlarmNotifier notifier = SnsAlarmNotifier.builder(aws.sns()).listener(listener).capacity(1)
                    .closeTimeout(Duration.ofMillis(100)).build();
            try (notifier) {
                alarm(notifier, topic);
                // Wait until the sending thread holds the first (hanging) one, so the outbox is empty again.
                while (proxy.calls("sns", "Publish") == 0) {
                    Thread.sleep(10);
                }
                alarm(notifier, topic); // queued
                alarm(notifier, topic); // no room: rejected at once
                assertThat(listener.failed).singleElement().satisfies(f -> {
                    assertThat(f.failure().reason()).isEqualTo(DeliveryFailure.Reason.OUTBOX_FULL);
                    assertThat(f.failure().message()).contains("the outbox is full (1 notifications waiting");
                });
            }
            // Closed after 100 ms: the queued one is reported as not sent; the hanging one timed out.
            assertThat(listener.failed).extracting(f -> f.failure().reason()).containsExactlyInAnyOrder(
                    DeliveryFailure.Reason.OUTBOX_FULL, DeliveryFailure.Reason.CLOSED,
                    DeliveryFailure.Reason.PUBLISH_FAILED);
            assertThat(notifier.counts()).isEqualTo(new DeliveryCounts(3, 0, 3, 1, 1, 0, 0));
            assertAccounted(notifier, listener);
            // After close, nothing is taken.
            alarm(notifier, topic);
            assertThat(listener.failed.get(3).failure().reason()).isEqualTo(DeliveryFailure.Reason.CLOSED);
        }
    }

    @Test
    void waitingWhenFullDeliversEverything() throws Exception {
        try (AwsClients aws = clients(Moto.endpoint(), Duration.ofSeconds(10), 3);
             HttpSubscriber subscriber = new HttpSubscriber()) {
            String topic = SnsAlarmNotifierTest.topic(aws.sns(), subscriber);
            RecordingListener listener = new RecordingListener();
            SnsAlarmNotifier notifier = SnsAlarmNotifier.builder(aws.sns()).listener(listener).capacity(1)
                    .whenFull(WhenFull.WAIT).build();
            try (notifier) {
                for (int i = 0; i < 20; i++) {
                    alarm(notifier, topic);
                }
            }
            assertThat(listener.delivered).hasSize(20);
            assertThat(subscriber.notifications(20, Duration.ofSeconds(10))).hasSize(20);
            assertAccounted(notifier, listener);
        }
    }

    @Test
    void missingCredentialsAreNamedAsSuch(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path empty = Files.writeString(dir.resolve("credentials"), "");
        ProfileCredentialsProvider none = ProfileCredentialsProvider.builder()
                .profileFile(ProfileFile.builder().content(empty).type(ProfileFile.Type.CREDENTIALS).build())
                .profileName("nobody").build();
        try (AwsClients aws = AwsClients.builder().endpoint(Moto.endpoint()).region("us-east-1").credentials(none)
                .build()) {
            RecordingListener listener = new RecordingListener();
            SnsAlarmNotifier notifier = SnsAlarmNotifier.builder(aws.sns()).listener(listener).build();
            try (notifier) {
                alarm(notifier, "arn:aws:sns:us-east-1:" + Moto.ACCOUNT + ":any");
            }
            assertThat(listener.failed).singleElement().satisfies(f -> assertThat(f.failure().message())
                    .contains("no usable AWS credentials").contains("nobody"));
            assertAccounted(notifier, listener);
        }
    }

    @Test
    void aListenerThatThrowsDoesNotStopTheNotifier() throws Exception {
        try (AwsClients aws = clients(Moto.endpoint(), Duration.ofSeconds(10), 3);
             HttpSubscriber subscriber = new HttpSubscriber()) {
            String topic = SnsAlarmNotifierTest.topic(aws.sns(), subscriber);
            SnsAlarmNotifier notifier = SnsAlarmNotifier.builder(aws.sns()).listener(new DeliveryListener() {
                @Override
                public void delivered(AlarmNotification n, String id) {
                    throw new IllegalStateException("listener bug");
                }
            }).build();
            try (notifier) {
                alarm(notifier, topic);
                alarm(notifier, topic);
            }
            assertThat(notifier.counts().delivered()).isEqualTo(2);
            assertThat(notifier.listenerFailures()).hasSize(2);
            assertThat(subscriber.notifications(2, Duration.ofSeconds(5))).hasSize(2);
        }
    }

    @Test
    void everyTransitionWithActionsIsOneNotificationPerTopic() throws Exception {
        try (AwsClients aws = clients(Moto.endpoint(), Duration.ofSeconds(10), 3);
             HttpSubscriber one = new HttpSubscriber(); HttpSubscriber two = new HttpSubscriber()) {
            String a = SnsAlarmNotifierTest.topic(aws.sns(), one);
            String b = SnsAlarmNotifierTest.topic(aws.sns(), two);
            MetricAlarm alarm = SnsAlarmNotifierTest.alarm("two-topics-" + UUID.randomUUID(), List.of(a, b), List.of(a));
            RecordingListener listener = new RecordingListener();
            List<AlarmStateChange> changes;
            try (SnsAlarmNotifier notifier = SnsAlarmNotifier.builder(aws.sns()).listener(listener).build()) {
                AlarmEvaluator evaluator = new AlarmEvaluator(alarm,
                        SnsAlarmNotifierTest.oneReadAt(NOON + 3 * MINUTE), notifier);
                changes = evaluator.evaluateEachPeriod(NOON + 4 * MINUTE, NOON + 10 * MINUTE);
                evaluator.setAlarmState(AlarmState.OK, "manual", NOON + 11 * MINUTE);
            }
            long expected = changes.stream().mapToLong(c -> c.actions().size()).sum();
            assertThat(listener.delivered).hasSize((int) expected + (changes.get(changes.size() - 1).newState()
                    == AlarmState.OK ? 0 : 1));
            assertThat(one.notifications(1, Duration.ofSeconds(5))).isNotEmpty();
            assertThat(two.notifications(1, Duration.ofSeconds(5))).hasSize(1);
        }
    }
}
