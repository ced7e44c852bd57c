package dev.cwfilter.flink;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cwfilter.LogEvent;
import dev.cwfilter.definitions.MetricsDocument;
import dev.cwfilter.metric.LogGroupMetrics;
import dev.cwfilter.metric.MetricAlarm;
import dev.cwfilter.metric.TreatMissingData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.api.common.state.CheckpointListener;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.connector.datagen.functions.FromElementsGeneratorFunction;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.connector.file.sink.FileSink;
import org.apache.flink.runtime.state.FunctionInitializationContext;
import org.apache.flink.runtime.state.FunctionSnapshotContext;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.checkpoint.CheckpointedFunction;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.filesystem.bucketassigners.BasePathBucketAssigner;
import org.apache.flink.streaming.api.functions.sink.filesystem.rollingpolicies.OnCheckpointRollingPolicy;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Exactly once: a job with checkpoints whose task throws once, after a checkpoint completed, mid-stream, restarts from
 * that checkpoint and writes — through Flink's exactly-once FileSink — exactly the datapoints, transitions and late
 * events of the same job run without a failure, which are the single-JVM monitor's: none lost, none written twice;
 * and the same run summary (the counts, datapoints and transitions of {@code --output-document}), whose counts are
 * those of the single-JVM replay of the events that were not too late.
 */
class RecoveryTest {

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(4).build());

    static final Duration LATENESS = Duration.ofMinutes(1);

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {2, 4})
    void aFailureAfterACheckpointChangesNothingInTheOutput(int parallelism, @TempDir Path dir) throws Exception {
        List<Scenarios.Ev> events = Scenarios.withLate(LATENESS.toMillis(), 5).generate(new Random(19 + parallelism));
        List<LogEvent> arrivals = Scenarios.arrivals(events);
        List<MetricAlarm> alarms = Scenarios.alarms(List.of(TreatMissingData.MISSING, TreatMissingData.BREACHING,
                TreatMissingData.NOT_BREACHING, TreatMissingData.IGNORE, TreatMissingData.MISSING,
                TreatMissingData.BREACHING), false);
        long start = arrivals.get(0).timestamp() - LATENESS.toMillis();
        LogGroupPipeline pipeline = LogGroupPipeline.builder(Scenarios.GROUP_WITHOUT_CODES).alarms(alarms)
                .startTime(start).datapointStatistics(Scenarios.STATISTICS).summary(true).build();

        Outputs clean = run(pipeline, arrivals, parallelism, dir.resolve("clean"), Integer.MAX_VALUE);
        Gate.State cleanGate = Gate.state(gate);
        Outputs recovered = run(pipeline, arrivals, parallelism, dir.resolve("recovered"), arrivals.size() / 3);
        Gate.State injected = Gate.state(gate);

        assertThat(cleanGate.failures.get()).isZero();
        assertThat(injected.failures.get()).as("the injected failure happened, after a checkpoint").isEqualTo(1);
        // The restart resumed from a checkpoint taken after failAfter events, neither from the start nor past the failure.
        assertThat(injected.eventsAfterRestart.get()).as("the restart resumed from the checkpoint, not the start")
                .isPositive().isLessThanOrEqualTo(arrivals.size() - arrivals.size() / 3);
        assertThat(clean.transitions).isNotEmpty();
        assertThat(clean.late).isNotEmpty();
        assertThat(recovered.datapoints).isEqualTo(clean.datapoints);
        assertThat(recovered.transitions).isEqualTo(clean.transitions);
        assertThat(recovered.late).isEqualTo(clean.late);
        assertThat(clean.summary).hasSize(1);
        assertThat(recovered.summary).as("the summary after a failure and restore").isEqualTo(clean.summary);

        Scenarios.MonitorOutput monitor = Scenarios.monitor(Scenarios.GROUP_WITHOUT_CODES, alarms, arrivals, LATENESS,
                start);
        assertThat(clean.transitions).isEqualTo(monitor.transitionJson());
        assertThat(clean.datapoints).isEqualTo(monitor.datapointJson());
        assertThat(clean.late).hasSize(monitor.late().size() + monitor.rejections().size());

        // The summary's counts are the replay's over the events that were not too late (dropped, so counted nowhere);
        // its datapoints and transitions are the lines the job wrote.
        List<LogEvent> kept = new ArrayList<>(arrivals);
        monitor.rejections().forEach(r -> assertThat(kept.remove(r.event().orElseThrow())).isTrue());
        LogGroupMetrics replay = LogGroupMetrics.of(Scenarios.GROUP_WITHOUT_CODES).acceptAll(kept);
        List<String> expected = new ArrayList<>(List.of("evaluated " + replay.eventCount(), "withoutTimestamp 0"));
        for (int i = 0; i < Scenarios.GROUP_WITHOUT_CODES.metricFilters().size(); i++) {
            expected.add("filter " + i + " " + replay.matchCount(i) + " " + replay.datapointCount(i));
        }
        replay.metrics().keySet().stream().sorted(MetricsDocument.METRIC_ORDER).forEach(id -> expected.add("metric "
                + id + " " + replay.metrics().get(id).acceptedCount() + " " + replay.metrics().get(id).rejectedCount()));
        clean.datapoints.forEach(d -> expected.add("datapoint " + d));
        clean.transitions.forEach(t -> expected.add("transition " + t));
        assertThat(clean.summary.get(0)).isEqualTo(String.join("\t", expected));
    }

    private String gate;

    record Outputs(List<String> datapoints, List<String> transitions, List<String> late, List<String> summary) {
    }

    /** A run summary as one line: counts, then the datapoints and transitions as the job's JSON lines, sorted. */
    static String describe(byte[] bytes) {
        RunSummary s = RunSummary.fromBytes(bytes);
        List<String> parts = new ArrayList<>(List.of("evaluated " + s.evaluated, "withoutTimestamp "
                + s.withoutTimestamp));
        for (int i = 0; i < s.matches.length; i++) {
            parts.add("filter " + i + " " + s.matches[i] + " " + s.datapoints[i]);
        }
        s.metrics.keySet().stream().sorted(MetricsDocument.METRIC_ORDER).forEach(id -> parts.add("metric " + id + " "
                + s.metrics.get(id)[0] + " " + s.metrics.get(id)[1]));
        s.published.stream().map(MetricsJson::datapoint).sorted().forEach(d -> parts.add("datapoint " + d));
        s.transitions.stream().map(MetricsJson::transition).sorted().forEach(t -> parts.add("transition " + t));
        return String.join("\t", parts);
    }

    Outputs run(LogGroupPipeline pipeline, List<LogEvent> arrivals, int parallelism, Path out, int failAfter)
            throws Exception {
        Configuration conf = new Configuration();
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 3);
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(10));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(parallelism);
        env.enableCheckpointing(50);
        gate = UUID.randomUUID().toString();
        DataStream<LogEvent> events = Gate.arrivals(env, arrivals, gate, failAfter)
                .assignTimestampsAndWatermarks(LogEventWatermarks.perEvent(LATENESS)).setParallelism(1);
        LogGroupPipeline.Applied applied = pipeline.applied(events);
        LogGroupPipeline.Result r = applied.result();
        r.datapoints().sinkTo(sink(out.resolve("datapoints"), MetricsJson.Lines.datapoints()));
        r.transitions().sinkTo(sink(out.resolve("transitions"), MetricsJson.Lines.transitions()));
        r.lateEvents().sinkTo(sink(out.resolve("late"), MetricsJson.Lines.lateEvents()));
        pipeline.summary(applied).map(RecoveryTest::describe).returns(String.class)
                .sinkTo(FileSink.forRowFormat(new org.apache.flink.core.fs.Path(out.resolve("summary").toUri()),
                        new org.apache.flink.api.common.serialization.SimpleStringEncoder<String>())
                        .withBucketAssigner(new BasePathBucketAssigner<>())
                        .withRollingPolicy(OnCheckpointRollingPolicy.build()).build());
        env.execute("cwfilter recovery test");
        return new Outputs(lines(out.resolve("datapoints")), lines(out.resolve("transitions")),
                lines(out.resolve("late")), lines(out.resolve("summary")));
    }

    static <T> FileSink<T> sink(Path dir, MetricsJson.Lines<T> encoder) {
        return FileSink.forRowFormat(new org.apache.flink.core.fs.Path(dir.toUri()), encoder)
                .withBucketAssigner(new BasePathBucketAssigner<>())
                .withRollingPolicy(OnCheckpointRollingPolicy.build()).build();
    }

    /** Every line of the committed files (in-progress files are hidden and left out), sorted. */
    static List<String> lines(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<String> lines = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(f -> !f.getFileName().toString().startsWith(".")).toList()) {
                lines.addAll(Files.readAllLines(f));
            }
        }
        return lines.stream().sorted().toList();
    }

    /**
     * Passes events on and throws once, mid-stream: at the first event after {@code failAfter} events once a checkpoint
     * taken after those events has completed. Its state is static, shared by the task's attempts.
     *
     * <p>Whatever the machine's load, the failure happens, and after such a checkpoint: {@link #arrivals} feeds the gate
     * from a source that emits at most a batch of events per completed checkpoint, so the stream waits (without
     * blocking the task thread: the source reports no data available until a checkpoint completes) for the checkpoints
     * the gate waits for, instead of ending before one completes. Checkpoints are taken one at a time, so the one after
     * the first to complete once {@code failAfter} events have passed was taken after them; until it completes the
     * source emits at most two batches, and the batch size leaves events after those for the gate to fail at.
     */
    static final class Gate extends RichMapFunction<LogEvent, LogEvent> implements CheckpointListener,
            CheckpointedFunction {
        private static final long serialVersionUID = 1L;
        private static final Map<String, State> STATES = new ConcurrentHashMap<>();

        static final class State {
            final AtomicInteger checkpoints = new AtomicInteger();
            final AtomicInteger failures = new AtomicInteger();
            final AtomicInteger eventsAfterRestart = new AtomicInteger();
            final AtomicBoolean armed = new AtomicBoolean(true);
        }

        private final String id;
        private final int failAfter;
        private transient int seen;
        /** The first checkpoint taken after {@code failAfter} events. */
        private transient long firstCheckpointAfterFailAfter;
        /** Whether a checkpoint taken after {@code failAfter} events has completed. */
        private transient boolean checkpointedAfterFailAfter;

        Gate(String id, int failAfter) {
            this.id = id;
            this.failAfter = failAfter;
            STATES.put(id, new State());
        }

        static State state(String id) {
            return STATES.get(id);
        }

        /**
         * The events, in this order, from one source task through a gate chained to it; with {@code failAfter}
         * {@link Integer#MAX_VALUE}, at full speed and without a failure.
         */
        static DataStream<LogEvent> arrivals(StreamExecutionEnvironment env, List<LogEvent> arrivals, String id,
                                             int failAfter) {
            RateLimiterStrategy<?> limit;
            if (failAfter == Integer.MAX_VALUE) {
                limit = RateLimiterStrategy.noOp();
            } else {
                // failAfter + 2 batches < size: events are left after the two batches before the awaited checkpoint.
                if (failAfter < 1 || arrivals.size() - failAfter < 3) {
                    throw new IllegalArgumentException("a failure after " + failAfter + " of " + arrivals.size()
                            + " events needs at least 3 events after it");
                }
                limit = RateLimiterStrategy.perCheckpoint((arrivals.size() - failAfter - 1) / 2);
            }
            DataGeneratorSource<LogEvent> source = new DataGeneratorSource<>(new FromElementsGeneratorFunction<>(
                    CloudWatchTypes.LOG_EVENT, env.getConfig(), new ArrayList<>(arrivals)), arrivals.size(), limit,
                    CloudWatchTypes.LOG_EVENT);
            return env.fromSource(source, WatermarkStrategy.noWatermarks(), "arrivals").setParallelism(1)
                    .map(new Gate(id, failAfter)).returns(CloudWatchTypes.LOG_EVENT).setParallelism(1);
        }

        @Override
        public void initializeState(FunctionInitializationContext context) {
            firstCheckpointAfterFailAfter = Long.MAX_VALUE;
        }

        @Override
        public void snapshotState(FunctionSnapshotContext context) {
            if (seen >= failAfter && firstCheckpointAfterFailAfter == Long.MAX_VALUE) {
                firstCheckpointAfterFailAfter = context.getCheckpointId();
            }
        }

        @Override
        public LogEvent map(LogEvent event) throws Exception {
            State s = STATES.get(id);
            seen++;
            if (getRuntimeContext().getTaskInfo().getAttemptNumber() > 0) {
                s.eventsAfterRestart.incrementAndGet();
            } else if (seen > failAfter && checkpointedAfterFailAfter && s.armed.compareAndSet(true, false)) {
                s.failures.incrementAndGet();
                throw new IllegalStateException("injected failure after a checkpoint, at event " + seen);
            }
            return event;
        }

        @Override
        public void notifyCheckpointComplete(long checkpointId) {
            STATES.get(id).checkpoints.incrementAndGet();
            if (checkpointId >= firstCheckpointAfterFailAfter) {
                checkpointedAfterFailAfter = true;
            }
        }
    }
}
