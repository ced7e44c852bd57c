package dev.cwfilter.jmh;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The two sides of {@link LiveMonitorBenchmark} do the same work: the live runtime makes the replay's transitions. */
class LiveMonitorBenchmarkTest {

    @Test
    void liveAndReplayMakeTheSameTransitions() throws Exception {
        LiveMonitorBenchmark b = new LiveMonitorBenchmark();
        b.setup();
        assertThat(b.replay()).hasSizeGreaterThan(10);
        assertThat(b.live()).isEqualTo(b.replay());
    }
}
