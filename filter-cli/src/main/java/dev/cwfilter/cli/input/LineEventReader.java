package dev.cwfilter.cli.input;

import java.io.IOException;
import java.io.InputStream;

/**
 * One event per line, plain text or JSON: the line is the message. Blank lines are not events (CloudWatch rejects
 * empty messages). A JSON line's timestamp is read from its {@code timestamp} or {@code eventTime} field, only if a
 * command asks for it; a plain line has none.
 */
final class LineEventReader implements EventReader {

    private final int maxEventBytes;
    private final byte[] buffer;

    /** A reader that reads into {@code buffer} (owned by it until {@link #read} returns). */
    LineEventReader(int maxEventBytes, byte[] buffer) {
        this.maxEventBytes = maxEventBytes;
        this.buffer = buffer;
    }

    @Override
    public boolean read(InputStream in, Event event, EventSink sink, BadEvents bad) throws IOException {
        LineSource lines = new LineSource(in, maxEventBytes, buffer);
        while (lines.next()) {
            if (lines.oversized()) {
                bad.add(BadEvents.Kind.OVERSIZED, event.source(), lines.number(), null);
                continue;
            }
            int start = lines.start();
            int end = lines.end();
            if (start == end) {
                continue;
            }
            byte[] buf = lines.buffer();
            if (!lines.ascii() && !Bytes.isValidUtf8(buf, start, end)) {
                bad.add(BadEvents.Kind.INVALID_UTF8, event.source(), lines.number(), null);
            }
            event.setLazy(buf, start, end - start, lines.number(), Timestamps::jsonField);
            if (!sink.accept(event)) {
                return false;
            }
        }
        return true;
    }
}
