package dev.cwfilter.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every rule EventBridge would reject is rejected, with a message naming the rule and the offending part. */
class BadRuleTest {

    static final String SNS = "arn:aws:sns:us-east-1:123456789012:alerts";
    static final String PATTERN = "{\"source\":[\"aws.secretsmanager\"]}";

    static void assertRejected(EventRule.Builder rule, String part, String message) {
        assertThatThrownBy(rule::build).isInstanceOfSatisfying(EventRuleException.class, e -> {
            assertThat(e.part()).isEqualTo(part);
            assertThat(e.getMessage()).isEqualTo(message);
        });
    }

    static EventRule.Builder pattern(String pattern) {
        return EventRule.builder("secret-rule").eventPattern(pattern);
    }

    @Test
    void invalidPatternsAreEventRulersMessagesWithWhereInThePattern() {
        assertRejected(pattern("{\"source\":[\"aws.secretsmanager\"],\"detail\":{\"eventName\":[]}}"),
                "EventPattern at detail.eventName", """
                rule secret-rule: EventPattern at detail.eventName: Empty arrays are not allowed (line 1, column 58)
                  {"source":["aws.secretsmanager"],"detail":{"eventName":[]}}
                                                                           ^""");
        assertRejected(pattern("{\"source\":\"aws.secretsmanager\"}"), "EventPattern at source", """
                rule secret-rule: EventPattern at source: "source" must be an object or an array (line 1, column 12)
                  {"source":"aws.secretsmanager"}
                             ^""");
        assertRejected(pattern("{}"), "EventPattern", """
                rule secret-rule: EventPattern: Empty objects are not allowed (line 1, column 3)
                  {}
                    ^""");
        assertRejected(pattern("[\"aws.s3\"]"), "EventPattern", """
                rule secret-rule: EventPattern: Filter is not an object (line 1, column 2)
                  ["aws.s3"]
                   ^""");
        assertRejected(pattern("{\"a\":[{\"prefix\":1}]}"), "EventPattern at a[0].prefix", """
                rule secret-rule: EventPattern at a[0].prefix: prefix match pattern must be a string (line 1, column 18)
                  {"a":[{"prefix":1}]}
                                   ^""");
        assertRejected(pattern("{\"a\":[{\"numeric\":[\">\",\"x\"]}]}"), "EventPattern at a[0].numeric[1]",
                """
                rule secret-rule: EventPattern at a[0].numeric[1]: Value of > must be numeric (line 1, column 24)
                  {"a":[{"numeric":[">","x"]}]}
                                         ^""");
        assertRejected(pattern("{\"a\":[{\"nope\":1}]}"), "EventPattern at a[0].nope", """
                rule secret-rule: EventPattern at a[0].nope: Unrecognized match type nope (line 1, column 16)
                  {"a":[{"nope":1}]}
                                 ^""");
        assertRejected(pattern("{\"$or\":[{\"a\":[1]}]}"), "EventPattern at $or", """
                rule secret-rule: EventPattern at $or: There must have at least 2 Objects in $or relationship. \
                (line 1, column 19)
                  {"$or":[{"a":[1]}]}
                                    ^""");
        assertRejected(pattern("{\"a\":[{\"exists\":\"yes\"}]}"), "EventPattern at a[0].exists", """
                rule secret-rule: EventPattern at a[0].exists: exists match pattern must be either true or false. \
                (line 1, column 18)
                  {"a":[{"exists":"yes"}]}
                                   ^""");
    }

    @Test
    void aMultiLinePatternShowsTheLineOfTheProblem() {
        assertRejected(pattern("{\n  \"source\": [\"aws.s3\"],\n  \"detail\": {\n    \"x\": [{\"anything-but\":"
                        + " {\"foo\": 1}}]\n  }\n}"), "EventPattern at detail.x[0].anything-but.foo", """
                rule secret-rule: EventPattern at detail.x[0].anything-but.foo: Unsupported anything-but pattern: foo \
                (line 4, column 37)
                      "x": [{"anything-but": {"foo": 1}}]
                                                      ^""");
    }

    @Test
    void malformedJsonIsRejectedWhereItBreaks() {
        assertThatThrownBy(() -> pattern("{\"a\":[1,").build()).isInstanceOf(EventRuleException.class)
                .hasMessageStartingWith("rule secret-rule: EventPattern at a[1]: Unexpected end-of-input");
        assertThatThrownBy(() -> pattern("{\"a\" [1]}").build()).isInstanceOf(EventRuleException.class)
                .hasMessageStartingWith("rule secret-rule: EventPattern");
        assertThatThrownBy(() -> pattern("").build()).isInstanceOf(EventRuleException.class)
                .hasMessageStartingWith("rule secret-rule: EventPattern:");
        // A container closed by the wrong bracket: where it was opened, without Jackson quoting the pattern again.
        assertThatThrownBy(() -> pattern("{\"detail\": {\"eventName\": [\"DeleteSecret\"}}").build())
                .isInstanceOf(EventRuleException.class).hasMessage("rule secret-rule: EventPattern at"
                        + " detail.eventName[0]: Unexpected close marker '}': expected ']' (for the array opened at"
                        + " line 1, column 26) (line 1, column 41)\n"
                        + "  {\"detail\": {\"eventName\": [\"DeleteSecret\"}}\n"
                        + "                                          ^");
    }

    @Test
    void problemsWithoutAPlaceAreStillNamed() {
        assertRejected(pattern("{\"a\":[{\"cidr\":\"10.0.0.0/99\"}]}"), "EventPattern",
                "rule secret-rule: EventPattern: IPv4 mask bits must be < 32");
        StringBuilder many = new StringBuilder("{");
        for (int i = 0; i < 257; i++) {
            many.append(i == 0 ? "" : ",").append("\"f").append(i).append("\":[1]");
        }
        assertRejected(pattern(many.append('}').toString()), "EventPattern",
                "rule secret-rule: EventPattern: Size of rule 'check' exceeds max value of 256");
        String tooLong = "{\"a\":[\"" + "x".repeat(4100) + "\"]}";
        assertRejected(pattern(tooLong), "EventPattern", "rule secret-rule: EventPattern: the pattern is 4110"
                + " characters long; EventBridge takes 4096 at most");
    }

    @Test
    void namesStatesAndBuses() {
        assertRejected(EventRule.builder("has space").eventPattern(PATTERN), "Name", "rule has space: Name: a rule's"
                + " name is 1 to 64 of the characters . - _ A-Z a-z 0-9, not 'has space'");
        assertRejected(EventRule.builder("").eventPattern(PATTERN), "Name", "rule (no name): Name: a rule's name is 1"
                + " to 64 of the characters . - _ A-Z a-z 0-9");
        assertRejected(EventRule.builder("x".repeat(65)).eventPattern(PATTERN), "Name", "rule " + "x".repeat(65)
                + ": Name: a rule's name is 1 to 64 of the characters . - _ A-Z a-z 0-9, not '" + "x".repeat(65) + "'");
        assertRejected(EventRule.builder("r"), "EventPattern", "rule r: EventPattern: the rule has no event pattern");
        assertRejected(pattern(PATTERN).eventBusName(""), "EventBusName",
                "rule secret-rule: EventBusName: the bus's name is empty");
        assertThatThrownBy(() -> RuleState.fromAwsName("enabled")).hasMessage("unknown rule state 'enabled';"
                + " EventBridge knows ENABLED, DISABLED and ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS (states are"
                + " written in capitals: ENABLED)");
        assertThat(pattern(PATTERN).eventBusName("arn:aws:events:us-east-1:123456789012:event-bus/audit").build()
                .eventBusName()).isEqualTo("audit");
    }

    @Test
    void targetsAsPutTargetsChecksThem() {
        EventRule.Builder six = pattern(PATTERN);
        for (int i = 0; i < 6; i++) {
            six.target(Target.of("t" + i, SNS));
        }
        assertRejected(six, "Targets", "rule secret-rule: Targets: a rule has at most 5 targets, not 6");
        assertRejected(pattern(PATTERN).target(Target.of("a", SNS)).target(Target.of("a", SNS)), "target a",
                "rule secret-rule: target a: two targets have the Id a");
        assertRejected(pattern(PATTERN).target(Target.of("bad id", SNS)), "target bad id",
                "rule secret-rule: target bad id: a target's Id is 1 to 64 of the characters . - _ A-Z a-z 0-9");
        assertRejected(pattern(PATTERN).target(Target.of("t", "")), "target t",
                "rule secret-rule: target t: the target has no Arn");
        assertRejected(pattern(PATTERN).target(Target.of("t", SNS).withInput("{\"a\":")), "target t Input",
                "rule secret-rule: target t Input: Input must be valid JSON text: {\"a\":");
        assertRejected(pattern(PATTERN).target(Target.of("t", SNS).withInput("\"" + "x".repeat(8192) + "\"")),
                "target t Input", "rule secret-rule: target t Input: Input is 8194 characters long; EventBridge"
                        + " takes 8192 at most");
        assertRejected(pattern(PATTERN).target(Target.of("t", SNS).withInputPath("detail.x")), "target t InputPath",
                "rule secret-rule: target t InputPath: a path starts with $ (as in $.detail.eventName), not"
                        + " 'detail.x'");
        assertRejected(pattern(PATTERN).target(Target.of("t", SNS).withInputPath("$.detail['x']")),
                "target t InputPath", "rule secret-rule: target t InputPath: '[' takes an array index, as in"
                        + " $.resources[0], at position 9 of $.detail['x'] (names are written in dot notation)");
        assertRejected(pattern(PATTERN).target(Target.of("t", SNS).withInputPath("$..x")), "target t InputPath",
                "rule secret-rule: target t InputPath: an empty name at position 3 of $..x");
        assertRejected(pattern(PATTERN).target(Target.of("t", SNS).withInputPath("$." + "x".repeat(255))),
                "target t InputPath", "rule secret-rule: target t InputPath: the path is 257 characters long;"
                        + " EventBridge takes 256 at most");
    }

    @Test
    void inputTransformersAsPutTargetsChecksThem() {
        assertRejected(pattern(PATTERN).target(Target.of("t", SNS).withInputTransformer(Map.of("name",
                "$.detail.eventName"), "\"<name> and <notdefinedkey>\"")), "target t InputTemplate",
                "rule secret-rule: target t InputTemplate: InputTemplate for target t contains invalid placeholder"
                        + " notdefinedkey.");
        assertRejected(pattern(PATTERN).target(Target.of("t", SNS).withInputTransformer(Map.of("AWS.x",
                "$.detail"), "<AWS.x>")), "target t InputPathsMap", "rule secret-rule: target t InputPathsMap: the"
                + " key 'AWS.x' is reserved (keys must not be empty nor start with AWS.)");
        assertRejected(pattern(PATTERN).target(Target.of("t", SNS).withInputTransformer(Map.of("x",
                "detail"), "<x>")), "target t InputPathsMap.x", "rule secret-rule: target t InputPathsMap.x: a path"
                + " starts with $ (as in $.detail.eventName), not 'detail'");
        assertRejected(pattern(PATTERN).target(Target.of("t", SNS).withInputTransformer(Map.of(), "")),
                "target t InputTemplate", "rule secret-rule: target t InputTemplate: InputTemplate is 1 to 8192"
                        + " characters long, not 0");
        assertRejected(pattern(PATTERN).target(Target.of("t", SNS).withInputTransformer(Map.of(),
                "{\"e\": \"<aws.events.event.json>\"}")), "target t InputTemplate", "rule secret-rule: target t"
                + " InputTemplate: InputTemplate for target t: <aws.events.event.json> stands for a JSON object and"
                + " cannot be used inside a string");
        Map<String, String> many = new LinkedHashMap<>();
        for (int i = 0; i < 101; i++) {
            many.put("k" + i, "$.detail");
        }
        assertRejected(pattern(PATTERN).target(Target.of("t", SNS).withInputTransformer(many, "<k0>")),
                "target t InputPathsMap", "rule secret-rule: target t InputPathsMap: InputPathsMap has 101 entries;"
                        + " EventBridge takes 100 at most");
    }

    @Test
    void twoRulesOfOneNameOnOneBusAreRejectedBySets() {
        EventRule a = EventRule.of("same", PATTERN);
        EventRule b = EventRule.of("same", "{\"source\":[\"aws.s3\"]}");
        assertThatThrownBy(() -> EventRuleSet.of(a, b)).isInstanceOf(EventRuleException.class)
                .hasMessage("rule same: Name: two rules on the bus default have this name");
        EventRule onAudit = b.toBuilder().eventBusName("audit").build();
        assertThat(EventRuleSet.of(a, onAudit).rules()).containsExactly(a, onAudit);
    }
}
