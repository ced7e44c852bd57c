package dev.cwfilter.metric;

import dev.cwfilter.StandardUnit;
import dev.cwfilter.internal.stats.Periods;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The configuration of a CloudWatch metric alarm with a static threshold, as PutMetricAlarm takes it and checks it.
 * Evaluate it with an {@link AlarmEvaluator}.
 *
 * <p>The alarm breaches a period when {@code statistic OPERATOR threshold}; it goes to ALARM when at least
 * {@link #datapointsToAlarm()} (M) of the last {@link #evaluationPeriods()} (N) datapoints breach, looking at an
 * evaluation range of {@link #evaluationRangePeriods() N + 2} periods and treating missing periods as
 * {@link #treatMissingData()} says.
 *
 * <p>An alarm read from an account also knows what DescribeAlarms says of it beyond its configuration: its
 * {@link #alarmArn() ARN} (which names its account and region) and when it was
 * {@link #alarmConfigurationUpdatedTimestamp() last configured}; and whether DatapointsToAlarm and
 * EvaluateLowSampleCountPercentile were set or left to their defaults, which CloudWatch's notifications tell apart.
 *
 * <p>Immutable and thread-safe.
 */
public final class MetricAlarm {

    /** PutMetricAlarm's limit on the number of dimensions. */
    public static final int MAX_DIMENSIONS = 30;
    /** PutMetricAlarm's limit on the number of actions for each state. */
    public static final int MAX_ACTIONS_PER_STATE = 5;

    private static final Pattern ALARM_ARN = Pattern.compile(
            "arn:(aws[a-z-]*):cloudwatch:([a-z]{2}(?:-[a-z]+)+-\\d+):(\\d{12}):alarm:(.+)", Pattern.DOTALL);

    private final String alarmName;
    private final Optional<String> alarmDescription;
    private final String namespace;
    private final String metricName;
    private final Map<String, String> dimensions;
    private final Statistic statistic;
    private final int periodSeconds;
    private final int evaluationPeriods;
    private final int datapointsToAlarm;
    private final double threshold;
    private final AlarmComparisonOperator comparisonOperator;
    private final TreatMissingData treatMissingData;
    private final LowSampleCountPercentile evaluateLowSampleCountPercentile;
    private final Optional<StandardUnit> unit;
    private final boolean actionsEnabled;
    private final List<String> okActions;
    private final List<String> alarmActions;
    private final List<String> insufficientDataActions;
    private final Optional<String> alarmArn;
    private final OptionalLong alarmConfigurationUpdatedTimestamp;
    private final boolean datapointsToAlarmSet;
    private final boolean evaluateLowSampleCountPercentileSet;

    private MetricAlarm(Builder b) {
        alarmName = required(b.alarmName, "alarmName");
        checkLength("alarmName", alarmName, 1, 255);
        alarmDescription = Optional.ofNullable(b.alarmDescription);
        alarmDescription.ifPresent(d -> checkLength("alarmDescription", d, 0, 1024));
        namespace = required(b.namespace, "namespace");
        checkLength("namespace", namespace, 1, 255);
        metricName = required(b.metricName, "metricName");
        checkLength("metricName", metricName, 1, 255);
        dimensions = b.dimensions;
        if (dimensions.size() > MAX_DIMENSIONS) {
            throw new IllegalArgumentException("an alarm has at most " + MAX_DIMENSIONS + " dimensions, not "
                    + dimensions.size());
        }
        dimensions.forEach((name, value) -> {
            checkLength("dimension name", name, 1, 255);
            checkLength("dimension value", value, 1, 1024);
        });
        statistic = required(b.statistic, "statistic");
        periodSeconds = b.periodSeconds;
        if (!Periods.isAlarmPeriod(periodSeconds)) {
            throw new IllegalArgumentException("an alarm period of " + periodSeconds
                    + " s is not valid: 10, 20, 30 or a multiple of 60");
        }
        evaluationPeriods = b.evaluationPeriods;
        if (evaluationPeriods < 1) {
            throw new IllegalArgumentException("evaluationPeriods must be at least 1, not " + evaluationPeriods);
        }
        long maxSeconds = periodSeconds < 3600 ? Periods.MAX_EVALUATION_SECONDS_SHORT_PERIODS
                : Periods.MAX_EVALUATION_SECONDS_LONG_PERIODS;
        if ((long) periodSeconds * evaluationPeriods > maxSeconds) {
            throw new IllegalArgumentException("period × evaluationPeriods = " + periodSeconds + " × "
                    + evaluationPeriods + " s exceeds the limit of " + maxSeconds + " s for "
                    + (periodSeconds < 3600 ? "periods under an hour" : "periods of an hour or more"));
        }
        datapointsToAlarmSet = b.datapointsToAlarm != 0;
        datapointsToAlarm = datapointsToAlarmSet ? b.datapointsToAlarm : evaluationPeriods;
        if (datapointsToAlarm < 1 || datapointsToAlarm > evaluationPeriods) {
            throw new IllegalArgumentException("datapointsToAlarm must be between 1 and evaluationPeriods ("
                    + evaluationPeriods + "), not " + datapointsToAlarm);
        }
        if (b.threshold == null) {
            throw new IllegalArgumentException("threshold is required");
        }
        threshold = b.threshold;
        if (Double.isNaN(threshold) || Double.isInfinite(threshold)) {
            throw new IllegalArgumentException("the threshold must be a finite number, not " + threshold);
        }
        comparisonOperator = required(b.comparisonOperator, "comparisonOperator");
        treatMissingData = b.treatMissingData;
        evaluateLowSampleCountPercentile = b.evaluateLowSampleCountPercentile;
        evaluateLowSampleCountPercentileSet = b.evaluateLowSampleCountPercentileSet;
        unit = Optional.ofNullable(b.unit);
        actionsEnabled = b.actionsEnabled;
        okActions = actions("okActions", b.okActions);
        alarmActions = actions("alarmActions", b.alarmActions);
        insufficientDataActions = actions("insufficientDataActions", b.insufficientDataActions);
        alarmArn = Optional.ofNullable(b.alarmArn);
        alarmArn.ifPresent(arn -> {
            Matcher m = ALARM_ARN.matcher(arn);
            if (!m.matches()) {
                throw new IllegalArgumentException("'" + arn + "' is not an alarm ARN such as"
                        + " arn:aws:cloudwatch:us-east-1:123456789012:alarm:NAME");
            }
            if (!m.group(4).equals(alarmName)) {
                throw new IllegalArgumentException("the alarm ARN '" + arn + "' names the alarm '" + m.group(4)
                        + "', not '" + alarmName + "'");
            }
        });
        alarmConfigurationUpdatedTimestamp = b.alarmConfigurationUpdatedTimestamp;
    }

    /**
     * A builder with the PutMetricAlarm defaults; name, namespace, metric name, statistic, period, evaluation periods,
     * threshold and comparison operator must be set.
     */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this alarm's configuration. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** The alarm's name, unique in an account and region. */
    public String alarmName() {
        return alarmName;
    }

    /** The alarm's description, if any. */
    public Optional<String> alarmDescription() {
        return alarmDescription;
    }

    /** The metric's namespace. */
    public String namespace() {
        return namespace;
    }

    /** The metric's name. */
    public String metricName() {
        return metricName;
    }

    /** The metric's dimensions, in the order they were given (CloudWatch's notifications list them in that order). */
    public Map<String, String> dimensions() {
        return dimensions;
    }

    /** The statistic compared with the threshold: a basic one (Statistic) or an extended one (ExtendedStatistic). */
    public Statistic statistic() {
        return statistic;
    }

    /** The period in seconds: 10, 20, 30 or a multiple of 60. */
    public int periodSeconds() {
        return periodSeconds;
    }

    /** N: how many of the most recent datapoints are evaluated. */
    public int evaluationPeriods() {
        return evaluationPeriods;
    }

    /** M: how many of the N datapoints must breach for ALARM; N unless set. */
    public int datapointsToAlarm() {
        return datapointsToAlarm;
    }

    /**
     * Whether DatapointsToAlarm was set, rather than left to default to N: DescribeAlarms and the SNS notification
     * show the field only when it was.
     */
    public boolean isDatapointsToAlarmSet() {
        return datapointsToAlarmSet;
    }

    /** The number of periods the alarm looks back at each evaluation: {@code evaluationPeriods + 2}. */
    public int evaluationRangePeriods() {
        return evaluationPeriods + 2;
    }

    /** The static threshold. */
    public double threshold() {
        return threshold;
    }

    /** How the statistic is compared with the threshold. */
    public AlarmComparisonOperator comparisonOperator() {
        return comparisonOperator;
    }

    /** How missing data is treated; {@link TreatMissingData#MISSING} unless set. */
    public TreatMissingData treatMissingData() {
        return treatMissingData;
    }

    /**
     * What a percentile alarm does with periods of few values; {@link LowSampleCountPercentile#EVALUATE} unless set.
     */
    public LowSampleCountPercentile evaluateLowSampleCountPercentile() {
        return evaluateLowSampleCountPercentile;
    }

    /**
     * Whether EvaluateLowSampleCountPercentile was set, rather than left to its default: the SNS notification shows
     * an empty string when it was not.
     */
    public boolean isEvaluateLowSampleCountPercentileSet() {
        return evaluateLowSampleCountPercentileSet;
    }

    /** The unit of the data evaluated, if set; otherwise data of every unit is evaluated together. */
    public Optional<StandardUnit> unit() {
        return unit;
    }

    /** Whether actions run on state changes; true unless set. */
    public boolean actionsEnabled() {
        return actionsEnabled;
    }

    /** The actions for a transition to OK. */
    public List<String> okActions() {
        return okActions;
    }

    /** The actions for a transition to ALARM. */
    public List<String> alarmActions() {
        return alarmActions;
    }

    /** The actions for a transition to INSUFFICIENT_DATA. */
    public List<String> insufficientDataActions() {
        return insufficientDataActions;
    }

    /**
     * The alarm's ARN, {@code arn:aws:cloudwatch:REGION:ACCOUNT:alarm:NAME}, if known (DescribeAlarms gives it; an
     * alarm configured offline has none unless one is set).
     */
    public Optional<String> alarmArn() {
        return alarmArn;
    }

    /** The region named by the alarm's ARN, if it has one. */
    public Optional<String> region() {
        return alarmArn.map(arn -> arnPart(arn, 2));
    }

    /** The 12-digit account ID named by the alarm's ARN, if it has one. */
    public Optional<String> accountId() {
        return alarmArn.map(arn -> arnPart(arn, 3));
    }

    /**
     * When the alarm's configuration was last updated (its last PutMetricAlarm), epoch milliseconds, if known:
     * DescribeAlarms' {@code AlarmConfigurationUpdatedTimestamp}.
     */
    public OptionalLong alarmConfigurationUpdatedTimestamp() {
        return alarmConfigurationUpdatedTimestamp;
    }

    private static String arnPart(String arn, int group) {
        Matcher m = ALARM_ARN.matcher(arn);
        if (!m.matches()) {
            throw new IllegalStateException("checked when built: " + arn);
        }
        return m.group(group);
    }

    /** The actions configured for a transition to {@code state}, whether or not actions are enabled. */
    public List<String> actionsFor(AlarmState state) {
        return switch (state) {
            case OK -> okActions;
            case ALARM -> alarmActions;
            case INSUFFICIENT_DATA -> insufficientDataActions;
        };
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof MetricAlarm a)) {
            return false;
        }
        return periodSeconds == a.periodSeconds && evaluationPeriods == a.evaluationPeriods
                && datapointsToAlarm == a.datapointsToAlarm && Double.compare(threshold, a.threshold) == 0
                && actionsEnabled == a.actionsEnabled && alarmName.equals(a.alarmName)
                && alarmDescription.equals(a.alarmDescription) && namespace.equals(a.namespace)
                && metricName.equals(a.metricName) && dimensions.equals(a.dimensions)
                && statistic.equals(a.statistic) && comparisonOperator == a.comparisonOperator
                && treatMissingData == a.treatMissingData
                && evaluateLowSampleCountPercentile == a.evaluateLowSampleCountPercentile && unit.equals(a.unit)
                && okActions.equals(a.okActions) && alarmActions.equals(a.alarmActions)
                && insufficientDataActions.equals(a.insufficientDataActions)
                && datapointsToAlarmSet == a.datapointsToAlarmSet
                && evaluateLowSampleCountPercentileSet == a.evaluateLowSampleCountPercentileSet
                && alarmArn.equals(a.alarmArn)
                && alarmConfigurationUpdatedTimestamp.equals(a.alarmConfigurationUpdatedTimestamp);
    }

    @Override
    public int hashCode() {
        return Objects.hash(alarmName, alarmDescription, namespace, metricName, dimensions, statistic, periodSeconds,
                evaluationPeriods, datapointsToAlarm, threshold, comparisonOperator, treatMissingData,
                evaluateLowSampleCountPercentile, unit, actionsEnabled, okActions, alarmActions,
                insufficientDataActions, datapointsToAlarmSet, evaluateLowSampleCountPercentileSet, alarmArn,
                alarmConfigurationUpdatedTimestamp);
    }

    @Override
    public String toString() {
        return "MetricAlarm[" + alarmName + ": " + namespace + "/" + metricName + dimensions + " " + statistic
                + " " + comparisonOperator + " " + threshold + ", " + datapointsToAlarm + " of " + evaluationPeriods
                + " × " + periodSeconds + " s, treatMissingData=" + treatMissingData + "]";
    }

    private static <T> T required(T value, String name) {
        if (value == null) {
            throw new IllegalArgumentException(name + " is required");
        }
        return value;
    }

    private static void checkLength(String what, String value, int min, int max) {
        if (value.length() < min || value.length() > max) {
            throw new IllegalArgumentException("the " + what + " must be " + min + " to " + max
                    + " characters long, not " + value.length());
        }
    }

    private static List<String> actions(String what, List<String> actions) {
        List<String> copy = List.copyOf(actions);
        if (copy.size() > MAX_ACTIONS_PER_STATE) {
            throw new IllegalArgumentException(what + " holds at most " + MAX_ACTIONS_PER_STATE + " actions, not "
                    + copy.size());
        }
        for (String action : copy) {
            checkLength(what + " entry", action, 1, 1024);
        }
        return copy;
    }

    /**
     * Builds a {@link MetricAlarm}, checking the configuration as PutMetricAlarm does when {@link #build()} is
     * called. Not thread-safe.
     */
    public static final class Builder {

        private String alarmName;
        private String alarmDescription;
        private String namespace;
        private String metricName;
        private Map<String, String> dimensions = Map.of();
        private Statistic statistic;
        private int periodSeconds;
        private int evaluationPeriods;
        private int datapointsToAlarm;
        private Double threshold;
        private AlarmComparisonOperator comparisonOperator;
        private TreatMissingData treatMissingData = TreatMissingData.MISSING;
        private LowSampleCountPercentile evaluateLowSampleCountPercentile = LowSampleCountPercentile.EVALUATE;
        private StandardUnit unit;
        private boolean actionsEnabled = true;
        private List<String> okActions = List.of();
        private List<String> alarmActions = List.of();
        private List<String> insufficientDataActions = List.of();
        private boolean evaluateLowSampleCountPercentileSet;
        private String alarmArn;
        private OptionalLong alarmConfigurationUpdatedTimestamp = OptionalLong.empty();

        private Builder() {
        }

        private Builder(MetricAlarm a) {
            alarmName = a.alarmName;
            alarmDescription = a.alarmDescription.orElse(null);
            namespace = a.namespace;
            metricName = a.metricName;
            dimensions = a.dimensions;
            statistic = a.statistic;
            periodSeconds = a.periodSeconds;
            evaluationPeriods = a.evaluationPeriods;
            datapointsToAlarm = a.datapointsToAlarmSet ? a.datapointsToAlarm : 0;
            threshold = a.threshold;
            comparisonOperator = a.comparisonOperator;
            treatMissingData = a.treatMissingData;
            evaluateLowSampleCountPercentile = a.evaluateLowSampleCountPercentile;
            evaluateLowSampleCountPercentileSet = a.evaluateLowSampleCountPercentileSet;
            unit = a.unit.orElse(null);
            actionsEnabled = a.actionsEnabled;
            okActions = a.okActions;
            alarmActions = a.alarmActions;
            insufficientDataActions = a.insufficientDataActions;
            alarmArn = a.alarmArn.orElse(null);
            alarmConfigurationUpdatedTimestamp = a.alarmConfigurationUpdatedTimestamp;
        }

        /** The alarm's name (1 to 255 characters). Required. */
        public Builder alarmName(String alarmName) {
            this.alarmName = Objects.requireNonNull(alarmName, "alarmName");
            return this;
        }

        /** The alarm's description (up to 1,024 characters); null for none. */
        public Builder alarmDescription(String alarmDescription) {
            this.alarmDescription = alarmDescription;
            return this;
        }

        /** The metric's namespace. Required. */
        public Builder namespace(String namespace) {
            this.namespace = Objects.requireNonNull(namespace, "namespace");
            return this;
        }

        /** The metric's name. Required. */
        public Builder metricName(String metricName) {
            this.metricName = Objects.requireNonNull(metricName, "metricName");
            return this;
        }

        /** The metric's dimensions (at most 30), kept in the map's iteration order. Default none. */
        public Builder dimensions(Map<String, String> dimensions) {
            Map<String, String> copy = new LinkedHashMap<>();
            dimensions.forEach((name, value) -> copy.put(Objects.requireNonNull(name, "dimension name"),
                    Objects.requireNonNull(value, "dimension value")));
            this.dimensions = Collections.unmodifiableMap(copy);
            return this;
        }

        /** The statistic, basic or extended. Required. */
        public Builder statistic(Statistic statistic) {
            this.statistic = Objects.requireNonNull(statistic, "statistic");
            return this;
        }

        /**
         * The statistic by its CloudWatch name, such as {@code Sum} or {@code p99}.
         *
         * @throws IllegalArgumentException if the name is not a statistic
         */
        public Builder statistic(String statisticName) {
            return statistic(Statistic.parse(statisticName));
        }

        /** The period in seconds: 10, 20, 30 or a multiple of 60. Required. */
        public Builder periodSeconds(int periodSeconds) {
            this.periodSeconds = periodSeconds;
            return this;
        }

        /** N, the number of most recent datapoints evaluated. Required. */
        public Builder evaluationPeriods(int evaluationPeriods) {
            this.evaluationPeriods = evaluationPeriods;
            return this;
        }

        /**
         * M, the number of breaching datapoints among the N that puts the alarm in ALARM. Default N; 0 leaves it
         * unset (N).
         */
        public Builder datapointsToAlarm(int datapointsToAlarm) {
            this.datapointsToAlarm = datapointsToAlarm;
            return this;
        }

        /** The static threshold. Required. */
        public Builder threshold(double threshold) {
            this.threshold = threshold;
            return this;
        }

        /** How the statistic is compared with the threshold. Required. */
        public Builder comparisonOperator(AlarmComparisonOperator comparisonOperator) {
            this.comparisonOperator = Objects.requireNonNull(comparisonOperator, "comparisonOperator");
            return this;
        }

        /** How missing data is treated. Default {@link TreatMissingData#MISSING}. */
        public Builder treatMissingData(TreatMissingData treatMissingData) {
            this.treatMissingData = Objects.requireNonNull(treatMissingData, "treatMissingData");
            return this;
        }

        /**
         * What a percentile alarm does with periods of few values. Default {@link LowSampleCountPercentile#EVALUATE}.
         */
        public Builder evaluateLowSampleCountPercentile(LowSampleCountPercentile setting) {
            this.evaluateLowSampleCountPercentile = Objects.requireNonNull(setting, "setting");
            this.evaluateLowSampleCountPercentileSet = true;
            return this;
        }

        /** Only data with this unit is evaluated; null (the default) evaluates data of every unit together. */
        public Builder unit(StandardUnit unit) {
            this.unit = unit;
            return this;
        }

        /** Whether actions run on state changes. Default true. */
        public Builder actionsEnabled(boolean actionsEnabled) {
            this.actionsEnabled = actionsEnabled;
            return this;
        }

        /** The actions (such as SNS topic ARNs) for a transition to OK; at most 5. */
        public Builder okActions(List<String> actions) {
            this.okActions = List.copyOf(actions);
            return this;
        }

        /** The actions (such as SNS topic ARNs) for a transition to ALARM; at most 5. */
        public Builder alarmActions(List<String> actions) {
            this.alarmActions = List.copyOf(actions);
            return this;
        }

        /** The actions (such as SNS topic ARNs) for a transition to INSUFFICIENT_DATA; at most 5. */
        public Builder insufficientDataActions(List<String> actions) {
            this.insufficientDataActions = List.copyOf(actions);
            return this;
        }

        /**
         * The alarm's ARN, {@code arn:PARTITION:cloudwatch:REGION:ACCOUNT:alarm:NAME} with this alarm's name; null
         * (the default) for none.
         */
        public Builder alarmArn(String alarmArn) {
            this.alarmArn = alarmArn;
            return this;
        }

        /** When the configuration was last updated, epoch milliseconds; empty (the default) when unknown. */
        public Builder alarmConfigurationUpdatedTimestamp(OptionalLong timestamp) {
            this.alarmConfigurationUpdatedTimestamp = Objects.requireNonNull(timestamp, "timestamp");
            return this;
        }

        /** When the configuration was last updated, epoch milliseconds. */
        public Builder alarmConfigurationUpdatedTimestamp(long timestamp) {
            return alarmConfigurationUpdatedTimestamp(OptionalLong.of(timestamp));
        }

        /**
         * The alarm.
         *
         * @throws IllegalArgumentException if a required setting is missing or a setting breaks a PutMetricAlarm rule
         */
        public MetricAlarm build() {
            return new MetricAlarm(this);
        }
    }
}
