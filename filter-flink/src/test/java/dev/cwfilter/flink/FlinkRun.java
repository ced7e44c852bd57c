package dev.cwfilter.flink;

import dev.cwfilter.LogEvent;
import dev.cwfilter.live.Rejection;
import dev.cwfilter.metric.AlarmStateChange;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.connector.source.lib.NumberSequenceSource;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Runs a pipeline on the MiniCluster over events in a given arrival order: one source task emits them in that order
 * with a watermark after each (so which events are late depends only on the order, as in the single-JVM monitor),
 * then the pipeline runs at the given parallelism.
 */
final class FlinkRun {

    /** What a run produced. */
    record Output(List<MetricDatapoint> datapoints, List<AlarmStateChange> transitions, List<LateEvent> late,
                  List<Rejection> rejections, List<byte[]> summaries) {

        /** The run's summary (of a pipeline built with one), which the job sends once. */
        RunSummary summary() {
            if (summaries.size() != 1) {
                throw new AssertionError(summaries.size() + " summaries instead of one");
            }
            return RunSummary.fromBytes(summaries.get(0));
        }

        /** The transitions of each alarm, in order of time. */
        Map<String, List<AlarmStateChange>> byAlarm(List<String> names) {
            Map<String, List<AlarmStateChange>> result = new LinkedHashMap<>();
            names.forEach(n -> result.put(n, new ArrayList<>()));
            transitions.stream().sorted(Comparator.comparingLong(AlarmStateChange::timestamp))
                    .forEach(c -> result.get(c.alarmName()).add(c));
            return result;
        }

        /** The datapoints as sortable lines. */
        List<String> datapointLines() {
            return datapoints.stream().map(d -> d.timestamp() + " " + d.metric() + " " + d.statistics())
                    .sorted().toList();
        }
    }

    private FlinkRun() {
    }

    static Output run(LogGroupPipeline pipeline, List<LogEvent> arrivals, Duration lateness, int parallelism)
            throws Exception {
        return run(pipeline, arrivals, LogEventWatermarks.perEvent(lateness), parallelism);
    }

    /** The events of {@link #runInSplits}, read by the source's tasks (the MiniCluster runs in this JVM). */
    private static volatile List<LogEvent> splitEvents;

    /**
     * Runs a pipeline over events split into {@code parallelism} contiguous parts, one per source task, each with its
     * own watermarks (per event, trailing by {@code lateness}): the tasks are apart in event time, as tasks reading
     * files of different hours are.
     */
    static synchronized Output runInSplits(LogGroupPipeline pipeline, List<LogEvent> events, Duration lateness,
                                           int parallelism) throws Exception {
        splitEvents = List.copyOf(events);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(parallelism);
        DataStream<LogEvent> in = env.fromSource(new NumberSequenceSource(0, events.size() - 1),
                        WatermarkStrategy.noWatermarks(), "event indexes")
                .map(new Lookup()).returns(CloudWatchTypes.LOG_EVENT)
                .assignTimestampsAndWatermarks(LogEventWatermarks.perEvent(lateness));
        return run(env, pipeline, in);
    }

    /** An index to its event. */
    private static final class Lookup implements MapFunction<Long, LogEvent> {
        private static final long serialVersionUID = 1L;

        @Override
        public LogEvent map(Long index) {
            return splitEvents.get((int) (long) index);
        }
    }

    static Output run(LogGroupPipeline pipeline, List<LogEvent> arrivals, WatermarkStrategy<LogEvent> watermarks,
                      int parallelism) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(parallelism);
        DataStream<LogEvent> events = env.fromData(new ArrayList<>(arrivals), CloudWatchTypes.LOG_EVENT)
                .setParallelism(1)
                .assignTimestampsAndWatermarks(watermarks).setParallelism(1);
        return run(env, pipeline, events);
    }

    private static Output run(StreamExecutionEnvironment env, LogGroupPipeline pipeline, DataStream<LogEvent> events)
            throws Exception {
        LogGroupPipeline.Applied applied = pipeline.applied(events);
        LogGroupPipeline.Result r = applied.result();
        Collect<byte[]> summaries = new Collect<>();
        if (pipeline.hasSummary()) {
            pipeline.summary(applied).sinkTo(summaries);
        }
        Collect<MetricDatapoint> datapoints = new Collect<>();
        Collect<AlarmStateChange> transitions = new Collect<>();
        Collect<LateEvent> late = new Collect<>();
        Collect<Rejection> rejections = new Collect<>();
        r.datapoints().sinkTo(datapoints);
        r.transitions().sinkTo(transitions);
        r.lateEvents().sinkTo(late);
        r.rejections().sinkTo(rejections);
        env.execute("cwfilter test");
        return new Output(datapoints.drain(), transitions.drain(), late.drain(), rejections.drain(),
                summaries.drain());
    }
}
