package dev.cwfilter.rules;

import static dev.cwfilter.rules.RuleAssertions.matchesUtf8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cwfilter.FilterPattern;
import dev.cwfilter.FilterPatternException;
import dev.cwfilter.MetricFilter;
import dev.cwfilter.MetricFilterMatchRecord;
import dev.cwfilter.ParsedPattern;
import dev.cwfilter.ast.Lexical;
import dev.cwfilter.io.JsonString;
import dev.cwfilter.propcheck.Gen;
import dev.cwfilter.propcheck.PropCheck;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The rules observed on real AWS (SEMANTICS.md "Observed on real AWS (2026-12 revision)", O1 to O7), each stated as a
 * law over generated values rather than on examples: the examples are in {@code TermRules}, {@code JsonRules},
 * {@code DelimitedRules}, {@code ParseErrorTest} and {@code DuplicateKeyExamplesTest}. Every match is asked of both
 * entry points, the {@code String} one and the UTF-8 one.
 */
class ObservedRulesProperties {

    // ---- O1: a quoted term is a substring, " " and "" included ----------------------------------------------------

    /** Messages and terms over a small alphabet with blanks, so that terms often occur and often do not. */
    private static final Gen<String> TEXT = Gen.strings("ab \t\n\"\\", 0, 8);

    /** O1: for every text t and message m, the quoted term "t" matches m exactly when m contains t; -"t" the opposite. */
    @Test
    void aQuotedTermMatchesExactlyTheMessagesThatContainIt() {
        PropCheck.forAll(TEXT, TEXT.filter(m -> !m.isEmpty()), (t, m) -> {
            String term = Lexical.quote(t);
            assertMatch(term, m, m.contains(t));
            assertMatch("-" + term, m, !m.contains(t));
            assertMatch("?" + term + " ?zzz", m, m.contains(t));
        });
    }

    // ---- O2: a JSON string is never compared as a number ---------------------------------------------------------

    /** Number literals as a pattern writes them, many spellings of few values. */
    private static final Gen<String> PATTERN_NUMBERS = Gen.oneOf(
            Gen.elements("1", "1.0", "1e0", "1e+0", "+1", "01", "10", "-1", "0", "-0", "0.0", ".5", "5.", "200", "2e1"),
            Gen.strings("0123456789", 1, 3),
            Gen.zip(Gen.strings("0123456789", 1, 2), Gen.elements(".0", "e1", "E-1", ".25", ""), String::concat));

    /** JSON strings that look like numbers, nearly do, or do not. */
    private static final Gen<String> STRINGS_LIKE_NUMBERS = Gen.oneOf(PATTERN_NUMBERS,
            Gen.strings("0123456789.+-eE a", 0, 5),
            Gen.elements("", " 1", "1 ", "Alpha", "NaN", "Infinity", "0x10", "1,0"));

    private static final List<String> OPERATORS = List.of("=", "!=", "<", "<=", ">", ">=");

    /**
     * O2: for every JSON string s and number n as written, {@code = n} on s is text equality with n as written,
     * {@code != n} its negation, and no ordering holds.
     */
    @Test
    void aNumberComparisonOnAJsonStringIsTextEqualityWithTheNumberAsWritten() {
        PropCheck.forAll(STRINGS_LIKE_NUMBERS, PATTERN_NUMBERS, Gen.elements(OPERATORS), (s, n, op) -> {
            boolean expected = switch (op) {
                case "=" -> s.equals(n);
                case "!=" -> !s.equals(n);
                default -> false;
            };
            assertMatch("{ $.v " + op + " " + n + " }", "{\"v\":" + json(s) + "}", expected);
        });
    }

    /** O2, the other side: the same literal as a JSON number compares by value (here, both as exact decimals). */
    @Test
    void aNumberComparisonOnAJsonNumberComparesValues() {
        Gen<String> jsonNumbers = Gen.elements("1", "1.0", "1e0", "10", "-1", "0", "-0", "0.5", "200", "20", "2e1", "5");
        PropCheck.forAll(jsonNumbers, PATTERN_NUMBERS, Gen.elements(OPERATORS), (m, n, op) -> {
            int cmp = new java.math.BigDecimal(m).compareTo(new java.math.BigDecimal(n.startsWith("+")
                    ? n.substring(1) : n.endsWith(".") ? n + "0" : n));
            boolean expected = switch (op) {
                case "=" -> cmp == 0;
                case "!=" -> cmp != 0;
                case "<" -> cmp < 0;
                case "<=" -> cmp <= 0;
                case ">" -> cmp > 0;
                default -> cmp >= 0;
            };
            assertMatch("{ $.v " + op + " " + n + " }", "{\"v\":" + m + "}", expected);
        });
    }

    // ---- O3: a repeated key's last value is the value ------------------------------------------------------------

    /** A JSON value as generated: an object keeps its members in order, repeated keys included. */
    private sealed interface Json permits JObject, JArray, JScalar {
    }

    private record JObject(List<Map.Entry<String, Json>> members) implements Json {
    }

    private record JArray(List<Json> elements) implements Json {
    }

    /** A scalar, as JSON text. */
    private record JScalar(String text) implements Json {
    }

    private static final List<String> KEYS = List.of("a", "b", "c");

    private static final Gen<Json> SCALARS = Gen.elements("1", "2", "1.0", "\"1\"", "\"x\"", "\"y\"", "\"\"", "true",
            "false", "null").map(JScalar::new);

    private static Gen<Json> values(int depth) {
        if (depth == 0) {
            return SCALARS;
        }
        return Gen.frequency(Gen.weighted(5, SCALARS), Gen.weighted(3, objects(depth - 1).map(o -> (Json) o)),
                Gen.weighted(2, Gen.listOf(Gen.lazy(() -> values(depth - 1)), 0, 3).map(JArray::new)));
    }

    /** Objects of up to six members named from three keys: most repeat a key, at one level or another. */
    private static Gen<JObject> objects(int depth) {
        Gen<Map.Entry<String, Json>> member = Gen.zip(Gen.elements(KEYS), Gen.lazy(() -> values(depth)), Map::entry);
        return Gen.listOf(member, 0, 6).map(JObject::new);
    }

    /** The same value read into maps: each repeated key keeps only its last value, at every level. */
    private static Json lastWins(Json value) {
        if (value instanceof JObject o) {
            Map<String, Json> kept = new LinkedHashMap<>();
            for (Map.Entry<String, Json> m : o.members()) {
                kept.remove(m.getKey());
                kept.put(m.getKey(), lastWins(m.getValue()));
            }
            return new JObject(kept.entrySet().stream().map(e -> Map.entry(e.getKey(), e.getValue())).toList());
        }
        if (value instanceof JArray a) {
            return new JArray(a.elements().stream().map(ObservedRulesProperties::lastWins).toList());
        }
        return value;
    }

    private static String text(Json value) {
        if (value instanceof JObject o) {
            return o.members().stream().map(m -> json(m.getKey()) + ":" + text(m.getValue()))
                    .collect(Collectors.joining(",", "{", "}"));
        }
        if (value instanceof JArray a) {
            return a.elements().stream().map(ObservedRulesProperties::text).collect(Collectors.joining(",", "[", "]"));
        }
        return ((JScalar) value).text();
    }

    private static boolean repeatsAKey(Json value) {
        if (value instanceof JObject o) {
            return o.members().stream().map(Map.Entry::getKey).distinct().count() < o.members().size()
                    || o.members().stream().anyMatch(m -> repeatsAKey(m.getValue()));
        }
        return value instanceof JArray a && a.elements().stream().anyMatch(ObservedRulesProperties::repeatsAKey);
    }

    /** Selectors over the keys, one wildcard at most. */
    private static final Gen<String> SELECTORS = Gen.listOf(Gen.frequency(
                    Gen.weighted(6, Gen.elements(KEYS).map(k -> "." + k)),
                    Gen.weighted(2, Gen.elements("[0]", "[1]")),
                    Gen.weighted(1, Gen.elements(".*", "[*]"))), 1, 3)
            .filter(steps -> steps.stream().filter(s -> s.contains("*")).count() <= 1
                    && !steps.get(0).startsWith("["))
            .map(steps -> "$" + String.join("", steps));

    private static final Gen<String> CONDITIONS = Gen.oneOf(
            Gen.zip(Gen.elements(OPERATORS), Gen.elements("1", "2", "0"), (op, v) -> op + " " + v),
            Gen.zip(Gen.elements("=", "!="), Gen.elements("\"x\"", "\"1\"", "*", "x*", "true", "%y%"),
                    (op, v) -> op + " " + v),
            Gen.elements("IS NULL", "IS TRUE", "IS FALSE", "NOT EXISTS"));

    private static final Gen<String> CLAUSES = Gen.zip(SELECTORS, CONDITIONS, (s, c) -> s + " " + c);

    /**
     * JSON patterns of one to three clauses joined by {@code &&} and {@code ||}; within CloudWatch's limits, since
     * three clauses hold at most three wildcard selectors, and at most two regular expressions are kept.
     */
    private static final Gen<String> JSON_PATTERNS = Gen.zip(Gen.listOf(CLAUSES, 1, 3),
                    Gen.listOf(Gen.elements(" && ", " || "), 2, 2), (clauses, joins) -> {
                StringBuilder p = new StringBuilder("{ ").append(clauses.get(0));
                for (int i = 1; i < clauses.size(); i++) {
                    p.append(joins.get(i - 1)).append(clauses.get(i));
                }
                return p.append(" }").toString();
            })
            .filter(p -> p.split("%y%", -1).length <= 3);

    /**
     * O3: for every object with a repeated key, at any level, every pattern answers on it what it answers on the same
     * object with only each key's last occurrence kept.
     */
    @Test
    void anObjectWithRepeatedKeysAnswersAsItsLastOccurrencesAlone() {
        PropCheck.forAll(objects(3).filter(ObservedRulesProperties::repeatsAKey), JSON_PATTERNS, (object, pattern) -> {
            String repeated = text(object);
            String lastOnly = text(lastWins(object));
            FilterPattern compiled = FilterPattern.compile(pattern);
            boolean expected = compiled.matches(lastOnly);
            assertThat(compiled.matches(repeated)).as("%s on %s (last occurrences: %s)", pattern, repeated, lastOnly)
                    .isEqualTo(expected);
            assertThat(matchesUtf8(compiled, repeated)).as("bytes: %s on %s", pattern, repeated).isEqualTo(expected);
            assertThat(compiled.explain(repeated).matched()).as("explain: %s on %s", pattern, repeated)
                    .isEqualTo(expected);
        });
    }

    /** O3 for metric values: a repeated key's last value is the value a metric filter publishes. */
    @Test
    void aMetricValueIsTheLastOccurrencesValue() {
        PropCheck.forAll(objects(2), Gen.elements("$.a", "$.a.b", "$.b.c", "$.a[0]", "$.c[1].a"), (object, field) -> {
            MetricFilter filter = MetricFilter.builder().filterPattern("{ $.zz NOT EXISTS }").metricValue(field)
                    .build();
            var fromRepeated = filter.datapointFor(new dev.cwfilter.LogEvent(0, text(object)));
            var fromLastOnly = filter.datapointFor(new dev.cwfilter.LogEvent(0, text(lastWins(object))));
            assertThat(fromRepeated).as("%s of %s", field, text(object)).isEqualTo(fromLastOnly);
        });
    }

    /**
     * An event whose metric value is reached by {@code path} and whose key {@code path[level]} is written twice: first
     * leading to {@code first}, then, after noise members, to {@code last} (or, {@code cut}, holding {@code last}
     * itself, so that the rest of the path is not there), each value written as JSON text.
     */
    private record RepeatedValue(List<String> path, int level, String first, String last, boolean cut, Json noise) {

        String field() {
            return "$." + String.join(".", path);
        }

        String event() {
            return object(0);
        }

        private String object(int depth) {
            String key = JsonString.quote(path.get(depth));
            String noiseMembers = ((JObject) noise).members().stream()
                    .map(m -> json(m.getKey()) + ":" + text(m.getValue())).collect(Collectors.joining(","));
            String sep = noiseMembers.isEmpty() ? "" : ",";
            if (depth == level) {
                return "{" + key + ":" + below(depth + 1, first) + sep + noiseMembers + "," + key + ":"
                        + (cut ? last : below(depth + 1, last)) + "}";
            }
            return "{" + noiseMembers + sep + key + ":" + object(depth + 1) + "}";
        }

        /** The part of the path below {@code depth}, ending in {@code value}. */
        private String below(int depth, String value) {
            String v = value;
            for (int d = path.size() - 1; d >= depth; d--) {
                v = "{" + JsonString.quote(path.get(d)) + ":" + v + "}";
            }
            return v;
        }
    }

    /** Numbers as JSON numbers and as JSON strings (a metric value's numeric string is a number, U12). */
    private static final Gen<String> METRIC_VALUES = Gen.zip(Gen.elements("1", "2", "5", "-3", "7.5", "1e2", "0", "42"),
            Gen.booleans(), (n, quoted) -> quoted ? "\"" + n + "\"" : n);

    /** What a last occurrence may hold instead of a number: nothing is published then. */
    private static final Gen<String> NOT_NUMBERS = Gen.elements("null", "true", "\"fast\"", "\"\"", "{}", "[1]");

    private static Gen<RepeatedValue> repeatedValues(Gen<String> lastValues, Gen<Boolean> cut) {
        Gen<List<String>> paths = Gen.listOf(Gen.elements("a", "b", "c"), 1, 3);
        Gen<JObject> noise = Gen.listOf(Gen.zip(Gen.elements("x", "y"), values(1), Map::entry), 0, 2)
                .map(JObject::new);
        return Gen.zip(Gen.zip(paths, Gen.integers(0, 2), (p, l) -> Map.entry(p, Math.min(l, p.size() - 1))),
                Gen.zip(Gen.zip(METRIC_VALUES, lastValues, Map::entry), Gen.zip(cut, noise, Map::entry), Map::entry),
                (pl, vn) -> new RepeatedValue(pl.getKey(), pl.getValue(), vn.getKey().getKey(), vn.getKey().getValue(),
                        vn.getValue().getKey(), vn.getValue().getValue()));
    }

    private static double number(String jsonValue) {
        return Double.parseDouble(jsonValue.replace("\"", ""));
    }

    /** The value {@code filter} publishes for {@code event}, alone and as the only filter of a log group. */
    private static List<java.util.Optional<Double>> published(MetricFilter filter, String event) {
        dev.cwfilter.LogEvent e = new dev.cwfilter.LogEvent(0, event);
        List<Double> inGroup = new ArrayList<>();
        dev.cwfilter.LogGroup.Emitter emitter = dev.cwfilter.LogGroup.builder().metricFilter(filter).build()
                .emitter((i, d) -> inGroup.add(d.value()));
        emitter.accept(e);
        emitter.flush();
        return List.of(filter.datapointFor(e).map(dev.cwfilter.Datapoint::value),
                inGroup.stream().findFirst());
    }

    /**
     * O3 for metric values, at every level of the field's path: when a key on the path is repeated, the value under
     * its last occurrence is the metric value (a JSON number or a numeric JSON string alike), whatever the first
     * occurrence held; when the last occurrence holds no number, or the rest of the path is not under it, nothing is
     * published, though the first held a number.
     */
    @Test
    void aRepeatedKeysLastOccurrenceGivesTheMetricValueAtEveryLevel() {
        PropCheck.forAll(repeatedValues(METRIC_VALUES, Gen.constant(false)).filter(r -> number(r.first()) != number(r.last())), r -> {
            MetricFilter filter = MetricFilter.builder().filterPattern("{ $.zz NOT EXISTS }").metricNamespace("O3")
                    .metricName("v").metricValue(r.field()).build();
            assertThat(published(filter, r.event())).as("%s of %s", r.field(), r.event())
                    .containsOnly(java.util.Optional.of(number(r.last())));
        });
        PropCheck.forAll(repeatedValues(NOT_NUMBERS, Gen.booleans()), r -> {
            MetricFilter filter = MetricFilter.builder().filterPattern("{ $.zz NOT EXISTS }").metricNamespace("O3")
                    .metricName("v").metricValue(r.field()).defaultValue(0).build();
            assertThat(published(filter, r.event())).as("%s of %s", r.field(), r.event())
                    .containsOnly(java.util.Optional.empty());
        });
    }

    // ---- O4: null and booleans satisfy no comparison ---------------------------------------------------------------

    private static final Gen<String> COMPARISONS = Gen.oneOf(
            Gen.zip(Gen.elements(OPERATORS), PATTERN_NUMBERS, (op, n) -> op + " " + n),
            Gen.zip(Gen.elements("=", "!="), Gen.elements("true", "false", "\"true\"", "\"null\"", "*", "\"*\"", "t*",
                    "*e", "\"\"", "%.%", "%^t%", "NULL", "x"), (op, v) -> op + " " + v));

    /**
     * O4: for every comparison (every operator, every kind of value) and every selector reaching a null, true or
     * false, plainly or through a wildcard, nothing matches; only IS NULL, IS TRUE and IS FALSE test those values.
     */
    @Test
    void nullAndBooleansSatisfyNoComparisonOnlyTheirIsTest() {
        PropCheck.forAll(Gen.elements("null", "true", "false"), COMPARISONS, Gen.elements("$.v", "$.*", "$.w[*]"),
                (value, comparison, selector) -> {
                    String event = "{\"v\":" + value + ",\"w\":[" + value + "]}";
                    assertMatch("{ " + selector + " " + comparison + " }", event, false);
                    assertMatch("{ " + selector + " IS NULL }", event, value.equals("null"));
                    assertMatch("{ " + selector + " IS TRUE }", event, value.equals("true"));
                    assertMatch("{ " + selector + " IS FALSE }", event, value.equals("false"));
                });
    }

    /** O4: the bare words true and false in a pattern are text: they match exactly the strings "true" and "false". */
    @Test
    void bareTrueAndFalseAreTextEqualToTheStrings() {
        PropCheck.forAll(Gen.elements("true", "false"), Gen.oneOf(TEXT, Gen.elements("true", "false", "True")),
                (word, s) -> assertMatch("{ $.v = " + word + " }", "{\"v\":" + json(s) + "}", s.equals(word)));
    }

    // ---- O5: IS NULL on an array directly holding a null -----------------------------------------------------------

    /** O5: for every array, IS NULL holds exactly when a null is one of its elements (not deeper, not in an object). */
    @Test
    void isNullHoldsForAnArrayExactlyWhenANullIsOneOfItsElements() {
        PropCheck.forAll(Gen.listOf(values(2), 0, 5).map(JArray::new), array -> {
            boolean direct = array.elements().stream().anyMatch(e -> e instanceof JScalar s && s.text().equals("null"));
            String event = "{\"v\":" + text(array) + "}";
            assertMatch("{ $.v IS NULL }", event, direct);
            assertMatch("{ $.v IS NULL || $.v[0] = \"no such value\" }", event, direct);
            assertMatch("{ $.v NOT EXISTS }", event, false);
            assertMatch("{ $.v = * }", event, false);
        });
    }

    // ---- O6: an unclosed quote in a space-delimited event is an ordinary character ---------------------------------

    /** Words without quotes or brackets, and the blanks between them. */
    private static final Gen<String> WORDS = Gen.strings("abc12-", 1, 4);

    /**
     * O6: for every line of words where one word starts with a {@code "} that nothing closes, the fields are the words
     * as they are, the quote kept; and a last pattern field that absorbs the rest keeps it raw.
     */
    @Test
    void anUnclosedQuoteIsAnOrdinaryCharacter() {
        PropCheck.forAll(Gen.listOf(WORDS, 1, 5), Gen.integers(0, 4), Gen.elements(" ", "  ", "\t"),
                (words, at, blank) -> {
                    List<String> fields = new ArrayList<>(words);
                    int quoted = Math.min(at, fields.size() - 1);
                    fields.set(quoted, "\"" + fields.get(quoted));
                    String line = String.join(blank, fields);
                    Map<String, String> all = new LinkedHashMap<>();
                    for (int i = 0; i < fields.size(); i++) {
                        all.put("$" + (i + 1), fields.get(i));
                    }
                    assertThat(extracted("[]", line)).as("[] on %s", line).isEqualTo(all);
                    if (fields.size() >= 2) {
                        String rest = line.substring(fields.get(0).length() + blank.length());
                        assertThat(extracted("[first, rest]", line)).as("[first, rest] on %s", line)
                                .isEqualTo(Map.of("$first", fields.get(0), "$rest", rest));
                    }
                });
    }

    // ---- O7: a bare null is not a value --------------------------------------------------------------------------

    /** O7: for every selector, {@code = null} and {@code != null} are invalid and say to write IS NULL; "null" is text. */
    @Test
    void aBareNullIsAnInvalidValueWhoseMessageSaysIsNull() {
        PropCheck.forAll(SELECTORS, Gen.elements("=", "!="), (selector, op) -> {
            ParsedPattern parsed = FilterPattern.parse("{ " + selector + " " + op + " null }");
            assertThat(parsed.isValid()).as("%s %s null", selector, op).isFalse();
            assertThat(parsed.issues()).singleElement()
                    .satisfies(i -> assertThat(i.message()).contains(selector + " IS NULL"));
            assertThat(FilterPattern.parse("{ " + selector + " " + op + " \"null\" }").isValid()).isTrue();
        });
    }

    // ---- helpers --------------------------------------------------------------------------------------------------

    private static void assertMatch(String pattern, String event, boolean expected) {
        FilterPattern compiled;
        try {
            compiled = FilterPattern.compile(pattern);
        } catch (FilterPatternException e) {
            throw new AssertionError("generated an invalid pattern: " + pattern, e);
        }
        assertThat(compiled.matches(event)).as("%s on %s", pattern, event).isEqualTo(expected);
        assertThat(matchesUtf8(compiled, event)).as("bytes: %s on %s", pattern, event).isEqualTo(expected);
    }

    private static Map<String, String> extracted(String pattern, String event) {
        List<MetricFilterMatchRecord> matches = MetricFilter.builder().filterPattern(pattern).build()
                .test(List.of(event)).matches();
        return matches.isEmpty() ? null : matches.get(0).extractedValues();
    }

    private static String json(String s) {
        return JsonString.quote(s);
    }
}
