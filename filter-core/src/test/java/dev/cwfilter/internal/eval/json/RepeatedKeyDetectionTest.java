package dev.cwfilter.internal.eval.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cwfilter.FilterPattern;
import dev.cwfilter.internal.compile.Compiler;
import dev.cwfilter.internal.compile.EvalOptions;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * How the byte walk notices a repeated key it selected (SEMANTICS.md O3), case by case: it answers itself when no
 * selected key repeats, and leaves the event to the exact evaluation ({@link Utf8Walk#UNSURE}) when one does; either
 * way the matcher's answer is the last occurrence's.
 */
class RepeatedKeyDetectionTest {

    private static JsonMatcher compile(String pattern) {
        return (JsonMatcher) Compiler.compile(FilterPattern.compile(pattern).ast(),
                new EvalOptions(false, false, 1000, 1024 * 1024), x -> null);
    }

    private static int walk(JsonMatcher m, String event) {
        return m.walk(event.getBytes(StandardCharsets.UTF_8));
    }

    private static boolean matches(JsonMatcher m, String event) {
        byte[] utf8 = event.getBytes(StandardCharsets.UTF_8);
        boolean answer = m.matches(utf8, 0, utf8.length);
        assertThat(m.matches(event)).as("String and bytes agree on %s", event).isEqualTo(answer);
        assertThat(m.exactly(utf8)).as("the exact evaluation agrees on %s", event).isEqualTo(answer);
        return answer;
    }

    @Test
    void aNameInTwoObjectsIsNoRepeat() {
        JsonMatcher m = compile("{ $.a.k = 1 && $.b.k = 2 }");
        String event = "{\"a\":{\"k\":1},\"b\":{\"k\":2}}";
        assertThat(walk(m, event)).isEqualTo(Utf8Walk.TRUE);
        JsonMatcher elements = compile("{ $.arr[*].k = 2 }");
        assertThat(walk(elements, "{\"arr\":[{\"k\":1},{\"k\":2}]}")).isEqualTo(Utf8Walk.TRUE);
        JsonMatcher enumerated = compile("{ $.* = 2 && $.a.* = 1 }");
        assertThat(walk(enumerated, "{\"a\":{\"x\":1},\"x\":2}")).isEqualTo(Utf8Walk.TRUE);
    }

    @Test
    void aRepeatOfASelectedKeyIsLeftToTheExactEvaluation() {
        JsonMatcher m = compile("{ $.a = 1 }");
        assertThat(walk(m, "{\"a\":1,\"a\":2}")).isEqualTo(Utf8Walk.UNSURE);
        assertThat(matches(m, "{\"a\":1,\"a\":2}")).isFalse();
        // Also after the formula is decided, whichever way: a miss, and a match.
        assertThat(walk(m, "{\"a\":2,\"b\":0,\"a\":1}")).isEqualTo(Utf8Walk.UNSURE);
        assertThat(matches(m, "{\"a\":2,\"b\":0,\"a\":1}")).isTrue();
        JsonMatcher nested = compile("{ $.a.b = 1 }");
        assertThat(walk(nested, "{\"a\":{\"b\":1,\"c\":0,\"b\":2}}")).isEqualTo(Utf8Walk.UNSURE);
        assertThat(matches(nested, "{\"a\":{\"b\":1,\"c\":0,\"b\":2}}")).isFalse();
    }

    @Test
    void aRepeatOfAKeyNothingSelectsChangesNothing() {
        JsonMatcher m = compile("{ $.a = 1 }");
        assertThat(walk(m, "{\"z\":1,\"z\":2,\"a\":1,\"y\":{\"q\":1,\"q\":2}}")).isEqualTo(Utf8Walk.TRUE);
    }

    @Test
    void aRepeatInAnObjectAWildcardEnumeratesIsNoticedWhateverTheName() {
        JsonMatcher m = compile("{ $.* = 1 }");
        assertThat(walk(m, "{\"x\":1,\"y\":2,\"x\":3}")).isEqualTo(Utf8Walk.UNSURE);
        assertThat(matches(m, "{\"x\":1,\"y\":2,\"x\":3}")).isFalse();
        assertThat(walk(m, "{\"x\":3,\"y\":2,\"z\":1}")).isEqualTo(Utf8Walk.TRUE);
    }

    // The table of names read in enumerated objects keeps nothing of an earlier event, and an event with more names
    // than it holds is answered by the exact evaluation.
    @Test
    void theNameTableForgetsEarlierEventsAndOverflowsToTheExactEvaluation() {
        JsonMatcher m = compile("{ $.* = \"last\" }");
        String many = IntStream.range(0, 40_000).mapToObj(i -> "\"k" + i + "\":" + i)
                .collect(Collectors.joining(",", "{", ",\"end\":\"last\"}"));
        assertThat(walk(m, many)).isEqualTo(Utf8Walk.UNSURE);
        assertThat(matches(m, many)).isTrue();
        String repeatedLast = many.replace("\"end\":\"last\"}", "\"k7\":\"last\",\"k7\":8}");
        assertThat(matches(m, repeatedLast)).isFalse();
        String some = IntStream.range(0, 1_000).mapToObj(i -> "\"k" + i + "\":" + i)
                .collect(Collectors.joining(",", "{", ",\"end\":\"last\"}"));
        assertThat(walk(m, some)).isEqualTo(Utf8Walk.TRUE);
        assertThat(walk(m, some)).as("the same names again, in a new event").isEqualTo(Utf8Walk.TRUE);
    }

    // A miss decided in the root is final when the rest spells none of the root's selecting names; where it does (as a
    // value, or through a backslash), the rest is read key by key instead, and only a real repeat defers.
    @Test
    void aMissInTheRootLooksForTheRootsNamesInTheRest() {
        JsonMatcher m = compile("{ $.a = 1 && $.b = 2 }");
        assertThat(walk(m, "{\"a\":0,\"c\":\"x\",\"d\":[1,2]}")).isEqualTo(Utf8Walk.FALSE);
        assertThat(walk(m, "{\"a\":0,\"c\":\"a\",\"d\":[\"b\"]}")).isEqualTo(Utf8Walk.FALSE);
        assertThat(walk(m, "{\"a\":0,\"c\":\"\\\"a\\\"\"}")).isEqualTo(Utf8Walk.FALSE);
        assertThat(walk(m, "{\"a\":0,\"c\":{\"a\":1}}")).isEqualTo(Utf8Walk.FALSE);
        assertThat(walk(m, "{\"a\":0,\"b\":2,\"\\u0061\":1}")).isEqualTo(Utf8Walk.UNSURE);
        assertThat(matches(m, "{\"a\":0,\"b\":2,\"\\u0061\":1}")).isTrue();
        // A miss that the rest does not repeat but leaves malformed is still a miss.
        assertThat(walk(m, "{\"a\":0,\"c\":")).isEqualTo(Utf8Walk.FALSE);
    }
}
