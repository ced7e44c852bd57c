package dev.cwfilter.flink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cwfilter.LogEvent;
import dev.cwfilter.metric.AlarmEvaluator;
import dev.cwfilter.metric.LogGroupMetrics;
import dev.cwfilter.metric.MetricAggregator;
import dev.cwfilter.metric.MetricId;
import dev.cwfilter.metric.PeriodStatistics;
import dev.cwfilter.metric.Statistic;
import dev.cwfilter.metric.StatisticsQuery;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ready job over real files on a MiniCluster: the seed hour as a gzipped CloudTrail log file and as JSON lines,
 * read by Flink's FileSource, replayed to the end, written as JSON lines by the exactly-once FileSink: the replay's
 * datapoints and transitions, line for line.
 */
class LogGroupJobTest {

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

    @Test
    void theSeedHourAsACloudTrailFileAndAsJsonLinesGivesTheReplaysOutput(@TempDir Path dir) throws Exception {
        Path trail = dir.resolve("in/AWSLogs/123456789012/CloudTrail/us-east-1/2026/11/21/seed.json.gz");
        Files.createDirectories(trail.getParent());
        try (InputStream in = LogGroupJobTest.class.getResourceAsStream("/seed/cloudtrail-secrets-hour.json");
             OutputStream out = new GZIPOutputStream(Files.newOutputStream(trail))) {
            in.transferTo(out);
        }
        Path lines = dir.resolve("lines/seed.jsonl");
        Files.createDirectories(lines.getParent());
        Files.write(lines, Seed.EVENTS.stream().map(LogEvent::message).toList(), StandardCharsets.UTF_8);

        List<String> expectedTransitions = new AlarmEvaluator(Seed.sumAlarm(), LogGroupMetrics.of(Seed.group())
                .acceptAll(Seed.EVENTS).metric(MetricId.of(Seed.sumAlarm()))).replay().stream()
                .map(MetricsJson::transition).sorted().toList();
        List<String> expectedDatapoints = new ArrayList<>();
        for (Map.Entry<MetricId, MetricAggregator> m : LogGroupMetrics.of(Seed.group()).acceptAll(Seed.EVENTS)
                .metrics().entrySet()) {
            for (PeriodStatistics p : m.getValue().getMetricStatistics(StatisticsQuery.of(Seed.at("11:00"),
                    Seed.at("14:00"), 60, Statistic.SAMPLE_COUNT, Statistic.SUM, Statistic.AVERAGE,
                    Statistic.MINIMUM, Statistic.MAXIMUM))) {
                expectedDatapoints.add(MetricsJson.datapoint(new MetricDatapoint(m.getKey(), 60, p)));
            }
        }
        assertThat(expectedTransitions).hasSizeGreaterThan(3);

        for (String[] input : List.of(new String[] {dir.resolve("in").toString(), "cloudtrail"},
                new String[] {lines.toString(), "lines"})) {
            Path out = dir.resolve("out-" + input[1]);
            LogGroupJob.Options o = LogGroupJob.Options.parse(new String[] {"--metric-filters", "unused.json",
                "--input", input[0], "--format", input[1], "--watermarks", "end", "--output", out.toString(),
                "--parallelism", "2", "--checkpoint-interval", "1s"});
            StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(noRestarts());
            LogGroupJob.build(env, o, Seed.group(), List.of(Seed.sumAlarm()));
            env.execute("cwfilter LogGroupJob test");
            assertThat(lines(out.resolve("transitions"))).as(input[1]).isEqualTo(expectedTransitions);
            assertThat(lines(out.resolve("datapoints"))).as(input[1]).isEqualTo(expectedDatapoints.stream().sorted()
                    .toList());
            assertThat(lines(out.resolve("late"))).isEmpty();
            assertThat(lines(out.resolve("rejections"))).isEmpty();
        }
    }

    @Test
    void flagsAreCheckedAndNamedWhenWrong() {
        assertThatThrownBy(() -> LogGroupJob.Options.parse(new String[] {"--input", "x"}))
                .hasMessageContaining("--metric-filters");
        assertThatThrownBy(() -> LogGroupJob.Options.parse(new String[] {"--metric-filters", "f.json"}))
                .hasMessageContaining("--input PATH or --kafka-bootstrap-servers");
        assertThatThrownBy(() -> LogGroupJob.Options.parse(new String[] {"--metric-filters", "f.json", "--input", "x",
            "--watermarks", "sometimes"})).hasMessageContaining("per-event");
        assertThatThrownBy(() -> LogGroupJob.Options.parse(new String[] {"--metric-filters", "f.json", "--input", "x",
            "--lateness", "soon"})).hasMessageContaining("--lateness soon");
        assertThatThrownBy(() -> LogGroupJob.Options.parse(new String[] {"--metric-filters", "f.json",
            "--kafka-bootstrap-servers", "localhost:9092"})).hasMessageContaining("--kafka-topic");
        LogGroupJob.Options o = LogGroupJob.Options.parse(new String[] {"--metric-filters", "f.json", "--input", "a",
            "--input", "b", "--lateness", "5min", "--statistics", "Sum,p99", "--start-time", "2026-11-21T12:00:00Z"});
        assertThat(o.inputs()).containsExactly("a", "b");
        assertThat(o.lateness()).hasMinutes(5);
        assertThat(o.statistics()).containsExactly(Statistic.SUM, Statistic.parse("p99"));
        assertThat(o.startTime()).hasToString("2026-11-21T12:00:00Z");
        assertThat(o.snsNotify()).isFalse();
        LogGroupJob.Options n = LogGroupJob.Options.parse(new String[] {"--metric-filters", "f.json", "--input", "a",
            "--notify", "--region", "eu-west-1", "--endpoint-url", "http://127.0.0.1:5000"});
        assertThat(n.snsNotify()).isTrue();
        assertThat(n.awsRegion()).isEqualTo("eu-west-1");
        assertThat(n.awsEndpoint()).isEqualTo("http://127.0.0.1:5000");
        assertThat(n.outputDocument()).isNull();
    }

    /** The document holds totals: only bounded input has them, so an unbounded job refuses it, saying why. */
    @Test
    void theDocumentNeedsBoundedInput() {
        assertThatThrownBy(() -> LogGroupJob.Options.parse(new String[] {"--metric-filters", "f.json", "--input", "x",
            "--monitor-interval", "1min", "--output-document", "doc.json"}))
                .hasMessageContaining("--output-document needs bounded input");
        assertThatThrownBy(() -> LogGroupJob.Options.parse(new String[] {"--metric-filters", "f.json",
            "--kafka-bootstrap-servers", "localhost:9092", "--kafka-topic", "t", "--output-document", "doc.json"}))
                .hasMessageContaining("--output-document needs bounded input");
        assertThatThrownBy(() -> LogGroupJob.Options.parse(new String[] {"--metric-filters", "f.json", "--input", "x",
            "--output-document"})).hasMessageContaining("--output-document needs a value");
        assertThat(LogGroupJob.Options.parse(new String[] {"--metric-filters", "f.json",
            "--kafka-bootstrap-servers", "localhost:9092", "--kafka-topic", "t", "--kafka-bounded",
            "--output-document", "doc.json"}).outputDocument()).isEqualTo("doc.json");
    }

    /** Failures fail the job at once instead of restarting it from its checkpoints for ever. */
    static org.apache.flink.configuration.Configuration noRestarts() {
        org.apache.flink.configuration.Configuration conf = new org.apache.flink.configuration.Configuration();
        conf.set(org.apache.flink.configuration.RestartStrategyOptions.RESTART_STRATEGY, "none");
        return conf;
    }

    /** Every line of the committed files under {@code dir} (hidden in-progress files left out), sorted. */
    static List<String> lines(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<String> lines = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile)
                    .filter(f -> !f.getFileName().toString().startsWith(".")).toList()) {
                lines.addAll(Files.readAllLines(f));
            }
        }
        return lines.stream().sorted().toList();
    }
}
