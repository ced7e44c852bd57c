package dev.cwfilter.flink;

import dev.cwfilter.metric.PeriodAccumulator;
import dev.cwfilter.metric.Statistic;
import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * The settings both operators of a pipeline share, as plain serializable data. Immutable and thread-safe.
 *
 * @param startTime             the first watermark (every alarm is evaluated at each boundary after it, data or
 *                              not), or {@link Long#MIN_VALUE} for none: each alarm then starts at the end of the
 *                              first period of its metric that holds data, as {@code AlarmEvaluator.replay} does
 * @param datapointPeriodSeconds the period of the published datapoints, a multiple of 60
 * @param statistics            the statistics of each published datapoint, by CloudWatch name
 * @param exactValueLimit       values a period keeps exactly before its sketch takes over
 * @param relativeAccuracy      the sketch's relative accuracy
 * @param maxSketchBins         the sketch's largest number of bins
 * @param maxEventBytes         the largest event, in UTF-8 bytes
 * @param maxBufferedMinutes    how many (metric, minute) entries one task gathers before it sends them all
 * @param summary               whether the operators count what they do for the run's document ({@link RunSummary})
 */
record Settings(long startTime, int datapointPeriodSeconds, ArrayList<String> statistics, int exactValueLimit,
                double relativeAccuracy, int maxSketchBins, int maxEventBytes, int maxBufferedMinutes,
                boolean summary)
        implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    /** No start time. */
    static final long NO_START = Long.MIN_VALUE;

    PeriodAccumulator newAccumulator() {
        return PeriodAccumulator.create(exactValueLimit, relativeAccuracy, maxSketchBins);
    }

    List<Statistic> parsedStatistics() {
        return statistics.stream().map(Statistic::parse).toList();
    }

    boolean hasStart() {
        return startTime != NO_START;
    }
}
