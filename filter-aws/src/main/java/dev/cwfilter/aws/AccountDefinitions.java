package dev.cwfilter.aws;

import dev.cwfilter.FilterOptions;
import dev.cwfilter.FilterPatternException;
import dev.cwfilter.MetricFilter;
import dev.cwfilter.definitions.DefinitionProblem;
import dev.cwfilter.definitions.MetricAlarmFields;
import dev.cwfilter.definitions.MetricFilterFields;
import dev.cwfilter.metric.MetricAlarm;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.AlarmType;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.MetricTransformation;

/**
 * The metric filters and alarms defined in an account, as cwfilter objects: {@code DescribeMetricFilters} of a log
 * group into {@link MetricFilter}s and {@code DescribeAlarms} into {@link MetricAlarm}s, every page of each.
 *
 * <p>The conversion fills filter-definitions' {@link MetricFilterFields} and {@link MetricAlarmFields} from the SDK's
 * getters and lets them convert, the same code that converts the JSON {@code aws logs describe-metric-filters} and
 * {@code aws cloudwatch describe-alarms} print, so that the objects equal those read from that JSON (an alarm read
 * either way carries its ARN and configuration time). A definition cwfilter cannot evaluate as CloudWatch would is not
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
                } catch (IllegalArgumentException e) {
                    problems.add(new Problem("metric filter", String.valueOf(f.filterName()),
                            DefinitionProblem.reasonOf(e)));
                }
            }
        } catch (SdkException e) {
            throw new AwsCallException(AwsErrors.describe("DescribeMetricFilters of log group " + logGroupName, e),
                    e);
        }
        return new Result<>(filters, problems);
    }

    /**
     * One metric filter as DescribeMetricFilters returns it, through {@link MetricFilterFields}: the same conversion
     * as for the AWS CLI's JSON, so both give equal objects.
     *
     * @throws FilterPatternException   if its pattern is invalid
     * @throws IllegalArgumentException if it is not one cwfilter can evaluate as CloudWatch does
     */
    public static MetricFilter toMetricFilter(software.amazon.awssdk.services.cloudwatchlogs.model.MetricFilter f,
                                              FilterOptions options) {
        List<MetricFilterFields.MetricTransformationFields> transformations = new ArrayList<>();
        for (MetricTransformation t : f.metricTransformations()) {
            transformations.add(new MetricFilterFields.MetricTransformationFields(t.metricName(), t.metricNamespace(),
                    t.metricValue(), t.defaultValue(), t.hasDimensions() ? new LinkedHashMap<>(t.dimensions()) : null,
                    t.unitAsString()));
        }
        return new MetricFilterFields(f.filterName(), f.filterPattern(), transformations, f.logGroupName(),
                f.applyOnTransformedLogs(), blankToNull(f.fieldSelectionCriteria()),
                f.hasEmitSystemFieldDimensions() ? f.emitSystemFieldDimensions() : null).toMetricFilter(options);
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
                    problems.add(new Problem("alarm", String.valueOf(a.alarmName()), DefinitionProblem.reasonOf(e)));
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
     * One alarm as DescribeAlarms returns it, through {@link MetricAlarmFields} (the same conversion as for the AWS
     * CLI's JSON), with its ARN and when it was last configured.
     *
     * @throws IllegalArgumentException if it is not a static-threshold alarm on one metric, or breaks a
     *                                  PutMetricAlarm rule
     */
    public static MetricAlarm toMetricAlarm(software.amazon.awssdk.services.cloudwatch.model.MetricAlarm a) {
        List<MetricAlarmFields.DimensionFields> dims = null;
        if (a.hasDimensions()) {
            dims = new ArrayList<>();
            for (Dimension d : a.dimensions()) {
                dims.add(new MetricAlarmFields.DimensionFields(d.name(), d.value()));
            }
        }
        List<String> metrics = a.hasMetrics() && !a.metrics().isEmpty()
                ? a.metrics().stream().map(MetricDataQuery::id).toList() : null;
        return new MetricAlarmFields(a.alarmName(), a.alarmArn(), a.alarmDescription(),
                a.alarmConfigurationUpdatedTimestamp(), a.actionsEnabled(),
                a.hasOkActions() ? a.okActions() : null, a.hasAlarmActions() ? a.alarmActions() : null,
                a.hasInsufficientDataActions() ? a.insufficientDataActions() : null, a.metricName(), a.namespace(),
                a.statisticAsString(), a.extendedStatistic(), dims, a.period(), a.unitAsString(),
                a.evaluationPeriods(), a.datapointsToAlarm(), a.threshold(), a.comparisonOperatorAsString(),
                blankToNull(a.treatMissingData()), blankToNull(a.evaluateLowSampleCountPercentile()), metrics,
                a.thresholdMetricId(), a.evaluationCriteria() != null).toMetricAlarm();
    }

    /** The API leaves a setting out or, in some answers, sends it empty: both mean not set. */
    private static String blankToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
