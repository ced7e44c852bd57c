package dev.cwfilter.cli;

import dev.cwfilter.FilterOptions;
import dev.cwfilter.FilterPatternException;
import dev.cwfilter.LogEvent;
import dev.cwfilter.MetricFilter;
import dev.cwfilter.StandardUnit;
import dev.cwfilter.cli.input.BadEvents;
import dev.cwfilter.cli.input.Event;
import dev.cwfilter.cli.input.EventSource;
import dev.cwfilter.cli.input.Input;
import dev.cwfilter.cli.render.Glyphs;
import dev.cwfilter.cli.render.SvgChart;
import dev.cwfilter.cli.render.Table;
import dev.cwfilter.cli.render.Values;
import dev.cwfilter.metric.AlarmEmailPrinter;
import dev.cwfilter.metric.AlarmEvaluator;
import dev.cwfilter.metric.AlarmListener;
import dev.cwfilter.metric.AlarmState;
import dev.cwfilter.metric.AlarmStateChange;
import dev.cwfilter.metric.FilterMetrics;
import dev.cwfilter.metric.MetricAggregator;
import dev.cwfilter.metric.MetricAlarm;
import dev.cwfilter.metric.PeriodStatistics;
import dev.cwfilter.metric.Statistic;
import dev.cwfilter.metric.StatisticsQuery;
import dev.cwfilter.metric.TreatMissingData;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code cwfilter metrics}: a metric filter over log files, the metric it publishes as GetMetricStatistics reports
 * it, and optionally an alarm on it with its state transitions and an SVG chart; or, with {@code --metric-filters},
 * a log group's metric filters and alarms read from the definitions users have ({@link LogGroupRun}).
 *
 * <p>Not thread-safe: picocli creates one instance per command line and fills its options.
 */
@Command(name = "metrics", mixinStandardHelpOptions = true, sortOptions = false,
        versionProvider = VersionProvider.class,
        description = {
            "Runs a metric filter over log files as CloudWatch would over the same events: prints the metric's "
                    + "datapoints (the statistic and the sample count of each period with data), and with --alarm "
                    + "the state transitions of an alarm on it, with CloudWatch's state reasons. --chart writes the "
                    + "metric and the threshold as an SVG, as the CloudWatch console draws them.",
            "With --metric-filters FILE (the JSON of aws logs describe-metric-filters, a CloudFormation template or "
                    + "a Terraform plan) and --alarms FILE (the JSON of aws cloudwatch describe-alarms), runs every "
                    + "metric filter of the file through one log group in one pass and every alarm on their metrics, "
                    + "and prints one summary (--output json: a document for scripts; --chart DIR: one SVG per "
                    + "metric). Bad definitions are reported by name on standard error and left out; the others run.",
            "Events need a timestamp (CloudTrail eventTime, the export prefix, a JSON event's timestamp field); "
                    + "those without one are counted and left out.",
            ""},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success",
            "1:an input could not be opened or read, or the chart could not be written",
            "2:invalid pattern, metric filter, statistic, period or alarm expression; with --metric-filters: a "
                    + "definition was invalid and left out (everything else was done)"},
        footerHeading = "%nExamples:%n",
        footer = {
            "  cwfilter metrics -p '{ $.eventName = \"GetSecretValue\" }' --value 1 --default 0 \\",
            "      --period 60 --stat Sum --alarm '>= 1 for 1 of 1' --chart secrets.svg cloudtrail/*.json.gz",
            "  cwfilter metrics -p '{ $.latency = * }' --value '$.latency' --unit Milliseconds \\",
            "      --period 300 --stat p99 --alarm '> 250 for 2 of 3' --treat-missing-data notBreaching app.log",
            "  cwfilter metrics -p '[ip, user, ..., status, size]' --value '$size' --dimension 'Status=$status' \\",
            "      --period 3600 --stat Sum export/000000.gz",
            "  aws logs describe-metric-filters --log-group-name CloudTrail/logs > filters.json",
            "  aws cloudwatch describe-alarms > alarms.json",
            "  cwfilter metrics --metric-filters filters.json --alarms alarms.json --chart charts/ AWSLogs/"})
public final class MetricsCommand implements Callable<Integer> {

    @ParentCommand
    private CwfilterCommand parent;

    @Spec
    private CommandSpec spec;

    @Option(names = {"-p", "--pattern", "--filter-pattern"}, paramLabel = "PATTERN",
            description = "The metric filter's pattern (one filter from the command line; or --metric-filters).")
    private String pattern;

    @Option(names = "--metric-filters", paramLabel = "FILE",
            description = "Run the metric filters of FILE instead of -p: the JSON of aws logs describe-metric-filters "
                    + "(paginated or not), a CloudFormation template (JSON or YAML) or a Terraform plan (terraform "
                    + "show -json). May be given more than once.")
    private List<Path> metricFilterFiles = new ArrayList<>();

    @Option(names = "--alarms", paramLabel = "FILE",
            description = "With --metric-filters: evaluate the alarms of FILE, the JSON of aws cloudwatch "
                    + "describe-alarms, on the metrics the filters publish. May be given more than once.")
    private List<Path> alarmFiles = new ArrayList<>();

    @Option(names = "--log-group", paramLabel = "NAME",
            description = "With --metric-filters: run the filters of this log group (needed when the files hold "
                    + "filters of several).")
    private String logGroup;

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", defaultValue = "text",
            description = "With --metric-filters: text (a summary) or json (one document, see docs/cli.md). "
                    + "Default: ${DEFAULT-VALUE}.")
    private String output;

    @Option(names = "--value", paramLabel = "VALUE", defaultValue = "1",
            description = "What a match publishes: a number, a JSON field ($.latency) or a space-delimited field "
                    + "($size, $7). Default: ${DEFAULT-VALUE}.")
    private String value;

    @Option(names = "--default", paramLabel = "NUMBER",
            description = "What an event that does not match publishes (the metric filter's default value). "
                    + "Default: nothing.")
    private Double defaultValue;

    @Option(names = "--period", paramLabel = "SECONDS", defaultValue = "60",
            description = "The period of the datapoints and of the alarm: 60 or a multiple of 60 (metric-filter "
                    + "metrics are stored per minute). Default: ${DEFAULT-VALUE}.")
    private int period;

    @Option(names = "--stat", paramLabel = "STATISTIC", defaultValue = "Sum",
            description = "SampleCount, Sum, Average, Minimum, Maximum, or an extended statistic (p99, tm90, "
                    + "TM(10%%:90%%), IQM, ...), case-sensitive as in the API. Default: ${DEFAULT-VALUE}.")
    private String stat;

    @Option(names = "--dimension", paramLabel = "NAME=FIELD",
            description = "A dimension whose value comes from a field ($.service, $host); up to 3. Not with "
                    + "--default (CloudWatch does not allow both).")
    private Map<String, String> dimensions = new LinkedHashMap<>();

    @Option(names = "--unit", paramLabel = "UNIT", description = "The metric's unit (Count, Milliseconds, ...).")
    private String unit;

    @Option(names = "--namespace", paramLabel = "NAMESPACE", defaultValue = "LogMetrics",
            description = "The metric's namespace. Default: ${DEFAULT-VALUE}.")
    private String namespace;

    @Option(names = "--metric-name", paramLabel = "NAME", defaultValue = "FilterMatches",
            description = "The metric's name. Default: ${DEFAULT-VALUE}.")
    private String metricName;

    @Option(names = "--alarm", paramLabel = "'OP THRESHOLD for M of N'",
            description = "An alarm on the statistic: OP one of >= > < <=, M of the last N periods must breach "
                    + "('>= 1 for 1 of 1').")
    private String alarm;

    @Option(names = "--treat-missing-data", paramLabel = "HOW", defaultValue = "missing",
            description = "How the alarm treats periods without data: missing, notBreaching, breaching or ignore. "
                    + "Default: ${DEFAULT-VALUE}.")
    private String treatMissingData;

    @Option(names = "--alarm-name", paramLabel = "NAME", description = "The alarm's name. Default: the metric name, "
            + "the statistic and the expression.")
    private String alarmName;

    @Option(names = "--notifications", description = "Also print the e-mail the alarm's SNS topic would send for "
            + "each transition to ALARM.")
    private boolean notifications;

    @Option(names = "--chart", paramLabel = "FILE.svg|DIR",
            description = "Write the metric (and the alarm threshold and ALARM periods) as an SVG chart; with "
                    + "--metric-filters, a directory that gets one SVG per metric.")
    private Path chart;

    @Mixin
    private InputOptions inputs;

    @Mixin
    private PatternOptions patternOptions;

    @Override
    public Integer call() throws IOException {
        if (!metricFilterFiles.isEmpty()) {
            return runLogGroup();
        }
        if (pattern == null) {
            throw new UsageError("cwfilter metrics: Missing required option: '--filter-pattern=PATTERN' (or the metric"
                    + " filters of a log group: --metric-filters FILE)");
        }
        for (String option : new String[] {alarmFiles.isEmpty() ? null : "--alarms", logGroup == null ? null
                : "--log-group", output.equals("text") ? null : "--output"}) {
            if (option != null) {
                throw new UsageError("cwfilter metrics: " + option + " goes with --metric-filters FILE");
            }
        }
        Settings settings = settings();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        CliEnvironment env = parent.environment();
        Glyphs glyphs = env.unicode() ? Glyphs.UNICODE : Glyphs.ASCII;

        FilterMetrics metrics = FilterMetrics.of(settings.filter);
        List<Input> in = inputs.inputs(env.stdin());
        int maxEventBytes = settings.filter.options().maxEventBytes();
        EventSource source = new EventSource(in, inputs.format(), maxEventBytes,
                env.progress(err, EventSource.totalSize(in)), inputs.readers());
        BadEvents bad = source.badEvents();
        source.forEach(event -> {
            long t = event.timestamp();
            if (t == Event.NO_TIMESTAMP) {
                bad.add(BadEvents.Kind.NO_TIMESTAMP, event.source(), event.position(), null);
            } else {
                metrics.accept(new LogEvent(t, event.message()));
            }
            return true;
        });
        metrics.flush();

        out.println("Metric filter  " + settings.filter.pattern() + "  value " + value
                + (defaultValue == null ? "" : ", default " + Values.format(defaultValue)));
        out.println("Metric         " + namespace + " / " + metricName + ", " + settings.statistic.awsName() + " per "
                + period + " s; " + metrics.eventCount() + " events, " + metrics.datapointCount()
                + " datapoints published");
        if (metrics.metrics().isEmpty()) {
            out.println();
            out.println("No datapoints: no event published a value"
                    + (defaultValue == null ? " (no event matched, and there is no --default)." : "."));
        }
        List<SvgChart.Series> series = new ArrayList<>();
        List<SvgChart.Interval> alarmIntervals = new ArrayList<>();
        long from = Long.MAX_VALUE;
        long to = Long.MIN_VALUE;
        long periodMillis = period * 1000L;
        for (Map.Entry<Map<String, String>, MetricAggregator> entry : metrics.metrics().entrySet()) {
            MetricAggregator metric = entry.getValue();
            String dims = entry.getKey().isEmpty() ? "" : entry.getKey().entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
            long earliest = Math.floorDiv(metric.earliestTimestamp().getAsLong(), periodMillis) * periodMillis;
            long latest = metric.latestTimestamp().getAsLong();
            from = Math.min(from, earliest);
            to = Math.max(to, Math.floorDiv(latest, periodMillis) * periodMillis + periodMillis);
            List<PeriodStatistics> stats = metric.getMetricStatistics(StatisticsQuery.of(earliest, latest + 1, period,
                    settings.statistic, Statistic.SAMPLE_COUNT));
            out.println();
            out.println(dims.isEmpty() ? "Datapoints" : "Datapoints for " + dims);
            Table table = new Table("period start (UTC)", ">" + settings.statistic.awsName(), ">SampleCount");
            List<Long> times = new ArrayList<>();
            List<Double> values = new ArrayList<>();
            for (PeriodStatistics p : stats) {
                String v = p.value(settings.statistic).isPresent()
                        ? Values.format(p.value(settings.statistic).getAsDouble()) : "(unavailable)";
                table.row(CliTime.MINUTE.format(Instant.ofEpochMilli(p.timestamp())) + unitSuffix(p, metric), v,
                        Values.format(p.value(Statistic.SAMPLE_COUNT).orElse(0)));
                if (p.value(settings.statistic).isPresent()) {
                    times.add(p.timestamp());
                    values.add(p.value(settings.statistic).getAsDouble());
                }
            }
            table.lines("  ").forEach(out::println);
            series.add(new SvgChart.Series(metricName + (dims.isEmpty() ? "" : " " + dims) + " ("
                    + settings.statistic.awsName() + ")", times.stream().mapToLong(Long::longValue).toArray(),
                    values.stream().mapToDouble(Double::doubleValue).toArray()));
            if (settings.alarm != null) {
                alarmIntervals.addAll(evaluateAlarm(settings, entry.getKey(), metric, out, glyphs));
            }
        }
        int code = Reports.print(err, source, maxEventBytes, "left out (a metric needs timestamps)");
        if (chart != null && !series.isEmpty()) {
            String title = namespace + " / " + metricName + " — " + settings.statistic.awsName() + " per " + period
                    + " s";
            String svg = SvgChart.render(title, series, periodMillis,
                    settings.alarm == null ? Double.NaN : settings.expression.threshold(),
                    settings.alarm == null ? "" : "threshold " + settings.expression.symbol() + " "
                            + Values.format(settings.expression.threshold()),
                    alarmIntervals, from, to);
            try {
                Files.writeString(chart, svg, StandardCharsets.UTF_8);
                out.println();
                out.println("Chart written to " + chart);
            } catch (IOException e) {
                err.println("cwfilter: cannot write the chart '" + chart + "': " + e.getMessage());
                code = ExitCodes.IO_ERROR;
            }
        }
        out.flush();
        return code;
    }

    private static String unitSuffix(PeriodStatistics p, MetricAggregator metric) {
        return metric.units().size() > 1 ? " " + p.unit().awsName() : "";
    }

    /** {@code --metric-filters}: the log group's filters and alarms from definition files. */
    private int runLogGroup() throws IOException {
        if (pattern != null || alarm != null || alarmName != null || notifications || !dimensions.isEmpty()
                || defaultValue != null || unit != null) {
            throw new UsageError("cwfilter metrics: --metric-filters takes the filters and alarms from files; -p,"
                    + " --value, --default, --dimension, --unit, --alarm, --alarm-name and --notifications describe"
                    + " one filter on the command line instead");
        }
        if (!output.equals("text") && !output.equals("json")) {
            throw new UsageError("cwfilter metrics: --output " + output + ": text or json");
        }
        if (period <= 0 || period % 60 != 0) {
            throw new UsageError("cwfilter metrics: --period " + period + ": metric-filter metrics are stored per "
                    + "minute, so the period is 60 seconds or a multiple of 60");
        }
        Statistic statistic;
        try {
            statistic = Statistic.parse(stat);
        } catch (IllegalArgumentException e) {
            throw new UsageError("cwfilter metrics: --stat '" + stat + "': " + e.getMessage());
        }
        if (chart != null && Files.exists(chart) && !Files.isDirectory(chart)) {
            throw new UsageError("cwfilter metrics: --chart '" + chart + "': with --metric-filters, a directory for"
                    + " one SVG per metric");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        CliEnvironment env = parent.environment();
        FilterOptions options = patternOptions.toBuilder().build();
        List<Input> in = inputs.inputs(env.stdin());
        LogGroupRun run = new LogGroupRun(new LogGroupRun.Settings(metricFilterFiles, alarmFiles, logGroup,
                output.equals("json"), chart, period, statistic, options), out, err,
                env.unicode() ? Glyphs.UNICODE : Glyphs.ASCII);
        return run.run(in, inputs.format(), env.progress(err, EventSource.totalSize(in)), inputs.readers());
    }

    /** Replays the alarm on one metric, prints its transitions, and returns the times it spent in ALARM. */
    private List<SvgChart.Interval> evaluateAlarm(Settings settings, Map<String, String> dims, MetricAggregator metric,
                                                  PrintWriter out, Glyphs glyphs) {
        MetricAlarm alarm = settings.alarm.toBuilder().dimensions(dims).build();
        StringBuilder mail = new StringBuilder();
        AlarmListener[] listeners = notifications ? new AlarmListener[] {AlarmEmailPrinter.to(mail)}
                : new AlarmListener[0];
        AlarmEvaluator evaluator = new AlarmEvaluator(alarm, metric, listeners);
        List<AlarmStateChange> changes = evaluator.replay();
        out.println();
        out.println("Alarm \"" + alarm.alarmName() + "\"" + (dims.isEmpty() ? "" : " on " + dims) + ": "
                + alarm.statistic().awsName() + " " + settings.expression.symbol() + " "
                + Values.format(alarm.threshold()) + " for " + alarm.datapointsToAlarm() + " of "
                + alarm.evaluationPeriods() + " periods of " + period + " s, missing data treated as "
                + alarm.treatMissingData().awsName());
        if (changes.isEmpty()) {
            out.println("  no evaluation (no data)");
        }
        for (String line : AlarmLines.transitions(changes, glyphs, CliTime.MINUTE)) {
            out.println("  " + line);
        }
        out.println("  final state: " + evaluator.state().awsName());
        if (notifications) {
            out.println();
            out.print(mail.length() == 0 ? "  (no notification: the alarm never went to ALARM)\n" : mail.toString());
        }
        List<SvgChart.Interval> intervals = new ArrayList<>();
        for (int i = 0; i < changes.size(); i++) {
            if (changes.get(i).newState() == AlarmState.ALARM) {
                long end = i + 1 < changes.size() ? changes.get(i + 1).timestamp()
                        : changes.get(i).timestamp() + period * 1000L;
                intervals.add(new SvgChart.Interval(changes.get(i).timestamp(), end));
            }
        }
        return intervals;
    }

    /** The validated configuration. */
    private static final class Settings {
        MetricFilter filter;
        Statistic statistic;
        AlarmExpression expression;
        MetricAlarm alarm;
    }

    private Settings settings() {
        Settings s = new Settings();
        if (period <= 0 || period % 60 != 0) {
            throw new UsageError("cwfilter metrics: --period " + period + ": metric-filter metrics are stored per "
                    + "minute, so the period is 60 seconds or a multiple of 60");
        }
        try {
            s.statistic = Statistic.parse(stat);
        } catch (IllegalArgumentException e) {
            throw new UsageError("cwfilter metrics: --stat '" + stat + "': " + e.getMessage());
        }
        StandardUnit standardUnit = StandardUnit.NONE;
        if (unit != null) {
            try {
                standardUnit = StandardUnit.fromAwsName(unit);
            } catch (IllegalArgumentException e) {
                throw new UsageError("cwfilter metrics: --unit: " + e.getMessage());
            }
        }
        FilterOptions options = patternOptions.toBuilder().build();
        try {
            MetricFilter.Builder b = MetricFilter.builder().filterPattern(pattern).options(options)
                    .metricNamespace(namespace).metricName(metricName).metricValue(value).dimensions(dimensions)
                    .unit(standardUnit);
            if (defaultValue != null) {
                b.defaultValue(defaultValue);
            }
            s.filter = b.build();
        } catch (FilterPatternException e) {
            throw new UsageError(e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new UsageError("cwfilter metrics: invalid metric filter: " + e.getMessage());
        }
        if (alarm != null) {
            s.expression = AlarmExpression.parse(alarm);
            TreatMissingData treat;
            try {
                treat = TreatMissingData.fromAwsName(treatMissingData);
            } catch (IllegalArgumentException e) {
                throw new UsageError("cwfilter metrics: --treat-missing-data: " + e.getMessage());
            }
            String name = alarmName != null ? alarmName : metricName + " " + s.statistic.awsName() + " "
                    + s.expression.symbol() + " " + Values.format(s.expression.threshold()) + " for "
                    + s.expression.datapointsToAlarm() + " of " + s.expression.evaluationPeriods();
            try {
                MetricAlarm.Builder b = MetricAlarm.builder().alarmName(name).namespace(namespace)
                        .metricName(metricName).statistic(s.statistic).periodSeconds(period)
                        .evaluationPeriods(s.expression.evaluationPeriods())
                        .datapointsToAlarm(s.expression.datapointsToAlarm()).threshold(s.expression.threshold())
                        .comparisonOperator(s.expression.operator()).treatMissingData(treat)
                        .alarmActions(List.of("arn:aws:sns:us-east-1:123456789012:" + sanitize(metricName)
                                + "-alarm"));
                if (unit != null) {
                    b.unit(standardUnit);
                }
                s.alarm = b.build();
            } catch (IllegalArgumentException e) {
                throw new UsageError("cwfilter metrics: invalid alarm: " + e.getMessage());
            }
        } else if (notifications) {
            throw new UsageError("cwfilter metrics: --notifications needs an --alarm");
        }
        if (chart != null && !chart.toString().endsWith(".svg")) {
            throw new UsageError("cwfilter metrics: --chart '" + chart + "': the chart is an SVG file (FILE.svg)");
        }
        return s;
    }

    /** An SNS topic name: letters, digits, hyphens and underscores. */
    private static String sanitize(String name) {
        String topic = name.replaceAll("[^A-Za-z0-9_-]", "-");
        return topic.length() > 200 ? topic.substring(0, 200) : topic;
    }
}
