package dev.cwfilter.cli.input;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * CloudWatch Logs exports to S3: each event is written as {@code 2026-11-21T12:00:00.000Z message}. A message that
 * holds newlines continues on the following lines, so a line without the timestamp prefix belongs to the event
 * above it (a Java stack trace stays one event, as it was in CloudWatch).
 */
final class ExportEventReader implements EventReader {

    private final int maxEventBytes;
    /** Where lines are read (owned by this reader until {@link #read} returns). */
    private final byte[] buffer;
    private byte[] pending = new byte[1024];
    private int pendingLength;
    private long pendingLine;
    private long pendingTime;
    private boolean hasPending;
    private boolean pendingOversized;

    ExportEventReader(int maxEventBytes, byte[] buffer) {
        this.maxEventBytes = maxEventBytes;
        this.buffer = buffer;
    }

    @Override
    public boolean read(InputStream in, Event event, EventSink sink, BadEvents bad) throws IOException {
        hasPending = false;
        LineSource lines = new LineSource(in, maxEventBytes + Timestamps.EXPORT_PREFIX_LENGTH, buffer);
        while (lines.next()) {
            byte[] buf = lines.buffer();
            int start = lines.start();
            int end = lines.end();
            if (lines.oversized()) {
                // Too long to tell whether it starts an event or continues one: either way that event is too large.
                if (!flush(event, sink, bad)) {
                    return false;
                }
                bad.add(BadEvents.Kind.OVERSIZED, event.source(), lines.number(), null);
                continue;
            }
            long time = Timestamps.exportPrefix(buf, start, end);
            if (time != Event.NO_TIMESTAMP) {
                if (!flush(event, sink, bad)) {
                    return false;
                }
                hasPending = true;
                pendingOversized = false;
                pendingLength = 0;
                pendingLine = lines.number();
                pendingTime = time;
                append(buf, start + Timestamps.EXPORT_PREFIX_LENGTH, end);
            } else if (hasPending) {
                appendNewline();
                append(buf, start, end);
            } else if (start < end) {
                bad.add(BadEvents.Kind.MALFORMED, event.source(), lines.number(),
                        "no export timestamp (2026-11-21T12:00:00.000Z) before it");
            }
        }
        return flush(event, sink, bad);
    }

    private boolean flush(Event event, EventSink sink, BadEvents bad) throws IOException {
        if (!hasPending) {
            return true;
        }
        hasPending = false;
        if (pendingOversized) {
            bad.add(BadEvents.Kind.OVERSIZED, event.source(), pendingLine, null);
            return true;
        }
        if (pendingLength == 0) {
            bad.add(BadEvents.Kind.MALFORMED, event.source(), pendingLine, "an export timestamp without a message");
            return true;
        }
        if (!Bytes.isValidUtf8(pending, 0, pendingLength)) {
            bad.add(BadEvents.Kind.INVALID_UTF8, event.source(), pendingLine, null);
        }
        event.set(pending, 0, pendingLength, pendingLine, pendingTime);
        return sink.accept(event);
    }

    private void appendNewline() {
        ensure(1);
        if (!pendingOversized) {
            pending[pendingLength++] = '\n';
        }
    }

    private void append(byte[] buf, int from, int to) {
        int n = to - from;
        if (pendingOversized || n == 0) {
            return;
        }
        ensure(n);
        if (!pendingOversized) {
            System.arraycopy(buf, from, pending, pendingLength, n);
            pendingLength += n;
        }
    }

    private void ensure(int more) {
        long needed = (long) pendingLength + more;
        if (needed > maxEventBytes) {
            pendingOversized = true;
        } else if (needed > pending.length) {
            pending = Arrays.copyOf(pending, (int) Math.min(maxEventBytes, Math.max(needed, 2L * pending.length)));
        }
    }
}
