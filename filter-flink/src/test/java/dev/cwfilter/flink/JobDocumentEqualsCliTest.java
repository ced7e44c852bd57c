package dev.cwfilter.flink;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cwfilter.cli.Cli;
import dev.cwfilter.cli.CliEnvironment;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/**
 * The job's {@code --output-document} is, byte for byte, what {@code cwfilter metrics --metric-filters ... --alarms ...
 * --output json} writes on the same input: the whole {@code cwfilter.metrics/1} document (every filter's matches and
 * datapoints, every metric's datapoints, rejections and periods, every alarm's transitions and final state, the
 * definitions left out), at parallelism 1, 2 and 4, on the seed hour and on a generated stream of CloudTrail records
 * spread over several files whose records arrive out of order, some of them twelve minutes after later ones: with
 * {@code --watermarks end} (a replay, as the command's), and, all in one file, with watermarks after each event whose
 * lateness (15 minutes) covers that disorder, so that no event is late (a task reads its files one after another, so
 * with several files the disorder a task sees spans them all).
 */
class JobDocumentEqualsCliTest {

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(4).build());

    static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest(name = "{0} at parallelism {1}, watermarks {2}")
    @CsvSource({"seed, 1, end", "seed, 2, end", "seed, 4, end", "generated, 1, end", "generated, 2, end",
        "generated, 4, end", "one file, 2, per-event", "one file, 4, per-event"})
    void theJobsDocumentIsTheCommandsDocument(String scenario, int parallelism, String watermarks, @TempDir Path dir)
            throws Exception {
        Path filters = JobEqualsCliTest.resource("/definitions/metric-filters.json", dir.resolve("metric-filters.json"));
        Path alarms = JobEqualsCliTest.resource("/definitions/alarms.json", dir.resolve("alarms.json"));
        Path in = dir.resolve("in");
        if (scenario.equals("seed")) {
            JobEqualsCliTest.resource("/seed/cloudtrail-secrets-hour.json", in.resolve("seed.json"));
        } else {
            generated(new Random(1919), in, scenario.equals("one file") ? 1 : 3);
        }
        List<String> inputs;
        try (Stream<Path> files = Files.list(in)) {
            inputs = files.map(Path::toString).sorted().toList();
        }

        List<String> args = new ArrayList<>(List.of("metrics", "--metric-filters", filters.toString(), "--alarms",
                alarms.toString(), "--stat", "p90", "--output", "json"));
        args.addAll(inputs);
        StringWriter cliOut = new StringWriter();
        CommandLine cli = Cli.commandLine(CliEnvironment.of(new ByteArrayInputStream(new byte[0])));
        cli.setOut(new PrintWriter(cliOut));
        cli.setErr(new PrintWriter(new StringWriter()));
        cli.execute(args.toArray(String[]::new));
        String expected = cliOut.toString();
        JsonNode doc = JSON.readTree(expected);
        assertThat(doc.get("metrics").size()).as("metrics").isGreaterThan(3);
        assertThat(doc.get("problems").size()).as("definitions left out").isEqualTo(5);
        int transitions = 0;
        for (JsonNode a : doc.get("alarms")) {
            transitions += a.get("transitions").size();
        }
        assertThat(transitions).as("transitions").isGreaterThan(3);

        Path document = dir.resolve("out/document.json");
        LogGroupJob.Options o = LogGroupJob.Options.parse(new String[] {"--metric-filters", filters.toString(),
            "--alarms", alarms.toString(), "--input", in.toString(), "--format", "cloudtrail", "--watermarks", watermarks,
            "--lateness", "15min",
            "--statistics", "p90", "--output", dir.resolve("out/lines").toString(), "--output-document",
            document.toString(), "--parallelism", Integer.toString(parallelism), "--checkpoint-interval", "1s"});
        LogGroupJob.Job job = LogGroupJob.definitions(o, new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8));
        LogGroupJob.run(StreamExecutionEnvironment.getExecutionEnvironment(LogGroupJobTest.noRestarts()), o, job);

        assertThat(Files.readString(document, StandardCharsets.UTF_8)).isEqualTo(expected);
    }

    static final String[] NAMES = {"GetSecretValue", "GetSecretValue", "ListSecrets", "PutSecretValue",
        "DescribeSecret"};
    static final Instant NOON = Instant.parse("2026-11-21T12:00:00Z");

    /**
     * CloudTrail records over 40 minutes (some minutes busy, some quiet), reads, errors by event and reads of deleted
     * secrets among them, in {@code files} files, each in arrival order: one record in six arrives up to twelve minutes
     * late.
     */
    static void generated(Random random, Path dir, int files) throws Exception {
        record Timed(long arrival, ObjectNode record) {
        }
        List<Timed> all = new ArrayList<>();
        int n = 300 + random.nextInt(200);
        for (int i = 0; i < n; i++) {
            int minute = random.nextInt(3) == 0 ? random.nextInt(8) : random.nextInt(40);
            long second = minute * 60L + random.nextInt(60);
            ObjectNode r = JSON.createObjectNode();
            r.put("eventVersion", "1.09");
            r.put("eventTime", NOON.plusSeconds(second).toString());
            String name = NAMES[random.nextInt(NAMES.length)];
            r.put("eventName", name);
            r.put("eventSource", "secretsmanager.amazonaws.com");
            if (random.nextInt(5) == 0) {
                r.put("errorCode", random.nextBoolean() ? "AccessDenied" : "InvalidRequestException");
                if (name.equals("GetSecretValue") && random.nextBoolean()) {
                    r.put("errorMessage", "You can't perform this operation on the secret because it was marked for"
                            + " deletion.");
                }
            }
            long delay = random.nextInt(6) == 0 ? 60L + random.nextInt(660) : random.nextInt(30);
            all.add(new Timed(second + delay, r));
        }
        all.sort(Comparator.comparingLong(Timed::arrival));
        Files.createDirectories(dir);
        for (int f = 0; f < files; f++) {
            ObjectNode file = JSON.createObjectNode();
            ArrayNode records = file.putArray("Records");
            for (int i = f; i < all.size(); i += files) {
                records.add(all.get(i).record());
            }
            Files.writeString(dir.resolve("trail-" + f + ".json"), JSON.writeValueAsString(file));
        }
    }
}
