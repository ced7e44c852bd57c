package dev.cwfilter.aws;

import dev.cwfilter.LogEvent;
import java.time.Duration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilterLogEventsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilterLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;

/**
 * A CloudWatch Logs log group followed as {@code aws logs tail --follow} follows it: each {@link #poll} calls
 * {@code FilterLogEvents} from a start time, page after page until there is no next page, and hands over the events
 * it has not handed over before; the next poll starts again from the newest event's time. Events are told apart by
 * their {@code eventId}, so an event is handed over once even when a later poll sees it again.
 *
 * <pre>{@code
 * LogGroupFollower follower = LogGroupFollower.builder(aws.logs(), "CloudTrail/logs", System.currentTimeMillis())
 *         .lookback(Duration.ofMinutes(1)).build();
 * while (running) {
 *     follower.poll(event -> monitor.offer(event));
 *     Thread.sleep(5_000);                     // aws logs tail polls every 5 s
 * }
 * }</pre>
 *
 * <h2>Events that arrive late</h2>
 * CloudWatch Logs takes events whose timestamps are older than those it already holds (a log stream that lags, a
 * delivery that was retried). {@code aws logs tail} starts each poll at the newest timestamp seen and so never sees an
 * event older than that which arrives later. With a {@linkplain Builder#lookback(Duration) lookback}, each poll
 * starts that much earlier, and events of the window already handed over are recognised by their ids: an event that
 * arrives up to the lookback late is still handed over, once. The ids of that window are all the follower keeps, so
 * its memory is bounded by the events of the lookback, not by the stream.
 *
 * <h2>Faults</h2>
 * A call that fails after the SDK's retries throws {@link AwsCallException}; the events of the pages before it were
 * handed over and are not handed over again, and the next poll resumes from where the follower stood. No filter
 * pattern is sent: cwfilter evaluates every event itself.
 *
 * <p>Thread-safe: polls are serialised.
 */
public final class LogGroupFollower {

    private final CloudWatchLogsClient logs;
    private final String logGroupName;
    private final String logStreamNamePrefix;
    private final long lookbackMillis;
    /** Where the next poll starts: the newest timestamp handed over minus the lookback, or the start time. */
    private long from;
    private long newest = Long.MIN_VALUE;
    /** The ids of the events handed over whose timestamps are at or after {@link #from}, with their timestamps. */
    private final Map<String, Long> seen = new HashMap<>();
    private long polls;
    private long calls;
    private long events;

    private LogGroupFollower(Builder b) {
        this.logs = b.logs;
        this.logGroupName = b.logGroupName;
        this.logStreamNamePrefix = b.logStreamNamePrefix;
        this.lookbackMillis = b.lookback.toMillis();
        this.from = b.startTime;
    }

    /** A follower of {@code logGroupName} handing over events with timestamps at or after {@code startTime}. */
    public static Builder builder(CloudWatchLogsClient logs, String logGroupName, long startTime) {
        return new Builder(logs, logGroupName, startTime);
    }

    /**
     * What one poll did.
     *
     * @param pages  FilterLogEvents calls made
     * @param events events handed over (not seen before)
     */
    public record Poll(long pages, long events) {
    }

    /**
     * Reads every event that has arrived since the last poll (the first: since the start time), page after page,
     * handing each over once; {@code sink} returning false stops the poll there (the events not yet handed over come
     * with the next poll).
     *
     * @throws AwsCallException if a call fails after the SDK's retries (no such log group, access denied, no
     *                          credentials); what was handed over stays handed over
     */
    public synchronized Poll poll(Predicate<LogEvent> sink) {
        polls++;
        long pages = 0;
        long handed = 0;
        String token = null;
        try {
            do {
                FilterLogEventsRequest.Builder request = FilterLogEventsRequest.builder().logGroupName(logGroupName)
                        .startTime(from);
                if (logStreamNamePrefix != null) {
                    request.logStreamNamePrefix(logStreamNamePrefix);
                }
                if (token != null) {
                    request.nextToken(token);
                }
                FilterLogEventsResponse page = logs.filterLogEvents(request.build());
                calls++;
                pages++;
                for (FilteredLogEvent e : page.events()) {
                    if (e.timestamp() == null || e.message() == null || e.timestamp() < from
                            || logStreamNamePrefix != null && e.logStreamName() != null
                            && !e.logStreamName().startsWith(logStreamNamePrefix)) {
                        // The service filters by these already; checked again whatever the endpoint does with them.
                        continue;
                    }
                    String id = e.eventId() != null ? e.eventId()
                            : e.logStreamName() + "/" + e.timestamp() + "/" + e.message().hashCode();
                    if (seen.containsKey(id)) {
                        continue;
                    }
                    seen.put(id, e.timestamp());
                    newest = Math.max(newest, e.timestamp());
                    handed++;
                    events++;
                    if (!sink.test(new LogEvent(e.timestamp(), e.message()))) {
                        return new Poll(pages, handed);
                    }
                }
                token = page.nextToken();
                if (page.events().isEmpty() && token != null && pages > 10_000) {
                    // A service that keeps answering empty pages with a token: come back at the next poll.
                    break;
                }
            } while (token != null);
        } catch (SdkException e) {
            throw new AwsCallException(AwsErrors.describe("FilterLogEvents on log group " + logGroupName
                    + " (following it from " + java.time.Instant.ofEpochMilli(from) + ")", e), e);
        } finally {
            advance();
        }
        return new Poll(pages, handed);
    }

    /** The next poll starts at the newest event handed over, less the lookback; older ids are forgotten. */
    private void advance() {
        if (newest == Long.MIN_VALUE) {
            return;
        }
        from = Math.max(from, newest - lookbackMillis);
        for (Iterator<Long> it = seen.values().iterator(); it.hasNext(); ) {
            if (it.next() < from) {
                it.remove();
            }
        }
    }

    /** Where the next poll starts, epoch milliseconds. */
    public synchronized long position() {
        return from;
    }

    /** Polls made so far. */
    public synchronized long polls() {
        return polls;
    }

    /** FilterLogEvents calls made so far. */
    public synchronized long calls() {
        return calls;
    }

    /** Events handed over so far. */
    public synchronized long events() {
        return events;
    }

    /** The log group. */
    public String logGroupName() {
        return logGroupName;
    }

    /** Builds a {@link LogGroupFollower}. Not thread-safe. */
    public static final class Builder {

        private final CloudWatchLogsClient logs;
        private final String logGroupName;
        private final long startTime;
        private String logStreamNamePrefix;
        private Duration lookback = Duration.ZERO;

        private Builder(CloudWatchLogsClient logs, String logGroupName, long startTime) {
            this.logs = Objects.requireNonNull(logs, "logs");
            this.logGroupName = Objects.requireNonNull(logGroupName, "logGroupName");
            this.startTime = startTime;
        }

        /** Only log streams whose names start with this prefix. */
        public Builder logStreamNamePrefix(String prefix) {
            this.logStreamNamePrefix = prefix;
            return this;
        }

        /**
         * How far before the newest event each poll starts, so that events arriving that late are still handed
         * over (once). Default zero: {@code aws logs tail --follow}'s behaviour.
         */
        public Builder lookback(Duration lookback) {
            if (Objects.requireNonNull(lookback, "lookback").isNegative()) {
                throw new IllegalArgumentException("the lookback cannot be negative: " + lookback);
            }
            this.lookback = lookback;
            return this;
        }

        /** The follower. */
        public LogGroupFollower build() {
            return new LogGroupFollower(this);
        }
    }
}
