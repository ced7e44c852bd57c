package dev.cwfilter.dos;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cwfilter.FilterOptions;
import dev.cwfilter.FilterPattern;
import dev.cwfilter.MetricFilter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Events written to be hard to read, each with the answer the library defines for it, reached fast and with flat
 * memory: the largest event CloudWatch stores and one byte more, JSON nested 100,000 deep, numbers of 10,000 digits
 * and more, invalid UTF-8, NUL bytes, and a 10 MB single-line event. "Fast" and "flat" are bounds on the CPU time and
 * the bytes allocated by the evaluating thread ({@link Cost}), generous for the code and far below what reading such
 * an event in quadratic time or copying it many times would cost.
 */
class EventLimitsTest {

    private static final int MIB = 1024 * 1024;
    /** CPU time allowed to evaluate one event of up to a few MiB: ample for linear work, even on a loaded machine. */
    private static final long CPU_MILLIS = 2_000;

    /** One pattern of each syntax, each matching the events {@link #eventOf} builds. */
    private static final List<String> PATTERNS = List.of(
            "needle",
            "%needle$%",
            "{ $.msg = \"*needle\" }",
            "[first, ..., last = needle]");

    /** An event of exactly {@code bytes} bytes of UTF-8 that every pattern of {@link #PATTERNS} matches. */
    private static String eventOf(String pattern, int bytes) {
        if (pattern.startsWith("{")) {
            return "{\"msg\":\"" + "x".repeat(bytes - 16) + "needle\"}";
        }
        return "first " + "x".repeat(bytes - 13) + " needle";
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static boolean both(FilterPattern pattern, String event) {
        byte[] bytes = utf8(event);
        boolean text = pattern.matches(event);
        assertThat(pattern.matches(bytes, 0, bytes.length)).as("bytes and text of %s", pattern).isEqualTo(text);
        return text;
    }

    // FilterOptions.maxEventBytes: "The largest event evaluated ... Default 1 MiB, CloudWatch's largest log event";
    // a larger event matches nothing.
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"needle", "%needle$%", "{ $.msg = \"*needle\" }", "[first, ..., last = needle]"})
    void anEventOfCloudWatchsMaximumSizeIsEvaluatedAndOneByteMoreMatchesNothing(String text) {
        FilterPattern pattern = FilterPattern.compile(text);
        String largest = eventOf(text, FilterOptions.CLOUDWATCH_MAX_EVENT_BYTES);
        assertThat(utf8(largest)).hasSize(MIB);
        Cost<Boolean> evaluated = Cost.warm(() -> both(pattern, largest));
        assertThat(evaluated.result()).as("%s on an event of exactly 1 MiB", text).isTrue();
        assertThat(evaluated.cpuMillis()).as("%s on 1 MiB: %s", text, evaluated).isLessThan(CPU_MILLIS);

        String tooLarge = eventOf(text, MIB + 1);
        Cost<Boolean> refused = Cost.warm(() -> both(pattern, tooLarge));
        assertThat(refused.result()).as("%s on an event of 1 MiB + 1 byte", text).isFalse();
        assertThat(pattern.explain(tooLarge).reason()).contains("larger than maxEventBytes");
    }

    // FilterOptions.maxEventBytes counts bytes of UTF-8, not characters: 349,523 three-byte characters and seven
    // ASCII ones are exactly 1 MiB (349,530 characters); one more three-byte character is over.
    @Test
    void theSizeLimitCountsBytesOfUtf8() {
        FilterPattern pattern = FilterPattern.compile("needle");
        String exact = "\u20ac".repeat((MIB - 6) / 3) + "x".repeat((MIB - 6) % 3) + "needle";
        assertThat(utf8(exact)).hasSize(MIB);
        assertThat(both(pattern, exact)).isTrue();
        assertThat(both(pattern, "\u20ac" + exact)).isFalse();
    }

    // FilterPattern: "Matching never throws ... one that is ... nested too deeply ... simply does not match";
    // FilterOptions.maxEventNestingDepth defaults to 1,000. An event nested 100,000 deep is read without recursion.
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"[", "{\"k\":"})
    void jsonNested100000DeepMatchesNothingQuicklyAndWithFlatMemory(String opener) {
        String closer = opener.equals("[") ? "]" : "}";
        String deep = "{\"a\":1,\"d\":" + opener.repeat(100_000) + "1" + closer.repeat(100_000) + "}";
        for (String text : List.of("{ $.a = 1 }", "{ $.d NOT EXISTS }", "{ $.a = 1 || $.b = 2 }", "{ $.d[0] = 1 }",
                "{ $.d.k.k = 1 }", "{ $.*.k = 1 }")) {
            for (FilterOptions options : List.of(FilterOptions.defaults(),
                    FilterOptions.builder().lenientJsonPrefix(true).build())) {
                FilterPattern pattern = FilterPattern.compile(text, options);
                Cost<Boolean> cost = Cost.warm(() -> both(pattern, deep));
                assertThat(cost.result()).as("%s on JSON nested 100,000 deep", text).isFalse();
                assertThat(cost.cpuMillis()).as("%s: %s", text, cost).isLessThan(CPU_MILLIS);
                assertThat(cost.allocatedBytes()).as("%s: %s", text, cost).isLessThan(4L * deep.length() + MIB);
                assertThat(pattern.explain(deep).matched()).isFalse();
            }
        }
        // The same shape within the nesting limit is read, and matches.
        String shallow = "{\"a\":1,\"d\":" + opener.repeat(900) + "1" + closer.repeat(900) + "}";
        assertThat(both(FilterPattern.compile("{ $.a = 1 }"), shallow)).isTrue();
    }

    // The nesting limit is a limit on the event, not on the pattern: even a pattern that never looks inside "d" does
    // not match an event nested too deeply, whether the answer was known before reaching it or not.
    @Test
    void aTooDeepEventDoesNotMatchEvenWhenTheAnswerWasKnownBeforeTheDeepPart() {
        String deep = "{\"a\":1,\"d\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}";
        assertThat(both(FilterPattern.compile("{ $.a = 1 }"), deep)).isFalse();
        assertThat(both(FilterPattern.compile("[a]"), deep)).as("a delimited pattern reads it as text").isTrue();
        assertThat(both(FilterPattern.compile("\"[[[[\""), deep)).isTrue();
    }

    // docs/semantics-decisions.md, "Numbers": integers that fit a long compare exactly, anything else as IEEE 754
    // doubles; a long number within the size limit is read, not rejected. 1 followed by 10,000 zeros is a finite
    // decimal whose double is +Infinity; 10,000 digits after "0." round to 0.
    @Test
    void numbersOf10000DigitsCompareAsTheirDoubles() {
        String huge = "1" + "0".repeat(10_000);
        String tiny = "0." + "0".repeat(9_998) + "1";
        assertThat(both(FilterPattern.compile("{ $.n > 5 }"), "{\"n\":" + huge + "}")).isTrue();
        assertThat(both(FilterPattern.compile("{ $.n < 5 }"), "{\"n\":" + huge + "}")).isFalse();
        assertThat(both(FilterPattern.compile("{ $.n = 5 }"), "{\"n\":" + huge + "}")).isFalse();
        assertThat(both(FilterPattern.compile("{ $.n != 5 }"), "{\"n\":" + huge + "}")).isTrue();
        assertThat(both(FilterPattern.compile("{ $.n < -5 }"), "{\"n\":-" + huge + "}")).isTrue();
        assertThat(both(FilterPattern.compile("{ $.n = 0 }"), "{\"n\":" + tiny + "}")).isTrue();
        assertThat(both(FilterPattern.compile("{ $.n = *1 }"), "{\"n\":" + tiny + "}"))
                .as("a text comparison sees the literal as written").isTrue();
        assertThat(both(FilterPattern.compile("{ $.n = \"" + "9".repeat(900) + "*\" }"),
                "{\"n\":" + "9".repeat(10_000) + "}")).isTrue();
        assertThat(both(FilterPattern.compile("[a, n > 5]"), "x " + huge)).isTrue();
        assertThat(both(FilterPattern.compile("[a, n > 5]"), "x " + tiny)).isFalse();
        assertThat(both(FilterPattern.compile("{ $.n > 5 }"), "{\"n\":1" + "0".repeat(10_000) + "e-99999999999}"))
                .as("an exponent too large for an int").isFalse();
    }

    // The same, at the size limit: a number that fills the whole event is read in time linear in its length.
    @Test
    void aNumberThatFillsTheLargestEventIsReadInLinearTime() {
        String huge = "{\"n\":1" + "0".repeat(MIB - 7) + "}";
        assertThat(utf8(huge)).hasSize(MIB);
        for (String text : List.of("{ $.n > 5 }", "{ $.n = 5 }", "{ $.n = %^1%  }", "{ $.n = \"1*\" }")) {
            FilterPattern pattern = FilterPattern.compile(text);
            Cost<Boolean> cost = Cost.warm(() -> both(pattern, huge));
            assertThat(cost.result()).as(text).isEqualTo(!text.equals("{ $.n = 5 }"));
            assertThat(cost.cpuMillis()).as("%s: %s", text, cost).isLessThan(CPU_MILLIS);
        }
        String field = "x 1" + "0".repeat(MIB - 3);
        Cost<Boolean> delimited = Cost.warm(() -> both(FilterPattern.compile("[a, n > 5]"), field));
        assertThat(delimited.result()).isTrue();
        assertThat(delimited.cpuMillis()).as("%s", delimited).isLessThan(CPU_MILLIS);
    }

    // FilterPattern.matches(byte[], int, int): "the same answer as matches(String) for the decoded text", where
    // invalid UTF-8 decodes to U+FFFD.
    @Test
    void invalidUtf8ReadsAsReplacementCharacters() {
        byte[] lone = {'E', 'R', 'R', 'O', 'R', ' ', (byte) 0xC3, '(', ' ', (byte) 0xFF, (byte) 0xFE};
        byte[] json = {'{', '"', 'a', '"', ':', '"', 'x', '"', ',', '"', 'b', '"', ':', '"', (byte) 0xED, (byte) 0xA0,
            (byte) 0x80, (byte) 0xC0, (byte) 0xAF, '"', '}'};
        byte[] value = {'{', '"', 'a', '"', ':', '"', 'x', (byte) 0xFF, 'y', '"', '}'};
        byte[] truncated = {'a', ' ', 'b', ' ', (byte) 0xE2, (byte) 0x82};
        assertBytes("ERROR", lone, true);
        assertBytes("%^ERROR .\\x28 ..$%", lone, true);
        assertBytes("{ $.a = \"x\" }", json, true);
        assertBytes("{ $.a = \"x\uFFFDy\" }", value, true);
        assertBytes("{ $.a = %^x.y$% }", value, true);
        assertBytes("{ $.a = \"xy\" }", value, false);
        assertBytes("[a, b, c = \"\uFFFD\"]", truncated, true);
        assertBytes("[a, b, c]", truncated, true);
        assertBytes("\"\uFFFD\uFFFD\"", lone, true);
    }

    private static void assertBytes(String text, byte[] event, boolean expected) {
        FilterPattern pattern = FilterPattern.compile(text);
        String decoded = new String(event, StandardCharsets.UTF_8);
        assertThat(pattern.matches(event, 0, event.length)).as("%s on the bytes", text).isEqualTo(expected);
        assertThat(pattern.matches(decoded)).as("%s on the decoded text", text).isEqualTo(expected);
    }

    // A whole event of invalid bytes (1 MiB of 0xC3, a lead byte never followed by its continuation) is decoded
    // once: linear time, and memory proportional to one copy of the event.
    @Test
    void oneMebibyteOfInvalidUtf8IsReadInLinearTimeWithOneDecodedCopy() {
        byte[] bad = new byte[MIB / 3];
        Arrays.fill(bad, (byte) 0xC3);
        bad[0] = '{';
        for (String text : List.of("ERROR", "{ $.a = 1 }", "[a, ..., b]", "[a]", "%\\x28%", "\"\uFFFD\"")) {
            FilterPattern pattern = FilterPattern.compile(text);
            Cost<Boolean> cost = Cost.warm(() -> pattern.matches(bad, 0, bad.length));
            assertThat(cost.result()).as(text).isEqualTo(text.equals("[a]") || text.startsWith("\""));
            assertThat(cost.result()).isEqualTo(pattern.matches(new String(bad, StandardCharsets.UTF_8)));
            assertThat(cost.cpuMillis()).as("%s: %s", text, cost).isLessThan(CPU_MILLIS);
            assertThat(cost.allocatedBytes()).as("%s: %s", text, cost).isLessThan(8L * bad.length + MIB);
        }
    }

    // NUL is an ordinary character: a term or a field may hold it, it is no field separator, and a raw NUL inside a
    // JSON string is not valid JSON (control characters must be escaped there), while the escape \u0000 is.
    @Test
    void nulBytesAreOrdinaryCharacters() {
        assertThat(both(FilterPattern.compile("ERROR"), "ERROR\0\0\0")).isTrue();
        assertThat(both(FilterPattern.compile("\"a\0b\""), "xa\0by")).isTrue();
        assertThat(both(FilterPattern.compile("\"a\0b\""), "xa by")).isFalse();
        assertThat(both(FilterPattern.compile("[a = \"x\0y\", b]"), "x\0y z")).isTrue();
        assertThat(both(FilterPattern.compile("%^x\\x00y%"), "x\0y")).isTrue();
        assertThat(both(FilterPattern.compile("{ $.a = * }"), "{\"a\":\"x\0\"}")).isFalse();
        assertThat(both(FilterPattern.compile("{ $.a = * }"), "{\"a\":\"x\\u0000\"}")).isTrue();
        assertThat(both(FilterPattern.compile("{ $.a = * }"), "{\0\"a\":1}")).isFalse();
        assertThat(both(FilterPattern.compile("{ $.a = * }"), "\0{\"a\":1}")).isFalse();
        byte[] nuls = new byte[MIB];
        for (String text : List.of("ERROR", "{ $.a = 1 }", "[a, ..., b]", "[a]", "%\\x00$%", "%^.%")) {
            FilterPattern pattern = FilterPattern.compile(text);
            Cost<Boolean> cost = Cost.warm(() -> pattern.matches(nuls, 0, nuls.length));
            assertThat(cost.result()).as("%s on 1 MiB of NUL", text)
                    .isEqualTo(text.equals("[a]") || text.startsWith("%"));
            assertThat(cost.cpuMillis()).as("%s: %s", text, cost).isLessThan(CPU_MILLIS);
        }
    }

    // FilterOptions.maxEventBytes: a 10 MB single-line event is over CloudWatch's 1 MiB, so it matches nothing, and
    // finding that out reads none of it (strings of Latin-1 text are measured by length alone).
    @Test
    void aTenMegabyteEventMatchesNothingWithoutBeingRead() {
        String event = eventOf("needle", 10_000_000);
        byte[] bytes = utf8(event);
        for (String text : PATTERNS) {
            FilterPattern pattern = FilterPattern.compile(text);
            Cost<Boolean> cost = Cost.warm(() -> pattern.matches(event) || pattern.matches(bytes, 0, bytes.length));
            assertThat(cost.result()).as(text).isFalse();
            assertThat(cost.cpuMillis()).as("%s: %s", text, cost).isLessThan(100);
            assertThat(cost.allocatedBytes()).as("%s: %s", text, cost).isLessThan(64 * 1024);
        }
        MetricFilter filter = MetricFilter.builder().filterPattern("needle").build();
        assertThat(filter.test(List.of(event)).matches()).isEmpty();
    }

    // With the size limit raised to 16 MiB, the same 10 MB event is evaluated by every syntax in time linear in its
    // length, and the byte path of terms and JSON allocates nothing in proportion to it.
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"needle", "%needle$%", "{ $.msg = \"*needle\" }", "[first, ..., last = needle]"})
    void aTenMegabyteEventUnderARaisedLimitIsEvaluatedInLinearTime(String text) {
        FilterPattern pattern = FilterPattern.compile(text, FilterOptions.builder().maxEventBytes(16 * MIB).build());
        String event = eventOf(text, 10_000_000);
        byte[] bytes = utf8(event);
        Cost<Boolean> fromText = Cost.warm(() -> pattern.matches(event));
        Cost<Boolean> fromBytes = Cost.warm(() -> pattern.matches(bytes, 0, bytes.length));
        assertThat(fromText.result()).as(text).isTrue();
        assertThat(fromBytes.result()).as(text).isTrue();
        assertThat(fromText.cpuMillis()).as("%s: %s", text, fromText).isLessThan(5 * CPU_MILLIS);
        assertThat(fromBytes.cpuMillis()).as("%s: %s", text, fromBytes).isLessThan(5 * CPU_MILLIS);
        // At most a few copies of the event, never a structure per field or per character: a String's bytes, the
        // bytes' String, or (JSON) the characters of the one value a selector reaches, which Jackson decodes. Terms
        // and fields are searched in the bytes themselves.
        assertThat(fromText.allocatedBytes()).as("%s: %s", text, fromText).isLessThan(5L * bytes.length);
        assertThat(fromBytes.allocatedBytes()).as("%s: %s", text, fromBytes).isLessThan(5L * bytes.length);
        if (text.equals("needle") || text.startsWith("[")) {
            assertThat(fromBytes.allocatedBytes()).as("%s: %s", text, fromBytes).isLessThan(MIB);
        }
    }

    // SEMANTICS.md O3: a repeated key's last value counts, so an event that repeats a key a selector reaches is read
    // again by jackson-core into a tree of what the selectors reach, where each repeat replaces the value before it.
    // A MiB of repeats, of an object the selectors go into, costs time linear in it; the values it replaces are
    // garbage at once, so the bytes allocated, though several times the event's, are allocated in passing.
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"{ $.a.b[0] = 1 }", "{ $.a.c = 1 && $.a.b[*] = 0 }", "{ $.* = 1 }", "{ $.a.* = 1 }",
            "{ $.a IS NULL }"})
    void aMebibyteOfRepeatedKeysIsEvaluatedInLinearTime(String text) {
        FilterPattern pattern = FilterPattern.compile(text);
        String member = "\"a\":{\"b\":[0],\"c\":0},";
        String last = "\"a\":{\"b\":[1],\"c\":1}";
        String event = "{" + member.repeat((MIB - last.length() - 2) / member.length()) + last + "}";
        Cost<Boolean> cost = Cost.warm(() -> both(pattern, event));
        assertThat(cost.result()).as(text).isEqualTo(pattern.matches("{" + last + "}"));
        assertThat(cost.cpuMillis()).as("%s: %s", text, cost).isLessThan(CPU_MILLIS);
        assertThat(cost.allocatedBytes()).as("%s: %s", text, cost).isLessThan(64L * MIB);
    }

    // DelimitedMatcher keeps only the fields at either end of "...": an event of 5 million fields costs memory for
    // the pattern's fields, not for the event's.
    @Test
    void anEventOfMillionsOfFieldsHoldsMemoryForThePatternsFieldsOnly() {
        FilterPattern pattern = FilterPattern.compile("[first, ..., before, last = z]",
                FilterOptions.builder().maxEventBytes(16 * MIB).build());
        byte[] fields = utf8("a ".repeat(5_000_000) + "z");
        Cost<Boolean> cost = Cost.of(() -> pattern.matches(fields, 0, fields.length));
        assertThat(cost.result()).isTrue();
        assertThat(cost.allocatedBytes()).as("%s", cost).isLessThan(MIB);
        assertThat(cost.cpuMillis()).as("%s", cost).isLessThan(5 * CPU_MILLIS);
    }

    // "..." covers the fields between: the fields after it are the event's last ones, however many fields the event
    // has. The answer of matches (which keeps only the ends) equals TestMetricFilter's (which keeps every field).
    @Test
    void fieldsAfterTheEllipsisAreTheEventsLastOnesWhateverItsLength() {
        MetricFilter filter = MetricFilter.builder().filterPattern("[a = 0, ..., x = 7, y, z = 9]").build();
        FilterPattern pattern = filter.pattern();
        StringBuilder event = new StringBuilder("0");
        for (int n = 1; n < 200; n++) {
            String text = event + " 7 8 9";
            byte[] bytes = utf8(text);
            boolean expected = !filter.test(List.of(text)).matches().isEmpty();
            assertThat(expected).isTrue();
            assertThat(pattern.matches(bytes, 0, bytes.length)).as("%d fields", n + 3).isTrue();
            String wrong = event + " 7 8 8";
            byte[] wrongBytes = utf8(wrong);
            assertThat(pattern.matches(wrongBytes, 0, wrongBytes.length)).as("%d fields", n + 3).isFalse();
            assertThat(filter.test(List.of(wrong)).matches()).isEmpty();
            event.append(' ').append(n % 10);
        }
        assertThat(pattern.matches("0 9")).as("too few fields").isFalse();
        assertThat(pattern.matches("0 7 9")).as("too few fields").isFalse();
    }
}
