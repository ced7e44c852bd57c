package dev.cwfilter.jmh;

import dev.cwfilter.LogEvent;
import dev.cwfilter.LogGroup;
import dev.cwfilter.MetricFilter;
import dev.cwfilter.live.LogGroupMonitor;
import dev.cwfilter.live.MonitorClock;
import dev.cwfilter.metric.AlarmComparisonOperator;
import dev.cwfilter.metric.AlarmEvaluator;
import dev.cwfilter.metric.AlarmStateChange;
import dev.cwfilter.metric.LogGroupMetrics;
import dev.cwfilter.metric.MetricAlarm;
import dev.cwfilter.metric.MetricId;
import dev.cwfilter.metric.Statistic;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The live runtime beside the replay API on the same events, in one run: the seed scenario's log group (the metric
 * filter {@code { $.eventName = "GetSecretValue" }}, value 1, default 0) and its alarm (Sum over a minute {@code >= 1})
 * over the CloudTrail corpus at a 2% hit rate, the events 2 s apart, the corpus {@value #ROUNDS} times over (100,000
 * events, 55 hours of event time, so that about half the minutes have a match and the alarm changes state thousands
 * of times). A monitor is built, started and closed per invocation (its thread started and joined, about a
 * millisecond on a loaded machine): over the 20,000 events of one corpus that fixed cost was up to a tenth of the
 * live side's time, which a monitor that keeps running does not pay per event.
 * <ul>
 *   <li>{@link #replay()}: {@code LogGroupMetrics.acceptAll} then {@code AlarmEvaluator.replay()}, on this thread;</li>
 *   <li>{@link #live()}: a {@code LogGroupMonitor} at event time, the events handed over with {@code put} from this
 *       thread and evaluated on the monitor's, then {@code finish()}: the same transitions, plus what the live
 *       runtime adds (the queue, the lateness rule, datapoints published as periods complete, memory kept to the
 *       alarm's range).</li>
 * </ul>
 * Scores are events per second; the target is live ≥ 0.8× replay.
 *
 * <p>Measured longer than most benchmarks, in three forks of ten iterations: the live side uses both cores of the
 * two-core machine (the caller's thread and the monitor's), so whatever else runs moves its score more than the
 * replay's; in one fork of five iterations the two errors overlapped and the ratio moved between 0.65× and 1.0× from
 * run to run.
 *
 * <p>JMH state (one instance per benchmark, read-only after setup; each invocation builds its own monitor).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(3)
public class LiveMonitorBenchmark {

    static final long START = Instant.parse("2026-11-21T12:00:00Z").toEpochMilli();
    /** How many times the corpus is streamed, one after the other in event time. */
    static final int ROUNDS = 5;
    /** Events per invocation. */
    static final int EVENTS = ROUNDS * Corpus.EVENTS;

    LogGroup group;
    MetricAlarm alarm;
    LogEvent[] events;

    @Setup
    public void setup() {
        String[] messages = Corpus.cloudTrail(0.02).strings();
        events = new LogEvent[EVENTS];
        for (int i = 0; i < EVENTS; i++) {
            events[i] = new LogEvent(START + i * 2_000L, messages[i % messages.length]);
        }
        group = LogGroup.builder().metricFilter(MetricFilter.builder().filterName("SecretIsAccessed")
                .filterPattern(Family.SEED_EQUALITY.pattern()).metricNamespace("SecurityMetrics")
                .metricName("Secret is accessed").metricValue("1").defaultValue(0).build()).build();
        alarm = MetricAlarm.builder().alarmName("Secret is accessed").namespace("SecurityMetrics")
                .metricName("Secret is accessed").statistic(Statistic.SUM).periodSeconds(60).evaluationPeriods(1)
                .threshold(1).comparisonOperator(AlarmComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD).build();
    }

    /** The replay API: every event into the log group's metrics, then the alarm replayed over them. */
    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public List<AlarmStateChange> replay() {
        LogGroupMetrics metrics = LogGroupMetrics.of(group).acceptAll(List.of(events));
        return new AlarmEvaluator(alarm, metrics.metric(MetricId.of(alarm))).replay();
    }

    /** The live runtime at event time over the same events, to the same end. */
    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public List<AlarmStateChange> live() throws InterruptedException {
        List<AlarmStateChange> transitions = new ArrayList<>();
        try (LogGroupMonitor monitor = LogGroupMonitor.builder(group).alarm(alarm)
                .alarmListener((a, change) -> transitions.add(change)).clock(MonitorClock.eventTime())
                .lateness(Duration.ofMinutes(1)).startTime(START).build()) {
            for (LogEvent e : events) {
                monitor.put(e);
            }
            monitor.finish();
        }
        return transitions;
    }
}
