package dev.cwfilter.aws;

import dev.cwfilter.LogEvent;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilterLogEventsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;

/**
 * The log events of a CloudWatch Logs log group over a time range, through {@code FilterLogEvents}: page by page as
 * they are consumed (one page of at most 10,000 events in memory, never the whole range), every log stream or those
 * whose names start with a prefix. No filter pattern is sent: cwfilter evaluates the events itself.
 *
 * <p>FilterLogEvents returns events ordered by log stream and time within a page, not globally by time; cwfilter's
 * metrics accept events in any order.
 *
 * <p>Immutable; {@link #read} may be called from several threads, each call reading on its own.
 */
public final class LogGroupSource {

    private final CloudWatchLogsClient logs;
    private final String logGroupName;
    private final long start;
    private final long end;
    private final String logStreamNamePrefix;

    private LogGroupSource(Builder b) {
        this.logs = b.logs;
        this.logGroupName = b.logGroupName;
        this.start = b.start;
        this.end = b.end;
        this.logStreamNamePrefix = b.logStreamNamePrefix;
    }

    /**
     * A source of the events of {@code logGroupName} with {@code start <= timestamp < end} (epoch milliseconds).
     *
     * @throws IllegalArgumentException if start is not before end
     */
    public static Builder builder(CloudWatchLogsClient logs, String logGroupName, long start, long end) {
        return new Builder(logs, logGroupName, start, end);
    }

    /**
     * What a read did.
     *
     * @param pages  FilterLogEvents calls made
     * @param events events delivered
     */
    public record Summary(long pages, long events) {
    }

    /**
     * Reads the events in the order FilterLogEvents returns them, handing each to {@code sink} (false stops the read,
     * and no further page is fetched).
     *
     * @throws AwsCallException if a call fails after the SDK's retries (no such log group, access denied, no
     *                          credentials); events delivered before stay delivered
     */
    public Summary read(Predicate<LogEvent> sink) {
        FilterLogEventsRequest.Builder request = FilterLogEventsRequest.builder().logGroupName(logGroupName)
                .startTime(start).endTime(end - 1);
        if (logStreamNamePrefix != null) {
            request.logStreamNamePrefix(logStreamNamePrefix);
        }
        long pages = 0;
        long events = 0;
        try {
            for (var page : logs.filterLogEventsPaginator(request.build())) {
                pages++;
                List<FilteredLogEvent> batch = page.events();
                for (FilteredLogEvent e : batch) {
                    if (e.timestamp() == null || e.message() == null || e.timestamp() < start
                            || e.timestamp() >= end || logStreamNamePrefix != null && e.logStreamName() != null
                            && !e.logStreamName().startsWith(logStreamNamePrefix)) {
                        // The service filters by these already; checked again so that the range is exact whatever
                        // the endpoint does with them (moto ignores the prefix).
                        continue;
                    }
                    events++;
                    if (!sink.test(new LogEvent(e.timestamp(), e.message()))) {
                        return new Summary(pages, events);
                    }
                }
            }
        } catch (SdkException e) {
            throw new AwsCallException(AwsErrors.describe("FilterLogEvents on log group " + logGroupName + " (after "
                    + events + " events)", e), e);
        }
        return new Summary(pages, events);
    }

    /** Builds a {@link LogGroupSource}. Not thread-safe. */
    public static final class Builder {

        private final CloudWatchLogsClient logs;
        private final String logGroupName;
        private final long start;
        private final long end;
        private String logStreamNamePrefix;

        private Builder(CloudWatchLogsClient logs, String logGroupName, long start, long end) {
            this.logs = Objects.requireNonNull(logs, "logs");
            this.logGroupName = Objects.requireNonNull(logGroupName, "logGroupName");
            if (start >= end) {
                throw new IllegalArgumentException("the start time must be before the end time");
            }
            this.start = start;
            this.end = end;
        }

        /** Only log streams whose names start with this prefix. */
        public Builder logStreamNamePrefix(String prefix) {
            this.logStreamNamePrefix = prefix;
            return this;
        }

        /** The source. */
        public LogGroupSource build() {
            return new LogGroupSource(this);
        }
    }
}
