package dev.cwfilter.internal.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cwfilter.FilterPattern;
import dev.cwfilter.internal.compile.Compiler;
import dev.cwfilter.internal.compile.EvalOptions;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The prefilter gate: it times a sample of events with the prefilter and without, does the faster for a period, and
 * then samples again; and whether the prefilter is consulted or not, every answer is the same.
 */
class PrefilterGateTest {

    @Test
    void aSampleAlternatesBlocksWithAndWithoutThePrefilter() {
        PrefilterGate gate = new PrefilterGate();
        int consulted = 0;
        for (int i = 0; i < PrefilterGate.SAMPLE; i++) {
            assertThat(gate.sampling()).isTrue();
            boolean consults = gate.begin();
            assertThat(consults).as("event %d of the sample", i).isEqualTo(i / PrefilterGate.BLOCK % 2 == 0);
            consulted += consults ? 1 : 0;
            gate.took(1_000);
        }
        assertThat(consulted).isEqualTo(PrefilterGate.SAMPLE / 2);
        assertThat(PrefilterGate.SAMPLE / PrefilterGate.BLOCK).as("blocks in a sample").isGreaterThanOrEqualTo(4);
        assertThat(gate.sampling()).isFalse();
    }

    @Test
    void whenThePrefilterCostsTimeItIsLeftOutForAPeriodAndThenSampledAgain() {
        PrefilterGate gate = new PrefilterGate();
        GateSamples.sample(gate, 1_100, 1_000);
        assertThat(gate.paused()).isTrue();
        for (int i = 0; i < PrefilterGate.PERIOD; i++) {
            assertThat(gate.begin()).as("event %d of the period", i).isFalse();
            gate.end();
        }
        assertThat(gate.sampling()).isTrue();
        assertThat(gate.paused()).isFalse();
        assertThat(gate.begin()).as("the first event of the next sample").isTrue();
    }

    @Test
    void whenThePrefilterSavesTimeItIsConsultedForThePeriod() {
        PrefilterGate gate = new PrefilterGate();
        GateSamples.sample(gate, 900, 1_000);
        assertThat(gate.paused()).isFalse();
        for (int i = 0; i < PrefilterGate.PERIOD; i++) {
            assertThat(gate.begin()).as("event %d of the period", i).isTrue();
            gate.end();
        }
        assertThat(gate.sampling()).isTrue();
    }

    @Test
    void thePrefilterIsLeftOutOnlyWhenThatIsClearlyFaster() {
        long with = 16_000;
        PrefilterGate barely = new PrefilterGate();
        GateSamples.sample(barely, with, with - with / PrefilterGate.MARGIN + 1);
        assertThat(barely.paused()).as("less than 1/16 faster without").isFalse();
        PrefilterGate clearly = new PrefilterGate();
        GateSamples.sample(clearly, with, with - with / PrefilterGate.MARGIN);
        assertThat(clearly.paused()).as("1/16 faster without").isTrue();
    }

    @Test
    void eachSampleIsJudgedAlone() {
        PrefilterGate gate = new PrefilterGate();
        GateSamples.sample(gate, 5_000, 1_000);
        for (int i = 0; i < PrefilterGate.PERIOD; i++) {
            gate.begin();
            gate.end();
        }
        // The events changed: now the prefilter saves time, however much it cost in the sample before.
        GateSamples.sample(gate, 900, 1_000);
        assertThat(gate.paused()).isFalse();
        assertThat(gate.begin()).isTrue();
    }

    @Test
    void onTheClockASampleEndsAfterItsEventsAndAPeriodAfterItsOwn() {
        PrefilterGate gate = new PrefilterGate();
        for (int i = 0; i < PrefilterGate.SAMPLE; i++) {
            gate.begin();
            gate.end();
        }
        assertThat(gate.sampling()).isFalse();
        for (int i = 0; i < PrefilterGate.PERIOD; i++) {
            gate.begin();
            gate.end();
        }
        assertThat(gate.sampling()).isTrue();
        assertThat(gate.begin()).as("a new sample starts with the prefilter").isTrue();
    }

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
