package dev.cwfilter.reference;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cwfilter.FilterOptions;
import dev.cwfilter.FilterPattern;
import dev.cwfilter.ast.JsonAnd;
import dev.cwfilter.ast.JsonComparison;
import dev.cwfilter.ast.JsonExpression;
import dev.cwfilter.ast.JsonOr;
import dev.cwfilter.ast.JsonPattern;
import dev.cwfilter.ast.JsonTest;
import dev.cwfilter.ast.PatternPrinter;
import dev.cwfilter.ast.Selector;
import dev.cwfilter.ast.SelectorStep;
import dev.cwfilter.propcheck.Gen;
import dev.cwfilter.propcheck.PropCheck;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A message that is not exactly one JSON object never matches a JSON pattern, and the library says so without
 * throwing: a valid event truncated anywhere, with garbage or a second value after it, with text before it (unless
 * {@code lenientJsonPrefix}), nested deeper than {@code maxEventNestingDepth}, or larger than {@code maxEventBytes}.
 * The reference agrees, and at the limits themselves (nesting exactly at the limit, size exactly the limit) both
 * evaluate the event and agree on the answer.
 */
class MalformedEventProperties {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private static final Gen<ReferenceGenerators.JsonCase> JSON_CASES = ReferenceGenerators.jsonCases();

    private static final Gen<String> GARBAGE = Gen.elements("x", "}", "]", ",", "{}", " {\"a\":1}", "{\"a\":1}", "null",
            " 1", "\"s\"", "/", "\u0000", "\u000B", "\uFEFF", "{");

    private static final Gen<String> PREFIXES = Gen.elements("INFO ", "x", "2024-01-01T00:00:00.000Z\tid\tINFO\t", "[",
            "\"a\"", "1 ", "\uFEFF", "\u000B", "//c\n", "}");

    /** A JSON case, where to cut it, garbage to put after it and a prefix to put before it. */
    private record Damage(ReferenceGenerators.JsonCase c, int cut, String garbage, String prefix) {
    }

    @Test
    void malformedEventsNeverMatchJsonPatterns() {
        Gen<Damage> damages = random -> new Damage(JSON_CASES.generate(random), Gen.integers(0, 10_000)
                .generate(random), GARBAGE.generate(random), PREFIXES.generate(random));
        PropCheck.tries(1000).forAll(damages, d -> {
            ReferenceGenerators.JsonCase c = d.c();
            String json = c.event().strip();
            String truncated = json.substring(0, d.cut() % json.length());
            neverMatches(c.pattern(), truncated, FilterOptions.defaults());
            neverMatches(c.pattern(), truncated, FilterOptions.builder().lenientJsonPrefix(true).build());
            neverMatches(c.pattern(), json + d.garbage(), FilterOptions.defaults());
            neverMatches(c.pattern(), json + d.garbage(), FilterOptions.builder().lenientJsonPrefix(true).build());
            neverMatches(c.pattern(), d.prefix() + json, FilterOptions.defaults());
        });
    }

    @Test
    void eventsNestedBeyondTheLimitNeverMatch() {
        PropCheck.tries(500).forAll(JSON_CASES, Gen.integers(1, 4), (c, wrappers) -> {
            ObjectNode wrapped = wrap(c.tree(), wrappers);
            int depth = depth(wrapped);
            String event = ReferenceGenerators.write(wrapped, false);
            JsonPattern pattern = underWrappers(c.pattern(), wrappers);
            FilterOptions atLimit = FilterOptions.builder().maxEventNestingDepth(depth).build();
            AgreementProperties.agree(pattern, atLimit, event);
            neverMatches(pattern, event, FilterOptions.builder().maxEventNestingDepth(depth - 1).build());
        });
    }

    /** Every depth from 995 to 1005, around the default limit of 1000. */
    @Test
    void eventsNestedBeyondTheDefaultLimitNeverMatch() {
        JsonPattern pattern = (JsonPattern) FilterPattern.compile("{ $.a NOT EXISTS || $.a IS NULL }").ast();
        for (int depth = 995; depth <= 1005; depth++) {
            String event = "{\"a\":".repeat(depth - 1) + "{\"b\":1}" + "}".repeat(depth - 1);
            if (depth > FilterOptions.DEFAULT_MAX_EVENT_NESTING_DEPTH) {
                neverMatches(pattern, event, FilterOptions.defaults());
            } else {
                AgreementProperties.agree(pattern, FilterOptions.defaults(), event);
            }
        }
    }

    @Test
    void eventsLargerThanTheLimitNeverMatch() {
        PropCheck.tries(500).forAll(JSON_CASES, c -> {
            int size = c.event().getBytes(StandardCharsets.UTF_8).length;
            AgreementProperties.agree(c.pattern(), FilterOptions.builder().maxEventBytes(size).build(), c.event());
            if (size > 1) {
                neverMatches(c.pattern(), c.event(), FilterOptions.builder().maxEventBytes(size - 1).build());
            }
        });
    }

    private static void neverMatches(JsonPattern pattern, String event, FilterOptions options) {
        String text = PatternPrinter.print(pattern);
        assertThat(new ReferenceEvaluator(options).matches(pattern, event))
                .as("the reference on %s%nevent %s", text, Show.quoted(event)).isFalse();
        assertThat(FilterPattern.compile(text, options).matches(event))
                .as("%s%nevent %s%noptions %s", text, Show.quoted(event), options).isFalse();
        byte[] utf8 = event.getBytes(StandardCharsets.UTF_8);
        assertThat(FilterPattern.compile(text, options).matches(utf8, 0, utf8.length))
                .as("bytes of %s%nevent %s%noptions %s", text, Show.quoted(event), options).isFalse();
    }

    /** The tree inside {@code wrappers} objects {@code {"obj": ...}}. */
    private static ObjectNode wrap(ObjectNode tree, int wrappers) {
        ObjectNode node = tree;
        for (int i = 0; i < wrappers; i++) {
            ObjectNode outer = NODES.objectNode();
            outer.set("obj", node);
            node = outer;
        }
        return node;
    }

    /** The same pattern with every selector moved under the wrappers. */
    private static JsonPattern underWrappers(JsonPattern pattern, int wrappers) {
        return new JsonPattern(underWrappers(pattern.expression(), wrappers));
    }

    private static JsonExpression underWrappers(JsonExpression e, int wrappers) {
        if (e instanceof JsonAnd and) {
            return new JsonAnd(and.operands().stream().map(o -> underWrappers(o, wrappers)).toList());
        }
        if (e instanceof JsonOr or) {
            return new JsonOr(or.operands().stream().map(o -> underWrappers(o, wrappers)).toList());
        }
        if (e instanceof JsonComparison c) {
            return new JsonComparison(underWrappers(c.selector(), wrappers), c.operator(), c.value());
        }
        JsonTest t = (JsonTest) e;
        return new JsonTest(underWrappers(t.selector(), wrappers), t.kind());
    }

    private static Selector underWrappers(Selector selector, int wrappers) {
        List<SelectorStep> steps = new ArrayList<>();
        for (int i = 0; i < wrappers; i++) {
            steps.add(new SelectorStep.Property("obj"));
        }
        steps.addAll(selector.steps());
        return new Selector(steps);
    }

    /** How deeply the value nests objects and arrays: 1 for an object of scalars. */
    private static int depth(JsonNode node) {
        if (!node.isContainerNode()) {
            return 0;
        }
        int deepest = 0;
        for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
            deepest = Math.max(deepest, depth(it.next()));
        }
        return deepest + 1;
    }
}
