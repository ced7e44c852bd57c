package dev.cwfilter.cli;

import static dev.cwfilter.cli.WatchCommandTest.MINUTE;
import static dev.cwfilter.cli.WatchCommandTest.NOON;
import static dev.cwfilter.cli.WatchCommandTest.WAIT;
import static dev.cwfilter.cli.WatchCommandTest.append;
import static dev.cwfilter.cli.WatchCommandTest.env;
import static dev.cwfilter.cli.WatchCommandTest.lastStatus;
import static dev.cwfilter.cli.WatchCommandTest.minute;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cwfilter.FilterOptions;
import dev.cwfilter.LogEvent;
import dev.cwfilter.LogGroup;
import dev.cwfilter.cli.render.Glyphs;
import dev.cwfilter.definitions.AlarmDefinition;
import dev.cwfilter.definitions.DefinitionFiles;
import dev.cwfilter.definitions.MetricFilterDefinition;
import dev.cwfilter.metric.AlarmEvaluator;
import dev.cwfilter.metric.AlarmStateChange;
import dev.cwfilter.metric.LogGroupMetrics;
import dev.cwfilter.metric.MetricAlarm;
import dev.cwfilter.metric.MetricId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cwfilter watch --metric-filters FILE --alarms FILE}: a whole log group live, from the definitions
 * {@code metrics} reads, on the live runtime; every transition the replay of each alarm makes, as soon as it is
 * decided.
 */
class WatchLogGroupTest {

    static Path filters;
    static Path alarms;
    /** The transitions of every alarm that runs, as watch prints them, in the order the monitor evaluates them. */
    static List<Transition> replay;

    record Transition(long timestamp, int alarm, String line) {
    }

    static Path definitions(String name) throws Exception {
        return MetricsFromDefinitionsTest.definitions(name);
    }

    @BeforeAll
    static void replayTheSeedOverTheLogGroup() throws Exception {
        WatchCommandTest.replayTheSeed();
        filters = definitions("metric-filters.json");
        alarms = definitions("alarms.json");
        List<MetricFilterDefinition> good = DefinitionFiles.read(filters, FilterOptions.defaults()).metricFilters();
        LogGroupMetrics metrics = LogGroupMetrics.of(LogGroup.builder().metricFilters(good.stream()
                .map(MetricFilterDefinition::filter).toList()).build()).acceptAll(WatchCommandTest.seed);
        List<MetricAlarm> running = DefinitionFiles.read(alarms, FilterOptions.defaults()).alarms().stream()
                .map(AlarmDefinition::alarm).filter(a -> metrics.metrics().containsKey(MetricId.of(a))).toList();
        assertThat(running).extracting(MetricAlarm::alarmName).containsExactly("Secret is accessed (Sum)",
                "Deleted secret read");
        // The monitor starts at its first watermark, the first event's time less the lateness, and evaluates every
        // boundary after it (AlarmEvaluator.evaluateEachPeriod), then runs to the end as replay() does.
        long start = WatchCommandTest.seed.get(0).timestamp() - MINUTE;
        List<Transition> all = new ArrayList<>();
        for (int i = 0; i < running.size(); i++) {
            MetricAlarm a = running.get(i);
            dev.cwfilter.metric.MetricAggregator metric = metrics.metric(MetricId.of(a));
            long period = a.periodSeconds() * 1000L;
            long firstWithData = Math.floorDiv(metric.earliestTimestamp().getAsLong(), period) * period + period;
            AlarmEvaluator evaluator = new AlarmEvaluator(a, metric);
            List<AlarmStateChange> changes = new ArrayList<>(evaluator.evaluateEachPeriod(start + 1, firstWithData
                    - 1));
            changes.addAll(evaluator.replay());
            for (AlarmStateChange c : changes) {
                all.add(new Transition(c.timestamp(), i, WatchCommand.transitionLine(a, c, Glyphs.UNICODE)));
            }
        }
        all.sort(Comparator.comparingLong(Transition::timestamp).thenComparingInt(Transition::alarm));
        replay = List.copyOf(all);
        assertThat(replay).extracting(Transition::line).anySatisfy(l -> assertThat(l).startsWith(
                "2026-11-21 12:04  Secret is accessed (Sum): OK → ALARM  Threshold Crossed: 1 out of the last 1"
                        + " datapoints [2.0 (21/11/26 12:03:00)]"));
        assertThat(replay).extracting(Transition::line).anySatisfy(l -> assertThat(l).startsWith(
                "2026-11-21 12:05  Secret is accessed (Sum): ALARM → OK"));
        assertThat(replay).extracting(Transition::line).anySatisfy(l -> assertThat(l).contains(
                "Deleted secret read: OK → ALARM"));
        // Its missing data treated as not breaching, the 300 s alarm is OK at the first boundary after the start.
        assertThat(replay.get(0).line()).startsWith("2026-11-21 12:00  Deleted secret read: INSUFFICIENT_DATA → OK"
                + "  Threshold Crossed: no datapoints were received for 1 period");
    }

    static List<String> expectedBy(long watermark) {
        return replay.stream().filter(t -> t.timestamp() <= watermark).map(Transition::line).toList();
    }

    /**
     * The seed scenario live for a log group: the hour is appended minute by minute to a file; after each minute
     * watch has printed exactly the transitions of every alarm of the log group that the replay makes up to the
     * watermark — ALARM at 12:04 and OK at 12:05 among them, as soon as they are decided; the bad definitions of the
     * files are named at the start, and make the exit status 2 at the end, as with metrics.
     */
    @Test
    void theSeedHourLiveForALogGroupReportsEveryAlarmsTransitionsAsSoonAsTheyAreDecided(@TempDir Path dir)
            throws Exception {
        Path trail = dir.resolve("trail.jsonl");
        LiveRun run = LiveRun.start(env(new AtomicLong(NOON), true), "watch", "--metric-filters", filters.toString(),
                "--alarms", alarms.toString(), "--clock", "event", "--poll-interval", "5", "--status-interval", "5",
                trail.toString());
        String started = run.awaitErr(e -> e.contains("cwfilter: watching"), WAIT, "watch to start");
        assertThat(started).contains("cwfilter: metric filter 'BrokenPattern' (" + filters + " line 33) left out:"
                        + " the filter pattern is invalid")
                .contains("cwfilter: alarm 'Nobody publishes this' (" + alarms + " line 38) left out: its metric"
                        + " SecurityMetrics/Root login is published by no metric filter of the log group")
                .contains("; log group CloudTrail/DefaultLogGroup: 3 metric filters, 2 alarms;");
        int read = 0;
        for (int m = 0; m < 60; m++) {
            List<LogEvent> events = minute(m);
            if (events.isEmpty()) {
                continue;
            }
            append(trail, events);
            read += events.size();
            String count = read + " events (";
            run.awaitErr(e -> lastStatus(e).startsWith(count), WAIT, read + " events read");
            long newest = events.get(events.size() - 1).timestamp();
            List<String> expected = expectedBy(newest - MINUTE);
            run.awaitOut(out -> WatchCommandTest.transitions(out).equals(expected), WAIT,
                    "the transitions up to minute " + m);
            if (m == 4) {
                assertThat(WatchCommandTest.transitions(run.out())).noneMatch(l -> l.contains("OK → ALARM"));
            }
            if (m == 6) {
                assertThat(WatchCommandTest.transitions(run.out())).anySatisfy(l -> assertThat(l).startsWith(
                        "2026-11-21 12:04  Secret is accessed (Sum): OK → ALARM")).anySatisfy(l -> assertThat(l)
                        .startsWith("2026-11-21 12:05  Secret is accessed (Sum): ALARM → OK"));
            }
        }
        assertThat(lastStatus(run.err())).contains("Secret is accessed (Sum): ").contains("Deleted secret read: ");
        assertThat(run.stop()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.out()).contains("Summary (stopped): 1 file, 127 events, 10 matched")
                .contains("  metric filter SecretIsAccessed: 6 matched\n")
                .contains("  metric filter AttemptsToAccessDeletedSecrets: 1 matched\n")
                .contains("  metric filter ErrorsByUser: 3 matched\n")
                .contains("  alarm \"Secret is accessed (Sum)\": OK since 2026-11-21 12:43, 9 transitions");
    }

    /** With --no-follow at event time, the log group runs to the end: every transition of the replay, in order. */
    @Test
    void noFollowRunsTheLogGroupToTheEndLikeMetrics() throws Exception {
        Run run = Run.of("watch", "--no-follow", "--metric-filters", filters.toString(), "--alarms",
                alarms.toString(), Run.seed().toString());
        assertThat(run.code()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(WatchCommandTest.transitions(run.out())).isEqualTo(replay.stream().map(Transition::line)
                .toList());
        assertThat(run.out()).contains("Summary (the inputs ended): 1 file, 127 events, 10 matched")
                .contains("  alarm \"Secret is accessed (Sum)\": INSUFFICIENT_DATA since 2026-11-21 13:03, 12"
                        + " transitions");
        Run metrics = Run.of("metrics", "--metric-filters", filters.toString(), "--alarms", alarms.toString(),
                Run.seed().toString());
        // The same definitions left out, in the same words, as metrics names them.
        for (String line : metrics.err().lines().filter(l -> l.contains("left out")).toList()) {
            assertThat(run.err()).contains(line);
        }
    }

    /** Definitions without problems run to exit status 0; a template gives both filters and alarms. */
    @Test
    void aTemplatesFiltersAndAlarmsRunLive(@TempDir Path dir) throws Exception {
        String text = MetricsFromDefinitionsTest.TEMPLATE;
        Path template = Files.writeString(dir.resolve("monitoring.yaml"), text.substring(0,
                text.indexOf("  CpuAlarm:")));
        Run run = Run.of("watch", "--no-follow", "--metric-filters", template.toString(), "--alarms",
                template.toString(), Run.seed().toString());
        assertThat(run.code()).as(run.toString()).isZero();
        assertThat(WatchCommandTest.transitions(run.out())).isEqualTo(WatchCommandTest.expectedLines);
        assertThat(run.out()).contains("  alarm \"Secret is accessed\": INSUFFICIENT_DATA since 2026-11-21 13:03, 12"
                + " transitions");
        assertThat(run.err()).isEmpty();
    }

    /**
     * docs/cli.md's {@code watch --metric-filters monitoring.yaml --alarms monitoring.yaml --clock event --no-follow
     * trail/}: with --no-follow a directory is read as filter and metrics read it (CloudTrail's S3 layout, every file
     * under it in path order), not refused as "is a directory".
     */
    @Test
    void noFollowReadsADirectoryAsMetricsDoes(@TempDir Path dir) throws Exception {
        String text = MetricsFromDefinitionsTest.TEMPLATE;
        Path template = Files.writeString(dir.resolve("monitoring.yaml"), text.substring(0,
                text.indexOf("  CpuAlarm:")));
        Path trail = dir.resolve("trail");
        List<Path> written = CloudTrailTree.write(trail, "us-east-1",
                CloudTrailTree.records(Files.readAllBytes(Run.seed())), 10, NOON, false);
        Run run = Run.of("watch", "--metric-filters", template.toString(), "--alarms", template.toString(),
                "--clock", "event", "--no-follow", trail.toString());
        assertThat(run.code()).as(run.toString()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(WatchCommandTest.transitions(run.out())).isEqualTo(WatchCommandTest.expectedLines);
        assertThat(run.out()).contains("Summary (the inputs ended): " + written.size() + " files, 127 events");
    }

    /** Followed inputs are files: a directory is refused with the reason, not retried forever. */
    @Test
    @Timeout(60)
    void aDirectoryToFollowIsAnInvalidOption(@TempDir Path dir) throws Exception {
        Run run = Run.of("watch", "-p", "ERROR", dir.toString());
        assertThat(run.code()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("cwfilter watch: " + dir + " is a directory: watch follows files; read a"
                + " directory once with --no-follow");
    }

    @Test
    void optionsThatDoNotGoTogetherExit2WithTheReason() throws Exception {
        Run both = Run.of("watch", "--metric-filters", filters.toString(), "-p", "ERROR", "x.log");
        assertThat(both.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(both.err()).contains("--metric-filters takes the filters and alarms from files");
        Run alarmsAlone = Run.of("watch", "-p", "ERROR", "--alarms", alarms.toString(), "x.log");
        assertThat(alarmsAlone.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(alarmsAlone.err()).contains("--alarms goes with --metric-filters");
        Run nothing = Run.of("watch", "x.log");
        assertThat(nothing.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(nothing.err()).contains("Missing required option: '--filter-pattern=PATTERN' (or the metric"
                + " filters of a log group: --metric-filters FILE)");
        Run twoGroups = Run.of("watch", "--metric-filters", filters.toString(), "--log-group", "other", "x.log");
        assertThat(twoGroups.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(twoGroups.err()).contains("cwfilter watch: --log-group other: no metric filter of the files is on"
                + " that log group; they are on CloudTrail/DefaultLogGroup");
        Run notify = Run.of("watch", "--metric-filters", filters.toString(), "--notify", "x.log");
        assertThat(notify.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(notify.err()).contains("--notify needs an alarm (--alarm with --alarm-action, or --metric-filters"
                + " with --alarms)");
    }
}
