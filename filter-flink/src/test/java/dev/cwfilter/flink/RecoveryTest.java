package dev.cwfilter.flink;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cwfilter.LogEvent;
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
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.api.common.state.CheckpointListener;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.connector.file.sink.FileSink;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
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
 * events of the same job run without a failure, which are the single-JVM monitor's: none lost, none written twice.
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
                .startTime(start).datapointStatistics(Scenarios.STATISTICS).build();

        Outputs clean = run(pipeline, arrivals, parallelism, dir.resolve("clean"), Integer.MAX_VALUE);
        Gate.State cleanGate = Gate.state(gate);
        Outputs recovered = run(pipeline, arrivals, parallelism, dir.resolve("recovered"), arrivals.size() / 3);
        Gate.State injected = Gate.state(gate);

        assertThat(cleanGate.failures.get()).isZero();
        assertThat(injected.failures.get()).as("the injected failure happened, after a checkpoint").isEqualTo(1);
        assertThat(injected.eventsAfterRestart.get()).as("the restart resumed from the checkpoint, not the start")
                .isPositive().isLessThan(arrivals.size());
        assertThat(clean.transitions).isNotEmpty();
        assertThat(clean.late).isNotEmpty();
        assertThat(recovered.datapoints).isEqualTo(clean.datapoints);
        assertThat(recovered.transitions).isEqualTo(clean.transitions);
        assertThat(recovered.late).isEqualTo(clean.late);

        Scenarios.MonitorOutput monitor = Scenarios.monitor(Scenarios.GROUP_WITHOUT_CODES, alarms, arrivals, LATENESS,
                start);
        assertThat(clean.transitions).isEqualTo(monitor.transitionJson());
        assertThat(clean.datapoints).isEqualTo(monitor.datapointJson());
        assertThat(clean.late).hasSize(monitor.late().size() + monitor.rejections().size());
    }

    private String gate;

    record Outputs(List<String> datapoints, List<String> transitions, List<String> late) {
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
        DataStream<LogEvent> events = env.fromData(new ArrayList<>(arrivals), CloudWatchTypes.LOG_EVENT)
                .setParallelism(1)
                .map(new Gate(gate, failAfter)).returns(CloudWatchTypes.LOG_EVENT).setParallelism(1)
                .assignTimestampsAndWatermarks(LogEventWatermarks.perEvent(LATENESS)).setParallelism(1);
        LogGroupPipeline.Result r = pipeline.apply(events);
        r.datapoints().sinkTo(sink(out.resolve("datapoints"), MetricsJson.Lines.datapoints()));
        r.transitions().sinkTo(sink(out.resolve("transitions"), MetricsJson.Lines.transitions()));
        r.lateEvents().sinkTo(sink(out.resolve("late"), MetricsJson.Lines.lateEvents()));
        env.execute("cwfilter recovery test");
        return new Outputs(lines(out.resolve("datapoints")), lines(out.resolve("transitions")),
                lines(out.resolve("late")));
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
     * Passes events on, slowly enough for checkpoints to complete mid-stream, and throws once: at the first event after
     * {@code failAfter} events once a checkpoint has completed. Its state is static, shared by the task's attempts.
     */
    static final class Gate extends RichMapFunction<LogEvent, LogEvent> implements CheckpointListener {
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

        Gate(String id, int failAfter) {
            this.id = id;
            this.failAfter = failAfter;
            STATES.put(id, new State());
        }

        static State state(String id) {
            return STATES.get(id);
        }

        @Override
        public LogEvent map(LogEvent event) throws Exception {
            State s = STATES.get(id);
            Thread.sleep(4);
            seen++;
            if (getRuntimeContext().getTaskInfo().getAttemptNumber() > 0) {
                s.eventsAfterRestart.incrementAndGet();
            } else if (seen > failAfter && s.checkpoints.get() > 0 && s.armed.compareAndSet(true, false)) {
                s.failures.incrementAndGet();
                throw new IllegalStateException("injected failure after a checkpoint, at event " + seen);
            }
            return event;
        }

        @Override
        public void notifyCheckpointComplete(long checkpointId) {
            STATES.get(id).checkpoints.incrementAndGet();
        }
    }
}
