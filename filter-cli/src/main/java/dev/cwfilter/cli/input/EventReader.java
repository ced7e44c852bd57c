package dev.cwfilter.cli.input;

import java.io.IOException;
import java.io.InputStream;

/** Reads the events of one input format from a stream, one at a time, never the whole input at once. */
interface EventReader {

    /**
     * Reads every event of {@code in} into {@code event} and hands each to the sink.
     *
     * @return false if the sink asked to stop
     * @throws IOException if the stream cannot be read; events delivered before stay delivered
     */
    boolean read(InputStream in, Event event, EventSink sink, BadEvents bad) throws IOException;
}
