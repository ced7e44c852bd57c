package dev.cwfilter.metric;

/**
 * How a metric alarm compares a period's statistic with its static threshold (PutMetricAlarm's
 * {@code ComparisonOperator}; the anomaly-detection band operators are not supported). A period breaches when
 * {@code statistic OPERATOR threshold} holds. Immutable and thread-safe.
 */
public enum AlarmComparisonOperator {
    /** {@code statistic >= threshold}. */
    GREATER_THAN_OR_EQUAL_TO_THRESHOLD("GreaterThanOrEqualToThreshold", "greater than or equal to"),
    /** {@code statistic > threshold}. */
    GREATER_THAN_THRESHOLD("GreaterThanThreshold", "greater than"),
    /** {@code statistic < threshold}. */
    LESS_THAN_THRESHOLD("LessThanThreshold", "less than"),
    /** {@code statistic <= threshold}. */
    LESS_THAN_OR_EQUAL_TO_THRESHOLD("LessThanOrEqualToThreshold", "less than or equal to");

    private final String awsName;
    private final String phrase;

    AlarmComparisonOperator(String awsName, String phrase) {
        this.awsName = awsName;
        this.phrase = phrase;
    }

    /** The operator as the CloudWatch API writes it, such as {@code GreaterThanThreshold}. */
    public String awsName() {
        return awsName;
    }

    /** The words CloudWatch's state reasons use for the operator, such as {@code greater than or equal to}. */
    public String phrase() {
        return phrase;
    }

    /** Whether a period with this statistic value breaches the threshold. */
    public boolean breaches(double value, double threshold) {
        return switch (this) {
            case GREATER_THAN_OR_EQUAL_TO_THRESHOLD -> value >= threshold;
            case GREATER_THAN_THRESHOLD -> value > threshold;
            case LESS_THAN_THRESHOLD -> value < threshold;
            case LESS_THAN_OR_EQUAL_TO_THRESHOLD -> value <= threshold;
        };
    }

    /**
     * The operator with the given CloudWatch name.
     *
     * @throws IllegalArgumentException if no supported operator has that name
     */
    public static AlarmComparisonOperator fromAwsName(String name) {
        for (AlarmComparisonOperator op : values()) {
            if (op.awsName.equals(name)) {
                return op;
            }
        }
        throw new IllegalArgumentException("unsupported comparison operator '" + name
                + "': expected GreaterThanOrEqualToThreshold, GreaterThanThreshold, LessThanThreshold or "
                + "LessThanOrEqualToThreshold");
    }

    @Override
    public String toString() {
        return awsName;
    }
}
