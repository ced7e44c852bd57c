package dev.cwfilter.metric;

/**
 * What a percentile alarm does with a period that holds too few values for the percentile to be meaningful
 * (PutMetricAlarm's {@code EvaluateLowSampleCountPercentile}). "Too few" is fewer than {@code 10/(1 − p)} values for
 * p in [0.5, 1) and fewer than {@code 10/p} for p in (0, 0.5), p being the percentile as a fraction: fewer than 1,000
 * values for p99. Applies only to alarms on a {@link Statistic.Percentile}. Immutable and thread-safe.
 */
public enum LowSampleCountPercentile {
    /** {@code evaluate}, the default: evaluate the alarm whatever the sample count. */
    EVALUATE("evaluate"),
    /** {@code ignore}: while the newest period holds too few values, leave the alarm's state as it is. */
    IGNORE("ignore");

    private final String awsName;

    LowSampleCountPercentile(String awsName) {
        this.awsName = awsName;
    }

    /** The value as the CloudWatch API writes it. */
    public String awsName() {
        return awsName;
    }

    /**
     * The setting with the given CloudWatch name.
     *
     * @throws IllegalArgumentException unless the name is {@code evaluate} or {@code ignore}
     */
    public static LowSampleCountPercentile fromAwsName(String name) {
        for (LowSampleCountPercentile v : values()) {
            if (v.awsName.equals(name)) {
                return v;
            }
        }
        throw new IllegalArgumentException("unknown EvaluateLowSampleCountPercentile '" + name
                + "': expected evaluate or ignore");
    }

    @Override
    public String toString() {
        return awsName;
    }
}
