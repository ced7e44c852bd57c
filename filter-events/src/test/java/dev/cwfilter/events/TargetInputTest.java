package dev.cwfilter.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What each target receives: the whole event, {@code Input}, {@code InputPath} and {@code InputTransformer}, as
 * EventBridge computes them (AWS-SHAPES §2.7 and §5.4; the substitution rules there come from AWS-recorded tests).
 */
class TargetInputTest {

    static final String SNS = "arn:aws:sns:us-east-1:123456789012:security-alerts";
    static final EventBridgeEvent DELETE = EventBridgeEvent.fromCloudTrail(Examples.record("delete-secret.json"));

    static TargetPayload payload(Target target) {
        return payload(target, DELETE);
    }

    static TargetPayload payload(Target target, EventBridgeEvent event) {
        EventRule rule = EventRule.builder("secret-delete-or-rotate").eventPattern(EventRuleSetTest.DELETE_OR_ROTATE)
                .target(target).build();
        return rule.payloadsFor(event).get(0);
    }

    static String delivered(Target target) {
        TargetPayload p = payload(target);
        assertThat(p.notDeliveredBecause()).isEmpty();
        return p.payload().orElseThrow();
    }

    static Target transformer(String template, String... keysAndPaths) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndPaths.length; i += 2) {
            map.put(keysAndPaths[i], keysAndPaths[i + 1]);
        }
        return Target.of("t", SNS).withInputTransformer(map, template);
    }

    @Test
    void withoutInputSettingsTheTargetReceivesTheEventAsDelivered() {
        assertThat(delivered(Target.of("t", SNS))).isEqualTo(DELETE.toJson());
    }

    @Test
    void inputIsSentAsWritten() {
        assertThat(delivered(Target.of("t", SNS).withInput("{ \"alert\" : \"secret deleted\" }")))
                .isEqualTo("{ \"alert\" : \"secret deleted\" }");
    }

    @Test
    void inputPathSendsTheSelectedValueAsJson() {
        assertThat(Examples.tree(delivered(Target.of("t", SNS).withInputPath("$.detail"))))
                .isEqualTo(Examples.event("delete-secret.json").get("detail"));
        assertThat(delivered(Target.of("t", SNS).withInputPath("$.detail.eventName"))).as("a string, with its quotes")
                .isEqualTo("\"DeleteSecret\"");
        assertThat(delivered(Target.of("t", SNS).withInputPath("$.detail.requestParameters.recoveryWindowInDays")))
                .isEqualTo("30");
        assertThat(delivered(Target.of("t", SNS).withInputPath("$.resources"))).isEqualTo("[]");
        assertThat(delivered(Target.of("t", SNS).withInputPath("$"))).isEqualTo(DELETE.toJson());
        assertThat(delivered(Target.of("t", SNS).withInputPath("$.detail-type")))
                .isEqualTo("\"AWS API Call via CloudTrail\"");
        TargetPayload missing = payload(Target.of("t", SNS).withInputPath("$.detail.nothing"));
        assertThat(missing.delivered()).isFalse();
        assertThat(missing.notDeliveredBecause()).contains("InputPath $.detail.nothing selects nothing in the event");
    }

    @Test
    void theListTargetsByRuleExampleOfAwsShapes() {
        // AWS-SHAPES §5.4: a quoted-string template, three paths and the rule's name.
        String template = "\"<who> called <name> on <secret> (rule <aws.events.rule-name>)\"";
        Target sns = transformer(template, "name", "$.detail.eventName", "secret",
                "$.detail.requestParameters.secretId", "who", "$.detail.userIdentity.arn");
        assertThat(delivered(sns)).isEqualTo("\"arn:aws:iam::123456789012:root called DeleteSecret on"
                + " MyDatabaseSecret (rule secret-delete-or-rotate)\"");
    }

    @Test
    void outsideAStringValuesAreJsonInsideNothingIsQuotedNorEscaped() {
        String event = "{\"s\":\"a \\\"b\\\"\",\"n\":7,\"f\":1.50,\"t\":true,\"z\":null,\"o\":{\"k\":\"v\",\"k2\":2},"
                + "\"l\":[\"x\",1]}";
        EventBridgeEvent e = EventBridgeEvent.builder().source("custom").detailType("t").detail(event).build();
        String[] paths = {"s", "$.detail.s", "n", "$.detail.n", "f", "$.detail.f", "t", "$.detail.t", "z",
            "$.detail.z", "o", "$.detail.o", "l", "$.detail.l", "m", "$.detail.missing"};
        assertThat(payload(transformer("{\"s\":<s>,\"n\":<n>,\"f\":<f>,\"t\":<t>,\"z\":<z>,\"o\":<o>,\"l\":<l>,"
                + "\"m\":<m>}", paths), e).payload()).contains("{\"s\":\"a \\\"b\\\"\",\"n\":7,\"f\":1.50,\"t\":true,"
                + "\"z\":null,\"o\":{\"k\":\"v\",\"k2\":2},\"l\":[\"x\",1],\"m\":\"\"}");
        assertThat(payload(transformer("\"<n> <f> <t> <z> <l> [<m>]\"", paths), e).payload())
                .contains("\"7 1.50 true null [x,1] []\"");
        // Raw insertion into a string can break it: a JSON template whose result is not JSON is dropped.
        TargetPayload quoted = payload(transformer("{\"s\":\"<s>\"}", paths), e);
        assertThat(quoted.payload()).isEmpty();
        assertThat(quoted.notDeliveredBecause()).contains("the transformed input is not valid JSON, and EventBridge does"
                + " not deliver it (nor says so)");
        assertThat(payload(transformer("{\"msg\":\"n=<n> f=<f> t=<t> z=<z> m=<m>.\"}", paths), e).payload())
                .contains("{\"msg\":\"n=7 f=1.50 t=true z=null m=.\"}");
        assertThat(payload(transformer("\"<s>\"", paths), e).payload()).as("a text template is not checked")
                .contains("\"a \"b\"\"");
        assertThat(payload(transformer("{\"payload\": \"<o>\"}", paths), e).delivered()).as("AWS-SHAPES §2.7: an"
                + " object inside a string").isFalse();
        assertThat(payload(transformer("{\"x\": \"<l>\"}", paths), e).delivered()).as("a list inside a string")
                .isFalse();
        assertThat(payload(transformer("{\"payload\": <o>}", paths), e).payload()).contains(
                "{\"payload\": {\"k\":\"v\",\"k2\":2}}");
    }

    @Test
    void aPlainTextTemplateIsDeliveredAsText() {
        // The PutTargets reference's own examples: values are inserted raw into text.
        assertThat(delivered(transformer("<name> is in state <secret>", "name", "$.detail.eventName", "secret",
                "$.detail.requestParameters.secretId"))).isEqualTo("DeleteSecret is in state MyDatabaseSecret");
        assertThat(delivered(transformer("<name> is in state \"<secret>\"", "name", "$.detail.eventName", "secret",
                "$.detail.requestParameters.secretId"))).isEqualTo("DeleteSecret is in state \"MyDatabaseSecret\"");
        assertThat(delivered(transformer("<o> and <l>", "o", "$.detail.requestParameters", "l", "$.resources")))
                .isEqualTo("{recoveryWindowInDays:30,secretId:MyDatabaseSecret} and []");
        assertThat(delivered(transformer("\"instance <name> is in <secret>\"", "name", "$.detail.eventName", "secret",
                "$.detail.requestParameters.secretId"))).isEqualTo("\"instance DeleteSecret is in MyDatabaseSecret\"");
    }

    @Test
    void theReservedVariables() {
        String template = "{\"arn\":<aws.events.rule-arn>,\"name\":<aws.events.rule-name>,"
                + "\"at\":<aws.events.event.ingestion-time>,\"event\":<aws.events.event>,"
                + "\"json\":<aws.events.event.json>,\"inside\":\"rule <aws.events.rule-name> at"
                + " <aws.events.event.ingestion-time>\"}";
        var tree = Examples.tree(delivered(transformer(template)));
        assertThat(tree.get("arn").textValue()).isEqualTo("arn:aws:events:us-west-2:123456789012:rule/"
                + "secret-delete-or-rotate");
        assertThat(tree.get("name").textValue()).isEqualTo("secret-delete-or-rotate");
        assertThat(tree.get("at").textValue()).isEqualTo("2018-04-03T17:51:02Z");
        assertThat(tree.get("inside").textValue()).isEqualTo("rule secret-delete-or-rotate at 2018-04-03T17:51:02Z");
        assertThat(tree.get("json")).isEqualTo(Examples.tree(DELETE.toJson()));
        List<String> keys = new java.util.ArrayList<>();
        tree.get("event").fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactly("version", "id", "detailType", "source", "account", "time", "region",
                "resources");
        assertThat(tree.get("event").get("detailType").textValue()).isEqualTo("AWS API Call via CloudTrail");

        EventRule custom = EventRule.builder("r").eventPattern("{\"source\":[\"x\"]}").eventBusName("audit")
                .target(transformer("<aws.events.rule-arn>")).build();
        assertThat(custom.payloadsFor(DELETE).get(0).payload()).contains("arn:aws:events:us-west-2:123456789012:"
                + "rule/audit/r");
        EventRule known = custom.toBuilder().arn("arn:aws:events:eu-west-1:111122223333:rule/audit/r").build();
        assertThat(known.payloadsFor(DELETE).get(0).payload()).contains("arn:aws:events:eu-west-1:111122223333:"
                + "rule/audit/r");
        assertThat(payload(transformer("<aws.events.event.ingestion-time>"), DELETE.withIngestionTime(
                "2018-04-03T17:55:40Z")).payload()).contains("2018-04-03T17:55:40Z");
    }

    @Test
    void arrayIndexesAndPlaceholdersThatAreNotNames() {
        EventBridgeEvent e = EventBridgeEvent.builder().source("aws.ec2").detailType("t")
                .resources(List.of("arn:aws:ec2:us-east-1:123456789012:instance/i-1")).detail("{\"a\":[[1,2],[3]]}")
                .build();
        assertThat(payload(transformer("{\"r\":<r>,\"x\":<x>,\"y\":<y>,\"lt\":\"a < b > c\"}", "r", "$.resources[0]",
                "x", "$.detail.a[0][1]", "y", "$.detail.a[5]"), e).payload())
                .contains("{\"r\":\"arn:aws:ec2:us-east-1:123456789012:instance/i-1\",\"x\":2,\"y\":\"\","
                        + "\"lt\":\"a < b > c\"}");
    }
}
