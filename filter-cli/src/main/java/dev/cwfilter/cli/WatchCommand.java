package dev.cwfilter.cli;

import dev.cwfilter.FilterOptions;
import dev.cwfilter.FilterPatternException;
import dev.cwfilter.LogEvent;
import dev.cwfilter.LogGroup;
import dev.cwfilter.MetricFilter;
import dev.cwfilter.StandardUnit;
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
import dev.cwfilter.metric.Statistic;
import dev.cwfilter.metric.TreatMissingData;
import java.io.InputStream;
import java.io.PrintWriter;
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
 * {@code cwfilter watch}: a metric filter and an alarm, live, over files followed as {@code tail -F} follows them or
 * over standard input. Each alarm transition is printed the moment it happens; on a terminal a status line shows the
 * events per second, the matches and the alarm's state; Ctrl-C stops with a summary.
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
            "--clock wall (the default when following) evaluates at each period boundary of the wall clock once "
                    + "the lateness has passed; events without a timestamp are stamped when they are read. --clock "
                    + "event (the default with --no-follow) replays at event time: the watermark trails the newest "
                    + "event by the lateness, so a transition is printed as soon as the events that decide it are "
                    + "read.",
            ""},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:stopped (Ctrl-C, or the inputs ended)",
            "1:an input could not be read",
            "2:invalid pattern, metric filter, statistic, period, alarm expression or option"},
        footerHeading = "%nExamples:%n",
        footer = {
            "  cwfilter watch -p '{ $.eventName = \"GetSecretValue\" }' --value 1 --default 0 --stat Sum \\",
            "      --alarm '>= 1 for 1 of 1' /var/log/cloudtrail.jsonl",
            "  tail -F app.log | cwfilter watch -p ERROR --alarm '>= 5 for 2 of 3' --period 300",
            "  cwfilter watch --clock event --no-follow -p '{ $.eventName = \"GetSecretValue\" }' --default 0 \\",
            "      --alarm '>= 1' trail.json"})
public final class WatchCommand implements Callable<Integer> {

    private static final Pattern DURATION = Pattern.compile("(\\d{1,9})(ms|s|m|h)");

    @ParentCommand
    private CwfilterCommand parent;

    @Spec
    private CommandSpec spec;

    @Option(names = {"-p", "--pattern", "--filter-pattern"}, paramLabel = "PATTERN", required = true,
            description = "The metric filter's pattern.")
    private String pattern;

    @Option(names = "--value", paramLabel = "VALUE", defaultValue = "1",
            description = "What a match publishes: a number, a JSON field ($.latency) or a space-delimited field "
                    + "($size, $7). Default: ${DEFAULT-VALUE}.")
    private String value;

    @Option(names = "--default", paramLabel = "NUMBER",
            description = "What an event that does not match publishes (the metric filter's default value). "
                    + "Default: nothing.")
    private Double defaultValue;

    @Option(names = "--period", paramLabel = "SECONDS", defaultValue = "60",
            description = "The alarm's period: 60 or a multiple of 60. Default: ${DEFAULT-VALUE}.")
    private int period;

    @Option(names = "--stat", paramLabel = "STATISTIC", defaultValue = "Sum",
            description = "The alarm's statistic: SampleCount, Sum, Average, Minimum, Maximum, or an extended one "
                    + "(p99, tm90, ...). Default: ${DEFAULT-VALUE}.")
    private String stat;

    @Option(names = "--dimension", paramLabel = "NAME=FIELD",
            description = "A dimension whose value comes from a field; up to 3. Not with --alarm (an alarm watches "
                    + "one combination) or --default.")
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
                    + "('>= 1 for 1 of 1'). Without it, watch counts events and matches only.")
    private String alarm;

    @Option(names = "--treat-missing-data", paramLabel = "HOW", defaultValue = "missing",
            description = "missing, notBreaching, breaching or ignore. Default: ${DEFAULT-VALUE}.")
    private String treatMissingData;

    @Option(names = "--alarm-name", paramLabel = "NAME", description = "The alarm's name. Default: the metric name, "
            + "the statistic and the expression.")
    private String alarmName;

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
            description = "Log files to follow (one event per line, text or JSON); '-' or none: standard input.")
    private List<String> files = new ArrayList<>();

    @Mixin
    private PatternOptions patternOptions;

    @Mixin
    private NotifyOptions notify;

    @Mixin
    private AwsOptions aws;

    private boolean eventClock;
    private Console console;

    @Override
    public Integer call() throws Exception {
        MetricFilter filter = filter();
        MetricAlarm metricAlarm = alarm();
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
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Glyphs glyphs = env.unicode() ? Glyphs.UNICODE : Glyphs.ASCII;
        console = new Console(out, err, env.stderrIsTerminal());
        int maxEventBytes = filter.options().maxEventBytes();

        LogGroup group = LogGroup.builder().metricFilter(filter).build();
        Counts counts = new Counts();
        LogGroupMonitor.Builder builder = LogGroupMonitor.builder(group).listener(counts)
                .clock(eventClock ? MonitorClock.eventTime() : MonitorClock.manual()).lateness(latenessValue)
                .threadFactory(r -> {
                    Thread t = new Thread(r, "cwfilter-watch");
                    t.setDaemon(true);
                    return t;
                });
        if (metricAlarm != null) {
            builder.alarm(metricAlarm).alarmListener(transitionPrinter(glyphs));
        }
        // Live, a notification never holds up evaluation: a full outbox refuses it, and the refusal is reported.
        dev.cwfilter.aws.SnsAlarmNotifier notifier;
        try {
            notifier = notify.notify ? notify.notifier(aws, dev.cwfilter.aws.WhenFull.REJECT,
                    line -> console.line(console.err, line)) : null;
        } catch (software.amazon.awssdk.core.exception.SdkException e) {
            err.println("cwfilter: AWS: " + dev.cwfilter.aws.AwsErrors.describe(e));
            return ExitCodes.IO_ERROR;
        }
        if (notifier != null) {
            builder.alarmListener(notifier);
        }

        List<Path> followed = new ArrayList<>();
        boolean stdin = files.isEmpty();
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
        try (LogGroupMonitor monitor = builder.build(); CtrlC ctrlC = CtrlC.install(Thread.currentThread())) {
            Feeder feeder = new Feeder(monitor, bad, now);
            if (!eventClock) {
                monitor.advanceTo(started);
            }
            if (noFollow) {
                how = readOnce(followed, stdin, env.stdin(), maxEventBytes, feeder, readerReports, errors);
            } else {
                how = follow(followed, stdin, env, readFromStart, maxEventBytes, feeder, bad, readerReports, errors,
                        monitor, ctrlC, now);
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
            summary(out, monitor, metricAlarm, followed.size(), stdin, env.millis().getAsLong() - started,
                    stopped ? "stopped" : how);
        }
        int code = errors.isEmpty() ? ExitCodes.OK : ExitCodes.IO_ERROR;
        if (notifier != null) {
            notifier.close();
            aws.close();
            dev.cwfilter.aws.DeliveryCounts c = notifier.counts();
            out.println("Notifications  " + c.delivered() + " published to SNS" + (c.failed() == 0 ? ""
                    : ", " + c.failed() + " NOT delivered (see standard error)"));
            if (c.failed() > 0) {
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
        counts.report(err);
        out.flush();
        err.flush();
        return code;
    }

    /** Reads every input once with the readers {@code filter} uses; how the reading ended. */
    private String readOnce(List<Path> paths, boolean stdin, InputStream in, int maxEventBytes, Feeder feeder,
                            List<BadEvents> reports, List<String> errors) {
        List<Input> inputs = new ArrayList<>();
        paths.forEach(p -> inputs.add(Input.file(p)));
        if (stdin) {
            inputs.add(Input.stream("-", in));
        }
        EventSource source = new EventSource(inputs, format, maxEventBytes, Progress.none());
        boolean completed = source.forEach(feeder);
        reports.add(source.badEvents());
        errors.addAll(source.errors());
        return completed ? "the inputs ended" : "stopped";
    }

    /** Follows the files (and standard input) until Ctrl-C, an interrupt, or the end of standard input alone. */
    private String follow(List<Path> paths, boolean stdin, CliEnvironment env, boolean readFromStart,
                          int maxEventBytes, Feeder feeder, BadEvents bad, List<BadEvents> reports,
                          List<String> errors, LogGroupMonitor monitor, CtrlC ctrlC, AtomicLong now)
            throws InterruptedException {
        FileFollower follower = new FileFollower(paths, readFromStart, maxEventBytes, bad,
                notice -> console.line(console.err, "cwfilter: " + notice));
        StdinPump pump = stdin ? new StdinPump(env.stdin(), format, maxEventBytes) : null;
        long lastStatus = 0;
        long lastEvents = 0;
        boolean announced = false;
        try {
            while (!ctrlC.pressed()) {
                // The clock is read before the inputs: every event read in this round counts before time moves.
                long c = env.millis().getAsLong();
                now.set(c);
                if (pump != null && !pump.drainTo(feeder)) {
                    if (paths.isEmpty()) {
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
                    console.line(console.err, "cwfilter: watching " + watched(paths, pump != null, readFromStart)
                            + "; " + (eventClock ? "event time" : "wall clock") + ", lateness " + lateness
                            + "; Ctrl-C stops with a summary");
                }
                long wall = System.nanoTime() / 1_000_000;
                if (console.terminal && wall - lastStatus >= statusInterval) {
                    long events = monitor.stats().processed();
                    double perSecond = lastStatus == 0 ? 0 : (events - lastEvents) * 1000.0 / (wall - lastStatus);
                    console.status(statusLine(monitor, feeder, perSecond, follower.open(), paths.size()));
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
        }
    }

    private static String watched(List<Path> paths, boolean stdin, boolean readFromStart) {
        String files = paths.isEmpty() ? "" : paths.size() == 1 ? paths.get(0).toString() : paths.size() + " files";
        if (!files.isEmpty()) {
            files += readFromStart ? " (from the start)" : " (from the end)";
        }
        return files + (!files.isEmpty() && stdin ? " and " : "") + (stdin ? "standard input" : "");
    }

    private String statusLine(LogGroupMonitor monitor, Feeder feeder, double perSecond, int open, int files) {
        MonitorStats s = monitor.stats();
        StringBuilder line = new StringBuilder();
        line.append(String.format(Locale.ROOT, "%,d events (%,.0f/s)  %,d matches", s.processed(), perSecond,
                monitor.matchCount(0)));
        if (files > 0) {
            line.append("  ").append(open).append('/').append(files).append(files == 1 ? " file" : " files");
        }
        s.watermark().ifPresent(w -> line.append("  watermark ").append(CliTime.HH_MM_SS.format(
                Instant.ofEpochMilli(w))));
        monitor.states().forEach((name, state) -> line.append("  ").append(name).append(": ")
                .append(state.awsName()));
        return line.toString();
    }

    private void summary(PrintWriter out, LogGroupMonitor monitor, MetricAlarm metricAlarm, int fileCount,
                         boolean stdin, long elapsedMillis, String how) {
        MonitorStats s = monitor.stats();
        String inputs = (fileCount > 0 ? fileCount + (fileCount == 1 ? " file" : " files") : "")
                + (fileCount > 0 && stdin ? " and " : "") + (stdin ? "standard input" : "");
        out.println();
        out.println("Summary (" + how + "): " + inputs + ", " + String.format(Locale.ROOT,
                "%,d events, %,d matched, %,d datapoints", s.received(), monitor.matchCount(0), s.datapoints()));
        out.println("  clock " + (eventClock ? "event time" : "wall") + ", lateness " + lateness
                + s.watermark().stream().mapToObj(w -> ", watermark " + CliTime.iso(w)).findFirst().orElse("")
                + (eventClock ? "" : ", " + Duration.ofMillis(elapsedMillis).toSeconds() + " s"));
        if (metricAlarm != null) {
            AlarmState state = monitor.state(metricAlarm.alarmName());
            String since = monitor.lastTransition(metricAlarm.alarmName())
                    .map(c -> " since " + CliTime.MINUTE.format(Instant.ofEpochMilli(c.timestamp()))).orElse("");
            out.println("  alarm \"" + metricAlarm.alarmName() + "\": " + state.awsName() + since + ", "
                    + s.transitions() + (s.transitions() == 1 ? " transition" : " transitions"));
        }
        out.flush();
    }

    private AlarmListener transitionPrinter(Glyphs glyphs) {
        return (a, c) -> console.line(console.out, transitionLine(a, c, glyphs));
    }

    static String transitionLine(MetricAlarm alarm, AlarmStateChange c, Glyphs glyphs) {
        return CliTime.MINUTE.format(Instant.ofEpochMilli(c.timestamp())) + "  " + alarm.alarmName() + ": "
                + c.oldState().awsName() + " " + glyphs.arrow() + " " + c.newState().awsName() + "  " + c.reason();
    }

    private MetricFilter filter() {
        StandardUnit standardUnit = StandardUnit.NONE;
        if (unit != null) {
            try {
                standardUnit = StandardUnit.fromAwsName(unit);
            } catch (IllegalArgumentException e) {
                throw new UsageError("cwfilter watch: --unit: " + e.getMessage());
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
            return b.build();
        } catch (FilterPatternException e) {
            throw new UsageError(e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new UsageError("cwfilter watch: invalid metric filter: " + e.getMessage());
        }
    }

    private MetricAlarm alarm() {
        if (period <= 0 || period % 60 != 0) {
            throw new UsageError("cwfilter watch: --period " + period + ": metric-filter metrics are stored per "
                    + "minute, so the period is 60 seconds or a multiple of 60");
        }
        Statistic statistic;
        try {
            statistic = Statistic.parse(stat);
        } catch (IllegalArgumentException e) {
            throw new UsageError("cwfilter watch: --stat '" + stat + "': " + e.getMessage());
        }
        if (alarm == null) {
            notify.check("watch", false, false);
            return null;
        }
        notify.check("watch", true, false);
        if (!dimensions.isEmpty()) {
            throw new UsageError("cwfilter watch: --alarm with --dimension: an alarm watches one dimension "
                    + "combination, which watch cannot know in advance; leave out --dimension");
        }
        AlarmExpression expression = AlarmExpression.parse(alarm);
        TreatMissingData treat;
        try {
            treat = TreatMissingData.fromAwsName(treatMissingData);
        } catch (IllegalArgumentException e) {
            throw new UsageError("cwfilter watch: --treat-missing-data: " + e.getMessage());
        }
        String name = alarmName != null ? alarmName : metricName + " " + statistic.awsName() + " "
                + expression.symbol() + " " + Values.format(expression.threshold()) + " for "
                + expression.datapointsToAlarm() + " of " + expression.evaluationPeriods();
        try {
            MetricAlarm.Builder b = MetricAlarm.builder().alarmName(name).namespace(namespace).metricName(metricName)
                    .statistic(statistic).periodSeconds(period).evaluationPeriods(expression.evaluationPeriods())
                    .datapointsToAlarm(expression.datapointsToAlarm()).threshold(expression.threshold())
                    .comparisonOperator(expression.operator()).treatMissingData(treat)
                    .alarmActions(notify.alarmActions).okActions(notify.okActions)
                    // Configured now, by this command line.
                    .alarmConfigurationUpdatedTimestamp(parent.environment().millis().getAsLong());
            if (unit != null) {
                b.unit(StandardUnit.fromAwsName(unit));
            }
            return b.build();
        } catch (IllegalArgumentException e) {
            throw new UsageError("cwfilter watch: invalid alarm: " + e.getMessage());
        }
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

    /** Counts what the monitor reports about events, for the summary. */
    private static final class Counts implements MonitorListener {
        private final Map<Rejection.Reason, long[]> rejected = new LinkedHashMap<>();
        private final Map<Rejection.Reason, String> firstRejected = new LinkedHashMap<>();
        private long late;
        private LogEvent firstLate;

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

        synchronized void report(PrintWriter err) {
            if (late > 0) {
                err.println("cwfilter: " + late + (late == 1 ? " event" : " events") + " arrived after the watermark"
                        + " and counted only from then on (the first at " + CliTime.iso(firstLate.timestamp())
                        + "); a larger --lateness waits longer for them");
            }
            rejected.forEach((reason, n) -> err.println("cwfilter: " + n[0] + " " + (n[0] == 1 ? "event" : "events")
                    + " dropped, " + reason.name().toLowerCase(Locale.ROOT).replace('_', ' ') + " (the first: "
                    + firstRejected.get(reason) + ")"));
        }
    }
}
