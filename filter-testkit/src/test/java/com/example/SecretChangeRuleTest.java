package com.example;

import static dev.cwfilter.testkit.FilterAssertions.assertThatRule;
import static dev.cwfilter.testkit.events.CloudTrailEvents.deleteSecret;
import static dev.cwfilter.testkit.events.CloudTrailEvents.getSecretValue;
import static dev.cwfilter.testkit.events.CloudTrailEvents.putSecretValue;
import static dev.cwfilter.testkit.events.CloudTrailEvents.rotateSecret;

import dev.cwfilter.events.definitions.RuleDefinition;
import dev.cwfilter.events.definitions.RuleDefinitions;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * How a team tests the EventBridge rule it is about to deploy: the rule is read from the team's own CloudFormation
 * template, given realistic CloudTrail records, and the message its SNS topic would receive is checked. Public API
 * only, as a user's test suite would.
 */
class SecretChangeRuleTest {

    static final RuleDefinition RULE = RuleDefinitions.read(Path.of("src/test/resources/infra/monitoring.yaml"))
            .rule("SecretChangeRule");

    @Test
    void aDeletedOrRotatedSecretReachesTheTopicAsOneSentence() {
        assertThatRule(RULE)
                .matches(deleteSecret().user("alice").secret("prod/legacy/smtp-password").build())
                .sendsToTarget("notify-sns", "\"arn:aws:iam::123456789012:user/alice called DeleteSecret on"
                        + " prod/legacy/smtp-password\"")
                .matches(rotateSecret().assumedRole("Admin", "bob").secret("prod/orders/db-password").build())
                .sendsToTarget("notify-sns", "\"arn:aws:sts::123456789012:assumed-role/Admin/bob called RotateSecret"
                        + " on prod/orders/db-password\"");
    }

    @Test
    void readsAndOtherWritesDoNotPage() {
        assertThatRule(RULE)
                .doesNotMatch(getSecretValue().build())
                .doesNotMatch(putSecretValue().build());
    }

    @Test
    void anAttemptThatWasDeniedPagesToo() {
        // The pattern does not look at errorCode: a denied DeleteSecret is an API call like any other.
        assertThatRule(RULE).matches(deleteSecret().user("mallory").accessDenied().build());
    }
}
