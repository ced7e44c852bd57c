package dev.cwfilter.flink;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cwfilter.LogEvent;
import dev.cwfilter.live.LatenessRule;
import dev.cwfilter.metric.AlarmEvaluator;
import dev.cwfilter.metric.AlarmStateChange;
import dev.cwfilter.metric.LogGroupMetrics;
import dev.cwfilter.metric.MetricAggregator;
import dev.cwfilter.metric.MetricAlarm;
import dev.cwfilter.metric.MetricId;
import dev.cwfilter.metric.PeriodStatistics;
import dev.cwfilter.metric.Statistic;
import dev.cwfilter.metric.StatisticsQuery;
import dev.cwfilter.propcheck.PropCheck;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Flink equals the single JVM: over generated streams that arrive out of order (and late), the job on a MiniCluster at
 * parallelism 1, 2 and 4 publishes exactly the datapoints and makes exactly the transitions (state reasons, evaluated
 * datapoints and actions included) of {@code LogGroupMonitor} on the event-time clock and of the replay API
 * ({@code LogGroupMetrics} + {@code AlarmEvaluator}), and counts what the replay counts (the run summary of
 * {@code --output-document}: events, each filter's matches and datapoints, once-per-minute defaults included, each
 * metric's datapoints). Each try runs three jobs, so the tries are few; the streams are
 * built to reach every path (quiet minutes, per-minute defaults, negative values for p90, alarms without data).
 */
class FlinkEqualsSingleJvmProperties {

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(4).build());

    static final int[] PARALLELISMS = {1, 2, 4};
    static final Duration LATENESS = Duration.ofMinutes(2);

    /**
     * Every event within the lateness, with a start time: the monitor's and the replay's datapoints and transitions
     * ({@code evaluateEachPeriod} from the start to the end).
     */
    @Test
    void outOfOrderWithinTheLatenessGivesTheMonitorsAndTheReplaysOutput() {
        PropCheck.tries(8).maxShrinkRuns(20).forAll(Scenarios.onTime(LATENESS.toMillis()), Scenarios.TREATMENTS,
                (events, treatments) -> {
                    List<MetricAlarm> alarms = Scenarios.alarms(treatments, true);
                    List<LogEvent> arrivals = Scenarios.arrivals(events);
                    long start = arrivals.get(0).timestamp() - LATENESS.toMillis();
                    Scenarios.MonitorOutput monitor = Scenarios.monitor(Scenarios.GROUP, alarms, arrivals, LATENESS,
                            start);
                    assertThat(monitor.stats().onTime()).isEqualTo(events.size());

                    LogGroupMetrics replay = LogGroupMetrics.of(Scenarios.GROUP).acceptAll(arrivals);
                    assertThat(monitor.datapoints()).isEqualTo(replayed(replay, 60));
                    long end = monitor.stats().watermark().orElseThrow();
                    Map<String, List<AlarmStateChange>> expected = new LinkedHashMap<>();
                    for (MetricAlarm alarm : alarms) {
                        expected.put(alarm.alarmName(), new AlarmEvaluator(alarm, replay.metric(MetricId.of(alarm)))
                                .evaluateEachPeriod(start + 1, end));
                    }
                    assertThat(monitor.transitions()).isEqualTo(expected);

                    LogGroupPipeline pipeline = LogGroupPipeline.builder(Scenarios.GROUP).alarms(alarms)
                            .startTime(start).datapointStatistics(Scenarios.STATISTICS).summary(true).build();
                    for (int p : PARALLELISMS) {
                        FlinkRun.Output out = FlinkRun.run(pipeline, arrivals, LATENESS, p);
                        assertThat(out.late()).as("late at parallelism %d", p).isEmpty();
                        assertThat(counts(out.summary())).as("summary at parallelism %d", p)
                                .isEqualTo(counts(replay));
                        assertThat(out.summary().published).as("summary's datapoints at parallelism %d", p)
                                .containsExactlyInAnyOrderElementsOf(out.datapoints());
                        assertThat(out.summary().transitions).as("summary's transitions at parallelism %d", p)
                                .containsExactlyInAnyOrderElementsOf(out.transitions());
                        assertThat(out.datapointLines()).as("datapoints at parallelism %d", p)
                                .isEqualTo(monitor.datapoints());
                        assertThat(out.byAlarm(Scenarios.names(alarms))).as("transitions at parallelism %d", p)
                                .isEqualTo(expected);
                    }
                });
    }

    /**
     * Without a start time each alarm starts at the end of the first period of its metric with data and runs until its
     * range is empty: exactly {@code AlarmEvaluator.replay()}; and datapoints of five minutes are GetMetricStatistics'
     * five-minute periods.
     */
    @Test
    void withoutAStartTimeTheAlarmsAreTheReplays() {
        PropCheck.tries(6).maxShrinkRuns(20).forAll(Scenarios.onTime(LATENESS.toMillis()), Scenarios.TREATMENTS,
                (events, treatments) -> {
                    List<MetricAlarm> alarms = Scenarios.alarms(treatments, true);
                    List<LogEvent> arrivals = Scenarios.arrivals(events);
                    LogGroupMetrics replay = LogGroupMetrics.of(Scenarios.GROUP).acceptAll(arrivals);
                    Map<String, List<AlarmStateChange>> expected = replays(alarms, replay);
                    LogGroupPipeline pipeline = LogGroupPipeline.builder(Scenarios.GROUP).alarms(alarms)
                            .datapointPeriodSeconds(300).datapointStatistics(Scenarios.STATISTICS).build();
                    for (int p : PARALLELISMS) {
                        FlinkRun.Output out = FlinkRun.run(pipeline, arrivals, LATENESS, p);
                        assertThat(out.datapointLines()).as("datapoints at parallelism %d", p)
                                .isEqualTo(replayed(replay, 300));
                        assertThat(out.byAlarm(Scenarios.names(alarms))).as("transitions at parallelism %d", p)
                                .isEqualTo(expected);
                    }
                });
    }

    /**
     * Source tasks far apart in event time (each reads a contiguous part of the stream, as a task reading one file
     * of an hour while another reads the next): the keyed stage receives the later task's minutes long before its
     * watermark reaches them, and must still publish and evaluate exactly the replay's datapoints and transitions —
     * an alarm whose range is empty included, whose next evaluation is the first boundary that sees one of those
     * later minutes.
     */
    @Test
    void sourceTasksApartInEventTimeGiveTheReplaysOutput() {
        PropCheck.tries(6).maxShrinkRuns(20).forAll(Scenarios.onTime(0), Scenarios.TREATMENTS,
                (events, treatments) -> {
                    List<MetricAlarm> alarms = Scenarios.alarms(treatments, true);
                    List<LogEvent> inOrder = Scenarios.arrivals(events);
                    LogGroupMetrics replay = LogGroupMetrics.of(Scenarios.GROUP).acceptAll(inOrder);
                    Map<String, List<AlarmStateChange>> expected = replays(alarms, replay);
                    LogGroupPipeline pipeline = LogGroupPipeline.builder(Scenarios.GROUP).alarms(alarms)
                            .datapointStatistics(Scenarios.STATISTICS).build();
                    for (int p : new int[] {2, 4}) {
                        FlinkRun.Output out = FlinkRun.runInSplits(pipeline, inOrder, LATENESS, p);
                        assertThat(out.late()).as("late at parallelism %d", p).isEmpty();
                        assertThat(out.datapointLines()).as("datapoints at parallelism %d", p)
                                .isEqualTo(replayed(replay, 60));
                        assertThat(out.byAlarm(Scenarios.names(alarms))).as("transitions at parallelism %d", p)
                                .isEqualTo(expected);
                    }
                });
    }

    /**
     * Events that arrive after the watermark: each is late (kept from then on) or too late (dropped) exactly as the
     * monitor judges it, and the datapoints and transitions are the monitor's.
     */
    @Test
    void lateEventsAreJudgedAndCountedAsTheMonitorDoes() {
        long lateness = Scenarios.MINUTE;
        PropCheck.tries(8).maxShrinkRuns(20).forAll(Scenarios.withLate(lateness, 4), Scenarios.TREATMENTS,
                (events, treatments) -> {
                    List<MetricAlarm> alarms = Scenarios.alarms(treatments, false);
                    List<LogEvent> arrivals = Scenarios.arrivals(events);
                    long start = arrivals.get(0).timestamp() - lateness;
                    Scenarios.MonitorOutput monitor = Scenarios.monitor(Scenarios.GROUP_WITHOUT_CODES, alarms,
                            arrivals, Duration.ofMillis(lateness), start);
                    LogGroupPipeline pipeline = LogGroupPipeline.builder(Scenarios.GROUP_WITHOUT_CODES).alarms(alarms)
                            .startTime(start).datapointStatistics(Scenarios.STATISTICS).build();
                    for (int p : PARALLELISMS) {
                        FlinkRun.Output out = FlinkRun.run(pipeline, arrivals, Duration.ofMillis(lateness), p);
                        assertThat(out.late().stream().filter(LateEvent::kept).map(LateEvent::event).toList())
                                .as("late at parallelism %d", p).containsExactlyInAnyOrderElementsOf(monitor.late());
                        assertThat(out.late().stream().filter(e -> e.verdict() == LatenessRule.Verdict.TOO_LATE)
                                .map(LateEvent::event).toList()).as("too late at parallelism %d", p)
                                .containsExactlyInAnyOrderElementsOf(monitor.rejections().stream()
                                        .map(r -> r.event().orElseThrow()).toList());
                        assertThat(out.datapointLines()).as("datapoints at parallelism %d", p)
                                .isEqualTo(monitor.datapoints());
                        assertThat(out.byAlarm(Scenarios.names(alarms))).as("transitions at parallelism %d", p)
                                .isEqualTo(monitor.transitions());
                    }
                });
    }

    /** The replay's counts as lines: events, then matches and datapoints per filter, then datapoints per metric. */
    static List<String> counts(LogGroupMetrics replay) {
        List<String> lines = new ArrayList<>(List.of("events " + replay.eventCount()));
        for (int i = 0; i < replay.group().metricFilters().size(); i++) {
            lines.add("filter " + i + " " + replay.matchCount(i) + " " + replay.datapointCount(i));
        }
        replay.metrics().keySet().stream().sorted(dev.cwfilter.definitions.MetricsDocument.METRIC_ORDER)
                .forEach(id -> lines.add("metric " + id + " " + replay.metrics().get(id).acceptedCount() + " "
                        + replay.metrics().get(id).rejectedCount()));
        return lines;
    }

    /** A summary's counts as {@link #counts(LogGroupMetrics)} writes them. */
    static List<String> counts(RunSummary s) {
        List<String> lines = new ArrayList<>(List.of("events " + s.evaluated));
        for (int i = 0; i < s.matches.length; i++) {
            lines.add("filter " + i + " " + s.matches[i] + " " + s.datapoints[i]);
        }
        s.metrics.keySet().stream().sorted(dev.cwfilter.definitions.MetricsDocument.METRIC_ORDER)
                .forEach(id -> lines.add("metric " + id + " " + s.metrics.get(id)[0] + " " + s.metrics.get(id)[1]));
        return lines;
    }

    /** Each alarm's transitions as {@code AlarmEvaluator.replay()} gives them over the replayed metrics, by name. */
    private static Map<String, List<AlarmStateChange>> replays(List<MetricAlarm> alarms, LogGroupMetrics replay) {
        Map<String, List<AlarmStateChange>> expected = new LinkedHashMap<>();
        for (MetricAlarm alarm : alarms) {
            expected.put(alarm.alarmName(), new AlarmEvaluator(alarm, replay.metric(MetricId.of(alarm))).replay());
        }
        return expected;
    }

    static List<String> replayed(LogGroupMetrics metrics, int period) {
        List<String> result = new ArrayList<>();
        for (Map.Entry<MetricId, MetricAggregator> m : metrics.metrics().entrySet()) {
            for (PeriodStatistics p : m.getValue().getMetricStatistics(StatisticsQuery.of(
                    Scenarios.NOON - 60 * Scenarios.MINUTE, Scenarios.NOON + 120 * Scenarios.MINUTE, period,
                    Scenarios.STATISTICS.toArray(Statistic[]::new)))) {
                result.add(Scenarios.line(m.getKey(), p));
            }
        }
        return result.stream().sorted().toList();
    }
}
