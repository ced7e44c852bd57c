package dev.cwfilter.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventRouterTest {

    static final String TOPIC = "arn:aws:sns:us-west-2:123456789012:security-alerts";
    static final String QUEUE = "arn:aws:sqs:us-west-2:123456789012:audit";
    static final EventBridgeEvent DELETE = EventBridgeEvent.fromCloudTrail(Examples.record("delete-secret.json"));

    static EventRule rule() {
        return EventRule.builder("secret-delete-or-rotate").eventPattern(EventRuleSetTest.DELETE_OR_ROTATE)
                .target(Target.of("notify-sns", TOPIC).withInputTransformer(Map.of("name", "$.detail.eventName",
                        "secret", "$.detail.requestParameters.secretId"), "\"<name> on <secret>\""))
                .target(Target.of("audit-queue", QUEUE).withInputPath("$.detail.requestParameters"))
                .target(Target.of("broken", QUEUE).withInputTransformer(Map.of("p", "$.detail.requestParameters"),
                        "{\"p\": \"<p>\"}"))
                .target(Target.of("lambda", "arn:aws:lambda:us-west-2:123456789012:function:f"))
                .build();
    }

    @Test
    void eachPayloadGoesToTheTargetWiredForItsArnAndEveryOtherIsReported() {
        List<TargetDelivery> sns = new ArrayList<>();
        List<TargetDelivery> other = new ArrayList<>();
        List<String> dropped = new ArrayList<>();
        EventRouter router = EventRouter.builder(EventRuleSet.of(rule()))
                .sendTo("arn:aws:sns:", sns::add)
                .sendTo(QUEUE, other::add)
                .onNotDelivered((m, p) -> dropped.add(p.target().id() + ": " + p.notDeliveredBecause().orElseThrow()))
                .build();
        List<RuleMatch> matches = router.accept(DELETE);
        assertThat(matches).hasSize(1);
        assertThat(sns).singleElement().satisfies(d -> {
            assertThat(d.payload()).isEqualTo("\"DeleteSecret on MyDatabaseSecret\"");
            assertThat(d.target().id()).isEqualTo("notify-sns");
            assertThat(d.event()).isSameAs(DELETE);
            assertThat(d.rule().name()).isEqualTo("secret-delete-or-rotate");
        });
        assertThat(other).extracting(TargetDelivery::payload)
                .containsExactly("{\"recoveryWindowInDays\":30,\"secretId\":\"MyDatabaseSecret\"}");
        assertThat(dropped).containsExactly(
                "broken: the transformed input is not valid JSON, and EventBridge does not deliver it (nor says so)",
                "lambda: no EventTarget is wired for arn:aws:lambda:us-west-2:123456789012:function:f");

        assertThat(router.accept(EventBridgeEvent.fromCloudTrail(Examples.record("rotation-succeeded.json"))))
                .isEmpty();
        assertThat(sns).hasSize(1);
    }

    @Test
    void thePrintingTargetShowsTheExactPayload() {
        StringBuilder out = new StringBuilder();
        EventRouter router = EventRouter.builder(EventRuleSet.of(rule()))
                .otherwise(PrintingTarget.to(out))
                .onNotDelivered((m, p) -> out.append("not delivered to ").append(p.target().id()).append('\n'))
                .build();
        router.accept(DELETE);
        assertThat(out.toString()).isEqualTo("""
                secret-delete-or-rotate → notify-sns (arn:aws:sns:us-west-2:123456789012:security-alerts), event %1$s:
                  "DeleteSecret on MyDatabaseSecret"
                secret-delete-or-rotate → audit-queue (arn:aws:sqs:us-west-2:123456789012:audit), event %1$s:
                  {"recoveryWindowInDays":30,"secretId":"MyDatabaseSecret"}
                not delivered to broken
                secret-delete-or-rotate → lambda (arn:aws:lambda:us-west-2:123456789012:function:f), event %1$s:
                  %2$s
                """.formatted(DELETE.id(), DELETE.toJson()));
    }

    @Test
    void aRouterSaysWhoHearsOfWhatIsNotDelivered() {
        assertThatThrownBy(() -> EventRouter.builder(EventRuleSet.of(rule())).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("onNotDelivered");
    }
}
