package dev.cwfilter.metric;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A CloudWatch metric's identity: namespace, name and dimensions. Metric filters that publish to the same namespace
 * and name with the same dimension values feed the same metric, as in CloudWatch.
 *
 * @param namespace  the namespace
 * @param metricName the metric's name
 * @param dimensions dimension names to values (compared as a map: order does not matter)
 */
public record MetricId(String namespace, String metricName, Map<String, String> dimensions) {

    /** Copies the dimensions, sorted by name, into an immutable map. */
    public MetricId {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(metricName, "metricName");
        dimensions = java.util.Collections.unmodifiableMap(new TreeMap<>(Objects.requireNonNull(dimensions,
                "dimensions")));
    }

    /** A metric without dimensions. */
    public static MetricId of(String namespace, String metricName) {
        return new MetricId(namespace, metricName, Map.of());
    }

    /** The metric an alarm watches. */
    public static MetricId of(MetricAlarm alarm) {
        return new MetricId(alarm.namespace(), alarm.metricName(), alarm.dimensions());
    }

    /** {@code namespace/name} followed by the dimensions, if any: {@code MyApp/Latency{Service=api}}. */
    @Override
    public String toString() {
        return namespace + "/" + metricName + (dimensions.isEmpty() ? "" : dimensions.toString());
    }
}
