package dev.cwfilter.flink;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cwfilter.LogEvent;
import dev.cwfilter.metric.AlarmEvaluator;
import dev.cwfilter.metric.LogGroupMetrics;
import dev.cwfilter.metric.MetricId;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job's Kafka source against a real Kafka broker started in this JVM (KRaft, one combined broker and controller,
 * Kafka's own test kit): the seed hour produced to a topic of three partitions, keyed by user so that each partition
 * holds its own order, read by the job as configured by its flags (record timestamps, then timestamps read from the
 * messages), replayed to the end: the replay's transitions.
 */
class KafkaSourceTest {

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

    static KafkaClusterTestKit kafka;

    @BeforeAll
    static void startKafka() throws Exception {
        // The seed hour is weeks old by the machine's clock: without unlimited retention the broker deletes it by
        // its record timestamps at its first retention check, half a minute after it starts.
        kafka = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder().setCombined(true).setNumBrokerNodes(1)
                .setNumControllerNodes(1).build()).setConfigProp("log.retention.ms", "-1")
                .setConfigProp("offsets.topic.num.partitions", "1").setConfigProp("offsets.topic.replication.factor", "1")
                .build();
        kafka.format();
        kafka.startup();
        kafka.waitForReadyBrokers();
        try (Admin admin = Admin.create(kafka.clientProperties())) {
            admin.createTopics(List.of(new NewTopic("cloudtrail", 3, (short) 1))).all().get();
        }
        Properties p = kafka.clientProperties();
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p)) {
            int i = 0;
            for (LogEvent e : Seed.EVENTS) {
                producer.send(new ProducerRecord<>("cloudtrail", i++ % 3, e.timestamp(),
                        null, e.message().getBytes(StandardCharsets.UTF_8))).get();
            }
        }
    }

    @AfterAll
    static void stopKafka() throws Exception {
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void theSeedHourFromKafkaGivesTheReplaysTransitions(@TempDir Path dir) throws Exception {
        List<String> expected = new AlarmEvaluator(Seed.sumAlarm(), LogGroupMetrics.of(Seed.group())
                .acceptAll(Seed.EVENTS).metric(MetricId.of(Seed.sumAlarm()))).replay().stream()
                .map(MetricsJson::transition).sorted().toList();
        for (String timestamp : List.of("record", "message")) {
            Path out = dir.resolve(timestamp);
            LogGroupJob.Options o = LogGroupJob.Options.parse(new String[] {"--metric-filters", "unused.json",
                "--kafka-bootstrap-servers", kafka.bootstrapServers(), "--kafka-topic", "cloudtrail",
                "--kafka-group-id", "cwfilter-test-" + timestamp, "--kafka-starting-offsets", "earliest",
                "--kafka-timestamp", timestamp, "--kafka-bounded", "--watermarks", "end", "--output", out.toString(),
                "--parallelism", "2", "--checkpoint-interval", "1s"});
            StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(
                    LogGroupJobTest.noRestarts());
            LogGroupJob.build(env, o, Seed.group(), List.of(Seed.sumAlarm()));
            env.execute("cwfilter Kafka test");
            assertThat(LogGroupJobTest.lines(out.resolve("rejections"))).as(timestamp).isEmpty();
            assertThat(LogGroupJobTest.lines(out.resolve("late"))).as(timestamp).isEmpty();
            assertThat(LogGroupJobTest.lines(out.resolve("datapoints"))).as(timestamp).hasSize(57);
            assertThat(LogGroupJobTest.lines(out.resolve("transitions"))).as(timestamp).isEqualTo(expected);
        }
    }
}
