package dev.cwfilter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cwfilter.aws.HttpSubscriber;
import dev.cwfilter.aws.LocalAws;
import dev.cwfilter.aws.Moto;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * {@code cwfilter events} with an AWS account (moto behind the test proxy): {@code --notify} publishes each payload of
 * a rule's SNS targets, as EventBridge does, to an HTTP subscription served by the test; {@code s3://} inputs are read
 * as {@code metrics} reads them.
 */
class EventsAwsCommandTest {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private static LocalAws proxy;
    private static SnsClient sns;
    private static S3Client s3;

    @TempDir
    Path dir;

    @BeforeAll
    static void account() {
        proxy = LocalAws.shared();
        System.setProperty("aws.accessKeyId", "testing");
        System.setProperty("aws.secretAccessKey", "testing");
        sns = SnsClient.builder().endpointOverride(proxy.endpoint()).region(Moto.REGION).credentialsProvider(
                Moto.CREDENTIALS).build();
        s3 = S3Client.builder().endpointOverride(proxy.endpoint()).region(Moto.REGION).credentialsProvider(
                Moto.CREDENTIALS).forcePathStyle(true).build();
    }

    @AfterAll
    static void close() {
        sns.close();
        s3.close();
        proxy.close();
    }

    Path rules() throws Exception {
        return Files.writeString(dir.resolve("rules.json"), """
                {"Rules": [{"Name": "secret-delete-or-rotate", "EventPattern": %s, "State": "ENABLED",
                  "EventBusName": "default", "Arn": "arn:aws:events:us-east-1:123456789012:rule/secret-delete-or-rotate"}]}
                """.formatted(MAPPER.writeValueAsString(EventsCommandTest.DELETE_OR_ROTATE)));
    }

    Path targets(String alerts, String audit) throws Exception {
        return Files.writeString(dir.resolve("targets.json"), """
                {"Targets": [
                  {"Id": "notify-sns", "Arn": "%s",
                   "InputTransformer": {"InputPathsMap": {"name": "$.detail.eventName",
                     "secret": "$.detail.requestParameters.secretId", "who": "$.detail.userIdentity.arn"},
                     "InputTemplate": "\\"<who> called <name> on <secret> (rule <aws.events.rule-name>)\\""}},
                  {"Id": "audit-sns", "Arn": "%s"},
                  {"Id": "audit-queue", "Arn": "arn:aws:sqs:us-east-1:123456789012:audit", "InputPath": "$.detail"}]}
                """.formatted(alerts, audit));
    }

    /**
     * The seed story's second path end to end: the rule on DeleteSecret and RotateSecret, its SNS targets in moto, the
     * HTTP subscription served by the test. Each of the two matches reaches each SNS target with the exact payload the
     * command prints for it (the transformed sentence, the whole event as delivered), as the message and without a
     * subject; the SQS target is said not to be run.
     */
    @Test
    void notifyPublishesEachSnsTargetsExactPayloadThroughSns() throws Exception {
        try (HttpSubscriber subscriber = new HttpSubscriber()) {
            String alerts = sns.createTopic(b -> b.name("alerts-" + UUID.randomUUID())).topicArn();
            String audit = sns.createTopic(b -> b.name("audit-" + UUID.randomUUID())).topicArn();
            for (String topic : List.of(alerts, audit)) {
                sns.subscribe(b -> b.topicArn(topic).protocol("http").endpoint(subscriber.url()));
            }
            Run run = Run.of("events", "--rules", rules().toString(), "--targets", "secret-delete-or-rotate="
                    + targets(alerts, audit), "--output", "json", "--notify", "--endpoint-url",
                    proxy.endpoint().toString(), "--region", "us-east-1", Run.seed().toString());
            assertThat(run.code()).as(run.toString()).isZero();
            assertThat(run.err()).isEqualTo("cwfilter: 2 payloads of rule secret-delete-or-rotate target audit-queue"
                    + " (arn:aws:sqs:us-east-1:123456789012:audit) not sent: only SNS targets are published to\n"
                    + "cwfilter: 4 payloads published to SNS\n");
            List<JsonNode> matches = EventsCommandTest.lines(run.out());
            assertThat(matches).hasSize(2);
            List<String> toAlerts = new ArrayList<>();
            List<String> toAudit = new ArrayList<>();
            for (JsonNode m : matches) {
                toAlerts.add(m.get("targets").get(0).get("payload").textValue());
                toAudit.add(m.get("targets").get(1).get("payload").textValue());
            }
            assertThat(toAlerts.get(0)).isEqualTo("\"arn:aws:sts::123456789012:assumed-role/Admin/alice called"
                    + " DeleteSecret on prod/legacy/smtp-password (rule secret-delete-or-rotate)\"");
            assertThat(MAPPER.readTree(toAudit.get(1))).isEqualTo(matches.get(1).get("event"));

            List<JsonNode> received = subscriber.notifications(4, Duration.ofSeconds(10));
            assertThat(received).hasSize(4);
            List<String> atAlerts = new ArrayList<>();
            List<String> atAudit = new ArrayList<>();
            for (JsonNode n : received) {
                assertThat(n.get("Type").asText()).isEqualTo("Notification");
                assertThat(n.has("Subject") && !n.get("Subject").isNull()).as("EventBridge sets no subject").isFalse();
                (n.get("TopicArn").asText().equals(alerts) ? atAlerts : atAudit).add(n.get("Message").asText());
            }
            // Published in order, one sending thread: the messages are the payloads, byte for byte.
            assertThat(atAlerts).isEqualTo(toAlerts);
            assertThat(atAudit).isEqualTo(toAudit);
        }
    }

    @Test
    void aPayloadThatCannotBeDeliveredIsPrintedAndExits1() throws Exception {
        String missing = "arn:aws:sns:us-east-1:" + Moto.ACCOUNT + ":no-such-" + UUID.randomUUID();
        Run run = Run.of("events", "--rules", rules().toString(), "--targets", "secret-delete-or-rotate="
                + targets(missing, missing), "--notify", "--endpoint-url", proxy.endpoint().toString(), "--region",
                "us-east-1", Run.seed().toString());
        assertThat(run.code()).as(run.toString()).isEqualTo(ExitCodes.IO_ERROR);
        assertThat(run.err()).contains("cwfilter: payload NOT delivered: SNS Publish of rule"
                + " \"secret-delete-or-rotate\" target \"notify-sns\"").contains("NotFound")
                .contains("cwfilter: 0 payloads published to SNS, 4 NOT delivered (above)");

        Run noTargets = Run.of("events", "--rule", EventsCommandTest.DELETE_OR_ROTATE, "--notify",
                Run.seed().toString());
        assertThat(noTargets.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(noTargets.err()).contains("--notify publishes to the rules' SNS targets, and no rule has a target");
    }

    /** {@code s3://} inputs: the CloudTrail files of a prefix, as metrics reads them, give the file's matches. */
    @Test
    void anS3PrefixIsReadAsMetricsReadsIt() throws Exception {
        String bucket = "events-" + UUID.randomUUID().toString().substring(0, 8);
        String prefix = "AWSLogs/" + Moto.ACCOUNT + "/CloudTrail/us-east-1/";
        s3.createBucket(b -> b.bucket(bucket));
        s3.putObject(b -> b.bucket(bucket).key(prefix + "2026/11/21/" + Moto.ACCOUNT
                        + "_CloudTrail_us-east-1_20261121T1305Z_seed.json.gz"),
                RequestBody.fromBytes(MetricsAwsCommandTest.gzip(Run.seedText())));
        Run file = Run.of("events", "--rule", EventsCommandTest.DELETE_OR_ROTATE, "-o", "json",
                Run.seed().toString());
        Run fromS3 = Run.of("events", "--rule", EventsCommandTest.DELETE_OR_ROTATE, "-o", "json", "--endpoint-url",
                proxy.endpoint().toString(), "--region", "us-east-1", "s3://" + bucket + "/" + prefix);
        assertThat(fromS3.code()).as(fromS3.toString()).isZero();
        assertThat(fromS3.err()).isEqualTo("cwfilter: s3://" + bucket + "/" + prefix + ": 127 CloudTrail records from"
                + " 1 objects\n");
        assertThat(EventsCommandTest.lines(fromS3.out())).isEqualTo(EventsCommandTest.lines(file.out()));

        Run range = Run.of("events", "--rule", EventsCommandTest.DELETE_OR_ROTATE, "-o", "json", "--endpoint-url",
                proxy.endpoint().toString(), "--region", "us-east-1", "s3://" + bucket + "/" + prefix,
                "--start-time", "2026-11-21T12:30:00Z", "--end-time", "2026-11-21T13:00:00Z");
        assertThat(range.code()).as(range.toString()).isZero();
        assertThat(EventsCommandTest.lines(range.out())).singleElement().satisfies(m -> assertThat(m.at(
                "/event/detail/eventName").asText()).isEqualTo("RotateSecret"));

        Run missing = Run.of("events", "--rule", EventsCommandTest.DELETE_OR_ROTATE, "--endpoint-url",
                proxy.endpoint().toString(), "--region", "us-east-1", "s3://no-such-bucket-" + UUID.randomUUID()
                        .toString().substring(0, 8) + "/x/");
        assertThat(missing.code()).isEqualTo(ExitCodes.IO_ERROR);
        assertThat(missing.err()).contains("NoSuchBucket");
        Run rangeAlone = Run.of("events", "--rule", EventsCommandTest.DELETE_OR_ROTATE, "--start-time",
                "2026-11-21", Run.seed().toString());
        assertThat(rangeAlone.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(rangeAlone.err()).contains("--start-time and --end-time limit the events read from AWS");
    }
}
