package dev.cwfilter.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class EventRuleSetTest {

    /** The seed scenario's rule (issue 18). */
    static final String DELETE_OR_ROTATE = "{\"source\":[\"aws.secretsmanager\"],\"detail-type\":[\"AWS API Call via"
            + " CloudTrail\"],\"detail\":{\"eventName\":[\"DeleteSecret\",\"RotateSecret\"]}}";

    static EventBridgeEvent example(String file) {
        return EventBridgeEvent.fromCloudTrail(Examples.record(file));
    }

    static EventBridgeEvent call(String eventSource, String eventName) {
        return EventBridgeEvent.fromCloudTrail(CloudTrailEnvelopeTest.record("AwsApiCall", eventSource, eventName));
    }

    static List<String> names(List<RuleMatch> matches) {
        List<String> names = new ArrayList<>();
        matches.forEach(m -> names.add(m.rule().name()));
        return names;
    }

    @Test
    void theSeedRuleMatchesDeleteAndRotateCallsAndNotTheRotationServiceEvent() {
        EventRuleSet rules = EventRuleSet.of(EventRule.of("secret-delete-or-rotate", DELETE_OR_ROTATE));
        assertThat(names(rules.match(example("delete-secret.json")))).containsExactly("secret-delete-or-rotate");
        assertThat(names(rules.match(example("rotate-secret.json")))).containsExactly("secret-delete-or-rotate");
        assertThat(rules.match(example("rotation-succeeded.json"))).as("an AWS Service Event, not an API call")
                .isEmpty();
        assertThat(rules.match(call("secretsmanager.amazonaws.com", "PutSecretValue"))).isEmpty();
        assertThat(rules.match(example("console-sign-in.json"))).isEmpty();
    }

    @Test
    void answersComeInTheSetsOrderWhateverOrderEventRulerGives() {
        List<EventRule> list = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            list.add(EventRule.of("rule-" + (29 - i), i % 2 == 0 ? "{\"source\":[\"aws.secretsmanager\"]}"
                    : "{\"detail\":{\"eventName\":[{\"prefix\":\"Delete\"}]}}"));
        }
        EventRuleSet rules = EventRuleSet.of(list);
        List<String> expected = new ArrayList<>();
        list.forEach(r -> expected.add(r.name()));
        assertThat(names(rules.match(example("delete-secret.json")))).isEqualTo(expected);
        assertThat(rules.matches("rule-29", example("delete-secret.json"))).isTrue();
        assertThat(rules.matches("rule-28", example("rotate-secret.json"))).as("not a Delete* call").isFalse();
        assertThat(rules.matches("rule-29", example("rotate-secret.json"))).isTrue();
    }

    @Test
    void enabledRulesDoNotReceiveReadOnlyManagementEvents() {
        String listOrDelete = "{\"detail\":{\"eventName\":[\"ListSecrets\",\"DeleteSecret\"]}}";
        EventRule enabled = EventRule.of("enabled", listOrDelete);
        EventRule all = EventRule.builder("all").eventPattern(listOrDelete)
                .state(RuleState.ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS).build();
        EventRule disabled = EventRule.builder("disabled").eventPattern(listOrDelete).state(RuleState.DISABLED)
                .build();
        EventRuleSet rules = EventRuleSet.of(enabled, all, disabled);

        EventBridgeEvent list = call("secretsmanager.amazonaws.com", "ListSecrets");
        assertThat(names(rules.match(list))).containsExactly("all");
        List<RuleMatch> patterns = rules.matchPatterns(list);
        assertThat(names(patterns)).containsExactly("enabled", "all", "disabled");
        assertThat(patterns.get(0).notDeliveredBecause()).contains("a read-only management event reaches only rules in"
                + " state ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS, and the rule is ENABLED");
        assertThat(patterns.get(0).payloads()).isEmpty();
        assertThat(patterns.get(2).notDeliveredBecause()).contains("the rule is DISABLED");

        EventBridgeEvent delete = call("secretsmanager.amazonaws.com", "DeleteSecret");
        assertThat(names(rules.match(delete))).containsExactly("enabled", "all");
    }

    @Test
    void rulesOnOtherBusesDoNotSeeTheDefaultBusesEvents() {
        EventRule onDefault = EventRule.of("on-default", DELETE_OR_ROTATE);
        EventRule onAudit = EventRule.builder("on-audit").eventPattern(DELETE_OR_ROTATE).eventBusName("audit").build();
        EventRuleSet rules = EventRuleSet.of(onDefault, onAudit);
        EventBridgeEvent delete = example("delete-secret.json");
        assertThat(names(rules.match(delete))).containsExactly("on-default");
        assertThat(names(rules.match(delete.onBus("audit")))).containsExactly("on-audit");
        assertThat(rules.match(delete.onBus("elsewhere"))).isEmpty();
    }

    @Test
    void arraysMatchAnyElementAndArrayConsistencyIsEventRulers() {
        EventBridgeEvent event = EventBridgeEvent.builder().source("aws.ec2").detailType("x").detail(
                "{\"items\":[{\"a\":1,\"b\":2},{\"a\":3,\"b\":4}],\"tags\":[\"x\",\"y\"]}").build();
        assertThat(EventRuleSet.of(EventRule.of("r", "{\"detail\":{\"tags\":[\"y\"]}}")).match(event)).hasSize(1);
        assertThat(EventRuleSet.of(EventRule.of("r", "{\"detail\":{\"items\":{\"a\":[1],\"b\":[2]}}}")).match(event))
                .hasSize(1);
        assertThat(EventRuleSet.of(EventRule.of("r", "{\"detail\":{\"items\":{\"a\":[1],\"b\":[4]}}}")).match(event))
                .as("a and b from different elements of the same array").isEmpty();
    }

    @Test
    void aKeyTwiceInAPatternIsEventRulersLastOneWins() {
        // event-ruler's default (withOverridesForDuplicateRules); what EventBridge does is not documented.
        EventRule twice = EventRule.of("r", "{\"source\":[\"aws.s3\"],\"source\":[\"aws.secretsmanager\"]}");
        assertThat(EventRuleSet.of(twice).match(example("delete-secret.json"))).hasSize(1);
        assertThat(EventRuleSet.of(twice).match(call("s3.amazonaws.com", "CreateBucket"))).isEmpty();
    }

    @Test
    void parsedEventsMatchAsTheirCloudTrailRecords() {
        EventBridgeEvent parsed = EventBridgeEvent.parse(Examples.text("delete-secret.json"));
        EventRuleSet rules = EventRuleSet.of(EventRule.of("r", DELETE_OR_ROTATE));
        assertThat(rules.match(parsed)).hasSize(1);
        assertThat(parsed.id()).isEqualTo("3bfd2f21-b57f-5cae-5423-cefcda82691b");
        assertThat(Examples.tree(parsed.toJson())).isEqualTo(Examples.event("delete-secret.json"));
        EventBridgeEvent list = EventBridgeEvent.parse(call("secretsmanager.amazonaws.com", "ListSecrets").toJson());
        assertThat(list.isReadOnlyManagementEvent()).isTrue();
    }

    @Test
    void aSetIsSharedByThreads() throws Exception {
        List<EventRule> list = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            list.add(EventRule.of("r" + i, "{\"detail\":{\"eventName\":[\"Name" + i + "\"]}}"));
        }
        EventRuleSet rules = EventRuleSet.of(list);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> answers = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                answers.add(pool.submit(() -> {
                    for (int n = 0; n < 2000; n++) {
                        int i = n % 60;
                        List<RuleMatch> m = rules.match(call("s3.amazonaws.com", "Name" + i));
                        if (m.size() != (i < 50 ? 1 : 0) || (i < 50 && !m.get(0).rule().name().equals("r" + i))) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> f : answers) {
                assertThat(f.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
