package dev.cwfilter.flink;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cwfilter.cli.Cli;
import dev.cwfilter.cli.CliEnvironment;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The job and {@code cwfilter metrics --output json} read the same describe-metric-filters and describe-alarms files
 * (the command's own test definitions, broken ones included) and the seed hour as a CloudTrail file, the job at
 * parallelism 1 and 2: every datapoint line of the job is, character for character, an entry of the command's
 * {@code metrics[].periods[]} preceded by its metric and period, every transition line an entry of its
 * {@code alarms[].transitions[]} preceded by its alarm's name (the same field names, order and number formatting,
 * both written by {@code MetricsDocument}), and the other way round; both leave out the same definitions.
 */
class JobEqualsCliTest {

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

    static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2})
    void theJobWritesWhatTheCommandWrites(int parallelism, @TempDir Path dir) throws Exception {
        Path filters = resource("/definitions/metric-filters.json", dir.resolve("metric-filters.json"));
        Path alarms = resource("/definitions/alarms.json", dir.resolve("alarms.json"));
        Path trail = resource("/seed/cloudtrail-secrets-hour.json", dir.resolve("in/seed.json"));

        StringWriter cliOut = new StringWriter();
        StringWriter cliErr = new StringWriter();
        CommandLine cli = Cli.commandLine(CliEnvironment.of(new ByteArrayInputStream(new byte[0])));
        cli.setOut(new PrintWriter(cliOut));
        cli.setErr(new PrintWriter(cliErr));
        cli.execute("metrics", "--metric-filters", filters.toString(), "--alarms", alarms.toString(), "--output",
                "json", trail.toString());
        JsonNode doc = JSON.readTree(cliOut.toString());
        assertThat(doc.get("schema").asText()).isEqualTo("cwfilter.metrics/1");

        List<String> cliDatapoints = new ArrayList<>();
        for (JsonNode m : doc.get("metrics")) {
            for (JsonNode p : m.get("periods")) {
                ObjectNode d = JSON.createObjectNode();
                d.set("namespace", m.get("namespace"));
                d.set("metricName", m.get("metricName"));
                d.set("dimensions", m.get("dimensions"));
                d.put("period", doc.get("period").asInt());
                p.fields().forEachRemaining(f -> d.set(f.getKey(), f.getValue()));
                cliDatapoints.add(JSON.writeValueAsString(d));
            }
        }
        List<String> cliTransitions = new ArrayList<>();
        for (JsonNode a : doc.get("alarms")) {
            for (JsonNode t : a.get("transitions")) {
                ObjectNode c = JSON.createObjectNode();
                c.set("alarmName", a.get("alarmName"));
                t.fields().forEachRemaining(f -> c.set(f.getKey(), f.getValue()));
                cliTransitions.add(JSON.writeValueAsString(c));
            }
        }
        assertThat(cliTransitions).hasSizeGreaterThan(3);

        Path out = dir.resolve("out");
        LogGroupJob.Options o = LogGroupJob.Options.parse(new String[] {"--metric-filters", filters.toString(),
            "--alarms", alarms.toString(), "--input", trail.getParent().toString(), "--format", "cloudtrail",
            "--watermarks", "end", "--output", out.toString(), "--parallelism", Integer.toString(parallelism), "--checkpoint-interval", "1s"});
        ByteArrayOutputStream jobErr = new ByteArrayOutputStream();
        LogGroupJob.Job job = LogGroupJob.definitions(o, new PrintStream(jobErr, true, StandardCharsets.UTF_8));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(
                LogGroupJobTest.noRestarts());
        LogGroupJob.build(env, o, job.group(), job.alarms());
        env.execute("cwfilter job equals cli");

        assertThat(cliDatapoints).hasSizeGreaterThan(100);
        assertThat(LogGroupJobTest.lines(out.resolve("datapoints"))).containsExactlyInAnyOrderElementsOf(cliDatapoints);
        assertThat(LogGroupJobTest.lines(out.resolve("transitions")))
                .containsExactlyInAnyOrderElementsOf(cliTransitions);
        String problems = jobErr.toString(StandardCharsets.UTF_8);
        for (String name : List.of("BrokenPattern", "MisspeltField", "Math", "Any security alarm",
                "Nobody publishes this")) {
            assertThat(problems).contains("'" + name + "'");
            assertThat(cliErr.toString()).contains("'" + name + "'");
        }
    }

    static Path resource(String name, Path to) throws Exception {
        Files.createDirectories(to.getParent());
        try (InputStream in = JobEqualsCliTest.class.getResourceAsStream(name)) {
            Files.copy(in, to);
        }
        return to;
    }
}
