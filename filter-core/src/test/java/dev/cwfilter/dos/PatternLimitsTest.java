package dev.cwfilter.dos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cwfilter.FilterOptions;
import dev.cwfilter.FilterPattern;
import dev.cwfilter.FilterPatternException;
import dev.cwfilter.ParsedPattern;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Patterns written to be hard to compile: the limits CloudWatch enforces (1024 characters, two regular expressions
 * in a JSON or space-delimited pattern, one wildcard per selector and three selectors with one, repetition counts up
 * to 1000), ours where CloudWatch documents none (parentheses nested 512 deep, selectors of 512 steps), and patterns
 * of a megabyte and more under a raised {@code maxPatternLength}. Each compiles or is rejected with a
 * {@link FilterPatternException}, never another exception or error, in time and memory linear in its length.
 */
class PatternLimitsTest {

    private static final FilterOptions UNLIMITED_LENGTH = FilterOptions.builder().maxPatternLength(20_000_000).build();

    private static FilterPatternException rejected(String pattern, FilterOptions options) {
        try {
            FilterPattern.compile(pattern, options);
        } catch (FilterPatternException e) {
            return e;
        }
        throw new AssertionError("accepted: " + pattern.substring(0, Math.min(80, pattern.length())));
    }

    // SEMANTICS.md 4.1 "whole pattern <= 1024 chars [API]", counted in characters (code points) of every syntax.
    @Test
    void patternsOfExactly1024CharactersCompileAndOneMoreIsRejected() {
        List<String> atLimit = List.of(
                "x".repeat(1024),
                "\"" + "\uD83D\uDE00".repeat(1022) + "\"",
                "%" + "a".repeat(1022) + "%",
                "{ $.a = \"" + "v".repeat(1012) + "\" }",
                "[a = \"" + "v".repeat(1016) + "\"]");
        for (String pattern : atLimit) {
            assertThat(pattern.codePointCount(0, pattern.length())).isEqualTo(1024);
            assertThat(FilterPattern.parse(pattern).isValid()).as(pattern.substring(0, 12)).isTrue();
            String longer = pattern.substring(0, 1) + "v" + pattern.substring(1);
            FilterPatternException e = rejected(longer, FilterOptions.defaults());
            assertThat(e.reason()).isEqualTo("the pattern is 1025 characters long: the limit is 1024");
        }
    }

    // The length is checked first: a 10-million-character pattern is rejected after one count, without a copy.
    @Test
    void aPatternOfMillionsOfCharactersIsRejectedAfterOneCount() {
        for (String pattern : List.of("a".repeat(10_000_000), "\uD83D\uDE00".repeat(5_000_000))) {
            Cost<String> cost = Cost.warm(() -> rejected(pattern, FilterOptions.defaults()).reason());
            assertThat(cost.result()).endsWith("characters long: the limit is 1024");
            assertThat(cost.allocatedBytes()).as("%s", cost).isLessThan(64 * 1024);
            assertThat(cost.cpuMillis()).as("%s", cost).isLessThan(1_000);
        }
    }

    // SEMANTICS.md 3 "max 2 regex per filter pattern for delimited or JSON patterns"; a standalone pattern is one.
    // CloudWatch documents no limit on a regular expression's own length: only the pattern's 1024 characters bound it.
    @Test
    void twoRegularExpressionsAreAllowedAndTheirLengthIsBoundOnlyByThePatterns() {
        assertThat(FilterPattern.parse("{ $.a = %x% && $.b = %y% }").isValid()).isTrue();
        assertThat(rejected("{ $.a = %x% && $.b = %y% && $.c = %z% }", FilterOptions.defaults()).reason())
                .isEqualTo("too many regular expressions: CloudWatch allows 2 in a JSON pattern");
        assertThat(FilterPattern.parse("[a = %x%, b = %y%]").isValid()).isTrue();
        assertThat(rejected("[a = %x%, b = %y%, c = %z%]", FilterOptions.defaults()).reason())
                .isEqualTo("too many regular expressions: CloudWatch allows 2 in a space-delimited pattern");
        String longest = "%" + "[a-z]{1000}".repeat(92) + "b%";
        assertThat(longest).hasSizeLessThanOrEqualTo(1024);
        assertThat(FilterPattern.parse(longest).isValid()).isTrue();
        String twoLong = "{ $.a = %" + "\\d".repeat(250) + "% || $.b = %" + ".".repeat(490) + "% }";
        assertThat(twoLong).hasSizeLessThanOrEqualTo(1024);
        assertThat(FilterPattern.parse(twoLong).isValid()).isTrue();
    }

    // CloudWatchRegex.MAX_REPEAT: counts up to 1000 (RE2's limit), also when written with more digits.
    @Test
    void repetitionCountsAbove1000AreRejected() {
        assertThat(FilterPattern.parse("%a{1000}%").isValid()).isTrue();
        assertThat(FilterPattern.parse("%a{0,1000}%").isValid()).isTrue();
        for (String pattern : List.of("%a{1001}%", "%a{1,1001}%", "%a{99999999999999999999}%", "%a{1001,}%")) {
            assertThat(rejected(pattern, FilterOptions.defaults()).reason()).as(pattern)
                    .contains("repetition counts above 1000 are not supported");
        }
    }

    // SEMANTICS.md 4.1 "<= 1 wildcard per selector, <= 3 wildcard selectors per pattern".
    @Test
    void wildcardQuotasAreEnforced() {
        assertThat(FilterPattern.parse("{ $.a.* = 1 && $.b[*] = 1 && $.c.* = 1 }").isValid()).isTrue();
        assertThat(rejected("{ $.a.* = 1 && $.b[*] = 1 && $.c.* = 1 && $.d.* = 1 }", FilterOptions.defaults())
                .reason()).isEqualTo("too many selectors with wildcards: CloudWatch allows 3 per pattern");
        assertThat(rejected("{ $.a.*.* = 1 }", FilterOptions.defaults()).reason())
                .isEqualTo("selector '$.a.*.*' has 2 wildcards: CloudWatch allows 1 per selector");
    }

    // ParseLimits.MAX_SELECTOR_STEPS: CloudWatch documents no limit; within 1024 characters no selector has more
    // than 509 steps, so 512 rejects nothing CloudWatch accepts. Found by this test: under a raised pattern length a
    // selector of 3,000 steps threw StackOverflowError from compile (the selector trie was built recursively), and the
    // per-thread scratch space of a JSON pattern grew with the square of its selectors' depth.
    @Test
    void selectorsDeeperThan512StepsAreRejectedNotAStackOverflow() {
        assertThat(FilterPattern.parse("{$" + ".a".repeat(509) + "=1}").isValid()).isTrue();
        FilterPattern deepest = FilterPattern.compile("{ $" + ".a".repeat(511) + "[0] = 1 }", UNLIMITED_LENGTH);
        String event = "{\"a\":".repeat(511) + "[1]" + "}".repeat(511);
        assertThat(deepest.matches(event)).isTrue();
        assertThat(deepest.matches(event.replace("[1]", "[2]"))).isFalse();
        for (int steps : List.of(513, 3_000, 300_000)) {
            Cost<FilterPatternException> cost = Cost.of(
                    () -> rejected("{ $" + ".a".repeat(steps) + " = 1 }", UNLIMITED_LENGTH));
            assertThat(cost.result().reason()).isEqualTo("selector '$.a.a.a.a.a.a.a.a.a.a.a.a.a.a...' has " + steps
                    + " steps: the limit is 512");
        }
        assertThat(rejected("{ $.a" + "[0]".repeat(200_000) + " = 1 }", UNLIMITED_LENGTH).reason())
                .endsWith("has 200001 steps: the limit is 512");
    }

    // A JSON pattern's per-thread scratch space is as large as its selector trie. Found by this test: it held a frame
    // per depth as wide as the whole trie, so 256 selectors of 500 steps (under a raised pattern length) took 257 MB
    // per thread; a frame now holds the trie's width at its depth.
    @Test
    void aJsonPatternsScratchSpaceIsLinearInItsSelectors() {
        String text = IntStream.range(0, 256)
                .mapToObj(i -> "$.k" + i + ".a".repeat(499) + " = 1")
                .collect(Collectors.joining(" || ", "{ ", " }"));
        FilterPattern pattern = FilterPattern.compile(text, UNLIMITED_LENGTH);
        String event = "{\"k7\":" + "{\"a\":".repeat(499) + "1" + "}".repeat(500);
        // A first match on a new thread builds that thread's scratch space.
        Cost<Boolean> cost = Cost.of(() -> pattern.matches(event));
        assertThat(cost.result()).isTrue();
        assertThat(cost.allocatedBytes()).as("%s", cost).isLessThan(16L * 1024 * 1024);
    }

    // ParsedPattern: every issue, with its line and column. Found by this test: each issue's line and column were
    // counted from the start of the pattern, so 300,000 issues took 22 s; they are now counted in one pass.
    @Test
    void aPatternWithHundredsOfThousandsOfProblemsIsReportedInLinearTime() {
        String pattern = "a, ".repeat(150_000) + "\n" + "b, ".repeat(150_000);
        Cost<ParsedPattern> cost = Cost.of(() -> FilterPattern.parse(pattern, UNLIMITED_LENGTH));
        assertThat(cost.result().issues()).hasSize(300_000);
        assertThat(cost.result().issues().get(0).message()).startsWith("invalid character ',' in term 'a,'");
        // Each issue points at its invalid character, the comma.
        assertThat(cost.result().issues().get(0).column()).isEqualTo(2);
        assertThat(cost.result().issues().get(150_000).line()).isEqualTo(2);
        assertThat(cost.result().issues().get(150_000).column()).isEqualTo(2);
        assertThat(cost.result().issues().get(299_999).line()).isEqualTo(2);
        assertThat(cost.result().issues().get(299_999).column()).isEqualTo(3 * 149_999 + 2);
        assertThat(cost.cpuMillis()).as("%s", cost).isLessThan(10_000);
    }

    // Under a raised maxPatternLength, patterns of 20,000 clauses of every syntax, and a megabyte of garbage, compile
    // or are rejected: no StackOverflowError, no other exception, time and memory linear in their size.
    @Test
    void megabytePatternsUnderARaisedLengthCompileOrAreRejectedCleanly() {
        List<String> valid = List.of(
                "a ".repeat(20_000),
                "-a ".repeat(20_000) + "b",
                "{ " + "$.a = 1 && ".repeat(20_000) + "$.a = 1 }",
                "{ " + "$.a = 1 || ".repeat(20_000) + "$.a = 2 }",
                IntStream.range(0, 20_000).mapToObj(i -> "f" + i).collect(Collectors.joining(", ", "[", "]")),
                "%" + "a*".repeat(100_000) + "%");
        for (String pattern : valid) {
            Cost<Boolean> cost = Cost.of(() -> FilterPattern.compile(pattern, UNLIMITED_LENGTH).matches("a b"));
            assertThat(cost.cpuMillis()).as("%s...: %s", pattern.substring(0, 12), cost).isLessThan(20_000);
            assertThat(cost.allocatedBytes()).as("%s...: %s", pattern.substring(0, 12), cost)
                    .isLessThan(1_000L * pattern.length());
        }
        List<String> invalid = List.of(
                "{ $.a = ".repeat(100_000),
                ")(".repeat(500_000),
                "\"".repeat(1_000_001),
                "%" + "(".repeat(500_000) + "%",
                "{ " + "(".repeat(100_000) + "$.a = 1" + ")".repeat(100_000) + " }",
                "{ " + "$.a = %(% && ".repeat(50_000) + "$.b = 1 }",
                "[" + "a, ".repeat(100_000) + "...,".repeat(3) + "]");
        for (String pattern : invalid) {
            Supplier<String> reason = () -> rejected(pattern, UNLIMITED_LENGTH).reason();
            Cost<String> cost = Cost.of(reason);
            assertThat(cost.result()).isNotBlank();
            assertThat(cost.cpuMillis()).as("%s...: %s", pattern.substring(0, 12), cost).isLessThan(20_000);
        }
    }

    // FilterOptions.maxNestingDepth: 512 by default (no pattern within 1024 characters nests deeper), at most
    // NESTING_DEPTH_CEILING; a hand-built tree deeper than that is refused before it is printed or parsed.
    @Test
    void nestingIsBoundedForTextAndForHandBuiltTrees() {
        FilterOptions deepest = FilterOptions.builder().maxNestingDepth(FilterOptions.NESTING_DEPTH_CEILING)
                .maxPatternLength(10_000).build();
        String nested = "{ " + "(".repeat(1000) + "$.a = 1" + ")".repeat(1000) + " }";
        assertThat(FilterPattern.compile(nested, deepest).matches("{\"a\":1}")).isTrue();
        assertThatThrownBy(() -> FilterOptions.builder().maxNestingDepth(FilterOptions.NESTING_DEPTH_CEILING + 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
