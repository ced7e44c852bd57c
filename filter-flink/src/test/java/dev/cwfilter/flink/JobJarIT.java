package dev.cwfilter.flink;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job jar run as a program of its own, locally, as docs/flink.md says: {@code java -cp
 * filter-flink-VERSION-job.jar:FLINK-JARS dev.cwfilter.flink.LogGroupJob ...} (Flink starts a local MiniCluster when
 * no cluster runs the job). The seed hour and the command's definitions in, the seed alarm's transitions out.
 */
class JobJarIT {

    @Test
    void theJobJarRunsLocallyOverTheSeedHour(@TempDir Path dir) throws Exception {
        Path jar = Path.of(System.getProperty("cwfilter.jobJar"));
        assertThat(jar).exists();
        Path filters = JobEqualsCliTest.resource("/definitions/metric-filters.json", dir.resolve("f.json"));
        Path alarms = JobEqualsCliTest.resource("/definitions/alarms.json", dir.resolve("a.json"));
        Path trail = JobEqualsCliTest.resource("/seed/cloudtrail-secrets-hour.json", dir.resolve("in/seed.json"));
        // Flink's own jars, as a cluster's lib/ holds them: the provided dependencies on this test's class path.
        List<String> flink = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (entry.endsWith(".jar") && !entry.contains("dev/cwfilter") && !entry.contains("junit")) {
                flink.add(entry);
            }
        }
        Path out = dir.resolve("out");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", jar + File.pathSeparator + String.join(File.pathSeparator, flink),
                "dev.cwfilter.flink.LogGroupJob"));
        command.addAll(Arrays.asList("--metric-filters", filters.toString(), "--alarms", alarms.toString(),
                "--input", trail.getParent().toString(), "--format", "cloudtrail", "--watermarks", "end",
                "--output", out.toString(), "--parallelism", "2", "--checkpoint-interval", "1s"));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve("log.txt")
                .toFile()).start();
        assertThat(p.waitFor(180, TimeUnit.SECONDS)).as("the job ends").isTrue();
        String log = Files.readString(dir.resolve("log.txt"), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(log).isZero();
        assertThat(log).contains("'BrokenPattern'");
        List<String> transitions = LogGroupJobTest.lines(out.resolve("transitions"));
        assertThat(transitions).anyMatch(t -> t.startsWith("{\"alarmName\":\"Secret is accessed (Sum)\","
                + "\"timestamp\":\"2026-11-21T12:04:00Z\",\"oldState\":\"OK\",\"newState\":\"ALARM\""));
        assertThat(transitions).anyMatch(t -> t.startsWith("{\"alarmName\":\"Secret is accessed (Sum)\","
                + "\"timestamp\":\"2026-11-21T12:05:00Z\",\"oldState\":\"ALARM\",\"newState\":\"OK\""));
    }
}
