package dev.cwfilter.internal.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cwfilter.FilterPattern;
import dev.cwfilter.internal.compile.Compiler;
import dev.cwfilter.internal.compile.EvalOptions;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The prefilter gate: it leaves out a prefilter that rejects almost nothing, for a while, and then asks it again; and
 * whether the prefilter is consulted or not, every answer is the same.
 */
class PrefilterGateTest {

    @Test
    void aPrefilterThatLetsNearlyEverythingThroughIsPausedAndThenSampledAgain() {
        PrefilterGate gate = new PrefilterGate();
        for (int i = 0; i < PrefilterGate.WINDOW; i++) {
            assertThat(gate.consult()).isTrue();
            gate.record(i % 8 != 0); // seven in eight pass
        }
        for (int i = 0; i < PrefilterGate.PAUSE; i++) {
            assertThat(gate.consult()).as("event %d of the pause", i).isFalse();
        }
        assertThat(gate.consult()).isTrue();
    }

    @Test
    void aPrefilterThatRejectsEnoughStaysOn() {
        PrefilterGate gate = new PrefilterGate();
        for (int i = 0; i < 10 * PrefilterGate.WINDOW; i++) {
            assertThat(gate.consult()).isTrue();
            gate.record(i % 8 > 1); // six in eight pass: one more rejection per eight than the pause needs
        }
        assertThat(gate.consult()).isTrue();
    }

    @Test
    void aWindowCountsOnlyItsOwnEvents() {
        PrefilterGate gate = new PrefilterGate();
        for (int i = 0; i < PrefilterGate.WINDOW; i++) {
            gate.consult();
            gate.record(false);
        }
        // A window that rejected everything is followed by one that rejects nothing: the second is judged alone.
        for (int i = 0; i < PrefilterGate.WINDOW; i++) {
            assertThat(gate.consult()).isTrue();
            gate.record(true);
        }
        assertThat(gate.consult()).isFalse();
    }

    @Test
    void theNoOpPrefilterIsNeverConsulted() {
        PrefilterGate gate = new PrefilterGate();
        byte[] event = "{}".getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < 2 * PrefilterGate.WINDOW; i++) {
            assertThat(gate.mayMatch(Prefilter.NONE, event, 0, event.length)).isTrue();
            assertThat(gate.mayMatch(Prefilter.NONE, "{}")).isTrue();
        }
        // Nothing was recorded, so a real prefilter is consulted straight away.
        assertThat(gate.consult()).isTrue();
    }

    @Test
    void whileTheGateIsOpenAnEventWithoutTheLiteralIsEvaluatedInFullAndStillRejected() {
        Prefilter prefilter = Prefilter.of(List.of("false"), true);
        PrefilterGate gate = new PrefilterGate();
        byte[] passing = "{\"mfa\":\"false\"}".getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < PrefilterGate.WINDOW; i++) {
            assertThat(gate.mayMatch(prefilter, passing, 0, passing.length)).isTrue();
        }
        byte[] without = "{\"mfa\":\"true\"}".getBytes(StandardCharsets.UTF_8);
        assertThat(prefilter.mayMatch(without, 0, without.length)).isFalse();
        assertThat(gate.mayMatch(prefilter, without, 0, without.length)).as("paused: evaluate it").isTrue();
    }

    /**
     * A space-delimited matcher sees a window of events that hold its literal, so its gate pauses the prefilter; then
     * every probe gets the answer a fresh matcher (prefilter on) gives, as bytes and as text. The JSON matcher's twin
     * is {@code PausedPrefilterTest}.
     */
    @Test
    void answersAreTheSameWithThePrefilterPausedAsWithItOn() {
        String pattern = "[ip, user = alice, status = 404 || status = 500, size]";
        DelimitedMatcher warmed = compile(pattern);
        byte[] pass = "10.0.0.1 alice 200 12".getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < PrefilterGate.WINDOW; i++) {
            warmed.matches(pass, 0, pass.length);
        }
        assertThat(warmed.gate().paused()).isTrue();
        for (String probe : List.of("10.0.0.1 alice 500 7", "10.0.0.1 bob 500 7", "10.0.0.1 alice 4040 7",
                "10.0.0.1 alice", "10.0.0.1 alicia 404 7", "x alice 404 z")) {
            byte[] bytes = probe.getBytes(StandardCharsets.UTF_8);
            boolean expected = compile(pattern).matches(bytes, 0, bytes.length);
            assertThat(warmed.matches(bytes, 0, bytes.length)).as("%s, as bytes", probe).isEqualTo(expected);
            assertThat(warmed.matches(probe)).as("%s, as text", probe).isEqualTo(expected);
        }
        assertThat(compile(pattern).matches("10.0.0.1 alice 500 7")).isTrue();
    }

    private static DelimitedMatcher compile(String pattern) {
        return (DelimitedMatcher) Compiler.compile(FilterPattern.compile(pattern).ast(),
                new EvalOptions(false, false, 1000, 1024 * 1024), x -> null);
    }
}
