package dev.cwfilter.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cwfilter.Datapoint;
import dev.cwfilter.StandardUnit;
import dev.cwfilter.metric.AlarmComparisonOperator;
import dev.cwfilter.metric.AlarmEvaluator;
import dev.cwfilter.metric.AlarmState;
import dev.cwfilter.metric.AlarmStateChange;
import dev.cwfilter.metric.MetricAggregator;
import dev.cwfilter.metric.MetricAlarm;
import dev.cwfilter.metric.Statistic;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sns.SnsClient;

/** Alarm notifications through moto's SNS to an HTTP subscription served by the test. */
class SnsAlarmNotifierTest {

    static final long NOON = Instant.parse("2026-11-21T12:00:00Z").toEpochMilli();
    static final long MINUTE = 60_000;

    private static AwsClients aws;

    @BeforeAll
    static void clients() {
        aws = AwsClients.builder().endpoint(Moto.endpoint()).region("us-east-1").credentials(Moto.CREDENTIALS)
                .build();
    }

    @AfterAll
    static void close() {
        aws.close();
    }

    static String topic(SnsClient sns, HttpSubscriber subscriber) {
        String arn = sns.createTopic(b -> b.name("alarms-" + UUID.randomUUID())).topicArn();
        sns.subscribe(b -> b.topicArn(arn).protocol("http").endpoint(subscriber.url()));
        return arn;
    }

    static MetricAlarm alarm(String name, List<String> alarmActions, List<String> okActions) {
        return MetricAlarm.builder().alarmName(name)
                .alarmArn("arn:aws:cloudwatch:us-east-1:" + Moto.ACCOUNT + ":alarm:" + name)
                .alarmConfigurationUpdatedTimestamp(NOON - 3_600_000 + 123)
                .alarmDescription("GetSecretValue called")
                .namespace("CloudTrailMetrics").metricName("GetSecretValueCount")
                .statistic(Statistic.SUM).periodSeconds(60).evaluationPeriods(1)
                .comparisonOperator(AlarmComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD).threshold(1)
                .alarmActions(alarmActions).okActions(okActions).build();
    }

    static MetricAggregator oneReadAt(long time) {
        MetricAggregator metric = MetricAggregator.create();
        metric.add(new Datapoint(time, 1, StandardUnit.NONE, Map.of()));
        return metric;
    }

    @Test
    void anAlarmTransitionReachesAnHttpSubscriberInCloudWatchsFormatFieldByField() throws Exception {
        try (HttpSubscriber subscriber = new HttpSubscriber()) {
            String topic = topic(aws.sns(), subscriber);
            MetricAlarm alarm = alarm("secret-reads-" + UUID.randomUUID(), List.of(topic), List.of(topic));
            RecordingListener listener = new RecordingListener();
            List<AlarmStateChange> changes;
            try (SnsAlarmNotifier notifier = SnsAlarmNotifier.builder(aws.sns()).listener(listener).build()) {
                AlarmEvaluator evaluator = new AlarmEvaluator(alarm, oneReadAt(NOON + 3 * MINUTE + 5_000), notifier);
                changes = evaluator.evaluateEachPeriod(NOON + 4 * MINUTE, NOON + 6 * MINUTE);
            }
            // ALARM at 12:04 (the read at 12:03), OK at 12:05 (the next minute has no data: missing, and with fewer
            // datapoints than N... the evaluator decides; what matters here is every transition with actions).
            assertThat(changes).isNotEmpty();
            assertThat(changes.get(0).newState()).isEqualTo(AlarmState.ALARM);
            List<AlarmStateChange> notified = changes.stream().filter(c -> !c.actions().isEmpty()).toList();
            assertThat(listener.failed).isEmpty();
            assertThat(listener.delivered).hasSize(notified.size());

            List<JsonNode> received = subscriber.notifications(notified.size(), Duration.ofSeconds(10));
            assertThat(received).hasSize(notified.size());
            AlarmMessages messages = AlarmMessages.defaults();
            for (int i = 0; i < notified.size(); i++) {
                AlarmStateChange change = notified.get(i);
                JsonNode envelope = received.get(i);
                assertThat(envelope.get("Type").asText()).isEqualTo("Notification");
                assertThat(envelope.get("MessageId").asText()).isEqualTo(listener.delivered.get(i).messageId());
                assertThat(envelope.get("TopicArn").asText()).isEqualTo(topic);
                assertThat(envelope.get("Subject").asText()).isEqualTo(change.newState().awsName() + ": \""
                        + alarm.alarmName() + "\" in US East (N. Virginia)");
                assertThat(envelope.get("Timestamp").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d"
                        + "\\.\\d{3}Z");
                // The envelope is SNS's (here moto's), not ours: "1" (SHA1withRSA) or "2" (SHA256withRSA).
                assertThat(envelope.get("SignatureVersion").asText()).isIn("1", "2");
                assertThat(envelope.get("Signature").asText()).isNotEmpty();
                assertThat(envelope.get("SigningCertURL").asText()).startsWith("https://sns.us-east-1.amazonaws.com/");
                assertThat(envelope.get("UnsubscribeURL").asText()).contains("Action=Unsubscribe");

                // The Message is the JSON body (the structure's "default"), field by field.
                String message = envelope.get("Message").asText();
                assertThat(message).isEqualTo(messages.body(alarm, change));
                JsonNode body = new com.fasterxml.jackson.databind.ObjectMapper().readTree(message);
                assertThat(AlarmMessagesTest.fieldNames(body)).containsExactly("AlarmName", "AlarmDescription",
                        "AWSAccountId", "AlarmConfigurationUpdatedTimestamp", "NewStateValue", "NewStateReason",
                        "StateChangeTime", "Region", "AlarmArn", "OldStateValue", "OKActions", "AlarmActions",
                        "InsufficientDataActions", "Trigger");
                assertThat(body.get("AlarmName").asText()).isEqualTo(alarm.alarmName());
                assertThat(body.get("AlarmDescription").asText()).isEqualTo("GetSecretValue called");
                assertThat(body.get("AWSAccountId").asText()).isEqualTo(Moto.ACCOUNT);
                assertThat(body.get("AlarmConfigurationUpdatedTimestamp").asText())
                        .isEqualTo("2026-11-21T11:00:00.123+0000");
                assertThat(body.get("NewStateValue").asText()).isEqualTo(change.newState().awsName());
                assertThat(body.get("NewStateReason").asText()).isEqualTo(change.reason());
                assertThat(body.get("StateChangeTime").asText()).isEqualTo(AlarmMessages.time(change.timestamp()));
                assertThat(body.get("Region").asText()).isEqualTo("US East (N. Virginia)");
                assertThat(body.get("AlarmArn").asText()).isEqualTo(alarm.alarmArn().orElseThrow());
                assertThat(body.get("OldStateValue").asText()).isEqualTo(change.oldState().awsName());
                assertThat(body.get("OKActions").get(0).asText()).isEqualTo(topic);
                assertThat(body.get("AlarmActions").get(0).asText()).isEqualTo(topic);
                assertThat(body.get("InsufficientDataActions")).isEmpty();
                JsonNode trigger = body.get("Trigger");
                assertThat(trigger.get("MetricName").asText()).isEqualTo("GetSecretValueCount");
                assertThat(trigger.get("Namespace").asText()).isEqualTo("CloudTrailMetrics");
                assertThat(trigger.get("StatisticType").asText()).isEqualTo("Statistic");
                assertThat(trigger.get("Statistic").asText()).isEqualTo("SUM");
                assertThat(trigger.get("Unit").isNull()).isTrue();
                assertThat(trigger.get("Dimensions")).isEmpty();
                assertThat(trigger.get("Period").asInt()).isEqualTo(60);
                assertThat(trigger.get("EvaluationPeriods").asInt()).isEqualTo(1);
                assertThat(trigger.has("DatapointsToAlarm")).isFalse();
                assertThat(trigger.get("ComparisonOperator").asText()).isEqualTo("GreaterThanOrEqualToThreshold");
                assertThat(trigger.get("Threshold").toString()).isEqualTo("1.0");
                assertThat(trigger.get("TreatMissingData").asText()).isEqualTo("missing");
                assertThat(trigger.get("EvaluateLowSampleCountPercentile").asText()).isEmpty();
            }
            assertThat(received.get(0).get("Message").asText()).contains("\"NewStateValue\":\"ALARM\"",
                    "Threshold Crossed: 1 out of the last 1 datapoints [1.0 (21/11/26 12:03:00)] was greater than"
                            + " or equal to the threshold (1.0)");
        }
    }

    @Test
    void disabledActionsAndStatesWithoutActionsPublishNothing() throws Exception {
        try (HttpSubscriber subscriber = new HttpSubscriber()) {
            String topic = topic(aws.sns(), subscriber);
            MetricAlarm disabled = alarm("disabled-" + UUID.randomUUID(), List.of(topic), List.of(topic))
                    .toBuilder().actionsEnabled(false).build();
            RecordingListener listener = new RecordingListener();
            SnsAlarmNotifier notifier = SnsAlarmNotifier.builder(aws.sns()).listener(listener).build();
            try (notifier) {
                new AlarmEvaluator(disabled, oneReadAt(NOON + 3 * MINUTE), notifier)
                        .evaluateEachPeriod(NOON + 4 * MINUTE, NOON + 8 * MINUTE);
            }
            assertThat(notifier.counts().created()).isZero();
            assertThat(subscriber.notifications(1, Duration.ofMillis(300))).isEmpty();
        }
    }

    @Test
    void actionsThatAreNoSnsTopicAreReportedNotDropped() {
        RecordingListener listener = new RecordingListener();
        MetricAlarm alarm = alarm("ec2-" + UUID.randomUUID(),
                List.of("arn:aws:automate:us-east-1:ec2:stop"), List.of());
        SnsAlarmNotifier notifier = SnsAlarmNotifier.builder(aws.sns()).listener(listener).build();
        try (notifier) {
            new AlarmEvaluator(alarm, oneReadAt(NOON + 3 * MINUTE), notifier).evaluate(NOON + 4 * MINUTE);
        }
        assertThat(listener.failed).singleElement().satisfies(f -> {
            assertThat(f.failure().reason()).isEqualTo(DeliveryFailure.Reason.NOT_AN_SNS_TOPIC);
            assertThat(f.failure().message()).contains("arn:aws:automate:us-east-1:ec2:stop");
        });
        assertThat(notifier.counts()).isEqualTo(new DeliveryCounts(1, 0, 1, 0, 0, 1, 0));
    }

    @Test
    void aMissingTopicFailsWithSnssOwnWordsAndIsCounted() {
        RecordingListener listener = new RecordingListener();
        String missing = "arn:aws:sns:us-east-1:" + Moto.ACCOUNT + ":no-such-topic-" + UUID.randomUUID();
        MetricAlarm alarm = alarm("missing-topic-" + UUID.randomUUID(), List.of(missing), List.of());
        SnsAlarmNotifier notifier = SnsAlarmNotifier.builder(aws.sns()).listener(listener).build();
        try (notifier) {
            new AlarmEvaluator(alarm, oneReadAt(NOON + 3 * MINUTE), notifier).evaluate(NOON + 4 * MINUTE);
        }
        assertThat(listener.failed).singleElement().satisfies(f -> {
            assertThat(f.failure().reason()).isEqualTo(DeliveryFailure.Reason.PUBLISH_FAILED);
            assertThat(f.failure().message()).contains("SNS Publish of alarm \"" + alarm.alarmName() + "\"")
                    .containsPattern(Pattern.compile("NotFound|does not exist", Pattern.CASE_INSENSITIVE));
            assertThat(f.failure().cause()).isPresent();
        });
        assertThat(notifier.counts().failed()).isEqualTo(1);
        assertThat(notifier.counts().pending()).isZero();
    }
}
