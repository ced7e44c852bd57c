package dev.cwfilter.testkit;

import static dev.cwfilter.testkit.FilterAssertions.assertThatRule;
import static dev.cwfilter.testkit.events.CloudTrailEvents.deleteSecret;
import static dev.cwfilter.testkit.events.CloudTrailEvents.getSecretValue;
import static dev.cwfilter.testkit.events.CloudTrailEvents.putSecretValue;
import static dev.cwfilter.testkit.events.CloudTrailEvents.rotateSecret;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cwfilter.events.EventBridgeEvent;
import dev.cwfilter.events.EventRule;
import dev.cwfilter.events.EventRuleException;
import dev.cwfilter.events.RuleState;
import dev.cwfilter.events.Target;
import dev.cwfilter.events.definitions.RuleDefinitions;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RuleAssertTest {

    static final String PATTERN = "{\"source\":[\"aws.secretsmanager\"],\"detail-type\":[\"AWS API Call via"
            + " CloudTrail\"],\"detail\":{\"eventName\":[\"DeleteSecret\",\"RotateSecret\"]}}";
    static final EventRule RULE = EventRule.builder("secret-delete-or-rotate").eventPattern(PATTERN)
            .target(Target.of("notify-sns", "arn:aws:sns:us-east-1:123456789012:alerts").withInputTransformer(
                    Map.of("name", "$.detail.eventName", "secret", "$.detail.requestParameters.secretId"),
                    "\"<name> on <secret>\""))
            .target(Target.of("broken", "arn:aws:sqs:us-east-1:123456789012:q").withInputPath("$.detail.nothing"))
            .build();

    @Test
    void passingAssertionsChain() {
        assertThatRule(RULE)
                .matches(deleteSecret().user("alice").secret("prod/db").build())
                .sendsToTarget("notify-sns", "\"DeleteSecret on prod/db\"")
                .sendsNothingTo("broken")
                .matches(rotateSecret().secret("prod/api").build())
                .sendsToTarget("notify-sns", "\"RotateSecret on prod/api\"")
                .doesNotMatch(getSecretValue().build())
                .doesNotMatch(putSecretValue().build());
        assertThatRule(PATTERN).matches(EventBridgeEvent.fromCloudTrail(deleteSecret().build()));
    }

    @Test
    void aFailureToMatchSaysWhichFieldDecided() {
        String put = putSecretValue().user("alice").secret("prod/db").build();
        assertThatThrownBy(() -> assertThatRule(RULE).matches(put)).isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("""
                        expected:   to match
                        rule:       secret-delete-or-rotate (ENABLED)
                        pattern:    %s
                        event:      {"version":"0",""".formatted(PATTERN))
                .hasMessageContaining("\"eventName\":\"PutSecretValue\"")
                .hasMessageEndingWith("""
                        decided by: detail.eventName ["DeleteSecret","RotateSecret"] fails ("PutSecretValue")""");
    }

    @Test
    void anUnexpectedMatchSaysWhatMatched() {
        assertThatThrownBy(() -> assertThatRule(RULE).doesNotMatch(deleteSecret().build()))
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("expected:   not to match\n")
                .hasMessageEndingWith("""
                        decided by: source ["aws.secretsmanager"] matches ("aws.secretsmanager")
                                    detail-type ["AWS API Call via CloudTrail"] matches ("AWS API Call via CloudTrail")
                                    detail.eventName ["DeleteSecret","RotateSecret"] matches ("DeleteSecret")""");
    }

    @Test
    void theStateDecidesForReadOnlyCalls() {
        String reads = "{\"detail\":{\"eventName\":[\"GetSecretValue\"]}}";
        assertThatThrownBy(() -> assertThatRule(reads).matches(getSecretValue().build()))
                .hasMessageEndingWith("detail.eventName [\"GetSecretValue\"] matches (\"GetSecretValue\")\n"
                        + "            a read-only management event reaches only rules in state"
                        + " ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS, and the rule is ENABLED");
        assertThatRule(EventRule.of("r", reads).withState(RuleState.ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS))
                .matches(getSecretValue().build());
    }

    @Test
    void payloadFailuresShowWhatTheTargetReceives() {
        assertThatThrownBy(() -> assertThatRule(RULE).matches(deleteSecret().secret("prod/db").build())
                .sendsToTarget("notify-sns", "\"DeleteSecret on dev/db\"")).isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("expected: target notify-sns to receive \"DeleteSecret on dev/db\"\n")
                .hasMessageEndingWith("but:      it receives \"DeleteSecret on prod/db\"");
        assertThatThrownBy(() -> assertThatRule(RULE).matches(deleteSecret().build())
                .sendsToTarget("broken", "{}")).hasMessageEndingWith("but:      it receives nothing: InputPath"
                        + " $.detail.nothing selects nothing in the event");
        assertThatThrownBy(() -> assertThatRule(RULE).matches(deleteSecret().build())
                .sendsToTarget("nope", "{}")).hasMessageEndingWith("but:      the rule has no target nope; its"
                        + " targets are [notify-sns, broken]");
        assertThatThrownBy(() -> assertThatRule(RULE).matches(deleteSecret().build())
                .sendsNothingTo("notify-sns")).hasMessageStartingWith("expected: target notify-sns to receive"
                        + " nothing\n");
        EventRule whole = EventRule.builder("w").eventPattern(PATTERN).target(Target.of("t", "arn:aws:sqs:x")
                .withInput("{\"a\": 1}")).build();
        assertThatThrownBy(() -> assertThatRule(whole).matches(deleteSecret().build()).sendsToTarget("t", "{\"a\":1}"))
                .hasMessageEndingWith("note:     the same JSON, written differently: payloads are compared as"
                        + " exact text");
        assertThatThrownBy(() -> assertThatRule(RULE).sendsToTarget("notify-sns", "x"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("call matches(event) first");
    }

    @Test
    void eventsThatAreNotEventsAndPatternsThatAreNotPatterns() {
        assertThatThrownBy(() -> assertThatRule(RULE).matches("{\"eventName\":\"DeleteSecret\"}"))
                .isInstanceOf(AssertionError.class).hasMessageEndingWith("but:      EventBridge delivers no such"
                        + " event: not a CloudTrail record: the record has no eventType string");
        assertThatThrownBy(() -> assertThatRule("{\"source\":[]}")).isInstanceOf(EventRuleException.class)
                .hasMessageStartingWith("rule rule: EventPattern at source: Empty arrays are not allowed");
        String delivered = EventBridgeEvent.fromCloudTrail(rotateSecret().build()).toJson();
        assertThatRule(RULE).matches(delivered)
                .sendsToTarget("notify-sns", "\"RotateSecret on prod/orders/db-password\"");
    }

    @Test
    void rulesReadFromAFileNameTheirResource() {
        RuleDefinitions defs = RuleDefinitions.parse("{\"Rules\":[{\"Name\":\"deletes\",\"EventPattern\":"
                + "\"{\\\"detail\\\":{\\\"eventName\\\":[\\\"DeleteSecret\\\"]}}\"}]}", "rules.json", Map.of());
        assertThatThrownBy(() -> assertThatRule(defs.rule("deletes")).matches(rotateSecret().build()))
                .hasMessageContaining("rule:       deletes (ENABLED), deletes (rules.json line 1)\n");
        assertThat(defs.rules()).hasSize(1);
    }
}
