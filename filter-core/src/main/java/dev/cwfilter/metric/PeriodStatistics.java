package dev.cwfilter.metric;

import dev.cwfilter.StandardUnit;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One GetMetricStatistics datapoint: the statistics of one period that holds data, for one unit.
 *
 * <p>A statistic CloudWatch cannot compute for the period is <em>absent</em> from {@link #values()}: the extended
 * statistics when any value in the period is negative, and a trimmed or winsorized mean whose bounds keep no value.
 * {@link #value(Statistic)} then returns an empty {@link OptionalDouble}. Immutable and thread-safe.
 *
 * @param timestamp the start of the period, epoch milliseconds
 * @param unit      the unit the period's data was published with
 * @param values    the available statistics, in the order they were requested
 */
public record PeriodStatistics(long timestamp, StandardUnit unit, Map<Statistic, Double> values) {

    /** Checks for null and takes an immutable copy that keeps the order. */
    public PeriodStatistics {
        Objects.requireNonNull(unit, "unit");
        values = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(values, "values")));
    }

    /** The statistic's value, or empty if it was not requested or is unavailable for this period. */
    public OptionalDouble value(Statistic statistic) {
        Double v = values.get(statistic);
        return v == null ? OptionalDouble.empty() : OptionalDouble.of(v);
    }
}
