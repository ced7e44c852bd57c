package dev.cwfilter.cli.input;

import dev.cwfilter.io.CloudTrailRecordReader;
import dev.cwfilter.io.MalformedDocumentException;
import java.io.IOException;
import java.io.InputStream;

/**
 * CloudTrail log files as CloudTrail writes them to S3, {@code {"Records":[...]}}: each record is one event, handed to
 * the sink as the slice of the decompressed bytes that holds it (filter-core's {@link CloudTrailRecordReader}: no
 * parsing into a tree, no re-serialising), its time the record's {@code eventTime} (looked for only when asked), its position its index among the
 * records of the input ({@code record 57}). A truncated or malformed document delivers the records before the
 * problem; the rest of the input cannot be read, which is an error of the input (as a gzip file cut short is), with
 * the reader's message: where it broke, by record index and byte offset.
 */
final class CloudTrailEventReader implements EventReader {

    private final int maxEventBytes;
    private final byte[] buffer;

    /** A reader that reads into {@code buffer} (see {@link CloudTrailRecordReader#CloudTrailRecordReader(InputStream, int, byte[])}). */
    CloudTrailEventReader(int maxEventBytes, byte[] buffer) {
        this.maxEventBytes = maxEventBytes;
        this.buffer = buffer;
    }

    @Override
    public boolean read(InputStream in, Event event, EventSink sink, BadEvents bad) throws IOException {
        CloudTrailRecordReader records = new CloudTrailRecordReader(in, maxEventBytes, buffer);
        long index = 0;
        try {
            while (records.next()) {
                index++;
                if (!records.isObject()) {
                    bad.add(BadEvents.Kind.MALFORMED, event.source(), "record " + index,
                            "a record that is not a JSON object");
                    continue;
                }
                if (records.oversized()) {
                    bad.add(BadEvents.Kind.OVERSIZED, event.source(), "record " + index, null);
                    continue;
                }
                byte[] buf = records.array();
                int from = records.offset();
                int length = records.length();
                // The scan that delimited the record noted whether it is all ASCII: most are, and are not read again.
                if (!records.isAscii() && !Bytes.isValidUtf8(buf, from, from + length)) {
                    bad.add(BadEvents.Kind.INVALID_UTF8, event.source(), "record " + index, null);
                }
                // The time is looked for only when a command needs it (filter without a time range never does).
                event.setLazyRecord(buf, from, length, index, CloudTrailRecordReader::eventTime);
                if (!sink.accept(event)) {
                    return false;
                }
            }
        } catch (MalformedDocumentException e) {
            // The rest of the input cannot be read: an error of the input (exit 1), as a gzip file cut short is,
            // named by record index and byte offset; the records before it were delivered.
            throw new IOException("not a complete CloudTrail document (" + e.getMessage() + "); the rest of the"
                    + " input was skipped", e);
        }
        return true;
    }
}
