package dev.cwfilter.internal.eval.prefilter;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The prefilter gate: it times a sample of events with the prefilter and without, does the faster for a period, and
 * then samples again. That every answer is the same whether the prefilter is consulted or not is a matcher's part:
 * {@code DelimitedGateTest} and {@code PausedPrefilterTest}.
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

    /** Runs the current period out; how many events it lasted. */
    private static int runPeriod(PrefilterGate gate, boolean consulting) {
        int events = 0;
        while (!gate.sampling()) {
            assertThat(gate.begin()).as("event %d of the period", events).isEqualTo(consulting);
            gate.end();
            events++;
        }
        return events;
    }

    @Test
    void aChoiceMadeAgainDoublesThePeriodUpToTheLongestAndAChangedOneStartsShortAgain() {
        PrefilterGate gate = new PrefilterGate();
        int expected = PrefilterGate.PERIOD;
        for (int sample = 0; sample < 7; sample++) {
            GateSamples.sample(gate, 900, 1_000);
            assertThat(runPeriod(gate, true)).as("period after sample %d", sample).isEqualTo(expected);
            expected = Math.min(2 * expected, PrefilterGate.MAX_PERIOD);
        }
        assertThat(expected).isEqualTo(PrefilterGate.MAX_PERIOD);
        // The events changed: the prefilter now costs time. The choice changes at the next sample, and the period
        // after it is the first one's, so that a second change is noticed as soon.
        GateSamples.sample(gate, 1_100, 1_000);
        assertThat(runPeriod(gate, false)).isEqualTo(PrefilterGate.PERIOD);
        GateSamples.sample(gate, 1_100, 1_000);
        assertThat(runPeriod(gate, false)).isEqualTo(2 * PrefilterGate.PERIOD);
        GateSamples.sample(gate, 900, 1_000);
        assertThat(runPeriod(gate, true)).isEqualTo(PrefilterGate.PERIOD);
    }

    @Test
    void aChangeInTheEventsIsNoticedWithinTheLongestPeriodAndASample() {
        PrefilterGate gate = new PrefilterGate();
        for (int sample = 0; sample < 12; sample++) {
            GateSamples.sample(gate, 900, 1_000);
            runPeriod(gate, true);
        }
        assertThat(PrefilterGate.MAX_PERIOD).isLessThanOrEqualTo(256 * 1024);
        GateSamples.sample(gate, 900, 1_000);
        assertThat(runPeriod(gate, true)).isEqualTo(PrefilterGate.MAX_PERIOD);
    }
}
