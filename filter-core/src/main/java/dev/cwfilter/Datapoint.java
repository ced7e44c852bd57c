package dev.cwfilter;

import java.util.Map;
import java.util.Objects;

/**
 * One value a metric filter publishes for one log event: the metric's namespace and name belong to the
 * {@link MetricFilter}; the datapoint carries what can differ from event to event.
 *
 * <p>Immutable and thread-safe.
 *
 * @param timestamp  the log event's timestamp, milliseconds since the epoch
 * @param value      the metric value
 * @param unit       the metric's unit ({@link StandardUnit#NONE} if the filter sets none)
 * @param dimensions dimension names to values, taken from the event; empty if the filter has none
 */
public record Datapoint(long timestamp, double value, StandardUnit unit, Map<String, String> dimensions) {

    /** Checks for null and takes an immutable copy of the dimensions. */
    public Datapoint {
        Objects.requireNonNull(unit, "unit");
        dimensions = Map.copyOf(Objects.requireNonNull(dimensions, "dimensions"));
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("a metric value is a finite number, not " + value);
        }
    }
}
