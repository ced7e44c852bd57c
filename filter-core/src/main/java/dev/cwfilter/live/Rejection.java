package dev.cwfilter.live;

import dev.cwfilter.LogEvent;
import java.util.Objects;
import java.util.Optional;

/**
 * Something a {@link LogGroupMonitor} received and could not count: an event it dropped, or a datapoint it could not
 * store. Reported to {@link MonitorListener#rejected} and counted in {@link MonitorStats}; never silent. Immutable.
 *
 * @param reason    why
 * @param timestamp the event's (or datapoint's) timestamp
 * @param detail    what was wrong, in plain words
 * @param event     the event, when it was dropped whole and its message is worth keeping (too late, too far ahead)
 */
public record Rejection(Reason reason, long timestamp, String detail, Optional<LogEvent> event) {

    /** Why something was rejected. */
    public enum Reason {
        /** The event's timestamp is before the horizon: no alarm will look at its period again. */
        TOO_LATE,
        /** The event's timestamp is further ahead of now than the maximum lead (2 hours, as CloudWatch Logs). */
        TOO_FAR_AHEAD,
        /** The event is larger than the largest event CloudWatch Logs accepts. */
        OVERSIZED,
        /** The event is not an event CloudWatch Logs accepts (an empty message). */
        MALFORMED,
        /** A metric filter already feeds the most dimension combinations the monitor keeps; this datapoint's is new. */
        DIMENSION_LIMIT,
        /** A datapoint's magnitude exceeds what PutMetricData accepts (2^360). */
        VALUE_OUT_OF_RANGE
    }

    /** Checks for null. */
    public Rejection {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(event, "event");
    }
}
