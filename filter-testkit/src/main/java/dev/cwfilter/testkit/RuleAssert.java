package dev.cwfilter.testkit;

import dev.cwfilter.ast.Selector;
import dev.cwfilter.events.EventBridgeEvent;
import dev.cwfilter.events.EventRule;
import dev.cwfilter.events.RuleExplanation;
import dev.cwfilter.events.Target;
import dev.cwfilter.events.TargetPayload;
import dev.cwfilter.events.UndeliverableEventException;
import dev.cwfilter.testkit.internal.EventShortener;
import dev.cwfilter.testkit.internal.Facts;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions about an EventBridge rule: which events EventBridge delivers to it (its pattern, matched by event-ruler,
 * and its state) and what each of its targets receives. Start with {@link FilterAssertions#assertThatRule}:
 *
 * <pre>{@code
 * assertThatRule(secretChanges)
 *         .matches(deleteSecret().secret("prod/db").build())
 *         .sendsToTarget("notify-sns", "\"alice deleted prod/db\"")
 *         .doesNotMatch(getSecretValue().build());
 * }</pre>
 *
 * <p>An event is a CloudTrail record (wrapped as EventBridge delivers it), the JSON of an event as EventBridge
 * delivers it (it has a {@code detail-type}), or an {@link EventBridgeEvent}. A failure says what was expected, the
 * rule, the event (shortened around the fields the pattern reads) and which fields of the pattern decided:
 * <pre>
 * expected:   to match
 * rule:       secret-delete-or-rotate (ENABLED)
 * pattern:    {"source":["aws.secretsmanager"],"detail-type":["AWS API Call via CloudTrail"],...}
 * event:      {"version":"0",…,"detail":{…,"eventName":"PutSecretValue",…}}
 * decided by: detail.eventName ["DeleteSecret","RotateSecret"] fails ("PutSecretValue")
 * </pre>
 *
 * <p>Not thread-safe, like every AssertJ assertion. It remembers the last event asserted to match, which
 * {@link #sendsToTarget} reads.
 */
public final class RuleAssert extends AbstractAssert<RuleAssert, EventRule> {

    private final String where;
    private EventBridgeEvent lastMatched;

    RuleAssert(EventRule rule, String where) {
        super(rule, RuleAssert.class);
        this.where = where;
    }

    /** Asserts that EventBridge delivers the event (a CloudTrail record or a delivered event's JSON) to the rule. */
    public RuleAssert matches(String event) {
        return matches(event(event, "to match"));
    }

    /** Asserts that EventBridge delivers the event to the rule. */
    public RuleAssert matches(EventBridgeEvent event) {
        check(Objects.requireNonNull(event, "event"), true);
        lastMatched = event;
        return this;
    }

    /** Asserts that EventBridge does not deliver the event (a CloudTrail record or an event's JSON) to the rule. */
    public RuleAssert doesNotMatch(String event) {
        return doesNotMatch(event(event, "not to match"));
    }

    /** Asserts that EventBridge does not deliver the event to the rule. */
    public RuleAssert doesNotMatch(EventBridgeEvent event) {
        check(Objects.requireNonNull(event, "event"), false);
        return this;
    }

    /**
     * Asserts that, for the last event asserted to match, the target with this id receives exactly this text.
     *
     * @throws IllegalStateException if no event was asserted to match before
     */
    public RuleAssert sendsToTarget(String targetId, String expectedPayload) {
        Objects.requireNonNull(expectedPayload, "expectedPayload");
        TargetPayload p = payload(targetId, "to send " + quote(expectedPayload) + " to target " + targetId);
        String actualPayload = p.payload().orElse(null);
        if (!expectedPayload.equals(actualPayload)) {
            Facts facts = base("target " + targetId + " to receive " + quote(expectedPayload), lastMatched);
            if (actualPayload == null) {
                facts.add("but", "it receives nothing: " + p.notDeliveredBecause().orElseThrow());
            } else {
                facts.add("but", "it receives " + quote(actualPayload));
                if (sameJson(expectedPayload, actualPayload)) {
                    facts.add("note", "the same JSON, written differently: payloads are compared as exact text");
                }
            }
            fail(facts);
        }
        return this;
    }

    /**
     * Asserts that, for the last event asserted to match, the target with this id receives nothing (a transformed
     * input that is not JSON, an input path that selects nothing).
     */
    public RuleAssert sendsNothingTo(String targetId) {
        TargetPayload p = payload(targetId, "to send nothing to target " + targetId);
        if (p.delivered()) {
            fail(base("target " + targetId + " to receive nothing", lastMatched)
                    .add("but", "it receives " + quote(p.payload().orElseThrow())));
        }
        return this;
    }

    private TargetPayload payload(String targetId, String expectation) {
        Objects.requireNonNull(targetId, "targetId");
        isNotNull();
        if (lastMatched == null) {
            throw new IllegalStateException("sendsToTarget reads the last event asserted to match: call"
                    + " matches(event) first");
        }
        List<String> ids = new ArrayList<>();
        for (Target t : actual.targets()) {
            ids.add(t.id());
        }
        int i = ids.indexOf(targetId);
        if (i < 0) {
            fail(base(expectation, lastMatched).add("but", "the rule has no target " + targetId + "; its targets are "
                    + ids));
        }
        return actual.payloadsFor(lastMatched).get(i);
    }

    private void check(EventBridgeEvent event, boolean shouldMatch) {
        isNotNull();
        RuleExplanation why = actual.explain(event);
        if (why.matched() != shouldMatch) {
            Facts facts = base(shouldMatch ? "to match" : "not to match", event, why);
            facts.add("decided by", String.join("\n", why.decidedBy()));
            fail(facts);
        }
    }

    private Facts base(String expectation, EventBridgeEvent event) {
        return base(expectation, event, actual.explain(event));
    }

    private Facts base(String expectation, EventBridgeEvent event, RuleExplanation why) {
        List<Selector> selectors = new ArrayList<>();
        for (List<String> path : why.fields()) {
            selectors.add(Selector.of(path.toArray(new String[0])));
        }
        return new Facts().add("expected", expectation)
                .add("rule", actual.name() + " (" + actual.state() + (actual.eventBusName().equals("default") ? ""
                        : ", bus " + actual.eventBusName()) + ")" + (where == null ? "" : ", " + where))
                .add("pattern", actual.eventPattern())
                .add("event", EventShortener.shorten(event.toJson(), selectors, List.of()));
    }

    private EventBridgeEvent event(String json, String expectation) {
        Objects.requireNonNull(json, "event");
        isNotNull();
        try {
            if (json.contains("\"detail-type\"")) {
                try {
                    return EventBridgeEvent.parse(json);
                } catch (IllegalArgumentException notAnEvent) {
                    // A record may hold the text "detail-type" too: try it as a record.
                }
            }
            return EventBridgeEvent.fromCloudTrail(json);
        } catch (UndeliverableEventException e) {
            fail(new Facts().add("expected", expectation)
                    .add("rule", actual.name())
                    .add("event", EventShortener.shorten(json, List.of(), List.of()))
                    .add("but", "EventBridge delivers no such event: " + e.getMessage()));
            throw e;
        }
    }

    private static boolean sameJson(String a, String b) {
        try {
            com.fasterxml.jackson.databind.ObjectMapper m = new com.fasterxml.jackson.databind.ObjectMapper();
            return m.readTree(a).equals(m.readTree(b));
        } catch (java.io.IOException | RuntimeException e) {
            return false;
        }
    }

    private static String quote(String payload) {
        return EventShortener.escapeControls(payload);
    }

    private void fail(Facts facts) {
        failWithMessage("%s", facts.toString());
    }
}
