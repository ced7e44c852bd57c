package dev.cwfilter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cwfilter.events.EventBridgeEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventsCommandTest {

    /** The seed scenario's rule (issue 18). */
    static final String DELETE_OR_ROTATE = "{\"source\":[\"aws.secretsmanager\"],\"detail-type\":[\"AWS API Call via"
            + " CloudTrail\"],\"detail\":{\"eventName\":[\"DeleteSecret\",\"RotateSecret\"]}}";
    static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path dir;

    Path file(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    static List<JsonNode> lines(String out) throws IOException {
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : out.split("\n")) {
            nodes.add(MAPPER.readTree(line));
        }
        return nodes;
    }

    /** The seed hour's records, as the envelope sees them. */
    static List<JsonNode> records() throws IOException {
        List<JsonNode> records = new ArrayList<>();
        MAPPER.readTree(Run.seed().toFile()).get("Records").forEach(records::add);
        return records;
    }

    @Test
    void theSeedRuleOnTheBundledHourMatchesTheDeleteAndTheRotation() {
        Run run = Run.of("events", "--rule", DELETE_OR_ROTATE, Run.seed().toString());
        assertThat(run.code()).as(run.toString()).isZero();
        assertThat(run.out()).startsWith("2026-11-21T12:23:00Z  DeleteSecret  Admin/alice  → rule pattern\n"
                + "  event   {\"version\":\"0\",\"id\":\"")
                .contains("\n2026-11-21T12:42:06Z  RotateSecret  Admin/alice  → rule pattern\n")
                .contains("\"detail-type\":\"AWS API Call via CloudTrail\",\"source\":\"aws.secretsmanager\","
                        + "\"account\":\"123456789012\",\"time\":\"2026-11-21T12:23:00Z\",\"region\":\"us-east-1\","
                        + "\"resources\":[],\"detail\":{\"eventVersion\":\"1.09\"")
                .contains("  (the rule has no targets)\n");
        assertThat(run.out().split("\n")).hasSize(6);
        assertThat(run.err()).isEmpty();
    }

    @Test
    void jsonOutputHoldsTheEventAsDeliveredTheRuleAndEachPayload() throws IOException {
        Path rules = file("rules.json", """
                {"Rules": [{"Name": "secret-delete-or-rotate", "EventPattern": %s, "State": "ENABLED",
                  "EventBusName": "default", "Arn": "arn:aws:events:us-east-1:123456789012:rule/secret-delete-or-rotate"}]}
                """.formatted(MAPPER.writeValueAsString(DELETE_OR_ROTATE)));
        Path targets = file("targets.json", """
                {"Targets": [
                  {"Id": "notify-sns", "Arn": "arn:aws:sns:us-east-1:123456789012:security-alerts",
                   "InputTransformer": {"InputPathsMap": {"name": "$.detail.eventName",
                     "secret": "$.detail.requestParameters.secretId", "who": "$.detail.userIdentity.arn"},
                     "InputTemplate": "\\"<who> called <name> on <secret> (rule <aws.events.rule-name>)\\""}},
                  {"Id": "audit", "Arn": "arn:aws:sqs:us-east-1:123456789012:audit"},
                  {"Id": "broken", "Arn": "arn:aws:sqs:us-east-1:123456789012:audit", "InputPath": "$.detail.nope"}]}
                """);
        Run run = Run.of("events", "--rules", rules.toString(), "--targets", "secret-delete-or-rotate=" + targets,
                "--output", "json", Run.seed().toString());
        assertThat(run.code()).as(run.toString()).isZero();
        List<JsonNode> out = lines(run.out());
        assertThat(out).hasSize(2);
        JsonNode delete = out.get(0);
        assertThat(delete.get("rule").textValue()).isEqualTo("secret-delete-or-rotate");
        JsonNode record = records().get(52);
        assertThat(delete.get("event")).isEqualTo(MAPPER.readTree(EventBridgeEvent.fromCloudTrail(record.toString())
                .toJson()));
        assertThat(delete.get("event").get("detail")).isEqualTo(record);
        JsonNode t = delete.get("targets");
        assertThat(t).hasSize(3);
        assertThat(t.get(0).get("id").textValue()).isEqualTo("notify-sns");
        assertThat(t.get(0).get("arn").textValue()).isEqualTo("arn:aws:sns:us-east-1:123456789012:security-alerts");
        assertThat(t.get(0).get("payload").textValue()).isEqualTo("\"arn:aws:sts::123456789012:assumed-role/Admin/"
                + "alice called DeleteSecret on prod/legacy/smtp-password (rule secret-delete-or-rotate)\"");
        assertThat(MAPPER.readTree(t.get(1).get("payload").textValue())).isEqualTo(delete.get("event"));
        assertThat(t.get(2).get("delivered").booleanValue()).isFalse();
        assertThat(t.get(2).get("reason").textValue()).isEqualTo("InputPath $.detail.nope selects nothing in the event");
        assertThat(out.get(1).get("event").get("detail").get("eventName").textValue()).isEqualTo("RotateSecret");
    }

    /**
     * Directories are read as filter reads them: the seed hour laid out as CloudTrail writes it to S3 (gzipped files of
     * ten records under AWSLogs/ACCOUNT/CloudTrail/REGION/yyyy/mm/dd/, with a digest directory beside) gives the same
     * matches, in the same order, as the one file.
     */
    @Test
    void aDirectoryInCloudTrailsS3LayoutGivesTheSameMatchesAsTheFile() throws IOException {
        List<String> records = CloudTrailTree.records(Files.readAllBytes(Run.seed()));
        CloudTrailTree.write(dir.resolve("trail"), "us-east-1", records, 10,
                java.time.Instant.parse("2026-11-21T12:00:00Z").toEpochMilli(), false);
        Path digest = dir.resolve("trail/AWSLogs/123456789012/CloudTrail-Digest/us-east-1/2026/11/21");
        Files.createDirectories(digest);
        Files.writeString(digest.resolve("123456789012_CloudTrail-Digest_us-east-1_x_20261121T1300Z.json"), "{}");
        Run file = Run.of("events", "--rule", DELETE_OR_ROTATE, "-o", "json", Run.seed().toString());
        Run tree = Run.of("events", "--rule", DELETE_OR_ROTATE, "-o", "json", "--readers", "3",
                dir.resolve("trail").toString());
        assertThat(tree.code()).as(tree.toString()).isZero();
        assertThat(tree.err()).isEmpty();
        assertThat(lines(tree.out())).hasSize(2).isEqualTo(lines(file.out()));
    }

    @Test
    void textOutputShowsEachTargetsPayload() throws IOException {
        Path template = file("rules.yaml", """
                Parameters:
                  Env: {Type: String}
                Resources:
                  Rule:
                    Type: AWS::Events::Rule
                    Properties:
                      Name: !Sub "${Env}-secret-changes"
                      EventPattern:
                        source: [aws.secretsmanager]
                        detail: {eventName: [DeleteSecret]}
                      Targets:
                        - Id: notify
                          Arn: !Ref Topic
                          InputTransformer:
                            InputPathsMap: {secret: $.detail.requestParameters.secretId}
                            InputTemplate: '{"deleted": "<secret>", "rule": "<aws.events.rule-name>"}'
                """);
        Run run = Run.of("events", "--rules", template.toString(), "-P", "Env=prod", Run.seed().toString());
        assertThat(run.code()).as(run.toString()).isZero();
        assertThat(run.out()).contains("2026-11-21T12:23:00Z  DeleteSecret  Admin/alice  → rule prod-secret-changes\n")
                .endsWith("  target  notify (Ref Topic) receives:\n"
                        + "    {\"deleted\": \"prod/legacy/smtp-password\", \"rule\": \"prod-secret-changes\"}\n");
        Run unresolved = Run.of("events", "--rules", template.toString(), Run.seed().toString());
        assertThat(unresolved.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(unresolved.err()).isEqualTo("cwfilter events: " + template + " line 7: resource Rule"
                + " (AWS::Events::Rule): a value cannot be resolved offline: it is Fn::Sub variable ${Env} (no"
                + " parameter value; pass it as a parameter)\n");
    }

    @Test
    void readOnlyCallsReachOnlyRulesThatAskForAllManagementEvents() {
        String reads = "{\"detail\":{\"eventName\":[\"GetSecretValue\"]}}";
        Run enabled = Run.of("events", "--rule", reads, Run.seed().toString());
        assertThat(enabled.code()).isZero();
        assertThat(enabled.out()).isEmpty();
        assertThat(enabled.err()).isEqualTo("cwfilter: 6 events match the pattern of rule pattern and are not"
                + " delivered to it: a read-only management event reaches only rules in state"
                + " ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS, and the rule is ENABLED\n");
        Run all = Run.of("events", "--rule", reads, "--all-management-events", "-o", "json", Run.seed().toString());
        assertThat(all.out().split("\n")).hasSize(6);
        assertThat(all.err()).isEmpty();
    }

    @Test
    void severalPatternsAFileAndStandardInput() throws IOException {
        Path pattern = file("deletes.json", "{\"detail\":{\"eventName\":[{\"prefix\":\"Delete\"}]}}");
        String stdin = records().get(52).toString() + "\n" + records().get(84).toString() + "\nnot json\n";
        Run run = Run.withStdin(stdin, "events", "--rule", pattern.toString(), "--rule",
                "{\"detail\":{\"eventName\":[\"RotateSecret\"]}}", "-o", "json");
        assertThat(run.code()).as(run.toString()).isZero();
        assertThat(lines(run.out())).extracting(n -> n.get("rule").textValue()).containsExactly("deletes",
                "pattern-2");
        assertThat(run.err()).isEqualTo("cwfilter: 1 event not CloudTrail records (nor EventBridge events), skipped"
                + " (-, line 3: not a CloudTrail record: not well-formed JSON: Unrecognized token 'not': was expecting"
                + " (JSON String, Number, Array, Object or token 'null', 'true' or 'false'))\n");
    }

    @Test
    void eventBridgeEventsAsDeliveredAreTakenToo() throws IOException {
        String event = EventBridgeEvent.fromCloudTrail(records().get(84).toString()).toJson();
        Run run = Run.withStdin(event + "\n", "events", "--rule", DELETE_OR_ROTATE, "-o", "json");
        assertThat(lines(run.out())).singleElement().satisfies(n -> assertThat(n.get("event"))
                .isEqualTo(MAPPER.readTree(event)));
    }

    @Test
    void anInvalidRuleExits2NamingTheOffendingPart() throws IOException {
        Run inline = Run.of("events", "--rule", "{\"source\":[\"aws.secretsmanager\"],\"detail\":{\"eventName\":[]}}",
                Run.seed().toString());
        assertThat(inline.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(inline.err()).isEqualTo("""
                cwfilter events: rule pattern: EventPattern at detail.eventName: Empty arrays are not allowed (line 1, \
                column 58)
                  {"source":["aws.secretsmanager"],"detail":{"eventName":[]}}
                                                                           ^
                """);
        assertThat(inline.out()).isEmpty();
        Path rules = file("rules.json", "{\"Rules\":[{\"Name\":\"r\",\"EventPattern\":\"{\\\"a\\\":[{\\\"numeric\\\":"
                + "[\\\">\\\",\\\"x\\\"]}]}\"}]}");
        Run file = Run.of("events", "--rules", rules.toString(), Run.seed().toString());
        assertThat(file.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(file.err()).startsWith("cwfilter events: " + rules + " line 1: rule r: EventPattern at"
                + " a[0].numeric[1]: Value of > must be numeric");
        Path target = file("targets.json", "{\"Targets\":[{\"Id\":\"t\",\"Arn\":\"arn:aws:sns:x\","
                + "\"InputTransformer\":{\"InputPathsMap\":{},\"InputTemplate\":\"<x>\"}}]}");
        Path ok = file("ok.json", "{\"Rules\":[{\"Name\":\"r\",\"EventPattern\":\"{\\\"a\\\":[1]}\"}]}");
        Run targets = Run.of("events", "--rules", ok.toString(), "--targets", "r=" + target, Run.seed().toString());
        assertThat(targets.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(targets.err()).isEqualTo("cwfilter events: " + target + " line 1: rule r: target t InputTemplate:"
                + " InputTemplate for target t contains invalid placeholder x.\n");
    }

    @Test
    void otherErrorsExitAsTheOtherCommands() throws IOException {
        Run none = Run.of("events", Run.seed().toString());
        assertThat(none.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(none.err()).isEqualTo("cwfilter events: which rules? Give an event pattern with --rule or a file of"
                + " rules with --rules\n");
        Run noFile = Run.of("events", "--rule", "nowhere.json", Run.seed().toString());
        assertThat(noFile.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(noFile.err()).isEqualTo("cwfilter events: --rule nowhere.json is neither a JSON event pattern"
                + " (which starts with '{') nor a file\n");
        Run noRules = Run.of("events", "--rules", dir.resolve("none.json").toString(), Run.seed().toString());
        assertThat(noRules.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(noRules.err()).isEqualTo("cwfilter events: cannot read " + dir.resolve("none.json")
                + ": no such file\n");
        Run missingInput = Run.of("events", "--rule", DELETE_OR_ROTATE, "nowhere.json");
        assertThat(missingInput.code()).isEqualTo(ExitCodes.IO_ERROR);
        assertThat(missingInput.err()).isEqualTo("cwfilter: cannot read 'nowhere.json': no such file\n");
        Run badOutput = Run.of("events", "--rule", DELETE_OR_ROTATE, "-o", "yaml", Run.seed().toString());
        assertThat(badOutput.code()).isEqualTo(ExitCodes.USAGE);
        Run targetsWithoutRules = Run.of("events", "--rule", DELETE_OR_ROTATE, "--targets", "r=x.json",
                Run.seed().toString());
        assertThat(targetsWithoutRules.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(targetsWithoutRules.err()).contains("there is no --rules");
        Run targetsNotKeyValue = Run.of("events", "--rule", DELETE_OR_ROTATE, "--targets", "x.json",
                Run.seed().toString());
        assertThat(targetsNotKeyValue.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(targetsNotKeyValue.err()).startsWith("cwfilter: Value for option '--targets' (RULE=FILE) should be"
                + " in KEY=VALUE format but was x.json\n");
    }
}
