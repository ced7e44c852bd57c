package dev.cwfilter.internal.eval.prefilter;

/**
 * Decides, event by event, whether a {@link Prefilter} is worth consulting, from how long events take with it and
 * without it.
 *
 * <p>A prefilter pays when it rejects an event for less than evaluating the event would cost. Whether it does depends
 * on the events: a literal most events hold somewhere (a value such as {@code "false"}) costs a scan and saves little,
 * and a literal that events lack, but that lies beyond the field the pattern decides on, saves a walk that would have
 * stopped early anyway. Neither share of rejections nor literal length says which; the clock does. So each thread
 * times a sample of {@value #SAMPLE} events in blocks of {@value #BLOCK}, alternately with the prefilter and without
 * it, and for the period that follows leaves the prefilter out if the half without it took at least
 * 1/{@value #MARGIN} less time, and consults it otherwise; then it samples again, so that a change in the events is
 * noticed. A period lasts {@value #PERIOD} events after the first sample and after one that changed the choice, and
 * twice as long as the one before after a sample that made the same choice again, up to {@value #MAX_PERIOD}: the
 * half of a sample done the slower way costs time (256 events walked in full while the prefilter rejects most, a
 * few microseconds each), and events whose choice holds sample after sample pay it less and less often. A change in
 * the events is still noticed within {@value #MAX_PERIOD} + {@value #SAMPLE} events of the thread, and after it the
 * periods are short again. Blocks, not alternate events: a scan that reads every event whole runs at its own
 * pace only when it reads event after event (memory is fetched ahead of a steady stream), and a sample that broke the
 * stream at every other event measured the prefilter slower than it runs. Interleaved blocks still give both halves
 * the same mix of events.
 *
 * <p>The gate changes how fast an answer comes, never the answer: an event the prefilter is not asked about is
 * evaluated in full. The timings are of this thread's own events, so a pause of the thread during a sample (a
 * preemption, a collection) can make it choose the slower way for one period, and no more.
 *
 * <p>Use: {@link #begin} before an event (it says whether to consult the prefilter), {@link #end} after it. Not
 * thread-safe: each thread keeps its own gate in its per-thread matcher state.
 */
public final class PrefilterGate {

    /** How many events one sample times, half with the prefilter and half without. */
    public static final int SAMPLE = 512;
    /** The prefilter is left out only if the events without it took at least 1/MARGIN less time than those with it. */
    public static final int MARGIN = 16;
    /** How many consecutive events of a sample are evaluated the same way. */
    public static final int BLOCK = 64;
    /**
     * How many events follow the first sample and a sample that changed the choice, all with the prefilter or all
     * without, before the next sample.
     */
    public static final int PERIOD = 16 * 1024;
    /** The longest period: that of a choice made again sample after sample. */
    public static final int MAX_PERIOD = 16 * PERIOD;

    /** How many events the current (or, while sampling, the last) period lasts; 0 before the first sample. */
    private int period;

    /** Events left in the current period; 0 while sampling. */
    private int left;
    /** Whether the current period consults the prefilter. */
    private boolean consulting = true;
    /** Events timed so far in the current sample. */
    private int sampled;
    private long withPrefilter;
    private long withoutPrefilter;
    /** When the event being timed began, or -1 if the current event is not timed. */
    private long started = -1;

    /** Begins an event: whether to consult the prefilter for it. Follow it with {@link #end}. */
    public boolean begin() {
        if (left > 0) {
            left--;
            started = -1;
            return consulting;
        }
        started = System.nanoTime();
        return consultsInSample();
    }

    /** Ends the event {@link #begin} began: in a sample, counts the time it took. */
    public void end() {
        if (started >= 0) {
            took(System.nanoTime() - started);
            started = -1;
        }
    }

    /**
     * Counts the time the current event of a sample took, as {@link #end} does with the clock's reading; after the
     * sample's last event, chooses the faster way for the period that follows.
     */
    void took(long nanos) {
        if (consultsInSample()) {
            withPrefilter += nanos;
        } else {
            withoutPrefilter += nanos;
        }
        if (++sampled == SAMPLE) {
            // Left out only when that was clearly faster: a prefilter wrongly consulted costs a scan, one wrongly left
            // out a walk, which for a large event costs more.
            boolean consult = withoutPrefilter > withPrefilter - withPrefilter / MARGIN;
            period = period == 0 || consult != consulting ? PERIOD : Math.min(2 * period, MAX_PERIOD);
            consulting = consult;
            left = period;
            sampled = 0;
            withPrefilter = 0;
            withoutPrefilter = 0;
        }
    }

    /** Whether the current event of a sample is one of the half with the prefilter: blocks alternate, from one with. */
    private boolean consultsInSample() {
        return (sampled / BLOCK & 1) == 0;
    }

    /** Whether this thread is timing a sample at present. */
    public boolean sampling() {
        return left == 0;
    }

    /** Whether this thread is leaving the prefilter out for the current period. */
    public boolean paused() {
        return left > 0 && !consulting;
    }
}
