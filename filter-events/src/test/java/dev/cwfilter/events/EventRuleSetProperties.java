package dev.cwfilter.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cwfilter.propcheck.Gen;
import dev.cwfilter.propcheck.PropCheck;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.event.ruler.JsonRuleCompiler;
import software.amazon.event.ruler.Ruler;

/**
 * Rules over generated CloudTrail records, patterns and records generated independently: each rule's answer from a
 * compiled {@link EventRuleSet} equals event-ruler's own answer for that rule alone ({@link Ruler#matchesRule}, a new
 * machine per rule) on the envelope we build, with the rule's state applied as the EventBridge guide states it.
 */
class EventRuleSetProperties {

    /** A few rules of independent patterns and states. */
    record Rules(List<String> patterns, List<RuleState> states) {
    }

    static final Gen<Rules> RULES = Gen.sizes(1, 8).flatMap(n -> r -> {
        List<String> patterns = new ArrayList<>();
        List<RuleState> states = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            patterns.add(Generators.PATTERNS.generate(r));
            states.add(Generators.STATES.generate(r));
        }
        return new Rules(patterns, states);
    });

    /** What the EventBridge guide says about read-only management events, written from the record's own fields. */
    static boolean enabledRulesReceive(Generators.Record record) {
        boolean apiCall = record.eventType().equals("AwsApiCall");
        boolean data = "Data".equals(record.eventCategory()) || Boolean.FALSE.equals(record.managementEvent());
        String name = record.eventName();
        boolean readVerb = name.startsWith("List") || name.startsWith("Get") || name.startsWith("Describe");
        boolean stsException = record.eventSource().equals("sts.amazonaws.com")
                && (name.equals("GetSessionToken") || name.equals("GetFederationToken"));
        return !(apiCall && !data && readVerb && !stsException);
    }

    /**
     * The rule of a generated pattern. The generator means to make valid patterns; should one be invalid, event-ruler's
     * own check must say so too, and the value is discarded.
     */
    static EventRule rule(String name, String pattern, RuleState state) {
        try {
            return EventRule.builder(name).eventPattern(pattern).state(state).build();
        } catch (EventRuleException e) {
            assertThat(JsonRuleCompiler.check(pattern)).as("event-ruler's verdict on %s", pattern).isNotNull();
            PropCheck.assume(false);
            throw e;
        }
    }

    @Test
    void eachRulesAnswerIsEventRulersAnswerForThatRuleAlone() {
        AtomicInteger matched = new AtomicInteger();
        AtomicInteger checked = new AtomicInteger();
        AtomicInteger keptOut = new AtomicInteger();
        PropCheck.forAll(RULES, Generators.RECORDS, (rules, record) -> {
            List<EventRule> list = new ArrayList<>();
            for (int i = 0; i < rules.patterns().size(); i++) {
                list.add(rule("r" + i, rules.patterns().get(i), rules.states().get(i)));
            }
            EventRuleSet set = EventRuleSet.of(list);
            EventBridgeEvent event = EventBridgeEvent.fromCloudTrail(record.text());
            Set<String> delivered = new HashSet<>();
            set.match(event).forEach(m -> delivered.add(m.rule().name()));
            Set<String> patternMatched = new HashSet<>();
            set.matchPatterns(event).forEach(m -> patternMatched.add(m.rule().name()));
            for (EventRule rule : list) {
                boolean pattern = Ruler.matchesRule(event.toJson(), rule.eventPattern());
                boolean state = switch (rule.state()) {
                    case DISABLED -> false;
                    case ENABLED -> enabledRulesReceive(record);
                    case ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS -> true;
                };
                assertThat(patternMatched.contains(rule.name())).as("pattern %s", rule.eventPattern())
                        .isEqualTo(pattern);
                assertThat(delivered.contains(rule.name())).as("%s rule %s", rule.state(), rule.eventPattern())
                        .isEqualTo(pattern && state);
                checked.incrementAndGet();
                if (pattern && state) {
                    matched.incrementAndGet();
                } else if (pattern) {
                    keptOut.incrementAndGet();
                }
            }
        });
        // The property says something only if the generators give both answers, and states that matter, often.
        assertThat(matched.get()).as("rules delivered of %d", checked.get()).isGreaterThan(checked.get() / 10);
        assertThat(checked.get() - matched.get()).as("rules not delivered").isGreaterThan(checked.get() / 10);
        assertThat(keptOut.get()).as("pattern matched, state kept the event out").isGreaterThan(checked.get() / 50);
    }

    @Test
    void aParsedEventIsTheEventAndMatchesAlike() {
        PropCheck.forAll(Generators.RECORDS, Generators.PATTERNS, (record, pattern) -> {
            EventBridgeEvent event = EventBridgeEvent.fromCloudTrail(record.text());
            EventBridgeEvent parsed = EventBridgeEvent.parse(event.toJson());
            assertThat(parsed).isEqualTo(event);
            assertThat(parsed.isReadOnlyManagementEvent()).isEqualTo(event.isReadOnlyManagementEvent());
            EventRuleSet set = EventRuleSet.of(rule("r", pattern, RuleState.ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS));
            assertThat(set.match(parsed).size()).isEqualTo(set.match(event).size());
            assertThat(Examples.tree(event.toJson()).get("detail")).isEqualTo(record.json());
        });
    }

    @Test
    void anInputPathSendsWhatAJsonPointerSelects() {
        Gen<List<Object>> steps = Gen.listOf(Gen.oneOf(Gen.elements("detail", "requestParameters", "tags", "key",
                "userIdentity", "type", "eventName", "resources", "source", "detail-type", "secretId", "missing"),
                Gen.integers(0, 2)), 0, 5);
        PropCheck.forAll(Generators.RECORDS, steps, (record, path) -> {
            StringBuilder inputPath = new StringBuilder("$");
            StringBuilder pointer = new StringBuilder();
            for (Object step : path) {
                inputPath.append(step instanceof Integer i ? "[" + i + "]" : "." + step);
                pointer.append('/').append(step);
            }
            EventBridgeEvent event = EventBridgeEvent.fromCloudTrail(record.text());
            EventRule rule = EventRule.builder("r").eventPattern("{\"version\":[\"0\"]}")
                    .target(Target.of("t", "arn:aws:sqs:us-east-1:123456789012:q").withInputPath(inputPath.toString()))
                    .build();
            TargetPayload payload = rule.payloadsFor(event).get(0);
            JsonNode expected = Examples.tree(event.toJson()).at(pointer.toString());
            boolean indexIntoObject = false;
            JsonNode node = Examples.tree(event.toJson());
            for (Object step : path) {
                if (node == null || node.isMissingNode()) {
                    break;
                }
                // A pointer reads "/0" as a field named "0" of an object; a path's [0] only indexes arrays.
                indexIntoObject |= step instanceof Integer && node.isObject();
                node = step instanceof Integer i && node.isArray() ? node.get(i) : node.get(String.valueOf(step));
            }
            if (expected.isMissingNode() || indexIntoObject) {
                assertThat(payload.delivered()).as(inputPath.toString()).isFalse();
            } else {
                assertThat(Examples.tree(payload.payload().orElseThrow())).as(inputPath.toString()).isEqualTo(expected);
            }
        });
    }
}
