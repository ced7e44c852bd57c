package dev.cwfilter.internal.eval.prefilter;

/** Drives a {@link PrefilterGate} through a sample with chosen timings instead of the clock's. */
public final class GateSamples {

    private GateSamples() {
    }

    /**
     * Runs one whole sample in which each event with the prefilter takes {@code withNanos} and each without it takes
     * {@code withoutNanos}.
     */
    public static void sample(PrefilterGate gate, long withNanos, long withoutNanos) {
        if (!gate.sampling()) {
            throw new IllegalStateException("the gate is not sampling");
        }
        for (int i = 0; i < PrefilterGate.SAMPLE; i++) {
            gate.took(gate.begin() ? withNanos : withoutNanos);
        }
    }

    /** Runs one sample in which the prefilter costs time, so that the gate leaves it out for a period. */
    public static void pause(PrefilterGate gate) {
        sample(gate, 2_000, 1_000);
    }
}
