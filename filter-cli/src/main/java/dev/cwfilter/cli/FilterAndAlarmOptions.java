package dev.cwfilter.cli;

import dev.cwfilter.FilterOptions;
import dev.cwfilter.FilterPatternException;
import dev.cwfilter.MetricFilter;
import dev.cwfilter.StandardUnit;
import dev.cwfilter.cli.render.Values;
import dev.cwfilter.metric.AlarmState;
import dev.cwfilter.metric.AlarmStateChange;
import dev.cwfilter.metric.MetricAlarm;
import dev.cwfilter.metric.Statistic;
import dev.cwfilter.metric.TreatMissingData;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * One metric filter and its alarm written out on the command line ({@code -p}, {@code --value}, {@code --default},
 * {@code --dimension}, {@code --unit}, {@code --namespace}, {@code --metric-name}; {@code --period}, {@code --stat},
 * {@code --alarm}, {@code --treat-missing-data}, {@code --alarm-name}), and how they become a {@link MetricFilter}
 * and a {@link MetricAlarm} as PutMetricFilter and PutMetricAlarm would validate them. Shared by {@code metrics} and
 * {@code watch}.
 *
 * <p>Not thread-safe: picocli fills one instance per command invocation.
 */
public final class FilterAndAlarmOptions {

    @Option(names = {"-p", "--pattern", "--filter-pattern"}, paramLabel = "PATTERN",
            description = "The metric filter's pattern (one filter from the command line; or --metric-filters).")
    String pattern;

    @Option(names = "--value", paramLabel = "VALUE", defaultValue = "1",
            description = "What a match publishes: a number, a JSON field ($.latency) or a space-delimited field "
                    + "($size, $7). Default: ${DEFAULT-VALUE}.")
    String value;

    @Option(names = "--default", paramLabel = "NUMBER",
            description = "What an event that does not match publishes (the metric filter's default value). "
                    + "Default: nothing.")
    Double defaultValue;

    @Option(names = "--period", paramLabel = "SECONDS", defaultValue = "60",
            description = "The period of the datapoints and of the alarm: 60 or a multiple of 60 (metric-filter "
                    + "metrics are stored per minute). Default: ${DEFAULT-VALUE}.")
    int period;

    @Option(names = "--stat", paramLabel = "STATISTIC", defaultValue = "Sum",
            description = "SampleCount, Sum, Average, Minimum, Maximum, or an extended statistic (p99, tm90, "
                    + "TM(10%%:90%%), IQM, ...), case-sensitive as in the API. Default: ${DEFAULT-VALUE}.")
    String stat;

    @Option(names = "--dimension", paramLabel = "NAME=FIELD",
            description = "A dimension whose value comes from a field ($.service, $host); up to 3. Not with "
                    + "--default (CloudWatch does not allow both).")
    Map<String, String> dimensions = new LinkedHashMap<>();

    @Option(names = "--unit", paramLabel = "UNIT", description = "The metric's unit (Count, Milliseconds, ...).")
    String unit;

    @Option(names = "--namespace", paramLabel = "NAMESPACE", defaultValue = "LogMetrics",
            description = "The metric's namespace. Default: ${DEFAULT-VALUE}.")
    String namespace;

    @Option(names = "--metric-name", paramLabel = "NAME", defaultValue = "FilterMatches",
            description = "The metric's name. Default: ${DEFAULT-VALUE}.")
    String metricName;

    @Option(names = "--alarm", paramLabel = "'OP THRESHOLD for M of N'",
            description = "An alarm on the statistic: OP one of >= > < <=, M of the last N periods must breach "
                    + "('>= 1 for 1 of 1').")
    String alarm;

    @Option(names = "--treat-missing-data", paramLabel = "HOW", defaultValue = "missing",
            description = "How the alarm treats periods without data: missing, notBreaching, breaching or ignore. "
                    + "Default: ${DEFAULT-VALUE}.")
    String treatMissingData;

    @Option(names = "--alarm-name", paramLabel = "NAME", description = "The alarm's name. Default: the metric name, "
            + "the statistic and the expression.")
    String alarmName;

    /**
     * What to say when the alarm of a filter without {@code --default} falls back to INSUFFICIENT_DATA: a period
     * without a matching event has no datapoint.
     */
    static final String NO_DEFAULT_HINT = "a period without a matching event has no datapoint (the metric filter has"
            + " no default value), so the alarm goes to INSUFFICIENT_DATA between matches; --default 0 makes every"
            + " event that does not match publish 0, so that each period with events has a datapoint";

    /**
     * Whether a transition of an alarm on this filter calls for {@link #NO_DEFAULT_HINT}: the filter has no
     * {@code --default} and the alarm went from OK or ALARM back to INSUFFICIENT_DATA.
     */
    boolean hintsAtDefault(AlarmStateChange change) {
        return defaultValue == null && change.newState() == AlarmState.INSUFFICIENT_DATA
                && change.oldState() != AlarmState.INSUFFICIENT_DATA;
    }

    /**
     * Whether an option that only the command-line filter takes was given ({@code -p}, {@code --alarm},
     * {@code --alarm-name}, {@code --dimension}, {@code --default}, {@code --unit}).
     */
    boolean anyFilterOptionGiven() {
        return pattern != null || alarm != null || alarmName != null || !dimensions.isEmpty() || defaultValue != null
                || unit != null;
    }

    /**
     * The statistic of {@code --stat}, after checking {@code --period}, {@code --treat-missing-data} and that
     * {@code --alarm-name} comes with {@code --alarm}.
     *
     * @throws UsageError if the period is not a multiple of 60, the statistic is not one, the TreatMissingData is
     *                    not one, or {@code --alarm-name} is given without {@code --alarm}
     */
    Statistic statistic(String command) {
        if (period <= 0 || period % 60 != 0) {
            throw new UsageError("cwfilter " + command + ": --period " + period + ": metric-filter metrics are stored "
                    + "per minute, so the period is 60 seconds or a multiple of 60");
        }
        // Checked here, with or without --alarm, so that an invalid value is never silently accepted.
        treatMissingData(command);
        if (alarmName != null && alarm == null) {
            throw new UsageError("cwfilter " + command + ": --alarm-name '" + alarmName + "' names the alarm of --alarm,"
                    + " and no --alarm is given");
        }
        try {
            return Statistic.parse(stat);
        } catch (IllegalArgumentException e) {
            throw new UsageError("cwfilter " + command + ": --stat '" + stat + "': " + e.getMessage());
        }
    }

    private TreatMissingData treatMissingData(String command) {
        try {
            return TreatMissingData.fromAwsName(treatMissingData);
        } catch (IllegalArgumentException e) {
            throw new UsageError("cwfilter " + command + ": --treat-missing-data: " + e.getMessage());
        }
    }

    /**
     * The unit of {@code --unit}, {@link StandardUnit#NONE} without it.
     *
     * @throws UsageError if it is not one of CloudWatch's units
     */
    StandardUnit unit(String command) {
        if (unit == null) {
            return StandardUnit.NONE;
        }
        try {
            return StandardUnit.fromAwsName(unit);
        } catch (IllegalArgumentException e) {
            throw new UsageError("cwfilter " + command + ": --unit: " + e.getMessage());
        }
    }

    /**
     * The metric filter of {@code -p} and the metric options; the pattern's warnings printed on {@code err}.
     *
     * @throws UsageError if the pattern or the metric filter is invalid
     */
    MetricFilter filter(String command, FilterOptions options, PrintWriter err) {
        StandardUnit standardUnit = unit(command);
        try {
            MetricFilter.Builder b = MetricFilter.builder().filterPattern(pattern).options(options)
                    .metricNamespace(namespace).metricName(metricName).metricValue(value).dimensions(dimensions)
                    .unit(standardUnit);
            if (defaultValue != null) {
                b.defaultValue(defaultValue);
            }
            MetricFilter filter = b.build();
            PatternWarnings.print(err, filter.pattern().source(), filter.options());
            return filter;
        } catch (FilterPatternException e) {
            throw new UsageError(e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new UsageError("cwfilter " + command + ": invalid metric filter: " + e.getMessage());
        }
    }

    /**
     * The alarm of {@code --alarm} on the metric, configured at {@code configuredAt}.
     *
     * @param statistic    the statistic, from {@link #statistic}
     * @param expression   {@code --alarm}, parsed
     * @param alarmActions its ALARM actions
     * @param okActions    its OK actions
     * @param configuredAt when it was configured, epoch milliseconds (now: by this command line)
     * @throws UsageError if the alarm is invalid
     */
    MetricAlarm alarm(String command, Statistic statistic, AlarmExpression expression, List<String> alarmActions,
                      List<String> okActions, long configuredAt) {
        TreatMissingData treat = treatMissingData(command);
        String name = alarmName != null ? alarmName : metricName + " " + statistic.awsName() + " "
                + expression.symbol() + " " + Values.format(expression.threshold()) + " for "
                + expression.datapointsToAlarm() + " of " + expression.evaluationPeriods();
        try {
            MetricAlarm.Builder b = MetricAlarm.builder().alarmName(name).namespace(namespace).metricName(metricName)
                    .statistic(statistic).periodSeconds(period).evaluationPeriods(expression.evaluationPeriods())
                    .datapointsToAlarm(expression.datapointsToAlarm()).threshold(expression.threshold())
                    .comparisonOperator(expression.operator()).treatMissingData(treat)
                    .alarmActions(alarmActions).okActions(okActions).alarmConfigurationUpdatedTimestamp(configuredAt);
            if (unit != null) {
                b.unit(unit(command));
            }
            return b.build();
        } catch (IllegalArgumentException e) {
            throw new UsageError("cwfilter " + command + ": invalid alarm: " + e.getMessage());
        }
    }
}
