package dev.cwfilter;

import java.util.Objects;

/**
 * A CloudWatch Logs log event: when it happened and its message.
 *
 * <p>Immutable and thread-safe.
 *
 * @param timestamp milliseconds since the epoch (UTC), as CloudWatch Logs stores it
 * @param message   the raw message
 */
public record LogEvent(long timestamp, String message) {

    /** Checks for null. */
    public LogEvent {
        Objects.requireNonNull(message, "message");
    }
}
