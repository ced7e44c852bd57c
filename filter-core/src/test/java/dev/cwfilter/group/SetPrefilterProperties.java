package dev.cwfilter.group;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cwfilter.FilterOptions;
import dev.cwfilter.FilterPattern;
import dev.cwfilter.FilterPatternException;
import dev.cwfilter.PatternSet;
import dev.cwfilter.propcheck.Gen;
import dev.cwfilter.propcheck.PropCheck;
import java.nio.charset.StandardCharsets;
import java.util.BitSet;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * The set's literal prefilter never drops a pattern that matches: sets of patterns whose literals the prefilter uses
 * (quoted JSON values, prefixes, suffixes, regular expressions with small classes, terms, space-delimited fields) over
 * events that hold those literals raw, spelled with JSON escapes, as numbers, as keys, under repeated keys, after a
 * lenient prefix, or not at all. A fresh set's first events always consult the prefilter.
 */
class SetPrefilterProperties {

    static final List<String> VALUES = List.of("\"Root\"", "\"Acc*\"", "\"*Op\"", "\"*ied Op*\"", "\"400\"", "\"4*\"",
            "%[Kk]ali|[Pp]ar+ot%", "%R[o0]ot%", "\"a/b\"", "\"true\"", "\"\u00e9t\u00e9\"", "Root", "\"\"", "\"*\"");
    static final List<String> SELECTORS = List.of("$.a", "$.b", "$.o.a", "$.arr[*]", "$.*.a", "$.o.*", "$.arr[0]");

    static final Gen<String> LEAVES = Gen.frequency(
            Gen.weighted(6, Gen.zip(Gen.elements(SELECTORS), Gen.elements(VALUES), (s, v) -> s + " = " + v)),
            Gen.weighted(1, Gen.zip(Gen.elements(SELECTORS), Gen.elements("!= \"Root\"", "> 3", "IS NULL",
                    "NOT EXISTS", "IS TRUE"), (s, t) -> s + " " + t)));

    static final Gen<String> JSON_PATTERNS = Gen.zip(Gen.listOf(LEAVES, 1, 4), Gen.elements(" && ", " || "),
            (ls, op) -> "{ " + String.join(op, ls) + " }");

    static final Gen<String> OTHER_PATTERNS = Gen.elements("Root", "\"ied Op\"", "?Root ?kali", "Root -Acc",
            "%[Kk]ali|parrot%", "%Ro+t%", "[a, b = \"*Root*\", ...]", "[w = Acc*, ...]", "-Root", "\"\"");

    static final Gen<FilterPattern> PATTERNS = Gen.zip(Gen.frequency(Gen.weighted(4, JSON_PATTERNS),
            Gen.weighted(2, OTHER_PATTERNS)), Gen.frequency(Gen.weighted(5, Gen.constant(FilterOptions.defaults())),
            Gen.weighted(1, Gen.constant(FilterOptions.builder().lenientJsonPrefix(true).build()))),
            (text, options) -> {
                try {
                    return FilterPattern.compile(text, options);
                } catch (FilterPatternException e) {
                    return null;
                }
            }).filter(Objects::nonNull);

    /** Values spelling the patterns' literals raw, escaped, as numbers or not at all. */
    static final List<String> EVENT_VALUES = List.of("\"Root\"", "\"R\\u006f\\u006ft\"", "\"\\u0052oot\"",
            "\"Access\"", "\"Acc\\u0065ss\"", "\"AccessDenied Op\"", "\"Denied Op\"", "\"Den\\u0069ed Op\"", "400",
            "4e2", "\"400\"", "\"Kali\"", "\"kali linux\"", "\"parrrot\"", "\"R0ot\"", "\"a/b\"", "\"a\\/b\"", "true",
            "\"true\"", "\"\u00e9t\u00e9\"", "\"\\u00e9t\\u00e9\"", "\"x\"", "null", "\"\"", "[\"Root\",1]",
            "{\"a\":\"Root\"}", "{\"a\":\"R\\u006fot\"}");
    static final Gen<String> KEYS = Gen.elements("a", "b", "o", "arr", "\\u0061", "Root", "c");

    static final Gen<String> EVENTS = Gen.zip(Gen.listOf(Gen.zip(KEYS, Gen.elements(EVENT_VALUES),
            (k, v) -> "\"" + k + "\":" + v), 0, 6), Gen.elements("", "Root ", "x ", "Acc {"),
            (members, prefix) -> prefix + "{" + String.join(",", members) + "}");

    /** Space-delimited lines holding the literals, or not. */
    static final Gen<String> LINES = Gen.listOf(Gen.elements("Root", "xRootx", "Access", "ied Op", "kali", "Kali",
            "parrot", "\"a b\"", "Rooot", "-", "\\u0052oot"), 0, 5).map(ws -> String.join(" ", ws));

    @Test
    void noPatternThatMatchesIsLeftOut() {
        PropCheck.tries(2000).forAll(Gen.listOf(PATTERNS, 2, 16), Gen.listOf(Gen.frequency(Gen.weighted(3, EVENTS),
                Gen.weighted(1, LINES)), 1, 8), (patterns, events) -> {
                    PatternSet set = PatternSet.of(patterns);
                    BitSet text = new BitSet();
                    BitSet bytes = new BitSet();
                    for (String event : events) {
                        BitSet expected = new BitSet();
                        for (int i = 0; i < patterns.size(); i++) {
                            if (patterns.get(i).matches(event)) {
                                expected.set(i);
                            }
                        }
                        set.matches(event, text);
                        assertThat(text).as("text %s in %s", event, patterns).isEqualTo(expected);
                        byte[] utf8 = ("\"" + event + "R").getBytes(StandardCharsets.UTF_8);
                        set.matches(utf8, 1, utf8.length - 2, bytes);
                        assertThat(bytes).as("bytes %s in %s", event, patterns).isEqualTo(expected);
                    }
                });
    }
}
