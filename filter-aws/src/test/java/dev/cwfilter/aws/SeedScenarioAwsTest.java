package dev.cwfilter.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cwfilter.FilterOptions;
import dev.cwfilter.LogGroup;
import dev.cwfilter.MetricFilter;
import dev.cwfilter.metric.AlarmEvaluator;
import dev.cwfilter.metric.AlarmState;
import dev.cwfilter.metric.AlarmStateChange;
import dev.cwfilter.metric.LogGroupMetrics;
import dev.cwfilter.metric.MetricAlarm;
import dev.cwfilter.metric.MetricId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.cloudwatch.model.ComparisonOperator;
import software.amazon.awssdk.services.cloudwatchlogs.model.MetricTransformation;

/**
 * The seed scenario against a local AWS: the hour of CloudTrail records gzipped in a moto bucket, the metric filter
 * and the alarm (with its SNS action) created in moto, read back from the account, replayed, and the ALARM
 * notifications delivered by moto's SNS to an HTTP subscription served by the test, in CloudWatch's format.
 */
class SeedScenarioAwsTest {

    static final Path SEED = Path.of("..", "filter-core", "src", "test", "resources", "seed",
            "cloudtrail-secrets-hour.json");

    @Test
    void theAccountsFilterAndAlarmOverTheTrailInS3NotifyTheSubscriber() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String bucket = "seed-trail-" + suffix;
        String group = "CloudTrail/DefaultLogGroup-" + suffix;
        String alarmName = "Secret is accessed " + suffix;
        try (LocalAws proxy = LocalAws.shared();
             AwsClients aws = AwsClients.builder().endpoint(proxy.endpoint()).region("us-east-1")
                     .credentials(Moto.CREDENTIALS).build();
             HttpSubscriber subscriber = new HttpSubscriber()) {
            aws.s3().createBucket(b -> b.bucket(bucket));
            String key = "AWSLogs/" + Moto.ACCOUNT + "/CloudTrail/us-east-1/2026/11/21/" + Moto.ACCOUNT
                    + "_CloudTrail_us-east-1_20261121T1305Z_seed.json.gz";
            aws.s3().putObject(b -> b.bucket(bucket).key(key),
                    RequestBody.fromBytes(CloudTrailS3SourceTest.gzip(Files.readString(SEED))));
            aws.logs().createLogGroup(b -> b.logGroupName(group));
            aws.logs().putMetricFilter(b -> b.logGroupName(group).filterName("SecretIsAccessed")
                    .filterPattern("{ $.eventName = \"GetSecretValue\" }")
                    .metricTransformations(MetricTransformation.builder().metricNamespace("SecurityMetrics-" + suffix)
                            .metricName("Secret is accessed").metricValue("1").defaultValue(0.0).build()));
            String topic = SnsAlarmNotifierTest.topic(aws.sns(), subscriber);
            aws.cloudWatch().putMetricAlarm(b -> b.alarmName(alarmName).namespace("SecurityMetrics-" + suffix)
                    .metricName("Secret is accessed").statistic("Sum").period(60).evaluationPeriods(1)
                    .datapointsToAlarm(1).threshold(1.0)
                    .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
                    .treatMissingData("missing").alarmActions(topic));

            AccountDefinitions.Result<MetricFilter> filters = AccountDefinitions.metricFilters(aws.logs(), group,
                    FilterOptions.defaults());
            assertThat(filters.problems()).isEmpty();
            AccountDefinitions.Result<MetricAlarm> alarms = AccountDefinitions.alarmsOn(filters.definitions(),
                    AccountDefinitions.alarms(aws.cloudWatch()));
            assertThat(alarms.definitions()).extracting(MetricAlarm::alarmName).containsExactly(alarmName);
            MetricAlarm alarm = alarms.definitions().get(0);

            LogGroupMetrics metrics = LogGroupMetrics.of(LogGroup.builder().name(group)
                    .metricFilters(filters.definitions()).build());
            CloudTrailS3Source.Summary read = CloudTrailS3Source.builder(aws.s3(), S3Location.parse("s3://" + bucket
                    + "/AWSLogs/" + Moto.ACCOUNT + "/CloudTrail/us-east-1/")).timeRange(
                    Instant.parse("2026-11-21T12:00:00Z").toEpochMilli(),
                    Instant.parse("2026-11-21T13:00:00Z").toEpochMilli()).build()
                    .read(e -> {
                        metrics.accept(e);
                        return true;
                    });
            metrics.flush();
            assertThat(read.records()).isEqualTo(127);
            assertThat(read.problems()).isEmpty();

            RecordingListener listener = new RecordingListener();
            List<AlarmStateChange> changes;
            try (SnsAlarmNotifier notifier = SnsAlarmNotifier.builder(aws.sns()).listener(listener).build()) {
                changes = new AlarmEvaluator(alarm, metrics.metric(MetricId.of(alarm)), notifier).replay();
            }
            List<AlarmStateChange> toAlarm = changes.stream().filter(c -> c.newState() == AlarmState.ALARM).toList();
            // As in the core's seed scenario (SeedScenarioTest.sumOverOneMinuteAlarmsInEveryMinuteWithACall).
            assertThat(toAlarm).extracting(c -> Instant.ofEpochMilli(c.timestamp()).toString().substring(11, 16))
                    .containsExactly("12:04", "12:18", "12:42", "12:59");
            assertThat(listener.failed).isEmpty();
            assertThat(listener.delivered).hasSize(4);

            List<JsonNode> received = subscriber.notifications(4, Duration.ofSeconds(10));
            assertThat(received).hasSize(4);
            JsonNode first = received.get(0);
            assertThat(first.get("Subject").asText()).isEqualTo("ALARM: \"" + alarmName
                    + "\" in US East (N. Virginia)");
            assertThat(first.get("TopicArn").asText()).isEqualTo(topic);
            JsonNode body = new ObjectMapper().readTree(first.get("Message").asText());
            assertThat(AlarmMessagesTest.fieldNames(body)).containsExactly("AlarmName", "AlarmDescription",
                    "AWSAccountId", "AlarmConfigurationUpdatedTimestamp", "NewStateValue", "NewStateReason",
                    "StateChangeTime", "Region", "AlarmArn", "OldStateValue", "OKActions", "AlarmActions",
                    "InsufficientDataActions", "Trigger");
            assertThat(body.get("AlarmName").asText()).isEqualTo(alarmName);
            assertThat(body.get("AlarmDescription").isNull()).isTrue();
            assertThat(body.get("AWSAccountId").asText()).isEqualTo(Moto.ACCOUNT);
            assertThat(body.get("AlarmConfigurationUpdatedTimestamp").asText())
                    .isEqualTo(AlarmMessages.time(alarm.alarmConfigurationUpdatedTimestamp().getAsLong()))
                    .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}\\+0000");
            assertThat(body.get("NewStateValue").asText()).isEqualTo("ALARM");
            assertThat(body.get("OldStateValue").asText()).isEqualTo("OK");
            assertThat(body.get("NewStateReason").asText()).isEqualTo(toAlarm.get(0).reason())
                    .startsWith("Threshold Crossed: 1 out of the last 1 datapoints [")
                    .contains("(21/11/26 12:03:00)]");
            assertThat(body.get("StateChangeTime").asText()).isEqualTo("2026-11-21T12:04:00.000+0000");
            assertThat(body.get("Region").asText()).isEqualTo("US East (N. Virginia)");
            assertThat(body.get("AlarmArn").asText()).isEqualTo("arn:aws:cloudwatch:us-east-1:" + Moto.ACCOUNT
                    + ":alarm:" + alarmName);
            assertThat(body.get("AlarmActions").toString()).isEqualTo("[\"" + topic + "\"]");
            assertThat(body.get("OKActions").toString()).isEqualTo("[]");
            assertThat(body.get("InsufficientDataActions").toString()).isEqualTo("[]");
            assertThat(body.get("Trigger").toString()).isEqualTo("{\"MetricName\":\"Secret is accessed\","
                    + "\"Namespace\":\"SecurityMetrics-" + suffix + "\",\"StatisticType\":\"Statistic\","
                    + "\"Statistic\":\"SUM\",\"Unit\":null,\"Dimensions\":[],\"Period\":60,\"EvaluationPeriods\":1,"
                    + "\"DatapointsToAlarm\":1,\"ComparisonOperator\":\"GreaterThanOrEqualToThreshold\","
                    + "\"Threshold\":1.0,\"TreatMissingData\":\"missing\",\"EvaluateLowSampleCountPercentile\":\"\"}");
            List<String> times = new ArrayList<>();
            for (JsonNode n : received) {
                times.add(new ObjectMapper().readTree(n.get("Message").asText()).get("StateChangeTime").asText());
            }
            assertThat(times).containsExactly("2026-11-21T12:04:00.000+0000", "2026-11-21T12:18:00.000+0000",
                    "2026-11-21T12:42:00.000+0000", "2026-11-21T12:59:00.000+0000");
        }
    }
}
