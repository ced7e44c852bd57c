package dev.cwfilter.cli.input;

/**
 * Decides which events reach the sink, on the thread that reads them: with several readers, the deciding (the pattern
 * match, for {@code filter}) runs in parallel on the reader threads, and only the selected events are handed, in
 * input order, to the sink on the calling thread.
 *
 * <p>Called from several threads at once: implementations must be thread-safe (a compiled
 * {@link dev.cwfilter.FilterPattern} is).
 */
@FunctionalInterface
public interface EventSelector {

    /** Selects every event. */
    EventSelector ALL = (event, bad) -> true;

    /**
     * Whether the event goes to the sink.
     *
     * @param event the event, valid only during this call
     * @param bad   the bad events of the event's input, where a selector counts what it leaves out for a reason
     *              worth reporting (an event without a timestamp under a time range)
     */
    boolean select(Event event, BadEvents bad);
}
