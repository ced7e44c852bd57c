package dev.cwfilter.metric;

/** The state of a CloudWatch metric alarm. An alarm starts in {@link #INSUFFICIENT_DATA}. Immutable and thread-safe. */
public enum AlarmState {
    /** The metric is within the threshold. */
    OK,
    /** The metric is outside the threshold. */
    ALARM,
    /** The alarm has just started, or there is not enough data to decide. */
    INSUFFICIENT_DATA;

    /** The state as the CloudWatch API writes it; the same as {@link #name()}. */
    public String awsName() {
        return name();
    }

    /**
     * The state with the given CloudWatch name ({@code OK}, {@code ALARM}, {@code INSUFFICIENT_DATA}).
     *
     * @throws IllegalArgumentException if no state has that name
     */
    public static AlarmState fromAwsName(String name) {
        for (AlarmState s : values()) {
            if (s.name().equals(name)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown alarm state '" + name
                + "': expected OK, ALARM or INSUFFICIENT_DATA");
    }
}
