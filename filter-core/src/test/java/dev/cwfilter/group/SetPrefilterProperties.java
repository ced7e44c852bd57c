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

    /** Each pattern with a bystander, on events that hold its literal only in a form the prefilter must accept. */
    @Test
    void literalsInEveryFormTheEvaluatorAccepts() {
        String[][] cases = {
            {"{ $.a = \"400\" }", "{\"a\":400}"},                      // a number compared by its text
            {"{ $.a = \"4*\" }", "{\"a\":404}"},
            {"{ $.a = \"*00\" }", "{\"a\":500}"},
            {"{ $.a = \"Root\" }", "{\"a\":\"R\\u006fot\"}"},           // an escape spells the literal
            {"{ $.a = \"a/b\" }", "{\"a\":\"a\\/b\"}"},
            {"{ $.a = \"Acc*\" }", "{\"a\":\"Access\"}"},
            {"{ $.a = \"*Op\" }", "{\"a\":\"Denied Op\"}"},
            {"{ $.a = \"*ied O*\" }", "{\"a\":\"Denied Op\"}"},
            {"{ $.a = %[Kk]ali% }", "{\"a\":\"Kali\"}"},                // each spelling of a class
            {"{ $.a = %[Kk]ali% }", "{\"a\":\"kali\"}"},
            {"%[Pp]ar+ot%", "Parrrot"},
            {"{ $.a > 3 }", "{\"\\u0061\":4}"},                           // a key spelled with an escape
            {"{ $.a = \"Root\" }", "{\"a\":\"x\",\"a\":\"Root\"}"},   // the last of a repeated key
            {"{ $.a = \"Root\" }", "Root: {\"a\":\"Root\"}"},
            {"[a, b = \"*Root*\", ...]", "x \"aRootb\" c"},
            {"?Root ?kali", "a kali"},
        };
        for (String[] c : cases) {
            FilterOptions options = c[1].startsWith("Root:") ? FilterOptions.builder().lenientJsonPrefix(true).build()
                    : FilterOptions.defaults();
            FilterPattern pattern = FilterPattern.compile(c[0], options);
            assertThat(pattern.matches(c[1])).as("%s alone on %s", c[0], c[1]).isTrue();
            PatternSet set = PatternSet.of(List.of(FilterPattern.compile("{ $.zz = \"bystander\" }"), pattern));
            BitSet bits = new BitSet();
            set.matches(c[1], bits);
            assertThat(bits.stream().boxed().toList()).as("%s in a set on %s", c[0], c[1]).containsExactly(1);
            byte[] utf8 = c[1].getBytes(StandardCharsets.UTF_8);
            set.matches(utf8, 0, utf8.length, bits);
            assertThat(bits.stream().boxed().toList()).as("%s in a set on bytes %s", c[0], c[1]).containsExactly(1);
        }
    }

    /** Literals of one to three bytes of a small alphabet, so that they overlap and share their neighbouring bytes. */
    static final Gen<String> SHORT = Gen.strings("abc", 1, 3);

    static final Gen<FilterPattern> SHORT_PATTERNS = Gen.frequency(
            Gen.weighted(3, SHORT),                                                        // a term
            Gen.weighted(1, Gen.zip(SHORT, SHORT, (x, y) -> x + " " + y)),
            Gen.weighted(2, Gen.zip(Gen.elements("", "*"), Gen.zip(SHORT, Gen.elements("", "*"), (x, e) -> x + e),
                    (s, x) -> "{ $.a = \"" + s + x + "\" }")),                            // exact, prefix, suffix, inside
            Gen.weighted(1, SHORT.map(x -> "[w = \"*" + x + "*\", ...]")),
            Gen.weighted(1, Gen.elements("%a[bc]c%", "%[ab]ca%", "%cab|bca%")))
            .map(FilterPattern::compile);

    /** Events over the same alphabet (with the bytes of JSON), the literals at their very start and end or not. */
    static final Gen<String> SHORT_EVENTS = Gen.frequency(
            Gen.weighted(2, Gen.strings("abc \":{}", 0, 20)),
            Gen.weighted(1, Gen.strings("abc", 0, 4).map(v -> "{\"a\":\"" + v + "\"}")));

    /** An event, and the bytes around its range in the array it is read from. */
    record Placed(String event, String before, String after) {
    }

    static final Gen<Placed> PLACED = Gen.zip(SHORT_EVENTS, Gen.zip(Gen.strings("abc\"", 0, 3),
            Gen.strings("abc\"", 0, 3), (b, a) -> new String[] {b, a}), (e, ba) -> new Placed(e, ba[0], ba[1]));

    /**
     * Short literals (one byte among them) found wherever they are: at the first and last byte of the event, when the
     * event is the whole array and when bytes of the same alphabet lie on either side of its range.
     */
    @Test
    void shortLiteralsAreFoundAtEitherEndOfTheRange() {
        PropCheck.tries(2000).forAll(Gen.listOf(SHORT_PATTERNS, 2, 12), Gen.listOf(PLACED, 1, 8), (patterns, cases) -> {
            PatternSet set = PatternSet.of(patterns);
            BitSet whole = new BitSet();
            BitSet inside = new BitSet();
            for (Placed c : cases) {
                BitSet expected = PatternSetProperties.eachAlone(patterns, c.event());
                byte[] utf8 = c.event().getBytes(StandardCharsets.UTF_8);
                set.matches(utf8, 0, utf8.length, whole);
                assertThat(whole).as("bytes %s in %s", c.event(), patterns).isEqualTo(expected);
                byte[] padded = (c.before() + c.event() + c.after()).getBytes(StandardCharsets.UTF_8);
                set.matches(padded, c.before().length(), utf8.length, inside);
                assertThat(inside).as("bytes %s in %s", c, patterns).isEqualTo(expected);
            }
        });
    }

    @Test
    void noPatternThatMatchesIsLeftOut() {
        PropCheck.tries(2000).forAll(Gen.listOf(PATTERNS, 2, 16), Gen.listOf(Gen.frequency(Gen.weighted(3, EVENTS),
                Gen.weighted(1, LINES)), 1, 8), (patterns, events) -> {
                    PatternSet set = PatternSet.of(patterns);
                    BitSet text = new BitSet();
                    BitSet bytes = new BitSet();
                    for (String event : events) {
                        BitSet expected = PatternSetProperties.eachAlone(patterns, event);
                        set.matches(event, text);
                        assertThat(text).as("text %s in %s", event, patterns).isEqualTo(expected);
                        byte[] utf8 = ("\"" + event + "R").getBytes(StandardCharsets.UTF_8);
                        set.matches(utf8, 1, utf8.length - 2, bytes);
                        assertThat(bytes).as("bytes %s in %s", event, patterns).isEqualTo(expected);
                    }
                });
    }
}
