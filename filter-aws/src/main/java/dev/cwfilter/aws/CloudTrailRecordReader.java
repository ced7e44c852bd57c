package dev.cwfilter.aws;

import dev.cwfilter.LogEvent;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads the records of a CloudTrail log file ({@code {"Records":[...]}}, already decompressed) one at a time, each as
 * the log event CloudTrail delivers to CloudWatch Logs: the record's compact JSON, at its {@code eventTime}.
 *
 * <p>The seam between the AWS sources and the record reader: {@link #standard()} is the core's
 * {@link dev.cwfilter.io.CloudTrailRecordReader}, which finds each record's bytes without a JSON parse and never holds
 * more than one record. Implementations must be thread-safe or made per use.
 */
@FunctionalInterface
public interface CloudTrailRecordReader {

    /** Receives records; returning false stops the reading. */
    @FunctionalInterface
    interface RecordSink {
        /** One record as a log event. */
        boolean accept(LogEvent event);

        /** A record that is not delivered: it has no usable {@code eventTime}, or it is too large. */
        default void skipped(String source, String reason) {
        }
    }

    /**
     * Reads every record of {@code in} and hands each to {@code sink}.
     *
     * @param in     the decompressed document
     * @param source the document's name, for messages
     * @param sink   receives each record
     * @return how many records were delivered
     * @throws IOException if the stream fails or the document is not a CloudTrail log file; records delivered
     *                     before stay delivered, and the message says where the document went wrong
     */
    long read(InputStream in, String source, RecordSink sink) throws IOException;

    /** The core's reader, records of up to 1 MiB (CloudWatch Logs' largest event); larger ones are skipped. */
    static CloudTrailRecordReader standard() {
        return new CoreCloudTrailRecordReader(dev.cwfilter.io.CloudTrailRecordReader.DEFAULT_MAX_RECORD_BYTES);
    }
}
