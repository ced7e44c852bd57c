package dev.cwfilter.live;

import java.util.OptionalLong;

/**
 * A snapshot of a {@link LogGroupMonitor}'s counters. Every event the monitor received is in exactly one of
 * {@link #onTime}, {@link #late}, {@link #tooLate}, {@link #tooFarAhead}, {@link #oversized} and {@link #malformed}
 * once it has been processed ({@link #processed()} equals {@link #received()} after
 * {@link LogGroupMonitor#sync()}): nothing is dropped without being counted. Immutable.
 *
 * @param received          events taken by {@code offer} or {@code put} (not counting refused offers)
 * @param onTime            events at or after the watermark, counted exactly as in a replay
 * @param late              events before the watermark but within the horizon, counted from their arrival on
 * @param tooLate           events before the horizon, dropped
 * @param tooFarAhead       events too far ahead of now, dropped
 * @param oversized         events larger than the maximum event size, dropped
 * @param malformed         events CloudWatch would refuse (empty messages), dropped
 * @param invalidUtf8       events given as bytes that were not valid UTF-8 (evaluated as decoded; also counted in
 *                          one of the above)
 * @param refused           offers refused because the queue was full (the caller kept the event)
 * @param datapoints        datapoints the metric filters published and the monitor stored
 * @param rejectedDatapoints datapoints dropped: a new dimension combination beyond the limit, or a value out of range
 * @param transitions       alarm state transitions
 * @param listenerFailures  listener calls that threw
 * @param watermark         the watermark, if the clock has a time yet
 * @param queued            events and commands waiting in the queue
 */
public record MonitorStats(long received, long onTime, long late, long tooLate, long tooFarAhead, long oversized,
                           long malformed, long invalidUtf8, long refused, long datapoints, long rejectedDatapoints,
                           long transitions, long listenerFailures, OptionalLong watermark, int queued) {

    /** Events processed so far: the sum of the six outcomes. */
    public long processed() {
        return onTime + late + tooLate + tooFarAhead + oversized + malformed;
    }

    /** Events received and dropped (too late, too far ahead, oversized, malformed). */
    public long dropped() {
        return tooLate + tooFarAhead + oversized + malformed;
    }
}
