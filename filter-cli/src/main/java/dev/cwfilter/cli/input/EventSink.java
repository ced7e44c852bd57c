package dev.cwfilter.cli.input;

import java.io.IOException;

/**
 * Receives the events of an {@link EventSource}, one at a time, in input order.
 *
 * <p>Called from one thread: implementations need not be thread-safe.
 */
@FunctionalInterface
public interface EventSink {

    /**
     * Takes one event; the event is valid only during this call.
     *
     * @return false to stop reading every input (the reader of output has gone away, for example)
     * @throws IOException if writing what the event produced fails
     */
    boolean accept(Event event) throws IOException;
}
