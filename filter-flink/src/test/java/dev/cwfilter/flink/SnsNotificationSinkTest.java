package dev.cwfilter.flink;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cwfilter.LogEvent;
import dev.cwfilter.aws.AwsClients;
import dev.cwfilter.aws.HttpSubscriber;
import dev.cwfilter.aws.Moto;
import dev.cwfilter.metric.AlarmEvaluator;
import dev.cwfilter.metric.AlarmStateChange;
import dev.cwfilter.metric.LogGroupMetrics;
import dev.cwfilter.metric.MetricAlarm;
import dev.cwfilter.metric.MetricId;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * The SNS sink against a real local AWS endpoint (moto_server, with an HTTP subscription served by the test): the seed
 * hour's transitions reach the subscriber in CloudWatch's format, each exactly once although a task fails once
 * mid-stream after a checkpoint and the job recomputes what followed it.
 */
class SnsNotificationSinkTest {

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyTransitionIsPublishedOnceAcrossAFailure() throws Exception {
        URI endpoint = Moto.endpoint();
        try (AwsClients aws = AwsClients.builder().endpoint(endpoint).region("us-east-1").credentials(Moto.CREDENTIALS)
                .build(); HttpSubscriber subscriber = new HttpSubscriber()) {
            String topic = aws.sns().createTopic(b -> b.name("alarms-" + UUID.randomUUID())).topicArn();
            aws.sns().subscribe(b -> b.topicArn(topic).protocol("http").endpoint(subscriber.url()));
            MetricAlarm alarm = Seed.sumAlarm().toBuilder().alarmActions(List.of(topic)).okActions(List.of(topic))
                    .build();
            List<AlarmStateChange> expected = new AlarmEvaluator(alarm, LogGroupMetrics.of(Seed.group())
                    .acceptAll(Seed.EVENTS).metric(MetricId.of(alarm))).replay().stream()
                    .filter(c -> !c.actions().isEmpty()).toList();
            assertThat(expected).hasSizeGreaterThan(4);

            LogGroupPipeline pipeline = LogGroupPipeline.builder(Seed.group()).alarm(alarm).build();
            Configuration conf = new Configuration();
            conf.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
            conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 3);
            conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(10));
            StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
            env.setParallelism(2);
            env.enableCheckpointing(50);
            String gate = UUID.randomUUID().toString();
            List<LogEvent> arrivals = Seed.EVENTS;
            DataStream<LogEvent> events = RecoveryTest.Gate.arrivals(env, arrivals, gate, arrivals.size() / 2)
                    .assignTimestampsAndWatermarks(LogEventWatermarks.perEvent(Duration.ofMinutes(1)))
                    .setParallelism(1);
            String url = endpoint.toString();
            pipeline.apply(events).transitions().sinkTo(SnsNotificationSink.builder(pipeline)
                    .sns(() -> sns(url)).build());
            env.execute("cwfilter SNS sink test");
            assertThat(RecoveryTest.Gate.state(gate).failures.get()).as("the injected failure happened").isEqualTo(1);

            List<JsonNode> received = subscriber.notifications(expected.size(), Duration.ofSeconds(10));
            Thread.sleep(500);
            received = subscriber.notifications(Integer.MAX_VALUE, Duration.ZERO);
            java.util.Map<String, String> byId = new java.util.HashMap<>();
            List<String> seen = new ArrayList<>();
            for (JsonNode n : received) {
                JsonNode body = JSON.readTree(n.get("Message").asText());
                String what = body.get("AlarmName").asText() + " " + body.get("OldStateValue").asText() + " -> "
                        + body.get("NewStateValue").asText() + " " + body.get("StateChangeTime").asText();
                assertThat(n.get("Subject").asText()).startsWith(body.get("NewStateValue").asText() + ": \"");
                // The transition's identity is in CloudWatch's own message (moto 5.2.1 does not pass the
                // notification-id attribute of a MessageStructure=json Publish on to HTTP subscribers).
                String before = byId.putIfAbsent(what, n.get("Message").asText());
                if (before == null) {
                    seen.add(what);
                } else {
                    assertThat(n.get("Message").asText()).as("a repeat is the same notification, same id")
                            .isEqualTo(before);
                }
            }
            // Each transition once; a repeat (a commit made again after the restore, see the sink's Javadoc) is the
            // same message, which a subscriber drops by its alarm, time and states (or the id attribute).
            assertThat(seen).containsExactlyInAnyOrderElementsOf(expected.stream().map(c -> c.alarmName() + " "
                    + c.oldState() + " -> " + c.newState() + " " + dev.cwfilter.aws.AlarmMessages.time(c.timestamp()))
                    .toList());
            assertThat(received.size() - seen.size()).as("repeats").isLessThan(expected.size());
        }
    }

    @Test
    void aNotificationCarriesItsIdentityAndOnAFifoTopicDeduplicatesByIt() {
        MetricAlarm alarm = Seed.sumAlarm();
        AlarmStateChange change = new AlarmEvaluator(alarm, LogGroupMetrics.of(Seed.group()).acceptAll(Seed.EVENTS)
                .metric(MetricId.of(alarm))).replay().get(1);
        String topic = "arn:aws:sns:us-east-1:123456789012:alarms";
        SnsNotificationSink.Notification n = new SnsNotificationSink.Notification(topic, change);
        assertThat(n.id()).hasSize(64).isEqualTo(new SnsNotificationSink.Notification(topic, change).id())
                .isNotEqualTo(new SnsNotificationSink.Notification(topic + "-2", change).id());
        var standard = SnsNotificationSink.request(n, alarm, dev.cwfilter.aws.AlarmMessages.defaults());
        assertThat(standard.messageAttributes().get(SnsNotificationSink.NOTIFICATION_ID).stringValue())
                .isEqualTo(n.id());
        assertThat(standard.messageDeduplicationId()).isNull();
        assertThat(standard.messageStructure()).isEqualTo("json");
        var fifo = SnsNotificationSink.request(new SnsNotificationSink.Notification(topic + ".fifo", change), alarm,
                dev.cwfilter.aws.AlarmMessages.defaults());
        assertThat(fifo.messageDeduplicationId()).isEqualTo(new SnsNotificationSink.Notification(topic + ".fifo",
                change).id());
        assertThat(fifo.messageGroupId()).hasSize(64);
    }

    static SnsClient sns(String endpoint) {
        return AwsClients.builder().endpoint(URI.create(endpoint)).region("us-east-1").credentials(Moto.CREDENTIALS)
                .build().sns();
    }
}
