package dev.cwfilter.cli;

import dev.cwfilter.FilterOptions;
import dev.cwfilter.aws.AwsCallException;
import dev.cwfilter.aws.DeliveryCounts;
import dev.cwfilter.aws.DeliveryFailure;
import dev.cwfilter.aws.LogGroupEmfWriter;
import dev.cwfilter.aws.LogGroupFollower;
import dev.cwfilter.aws.MetricDataStream;
import dev.cwfilter.aws.SnsAlarmNotifier;
import dev.cwfilter.aws.WhenFull;
import dev.cwfilter.LogEvent;
import dev.cwfilter.LogGroup;
import dev.cwfilter.MetricFilter;
import dev.cwfilter.cli.input.BadEvents;
import dev.cwfilter.cli.input.Event;
import dev.cwfilter.cli.input.EventSink;
import dev.cwfilter.cli.input.EventSource;
import dev.cwfilter.cli.input.FileFollower;
import dev.cwfilter.cli.input.Input;
import dev.cwfilter.cli.input.InputFormat;
import dev.cwfilter.cli.input.Progress;
import dev.cwfilter.cli.render.Glyphs;
import dev.cwfilter.cli.render.Values;
import dev.cwfilter.live.LogGroupMonitor;
import dev.cwfilter.live.MonitorClock;
import dev.cwfilter.live.MonitorListener;
import dev.cwfilter.live.MonitorStats;
import dev.cwfilter.live.Rejection;
import dev.cwfilter.metric.AlarmListener;
import dev.cwfilter.metric.AlarmState;
import dev.cwfilter.metric.AlarmStateChange;
import dev.cwfilter.metric.MetricAlarm;
import dev.cwfilter.metric.MetricId;
import dev.cwfilter.metric.PeriodStatistics;
import dev.cwfilter.metric.Statistic;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code cwfilter watch}: a metric filter and an alarm, or a log group's metric filters and the alarms on their metrics
 * ({@code --metric-filters}, {@code --alarms}), live, over files followed as {@code tail -F} follows them, standard
 * input, or a CloudWatch Logs log group followed as {@code aws logs tail --follow} follows it. Each alarm transition is
 * printed the moment it happens; on a terminal a status line shows the events per second, the matches and the alarms'
 * states; Ctrl-C stops with a summary.
 *
 * <p>Not thread-safe: picocli creates one instance per command line and fills its options.
 */
@Command(name = "watch", mixinStandardHelpOptions = true, sortOptions = false,
        versionProvider = VersionProvider.class,
        description = {
            "Runs a metric filter and an alarm live, as CloudWatch runs them: follows log files as tail -F does "
                    + "(rotation, truncation, files that appear later or are deleted and come back) or reads "
                    + "standard input, and prints each alarm transition the moment it happens, with CloudWatch's "
                    + "state reason. On a terminal, a status line shows events per second, matches and the alarm's "
                    + "state. Ctrl-C stops with a summary.",
            "With --metric-filters FILE|log-group:NAME and --alarms FILE|account, runs a log group's metric "
                    + "filters and the alarms on their metrics instead, from the definitions metrics reads (bad "
                    + "definitions are named on standard error and left out). --log-group NAME follows the log "
                    + "group in CloudWatch Logs (FilterLogEvents, as aws logs tail --follow).",
            "--clock wall (the default when following) evaluates at each period boundary of the wall clock once "
                    + "the lateness has passed; events without a timestamp are stamped when they are read. --clock "
                    + "event (the default with --no-follow) replays at event time: the watermark trails the newest "
                    + "event by the lateness, so a transition is printed as soon as the events that decide it are "
                    + "read.",
            ""},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:stopped (Ctrl-C, or the inputs ended)",
            "1:an input could not be read, or an AWS call failed (a notification not delivered, datapoints not "
                    + "published, the log group not read)",
            "2:invalid pattern, metric filter, statistic, period, alarm expression or option; with "
                    + "--metric-filters: a definition was invalid and left out (the others ran)"},
        footerHeading = "%nExamples:%n",
        footer = {
            "  cwfilter watch -p '{ $.eventName = \"GetSecretValue\" }' --value 1 --default 0 --stat Sum \\",
            "      --alarm '>= 1 for 1 of 1' /var/log/cloudtrail.jsonl",
            "  tail -F app.log | cwfilter watch -p ERROR --alarm '>= 5 for 2 of 3' --period 300",
            "  cwfilter watch --clock event --no-follow -p '{ $.eventName = \"GetSecretValue\" }' --default 0 \\",
            "      --alarm '>= 1' trail.json",
            "  cwfilter watch --metric-filters filters.json --alarms alarms.json /var/log/trail.jsonl",
            "  cwfilter watch --metric-filters log-group:CloudTrail/logs --alarms account --log-group CloudTrail/logs \\",
            "      --notify --put-metric-data --region eu-west-1",
            "  (docs/cli.md#watch; docs/aws.md: the AWS options and the IAM permissions each needs)"})
public final class WatchCommand implements Callable<Integer> {

    private static final Pattern DURATION = Pattern.compile("(\\d{1,9})(ms|s|m|h)");

    @ParentCommand
    private CwfilterCommand parent;

    @Spec
    private CommandSpec spec;

    @Mixin
    private FilterAndAlarmOptions given;

    @Option(names = "--metric-filters", paramLabel = "FILE|log-group:NAME",
            description = "Run the metric filters of FILE instead of -p, as metrics does: describe-metric-filters "
                    + "JSON, a CloudFormation template or a Terraform plan; or log-group:NAME, the filters of that log "
                    + "group in the account. May be given more than once.")
    private List<String> metricFilterSources = new ArrayList<>();

    @Option(names = "--alarms", paramLabel = "FILE|account",
            description = "With --metric-filters: the alarms of FILE (describe-alarms JSON, a template, a plan) or "
                    + "of the account, on the metrics the filters publish. May be given more than once.")
    private List<String> alarmSources = new ArrayList<>();

    @Option(names = "--log-group", paramLabel = "NAME",
            description = "The log group: with --metric-filters FILE, run the filters of this log group; and, when "
                    + "no FILE is named or --start-time is given, follow it in CloudWatch Logs (FilterLogEvents "
                    + "polled as aws logs tail --follow does).")
    private String logGroup;

    @Option(names = "--log-group-poll-interval", paramLabel = "MILLIS", defaultValue = "5000",
            description = "How often the followed log group is asked for new events, in milliseconds (aws logs tail "
                    + "asks every 5 s; FilterLogEvents has a per-account rate quota). Default: ${DEFAULT-VALUE}.")
    private int logGroupPollInterval;

    @Option(names = "--clock", paramLabel = "wall|event",
            description = "wall: the wall clock (default when following); event: event time, the watermark trailing "
                    + "the newest event (default with --no-follow).")
    private String clock;

    @Option(names = "--lateness", paramLabel = "DURATION", defaultValue = "1m",
            description = "How far the watermark trails now: how late an event may arrive and still count as in a "
                    + "replay (500ms, 30s, 1m, 2h). Default: ${DEFAULT-VALUE}.")
    private String lateness;

    @Option(names = "--from-start",
            description = "Read followed files from their start (default with --clock event); otherwise only what "
                    + "is appended from now on (files that appear later are always read from their start).")
    private boolean fromStart;

    @Option(names = "--no-follow",
            description = "Read the inputs once to their end and stop; with --clock event, then evaluate until the "
                    + "last datapoint has left the alarm's range, as metrics does. Any input format.")
    private boolean noFollow;

    @Option(names = "--poll-interval", paramLabel = "MILLIS", defaultValue = "250",
            description = "How often followed files are looked at, in milliseconds. Default: ${DEFAULT-VALUE}.")
    private int pollInterval;

    @Option(names = "--status-interval", paramLabel = "MILLIS", defaultValue = "1000",
            description = "How often the status line is redrawn on a terminal, in milliseconds. Default: "
                    + "${DEFAULT-VALUE}.")
    private int statusInterval;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "auto",
            converter = InputOptions.FormatConverter.class,
            description = "How standard input (and inputs read with --no-follow) hold events, as for filter. "
                    + "Followed files are read as lines. Default: ${DEFAULT-VALUE}.")
    private InputFormat format;

    @Parameters(paramLabel = "FILE", arity = "0..*",
            description = "Log files to follow (one event per line, text or JSON); '-' or none: standard input. With "
                    + "--no-follow, any input filter reads, directories included.")
    private List<String> files = new ArrayList<>();

    @Mixin
    private PatternOptions patternOptions;

    @Mixin
    private NotifyOptions notify;

    @Mixin
    private AwsOptions aws;

    @Mixin
    private AwsMetricsOptions awsMetrics;

    private boolean eventClock;
    private Console console;
    /** With --metric-filters: what runs, and the problems. */
    private LogGroupDefinitions definitions;

    @Override
    public Integer call() throws Exception {
        return aws.call(spec.commandLine().getErr(), this::run);
    }

    private Integer run() throws Exception {
        for (String f : files) {
            if (f.startsWith("s3://")) {
                throw new UsageError("cwfilter watch: " + f + ": an S3 prefix holds CloudTrail log files already"
                        + " delivered, each covering minutes that are over, so there is nothing to follow as it happens;"
                        + " replay them with 'cwfilter metrics " + f + "', or follow the trail's CloudWatch Logs log"
                        + " group with --log-group NAME");
            }
        }
        if (!noFollow) {
            for (String f : files) {
                if (!f.equals("-") && Files.isDirectory(Path.of(f))) {
                    throw new UsageError("cwfilter watch: " + f + " is a directory: watch follows files; read a"
                            + " directory once with --no-follow");
                }
            }
        }
        if (awsMetrics.endTime != null) {
            throw new UsageError("cwfilter watch: --end-time: watch follows without an end; for a time range use"
                    + " 'cwfilter metrics --log-group NAME --start-time T --end-time T'");
        }
        boolean followsLogGroup = logGroup != null && (files.isEmpty() || awsMetrics.startTime != null);
        if (awsMetrics.startTime != null && logGroup == null) {
            throw new UsageError("cwfilter watch: --start-time goes with --log-group NAME (where following it starts)");
        }
        if (logGroupPollInterval < 1 || logGroupPollInterval > 600_000) {
            throw new UsageError("cwfilter watch: --log-group-poll-interval " + logGroupPollInterval
                    + ": 1 to 600000 milliseconds");
        }
        boolean fromDefinitions = !metricFilterSources.isEmpty();
        FilterOptions options;
        LogGroup group;
        List<MetricAlarm> alarms = new ArrayList<>();
        MetricAlarm metricAlarm = null;
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (fromDefinitions) {
            if (given.anyFilterOptionGiven()) {
                throw new UsageError("cwfilter watch: --metric-filters takes the filters and alarms from files; -p,"
                        + " --value, --default, --dimension, --unit, --alarm and --alarm-name describe one filter on"
                        + " the command line instead");
            }
            notify.check("watch", false, !alarmSources.isEmpty());
            options = patternOptions.toBuilder().build();
            FilterOptions compile = options;
            definitions = LogGroupDefinitions.load("watch", metricFilterSources, alarmSources, logGroup, options,
                    source -> AccountSources.definitions(aws, source, compile, err), err);
            definitions.report();
            group = definitions.group();
            definitions.alarms().forEach(a -> alarms.add(a.alarm()));
        } else {
            if (given.pattern == null) {
                throw new UsageError("cwfilter watch: Missing required option: '--filter-pattern=PATTERN' (or the"
                        + " metric filters of a log group: --metric-filters FILE)");
            }
            if (!alarmSources.isEmpty()) {
                throw new UsageError("cwfilter watch: --alarms goes with --metric-filters (the alarm of -p is"
                        + " --alarm)");
            }
            MetricFilter filter = filter();
            metricAlarm = alarm();
            options = filter.options();
            group = LogGroup.builder().metricFilter(filter).build();
            if (metricAlarm != null) {
                alarms.add(metricAlarm);
            }
        }
        if ((awsMetrics.putMetricData || awsMetrics.emf != null) && group.metricFilters().stream()
                .anyMatch(f -> f.metricNamespace().isEmpty())) {
            throw new UsageError("cwfilter watch: publishing needs a --namespace");
        }
        Duration latenessValue = duration("--lateness", lateness);
        if (pollInterval < 1 || pollInterval > 60_000) {
            throw new UsageError("cwfilter watch: --poll-interval " + pollInterval + ": 1 to 60000 milliseconds");
        }
        if (statusInterval < 1 || statusInterval > 60_000) {
            throw new UsageError("cwfilter watch: --status-interval " + statusInterval
                    + ": 1 to 60000 milliseconds");
        }
        eventClock = clock == null ? noFollow : switch (clock) {
            case "event" -> true;
            case "wall" -> false;
            default -> throw new UsageError("cwfilter watch: --clock '" + clock + "': wall or event");
        };
        boolean readFromStart = fromStart || eventClock;
        CliEnvironment env = parent.environment();
        Glyphs glyphs = env.unicode() ? Glyphs.UNICODE : Glyphs.ASCII;
        console = new Console(out, err, env.stderrIsTerminal());
        int maxEventBytes = options.maxEventBytes();

        Counts counts = new Counts();
        LogGroupMonitor.Builder builder = LogGroupMonitor.builder(group).listener(counts)
                .clock(eventClock ? MonitorClock.eventTime() : MonitorClock.manual()).lateness(latenessValue)
                .threadFactory(r -> {
                    Thread t = new Thread(r, "cwfilter-watch");
                    t.setDaemon(true);
                    return t;
                });
        if (!alarms.isEmpty()) {
            builder.alarms(alarms).alarmListener(transitionPrinter(glyphs)).alarmListener(counts);
        }
        // Live, nothing sent to AWS holds up evaluation: a full outbox refuses, and the refusal is reported.
        SnsAlarmNotifier notifier = notify.notify ? notify.notifier(aws, WhenFull.REJECT,
                line -> console.line(console.err, line)) : null;
        if (notifier != null) {
            builder.alarmListener(notifier);
        }
        if (awsMetrics.putMetricData) {
            counts.metricData = MetricDataStream.builder(aws.clients().cloudWatch()).listener(
                    new MetricDataStream.Listener() {
                        @Override
                        public void failed(MetricDataStream.Datum datum, DeliveryFailure failure) {
                            console.line(console.err, "cwfilter: datapoint NOT published: " + failure.message());
                        }
                    }).build();
        }
        if (awsMetrics.emf != null) {
            java.io.Writer w = awsMetrics.openEmf(err);
            if (w == null) {
                return ExitCodes.IO_ERROR;
            }
            counts.emf = LogGroupEmfWriter.to(w, group);
            builder.groupListener(counts.emf);
        }
        LogGroupFollower follower = null;
        if (followsLogGroup) {
            long start = awsMetrics.startTime == null ? env.millis().getAsLong() : awsMetrics.start();
            // Events that reach CloudWatch Logs up to the lateness late still count: ask for them again.
            follower = LogGroupFollower.builder(aws.clients().logs(), logGroup, start).lookback(latenessValue)
                    .build();
        }

        List<Path> followed = new ArrayList<>();
        boolean stdin = files.isEmpty() && !followsLogGroup;
        for (String f : files) {
            if (f.equals("-")) {
                stdin = true;
            } else {
                followed.add(Path.of(f));
            }
        }
        BadEvents bad = new BadEvents();
        List<BadEvents> readerReports = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        long started = env.millis().getAsLong();
        AtomicLong now = new AtomicLong(started);
        String how;
        int fileCount = followed.size();
        try (LogGroupMonitor monitor = builder.build(); CtrlC ctrlC = CtrlC.install(Thread.currentThread())) {
            Feeder feeder = new Feeder(monitor, bad, now);
            if (!eventClock) {
                monitor.advanceTo(started);
            }
            if (noFollow) {
                List<Input> once = new ArrayList<>();
                followed.forEach(p -> Input.fileOrDirectory(p, once));
                fileCount = once.size();
                how = readOnce(once, stdin, env.stdin(), maxEventBytes, feeder, readerReports, errors);
                if (follower != null && how.startsWith("the input")) {
                    how = readLogGroupOnce(follower, monitor, errors);
                }
            } else {
                how = follow(followed, stdin, env, readFromStart, maxEventBytes, feeder, bad, readerReports, errors,
                        monitor, ctrlC, now, follower);
            }
            boolean stopped = ctrlC.pressed() || Thread.interrupted();
            try {
                if (eventClock && !stopped && how.startsWith("the input")) {
                    monitor.finish();
                } else {
                    monitor.sync();
                }
            } catch (InterruptedException e) {
                stopped = true;
            }
            console.clearStatus();
            summary(out, monitor, counts, inputs(fileCount, stdin, follower),
                    env.millis().getAsLong() - started, stopped ? "stopped" : how);
        }
        int code = errors.isEmpty() ? ExitCodes.OK : ExitCodes.IO_ERROR;
        if (notifier != null) {
            notifier.close();
            DeliveryCounts c = notifier.counts();
            out.println("Notifications  " + c.delivered() + " published to SNS" + (c.failed() == 0 ? ""
                    : ", " + c.failed() + " NOT delivered (see standard error)"));
            if (c.failed() > 0) {
                code = ExitCodes.IO_ERROR;
            }
        }
        if (counts.metricData != null) {
            counts.metricData.close();
            DeliveryCounts c = counts.metricData.counts();
            out.println("PutMetricData  " + c.delivered() + " statistic sets published to CloudWatch"
                    + (c.failed() == 0 ? "" : ", " + c.failed() + " NOT published (see standard error)"));
            if (c.failed() > 0) {
                code = ExitCodes.IO_ERROR;
            }
        }
        if (counts.emf != null) {
            try {
                counts.emf.close();
                for (String problem : counts.emf.problems()) {
                    err.println("cwfilter: EMF: " + problem);
                }
                out.println("EMF            " + counts.emf.lines() + (counts.emf.lines() == 1 ? " line" : " lines")
                        + " written to " + awsMetrics.emf + (counts.emf.skipped() == 0 ? "" : "; "
                        + counts.emf.skipped() + " datapoints NOT written (see standard error)"));
            } catch (java.io.IOException | java.io.UncheckedIOException e) {
                err.println("cwfilter: cannot write the EMF file '" + awsMetrics.emf + "': " + e.getMessage());
                code = ExitCodes.IO_ERROR;
            }
        }
        for (String e : errors) {
            err.println("cwfilter: " + e);
        }
        readerReports.add(bad);
        for (BadEvents report : readerReports) {
            for (String line : report.report(maxEventBytes, eventClock ? "left out (event time needs timestamps)"
                    : "stamped with the time they were read")) {
                err.println(line);
            }
        }
        if (counts.report(err, counts.emf)) {
            code = ExitCodes.IO_ERROR;
        }
        if (definitions != null) {
            definitions.reportAccountAlarmsElsewhere();
            // As metrics: a bad definition is the command line's fault (exit 2) even though the others ran.
            if (!definitions.problems().isEmpty() || definitions.code() == ExitCodes.USAGE) {
                code = ExitCodes.USAGE;
            } else if (definitions.code() == ExitCodes.IO_ERROR) {
                code = ExitCodes.IO_ERROR;
            }
        }
        out.flush();
        err.flush();
        return code;
    }

    /**
     * Reads every input once with the readers {@code filter} uses (the files, directories replaced by the files under
     * them, as {@code filter} reads them); how the reading ended.
     */
    private String readOnce(List<Input> files, boolean stdin, InputStream in, int maxEventBytes, Feeder feeder,
                            List<BadEvents> reports, List<String> errors) {
        List<Input> inputs = new ArrayList<>(files);
        if (stdin) {
            inputs.add(Input.stream("-", in));
        }
        EventSource source = new EventSource(inputs, format, maxEventBytes, Progress.none());
        boolean completed = source.forEach(feeder);
        reports.add(source.badEvents());
        errors.addAll(source.errors());
        return completed ? "the inputs ended" : "stopped";
    }

    /** With --no-follow: the log group's events from the start time to now, once. */
    private String readLogGroupOnce(LogGroupFollower follower, LogGroupMonitor monitor, List<String> errors) {
        boolean[] stopped = {false};
        try {
            follower.poll(e -> {
                try {
                    monitor.put(e);
                    return true;
                } catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                    stopped[0] = true;
                    return false;
                }
            });
        } catch (AwsCallException e) {
            errors.add(e.getMessage());
        }
        return stopped[0] ? "stopped" : "the inputs ended";
    }

    /**
     * Follows the files, standard input and the log group until Ctrl-C, an interrupt, or the end of standard input
     * alone.
     */
    private String follow(List<Path> paths, boolean stdin, CliEnvironment env, boolean readFromStart,
                          int maxEventBytes, Feeder feeder, BadEvents bad, List<BadEvents> reports,
                          List<String> errors, LogGroupMonitor monitor, CtrlC ctrlC, AtomicLong now,
                          LogGroupFollower logGroupFollower)
            throws InterruptedException {
        FileFollower follower = new FileFollower(paths, readFromStart, maxEventBytes, bad,
                notice -> console.line(console.err, "cwfilter: " + notice));
        StdinPump pump = stdin ? new StdinPump(env.stdin(), format, maxEventBytes) : null;
        LogGroupPump groupPump = logGroupFollower == null ? null : new LogGroupPump(logGroupFollower, monitor);
        long lastStatus = 0;
        long lastEvents = 0;
        boolean announced = false;
        try {
            while (!ctrlC.pressed()) {
                // The clock is read before the inputs: every event read in this round counts before time moves.
                long c = env.millis().getAsLong();
                now.set(c);
                if (pump != null && !pump.drainTo(feeder)) {
                    if (paths.isEmpty() && groupPump == null) {
                        if (!eventClock) {
                            monitor.advanceTo(c);
                        }
                        return "the input ended";
                    }
                }
                if (!follower.poll(feeder)) {
                    return "stopped";
                }
                if (!eventClock) {
                    monitor.advanceTo(c);
                }
                if (!announced) {
                    announced = true;
                    console.line(console.err, "cwfilter: watching " + watched(paths, pump != null, readFromStart,
                            logGroupFollower) + "; " + (eventClock ? "event time" : "wall clock") + ", lateness "
                            + lateness + running() + "; Ctrl-C stops with a summary");
                }
                long wall = System.nanoTime() / 1_000_000;
                if (console.terminal && wall - lastStatus >= statusInterval) {
                    long events = monitor.stats().processed();
                    double perSecond = lastStatus == 0 ? 0 : (events - lastEvents) * 1000.0 / (wall - lastStatus);
                    console.status(statusLine(monitor, perSecond, follower.open(), paths.size()));
                    lastStatus = wall;
                    lastEvents = events;
                }
                Thread.sleep(pollInterval);
            }
            return "stopped";
        } catch (InterruptedException e) {
            return "stopped";
        } finally {
            follower.close();
            errors.addAll(follower.errors());
            if (pump != null) {
                pump.close();
                errors.addAll(pump.errors());
                reports.add(pump.badEvents());
            }
            if (groupPump != null) {
                groupPump.close();
                errors.addAll(groupPump.errors());
            }
        }
    }

    /** {@code ; log group NAME: 3 metric filters, 2 alarms} with --metric-filters. */
    private String running() {
        if (definitions == null) {
            return "";
        }
        int n = definitions.filters().size();
        int a = definitions.alarms().size();
        return "; " + (definitions.groupName().isEmpty() ? "" : "log group " + definitions.groupName() + ": ") + n
                + (n == 1 ? " metric filter, " : " metric filters, ") + a + (a == 1 ? " alarm" : " alarms");
    }

    private static String watched(List<Path> paths, boolean stdin, boolean readFromStart,
                                  LogGroupFollower logGroupFollower) {
        String files = paths.isEmpty() ? "" : paths.size() == 1 ? paths.get(0).toString() : paths.size() + " files";
        if (!files.isEmpty()) {
            files += readFromStart ? " (from the start)" : " (from the end)";
        }
        List<String> parts = new ArrayList<>();
        if (!files.isEmpty()) {
            parts.add(files);
        }
        if (stdin) {
            parts.add("standard input");
        }
        if (logGroupFollower != null) {
            parts.add("log group " + logGroupFollower.logGroupName() + " (from " + CliTime.iso(logGroupFollower
                    .position()) + ")");
        }
        return String.join(" and ", parts);
    }

    private static String inputs(int fileCount, boolean stdin, LogGroupFollower logGroupFollower) {
        List<String> parts = new ArrayList<>();
        if (fileCount > 0) {
            parts.add(fileCount + (fileCount == 1 ? " file" : " files"));
        }
        if (stdin) {
            parts.add("standard input");
        }
        if (logGroupFollower != null) {
            parts.add("log group " + logGroupFollower.logGroupName());
        }
        return String.join(" and ", parts);
    }

    private long matches(LogGroupMonitor monitor) {
        long n = 0;
        for (int i = 0; i < monitor.group().metricFilters().size(); i++) {
            n += monitor.matchCount(i);
        }
        return n;
    }

    private String statusLine(LogGroupMonitor monitor, double perSecond, int open, int files) {
        MonitorStats s = monitor.stats();
        StringBuilder line = new StringBuilder();
        line.append(String.format(Locale.ROOT, "%,d events (%,.0f/s)  %,d matches", s.processed(), perSecond,
                matches(monitor)));
        if (files > 0) {
            line.append("  ").append(open).append('/').append(files).append(files == 1 ? " file" : " files");
        }
        s.watermark().ifPresent(w -> line.append("  watermark ").append(CliTime.HH_MM_SS.format(
                Instant.ofEpochMilli(w))));
        Map<String, AlarmState> states = monitor.states();
        if (states.size() <= 3) {
            states.forEach((name, state) -> line.append("  ").append(name).append(": ").append(state.awsName()));
        } else {
            Map<AlarmState, Integer> byState = new java.util.EnumMap<>(AlarmState.class);
            states.values().forEach(st -> byState.merge(st, 1, Integer::sum));
            line.append("  alarms:");
            byState.forEach((st, n) -> line.append(' ').append(n).append(' ').append(st.awsName()));
        }
        return line.toString();
    }

    private void summary(PrintWriter out, LogGroupMonitor monitor, Counts counts, String inputs, long elapsedMillis,
                         String how) {
        MonitorStats s = monitor.stats();
        out.println();
        out.println("Summary (" + how + "): " + inputs + ", " + String.format(Locale.ROOT,
                "%,d events, %,d matched, %,d datapoints", s.received(), matches(monitor), s.datapoints()));
        out.println("  clock " + (eventClock ? "event time" : "wall") + ", lateness " + lateness
                + s.watermark().stream().mapToObj(w -> ", watermark " + CliTime.iso(w)).findFirst().orElse("")
                + (eventClock ? "" : ", " + Duration.ofMillis(elapsedMillis).toSeconds() + " s"));
        if (definitions != null) {
            for (int i = 0; i < definitions.filters().size(); i++) {
                out.println("  metric filter " + definitions.filters().get(i).name() + ": " + String.format(
                        Locale.ROOT, "%,d matched", monitor.matchCount(i)));
            }
        }
        for (MetricAlarm a : monitor.alarms()) {
            AlarmState state = monitor.state(a.alarmName());
            String since = monitor.lastTransition(a.alarmName())
                    .map(c -> " since " + CliTime.MINUTE.format(Instant.ofEpochMilli(c.timestamp()))).orElse("");
            long transitions = counts.transitions(a.alarmName());
            out.println("  alarm \"" + a.alarmName() + "\": " + state.awsName() + since + ", "
                    + transitions + (transitions == 1 ? " transition" : " transitions"));
        }
        out.flush();
    }

    private AlarmListener transitionPrinter(Glyphs glyphs) {
        // The filter of -p without --default: the first fall back to INSUFFICIENT_DATA gets a hint, once.
        AtomicBoolean hinted = new AtomicBoolean(given.pattern == null);
        return (a, c) -> {
            console.line(console.out, transitionLine(a, c, glyphs));
            if (given.hintsAtDefault(c) && !hinted.getAndSet(true)) {
                console.line(console.err, "cwfilter: hint: " + FilterAndAlarmOptions.NO_DEFAULT_HINT);
            }
        };
    }

    static String transitionLine(MetricAlarm alarm, AlarmStateChange c, Glyphs glyphs) {
        return CliTime.MINUTE.format(Instant.ofEpochMilli(c.timestamp())) + "  " + alarm.alarmName() + ": "
                + c.oldState().awsName() + " " + glyphs.arrow() + " " + c.newState().awsName() + "  " + c.reason();
    }

    private MetricFilter filter() {
        return given.filter("watch", patternOptions.toBuilder().build(), spec.commandLine().getErr());
    }

    private MetricAlarm alarm() {
        Statistic statistic = given.statistic("watch");
        if (given.alarm == null) {
            notify.check("watch", false, false);
            return null;
        }
        notify.check("watch", true, false);
        if (!given.dimensions.isEmpty()) {
            throw new UsageError("cwfilter watch: --alarm with --dimension: an alarm watches one dimension "
                    + "combination, which watch cannot know in advance; leave out --dimension");
        }
        // Configured now, by this command line.
        return given.alarm("watch", statistic, AlarmExpression.parse(given.alarm), notify.alarmActions,
                notify.okActions, parent.environment().millis().getAsLong());
    }

    /** {@code 500ms}, {@code 30s}, {@code 1m}, {@code 2h}, or ISO-8601 ({@code PT1M}). */
    static Duration duration(String option, String text) {
        Matcher m = DURATION.matcher(text.trim());
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                default -> Duration.ofHours(n);
            };
        }
        try {
            Duration d = Duration.parse(text.trim());
            if (!d.isNegative()) {
                return d;
            }
        } catch (DateTimeParseException e) {
            // Reported below.
        }
        throw new UsageError("cwfilter watch: " + option + " '" + text + "': a duration such as 500ms, 30s, 1m, 2h"
                + " or PT1M");
    }

    /** Hands events to the monitor: a timestamp is needed at event time; the read time stands in at wall time. */
    private final class Feeder implements EventSink {
        final LogGroupMonitor monitor;
        final BadEvents bad;
        final AtomicLong now;
        volatile long events;

        Feeder(LogGroupMonitor monitor, BadEvents bad, AtomicLong now) {
            this.monitor = monitor;
            this.bad = bad;
            this.now = now;
        }

        @Override
        public boolean accept(Event event) {
            long t = event.timestamp();
            if (t == Event.NO_TIMESTAMP) {
                bad.add(BadEvents.Kind.NO_TIMESTAMP, event.source(), event.line(), null);
                if (eventClock) {
                    return true;
                }
                t = now.get();
            }
            return put(new LogEvent(t, event.message()));
        }

        boolean eventClock() {
            return eventClock;
        }

        boolean put(LogEvent e) {
            try {
                monitor.put(e);
                events++;
                return true;
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    /**
     * Follows the log group on a thread of its own, so that a slow or failing AWS call never holds up the files or the
     * status line: one poll every --log-group-poll-interval, each event handed to the monitor. A poll that fails (after
     * the SDK's retries) is reported once and tried again at the next interval; the failure is kept for the exit
     * status.
     */
    private final class LogGroupPump {
        private final Thread thread;
        private final List<String> errors = java.util.Collections.synchronizedList(new ArrayList<>());
        private volatile boolean closing;

        LogGroupPump(LogGroupFollower follower, LogGroupMonitor monitor) {
            thread = new Thread(() -> {
                boolean failing = false;
                while (!Thread.currentThread().isInterrupted()) {
                    try {
                        follower.poll(e -> {
                            try {
                                monitor.put(e);
                                return true;
                            } catch (InterruptedException ex) {
                                Thread.currentThread().interrupt();
                                return false;
                            }
                        });
                        if (failing) {
                            failing = false;
                            console.line(console.err, "cwfilter: log group " + follower.logGroupName()
                                    + ": reading again");
                        }
                    } catch (AwsCallException e) {
                        if (closing) {
                            // The call was cut short by the stop (an interrupted read): not a fault of the log group.
                            return;
                        }
                        if (!failing) {
                            failing = true;
                            if (errors.isEmpty()) {
                                errors.add(e.getMessage());
                            }
                            console.line(console.err, "cwfilter: " + e.getMessage() + "; trying again every "
                                    + logGroupPollInterval + " ms");
                        }
                    } catch (IllegalStateException closed) {
                        return;
                    }
                    try {
                        Thread.sleep(logGroupPollInterval);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "cwfilter-watch-log-group");
            thread.setDaemon(true);
            thread.start();
        }

        List<String> errors() {
            return List.copyOf(errors);
        }

        void close() {
            closing = true;
            thread.interrupt();
            try {
                thread.join(60_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Reads standard input on a thread of its own, so that the main loop never blocks on it. */
    private static final class StdinPump {
        private static final Object END = new Object();
        private final BlockingQueue<Object> lines = new ArrayBlockingQueue<>(4096);
        private final Thread thread;
        private volatile EventSource source;

        StdinPump(InputStream in, InputFormat format, int maxEventBytes) {
            thread = new Thread(() -> {
                source = new EventSource(List.of(Input.stream("-", in)), format, maxEventBytes, Progress.none());
                try {
                    source.forEach(event -> {
                        long t = event.timestamp();
                        try {
                            lines.put(new Line(t, event.message(), event.source(), event.line()));
                            return true;
                        } catch (InterruptedException e) {
                            return false;
                        }
                    });
                } finally {
                    try {
                        lines.put(END);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }, "cwfilter-watch-stdin");
            thread.setDaemon(true);
            thread.start();
        }

        record Line(long timestamp, String message, String source, long line) {
        }

        /** Feeds what was read so far; false once standard input has ended. */
        boolean drainTo(Feeder feeder) {
            Object item;
            while ((item = lines.poll()) != null) {
                if (item == END) {
                    lines.offer(END);
                    return false;
                }
                Line l = (Line) item;
                long t = l.timestamp();
                if (t == Event.NO_TIMESTAMP) {
                    feeder.bad.add(BadEvents.Kind.NO_TIMESTAMP, l.source(), l.line(), null);
                    if (feeder.eventClock()) {
                        continue;
                    }
                    t = feeder.now.get();
                }
                if (!feeder.put(new LogEvent(t, l.message()))) {
                    return true;
                }
            }
            return true;
        }

        List<String> errors() {
            return source == null ? List.of() : source.errors();
        }

        BadEvents badEvents() {
            return source == null ? new BadEvents() : source.badEvents();
        }

        void close() {
            thread.interrupt();
        }
    }

    /** Standard output and error, with a status line on a terminal that other lines are printed around. */
    private static final class Console {
        final PrintWriter out;
        final PrintWriter err;
        final boolean terminal;
        private String status = "";

        Console(PrintWriter out, PrintWriter err, boolean terminal) {
            this.out = out;
            this.err = err;
            this.terminal = terminal;
        }

        synchronized void line(PrintWriter to, String text) {
            eraseStatus();
            to.println(text);
            to.flush();
            drawStatus();
        }

        synchronized void status(String text) {
            status = text;
            eraseStatus();
            drawStatus();
        }

        synchronized void clearStatus() {
            eraseStatus();
            status = "";
        }

        private void eraseStatus() {
            if (terminal && !status.isEmpty()) {
                err.print("\r\033[K");
                err.flush();
            }
        }

        private void drawStatus() {
            if (terminal && !status.isEmpty()) {
                err.print(status);
                err.flush();
            }
        }
    }

    /**
     * Counts what the monitor reports about events and alarms, for the summary, and hands each complete period to
     * PutMetricData and each period's end to the EMF lines. Called on the monitor's thread.
     */
    private static final class Counts implements MonitorListener, AlarmListener {
        private final Map<Rejection.Reason, long[]> rejected = new LinkedHashMap<>();
        private final Map<Rejection.Reason, String> firstRejected = new LinkedHashMap<>();
        private final Map<String, Long> transitions = new java.util.HashMap<>();
        private final Map<Object, long[]> listenerFailures = new java.util.LinkedHashMap<>();
        private final Map<Object, String> firstListenerFailure = new java.util.HashMap<>();
        private long late;
        private LogEvent firstLate;
        volatile MetricDataStream metricData;
        volatile LogGroupEmfWriter emf;

        @Override
        public synchronized void late(LogEvent event, long watermark) {
            if (late++ == 0) {
                firstLate = event;
            }
        }

        @Override
        public synchronized void rejected(Rejection rejection) {
            rejected.computeIfAbsent(rejection.reason(), r -> new long[1])[0]++;
            firstRejected.putIfAbsent(rejection.reason(), CliTime.iso(rejection.timestamp()) + ": "
                    + rejection.detail());
        }

        @Override
        public void datapoint(MetricId metric, PeriodStatistics statistics) {
            MetricDataStream out = metricData;
            if (out != null) {
                out.datapoint(metric, statistics);
            }
            LogGroupEmfWriter lines = emf;
            if (lines != null) {
                // A period is complete: the lines of its datapoints are written now, not when the next one starts.
                try {
                    lines.flush();
                } catch (java.io.IOException | java.io.UncheckedIOException e) {
                    listenerFailed(lines, new java.io.UncheckedIOException(e.getMessage(), e instanceof
                            java.io.IOException io ? io : ((java.io.UncheckedIOException) e).getCause()));
                }
            }
        }

        @Override
        public synchronized void listenerFailed(Object listener, RuntimeException failure) {
            listenerFailures.computeIfAbsent(listener, l -> new long[1])[0]++;
            firstListenerFailure.putIfAbsent(listener, String.valueOf(failure.getMessage()));
        }

        @Override
        public synchronized void onStateChange(MetricAlarm alarm, AlarmStateChange change) {
            transitions.merge(alarm.alarmName(), 1L, Long::sum);
        }

        synchronized long transitions(String alarmName) {
            return transitions.getOrDefault(alarmName, 0L);
        }

        /** Prints what was counted; true if something that should have been written was not (EMF lines). */
        synchronized boolean report(PrintWriter err, LogGroupEmfWriter emfLines) {
            if (late > 0) {
                err.println("cwfilter: " + late + (late == 1 ? " event" : " events") + " arrived after the watermark"
                        + " and counted only from then on (the first at " + CliTime.iso(firstLate.timestamp())
                        + "); a larger --lateness waits longer for them");
            }
            rejected.forEach((reason, n) -> err.println("cwfilter: " + n[0] + " " + (n[0] == 1 ? "event" : "events")
                    + " dropped, " + reason.name().toLowerCase(Locale.ROOT).replace('_', ' ') + " (the first: "
                    + firstRejected.get(reason) + ")"));
            boolean lost = false;
            for (Map.Entry<Object, long[]> e : listenerFailures.entrySet()) {
                long n = e.getValue()[0];
                boolean isEmf = e.getKey() == emfLines;
                lost |= isEmf;
                err.println("cwfilter: " + (isEmf ? "EMF: " + n + " times the lines could not be written"
                        : "a listener failed " + n + (n == 1 ? " time" : " times")) + " (the first: "
                        + firstListenerFailure.get(e.getKey()) + ")");
            }
            return lost;
        }
    }
}
