package dev.cwfilter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cwfilter.LogEvent;
import dev.cwfilter.MetricFilter;
import dev.cwfilter.aws.HttpSubscriber;
import dev.cwfilter.aws.LocalAws;
import dev.cwfilter.aws.Moto;
import dev.cwfilter.metric.FilterMetrics;
import dev.cwfilter.metric.MetricAggregator;
import dev.cwfilter.metric.PeriodStatistics;
import dev.cwfilter.metric.Statistic;
import dev.cwfilter.metric.StatisticsQuery;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.ComparisonOperator;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricStatisticsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sns.SnsClient;

/** {@code cwfilter metrics} with an AWS account: moto behind the test proxy, the default credential chain. */
class MetricsAwsCommandTest {

    private static LocalAws proxy;
    private static S3Client s3;
    private static SnsClient sns;
    private static CloudWatchClient cloudWatch;
    private static CloudWatchLogsClient logs;

    @BeforeAll
    static void account() {
        proxy = LocalAws.shared();
        // The command line takes its credentials from the SDK's default chain: here its system properties.
        System.setProperty("aws.accessKeyId", "testing");
        System.setProperty("aws.secretAccessKey", "testing");
        s3 = S3Client.builder().endpointOverride(proxy.endpoint()).region(Moto.REGION).credentialsProvider(
                Moto.CREDENTIALS).forcePathStyle(true).build();
        sns = SnsClient.builder().endpointOverride(proxy.endpoint()).region(Moto.REGION).credentialsProvider(
                Moto.CREDENTIALS).build();
        cloudWatch = CloudWatchClient.builder().endpointOverride(proxy.endpoint()).region(Moto.REGION)
                .credentialsProvider(Moto.CREDENTIALS).build();
        logs = CloudWatchLogsClient.builder().endpointOverride(proxy.endpoint()).region(Moto.REGION)
                .credentialsProvider(Moto.CREDENTIALS).build();
    }

    @AfterAll
    static void close() {
        s3.close();
        sns.close();
        cloudWatch.close();
        logs.close();
        proxy.close();
    }

    static byte[] gzip(String text) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    static String topic(HttpSubscriber subscriber) {
        String arn = sns.createTopic(b -> b.name("alarms-" + UUID.randomUUID())).topicArn();
        sns.subscribe(b -> b.topicArn(arn).protocol("http").endpoint(subscriber.url()));
        return arn;
    }

    @Test
    void theSeedScenarioTheAccountsAlarmOverTheTrailInS3NotifiesThroughSns() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String bucket = "seed-" + suffix;
        String namespace = "SecurityMetrics-" + suffix;
        String prefix = "AWSLogs/" + Moto.ACCOUNT + "/CloudTrail/us-east-1/";
        s3.createBucket(b -> b.bucket(bucket));
        s3.putObject(b -> b.bucket(bucket).key(prefix + "2026/11/21/" + Moto.ACCOUNT
                + "_CloudTrail_us-east-1_20261121T1305Z_seed.json.gz"), RequestBody.fromBytes(gzip(Run.seedText())));
        try (HttpSubscriber subscriber = new HttpSubscriber()) {
            String topic = topic(subscriber);
            String alarmName = "Secret is accessed " + suffix;
            cloudWatch.putMetricAlarm(b -> b.alarmName(alarmName).namespace(namespace)
                    .metricName("Secret is accessed").statistic("Sum").period(60).evaluationPeriods(1)
                    .datapointsToAlarm(1).threshold(1.0)
                    .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD).alarmActions(topic));

            Run run = Run.of("metrics", "-p", "{ $.eventName = \"GetSecretValue\" }", "--value", "1", "--default",
                    "0", "--namespace", namespace, "--metric-name", "Secret is accessed", "--alarms", "account",
                    "--notify", "--endpoint-url", proxy.endpoint().toString(), "--region", "us-east-1",
                    "s3://" + bucket + "/" + prefix, "--start-time", "2026-11-21T12:00:00Z", "--end-time",
                    "2026-11-21T13:00:00Z");
            assertThat(run.code()).as(run.toString()).isZero();
            assertThat(run.err()).contains("127 CloudTrail records from 1 objects");
            assertThat(run.out()).contains("Alarm \"" + alarmName + "\": Sum >= 1 for 1 of 1 periods of 60 s")
                    .contains("Notifications  4 published to SNS");

            List<JsonNode> received = subscriber.notifications(4, Duration.ofSeconds(10));
            assertThat(received).hasSize(4);
            JsonNode body = new ObjectMapper().readTree(received.get(0).get("Message").asText());
            assertThat(received.get(0).get("Subject").asText())
                    .isEqualTo("ALARM: \"" + alarmName + "\" in US East (N. Virginia)");
            assertThat(body.get("AlarmName").asText()).isEqualTo(alarmName);
            assertThat(body.get("AlarmArn").asText()).isEqualTo("arn:aws:cloudwatch:us-east-1:" + Moto.ACCOUNT
                    + ":alarm:" + alarmName);
            assertThat(body.get("StateChangeTime").asText()).isEqualTo("2026-11-21T12:04:00.000+0000");
            assertThat(body.get("NewStateValue").asText()).isEqualTo("ALARM");
            assertThat(body.get("AlarmActions").get(0).asText()).isEqualTo(topic);
            assertThat(body.get("Trigger").get("Namespace").asText()).isEqualTo(namespace);
        }
    }

    @Test
    void putMetricDataReadsBackAsOursAndEmfLinesAreWritten(@TempDir Path dir) throws Exception {
        String namespace = "Cli" + UUID.randomUUID().toString().substring(0, 8);
        long start = (System.currentTimeMillis() - 2 * 3_600_000L) / 3_600_000L * 3_600_000L;
        StringBuilder doc = new StringBuilder("{\"Records\":[");
        List<LogEvent> events = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            String time = Instant.ofEpochMilli(start + i * 11_000L).toString().replace(".000", "");
            String record = "{\"eventTime\":\"" + time + "\",\"eventName\":\"" + (i % 3 == 0 ? "GetSecretValue"
                    : "Decrypt") + "\"}";
            doc.append(i == 0 ? "" : ",").append(record);
            events.add(new LogEvent(Instant.parse(time).toEpochMilli(), record));
        }
        Path trail = Files.writeString(dir.resolve("trail.json"), doc.append("]}").toString());
        Path emf = dir.resolve("metrics.emf.jsonl");
        Run run = Run.of("metrics", "-p", "{ $.eventName = \"GetSecretValue\" }", "--value", "1", "--default", "0",
                "--namespace", namespace, "--metric-name", "Reads", "--put-metric-data", "--emf", emf.toString(),
                "--endpoint-url", proxy.endpoint().toString(), "--region", "us-east-1", trail.toString());
        assertThat(run.code()).as(run.toString()).isZero();
        assertThat(run.out()).containsPattern("PutMetricData  \\d+ statistic sets of 60 s published to " + namespace);

        MetricAggregator ours = FilterMetrics.of(MetricFilter.builder().filterPattern(
                "{ $.eventName = \"GetSecretValue\" }").metricValue("1").defaultValue(0).build())
                .acceptAll(events).metric();
        GetMetricStatisticsResponse theirs = cloudWatch.getMetricStatistics(b -> b.namespace(namespace)
                .metricName("Reads").startTime(Instant.ofEpochMilli(start))
                .endTime(Instant.ofEpochMilli(start + 3_600_000L)).period(60)
                .statistics(software.amazon.awssdk.services.cloudwatch.model.Statistic.SUM,
                        software.amazon.awssdk.services.cloudwatch.model.Statistic.SAMPLE_COUNT));
        List<PeriodStatistics> expected = ours.getMetricStatistics(StatisticsQuery.of(start, start + 3_600_000L, 60,
                Statistic.SUM, Statistic.SAMPLE_COUNT));
        assertThat(theirs.datapoints()).hasSameSizeAs(expected);
        var sorted = theirs.datapoints().stream().sorted(java.util.Comparator.comparing(
                software.amazon.awssdk.services.cloudwatch.model.Datapoint::timestamp)).toList();
        for (int i = 0; i < expected.size(); i++) {
            assertThat(sorted.get(i).timestamp().toEpochMilli()).isEqualTo(expected.get(i).timestamp());
            assertThat(sorted.get(i).sum()).isEqualTo(expected.get(i).value(Statistic.SUM).getAsDouble());
            assertThat(sorted.get(i).sampleCount()).isEqualTo(expected.get(i).value(Statistic.SAMPLE_COUNT)
                    .getAsDouble());
        }
        List<String> lines = Files.readAllLines(emf);
        assertThat(lines).isNotEmpty().allSatisfy(l -> assertThat(l).startsWith("{\"_aws\":{\"Timestamp\":")
                .contains("\"Namespace\":\"" + namespace + "\"", "\"Reads\":"));
        double total = 0;
        for (String l : lines) {
            JsonNode v = new ObjectMapper().readTree(l).get("Reads");
            if (v.isArray()) {
                for (JsonNode x : v) {
                    total += x.asDouble();
                }
            } else {
                total += v.asDouble();
            }
        }
        assertThat(total).isEqualTo(100.0);
    }

    @Test
    void aLogGroupOverATimeRangeIsAnInput() {
        String group = "/app/" + UUID.randomUUID();
        logs.createLogGroup(b -> b.logGroupName(group));
        logs.createLogStream(b -> b.logGroupName(group).logStreamName("s"));
        long t = (System.currentTimeMillis() - 3_600_000L) / 60_000 * 60_000;
        List<InputLogEvent> batch = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            batch.add(InputLogEvent.builder().timestamp(t + i * 1000L).message(i % 2 == 0 ? "ERROR x" : "INFO y")
                    .build());
        }
        logs.putLogEvents(b -> b.logGroupName(group).logStreamName("s").logEvents(batch));
        Run run = Run.of("metrics", "-p", "ERROR", "--endpoint-url", proxy.endpoint().toString(), "--region",
                "us-east-1", "--log-group", group, "--start-time", Long.toString(t), "--end-time",
                Long.toString(t + 120_000));
        assertThat(run.code()).as(run.toString()).isZero();
        assertThat(run.err()).contains("log group " + group + ": 120 events");
        assertThat(run.out()).contains("120 events, 60 datapoints published");
    }

    @Test
    void awsFaultsAndMisuseGiveClearMessagesAndExitCodes() {
        Run missing = Run.of("metrics", "-p", "ERROR", "--endpoint-url", proxy.endpoint().toString(), "--region",
                "us-east-1", "s3://no-such-bucket-" + UUID.randomUUID().toString().substring(0, 8) + "/x/");
        assertThat(missing.code()).as(missing.toString()).isEqualTo(ExitCodes.IO_ERROR);
        assertThat(missing.err()).contains("cwfilter: listing s3://no-such-bucket-").contains("NoSuchBucket");

        Run notify = Run.of("metrics", "-p", "ERROR", "--notify", "x.log");
        assertThat(notify.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(notify.err()).contains("--notify needs an alarm");

        Run noTopic = Run.of("metrics", "-p", "ERROR", "--alarm", ">= 1 for 1 of 1", "--notify", "x.log");
        assertThat(noTopic.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(noTopic.err()).contains("--alarm-action ARN");

        Run logGroup = Run.of("metrics", "-p", "ERROR", "--log-group", "g");
        assertThat(logGroup.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(logGroup.err()).contains("--log-group needs --start-time and --end-time");

        Run filter = Run.of("filter", "-p", "ERROR", "s3://bucket/prefix");
        assertThat(filter.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(filter.err()).contains("s3:// inputs are read by 'cwfilter metrics'");

        Run profile = Run.of("metrics", "-p", "ERROR", "--profile", "no-such-profile-" + UUID.randomUUID(),
                "--endpoint-url", proxy.endpoint().toString(), "--region", "us-east-1", "s3://bucket-x/prefix/");
        assertThat(profile.code()).as(profile.toString()).isEqualTo(ExitCodes.IO_ERROR);
        assertThat(profile.err()).contains("no usable AWS credentials").contains("no-such-profile-")
                .doesNotContain("\tat ");

        Run url = Run.of("metrics", "-p", "ERROR", "--endpoint-url", "not a url", "s3://bucket/x");
        assertThat(url.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(url.err()).contains("--endpoint-url 'not a url'");
    }

    @Test
    void notificationsThatCannotBeDeliveredFailTheRun(@TempDir Path dir) throws Exception {
        Path trail = Files.writeString(dir.resolve("t.json"), Run.seedText());
        String missingTopic = "arn:aws:sns:us-east-1:" + Moto.ACCOUNT + ":no-such-" + UUID.randomUUID();
        Run run = Run.of("metrics", "-p", "{ $.eventName = \"GetSecretValue\" }", "--alarm", ">= 1 for 1 of 1",
                "--alarm-action", missingTopic, "--notify", "--endpoint-url", proxy.endpoint().toString(),
                "--region", "us-east-1", trail.toString());
        assertThat(run.code()).as(run.toString()).isEqualTo(ExitCodes.IO_ERROR);
        assertThat(run.out()).contains("Notifications  0 published to SNS, 4 NOT delivered");
        assertThat(run.err()).contains("cwfilter: notification NOT delivered: SNS Publish of alarm");
    }

    @Test
    void watchPublishesEachTransitionToTheAlarmsTopicsAsItHappens(@TempDir Path dir) throws Exception {
        Path trail = Files.writeString(dir.resolve("trail.json"), Run.seedText());
        try (HttpSubscriber subscriber = new HttpSubscriber()) {
            String topic = topic(subscriber);
            Run run = Run.of("watch", "--no-follow", "-p", "{ $.eventName = \"GetSecretValue\" }", "--default",
                    "0", "--alarm", ">= 1 for 1 of 1", "--alarm-name", "Secret is accessed", "--alarm-action", topic,
                    "--notify", "--endpoint-url", proxy.endpoint().toString(), "--region", "us-east-1",
                    trail.toString());
            assertThat(run.code()).as(run.toString()).isZero();
            assertThat(run.out()).contains("Notifications  4 published to SNS");
            List<JsonNode> received = subscriber.notifications(4, Duration.ofSeconds(10));
            assertThat(received).extracting(n -> n.get("Subject").asText())
                    .containsOnly("ALARM: \"Secret is accessed\" in US East (N. Virginia)");
            JsonNode body = new ObjectMapper().readTree(received.get(0).get("Message").asText());
            assertThat(body.get("StateChangeTime").asText()).isEqualTo("2026-11-21T12:04:00.000+0000");
            assertThat(body.get("AWSAccountId").asText()).isEqualTo(Moto.ACCOUNT);
            assertThat(body.get("AlarmActions").get(0).asText()).isEqualTo(topic);
        }
        Run noTopic = Run.of("watch", "--no-follow", "-p", "ERROR", "--alarm", ">= 1", "--notify", "x.log");
        assertThat(noTopic.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(noTopic.err()).contains("cwfilter watch: --notify with --alarm needs the SNS topics");
    }

    @Test
    void theSeedScenarioWithTheLogGroupsFiltersAndTheAccountsAlarmsFromAws() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String bucket = "seedlg-" + suffix;
        String group = "CloudTrail/DefaultLogGroup-" + suffix;
        String namespace = "CloudTrailMetrics-" + suffix;
        String prefix = "AWSLogs/" + Moto.ACCOUNT + "/CloudTrail/us-east-1/";
        s3.createBucket(b -> b.bucket(bucket));
        s3.putObject(b -> b.bucket(bucket).key(prefix + "2026/11/21/" + Moto.ACCOUNT
                + "_CloudTrail_us-east-1_20261121T1305Z_seed.json.gz"), RequestBody.fromBytes(gzip(Run.seedText())));
        logs.createLogGroup(b -> b.logGroupName(group));
        logs.putMetricFilter(b -> b.logGroupName(group).filterName("GetSecretValue")
                .filterPattern("{ $.eventName = \"GetSecretValue\" }")
                .metricTransformations(software.amazon.awssdk.services.cloudwatchlogs.model.MetricTransformation
                        .builder().metricNamespace(namespace).metricName("GetSecretValueCount").metricValue("1")
                        .defaultValue(0.0).build()));
        try (HttpSubscriber subscriber = new HttpSubscriber()) {
            String topic = topic(subscriber);
            String alarmName = "GetSecretValue " + suffix;
            cloudWatch.putMetricAlarm(b -> b.alarmName(alarmName).namespace(namespace)
                    .metricName("GetSecretValueCount").statistic("Sum").period(60).evaluationPeriods(1)
                    .datapointsToAlarm(1).threshold(1.0)
                    .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD).alarmActions(topic));

            Run run = Run.of("metrics", "--metric-filters", "log-group:" + group, "--alarms", "account", "--notify",
                    "--endpoint-url", proxy.endpoint().toString(), "--region", "us-east-1",
                    "--start-time", "2026-11-21T12:00:00Z", "--end-time", "2026-11-21T13:00:00Z",
                    "s3://" + bucket + "/" + prefix);
            assertThat(run.code()).as(run.toString()).isZero();
            assertThat(run.out()).contains("Log group  " + group + ": 1 metric filter, 1 alarm; 127 events")
                    .contains("Notifications  4 published to SNS");
            List<JsonNode> received = subscriber.notifications(4, Duration.ofSeconds(10));
            assertThat(received).hasSize(4);
            JsonNode first = received.get(0);
            assertThat(first.get("Subject").asText()).isEqualTo("ALARM: \"" + alarmName
                    + "\" in US East (N. Virginia)");
            JsonNode body = new ObjectMapper().readTree(first.get("Message").asText());
            assertThat(body.get("AlarmName").asText()).isEqualTo(alarmName);
            assertThat(body.get("AWSAccountId").asText()).isEqualTo(Moto.ACCOUNT);
            assertThat(body.get("StateChangeTime").asText()).isEqualTo("2026-11-21T12:04:00.000+0000");
            assertThat(body.get("OldStateValue").asText()).isEqualTo("OK");
            assertThat(body.get("AlarmArn").asText()).isEqualTo("arn:aws:cloudwatch:us-east-1:" + Moto.ACCOUNT
                    + ":alarm:" + alarmName);
            assertThat(body.get("Trigger").get("MetricName").asText()).isEqualTo("GetSecretValueCount");
            assertThat(body.get("Trigger").get("Namespace").asText()).isEqualTo(namespace);
            assertThat(body.get("Trigger").get("DatapointsToAlarm").asInt()).isEqualTo(1);
        }
    }

    /**
     * An alarm of a describe-alarms file names its account, region and ARN and when it was configured: {@code --notify}
     * writes those into CloudWatch's message, not the client's region or the topic's account.
     */
    @Test
    void notifyWithAlarmsFromAFileWritesTheAlarmsOwnAccountRegionArnAndConfigurationTime(@TempDir Path dir)
            throws Exception {
        try (HttpSubscriber subscriber = new HttpSubscriber()) {
            String topic = topic(subscriber);
            String name = "Secret is accessed " + UUID.randomUUID().toString().substring(0, 8);
            String arn = "arn:aws:cloudwatch:eu-west-1:111122223333:alarm:" + name;
            Path filters = Files.writeString(dir.resolve("filters.json"), """
                    {"metricFilters": [{"filterName": "SecretIsAccessed",
                      "filterPattern": "{ $.eventName = \\"GetSecretValue\\" }",
                      "metricTransformations": [{"metricName": "Secret is accessed", "metricNamespace": "SecurityMetrics",
                        "metricValue": "1", "defaultValue": 0.0}],
                      "logGroupName": "CloudTrail/DefaultLogGroup"}]}
                    """);
            Path alarms = Files.writeString(dir.resolve("alarms.json"), """
                    {"MetricAlarms": [{"AlarmName": "%s", "AlarmArn": "%s",
                      "AlarmDescription": "Someone read a secret",
                      "AlarmConfigurationUpdatedTimestamp": "2026-11-20T09:15:42.123000+00:00",
                      "ActionsEnabled": true, "OKActions": [], "AlarmActions": ["%s"], "InsufficientDataActions": [],
                      "StateValue": "OK", "StateReason": "x", "MetricName": "Secret is accessed",
                      "Namespace": "SecurityMetrics", "Statistic": "Sum", "Dimensions": [], "Period": 60,
                      "EvaluationPeriods": 1, "DatapointsToAlarm": 1, "Threshold": 1.0,
                      "ComparisonOperator": "GreaterThanOrEqualToThreshold", "TreatMissingData": "missing"}],
                     "CompositeAlarms": []}
                    """.formatted(name, arn, topic));
            Run run = Run.of("metrics", "--metric-filters", filters.toString(), "--alarms", alarms.toString(),
                    "--notify", "--endpoint-url", proxy.endpoint().toString(), "--region", "us-east-1",
                    Run.seed().toString());
            assertThat(run.code()).as(run.toString()).isZero();
            assertThat(run.out()).contains("Notifications  4 published to SNS");
            List<JsonNode> received = subscriber.notifications(4, Duration.ofSeconds(10));
            assertThat(received).hasSize(4);
            assertThat(received.get(0).get("Subject").asText()).isEqualTo("ALARM: \"" + name + "\" in EU (Ireland)");
            JsonNode body = new ObjectMapper().readTree(received.get(0).get("Message").asText());
            List<String> fields = new ArrayList<>();
            body.fieldNames().forEachRemaining(fields::add);
            assertThat(fields).containsExactly("AlarmName", "AlarmDescription", "AWSAccountId",
                    "AlarmConfigurationUpdatedTimestamp", "NewStateValue", "NewStateReason", "StateChangeTime",
                    "Region", "AlarmArn", "OldStateValue", "OKActions", "AlarmActions", "InsufficientDataActions",
                    "Trigger");
            assertThat(body.get("AlarmName").asText()).isEqualTo(name);
            assertThat(body.get("AlarmDescription").asText()).isEqualTo("Someone read a secret");
            assertThat(body.get("AWSAccountId").asText()).isEqualTo("111122223333");
            assertThat(body.get("AlarmConfigurationUpdatedTimestamp").asText())
                    .isEqualTo("2026-11-20T09:15:42.123+0000");
            assertThat(body.get("NewStateValue").asText()).isEqualTo("ALARM");
            assertThat(body.get("NewStateReason").asText()).isEqualTo("Threshold Crossed: 1 out of the last 1"
                    + " datapoints [2.0 (21/11/26 12:03:00)] was greater than or equal to the threshold (1.0)"
                    + " (minimum 1 datapoint for OK -> ALARM transition).");
            assertThat(body.get("StateChangeTime").asText()).isEqualTo("2026-11-21T12:04:00.000+0000");
            assertThat(body.get("Region").asText()).isEqualTo("EU (Ireland)");
            assertThat(body.get("AlarmArn").asText()).isEqualTo(arn);
            assertThat(body.get("OldStateValue").asText()).isEqualTo("OK");
            assertThat(body.get("OKActions")).isEmpty();
            assertThat(body.get("AlarmActions")).extracting(JsonNode::asText).containsExactly(topic);
            assertThat(body.get("InsufficientDataActions")).isEmpty();
            JsonNode trigger = body.get("Trigger");
            assertThat(trigger.get("MetricName").asText()).isEqualTo("Secret is accessed");
            assertThat(trigger.get("Namespace").asText()).isEqualTo("SecurityMetrics");
            assertThat(trigger.get("StatisticType").asText()).isEqualTo("Statistic");
            assertThat(trigger.get("Statistic").asText()).isEqualTo("SUM");
            assertThat(trigger.get("Unit").isNull()).isTrue();
            assertThat(trigger.get("Dimensions")).isEmpty();
            assertThat(trigger.get("Period").asInt()).isEqualTo(60);
            assertThat(trigger.get("EvaluationPeriods").asInt()).isEqualTo(1);
            assertThat(trigger.get("DatapointsToAlarm").asInt()).isEqualTo(1);
            assertThat(trigger.get("ComparisonOperator").asText()).isEqualTo("GreaterThanOrEqualToThreshold");
            assertThat(trigger.get("Threshold").asDouble()).isEqualTo(1.0);
            assertThat(trigger.get("TreatMissingData").asText()).isEqualTo("missing");
            assertThat(trigger.get("EvaluateLowSampleCountPercentile").asText()).isEmpty();
        }
    }
}
