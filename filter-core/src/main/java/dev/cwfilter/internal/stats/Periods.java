package dev.cwfilter.internal.stats;

/** The period lengths CloudWatch accepts, in seconds. Stateless. */
public final class Periods {

    /** PutMetricAlarm's limit on Period × EvaluationPeriods for periods under an hour: one day. */
    public static final long MAX_EVALUATION_SECONDS_SHORT_PERIODS = 86_400;
    /** PutMetricAlarm's limit on Period × EvaluationPeriods for periods of an hour or more: seven days. */
    public static final long MAX_EVALUATION_SECONDS_LONG_PERIODS = 604_800;

    private Periods() {
    }

    /** GetMetricStatistics' periods: 1, 5, 10, 20, 30 or any multiple of 60. */
    public static boolean isMetricPeriod(long seconds) {
        return seconds == 1 || seconds == 5 || seconds == 10 || seconds == 20 || seconds == 30
                || (seconds > 0 && seconds % 60 == 0);
    }

    /**
     * The storage resolutions an aggregator accepts: PutMetricData's two StorageResolution values, 1 (high
     * resolution) and 60 (standard), and coarser roll-ups that are themselves alarm periods (10, 20, 30 and multiples
     * of 60), so that every resolution but 1 s can be alarmed on at its own period. 5 s is a GetMetricStatistics
     * period over 1-second data, not a resolution CloudWatch stores at, and no alarm can use it.
     */
    public static boolean isStorageResolution(long seconds) {
        return seconds == 1 || isAlarmPeriod(seconds);
    }

    /** PutMetricAlarm's periods: 10, 20, 30 or any multiple of 60. */
    public static boolean isAlarmPeriod(long seconds) {
        return seconds == 10 || seconds == 20 || seconds == 30 || (seconds > 0 && seconds % 60 == 0);
    }

    /** The start of the period of length {@code periodMillis} holding {@code time}, aligned to the epoch. */
    public static long periodStart(long time, long periodMillis) {
        return time - Math.floorMod(time, periodMillis);
    }
}
