package dev.cwfilter.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cwfilter.events.EventBridgeEvent;
import dev.cwfilter.events.EventRouter;
import dev.cwfilter.events.EventRule;
import dev.cwfilter.events.EventRuleSet;
import dev.cwfilter.events.Target;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** EventBridge SNS targets through moto's SNS to an HTTP subscription served by the test. */
class SnsEventTargetTest {

    /** The seed hour's DeleteSecret, as CloudTrail records it. */
    static final String DELETE_SECRET = "{\"eventVersion\":\"1.09\",\"userIdentity\":{\"type\":\"AssumedRole\","
            + "\"principalId\":\"AROA5EXAMPLEROLEID:alice\",\"arn\":\"arn:aws:sts::123456789012:assumed-role/Admin/alice\","
            + "\"accountId\":\"123456789012\"},\"eventTime\":\"2026-11-21T12:23:00Z\","
            + "\"eventSource\":\"secretsmanager.amazonaws.com\",\"eventName\":\"DeleteSecret\",\"awsRegion\":\"us-east-1\","
            + "\"sourceIPAddress\":\"203.0.113.47\",\"userAgent\":\"aws-cli/2.22.0\",\"requestParameters\":{\"secretId\":"
            + "\"prod/legacy/smtp-password\",\"recoveryWindowInDays\":7},\"responseElements\":{\"name\":"
            + "\"prod/legacy/smtp-password\"},\"requestID\":\"8d1f3c2a-5b7e-4c90-a1d2-6e4f8b9c0a13\",\"eventID\":"
            + "\"b3e7a9d1-2c4f-4e68-9a0b-1d3c5e7f9a24\",\"readOnly\":false,\"eventType\":\"AwsApiCall\","
            + "\"managementEvent\":true,\"recipientAccountId\":\"123456789012\",\"eventCategory\":\"Management\"}";
    static final String PATTERN = "{\"source\":[\"aws.secretsmanager\"],\"detail-type\":[\"AWS API Call via CloudTrail\"],"
            + "\"detail\":{\"eventName\":[\"DeleteSecret\",\"RotateSecret\"]}}";

    @RegisterExtension
    static final MotoAccount MOTO = new MotoAccount();

    static String topic(HttpSubscriber subscriber) {
        String arn = MOTO.aws().sns().createTopic(b -> b.name("events-" + UUID.randomUUID())).topicArn();
        MOTO.aws().sns().subscribe(b -> b.topicArn(arn).protocol("http").endpoint(subscriber.url()));
        return arn;
    }

    /**
     * Each SNS target receives its exact payload as the message, with no subject, as EventBridge publishes it: the
     * transformed text for one, the whole event as delivered for the other.
     */
    @Test
    void eachSnsTargetReceivesItsExactPayloadAsTheMessage() throws Exception {
        try (HttpSubscriber subscriber = new HttpSubscriber()) {
            String alerts = topic(subscriber);
            String audit = topic(subscriber);
            EventRule rule = EventRule.builder("secret-delete-or-rotate").eventPattern(PATTERN)
                    .target(Target.of("notify-sns", alerts).withInputTransformer(Map.of("who",
                            "$.detail.userIdentity.arn", "name", "$.detail.eventName", "secret",
                            "$.detail.requestParameters.secretId"), "\"<who> called <name> on <secret>\""))
                    .target(Target.of("audit", audit))
                    .build();
            EventBridgeEvent event = EventBridgeEvent.fromCloudTrail(DELETE_SECRET);
            RecordingEvents listener = new RecordingEvents();
            try (SnsEventTarget sns = SnsEventTarget.builder(MOTO.aws().sns()).listener(listener).build()) {
                EventRouter router = EventRouter.builder(EventRuleSet.of(List.of(rule))).sendTo("arn:aws:sns:", sns)
                        .onNotDelivered((m, p) -> {
                            throw new AssertionError(p.toString());
                        }).build();
                assertThat(router.accept(event)).hasSize(1);
                assertThat(sns.flush(Duration.ofSeconds(10))).isTrue();
                assertThat(sns.counts()).isEqualTo(new DeliveryCounts(2, 2, 0, 0, 0, 0, 0));
            }
            assertThat(listener.delivered).hasSize(2);
            List<JsonNode> received = subscriber.notifications(2, Duration.ofSeconds(10));
            assertThat(received).hasSize(2);
            JsonNode toAlerts = received.stream().filter(n -> n.get("TopicArn").asText().equals(alerts)).findFirst()
                    .orElseThrow();
            JsonNode toAudit = received.stream().filter(n -> n.get("TopicArn").asText().equals(audit)).findFirst()
                    .orElseThrow();
            assertThat(toAlerts.get("Message").asText()).isEqualTo("\"arn:aws:sts::123456789012:assumed-role/Admin/alice"
                    + " called DeleteSecret on prod/legacy/smtp-password\"");
            assertThat(toAudit.get("Message").asText()).isEqualTo(event.toJson());
            for (JsonNode n : received) {
                assertThat(n.get("Type").asText()).isEqualTo("Notification");
                assertThat(n.has("Subject") && !n.get("Subject").isNull()).as("EventBridge sets no subject").isFalse();
            }
            assertThat(listener.delivered).extracting(EventNotification::targetId).containsExactlyInAnyOrder(
                    "notify-sns", "audit");
            assertThat(listener.delivered.get(0).eventId()).isEqualTo(event.id());
        }
    }

    /** A target that is no SNS topic, and one whose topic does not exist, are reported, never dropped silently. */
    @Test
    void targetsThatCannotBePublishedToAreReportedByReason() throws Exception {
        String missing = "arn:aws:sns:us-east-1:" + Moto.ACCOUNT + ":no-such-" + UUID.randomUUID();
        EventRule rule = EventRule.builder("r").eventPattern(PATTERN)
                .target(Target.of("queue", "arn:aws:sqs:us-east-1:123456789012:audit"))
                .target(Target.of("gone", missing)).build();
        RecordingEvents listener = new RecordingEvents();
        DeliveryCounts counts;
        try (SnsEventTarget sns = SnsEventTarget.builder(MOTO.aws().sns()).listener(listener).build()) {
            EventRouter router = EventRouter.builder(EventRuleSet.of(List.of(rule))).otherwise(sns)
                    .onNotDelivered((m, p) -> {
                    }).build();
            router.accept(EventBridgeEvent.fromCloudTrail(DELETE_SECRET));
            sns.flush(Duration.ofSeconds(10));
            counts = sns.counts();
        }
        assertThat(counts).isEqualTo(new DeliveryCounts(2, 0, 2, 0, 0, 1, 0));
        assertThat(listener.failed).extracting(f -> f.reason()).containsExactlyInAnyOrder(
                DeliveryFailure.Reason.NOT_AN_SNS_TOPIC, DeliveryFailure.Reason.PUBLISH_FAILED);
        assertThat(listener.failed).anySatisfy(f -> assertThat(f.message()).startsWith("not an SNS topic ARN:"
                + " 'arn:aws:sqs:us-east-1:123456789012:audit' (rule \"r\" target \"queue\""));
        assertThat(listener.failed).anySatisfy(f -> assertThat(f.message()).startsWith("SNS Publish of rule \"r\""
                + " target \"gone\"").contains("NotFound"));
    }

    /** A full outbox refuses at once (REJECT) and says so; closing reports what could not be sent. */
    @Test
    void aFullOutboxRefusesAndSaysSo() throws Exception {
        try (LocalAws own = LocalAws.shared();
             AwsClients slow = AwsClients.builder().endpoint(own.endpoint()).region("us-east-1")
                     .credentials(Moto.CREDENTIALS).socketTimeout(Duration.ofSeconds(2))
                     .attemptTimeout(Duration.ofSeconds(2)).maxAttempts(1).build()) {
            own.hangNext("sns", 1);
            EventRule rule = EventRule.builder("r").eventPattern(PATTERN)
                    .target(Target.of("a", "arn:aws:sns:us-east-1:" + Moto.ACCOUNT + ":a"))
                    .target(Target.of("b", "arn:aws:sns:us-east-1:" + Moto.ACCOUNT + ":b"))
                    .target(Target.of("c", "arn:aws:sns:us-east-1:" + Moto.ACCOUNT + ":c")).build();
            RecordingEvents listener = new RecordingEvents();
            SnsEventTarget sns = SnsEventTarget.builder(slow.sns()).listener(listener).capacity(1)
                    .closeTimeout(Duration.ofMillis(100)).build();
            try (sns) {
                EventRouter router = EventRouter.builder(EventRuleSet.of(List.of(rule))).otherwise(sns)
                        .onNotDelivered((m, p) -> {
                        }).build();
                EventBridgeEvent event = EventBridgeEvent.fromCloudTrail(DELETE_SECRET);
                // The first payload is taken by the sending thread (and hangs); the second waits; the third
                // finds no room.
                router.accept(event);
                long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                while (sns.counts().rejected() + sns.counts().delivered() + sns.counts().failed() == 0
                        && System.nanoTime() < deadline) {
                    Thread.sleep(5);
                }
            }
            assertThat(listener.failed).anySatisfy(f -> {
                assertThat(f.reason()).isEqualTo(DeliveryFailure.Reason.OUTBOX_FULL);
                assertThat(f.message()).startsWith("the outbox is full (1 payloads waiting for SNS)");
            });
            DeliveryCounts c = sns.counts();
            assertThat(c.created()).isEqualTo(3);
            assertThat(c.delivered()).isZero();
            assertThat(c.failed()).isEqualTo(3);
            assertThat(c.pending()).isZero();
            assertThat(listener.failed).hasSize(3);
        }
    }

    /** Records outcomes. */
    static final class RecordingEvents implements EventDeliveryListener {
        final List<EventNotification> delivered = new ArrayList<>();
        final List<DeliveryFailure> failed = new ArrayList<>();

        @Override
        public synchronized void delivered(EventNotification notification, String messageId) {
            delivered.add(notification);
        }

        @Override
        public synchronized void failed(EventNotification notification, DeliveryFailure failure) {
            failed.add(failure);
        }
    }
}
