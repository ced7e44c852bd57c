package dev.cwfilter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Streaming keeps memory flat: a gibibyte of CloudTrail events (7,360 copies of the seed hour as JSON lines, 934,720
 * events; or the same records as one CloudTrail document) goes through {@code filter} in a JVM whose heap is capped at
 * 64 MiB, from a generator stream, and the live heap measured after a full collection at each quarter of the input
 * stays small and level.
 */
class FlatMemoryTest {

    static final long GIBIBYTE = 1L << 30;
    static final long LIVE_HEAP_BOUND = 24L * 1024 * 1024;
    static final long DRIFT_BOUND = 4L * 1024 * 1024;

    @Test
    void aGibibyteOfEventsPassesThroughASixtyFourMebibyteHeap() throws Exception {
        probe(MemoryProbe.jsonLines(), "lines");
    }

    /** One CloudTrail document of a gibibyte (the newcomer saw 320 MB RSS for one large file) streams the same way. */
    @Test
    void aGibibyteCloudTrailDocumentPassesThroughASixtyFourMebibyteHeap() throws Exception {
        probe(MemoryProbe.recordsBlock(), "cloudtrail");
    }

    static void probe(byte[] block, String mode) throws Exception {
        long blocks = (GIBIBYTE + block.length - 1) / block.length;
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path log = Files.createTempFile("cwfilter-memory-probe", ".log");
        Process process = new ProcessBuilder(List.of(java, "-Xmx64m", "-XX:+UseSerialGC", "-Dcwfilter.progress=false",
                "-cp", System.getProperty("java.class.path"), MemoryProbe.class.getName(), String.valueOf(blocks),
                mode))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean finished = process.waitFor(120, TimeUnit.SECONDS);
        if (!finished) {
            process.destroyForcibly();
        }
        String output = Files.readString(log);
        Files.deleteIfExists(log);
        assertThat(finished).as("finished within two minutes: %s", output).isTrue();
        assertThat(process.exitValue()).as(output).isZero();

        Matcher m = Pattern.compile("code=(\\d+) count=(\\d+) bytes=(\\d+) millis=(\\d+) liveHeap=\\[(.*)]")
                .matcher(output);
        assertThat(m.find()).as(output).isTrue();
        assertThat(Integer.parseInt(m.group(1))).isZero();
        assertThat(Long.parseLong(m.group(2))).as("every copy's six GetSecretValue calls").isEqualTo(6 * blocks);
        List<Long> live = Arrays.stream(m.group(5).split(", ")).map(Long::valueOf).toList();
        assertThat(live).as("a measurement at each quarter and at the end").hasSize(4);
        assertThat(live).as("live heap, bytes").allMatch(b -> b < LIVE_HEAP_BOUND);
        long first = live.get(0);
        assertThat(live).as("no growth from quarter to quarter").allMatch(b -> Math.abs(b - first) < DRIFT_BOUND);
        System.out.println("FlatMemoryTest: " + output.strip());
    }
}
