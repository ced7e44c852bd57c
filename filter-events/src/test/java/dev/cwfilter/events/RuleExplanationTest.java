package dev.cwfilter.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RuleExplanationTest {

    static final EventRule RULE = EventRule.of("secret-delete-or-rotate", EventRuleSetTest.DELETE_OR_ROTATE);

    @Test
    void aFailureNamesTheFieldsThatDecidedAndWhatTheEventHolds() {
        RuleExplanation why = RULE.explain(EventRuleSetTest.call("secretsmanager.amazonaws.com", "PutSecretValue"));
        assertThat(why.matched()).isFalse();
        assertThat(why.decidedBy()).containsExactly("detail.eventName [\"DeleteSecret\",\"RotateSecret\"] fails"
                + " (\"PutSecretValue\")");
        RuleExplanation service = RULE.explain(EventRuleSetTest.example("rotation-succeeded.json"));
        assertThat(service.decidedBy()).containsExactly("detail-type [\"AWS API Call via CloudTrail\"] fails"
                + " (\"AWS Service Event via CloudTrail\")", "detail.eventName [\"DeleteSecret\",\"RotateSecret\"]"
                + " fails (\"RotationSucceeded\")");
        assertThat(why.fields()).containsExactly(List.of("source"), List.of("detail-type"),
                List.of("detail", "eventName"));
    }

    @Test
    void aMatchNamesWhatMatched() {
        RuleExplanation why = RULE.explain(EventRuleSetTest.example("delete-secret.json"));
        assertThat(why.matched()).isTrue();
        assertThat(why.decidedBy()).containsExactly("source [\"aws.secretsmanager\"] matches (\"aws.secretsmanager\")",
                "detail-type [\"AWS API Call via CloudTrail\"] matches (\"AWS API Call via CloudTrail\")",
                "detail.eventName [\"DeleteSecret\",\"RotateSecret\"] matches (\"DeleteSecret\")");
    }

    @Test
    void missingFieldsOrBranchesAndArrays() {
        EventRule rule = EventRule.of("r", "{\"detail\":{\"errorCode\":[{\"prefix\":\"Access\"}],\"$or\":["
                + "{\"eventName\":[\"A\"]},{\"userIdentity\":{\"type\":[\"Root\"]}}]}}");
        RuleExplanation why = rule.explain(EventRuleSetTest.call("s3.amazonaws.com", "B"));
        assertThat(why.decidedBy()).containsExactly("detail.errorCode [{\"prefix\":\"Access\"}] fails (the event has"
                + " no detail.errorCode)", "no branch of $or matches: detail.eventName [\"A\"] fails (\"B\") /"
                + " detail.userIdentity.type [\"Root\"] fails (\"IAMUser\")");

        EventBridgeEvent items = EventBridgeEvent.builder().source("s").detailType("t")
                .detail("{\"items\":[{\"a\":1,\"b\":2},{\"a\":3,\"b\":4}]}").build();
        RuleExplanation consistency = EventRule.of("r", "{\"detail\":{\"items\":{\"a\":[1],\"b\":[4]}}}")
                .explain(items);
        assertThat(consistency.matched()).isFalse();
        assertThat(consistency.decidedBy()).singleElement().asString().startsWith("every field matches on its own,"
                + " but not together");
        assertThat(EventRule.of("r", "{\"detail\":{\"items\":{\"a\":[3]}}}").explain(items).decidedBy())
                .containsExactly("detail.items.a [3] matches (1, 3)");
    }

    @Test
    void theStateDecidesWhenThePatternMatches() {
        RuleExplanation why = EventRule.of("r", "{\"detail\":{\"eventName\":[\"ListSecrets\"]}}")
                .explain(EventRuleSetTest.call("secretsmanager.amazonaws.com", "ListSecrets"));
        assertThat(why.patternMatched()).isTrue();
        assertThat(why.matched()).isFalse();
        assertThat(why.notDeliveredBecause()).isPresent();
        assertThat(why.decidedBy()).endsWith("a read-only management event reaches only rules in state"
                + " ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS, and the rule is ENABLED");
    }
}
