package dev.cwfilter.metric;

import dev.cwfilter.StandardUnit;
import dev.cwfilter.internal.stats.Periods;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A GetMetricStatistics request for one metric: the time range, the period and the statistics wanted, and optionally
 * the unit whose data is wanted.
 *
 * <p>The range is {@code [startTime, endTime)}; the start is rounded down to a period boundary (periods are aligned
 * to the epoch), and every period that starts before {@code endTime} and holds data yields one
 * {@link PeriodStatistics}. Immutable and thread-safe.
 *
 * @param startTime     the start of the range, epoch milliseconds, inclusive (rounded down to a period boundary)
 * @param endTime       the end of the range, epoch milliseconds, exclusive
 * @param periodSeconds the period: 1, 5, 10, 20, 30 or a multiple of 60 (GetMetricStatistics' periods)
 * @param statistics    the statistics wanted, without duplicates, in the order given; at most 10 extended ones
 * @param unit          only data published with this unit; empty for every unit (each reported separately)
 */
public record StatisticsQuery(long startTime, long endTime, int periodSeconds, List<Statistic> statistics,
                              Optional<StandardUnit> unit) {

    /** GetMetricStatistics' limit on ExtendedStatistics in one request. */
    public static final int MAX_EXTENDED_STATISTICS = 10;

    /**
     * Checks the request as GetMetricStatistics does and removes duplicate statistics.
     *
     * @throws IllegalArgumentException if the range is empty, the period is not one CloudWatch accepts, no statistic
     *                                  is given or more than {@value #MAX_EXTENDED_STATISTICS} extended ones are
     */
    public StatisticsQuery {
        Objects.requireNonNull(statistics, "statistics");
        Objects.requireNonNull(unit, "unit");
        if (endTime <= startTime) {
            throw new IllegalArgumentException("the end time " + endTime + " must be after the start time "
                    + startTime);
        }
        if (!Periods.isMetricPeriod(periodSeconds)) {
            throw new IllegalArgumentException("a period of " + periodSeconds
                    + " s is not one CloudWatch accepts: 1, 5, 10, 20, 30 or a multiple of 60");
        }
        List<Statistic> distinct = new ArrayList<>(new LinkedHashSet<>(statistics));
        if (distinct.isEmpty()) {
            throw new IllegalArgumentException("at least one statistic is needed");
        }
        for (Statistic s : distinct) {
            Objects.requireNonNull(s, "statistics contains null");
        }
        long extended = distinct.stream().filter(Statistic::isExtended).count();
        if (extended > MAX_EXTENDED_STATISTICS) {
            throw new IllegalArgumentException("at most " + MAX_EXTENDED_STATISTICS
                    + " extended statistics per request, not " + extended);
        }
        statistics = List.copyOf(distinct);
    }

    /** A query over every unit. */
    public static StatisticsQuery of(long startTime, long endTime, int periodSeconds, Statistic... statistics) {
        return new StatisticsQuery(startTime, endTime, periodSeconds, List.of(statistics), Optional.empty());
    }

    /** This query restricted to data published with {@code unit}. */
    public StatisticsQuery withUnit(StandardUnit unit) {
        return new StatisticsQuery(startTime, endTime, periodSeconds, statistics, Optional.of(unit));
    }
}
