package dev.cwfilter.metric;

/**
 * How a metric alarm treats periods without data when fewer real datapoints than EvaluationPeriods are in its
 * evaluation range (PutMetricAlarm's {@code TreatMissingData}). Immutable and thread-safe.
 */
public enum TreatMissingData {
    /**
     * {@code missing}, the default: missing periods decide nothing; with no data at all the alarm goes to
     * INSUFFICIENT_DATA.
     */
    MISSING("missing"),
    /** {@code notBreaching}: missing periods count as within the threshold. */
    NOT_BREACHING("notBreaching"),
    /** {@code breaching}: missing periods count as breaching. */
    BREACHING("breaching"),
    /** {@code ignore}: missing periods decide nothing; with no data at all the alarm keeps its state. */
    IGNORE("ignore");

    private final String awsName;

    TreatMissingData(String awsName) {
        this.awsName = awsName;
    }

    /** The value as the CloudWatch API writes it, such as {@code notBreaching}. */
    public String awsName() {
        return awsName;
    }

    /**
     * The treatment with the given CloudWatch name.
     *
     * @throws IllegalArgumentException if no treatment has that name
     */
    public static TreatMissingData fromAwsName(String name) {
        for (TreatMissingData t : values()) {
            if (t.awsName.equals(name)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown TreatMissingData '" + name
                + "': expected missing, notBreaching, breaching or ignore");
    }

    @Override
    public String toString() {
        return awsName;
    }
}
