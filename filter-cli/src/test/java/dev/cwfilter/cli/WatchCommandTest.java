package dev.cwfilter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cwfilter.LogEvent;
import dev.cwfilter.MetricFilter;
import dev.cwfilter.cli.input.EventSource;
import dev.cwfilter.cli.input.Input;
import dev.cwfilter.cli.input.InputFormat;
import dev.cwfilter.cli.input.Progress;
import dev.cwfilter.cli.render.Glyphs;
import dev.cwfilter.metric.AlarmComparisonOperator;
import dev.cwfilter.metric.AlarmEvaluator;
import dev.cwfilter.metric.AlarmStateChange;
import dev.cwfilter.metric.FilterMetrics;
import dev.cwfilter.metric.MetricAlarm;
import dev.cwfilter.metric.Statistic;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WatchCommandTest {

    static final Duration WAIT = Duration.ofSeconds(20);
    static final long NOON = Instant.parse("2026-11-21T12:00:00Z").toEpochMilli();
    static final long MINUTE = 60_000;

    /** The seed hour as CloudTrail delivers it to CloudWatch Logs: one compact JSON record per event. */
    static List<LogEvent> seed;
    static List<String> expectedLines;
    static List<AlarmStateChange> replay;

    static final String[] SEED_FILTER = {"-p", "{ $.eventName = \"GetSecretValue\" }", "--value", "1", "--default",
        "0", "--period", "60", "--stat", "Sum", "--alarm", ">= 1 for 1 of 1", "--namespace", "SecurityMetrics",
        "--metric-name", "Secret is accessed", "--alarm-name", "Secret is accessed"};

    @BeforeAll
    static void replayTheSeed() {
        List<LogEvent> events = new ArrayList<>();
        new EventSource(List.of(Input.file(Run.seed())), InputFormat.AUTO, 1 << 20, Progress.none()).forEach(e -> {
            events.add(new LogEvent(e.timestamp(), e.message()));
            return true;
        });
        seed = List.copyOf(events);
        MetricFilter filter = MetricFilter.builder().filterPattern("{ $.eventName = \"GetSecretValue\" }")
                .metricNamespace("SecurityMetrics").metricName("Secret is accessed").metricValue("1").defaultValue(0)
                .build();
        MetricAlarm alarm = alarm();
        replay = new AlarmEvaluator(alarm, FilterMetrics.of(filter).acceptAll(seed).metric()).replay();
        expectedLines = replay.stream().map(c -> WatchCommand.transitionLine(alarm, c, Glyphs.UNICODE)).toList();
        assertThat(expectedLines.get(1)).startsWith("2026-11-21 12:04  Secret is accessed: OK → ALARM  Threshold"
                + " Crossed: 1 out of the last 1 datapoints [2.0 (21/11/26 12:03:00)]");
        assertThat(expectedLines.get(2)).startsWith("2026-11-21 12:05  Secret is accessed: ALARM → OK  Threshold");
    }

    static MetricAlarm alarm() {
        return MetricAlarm.builder().alarmName("Secret is accessed").namespace("SecurityMetrics")
                .metricName("Secret is accessed").statistic(Statistic.SUM).periodSeconds(60).evaluationPeriods(1)
                .datapointsToAlarm(1).threshold(1)
                .comparisonOperator(AlarmComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD).build();
    }

    static String[] args(String... more) {
        List<String> all = new ArrayList<>(List.of("watch"));
        all.addAll(List.of(SEED_FILTER));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    static void append(Path file, List<LogEvent> events) throws Exception {
        String text = events.stream().map(e -> e.message() + "\n").collect(Collectors.joining());
        Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    static List<LogEvent> minute(int m) {
        long from = NOON + m * MINUTE;
        return seed.stream().filter(e -> e.timestamp() >= from && e.timestamp() < from + MINUTE).toList();
    }

    /** The transition lines the replay has made by a watermark: the ones stamped at or before it. */
    static List<String> expectedBy(long watermark) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < replay.size(); i++) {
            if (replay.get(i).timestamp() <= watermark) {
                lines.add(expectedLines.get(i));
            }
        }
        return lines;
    }

    /** The latest status line drawn on standard error. */
    static String lastStatus(String err) {
        int at = err.lastIndexOf("\r\033[K");
        return at < 0 ? "" : err.substring(at + 4);
    }

    static List<String> transitions(String out) {
        return out.lines().filter(l -> l.startsWith("2026-")).toList();
    }

    static CliEnvironment env(AtomicLong clock, boolean terminal) {
        return new CliEnvironment(new ByteArrayInputStream(new byte[0]), Map.of("LANG", "C.UTF-8"), terminal,
                clock::get);
    }

    /**
     * The seed scenario, live, at event time: the hour of CloudTrail is appended to a file (which does not exist when
     * watch starts) minute by minute; after each minute, watch has printed exactly the replay's transitions up to
     * the watermark (the newest event minus the one-minute lateness): ALARM at 12:04 once an event of 12:05 is read,
     * OK at 12:05 once one of 12:06 is.
     */
    @Test
    void theSeedHourAppendedMinuteByMinuteReportsTheReplaysTransitionsAsSoonAsTheyAreDecided(@TempDir Path dir)
            throws Exception {
        Path trail = dir.resolve("trail.jsonl");
        LiveRun run = LiveRun.start(env(new AtomicLong(NOON), true), args("--clock", "event", "--poll-interval",
                "5", "--status-interval", "5", trail.toString()));
        run.awaitErr(e -> e.contains("trail.jsonl does not exist yet"), WAIT, "the missing file to be reported");
        long newest = Long.MIN_VALUE;
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
            newest = events.get(events.size() - 1).timestamp();
            List<String> expected = expectedBy(newest - MINUTE);
            run.awaitOut(out -> transitions(out).equals(expected), WAIT, "the transitions up to minute " + m);
            Thread.sleep(10);
            assertThat(transitions(run.out())).as("nothing decided early").isEqualTo(expected);
            if (m == 4) {
                assertThat(transitions(run.out())).as("12:04 is not decided while 12:04 may still get events")
                        .noneMatch(l -> l.contains("OK → ALARM"));
            }
            if (m == 5) {
                assertThat(transitions(run.out()).get(1)).startsWith("2026-11-21 12:04  Secret is accessed: OK"
                        + " → ALARM");
            }
            if (m == 6) {
                assertThat(transitions(run.out()).get(2)).startsWith("2026-11-21 12:05  Secret is accessed: ALARM"
                        + " → OK");
            }
        }
        assertThat(run.stop()).isZero();
        // The last event is at 12:59:27: the watermark stops at 12:58:27, before the 12:59 evaluation.
        assertThat(run.out()).contains("Summary (stopped): 1 file, 127 events, 6 matched, 127 datapoints")
                .contains("watermark 2026-11-21T12:58:27Z")
                .contains("alarm \"Secret is accessed\": OK since 2026-11-21 12:43, 9 transitions");
        assertThat(run.err()).contains("trail.jsonl appeared; reading it from its start");
    }

    /**
     * The same under a test wall clock: each minute's events are appended, then the clock moves to the next minute;
     * with the one-minute lateness, the evaluation at each boundary runs one minute after it.
     */
    @Test
    void theSeedHourLiveUnderAWallClockReportsTheSameTransitions(@TempDir Path dir) throws Exception {
        Path trail = dir.resolve("trail.jsonl");
        Files.createFile(trail);
        AtomicLong clock = new AtomicLong(NOON);
        LiveRun run = LiveRun.start(env(clock, false), args("--poll-interval", "5", trail.toString()));
        run.awaitErr(e -> e.contains("cwfilter: watching " + trail + " (from the end); wall clock, lateness 1m"),
                WAIT, "watch to start");
        for (int m = 0; m < 66; m++) {
            append(trail, minute(m));
            long now = NOON + (m + 1) * MINUTE;
            clock.set(now);
            List<String> expected = expectedBy(now - MINUTE);
            run.awaitOut(out -> transitions(out).equals(expected), WAIT, "the transitions at " + Instant.ofEpochMilli(
                    now));
        }
        assertThat(transitions(run.out())).isEqualTo(expectedLines);
        assertThat(run.stop()).isZero();
        assertThat(run.out()).contains("Summary (stopped): 1 file, 127 events, 6 matched, 127 datapoints")
                .contains("alarm \"Secret is accessed\": INSUFFICIENT_DATA since 2026-11-21 13:03, 12 transitions");
        assertThat(run.err()).doesNotContain("arrived after the watermark").doesNotContain("dropped");
    }

    @Test
    void standardInputAtEventTimeRunsToTheEndLikeTheReplay() throws Exception {
        Run run = Run.in(CliEnvironment.of(new ByteArrayInputStream(Run.seedText().getBytes(StandardCharsets.UTF_8))),
                args("--clock", "event"));
        assertThat(run.code()).as(run.toString()).isZero();
        assertThat(transitions(run.out())).isEqualTo(expectedLines);
        assertThat(run.out()).contains("Summary (the input ended): standard input, 127 events, 6 matched");
    }

    @Test
    void anAlarmThatFallsBackToInsufficientDataBetweenMatchesHintsOnceAtADefaultValue() {
        String hint = "cwfilter: hint: " + FilterAndAlarmOptions.NO_DEFAULT_HINT + "\n";
        Run without = Run.of("watch", "-p", "{ $.eventName = \"GetSecretValue\" }", "--alarm", ">= 1 for 1 of 1",
                "--no-follow", Run.seed().toString());
        assertThat(without.code()).as(without.toString()).isZero();
        assertThat(without.out()).contains(": ALARM → INSUFFICIENT_DATA");
        assertThat(without.err().split(java.util.regex.Pattern.quote(hint), -1)).as(without.err()).hasSize(2);
        assertThat(hint).contains("--default 0");
        Run with = Run.of(args("--no-follow", Run.seed().toString()));
        assertThat(with.err()).doesNotContain("hint:");
    }

    @Test
    void noFollowReadsACloudTrailFileOnceAtEventTime() {
        Run run = Run.of(args("--no-follow", Run.seed().toString()));
        assertThat(run.code()).as(run.toString()).isZero();
        assertThat(transitions(run.out())).isEqualTo(expectedLines);
        assertThat(run.out()).contains("clock event time, lateness 1m, watermark 2026-11-21T13:03:00Z");
    }

    @Test
    void aFollowedFileIsFollowedThroughRotationTruncationAndDeletion(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("app.log");
        Files.writeString(log, "old line before watch started\n");
        AtomicLong clock = new AtomicLong(NOON);
        LiveRun run = LiveRun.start(env(clock, false), "watch", "-p", "ERROR", "--poll-interval", "5",
                log.toString());
        run.awaitErr(e -> e.contains("cwfilter: watching"), WAIT, "watch to start");
        Files.writeString(log, "ERROR one\nINFO two\nERROR thr", StandardOpenOption.APPEND);
        Thread.sleep(50);
        Files.writeString(log, "ee\n", StandardOpenOption.APPEND);
        Thread.sleep(50);
        // Rotation: a new file takes the name (atomically, so that no poll can find the name missing).
        Path next = dir.resolve("app.log.next");
        Files.writeString(next, "ERROR four\n");
        Files.move(next, log, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        run.awaitErr(e -> e.contains("app.log was rotated"), WAIT, "the rotation");
        // Truncation: the file is emptied and written again.
        Thread.sleep(50);
        Files.writeString(log, "ERROR 5\n", StandardOpenOption.TRUNCATE_EXISTING);
        run.awaitErr(e -> e.contains("app.log was truncated"), WAIT, "the truncation");
        // Deletion, then the file comes back.
        Files.delete(log);
        run.awaitErr(e -> e.contains("app.log was deleted; following it again when it reappears"), WAIT,
                "the deletion");
        Files.writeString(log, "ERROR six\nplain seven\n");
        run.awaitErr(e -> e.contains("app.log appeared; reading it from its start"), WAIT, "the reappearance");
        Thread.sleep(100);
        assertThat(run.stop()).isZero();
        assertThat(run.out()).contains("Summary (stopped): 1 file, 7 events, 5 matched");
        assertThat(run.err()).contains("stamped with the time they were read");
    }

    @Test
    void onATerminalAStatusLineShowsTheRateTheMatchesAndTheAlarm(@TempDir Path dir) throws Exception {
        Path trail = dir.resolve("trail.jsonl");
        append(trail, seed.subList(0, 20));
        LiveRun run = LiveRun.start(env(new AtomicLong(NOON + 5 * MINUTE), true), args("--clock", "event",
                "--poll-interval", "5", trail.toString()));
        String err = run.awaitErr(e -> lastStatus(e).startsWith("20 events ("), WAIT, "the status line");
        assertThat(err).contains("\r\033[K").contains("20 events (").contains("2 matches").contains("1/1 file")
                .contains("watermark 12:0");
        assertThat(run.stop()).isZero();
    }

    @Test
    void invalidSettingsExit2AndUnreadableInputsExit1(@TempDir Path dir) {
        Run both = Run.of("watch", "-p", "{ $.user = * }", "--dimension", "User=$.user", "--alarm", ">= 1");
        assertThat(both.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(both.err()).contains("--alarm with --dimension");
        assertThat(Run.of("watch", "-p", "x", "--lateness", "soon").err()).contains("--lateness 'soon'");
        assertThat(Run.of("watch", "-p", "x", "--clock", "sundial").code()).isEqualTo(ExitCodes.USAGE);
        assertThat(Run.of("watch", "-p", "{ $.a = }").code()).isEqualTo(ExitCodes.USAGE);
        assertThat(Run.of("watch", "-p", "x", "--period", "30").err()).contains("multiple of 60");
        Run missing = Run.of("watch", "-p", "x", "--no-follow", dir.resolve("nowhere.log").toString());
        assertThat(missing.code()).isEqualTo(ExitCodes.IO_ERROR);
        assertThat(missing.err()).contains("cannot read").contains("no such file");
    }

    @Test
    void lateAndTooLateEventsAreReportedInTheSummary() throws Exception {
        String lines = "{\"timestamp\":" + (NOON + 10 * MINUTE) + ",\"eventName\":\"GetSecretValue\"}\n"
                + "{\"timestamp\":" + (NOON + 8 * MINUTE) + ",\"eventName\":\"GetSecretValue\"}\n"
                + "{\"timestamp\":" + NOON + ",\"eventName\":\"GetSecretValue\"}\n"
                + "no timestamp here\n";
        Run run = Run.in(CliEnvironment.of(new ByteArrayInputStream(lines.getBytes(StandardCharsets.UTF_8))),
                args("--clock", "event"));
        assertThat(run.code()).as(run.toString()).isZero();
        assertThat(run.err()).contains("cwfilter: 1 event arrived after the watermark and counted only from then on")
                .contains("cwfilter: 1 event dropped, too late (the first: 2026-11-21T12:00:00Z")
                .contains("cwfilter: 1 event without a timestamp left out (event time needs timestamps) (-, line 4)");
    }
}
