package dev.cwfilter.events.definitions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cwfilter.deploy.DocumentException;
import dev.cwfilter.events.EventBridgeEvent;
import dev.cwfilter.events.EventRule;
import dev.cwfilter.events.EventRuleException;
import dev.cwfilter.events.RuleState;
import dev.cwfilter.events.Target;
import dev.cwfilter.events.TargetInput;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuleDefinitionsTest {

    static String resource(String name) {
        try (InputStream in = RuleDefinitionsTest.class.getResourceAsStream("/definitions/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static RuleDefinitions parse(String name) {
        return RuleDefinitions.parse(resource(name), name, Map.of());
    }

    static final EventBridgeEvent DELETE_PROD = EventBridgeEvent.fromCloudTrail("{\"eventVersion\":\"1.09\","
            + "\"userIdentity\":{\"type\":\"IAMUser\",\"arn\":\"arn:aws:iam::123456789012:user/alice\","
            + "\"accountId\":\"123456789012\"},\"eventTime\":\"2026-11-21T12:23:00Z\","
            + "\"eventSource\":\"secretsmanager.amazonaws.com\",\"eventName\":\"DeleteSecret\","
            + "\"awsRegion\":\"us-east-1\",\"requestParameters\":{\"secretId\":\"prod/db\"},"
            + "\"eventType\":\"AwsApiCall\",\"recipientAccountId\":\"123456789012\"}");

    @Test
    void listRulesOutputWithTheTargetsOfListTargetsByRule() {
        RuleDefinitions defs = parse("list-rules.json");
        assertThat(defs.rules()).extracting(d -> d.rule().name()).containsExactly("secret-delete-or-rotate",
                "secret-reads");
        assertThat(defs.skipped()).containsExactly("rule nightly-report (list-rules.json line 11): a scheduled"
                + " rule, without an event pattern");
        EventRule rule = defs.rule("secret-delete-or-rotate").rule();
        assertThat(rule.arn()).contains("arn:aws:events:us-east-1:123456789012:rule/secret-delete-or-rotate");
        assertThat(rule.description()).contains("Notify on DeleteSecret/RotateSecret");
        assertThat(rule.state()).isEqualTo(RuleState.ENABLED);
        assertThat(rule.targets()).isEmpty();
        assertThat(defs.rule("secret-reads").rule().state())
                .isEqualTo(RuleState.ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS);
        assertThat(defs.rule("secret-reads").rule().targets()).containsExactly(
                Target.of("audit-queue", "arn:aws:sqs:us-east-1:123456789012:audit").withInputPath("$.detail"));
        assertThat(defs.rule("secret-delete-or-rotate").location()).isEqualTo("list-rules.json line 3");

        RuleDefinitions withTargets = defs.withTargets("secret-delete-or-rotate", resource("list-targets-by-rule.json"),
                "targets.json");
        EventRule full = withTargets.rule("secret-delete-or-rotate").rule();
        assertThat(full.targets()).extracting(Target::id).containsExactly("notify-sns", "audit-queue");
        assertThat(full.targets().get(0).input()).isInstanceOf(TargetInput.Transformer.class);
        assertThat(withTargets.ruleSet().match(DELETE_PROD)).singleElement().satisfies(m ->
                assertThat(m.payloads().get(0).payload()).contains("\"arn:aws:iam::123456789012:user/alice called"
                        + " DeleteSecret on prod/db (rule secret-delete-or-rotate)\""));
        assertThatThrownBy(() -> defs.withTargets("nope", resource("list-targets-by-rule.json"), "targets.json"))
                .isInstanceOf(DocumentException.class).hasMessage("targets.json: there is no rule nope for these"
                        + " targets in list-rules.json; its rules are [secret-delete-or-rotate, secret-reads]");
    }

    @Test
    void describeRuleOutput() {
        EventRule rule = parse("describe-rule.json").rule("root-sign-in").rule();
        assertThat(rule.state()).isEqualTo(RuleState.DISABLED);
        assertThat(rule.eventPattern()).contains("AWS Console Sign In via CloudTrail");
    }

    @Test
    void aCloudFormationTemplate() {
        RuleDefinitions defs = parse("secrets-rules.yaml");
        assertThat(defs.rules()).extracting(RuleDefinition::resource).containsExactly("SecretChangeRule", "AuditCopy");
        assertThat(defs.skipped()).containsExactly("resource Nightly (secrets-rules.yaml line 43): a scheduled rule,"
                + " without an event pattern");
        RuleDefinition change = defs.rule("SecretChangeRule");
        assertThat(change.line()).isEqualTo(14);
        EventRule rule = change.rule();
        assertThat(rule.name()).isEqualTo("prod-secret-delete-or-rotate");
        assertThat(rule.eventPattern()).isEqualTo("{\"source\":[\"aws.secretsmanager\"],\"detail-type\":"
                + "[\"AWS API Call via CloudTrail\"],\"detail\":{\"eventName\":[\"DeleteSecret\",\"RotateSecret\"],"
                + "\"requestParameters\":{\"secretId\":[{\"prefix\":\"prod/\"}]}}}");
        assertThat(rule.targets()).extracting(Target::arn).containsExactly("Ref SecurityAlerts", "GetAtt AuditQueue.Arn");
        assertThat(defs.ruleSet().match(DELETE_PROD)).singleElement().satisfies(m -> {
            assertThat(m.rule().name()).isEqualTo("prod-secret-delete-or-rotate");
            assertThat(m.payloads().get(0).payload()).contains("\"DeleteSecret on prod/db (rule"
                    + " prod-secret-delete-or-rotate)\"");
            assertThat(m.payloads().get(1).payload()).contains("{\"secretId\":\"prod/db\"}");
        });
        EventRule copy = defs.rule("AuditCopy").rule();
        assertThat(copy.name()).as("no Name: the logical id").isEqualTo("AuditCopy");
        assertThat(copy.eventBusName()).as("a Ref to a bus of the template").isEqualTo("audit");

        RuleDefinitions dev = RuleDefinitions.parse(resource("secrets-rules.yaml"), "secrets-rules.yaml",
                Map.of("Environment", "dev"));
        assertThat(dev.rule("SecretChangeRule").rule().name()).isEqualTo("dev-secret-delete-or-rotate");
        assertThat(dev.ruleSet().match(DELETE_PROD)).isEmpty();
    }

    @Test
    void aJsonCloudFormationTemplateWithAPatternString(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("t.json");
        Files.writeString(file, """
                {"Resources": {"R": {"Type": "AWS::Events::Rule", "Properties": {
                  "EventPattern": "{\\"detail-type\\": [\\"AWS API Call via CloudTrail\\"]}",
                  "State": "DISABLED",
                  "Targets": [{"Id": "t", "Arn": {"Fn::GetAtt": ["Fn", "Arn"]}, "Input": "{\\"x\\": 1}"}]}}}}
                """);
        EventRule rule = RuleDefinitions.read(file).rule("R").rule();
        assertThat(rule.state()).isEqualTo(RuleState.DISABLED);
        assertThat(rule.targets()).containsExactly(Target.of("t", "GetAtt Fn.Arn").withInput("{\"x\": 1}"));
    }

    @Test
    void aTerraformPlan() {
        RuleDefinitions defs = parse("plan.json");
        assertThat(defs.rules()).extracting(RuleDefinition::resource).containsExactly(
                "aws_cloudwatch_event_rule.secret_change", "aws_cloudwatch_event_rule.old",
                "module.audit.aws_cloudwatch_event_rule.reads");
        assertThat(defs.skipped()).singleElement().asString().startsWith("resource aws_cloudwatch_event_rule.nightly");
        EventRule change = defs.rule("secret-delete-or-rotate").rule();
        assertThat(change.targets()).singleElement().satisfies(t -> {
            assertThat(t.id()).isEqualTo("notify-sns");
            assertThat(t.arn()).isEqualTo("(known after apply: aws_sns_topic.alerts.arn)");
            assertThat(t.input()).isEqualTo(new TargetInput.Transformer(Map.of("name", "$.detail.eventName",
                    "secret", "$.detail.requestParameters.secretId"), "\"<name> on <secret>\""));
        });
        assertThat(defs.rule("old-rule").rule().state()).as("is_enabled = false").isEqualTo(RuleState.DISABLED);
        EventRule reads = defs.rule("reads").rule();
        assertThat(reads.state()).isEqualTo(RuleState.ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS);
        assertThat(reads.targets()).as("found by the configuration's reference, the rule's name unknown")
                .containsExactly(Target.of("queue", "(known after apply: aws_sqs_queue.audit.arn)")
                        .withInputPath("$.detail.eventName"));
        assertThat(defs.ruleSet().match(DELETE_PROD)).extracting(m -> m.rule().name())
                .containsExactly("secret-delete-or-rotate");
    }

    @Test
    void errorsNameTheFileTheLineTheResourceAndThePart() {
        assertError("{\"Rules\":[{\"Name\":\"r\",\"EventPattern\":\"{\\\"source\\\":[]}\"}]}", "rules.json",
                "rules.json line 1: rule r: EventPattern at source: Empty arrays are not allowed (line 1, column 13)"
                        + "\n  {\"source\":[]}\n              ^");
        assertError("{\"Rules\":[\n{\"Name\":\"r\",\"State\":\"ON\",\"EventPattern\":\"{\\\"a\\\":[1]}\"}]}", "rules.json",
                "rules.json line 2: rule r: unknown rule state 'ON'; EventBridge knows ENABLED, DISABLED and"
                        + " ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS");
        assertError("{\"Rules\":[{\"Name\":\"r\"}]}", "rules.json", "rules.json line 1: rule r: EventPattern is"
                + " missing");
        assertError("{\"Rules\":[{\"Name\":\"r\",\"EventPattern\":\"{\\\"a\\\":[1]}\",\"Targets\":[{\"Id\":\"t\","
                + "\"Arn\":\"arn:aws:sns:x\",\"Input\":\"{}\",\"InputPath\":\"$\"}]}]}", "rules.json",
                "rules.json line 1: rule r: Only one of Input, InputPath, or InputTransformer must be provided for"
                        + " target t.");
        assertError("{\"Targets\":[]}", "t.json", "t.json line 1: this is the output of aws events"
                + " list-targets-by-rule, which does not say its rule: give it with the rule's name (--targets"
                + " RULE=FILE)");
        assertError("{\"x\":1}", "t.json", "t.json line 1: not a file of EventBridge rules: expected the output of"
                + " aws events list-rules ({\"Rules\": [...]}) or describe-rule, a CloudFormation template (Resources)"
                + " or a Terraform plan (planned_values)");
        assertError("Resources:\n  R:\n    Type: AWS::Events::Rule\n    Properties:\n      EventPattern:\n"
                + "        source: [!GetAtt X.Y]\n", "t.yaml", "t.yaml line 6: resource R (AWS::Events::Rule):"
                + " EventPattern cannot be resolved offline: it holds Fn::GetAtt (cannot be evaluated offline)");
        assertError("Resources:\n  R:\n    Type: AWS::Events::Rule\n    Properties:\n      EventPattern: {a: [1]}\n"
                + "      Targets:\n        - Id: t\n          Arn: x\n          InputTransformer:\n"
                + "            InputTemplate: '\"<nope>\"'\n", "t.yaml", "t.yaml line 2: rule R: target t"
                + " InputTemplate: InputTemplate for target t contains invalid placeholder nope.");
        assertError("{\"planned_values\":{\"root_module\":{\"resources\":[{\"address\":\"aws_cloudwatch_event_target.t\","
                + "\"type\":\"aws_cloudwatch_event_target\",\"name\":\"t\",\"values\":{\"rule\":\"gone\"}}]}}}",
                "plan.json", "plan.json line 1: resource aws_cloudwatch_event_target.t: its rule gone is not an"
                        + " aws_cloudwatch_event_rule of this plan");
        assertThatThrownBy(() -> RuleDefinitions.parse("{\"Rules\":[{\"Name\":\"r\",\"EventPattern\":\"{}\"}]}",
                "rules.json", Map.of())).hasCauseInstanceOf(EventRuleException.class);
    }

    static void assertError(String text, String name, String message) {
        assertThatThrownBy(() -> RuleDefinitions.parse(text, name, Map.of())).isInstanceOf(DocumentException.class)
                .hasMessage(message);
    }

    @Test
    void definitionsOfSeveralFilesTogether() {
        RuleDefinitions all = RuleDefinitions.concat("all", List.of(parse("list-rules.json"),
                parse("describe-rule.json")));
        assertThat(all.eventRules()).extracting(EventRule::name).containsExactly("secret-delete-or-rotate",
                "secret-reads", "root-sign-in");
        assertThat(all.skipped()).hasSize(1);
        assertThatThrownBy(() -> all.rule("x")).hasMessage("all has no rule named x; its rules are"
                + " [secret-delete-or-rotate, secret-reads, root-sign-in]");
    }
}
