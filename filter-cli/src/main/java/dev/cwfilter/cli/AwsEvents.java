package dev.cwfilter.cli;

import dev.cwfilter.LogEvent;
import dev.cwfilter.aws.CloudTrailS3Source;
import dev.cwfilter.aws.LogGroupSource;
import dev.cwfilter.aws.S3Location;
import java.io.PrintWriter;
import java.util.List;

/**
 * Reads the events a command takes from AWS, as {@code metrics} and {@code events} both read them: the CloudTrail
 * records of each {@code s3://} input, then the events of a log group (FilterLogEvents), each source summed up on
 * standard error. Stateless.
 */
final class AwsEvents {

    /** Takes the events read. */
    interface Sink {
        /**
         * Takes one event.
         *
         * @param event    the event
         * @param source   the {@code s3://} URI, or {@code log group NAME}
         * @param position the event's 1-based position in its source
         * @return whether to go on reading the source
         */
        boolean accept(LogEvent event, String source, long position);
    }

    private AwsEvents() {
    }

    /**
     * Reads the {@code s3://} inputs, then the log group unless the sink stopped.
     *
     * @param command  the command's name, for messages
     * @param s3Uris   the {@code s3://} inputs
     * @param logGroup the log group to read, or null
     * @param start    the start of the time range (epoch milliseconds), or {@link Long#MIN_VALUE}
     * @param end      its end (exclusive), or {@link Long#MAX_VALUE}
     * @return {@link ExitCodes#IO_ERROR} if an object could not be read, else {@link ExitCodes#OK}
     * @throws UsageError if an {@code s3://} input is not a location
     */
    static int read(AwsOptions aws, String command, List<String> s3Uris, String logGroup, long start, long end,
                    Sink sink, PrintWriter err) {
        int code = ExitCodes.OK;
        boolean[] stopped = {false};
        for (String uri : s3Uris) {
            S3Location location;
            try {
                location = S3Location.parse(uri);
            } catch (IllegalArgumentException e) {
                throw new UsageError("cwfilter " + command + ": " + e.getMessage());
            }
            CloudTrailS3Source.Builder b = CloudTrailS3Source.builder(aws.clients().s3(), location);
            if (start != Long.MIN_VALUE || end != Long.MAX_VALUE) {
                b.timeRange(start, end);
            }
            long[] position = {0};
            CloudTrailS3Source.Summary s = b.build().read(e -> go(sink.accept(e, uri, ++position[0]), stopped));
            err.println("cwfilter: " + uri + ": " + s.records() + " CloudTrail records from " + s.objectsRead()
                    + " objects" + (s.recordsOutOfRange() == 0 ? "" : ", " + s.recordsOutOfRange()
                    + " outside the time range"));
            for (String problem : s.problems()) {
                err.println("cwfilter: " + problem);
            }
            if (s.objectsFailed() > 0) {
                code = ExitCodes.IO_ERROR;
            }
        }
        if (logGroup != null && !stopped[0]) {
            String source = "log group " + logGroup;
            long[] position = {0};
            LogGroupSource.Summary s = LogGroupSource.builder(aws.clients().logs(), logGroup, start, end).build()
                    .read(e -> go(sink.accept(e, source, ++position[0]), stopped));
            err.println("cwfilter: " + source + ": " + s.events() + " events in " + s.pages() + " pages");
        }
        return code;
    }

    private static boolean go(boolean more, boolean[] stopped) {
        stopped[0] |= !more;
        return more;
    }
}
