package dev.cwfilter.internal.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cwfilter.FilterPattern;
import dev.cwfilter.internal.compile.Compiler;
import dev.cwfilter.internal.compile.EvalOptions;
import dev.cwfilter.internal.eval.prefilter.GateSamples;
import dev.cwfilter.internal.eval.prefilter.PrefilterGate;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A space-delimited matcher's prefilter gate (the gate itself: {@code PrefilterGateTest}): the matcher times the
 * events of a sample, never uses the gate without a literal, and answers the same whether the gate consults the
 * prefilter or not.
 */
class DelimitedGateTest {

    @Test
    void matchersTimeEveryEventOfASample() {
        DelimitedMatcher delimited = compile("[ip, user = alice, size]");
        byte[] event = "10.0.0.1 alice 12".getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < PrefilterGate.SAMPLE; i++) {
            delimited.matches(event, 0, event.length);
        }
        assertThat(delimited.gate().sampling()).isFalse();
    }

    @Test
    void aPatternWithoutALiteralNeverUsesItsGate() {
        DelimitedMatcher delimited = compile("[ip, user, size > 10]");
        byte[] event = "10.0.0.1 alice 12".getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < 2 * PrefilterGate.SAMPLE; i++) {
            assertThat(delimited.matches(event, 0, event.length)).isTrue();
        }
        // Had the events been timed, the sample would have ended.
        assertThat(delimited.gate().sampling()).isTrue();
    }

    /**
     * A space-delimited matcher whose gate has left the prefilter out answers every probe as a fresh matcher
     * (prefilter on) does, as bytes and as text, the probes the prefilter rejects included. The JSON matcher's twin is
     * {@code PausedPrefilterTest}.
     */
    @Test
    void answersAreTheSameWithThePrefilterLeftOutAsWithItOn() {
        String pattern = "[ip, user = alice, status = 404 || status = 500, size]";
        DelimitedMatcher paused = compile(pattern);
        GateSamples.pause(paused.gate());
        assertThat(paused.gate().paused()).isTrue();
        List<String> probes = List.of("10.0.0.1 alice 500 7", "10.0.0.1 bob 500 7", "10.0.0.1 alice 4040 7",
                "10.0.0.1 alice", "10.0.0.1 alicia 404 7", "x alice 404 z");
        for (String probe : probes) {
            byte[] bytes = probe.getBytes(StandardCharsets.UTF_8);
            boolean expected = compile(pattern).matches(bytes, 0, bytes.length);
            assertThat(paused.matches(bytes, 0, bytes.length)).as("%s, as bytes", probe).isEqualTo(expected);
            assertThat(paused.matches(probe)).as("%s, as text", probe).isEqualTo(expected);
        }
        assertThat(paused.gate().paused()).as("still left out after the probes").isTrue();
        // The probes hold both answers, and one the prefilter rejects without splitting.
        assertThat(compile(pattern).matches(probes.get(0))).isTrue();
        byte[] rejected = probes.get(1).getBytes(StandardCharsets.UTF_8);
        assertThat(compile(pattern).prefilter().mayMatch(rejected, 0, rejected.length)).isFalse();
    }

    private static DelimitedMatcher compile(String pattern) {
        return (DelimitedMatcher) Compiler.compile(FilterPattern.compile(pattern).ast(),
                new EvalOptions(false, false, 1000, 1024 * 1024), x -> null);
    }
}
