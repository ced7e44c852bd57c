package dev.cwfilter.testkit.events;

import dev.cwfilter.LogEvent;
import java.time.Instant;

/**
 * A realistic sample log event, immutable: each setter returns a new event, so samples can be shared, kept as
 * constants and varied freely ({@code base.user("bob")} leaves {@code base} as it was).
 *
 * <p>Implementations are immutable and thread-safe.
 *
 * @param <T> the event's own type, which setters return
 */
public interface SampleEvent<T extends SampleEvent<T>> {

    /**
     * The same event at another time: a UTC time of day on 2026-11-21 ({@code "12:03:14"}) or a full timestamp
     * ({@code "2026-11-21T12:03:14Z"}). The event's own timestamp (a CloudTrail record's {@code eventTime}, an access
     * log's date) and the log event's timestamp are both this time.
     *
     * @throws IllegalArgumentException if the text is not a time
     */
    T at(String time);

    /** When the event happened. */
    Instant time();

    /** The log event message, exactly as CloudWatch Logs would store it. */
    String build();

    /** The message as a log event stamped with {@link #time()}. */
    default LogEvent toLogEvent() {
        return new LogEvent(time().toEpochMilli(), build());
    }
}
