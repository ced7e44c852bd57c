package dev.cwfilter;

import java.util.Map;
import java.util.Objects;

/**
 * One matching message in a {@link TestMetricFilterResult}, as the TestMetricFilter API's MetricFilterMatchRecord
 * describes it.
 *
 * <p>Immutable and thread-safe.
 *
 * @param eventNumber     the message's position among the messages tested, from
 *                        {@link FilterOptions#firstEventNumber()} (1 by default, as the AWS CLI shows)
 * @param eventMessage    the message
 * @param extractedValues what a space-delimited pattern extracts ({@code $ip}, {@code $1}, ...), in the event's field
 *                        order; empty for term, regex and JSON patterns
 */
public record MetricFilterMatchRecord(long eventNumber, String eventMessage, Map<String, String> extractedValues) {

    /** Checks for null and keeps the values in order. */
    public MetricFilterMatchRecord {
        Objects.requireNonNull(eventMessage, "eventMessage");
        extractedValues = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(extractedValues));
    }
}
