package dev.cwfilter.dos;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cwfilter.FilterPattern;
import dev.cwfilter.internal.eval.search.RegexProgram;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Regular expressions built to be slow, inside the allowed subset, against a MiB of {@code a}: each search costs at
 * most (characters + 1) × (steps of the expression) units of work ({@link RegexProgram}), where a repetition count
 * does not add steps. Asserted two ways: the step counts themselves, and CPU-time bounds that are generous for that
 * work and far below what a backtracking engine (exponential) or an NFA over the expanded program (re2j, which took
 * 15 s for {@code a*} 510 times and minutes for {@code .{1000}} 145 times) would need.
 */
class RegexLinearTimeTest {

    private static final String MIB_OF_A = "a".repeat(1024 * 1024 - 16);

    private static boolean search(String pattern, String event) {
        FilterPattern compiled = FilterPattern.compile(pattern);
        byte[] bytes = event.getBytes(StandardCharsets.UTF_8);
        boolean text = compiled.matches(event);
        assertThat(compiled.matches(bytes, 0, bytes.length)).as("bytes and text of %s", pattern).isEqualTo(text);
        return text;
    }

    // The examples, and their kind: every position of the text starts a candidate match that fails only at
    // the end. Nothing matches; with a "b" (or "=...;") at the end everything does.
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"%a*a*a*a*a*a*a*b%", "%.*.*.*.*=.*.*.*.*;%", "%\\w*\\w*\\w*\\d%",
        "%a+a+a+a+a+a+a+a+a+a+a+b%", "%[a-z]*[a-z]*[a-z]*=%", "%a?a?a?a?a?a?a?a?aaaaaaaab%"})
    void classicCatastrophicExpressionsRunInLinearTime(String pattern) {
        Cost<Boolean> miss = Cost.warm(() -> search(pattern, MIB_OF_A));
        assertThat(miss.result()).as(pattern).isFalse();
        assertThat(miss.cpuMillis()).as("%s on a MiB of a: %s", pattern, miss).isLessThan(2_000);
        String ending = pattern.contains("=") ? "=;" : pattern.contains("\\d") ? "7" : "b";
        Cost<Boolean> hit = Cost.warm(() -> search(pattern, MIB_OF_A + ending));
        assertThat(hit.result()).as(pattern).isTrue();
        assertThat(hit.cpuMillis()).as("%s on a MiB of a and %s: %s", pattern, ending, hit).isLessThan(2_000);
    }

    // RegexProgram: "a repetition count does not multiply the work": {1000} is one step.
    @Test
    void aRepetitionIsOneStepWhateverItsCount() {
        assertThat(RegexProgram.compile("a").steps()).isEqualTo(1);
        assertThat(RegexProgram.compile("a{1000}").steps()).isEqualTo(1);
        assertThat(RegexProgram.compile(".{0,1000}").steps()).isEqualTo(1);
        assertThat(RegexProgram.compile("[a-z]{2,1000}?").steps()).isEqualTo(1);
        assertThat(RegexProgram.compile("^a*b{7}$|c").steps()).isEqualTo(5);
        String longest = ".{1000}".repeat(145) + "b";
        assertThat(RegexProgram.compile(longest).steps()).isEqualTo(146);
    }

    // The most work an expression within 1024 characters can ask for: ~510 steps, each alive at every character, or
    // 145 repetitions of 1000. An eighth of a MiB keeps the test short; the work is linear, so a MiB costs eight times
    // as much.
    @ParameterizedTest(name = "{0}")
    @ValueSource(ints = {0, 1, 2, 3, 4})
    void expressionsAtTheLengthLimitRunInLinearTime(int which) {
        String body = List.of(
                ".{1000}".repeat(145) + "b",
                "a{1000}".repeat(145) + "b",
                "a?".repeat(510) + "b",
                "a*".repeat(510) + "b",
                "\\w{0,1000}".repeat(100) + "b").get(which);
        String pattern = "%" + body + "%";
        assertThat(pattern.length()).isLessThanOrEqualTo(1024);
        String eighth = MIB_OF_A.substring(0, 128 * 1024);
        Cost<Boolean> miss = Cost.warm(() -> search(pattern, eighth));
        assertThat(miss.result()).isFalse();
        assertThat(miss.cpuMillis()).as("%s...: %s", pattern.substring(0, 20), miss).isLessThan(10_000);
        assertThat(miss.allocatedBytes()).as("%s...: %s", pattern.substring(0, 20), miss)
                .isLessThan(4L * eighth.length() + 1024 * 1024);
        if (which != 1 && which != 0) {
            assertThat(search(pattern, eighth + "b")).isTrue();
        }
    }

    // The same searches inside JSON values and space-delimited fields: a value a MiB long is searched once.
    @Test
    void expressionsInJsonAndDelimitedPatternsRunInLinearTimeOnLongValues() {
        String json = "{\"v\":\"" + MIB_OF_A.substring(16) + "\"}";
        Cost<Boolean> inJson = Cost.warm(() -> search("{ $.v = %a*a*a*a*a*a*b% || $.v = %.*=.*;% }", json));
        assertThat(inJson.result()).isFalse();
        assertThat(inJson.cpuMillis()).as("%s", inJson).isLessThan(4_000);
        String line = "x " + MIB_OF_A.substring(16);
        Cost<Boolean> inField = Cost.warm(() -> search("[k, v = %a*a*a*a*a*a*b% || v = %^a+$%]", line));
        assertThat(inField.result()).isTrue();
        assertThat(inField.cpuMillis()).as("%s", inField).isLessThan(4_000);
    }
}
