package dev.cwfilter.group;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cwfilter.FilterOptions;
import dev.cwfilter.FilterPattern;
import dev.cwfilter.FilterPatternException;
import dev.cwfilter.PatternSet;
import dev.cwfilter.propcheck.Gen;
import dev.cwfilter.propcheck.PropCheck;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * A set answers for each pattern exactly what the pattern answers alone: random sets of random patterns of every
 * syntax, under random options (mixed in one set), over random, mutated and malformed events, as text and as bytes.
 */
class PatternSetProperties {

    static final List<String> SELECTORS = List.of("$.a", "$.b", "$.eventName", "$.obj.a", "$.obj.b", "$.arr[0]",
            "$.arr[1]", "$.arr[*]", "$.obj.*", "$.*.a", "$.obj.arr[0].a", "$.errorCode", "$.userIdentity.type");
    static final List<String> VALUES = List.of("\"abc\"", "\"Get*\"", "\"*Value\"", "*", "\"\"", "400", "-5", "2.5",
            "1e3", "\"GetSecretValue\"", "%ab+c%", "\"Root\"", "\"*Denied*\"", "0", "true", "\"a b\"");
    static final List<String> OPERATORS = List.of("=", "=", "=", "!=", ">", "<", ">=", "<=");
    static final List<String> TESTS = List.of("IS NULL", "IS TRUE", "IS FALSE", "NOT EXISTS");

    static final Gen<String> JSON_LEAVES = Gen.frequency(
            Gen.weighted(5, Gen.zip(Gen.zip(Gen.elements(SELECTORS), Gen.elements(OPERATORS), (s, o) -> s + " " + o),
                    Gen.elements(VALUES), (so, v) -> so + " " + v)),
            Gen.weighted(1, Gen.zip(Gen.elements(SELECTORS), Gen.elements(TESTS), (s, t) -> s + " " + t)));

    static final Gen<String> JSON_EXPRESSIONS = Gen.lazy(() -> Gen.frequency(
            Gen.weighted(4, JSON_LEAVES),
            Gen.weighted(2, Gen.zip(Gen.listOf(JSON_LEAVES, 2, 4), Gen.elements(" && ", " || "),
                    (ls, op) -> "(" + String.join(op, ls) + ")")),
            Gen.weighted(1, Gen.zip(Gen.listOf(Gen.zip(Gen.listOf(JSON_LEAVES, 1, 3), Gen.elements(" && ", " || "),
                    (ls, op) -> "(" + String.join(op, ls) + ")"), 2, 3), Gen.elements(" && ", " || "),
                    (ls, op) -> String.join(op, ls)))));

    static final Gen<String> JSON_PATTERNS = JSON_EXPRESSIONS.map(e -> "{ " + e + " }");

    static final Gen<String> TERM_PATTERNS = Gen.listOf(Gen.elements("ERROR", "\"a b\"", "-DEBUG", "?ERROR", "?WARN",
            "abc", "Get", "400", "\"GetSecretValue\""), 1, 3).map(ts -> String.join(" ", ts));

    static final Gen<String> OTHER_PATTERNS = Gen.elements("%ERR[A-Z]+%", "%a.c%", "%[0-9]{3}%", "",
            "[ip, user, status = 4*, size]", "[ip, user, status >= 400, size]", "[a, b]", "[..., size = 287]",
            "[ip, ..., status = 404 || status = 500]", "[w1 = ERROR, ...]", "{ $.a = \"\uFFFD\" }");

    static final Gen<FilterOptions> OPTIONS = Gen.frequency(
            Gen.weighted(6, Gen.constant(FilterOptions.defaults())),
            Gen.weighted(1, Gen.constant(FilterOptions.builder().lenientJsonPrefix(true).build())),
            Gen.weighted(1, Gen.constant(FilterOptions.builder().exactFieldCount(true).build())),
            Gen.weighted(1, Gen.constant(FilterOptions.builder().maxEventBytes(48).build())),
            Gen.weighted(1, Gen.constant(FilterOptions.builder().maxEventNestingDepth(2).build())));

    /** Compiled patterns of every syntax (texts that do not compile under their options are left out). */
    static final Gen<FilterPattern> PATTERNS = Gen.zip(Gen.frequency(
            Gen.weighted(6, JSON_PATTERNS), Gen.weighted(2, TERM_PATTERNS), Gen.weighted(2, OTHER_PATTERNS)),
            OPTIONS, (text, options) -> {
                try {
                    return FilterPattern.compile(text, options);
                } catch (FilterPatternException e) {
                    return null;
                }
            }).filter(Objects::nonNull);

    static final Gen<List<FilterPattern>> SETS = Gen.listOf(PATTERNS, 1, 24);

    static final List<String> KEYS = List.of("a", "b", "eventName", "obj", "arr", "errorCode", "userIdentity",
            "type", "\\u0061", "c");
    static final List<String> SCALARS = List.of("\"abc\"", "\"GetSecretValue\"", "\"\"", "400", "-5", "2.5",
            "1e3", "null", "true", "false", "\"Root\"", "\"AccessDenied\"", "\"abbbc\"", "\"a\\\"b\"", "\"\\u00e9\"",
            "0", "\"a b\"", "\"\u00e9t\u00e9\"");

    static final Gen<String> JSON_VALUES = Gen.lazy(() -> Gen.frequency(
            Gen.weighted(6, Gen.elements(SCALARS)),
            Gen.weighted(1, Gen.listOf(Gen.elements(SCALARS), 0, 3).map(l -> "[" + String.join(",", l) + "]")),
            Gen.weighted(1, Gen.listOf(Gen.zip(Gen.elements(KEYS), Gen.elements(SCALARS),
                    (k, v) -> "\"" + k + "\":" + v), 0, 3).map(l -> "[{" + String.join(",", l) + "}]")),
            Gen.weighted(2, Gen.listOf(Gen.zip(Gen.elements(KEYS), Gen.elements(SCALARS),
                    (k, v) -> "\"" + k + "\":" + v), 0, 4).map(l -> "{" + String.join(",", l) + "}"))));

    /** JSON objects over the patterns' keys (repeated keys, escaped names and nesting included). */
    static final Gen<String> JSON_EVENTS = Gen.zip(Gen.listOf(Gen.zip(Gen.elements(KEYS), JSON_VALUES,
            (k, v) -> "\"" + k + "\": " + v), 0, 7), Gen.elements("", " ", "x ", "\n"),
            (members, prefix) -> prefix + "{" + String.join(", ", members) + "}");

    static final Gen<String> TEXT_EVENTS = Gen.listOf(Gen.elements("ERROR", "DEBUG", "WARN", "abc", "Get", "400",
            "404", "500", "287", "10.0.0.1", "alice", "-", "a", "b", "GetSecretValue", "ERRORX", "[x]"), 0, 6)
            .map(words -> String.join(" ", words));

    /** Events, some mutated: cut short, or with a character inserted. */
    static final Gen<String> EVENTS = Gen.zip(Gen.frequency(Gen.weighted(3, JSON_EVENTS), Gen.weighted(1, TEXT_EVENTS)),
            Gen.zip(Gen.integers(0, 3), Gen.integers(0, 1000), (kind, at) -> new int[] {kind, at}),
            (event, mutation) -> {
                int at = event.isEmpty() ? 0 : mutation[1] % event.length();
                return switch (mutation[0]) {
                    case 1 -> event.substring(0, at);
                    case 2 -> event.substring(0, at) + "\"{}\\\u00e9,".charAt(mutation[1] % 6) + event.substring(at);
                    default -> event;
                };
            });

    @Test
    void eachBitIsThePatternsOwnAnswer() {
        PropCheck.tries(1500).forAll(SETS, Gen.listOf(EVENTS, 1, 6), (patterns, events) -> {
            PatternSet set = PatternSet.of(patterns);
            BitSet text = new BitSet();
            BitSet bytes = new BitSet();
            for (String event : events) {
                BitSet expected = eachAlone(patterns, event);
                set.matches(event, text);
                assertThat(text).as("text %s", event).isEqualTo(expected);
                byte[] utf8 = ("ab" + event + "c").getBytes(StandardCharsets.UTF_8);
                bytes.set(patterns.size() + 3);
                set.matches(utf8, 2, utf8.length - 3, bytes);
                assertThat(bytes).as("bytes %s", event).isEqualTo(expected);
            }
        });
    }

    /** Many equality clauses on few selectors: the selectors' literals are looked up, in a set and in one pattern. */
    static final Gen<String> EQUALITY_LEAVES = Gen.zip(Gen.elements("$.a", "$.arr[*]", "$.obj.*", "$.obj.a"),
            Gen.elements("\"x\"", "\"y\"", "\"z\"", "\"w\"", "\"1\"", "\"\"", "\"x*\"", "1", "\"\u00e9\""),
            (s, v) -> s + " = " + v);
    static final Gen<FilterPattern> EQUALITY_PATTERNS = Gen.zip(Gen.listOf(EQUALITY_LEAVES, 1, 7),
            Gen.elements(" || ", " && ", " || $.b NOT EXISTS || "), (leaves, op) -> "{ " + String.join(op, leaves)
                    + " }").map(text -> {
                        try {
                            return FilterPattern.compile(text);
                        } catch (FilterPatternException e) {
                            return null; // more wildcard selectors than CloudWatch allows
                        }
                    }).filter(Objects::nonNull);
    static final Gen<String> EQUALITY_EVENTS = Gen.listOf(Gen.zip(Gen.elements("a", "arr", "obj", "b", "\\u0061"),
            Gen.elements("\"x\"", "\"y\"", "1", "\"1\"", "[\"z\",\"w\"]", "{\"a\":\"w\"}", "{\"c\":\"x\"}",
                    "\"\"", "null", "\"\u00e9\"", "\"\\u00e9\"", "[1,\"x\"]", "true"),
            (k, v) -> "\"" + k + "\":" + v), 0, 5).map(members -> "{" + String.join(",", members) + "}");

    @Test
    void equalityLookupsAnswerAsTheTestsWould() {
        PropCheck.tries(1500).forAll(Gen.listOf(EQUALITY_PATTERNS, 1, 12), EQUALITY_EVENTS, (patterns, event) -> {
            PatternSet set = PatternSet.of(patterns);
            BitSet bits = new BitSet();
            set.matches(event, bits);
            for (int i = 0; i < patterns.size(); i++) {
                boolean expected = patterns.get(i).explain(event).matched();
                assertThat(patterns.get(i).matches(event)).as("pattern %s on %s", patterns.get(i), event)
                        .isEqualTo(expected);
                assertThat(bits.get(i)).as("set: %s on %s", patterns.get(i), event).isEqualTo(expected);
            }
        });
    }

    @Test
    void malformedUtf8AnswersAsEachPatternDoes() {
        PropCheck.tries(500).forAll(SETS, JSON_EVENTS, Gen.integers(0, 1000), (patterns, event, at) -> {
            PatternSet set = PatternSet.of(patterns);
            byte[] utf8 = event.getBytes(StandardCharsets.UTF_8);
            byte[] broken = new byte[utf8.length + 1];
            int cut = at % (utf8.length + 1);
            System.arraycopy(utf8, 0, broken, 0, cut);
            broken[cut] = (byte) (at % 2 == 0 ? 0xFF : 0xC3);
            System.arraycopy(utf8, cut, broken, cut + 1, utf8.length - cut);
            BitSet expected = new BitSet();
            for (int i = 0; i < patterns.size(); i++) {
                if (patterns.get(i).matches(broken, 0, broken.length)) {
                    expected.set(i);
                }
            }
            BitSet actual = new BitSet();
            set.matches(broken, 0, broken.length, actual);
            assertThat(actual).isEqualTo(expected);
        });
    }

    @Test
    void aClauseManyPatternsHoldIsOneLeafAndEachPatternKeepsItsAnswer() {
        List<FilterPattern> patterns = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            patterns.add(FilterPattern.compile("{ $.eventName = \"DeleteTrail\" || $.n = " + i + " }"));
        }
        PatternSet set = PatternSet.of(patterns);
        BitSet bits = new BitSet();
        set.matches("{\"eventName\":\"DeleteTrail\"}", bits);
        assertThat(bits.cardinality()).isEqualTo(40);
        set.matches("{\"eventName\":\"StopLogging\",\"n\":7}", bits);
        assertThat(bits.stream().boxed().toList()).containsExactly(7);
        // A repeated key: its last value counts, for every pattern of the set.
        set.matches("{\"n\":7,\"eventName\":\"DeleteTrail\",\"eventName\":\"x\"}", bits);
        assertThat(bits.stream().boxed().toList()).containsExactly(7);
    }

    /** The bits a set of these patterns must set for the event: each pattern's own answer, asked alone. */
    static BitSet eachAlone(List<FilterPattern> patterns, String event) {
        BitSet expected = new BitSet();
        for (int i = 0; i < patterns.size(); i++) {
            if (patterns.get(i).matches(event)) {
                expected.set(i);
            }
        }
        return expected;
    }
}
