package dev.cwfilter.jmh;

import dev.cwfilter.LogEvent;
import dev.cwfilter.LogGroup;
import dev.cwfilter.MetricFilter;
import dev.cwfilter.flink.CloudWatchTypes;
import dev.cwfilter.flink.LogEventWatermarks;
import dev.cwfilter.flink.LogGroupPipeline;
import dev.cwfilter.metric.AlarmComparisonOperator;
import dev.cwfilter.metric.AlarmEvaluator;
import dev.cwfilter.metric.LogGroupMetrics;
import dev.cwfilter.metric.MetricAlarm;
import dev.cwfilter.metric.MetricId;
import dev.cwfilter.metric.Statistic;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.connector.source.lib.NumberSequenceSource;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The Flink job on a MiniCluster in this JVM at parallelism 1 and 2, beside the single-JVM replay, on the same events,
 * in one run: a log group of the seed filter and eight CIS-style CloudTrail filters (each with a Sum alarm) over
 * {@value #EVENTS} CloudTrail events (the corpus at a 2% hit rate, repeated, 50 ms apart: about 14 hours of event
 * time).
 * <ul>
 *   <li>{@link #flink()}: one job per invocation — a parallel sequence source indexing the events, periodic
 *       watermarks a minute behind, object reuse on (as {@code LogGroupJob} runs), {@code LogGroupPipeline} (the first stage chained to the source, then keyed by
 *       metric), datapoints and transitions discarded; no checkpoints;</li>
 *   <li>{@link #singleJvm()}: {@code LogGroupMetrics.acceptAll} then {@code AlarmEvaluator.replay()} per alarm, on
 *       this thread.</li>
 * </ul>
 * Scores are events per second; the target is parallelism 2 ≥ 1.7× parallelism 1 on two cores. Each invocation
 * includes the job's submission and start (tenths of a second), which the size of the input keeps small.
 *
 * <p>JMH state (one instance per benchmark and parameter, read-only after setup).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 4, time = 5)
@Fork(1)
public class FlinkBenchmark {

    /** Events per invocation. */
    public static final int EVENTS = 1_000_000;

    static final long START = Instant.parse("2026-11-21T12:00:00Z").toEpochMilli();

    /** The events, shared by the job's tasks: the MiniCluster runs in this JVM. */
    static LogEvent[] events;

    MiniCluster cluster;
    LogGroup group;
    List<MetricAlarm> alarms;
    LogGroupPipeline pipeline;

    @Setup(Level.Trial)
    public void setup() throws Exception {
        String[] messages = Corpus.cloudTrail(0.02).strings();
        LogEvent[] all = new LogEvent[EVENTS];
        for (int i = 0; i < EVENTS; i++) {
            all[i] = new LogEvent(START + i * 50L, messages[i % messages.length]);
        }
        events = all;
        group = logGroup();
        alarms = new ArrayList<>();
        for (MetricFilter f : group.metricFilters()) {
            alarms.add(MetricAlarm.builder().alarmName(f.filterName().orElseThrow()).namespace("CISBenchmark")
                    .metricName(f.metricName().orElseThrow()).statistic(Statistic.SUM).periodSeconds(60)
                    .evaluationPeriods(1).threshold(1)
                    .comparisonOperator(AlarmComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD).build());
        }
        pipeline = LogGroupPipeline.builder(group).alarms(alarms).build();
        Configuration conf = new Configuration();
        cluster = new MiniCluster(new MiniClusterConfiguration.Builder().setConfiguration(conf)
                .setNumTaskManagers(1).setNumSlotsPerTaskManager(2).build());
        cluster.start();
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        cluster.close();
    }

    /** The seed filter and eight filters of the CIS AWS Foundations Benchmark's CloudWatch section, as AWS writes them. */
    static LogGroup logGroup() {
        String[][] filters = {
            {"SecretIsAccessed", "{ $.eventName = \"GetSecretValue\" }"},
            {"UnauthorizedAPICalls", "{ ($.errorCode = \"*UnauthorizedOperation\") || ($.errorCode = \"AccessDenied*\")"
                    + " }"},
            {"ConsoleSigninWithoutMFA", "{ ($.eventName = \"ConsoleLogin\") && ($.additionalEventData.MFAUsed !="
                    + " \"Yes\") }"},
            {"RootAccountUsage", "{ $.userIdentity.type = \"Root\" && $.userIdentity.invokedBy NOT EXISTS &&"
                    + " $.eventType != \"AwsServiceEvent\" }"},
            {"IAMPolicyChanges", "{ ($.eventName = DeleteGroupPolicy) || ($.eventName = DeleteRolePolicy) ||"
                    + " ($.eventName = DeleteUserPolicy) || ($.eventName = PutGroupPolicy) || ($.eventName ="
                    + " PutRolePolicy) || ($.eventName = PutUserPolicy) || ($.eventName = CreatePolicy) ||"
                    + " ($.eventName = DeletePolicy) }"},
            {"CloudTrailChanges", "{ ($.eventName = CreateTrail) || ($.eventName = UpdateTrail) || ($.eventName ="
                    + " DeleteTrail) || ($.eventName = StartLogging) || ($.eventName = StopLogging) }"},
            {"SecurityGroupChanges", "{ ($.eventName = AuthorizeSecurityGroupIngress) || ($.eventName ="
                    + " AuthorizeSecurityGroupEgress) || ($.eventName = RevokeSecurityGroupIngress) || ($.eventName ="
                    + " RevokeSecurityGroupEgress) || ($.eventName = CreateSecurityGroup) || ($.eventName ="
                    + " DeleteSecurityGroup) }"},
            {"S3BucketPolicyChanges", "{ ($.eventSource = s3.amazonaws.com) && (($.eventName = PutBucketAcl) ||"
                    + " ($.eventName = PutBucketPolicy) || ($.eventName = DeleteBucketPolicy)) }"},
            {"KMSKeyDeletion", "{ ($.eventSource = kms.amazonaws.com) && (($.eventName = DisableKey) ||"
                    + " ($.eventName = ScheduleKeyDeletion)) }"}};
        LogGroup.Builder b = LogGroup.builder().name("CloudTrail/logs");
        for (String[] f : filters) {
            b.metricFilter(MetricFilter.builder().filterName(f[0]).filterPattern(f[1]).metricNamespace("CISBenchmark")
                    .metricName(f[0]).metricValue("1").build());
        }
        return b.build();
    }

    /** The job's parallelism: a state of its own, so that the single-JVM baseline runs once. */
    @State(Scope.Benchmark)
    public static class Parallelism {
        /** The parallelism. */
        @Param({"1", "2"})
        public int value;
    }

    /** The job on the MiniCluster at the given parallelism. */
    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public void flink(Parallelism parallelism) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(parallelism.value);
        env.getConfig().enableObjectReuse();
        DataStream<LogEvent> in = env.fromSource(new NumberSequenceSource(0, EVENTS - 1),
                        WatermarkStrategy.noWatermarks(), "event indexes")
                .map(new Lookup()).returns(CloudWatchTypes.LOG_EVENT)
                .assignTimestampsAndWatermarks(LogEventWatermarks.periodic(Duration.ofMinutes(1)));
        LogGroupPipeline.Result r = pipeline.apply(in);
        r.datapoints().sinkTo(new DiscardingSink<>());
        r.transitions().sinkTo(new DiscardingSink<>());
        cluster.executeJobBlocking(env.getStreamGraph().getJobGraph());
    }

    /** The baseline: the same events and alarms through the single-JVM replay API. */
    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public int singleJvm() {
        LogGroupMetrics metrics = LogGroupMetrics.of(group).acceptAll(Arrays.asList(events));
        int transitions = 0;
        for (MetricAlarm alarm : alarms) {
            transitions += new AlarmEvaluator(alarm, metrics.metric(MetricId.of(alarm))).replay().size();
        }
        return transitions;
    }

    /** An index to its event. */
    static final class Lookup implements MapFunction<Long, LogEvent> {
        private static final long serialVersionUID = 1L;

        @Override
        public LogEvent map(Long index) {
            return events[(int) (long) index];
        }
    }
}
