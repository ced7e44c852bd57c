package dev.cwfilter.internal.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cwfilter.FilterPattern;
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
     * One compiled pattern per matcher kind sees a window of events that hold its literal, so its gate pauses the
     * prefilter; then every probe event gets the answer a fresh pattern (prefilter on) gives, as bytes and as text.
     */
    @Test
    void answersAreTheSameWithThePrefilterPausedAsWithItOn() {
        check("{ ($.type = \"Root\" || $.issuer = \"BreakGlassAdmin\") && $.mfa = \"false\" }",
                "{\"type\":\"User\",\"mfa\":\"false\"}",
                List.of("{\"type\":\"Root\",\"mfa\":\"false\"}", "{\"type\":\"Root\",\"mfa\":\"true\"}",
                        "{\"type\":\"Root\",\"mfa\":\"f\\u0061lse\"}", "{\"type\":\"Root\",\"mfa\":\"false\"",
                        "{\"type\":\"Root\",\"mfa\":\"false\"} x", "{\"issuer\":\"BreakGlassAdmin\",\"mfa\":\"false\"}",
                        "not json", "{\"type\":\"Root\"}"));
        check("[ip, user = alice, status = 404 || status = 500, size]",
                "10.0.0.1 alice 200 12",
                List.of("10.0.0.1 alice 500 7", "10.0.0.1 bob 500 7", "10.0.0.1 alice 4040 7", "10.0.0.1 alice",
                        "10.0.0.1 alicia 404 7", "x alice 404 z"));
    }

    private static void check(String pattern, String passing, List<String> probes) {
        FilterPattern warmed = FilterPattern.compile(pattern);
        byte[] pass = passing.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < PrefilterGate.WINDOW; i++) {
            warmed.matches(pass, 0, pass.length);
        }
        for (String probe : probes) {
            FilterPattern fresh = FilterPattern.compile(pattern);
            byte[] bytes = probe.getBytes(StandardCharsets.UTF_8);
            boolean expected = fresh.matches(bytes, 0, bytes.length);
            assertThat(warmed.matches(bytes, 0, bytes.length)).as("%s on %s, as bytes", pattern, probe)
                    .isEqualTo(expected);
            assertThat(warmed.matches(probe)).as("%s on %s, as text", pattern, probe).isEqualTo(expected);
        }
    }
}
