package dev.cwfilter.cli;

import dev.cwfilter.FilterOptions;
import dev.cwfilter.LogGroup;
import dev.cwfilter.LogEvent;
import dev.cwfilter.MetricFilter;
import dev.cwfilter.aws.AccountDefinitions;
import dev.cwfilter.aws.EmfWriter;
import dev.cwfilter.aws.LogGroupEmfWriter;
import dev.cwfilter.aws.MetricDataPublisher;
import dev.cwfilter.aws.SnsAlarmNotifier;
import dev.cwfilter.aws.WhenFull;
import dev.cwfilter.aws.DeliveryCounts;
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
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
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
            "1:an input could not be opened or read, the chart or EMF file could not be written, or an AWS call "
                    + "failed (a notification not delivered, datapoints not published)",
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
            "  cwfilter metrics --metric-filters filters.json --alarms alarms.json --chart charts/ AWSLogs/",
            "  cwfilter metrics --metric-filters log-group:CloudTrail/logs --alarms account --notify \\",
            "      --region eu-west-1 s3://trail-bucket/AWSLogs/123456789012/CloudTrail/eu-west-1/ \\",
            "      --start-time 2026-11-21 --end-time 2026-11-22",
            "  (docs/aws.md: every AWS option and the IAM permissions each needs)"})
public final class MetricsCommand implements Callable<Integer> {

    @ParentCommand
    private CwfilterCommand parent;

    @Spec
    private CommandSpec spec;

    @Mixin
    private FilterAndAlarmOptions given;

    @Option(names = "--metric-filters", paramLabel = "FILE|log-group:NAME",
            description = "Run the metric filters of FILE instead of -p: the JSON of aws logs describe-metric-filters "
                    + "(paginated or not), a CloudFormation template (JSON or YAML) or a Terraform plan (terraform "
                    + "show -json); or log-group:NAME, the filters of that log group in the account "
                    + "(DescribeMetricFilters). May be given more than once.")
    private List<String> metricFilterFiles = new ArrayList<>();

    @Option(names = "--alarms", paramLabel = "FILE|account",
            description = "Evaluate the alarms of FILE, the JSON of aws cloudwatch describe-alarms (with "
                    + "--metric-filters), or 'account', the account's alarms (DescribeAlarms), on the metrics the "
                    + "filters publish. May be given more than once.")
    private List<String> alarmFiles = new ArrayList<>();

    @Option(names = "--log-group", paramLabel = "NAME",
            description = "The log group: with --metric-filters FILE, run the filters of this log group (needed when "
                    + "the files hold filters of several); with --start-time and --end-time, read its events from "
                    + "CloudWatch Logs (FilterLogEvents).")
    private String logGroup;

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", defaultValue = "text",
            description = "With --metric-filters: text (a summary) or json (one document, see docs/cli.md). "
                    + "Default: ${DEFAULT-VALUE}.")
    private String output;

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

    @Mixin
    private AwsOptions aws;

    @Mixin
    private AwsMetricsOptions awsMetrics;

    @Mixin
    private NotifyOptions notify;

    @Override
    public Integer call() throws Exception {
        return aws.call(spec.commandLine().getErr(), this::run);
    }

    private boolean accountAlarmsOnly() {
        return alarmFiles.equals(List.of("account"));
    }

    private Integer run() throws IOException {
        if (!metricFilterFiles.isEmpty()) {
            return runLogGroup();
        }
        if (given.pattern == null) {
            throw new UsageError("cwfilter metrics: Missing required option: '--filter-pattern=PATTERN' (or the metric"
                    + " filters of a log group: --metric-filters FILE)");
        }
        for (String option : new String[] {alarmFiles.isEmpty() || accountAlarmsOnly() ? null : "--alarms FILE",
            output.equals("text") ? null : "--output"}) {
            if (option != null) {
                throw new UsageError("cwfilter metrics: " + option + " goes with --metric-filters");
            }
        }
        awsMetrics.check(logGroup, false);
        Settings settings = settings();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        CliEnvironment env = parent.environment();
        Glyphs glyphs = env.unicode() ? Glyphs.UNICODE : Glyphs.ASCII;

        FilterMetrics metrics = FilterMetrics.of(settings.filter);
        List<Input> in = inputs.inputs(env.stdin(), awsMetrics.readsAws(inputs, logGroup));
        int awsCode = ExitCodes.OK;
        EmfWriter emf = null;
        MetricFilter.Emitter emfEmitter = null;
        if (awsMetrics.emf != null) {
            Writer w = awsMetrics.openEmf(err);
            if (w == null) {
                return ExitCodes.IO_ERROR;
            }
            emf = EmfWriter.to(w, given.namespace, given.metricName);
            emfEmitter = settings.filter.emitter(emf);
        }
        MetricFilter.Emitter emfEvents = emfEmitter;
        Consumer<LogEvent> accept = emfEvents == null ? metrics : e -> {
            metrics.accept(e);
            emfEvents.accept(e);
        };
        int maxEventBytes = settings.filter.options().maxEventBytes();
        EventSource source = new EventSource(in, inputs.format(), maxEventBytes,
                env.progress(err, EventSource.totalSize(in)), inputs.readers());
        BadEvents bad = source.badEvents();
        source.forEach(event -> {
            long t = event.timestamp();
            if (t == Event.NO_TIMESTAMP) {
                bad.add(BadEvents.Kind.NO_TIMESTAMP, event.source(), event.position(), null);
            } else {
                accept.accept(new LogEvent(t, event.message()));
            }
            return true;
        });
        awsCode = readAws(accept, err);
        metrics.flush();
        if (emf != null) {
            emfEmitter.flush();
            try {
                emf.close();
                for (String problem : emf.problems()) {
                    err.println("cwfilter: EMF: " + problem);
                }
            } catch (IOException | java.io.UncheckedIOException e) {
                err.println("cwfilter: cannot write the EMF file '" + awsMetrics.emf + "': " + e.getMessage());
                awsCode = ExitCodes.IO_ERROR;
            }
        }
        List<MetricAlarm> accountAlarms = accountAlarms(err);
        SnsAlarmNotifier notifier = notify.notify ? notify.notifier(aws, WhenFull.WAIT, line -> {
            synchronized (err) {
                err.println(line);
                err.flush();
            }
        }) : null;

        out.println("Metric filter  " + settings.filter.pattern() + "  value " + given.value
                + (given.defaultValue == null ? "" : ", default " + Values.format(given.defaultValue)));
        out.println("Metric         " + given.namespace + " / " + given.metricName + ", "
                + settings.statistic.awsName() + " per " + given.period + " s; " + metrics.eventCount() + " events, "
                + metrics.datapointCount() + " datapoints published");
        if (metrics.metrics().isEmpty()) {
            out.println();
            out.println("No datapoints: no event published a value"
                    + (given.defaultValue == null ? " (no event matched, and there is no --default)." : "."));
        }
        List<SvgChart.Series> series = new ArrayList<>();
        List<SvgChart.Interval> alarmIntervals = new ArrayList<>();
        long from = Long.MAX_VALUE;
        long to = Long.MIN_VALUE;
        long periodMillis = given.period * 1000L;
        for (Map.Entry<Map<String, String>, MetricAggregator> entry : metrics.metrics().entrySet()) {
            MetricAggregator metric = entry.getValue();
            String dims = entry.getKey().isEmpty() ? "" : entry.getKey().entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
            long earliest = Math.floorDiv(metric.earliestTimestamp().getAsLong(), periodMillis) * periodMillis;
            long latest = metric.latestTimestamp().getAsLong();
            from = Math.min(from, earliest);
            to = Math.max(to, Math.floorDiv(latest, periodMillis) * periodMillis + periodMillis);
            List<PeriodStatistics> stats = metric.getMetricStatistics(StatisticsQuery.of(earliest, latest + 1,
                    given.period, settings.statistic, Statistic.SAMPLE_COUNT));
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
            series.add(new SvgChart.Series(given.metricName + (dims.isEmpty() ? "" : " " + dims) + " ("
                    + settings.statistic.awsName() + ")", times.stream().mapToLong(Long::longValue).toArray(),
                    values.stream().mapToDouble(Double::doubleValue).toArray()));
            if (settings.alarm != null) {
                alarmIntervals.addAll(evaluateAlarm(settings.alarm.toBuilder().dimensions(entry.getKey()).build(),
                        metric, out, glyphs, notifier));
            }
        }
        for (MetricAlarm alarm : accountAlarms) {
            alarmIntervals.addAll(evaluateAlarm(alarm, metrics.metric(alarm.dimensions()), out, glyphs, notifier));
        }
        if (notifier != null) {
            notifier.close();
            DeliveryCounts c = notifier.counts();
            out.println();
            out.println("Notifications  " + c.delivered() + " published to SNS" + (c.failed() == 0 ? ""
                    : ", " + c.failed() + " NOT delivered (see standard error)"));
            if (c.failed() > 0) {
                awsCode = ExitCodes.IO_ERROR;
            }
        }
        if (awsMetrics.putMetricData && !metrics.metrics().isEmpty()) {
            MetricDataPublisher.Result r = MetricDataPublisher.builder(aws.clients().cloudWatch()).build()
                    .publishStatistics(given.namespace, given.metricName, metrics.metrics(), given.period);
            out.println();
            out.println("PutMetricData  " + r.sent() + " statistic sets of " + given.period + " s published to "
                    + given.namespace + " / " + given.metricName + " in " + r.requests() + " requests"
                    + (r.complete() ? "" : "; " + (r.skipped() + r.failed() + r.notAttempted())
                    + " NOT published (see standard error)"));
            for (String problem : r.problems()) {
                err.println("cwfilter: " + problem);
            }
            if (!r.complete()) {
                awsCode = ExitCodes.IO_ERROR;
            }
        }
        int code = Math.max(awsCode, Reports.print(err, source, maxEventBytes, "left out (a metric needs timestamps)"));
        if (chart != null && !series.isEmpty()) {
            String title = given.namespace + " / " + given.metricName + " — " + settings.statistic.awsName() + " per "
                    + given.period + " s";
            String svg = SvgChart.render(title, "Metric filter: " + settings.filter.pattern(), series,
                    periodMillis,
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
        if (given.anyFilterOptionGiven() || notifications) {
            throw new UsageError("cwfilter metrics: --metric-filters takes the filters and alarms from files; -p,"
                    + " --value, --default, --dimension, --unit, --alarm, --alarm-name and --notifications describe"
                    + " one filter on the command line instead");
        }
        if (!output.equals("text") && !output.equals("json")) {
            throw new UsageError("cwfilter metrics: --output " + output + ": text or json");
        }
        Statistic statistic = given.statistic("metrics");
        if (chart != null && Files.exists(chart) && !Files.isDirectory(chart)) {
            throw new UsageError("cwfilter metrics: --chart '" + chart + "': with --metric-filters, a directory for"
                    + " one SVG per metric");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        CliEnvironment env = parent.environment();
        FilterOptions options = patternOptions.toBuilder().build();
        awsMetrics.check(logGroup, true);
        notify.check("metrics", false, alarmFiles.stream().anyMatch(LogGroupDefinitions.Account::isSource)
                || !alarmFiles.isEmpty());
        Writer emfOut = null;
        if (awsMetrics.emf != null) {
            emfOut = awsMetrics.openEmf(err);
            if (emfOut == null) {
                return ExitCodes.IO_ERROR;
            }
        }
        Writer emfFile = emfOut;
        LogGroupEmfWriter[] emf = new LogGroupEmfWriter[1];
        List<Input> in = inputs.inputs(env.stdin(), awsMetrics.readsAws(inputs, logGroup));
        SnsAlarmNotifier notifier = notify.notify ? notify.notifier(aws, WhenFull.WAIT, line -> {
            synchronized (err) {
                err.println(line);
                err.flush();
            }
        }) : null;
        LogGroupRun run = new LogGroupRun(new LogGroupRun.Settings(metricFilterFiles, alarmFiles, logGroup,
                output.equals("json"), chart, given.period, statistic, options), out, err,
                env.unicode() ? Glyphs.UNICODE : Glyphs.ASCII, new LogGroupRun.Aws() {
                    @Override
                    public dev.cwfilter.definitions.Definitions definitions(String source) {
                        return AccountSources.definitions(aws, source, options, err);
                    }

                    @Override
                    public int events(Consumer<LogEvent> sink) {
                        return readAws(sink, err);
                    }

                    @Override
                    public List<AlarmListener> alarmListeners() {
                        return notifier == null ? List.of() : List.of(notifier);
                    }

                    @Override
                    public LogGroup.Listener datapoints(LogGroup group) {
                        if (emfFile != null) {
                            emf[0] = LogGroupEmfWriter.to(emfFile, group);
                        }
                        return emf[0];
                    }

                    @Override
                    public int after(dev.cwfilter.metric.LogGroupMetrics metrics) {
                        int code = ExitCodes.OK;
                        PrintWriter summary = output.equals("json") ? err : out;
                        if (emf[0] != null) {
                            code = Math.max(code, closeEmf(emf[0], summary, err));
                        }
                        if (notifier != null) {
                            code = Math.max(code, closeNotifier(notifier, summary));
                        }
                        if (awsMetrics.putMetricData && !metrics.metrics().isEmpty()) {
                            MetricDataPublisher.Result r = MetricDataPublisher.builder(aws.clients().cloudWatch())
                                    .build().publishStatistics(metrics.metrics(), given.period);
                            code = Math.max(code, reportPublished(r, "the log group's metrics", summary, err));
                        }
                        return code;
                    }
                });
        return run.run(in, inputs.format(), env.progress(err, EventSource.totalSize(in)), inputs.readers());
    }

    /** Closes the EMF lines of a log group, prints what was written; IO_ERROR if the file could not be written. */
    private int closeEmf(LogGroupEmfWriter emf, PrintWriter summary, PrintWriter err) {
        try {
            emf.close();
        } catch (IOException | java.io.UncheckedIOException e) {
            err.println("cwfilter: cannot write the EMF file '" + awsMetrics.emf + "': " + e.getMessage());
            return ExitCodes.IO_ERROR;
        }
        for (String problem : emf.problems()) {
            err.println("cwfilter: EMF: " + problem);
        }
        summary.println();
        summary.println("EMF            " + emf.lines() + (emf.lines() == 1 ? " line" : " lines") + " written to "
                + awsMetrics.emf + (emf.skipped() == 0 ? "" : "; " + emf.skipped() + " datapoints NOT written (see"
                + " standard error)"));
        summary.flush();
        return ExitCodes.OK;
    }

    /** Closes the notifier, prints what it did; IO_ERROR if a notification was not delivered. */
    private static int closeNotifier(SnsAlarmNotifier notifier, PrintWriter out) {
        notifier.close();
        DeliveryCounts c = notifier.counts();
        out.println();
        out.println("Notifications  " + c.delivered() + " published to SNS" + (c.failed() == 0 ? ""
                : ", " + c.failed() + " NOT delivered (see standard error)"));
        out.flush();
        return c.failed() > 0 ? ExitCodes.IO_ERROR : ExitCodes.OK;
    }

    /** Prints what PutMetricData did; IO_ERROR if anything was not published. */
    private static int reportPublished(MetricDataPublisher.Result r, String what, PrintWriter out, PrintWriter err) {
        out.println();
        out.println("PutMetricData  " + r.sent() + " statistic sets of " + what + " published in " + r.requests()
                + " requests" + (r.complete() ? "" : "; " + (r.skipped() + r.failed() + r.notAttempted())
                + " NOT published (see standard error)"));
        for (String problem : r.problems()) {
            err.println("cwfilter: " + problem);
        }
        out.flush();
        return r.complete() ? ExitCodes.OK : ExitCodes.IO_ERROR;
    }

    /**
     * Replays the alarm on one metric, prints its transitions, and returns the times it spent in ALARM and in
     * INSUFFICIENT_DATA.
     */
    private List<SvgChart.Interval> evaluateAlarm(MetricAlarm alarm, MetricAggregator metric, PrintWriter out,
                                                  Glyphs glyphs, SnsAlarmNotifier notifier) {
        Map<String, String> dims = alarm.dimensions();
        StringBuilder mail = new StringBuilder();
        List<AlarmListener> listeners = new ArrayList<>();
        if (notifications) {
            listeners.add(AlarmEmailPrinter.to(mail));
        }
        if (notifier != null) {
            listeners.add(notifier);
        }
        AlarmEvaluator evaluator = new AlarmEvaluator(alarm, metric, listeners.toArray(new AlarmListener[0]));
        List<AlarmStateChange> changes = evaluator.replay();
        out.println();
        out.println("Alarm \"" + alarm.alarmName() + "\"" + (dims.isEmpty() ? "" : " on " + dims) + ": "
                + alarm.statistic().awsName() + " " + symbol(alarm) + " "
                + Values.format(alarm.threshold()) + " for " + alarm.datapointsToAlarm() + " of "
                + alarm.evaluationPeriods() + " periods of " + alarm.periodSeconds() + " s, missing data treated as "
                + alarm.treatMissingData().awsName());
        if (changes.isEmpty()) {
            out.println("  no evaluation (no data)");
        }
        for (String line : AlarmLines.transitions(changes, glyphs, CliTime.MINUTE)) {
            out.println("  " + line);
        }
        out.println("  final state: " + evaluator.state().awsName());
        if (changes.stream().anyMatch(given::hintsAtDefault)) {
            out.println("  hint: " + FilterAndAlarmOptions.NO_DEFAULT_HINT);
        }
        if (notifications) {
            out.println();
            out.print(mail.length() == 0 ? "  (no notification: the alarm never went to ALARM)\n" : mail.toString());
        }
        return SvgChart.stateIntervals(changes);
    }

    private static String symbol(MetricAlarm alarm) {
        return switch (alarm.comparisonOperator()) {
            case GREATER_THAN_OR_EQUAL_TO_THRESHOLD -> ">=";
            case GREATER_THAN_THRESHOLD -> ">";
            case LESS_THAN_THRESHOLD -> "<";
            case LESS_THAN_OR_EQUAL_TO_THRESHOLD -> "<=";
        };
    }

    /** Reads the events of the s3:// inputs and the log group; IO_ERROR if an object could not be read. */
    private int readAws(Consumer<LogEvent> accept, PrintWriter err) {
        return AwsEvents.read(aws, "metrics", inputs.s3Uris(), awsMetrics.readsLogGroup(logGroup) ? logGroup : null,
                awsMetrics.start(), awsMetrics.end(), (e, from, position) -> {
                    accept.accept(e);
                    return true;
                }, err);
    }

    /** The account's alarms on this metric, with --alarms account; the others are reported. */
    private List<MetricAlarm> accountAlarms(PrintWriter err) {
        if (!accountAlarmsOnly()) {
            return List.of();
        }
        AccountDefinitions.Result<MetricAlarm> all = AccountDefinitions.alarms(aws.clients().cloudWatch());
        List<MetricAlarm> on = new ArrayList<>();
        for (MetricAlarm a : all.definitions()) {
            if (a.namespace().equals(given.namespace) && a.metricName().equals(given.metricName)) {
                if (a.periodSeconds() % 60 != 0) {
                    err.println("cwfilter: alarm \"" + a.alarmName() + "\": its period of " + a.periodSeconds()
                            + " s is shorter than the minute metric-filter metrics are stored at; left out");
                } else {
                    on.add(a);
                }
            }
        }
        for (AccountDefinitions.Problem p : all.problems()) {
            err.println("cwfilter: left out " + p.describe());
        }
        if (on.isEmpty()) {
            err.println("cwfilter: the account has no alarm on " + given.namespace + " / " + given.metricName);
        }
        return on;
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
        s.statistic = given.statistic("metrics");
        s.filter = given.filter("metrics", patternOptions.toBuilder().build(), spec.commandLine().getErr());
        if (given.alarm != null) {
            s.expression = AlarmExpression.parse(given.alarm);
            List<String> alarmActions = notify.alarmActions.isEmpty()
                    ? List.of("arn:aws:sns:us-east-1:123456789012:" + sanitize(given.metricName) + "-alarm")
                    : notify.alarmActions;
            // Configured now, by this command line.
            s.alarm = given.alarm("metrics", s.statistic, s.expression, alarmActions, notify.okActions,
                    parent.environment().millis().getAsLong());
        } else if (notifications && !accountAlarmsOnly()) {
            throw new UsageError("cwfilter metrics: --notifications needs an --alarm");
        }
        if (given.alarm != null && accountAlarmsOnly()) {
            throw new UsageError("cwfilter metrics: --alarms account and --alarm: choose one");
        }
        notify.check("metrics", given.alarm != null, accountAlarmsOnly());
        if ((awsMetrics.putMetricData || awsMetrics.emf != null) && s.filter.metricNamespace().isEmpty()) {
            throw new UsageError("cwfilter metrics: publishing needs a --namespace");
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
