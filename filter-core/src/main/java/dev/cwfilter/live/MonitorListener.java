package dev.cwfilter.live;

import dev.cwfilter.LogEvent;
import dev.cwfilter.SubscriptionFilter;
import dev.cwfilter.metric.MetricId;
import dev.cwfilter.metric.PeriodStatistics;

/**
 * What a {@link LogGroupMonitor} tells besides alarm transitions (which go to
 * {@link dev.cwfilter.metric.AlarmListener}s). Every method is called on the monitor's own thread, one call at a time,
 * in time order; implementations need not be thread-safe but should return quickly (the monitor waits). A method that
 * throws is reported ({@link #listenerFailed}) and does not stop the monitor.
 */
public interface MonitorListener {

    /**
     * A period of a metric is complete (the watermark passed its end): its statistics, as GetMetricStatistics would
     * report them for the monitor's datapoint statistics. One call per unit the period holds data in.
     */
    default void datapoint(MetricId metric, PeriodStatistics statistics) {
    }

    /**
     * An event arrived after the watermark but within the horizon ({@link LatenessRule.Verdict#LATE}): it counts from
     * now on, but datapoints published and evaluations made before are not revised.
     *
     * @param watermark the watermark when it arrived
     */
    default void late(LogEvent event, long watermark) {
    }

    /** A subscription filter matched an event: CloudWatch would deliver it to the filter's destination. */
    default void delivered(SubscriptionFilter filter, LogEvent event) {
    }

    /** Something was dropped: an event, or a datapoint that could not be stored. */
    default void rejected(Rejection rejection) {
    }

    /** An event given as bytes was not valid UTF-8: it was evaluated as decoded, with U+FFFD for each bad sequence. */
    default void invalidUtf8(LogEvent decoded) {
    }

    /**
     * A listener threw: an {@link dev.cwfilter.metric.AlarmListener} told of a transition, or this listener itself.
     * The other listeners were still told and the monitor goes on.
     *
     * @param listener the listener that threw
     * @param failure  what it threw
     */
    default void listenerFailed(Object listener, RuntimeException failure) {
    }
}
