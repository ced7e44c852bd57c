package dev.cwfilter.definitions;

import dev.cwfilter.StandardUnit;
import dev.cwfilter.metric.AlarmComparisonOperator;
import dev.cwfilter.metric.LowSampleCountPercentile;
import dev.cwfilter.metric.MetricAlarm;
import dev.cwfilter.metric.Statistic;
import dev.cwfilter.metric.TreatMissingData;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A metric alarm as the CloudWatch API describes it ({@code MetricAlarm} of {@code DescribeAlarms}), field for field
 * with the API's names (lower-camel, as the AWS SDK's getters spell them), and the one place where such a description
 * becomes a cwfilter {@link MetricAlarm}: {@link DescribeAlarms} fills it from the AWS CLI's JSON; code holding the AWS
 * SDK's response fills it from the SDK's getters. Every rule of the conversion is in {@link #toMetricAlarm()}. Besides
 * the configuration, two fields say which alarm of which account it is and when it was configured, because
 * CloudWatch's SNS message carries them: {@code AlarmArn} (its account and region) and
 * {@code AlarmConfigurationUpdatedTimestamp}. Fields that describe the alarm's state in AWS ({@code StateValue},
 * {@code StateReason}, the state timestamps) are not part of it and are not here.
 *
 * <p>Immutable and thread-safe.
 *
 * @param alarmName                        required
 * @param alarmArn                         {@code arn:aws:cloudwatch:REGION:ACCOUNT:alarm:NAME} with this name, or
 *                                         null (an alarm not yet deployed)
 * @param alarmDescription                 or null
 * @param alarmConfigurationUpdatedTimestamp when PutMetricAlarm last configured it, or null (unknown)
 * @param actionsEnabled                   or null (true)
 * @param okActions                        or null
 * @param alarmActions                     or null
 * @param insufficientDataActions          or null
 * @param metricName                       the metric's name; required for a single-metric alarm
 * @param namespace                        the metric's namespace; required for a single-metric alarm
 * @param statistic                        {@code SampleCount}, {@code Average}, {@code Sum}, {@code Minimum},
 *                                         {@code Maximum}, or null when {@code extendedStatistic} is set
 * @param extendedStatistic                {@code p99}, {@code TM(10%:90%)}, ..., or null
 * @param dimensions                       the metric's dimensions, or null
 * @param period                           seconds; required
 * @param unit                             the unit's API name, or null
 * @param evaluationPeriods                N; required
 * @param datapointsToAlarm                M, or null (N)
 * @param threshold                        required (absent only for anomaly-detection alarms, which are unsupported)
 * @param comparisonOperator               required
 * @param treatMissingData                 {@code missing}, {@code notBreaching}, {@code breaching},
 *                                         {@code ignore}, or null ({@code missing})
 * @param evaluateLowSampleCountPercentile {@code evaluate}, {@code ignore}, or null
 * @param metrics                          the {@code Id}s of the metric-math queries ({@code Metrics}), or null: a
 *                                         metric-math alarm, unsupported
 * @param thresholdMetricId                or null: an anomaly-detection alarm, unsupported
 * @param evaluationCriteria               whether {@code EvaluationCriteria} is set (a query alarm), unsupported
 */
public record MetricAlarmFields(String alarmName, String alarmArn, String alarmDescription,
                                Instant alarmConfigurationUpdatedTimestamp, Boolean actionsEnabled,
                                List<String> okActions, List<String> alarmActions,
                                List<String> insufficientDataActions, String metricName, String namespace,
                                String statistic, String extendedStatistic, List<DimensionFields> dimensions,
                                Integer period, String unit, Integer evaluationPeriods, Integer datapointsToAlarm,
                                Double threshold, String comparisonOperator, String treatMissingData,
                                String evaluateLowSampleCountPercentile, List<String> metrics,
                                String thresholdMetricId, boolean evaluationCriteria) {

    /** The comparison operators of anomaly-detection alarms, which compare with a band, not a threshold. */
    static final Set<String> BAND_OPERATORS = Set.of("LessThanLowerOrGreaterThanUpperThreshold",
            "LessThanLowerThreshold", "GreaterThanUpperThreshold");

    /**
     * A {@code Dimension}: {@code Name} and {@code Value}.
     *
     * @param name  the dimension's name
     * @param value its value
     */
    public record DimensionFields(String name, String value) {
    }

    /** Copies the lists. */
    public MetricAlarmFields {
        okActions = okActions == null ? null : List.copyOf(okActions);
        alarmActions = alarmActions == null ? null : List.copyOf(alarmActions);
        insufficientDataActions = insufficientDataActions == null ? null : List.copyOf(insufficientDataActions);
        dimensions = dimensions == null ? null : List.copyOf(dimensions);
        metrics = metrics == null ? null : List.copyOf(metrics);
    }

    /**
     * The alarm, validated as PutMetricAlarm validates it.
     *
     * <ul>
     *   <li>metric-math alarms ({@code metrics}), anomaly-detection alarms ({@code thresholdMetricId}, band
     *       operators) and query alarms ({@code evaluationCriteria}) are rejected as unsupported: cwfilter evaluates
     *       alarms on one metric with a static threshold;</li>
     *   <li>exactly one of {@code statistic} and {@code extendedStatistic};</li>
     *   <li>{@code namespace}, {@code metricName}, {@code period}, {@code evaluationPeriods}, {@code threshold} and
     *       {@code comparisonOperator} are required; dimension names are unique;</li>
     *   <li>the ARN must name this alarm (any account, region and partition);</li>
     *   <li>everything else as given, checked by {@link MetricAlarm.Builder#build()}.</li>
     * </ul>
     *
     * @throws IllegalArgumentException naming what is missing, out of range or unsupported
     */
    public MetricAlarm toMetricAlarm() {
        if (alarmName == null) {
            throw new IllegalArgumentException("AlarmName is missing");
        }
        if (metrics != null && !metrics.isEmpty()) {
            throw new IllegalArgumentException("unsupported: a metric-math alarm (Metrics " + metrics + "); cwfilter"
                    + " evaluates alarms on one metric");
        }
        if (thresholdMetricId != null || comparisonOperator != null && BAND_OPERATORS.contains(comparisonOperator)) {
            throw new IllegalArgumentException("unsupported: an anomaly-detection alarm; cwfilter evaluates static"
                    + " thresholds");
        }
        if (evaluationCriteria) {
            throw new IllegalArgumentException("unsupported: an alarm with EvaluationCriteria (a query alarm)");
        }
        if (namespace == null || metricName == null) {
            throw new IllegalArgumentException("Namespace and MetricName are required");
        }
        if ((statistic == null) == (extendedStatistic == null)) {
            throw new IllegalArgumentException("exactly one of Statistic and ExtendedStatistic is required");
        }
        if (statistic != null && !Set.of("SampleCount", "Average", "Sum", "Minimum", "Maximum").contains(statistic)) {
            throw new IllegalArgumentException("Statistic '" + statistic + "' is not one of SampleCount, Average,"
                    + " Sum, Minimum, Maximum (percentiles go in ExtendedStatistic)");
        }
        Statistic stat = Statistic.parse(statistic != null ? statistic : extendedStatistic);
        if (extendedStatistic != null && !stat.isExtended()) {
            throw new IllegalArgumentException("ExtendedStatistic '" + extendedStatistic + "' is a basic statistic"
                    + " (it goes in Statistic)");
        }
        if (period == null || evaluationPeriods == null || threshold == null || comparisonOperator == null) {
            throw new IllegalArgumentException("Period, EvaluationPeriods, Threshold and ComparisonOperator are"
                    + " required");
        }
        Map<String, String> dims = new LinkedHashMap<>();
        if (dimensions != null) {
            for (DimensionFields d : dimensions) {
                if (d == null || d.name() == null || d.value() == null) {
                    throw new IllegalArgumentException("each of Dimensions needs a Name and a Value");
                }
                if (dims.put(d.name(), d.value()) != null) {
                    throw new IllegalArgumentException("dimension '" + d.name() + "' is given twice");
                }
            }
        }
        MetricAlarm.Builder b = MetricAlarm.builder().alarmName(alarmName).alarmDescription(alarmDescription)
                .namespace(namespace).metricName(metricName).dimensions(dims).statistic(stat).periodSeconds(period)
                .evaluationPeriods(evaluationPeriods).threshold(threshold)
                .comparisonOperator(AlarmComparisonOperator.fromAwsName(comparisonOperator));
        if (datapointsToAlarm != null) {
            b.datapointsToAlarm(datapointsToAlarm);
        }
        if (treatMissingData != null) {
            b.treatMissingData(TreatMissingData.fromAwsName(treatMissingData));
        }
        if (evaluateLowSampleCountPercentile != null) {
            b.evaluateLowSampleCountPercentile(LowSampleCountPercentile.fromAwsName(evaluateLowSampleCountPercentile));
        }
        if (unit != null) {
            b.unit(StandardUnit.fromAwsName(unit));
        }
        if (actionsEnabled != null) {
            b.actionsEnabled(actionsEnabled);
        }
        if (okActions != null) {
            b.okActions(okActions);
        }
        if (alarmActions != null) {
            b.alarmActions(alarmActions);
        }
        if (insufficientDataActions != null) {
            b.insufficientDataActions(insufficientDataActions);
        }
        if (alarmArn != null) {
            b.alarmArn(alarmArn);
        }
        if (alarmConfigurationUpdatedTimestamp != null) {
            b.alarmConfigurationUpdatedTimestamp(alarmConfigurationUpdatedTimestamp.toEpochMilli());
        }
        return b.build();
    }
}
