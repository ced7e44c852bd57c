package dev.cwfilter.aws;

import dev.cwfilter.LogEvent;
import dev.cwfilter.io.MalformedDocumentException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * The {@link CloudTrailRecordReader} on the core's {@link dev.cwfilter.io.CloudTrailRecordReader}: each record is the
 * exact text the file holds for it (what CloudTrail delivers to CloudWatch Logs), found without a JSON parse.
 * Thread-safe: each call reads with a reader of its own.
 */
final class CoreCloudTrailRecordReader implements CloudTrailRecordReader {

    private final int maxRecordBytes;

    CoreCloudTrailRecordReader(int maxRecordBytes) {
        this.maxRecordBytes = maxRecordBytes;
    }

    @Override
    public long read(InputStream in, String source, RecordSink sink) throws IOException {
        long delivered = 0;
        try (dev.cwfilter.io.CloudTrailRecordReader records = new dev.cwfilter.io.CloudTrailRecordReader(in,
                maxRecordBytes)) {
            while (records.next()) {
                String where = "record " + records.recordIndex() + " at byte " + records.byteOffset();
                if (!records.isObject()) {
                    sink.skipped(source, where + ": a record that is not a JSON object");
                } else if (records.oversized()) {
                    sink.skipped(source, where + ": a record of " + records.length() + " bytes, over the "
                            + maxRecordBytes + "-byte limit");
                } else if (records.eventTime() == dev.cwfilter.io.CloudTrailRecordReader.NO_TIME) {
                    sink.skipped(source, where + ": a record without an ISO-8601 eventTime");
                } else {
                    delivered++;
                    String message = new String(records.array(), records.offset(), records.length(),
                            StandardCharsets.UTF_8);
                    if (!sink.accept(new LogEvent(records.eventTime(), message))) {
                        return delivered;
                    }
                }
            }
        } catch (MalformedDocumentException e) {
            throw new IOException(source + ": not a CloudTrail log file: " + e.getMessage()
                    + (delivered > 0 ? "; the " + delivered + " records before it were read" : ""), e);
        }
        return delivered;
    }
}
