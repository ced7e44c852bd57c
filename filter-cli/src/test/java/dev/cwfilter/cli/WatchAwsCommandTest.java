package dev.cwfilter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cwfilter.LogEvent;
import dev.cwfilter.LogGroup;
import dev.cwfilter.MetricFilter;
import dev.cwfilter.aws.HttpSubscriber;
import dev.cwfilter.aws.LocalAws;
import dev.cwfilter.aws.Moto;
import dev.cwfilter.cli.render.Glyphs;
import dev.cwfilter.metric.AlarmComparisonOperator;
import dev.cwfilter.metric.AlarmEvaluator;
import dev.cwfilter.metric.AlarmState;
import dev.cwfilter.metric.AlarmStateChange;
import dev.cwfilter.metric.LogGroupMetrics;
import dev.cwfilter.metric.MetricAggregator;
import dev.cwfilter.metric.MetricAlarm;
import dev.cwfilter.metric.MetricId;
import dev.cwfilter.metric.PeriodStatistics;
import dev.cwfilter.metric.Statistic;
import dev.cwfilter.metric.StatisticsQuery;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.ComparisonOperator;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * {@code cwfilter watch} with an AWS account (moto behind the test proxy): the log group's metric filters and the
 * account's alarms, the log group followed in CloudWatch Logs as {@code aws logs tail --follow} follows it,
 * notifications through SNS, statistic sets through PutMetricData and EMF lines, all live.
 */
class WatchAwsCommandTest {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final long MINUTE = 60_000;
    /** A recent whole hour, so that CloudWatch Logs and PutMetricData take the seed hour moved to it. */
    static final long HOUR = (System.currentTimeMillis() - 3 * 3_600_000L) / 3_600_000L * 3_600_000L;
    static final long SHIFT = HOUR - WatchCommandTest.NOON;

    private static LocalAws proxy;
    private static SnsClient sns;
    private static CloudWatchClient cloudWatch;
    private static CloudWatchLogsClient logs;
    static List<LogEvent> seed;

    @BeforeAll
    static void account() {
        proxy = LocalAws.shared();
        System.setProperty("aws.accessKeyId", "testing");
        System.setProperty("aws.secretAccessKey", "testing");
        sns = SnsClient.builder().endpointOverride(proxy.endpoint()).region(Moto.REGION).credentialsProvider(
                Moto.CREDENTIALS).build();
        cloudWatch = CloudWatchClient.builder().endpointOverride(proxy.endpoint()).region(Moto.REGION)
                .credentialsProvider(Moto.CREDENTIALS).build();
        logs = CloudWatchLogsClient.builder().endpointOverride(proxy.endpoint()).region(Moto.REGION)
                .credentialsProvider(Moto.CREDENTIALS).build();
        WatchCommandTest.replayTheSeed();
        seed = WatchCommandTest.seed.stream().map(e -> new LogEvent(e.timestamp() + SHIFT, e.message())).toList();
    }

    @AfterAll
    static void close() {
        sns.close();
        cloudWatch.close();
        logs.close();
        proxy.close();
    }

    static void put(String group, List<LogEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        List<InputLogEvent> batch = events.stream().map(e -> InputLogEvent.builder().timestamp(e.timestamp())
                .message(e.message()).build()).toList();
        logs.putLogEvents(b -> b.logGroupName(group).logStreamName("trail").logEvents(batch));
    }

    static List<LogEvent> minute(int m) {
        long from = HOUR + m * MINUTE;
        return seed.stream().filter(e -> e.timestamp() >= from && e.timestamp() < from + MINUTE).toList();
    }

    static String time(long t) {
        return CliTime.MINUTE.format(Instant.ofEpochMilli(t));
    }

    /**
     * The seed scenario from an account, live: the trail's log group in CloudWatch Logs, its metric filter and the
     * alarm on it defined in the account, the HTTP subscription of the alarm's topic served by the test. Minute by
     * minute the hour reaches the log group; watch follows it and prints ALARM at :04 and OK at :05 as soon as they
     * are decided, publishes each ALARM to SNS with CloudWatch's message, each complete minute to PutMetricData, and
     * every datapoint as EMF lines.
     */
    @Test
    void theSeedScenarioLiveFromTheAccountsLogGroupFiltersAndAlarms(@TempDir Path dir) throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String group = "CloudTrail/DefaultLogGroup-" + suffix;
        String namespace = "CloudTrailMetrics-" + suffix;
        logs.createLogGroup(b -> b.logGroupName(group));
        logs.createLogStream(b -> b.logGroupName(group).logStreamName("trail"));
        logs.putMetricFilter(b -> b.logGroupName(group).filterName("GetSecretValue")
                .filterPattern("{ $.eventName = \"GetSecretValue\" }")
                .metricTransformations(software.amazon.awssdk.services.cloudwatchlogs.model.MetricTransformation
                        .builder().metricNamespace(namespace).metricName("GetSecretValueCount").metricValue("1")
                        .defaultValue(0.0).build()));
        Path emf = dir.resolve("metrics.emf.jsonl");
        try (HttpSubscriber subscriber = new HttpSubscriber()) {
            String topic = sns.createTopic(b -> b.name("alarms-" + suffix)).topicArn();
            sns.subscribe(b -> b.topicArn(topic).protocol("http").endpoint(subscriber.url()));
            String alarmName = "GetSecretValue " + suffix;
            cloudWatch.putMetricAlarm(b -> b.alarmName(alarmName).namespace(namespace)
                    .metricName("GetSecretValueCount").statistic("Sum").period(60).evaluationPeriods(1)
                    .datapointsToAlarm(1).threshold(1.0)
                    .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD).alarmActions(topic));
            MetricAlarm alarm = MetricAlarm.builder().alarmName(alarmName).namespace(namespace)
                    .metricName("GetSecretValueCount").statistic(Statistic.SUM).periodSeconds(60).evaluationPeriods(1)
                    .datapointsToAlarm(1).threshold(1)
                    .comparisonOperator(AlarmComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD).build();
            MetricFilter filter = MetricFilter.builder().filterPattern("{ $.eventName = \"GetSecretValue\" }")
                    .metricNamespace(namespace).metricName("GetSecretValueCount").metricValue("1").defaultValue(0)
                    .build();
            LogGroupMetrics replay = LogGroupMetrics.of(LogGroup.builder().metricFilter(filter).build())
                    .acceptAll(seed);
            List<AlarmStateChange> changes = new AlarmEvaluator(alarm, replay.metric(MetricId.of(alarm))).replay();
            List<String> lines = changes.stream().map(c -> WatchCommand.transitionLine(alarm, c, Glyphs.UNICODE))
                    .toList();

            LiveRun run = LiveRun.start(WatchCommandTest.env(new AtomicLong(HOUR), false), "watch",
                    "--metric-filters", "log-group:" + group, "--alarms", "account", "--log-group", group,
                    "--start-time", Long.toString(HOUR), "--clock", "event", "--log-group-poll-interval", "20",
                    "--poll-interval", "5", "--notify", "--put-metric-data", "--emf", emf.toString(),
                    "--endpoint-url", proxy.endpoint().toString(), "--region", "us-east-1");
            run.awaitErr(e -> e.contains("cwfilter: watching log group " + group + " (from "
                    + Instant.ofEpochMilli(HOUR) + ")"), WAIT, "watch to start");
            long newest = Long.MIN_VALUE;
            for (int m = 0; m < 8; m++) {
                List<LogEvent> events = minute(m);
                put(group, events);
                if (events.isEmpty()) {
                    continue;
                }
                newest = events.get(events.size() - 1).timestamp();
                long watermark = newest - MINUTE;
                List<String> expected = new ArrayList<>();
                for (int i = 0; i < changes.size(); i++) {
                    if (changes.get(i).timestamp() <= watermark) {
                        expected.add(lines.get(i));
                    }
                }
                run.awaitOut(out -> WatchCommandTest.transitions(out).equals(expected), WAIT,
                        "the transitions up to minute " + m);
                if (m == 5) {
                    assertThat(WatchCommandTest.transitions(run.out())).last().asString().startsWith(time(HOUR
                            + 4 * MINUTE) + "  " + alarmName + ": OK → ALARM");
                }
                if (m == 6) {
                    assertThat(WatchCommandTest.transitions(run.out())).last().asString().startsWith(time(HOUR
                            + 5 * MINUTE) + "  " + alarmName + ": ALARM → OK");
                }
            }
            // The rest of the hour at once; then stop.
            List<LogEvent> rest = seed.stream().filter(e -> e.timestamp() >= HOUR + 8 * MINUTE).toList();
            put(group, rest);
            long watermark = rest.get(rest.size() - 1).timestamp() - MINUTE;
            List<String> expected = new ArrayList<>();
            int toAlarm = 0;
            for (int i = 0; i < changes.size(); i++) {
                if (changes.get(i).timestamp() <= watermark) {
                    expected.add(lines.get(i));
                    toAlarm += changes.get(i).newState() == AlarmState.ALARM ? 1 : 0;
                }
            }
            run.awaitOut(out -> WatchCommandTest.transitions(out).equals(expected), WAIT, "the hour's transitions");
            assertThat(toAlarm).isEqualTo(3);
            assertThat(run.stop()).as(run.out() + run.err()).isZero();
            assertThat(run.out()).contains("Summary (stopped): log group " + group + ", 127 events, 6 matched")
                    .contains("Notifications  3 published to SNS")
                    .containsPattern("PutMetricData  \\d+ statistic sets published to CloudWatch\n")
                    .containsPattern("EMF            \\d+ lines written to " + emf.toString().replace("\\", "\\\\"));

            List<JsonNode> received = subscriber.notifications(3, Duration.ofSeconds(10));
            assertThat(received).hasSize(3);
            JsonNode first = received.get(0);
            assertThat(first.get("Subject").asText()).isEqualTo("ALARM: \"" + alarmName
                    + "\" in US East (N. Virginia)");
            JsonNode body = new ObjectMapper().readTree(first.get("Message").asText());
            assertThat(body.get("AlarmName").asText()).isEqualTo(alarmName);
            assertThat(body.get("AWSAccountId").asText()).isEqualTo(Moto.ACCOUNT);
            assertThat(body.get("AlarmArn").asText()).isEqualTo("arn:aws:cloudwatch:us-east-1:" + Moto.ACCOUNT
                    + ":alarm:" + alarmName);
            assertThat(body.get("StateChangeTime").asText()).isEqualTo(dev.cwfilter.aws.AlarmMessages.time(HOUR
                    + 4 * MINUTE));
            assertThat(body.get("NewStateValue").asText()).isEqualTo("ALARM");
            assertThat(body.get("NewStateReason").asText()).isEqualTo(changes.get(1).reason());

            // Every minute the watermark passed, published: what GetMetricStatistics answers is ours.
            MetricAggregator ours = replay.metric(MetricId.of(alarm));
            long published = Math.floorDiv(watermark, MINUTE) * MINUTE;
            List<PeriodStatistics> expectedStats = ours.getMetricStatistics(StatisticsQuery.of(HOUR, published, 60,
                    Statistic.SUM, Statistic.SAMPLE_COUNT));
            var theirs = cloudWatch.getMetricStatistics(b -> b.namespace(namespace).metricName("GetSecretValueCount")
                    .startTime(Instant.ofEpochMilli(HOUR)).endTime(Instant.ofEpochMilli(HOUR + 3_600_000L))
                    .period(60).statistics(software.amazon.awssdk.services.cloudwatch.model.Statistic.SUM,
                            software.amazon.awssdk.services.cloudwatch.model.Statistic.SAMPLE_COUNT))
                    .datapoints().stream().sorted(Comparator.comparing(
                            software.amazon.awssdk.services.cloudwatch.model.Datapoint::timestamp)).toList();
            assertThat(theirs).hasSameSizeAs(expectedStats);
            for (int i = 0; i < expectedStats.size(); i++) {
                assertThat(theirs.get(i).timestamp().toEpochMilli()).isEqualTo(expectedStats.get(i).timestamp());
                assertThat(theirs.get(i).sum()).isEqualTo(expectedStats.get(i).value(Statistic.SUM).getAsDouble());
                assertThat(theirs.get(i).sampleCount()).isEqualTo(expectedStats.get(i).value(Statistic.SAMPLE_COUNT)
                        .getAsDouble());
            }

            // The EMF lines carry every datapoint of every event the monitor counted: all 127, 6 of them 1.
            double sum = 0;
            int count = 0;
            for (String l : Files.readAllLines(emf)) {
                JsonNode v = new ObjectMapper().readTree(l).get("GetSecretValueCount");
                for (JsonNode x : v.isArray() ? v : new ObjectMapper().createArrayNode().add(v)) {
                    sum += x.asDouble();
                    count++;
                }
            }
            assertThat(count).isEqualTo(127);
            assertThat(sum).isEqualTo(6.0);
        }
    }

    /** --no-follow reads the log group once from the start time, at event time, to the end like metrics. */
    @Test
    void noFollowReadsTheLogGroupOnceAndRunsToTheEnd() {
        String group = "/watch/once-" + UUID.randomUUID();
        logs.createLogGroup(b -> b.logGroupName(group));
        logs.createLogStream(b -> b.logGroupName(group).logStreamName("trail"));
        put(group, seed);
        Run run = Run.of("watch", "--no-follow", "-p", "{ $.eventName = \"GetSecretValue\" }", "--default", "0",
                "--alarm", ">= 1 for 1 of 1", "--alarm-name", "Secret is accessed", "--log-group", group,
                "--start-time", Instant.ofEpochMilli(HOUR).toString(), "--endpoint-url", proxy.endpoint().toString(),
                "--region", "us-east-1");
        assertThat(run.code()).as(run.toString()).isZero();
        assertThat(WatchCommandTest.transitions(run.out())).hasSize(12);
        assertThat(run.out()).contains("Summary (the inputs ended): log group " + group + ", 127 events, 6 matched");
    }

    /** A log group that cannot be read is reported and tried again; watch goes on and exits 1 when stopped. */
    @Test
    void aLogGroupThatCannotBeReadIsReportedAndTriedAgain() throws Exception {
        String group = "/no/such/group-" + UUID.randomUUID();
        LiveRun run = LiveRun.start(WatchCommandTest.env(new AtomicLong(HOUR), false), "watch", "-p", "ERROR",
                "--log-group", group, "--log-group-poll-interval", "20", "--poll-interval", "5", "--endpoint-url",
                proxy.endpoint().toString(), "--region", "us-east-1");
        run.awaitErr(e -> e.contains("cwfilter: FilterLogEvents on log group " + group), WAIT, "the failure");
        assertThat(run.err()).contains("ResourceNotFoundException").contains("trying again every 20 ms");
        Thread.sleep(100);
        assertThat(run.stop()).isEqualTo(ExitCodes.IO_ERROR);
        assertThat(run.err().split("FilterLogEvents on log group", -1)).as("reported once while it fails, and"
                + " once in the end").hasSize(3);
    }

    @Test
    void inputsThatDoNotMakeSenseLiveAreRefusedWithTheReason() {
        Run s3 = Run.of("watch", "-p", "ERROR", "s3://trail-bucket/AWSLogs/");
        assertThat(s3.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(s3.err()).contains("cwfilter watch: s3://trail-bucket/AWSLogs/: an S3 prefix holds CloudTrail log"
                + " files already delivered").contains("replay them with 'cwfilter metrics s3://trail-bucket/AWSLogs/'")
                .contains("--log-group NAME");
        Run end = Run.of("watch", "-p", "ERROR", "--log-group", "g", "--end-time", "2026-11-21");
        assertThat(end.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(end.err()).contains("--end-time: watch follows without an end");
        Run start = Run.of("watch", "-p", "ERROR", "--start-time", "2026-11-21", "x.log");
        assertThat(start.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(start.err()).contains("--start-time goes with --log-group NAME");
    }
}
