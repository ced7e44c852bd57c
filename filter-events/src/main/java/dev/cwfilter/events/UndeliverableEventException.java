package dev.cwfilter.events;

import java.util.Objects;

/**
 * A CloudTrail record that EventBridge would not deliver to any rule, and why.
 *
 * <p>Immutable and thread-safe.
 */
public final class UndeliverableEventException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** Why a record is not delivered. */
    public enum Reason {
        /** Not a JSON object with the fields every CloudTrail record has. */
        NOT_A_RECORD,
        /** An {@code eventType} that EventBridge delivers under no detail-type. */
        UNKNOWN_EVENT_TYPE,
        /** The event would be larger than EventBridge's 256 KB event size. */
        TOO_LARGE
    }

    private final Reason reason;

    /** A record that is not delivered, and why, in words. */
    public UndeliverableEventException(Reason reason, String message) {
        super(Objects.requireNonNull(message, "message"), null);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** Why. */
    public Reason reason() {
        return reason;
    }
}
