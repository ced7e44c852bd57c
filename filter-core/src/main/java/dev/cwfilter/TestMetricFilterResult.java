package dev.cwfilter;

import java.util.List;

/**
 * What the TestMetricFilter API returns: the messages that match, in input order.
 *
 * <p>Immutable and thread-safe.
 *
 * @param matches the matching messages with their numbers and extracted values
 */
public record TestMetricFilterResult(List<MetricFilterMatchRecord> matches) {

    /** Copies the list. */
    public TestMetricFilterResult {
        matches = List.copyOf(matches);
    }
}
