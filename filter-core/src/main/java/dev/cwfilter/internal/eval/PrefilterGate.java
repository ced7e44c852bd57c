package dev.cwfilter.internal.eval;

/**
 * Decides, event by event, whether a {@link Prefilter} is worth consulting, from how often it has let events through.
 *
 * <p>A prefilter pays when it rejects: a scan for a literal is cheaper than a parse. When nearly every event holds
 * the literal (a value such as {@code "false"} that most events carry somewhere), the scan rejects almost nothing and
 * costs as much as the walk it was meant to save. So the gate samples the prefilter over a window of
 * {@value #WINDOW} events; if at least seven in eight passed, it leaves the prefilter out for the next
 * {@value #PAUSE} events, then samples again. The gate changes only how fast an answer is reached, never the answer:
 * an event the prefilter is not asked about is evaluated in full.
 *
 * <p>Not thread-safe: each thread keeps its own gate in its per-thread matcher state, so the counters are never
 * shared.
 */
public final class PrefilterGate {

    /** How many consulted events make one sample. */
    public static final int WINDOW = 256;
    /** How many events skip the prefilter after a sample in which it rejected too little. */
    public static final int PAUSE = 16 * 1024;

    private int sampled;
    private int passed;
    private int paused;

    /** Whether to consult the prefilter for this event; if so, report its answer with {@link #record}. */
    public boolean consult() {
        if (paused > 0) {
            paused--;
            return false;
        }
        return true;
    }

    /** Records the prefilter's answer for an event {@link #consult} said to consult it for. */
    public void record(boolean mayMatch) {
        if (mayMatch) {
            passed++;
        }
        if (++sampled == WINDOW) {
            if (passed * 8 >= WINDOW * 7) {
                paused = PAUSE;
            }
            sampled = 0;
            passed = 0;
        }
    }

    /** Whether this thread is leaving the prefilter out at present. */
    public boolean paused() {
        return paused > 0;
    }

    /**
     * Whether the event may match by the prefilter, consulting it only when the gate says it is worth it: true
     * (evaluate the event) whenever the prefilter is not consulted.
     */
    public boolean mayMatch(Prefilter prefilter, byte[] utf8, int offset, int length) {
        return !consults(prefilter) || recorded(prefilter.mayMatch(utf8, offset, length));
    }

    /** As {@link #mayMatch(Prefilter, byte[], int, int)}, for a String message. */
    public boolean mayMatch(Prefilter prefilter, String message) {
        return !consults(prefilter) || recorded(prefilter.mayMatch(message));
    }

    /** Whether to ask this prefilter about the event: never the one that lets everything through. */
    private boolean consults(Prefilter prefilter) {
        return prefilter != Prefilter.NONE && consult();
    }

    private boolean recorded(boolean mayMatch) {
        record(mayMatch);
        return mayMatch;
    }
}
