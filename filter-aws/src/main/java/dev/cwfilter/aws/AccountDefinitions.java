package dev.cwfilter.aws;

import dev.cwfilter.FilterOptions;
import dev.cwfilter.FilterPatternException;
import dev.cwfilter.MetricFilter;
import dev.cwfilter.StandardUnit;
import dev.cwfilter.metric.AlarmComparisonOperator;
import dev.cwfilter.metric.LowSampleCountPercentile;
import dev.cwfilter.metric.MetricAlarm;
import dev.cwfilter.metric.TreatMissingData;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.AlarmType;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.MetricTransformation;

/**
 * The metric filters and alarms defined in an account, as cwfilter objects: {@code DescribeMetricFilters} of a log
 * group into {@link MetricFilter}s and {@code DescribeAlarms} into {@link MetricAlarm}s, every page of each.
 *
 * <p>The conversion takes each field the API returns to the builder setting of the same name (AWS-SHAPES.md section
 * 5: the same fields {@code aws logs describe-metric-filters} and {@code aws cloudwatch describe-alarms} print), so
 * that the objects equal those read from that JSON. A definition cwfilter cannot evaluate as CloudWatch would is not
 * converted: it is reported by name with the reason, and the others are converted —
 * <ul>
 *   <li>metric filters: an invalid pattern (with the caret), a transformation count other than one, a filter on
 *       transformed logs ({@code applyOnTransformedLogs}), system-field dimensions
 *       ({@code emitSystemFieldDimensions}), field selection criteria;</li>
 *   <li>alarms: metric-math and anomaly-detection alarms ({@code Metrics}, {@code ThresholdMetricId}), comparison
 *       operators of anomaly bands, settings PutMetricAlarm itself would refuse.</li>
 * </ul>
 * Composite alarms are not asked for.
 *
 * <p>Stateless and thread-safe.
 */
public final class AccountDefinitions {

    private AccountDefinitions() {
    }

    /**
     * Definitions converted, and those that could not be.
     *
     * @param <T>         the type of definition
     * @param definitions the converted definitions, in the API's order
     * @param problems    the others, by name
     */
    public record Result<T>(List<T> definitions, List<Problem> problems) {

        /** Copies the lists. */
        public Result {
            definitions = List.copyOf(definitions);
            problems = List.copyOf(problems);
        }
    }

    /**
     * A definition that was not converted.
     *
     * @param kind    {@code metric filter} or {@code alarm}
     * @param name    its name
     * @param message why, in one line (an invalid pattern's caret on the following lines)
     */
    public record Problem(String kind, String name, String message) {

        /** {@code metric filter "name": message}. */
        public String describe() {
            return kind + " \"" + name + "\": " + message;
        }
    }

    /**
     * The metric filters of a log group, compiled with {@code options}.
     *
     * @throws AwsCallException if DescribeMetricFilters fails (no such log group, access denied, no credentials)
     */
    public static Result<MetricFilter> metricFilters(CloudWatchLogsClient logs, String logGroupName,
                                                     FilterOptions options) {
        Objects.requireNonNull(logGroupName, "logGroupName");
        List<MetricFilter> filters = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        try {
            for (var f : logs.describeMetricFiltersPaginator(b -> b.logGroupName(logGroupName)).metricFilters()) {
                // DescribeMetricFilters with a log group also returns filters of other groups in moto; AWS does not.
                if (f.logGroupName() != null && !f.logGroupName().equals(logGroupName)) {
                    continue;
                }
                try {
                    filters.add(toMetricFilter(f, options));
                } catch (FilterPatternException e) {
                    problems.add(new Problem("metric filter", f.filterName(), e.getMessage()));
                } catch (IllegalArgumentException e) {
                    problems.add(new Problem("metric filter", f.filterName(), e.getMessage()));
                }
            }
        } catch (SdkException e) {
            throw new AwsCallException(AwsErrors.describe("DescribeMetricFilters of log group " + logGroupName, e),
                    e);
        }
        return new Result<>(filters, problems);
    }

    /**
     * One metric filter as DescribeMetricFilters returns it.
     *
     * @throws FilterPatternException   if its pattern is invalid
     * @throws IllegalArgumentException if it is not one cwfilter can evaluate as CloudWatch does
     */
    public static MetricFilter toMetricFilter(software.amazon.awssdk.services.cloudwatchlogs.model.MetricFilter f,
                                              FilterOptions options) {
        if (Boolean.TRUE.equals(f.applyOnTransformedLogs())) {
            throw new IllegalArgumentException("applies to transformed logs (applyOnTransformedLogs), which"
                    + " cwfilter does not reproduce");
        }
        if (f.hasEmitSystemFieldDimensions() && !f.emitSystemFieldDimensions().isEmpty()) {
            throw new IllegalArgumentException("emits system-field dimensions " + f.emitSystemFieldDimensions()
                    + ", which cwfilter does not reproduce");
        }
        if (f.fieldSelectionCriteria() != null && !f.fieldSelectionCriteria().isEmpty()) {
            throw new IllegalArgumentException("has field selection criteria, which cwfilter does not reproduce");
        }
        if (f.metricTransformations().size() != 1) {
            throw new IllegalArgumentException("has " + f.metricTransformations().size()
                    + " metric transformations; a metric filter has exactly one");
        }
        MetricTransformation t = f.metricTransformations().get(0);
        MetricFilter.Builder b = MetricFilter.builder().filterName(f.filterName())
                .filterPattern(f.filterPattern() == null ? "" : f.filterPattern()).options(options)
                .metricNamespace(t.metricNamespace()).metricName(t.metricName()).metricValue(t.metricValue());
        if (t.defaultValue() != null) {
            b.defaultValue(t.defaultValue());
        }
        if (t.hasDimensions()) {
            b.dimensions(new LinkedHashMap<>(t.dimensions()));
        }
        if (t.unit() != null) {
            b.unit(StandardUnit.fromAwsName(t.unitAsString()));
        }
        return b.build();
    }

    /**
     * The account's metric alarms in the client's region.
     *
     * @throws AwsCallException if DescribeAlarms fails
     */
    public static Result<MetricAlarm> alarms(CloudWatchClient cloudWatch) {
        List<MetricAlarm> alarms = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        try {
            for (var a : cloudWatch.describeAlarmsPaginator(b -> b.alarmTypes(AlarmType.METRIC_ALARM))
                    .metricAlarms()) {
                try {
                    alarms.add(toMetricAlarm(a));
                } catch (IllegalArgumentException e) {
                    problems.add(new Problem("alarm", a.alarmName(), e.getMessage()));
                }
            }
        } catch (SdkException e) {
            throw new AwsCallException(AwsErrors.describe("DescribeAlarms", e), e);
        }
        return new Result<>(alarms, problems);
    }

    /**
     * The alarms among {@code alarms} on a metric one of {@code filters} publishes (same namespace and metric
     * name), and the others as problems ("on a metric no metric filter of the log group publishes").
     */
    public static Result<MetricAlarm> alarmsOn(List<MetricFilter> filters, Result<MetricAlarm> alarms) {
        List<MetricAlarm> on = new ArrayList<>();
        List<Problem> problems = new ArrayList<>(alarms.problems());
        for (MetricAlarm a : alarms.definitions()) {
            boolean published = filters.stream().anyMatch(f -> f.metricNamespace().orElse("").equals(a.namespace())
                    && f.metricName().orElse("").equals(a.metricName()));
            if (published) {
                on.add(a);
            } else {
                problems.add(new Problem("alarm", a.alarmName(), "is on " + a.namespace() + "/" + a.metricName()
                        + ", which no metric filter publishes"));
            }
        }
        return new Result<>(on, problems);
    }

    /**
     * One alarm as DescribeAlarms returns it.
     *
     * @throws IllegalArgumentException if it is not a static-threshold alarm on one metric, or breaks a
     *                                  PutMetricAlarm rule
     */
    public static MetricAlarm toMetricAlarm(software.amazon.awssdk.services.cloudwatch.model.MetricAlarm a) {
        if (a.hasMetrics() && !a.metrics().isEmpty()) {
            throw new IllegalArgumentException("is a metric-math or anomaly-detection alarm (Metrics), which"
                    + " cwfilter does not evaluate");
        }
        if (a.thresholdMetricId() != null) {
            throw new IllegalArgumentException("is an anomaly-detection alarm (ThresholdMetricId), which cwfilter"
                    + " does not evaluate");
        }
        if (a.threshold() == null) {
            throw new IllegalArgumentException("has no static threshold");
        }
        if (a.namespace() == null || a.metricName() == null) {
            throw new IllegalArgumentException("names no metric (Namespace and MetricName)");
        }
        MetricAlarm.Builder b = MetricAlarm.builder().alarmName(a.alarmName())
                .alarmDescription(a.alarmDescription())
                .namespace(a.namespace()).metricName(a.metricName())
                .periodSeconds(a.period() == null ? 0 : a.period())
                .evaluationPeriods(a.evaluationPeriods() == null ? 0 : a.evaluationPeriods())
                .threshold(a.threshold())
                .comparisonOperator(AlarmComparisonOperator.fromAwsName(a.comparisonOperatorAsString()));
        if (a.alarmArn() != null) {
            b.alarmArn(a.alarmArn());
        }
        if (a.alarmConfigurationUpdatedTimestamp() != null) {
            b.alarmConfigurationUpdatedTimestamp(a.alarmConfigurationUpdatedTimestamp().toEpochMilli());
        }
        if (a.extendedStatistic() != null) {
            b.statistic(a.extendedStatistic());
        } else if (a.statisticAsString() != null) {
            b.statistic(a.statisticAsString());
        } else {
            throw new IllegalArgumentException("has neither Statistic nor ExtendedStatistic");
        }
        Map<String, String> dims = new LinkedHashMap<>();
        for (Dimension d : a.dimensions()) {
            if (dims.put(d.name(), d.value()) != null) {
                throw new IllegalArgumentException("names dimension " + d.name() + " twice");
            }
        }
        b.dimensions(dims);
        if (a.datapointsToAlarm() != null) {
            b.datapointsToAlarm(a.datapointsToAlarm());
        }
        if (a.treatMissingData() != null) {
            b.treatMissingData(TreatMissingData.fromAwsName(a.treatMissingData()));
        }
        if (a.evaluateLowSampleCountPercentile() != null && !a.evaluateLowSampleCountPercentile().isEmpty()) {
            b.evaluateLowSampleCountPercentile(LowSampleCountPercentile.fromAwsName(
                    a.evaluateLowSampleCountPercentile()));
        }
        if (a.unit() != null) {
            b.unit(StandardUnit.fromAwsName(a.unitAsString()));
        }
        if (a.actionsEnabled() != null) {
            b.actionsEnabled(a.actionsEnabled());
        }
        b.okActions(a.okActions()).alarmActions(a.alarmActions())
                .insufficientDataActions(a.insufficientDataActions());
        return b.build();
    }
}
