package dev.cwfilter.live;

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
 * Memory is bounded by the alarms' ranges and the dimension limit, not by the stream: ten million events — 28 hours
 * of event time, a new host every 20 seconds, two alarms — go through a monitor in a JVM whose heap is capped at
 * 48 MiB, and the live heap measured after a full collection at each quarter stays small and level.
 */
class LiveMemoryTest {

    static final long EVENTS = 10_000_000;
    static final long LIVE_HEAP_BOUND = 24L * 1024 * 1024;
    static final long DRIFT_BOUND = 4L * 1024 * 1024;

    @Test
    void tenMillionEventsPassThroughAFortyEightMebibyteHeap() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path log = Files.createTempFile("cwfilter-live-memory", ".log");
        Process process = new ProcessBuilder(List.of(java, "-Xmx48m", "-XX:+UseSerialGC", "-cp",
                System.getProperty("java.class.path"), LiveMemoryProbe.class.getName(), String.valueOf(EVENTS)))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean finished = process.waitFor(10, TimeUnit.MINUTES);
        if (!finished) {
            process.destroyForcibly();
        }
        String output = Files.readString(log);
        Files.deleteIfExists(log);
        assertThat(finished).as("finished within ten minutes: %s", output).isTrue();
        assertThat(process.exitValue()).as(output).isZero();

        Matcher m = Pattern.compile("received=(\\d+) processed=(\\d+) dropped=(\\d+) datapoints=(\\d+)"
                + " rejectedDatapoints=(\\d+) transitions=(\\d+) told=(\\d+) metrics=(\\d+) millis=(\\d+)"
                + " liveHeap=\\[(.*)]").matcher(output);
        assertThat(m.find()).as(output).isTrue();
        assertThat(Long.parseLong(m.group(1))).isEqualTo(EVENTS);
        assertThat(Long.parseLong(m.group(2))).as("every event processed").isEqualTo(EVENTS);
        assertThat(Long.parseLong(m.group(3))).as("none late or dropped").isZero();
        long accessLines = EVENTS - (EVENTS + 2) / 3;
        assertThat(Long.parseLong(m.group(4))).as("the reads filter publishes for every event (its default is 0),"
                + " the latency filter for every access-log line").isEqualTo(EVENTS + accessLines);
        assertThat(Long.parseLong(m.group(5))).as("no dimension limit reached").isZero();
        assertThat(Long.parseLong(m.group(6))).as("the alarms did evaluate").isPositive()
                .isEqualTo(Long.parseLong(m.group(7)));
        assertThat(Long.parseLong(m.group(8))).as("metrics kept at the end: the two alarms'").isEqualTo(2);
        List<Long> live = Arrays.stream(m.group(10).split(", ")).map(Long::valueOf).toList();
        assertThat(live).as("a measurement at each quarter").hasSize(4);
        assertThat(live).as("live heap, bytes").allMatch(b -> b < LIVE_HEAP_BOUND);
        long first = live.get(0);
        assertThat(live).as("no growth from quarter to quarter").allMatch(b -> Math.abs(b - first) < DRIFT_BOUND);
        System.out.println("LiveMemoryTest: " + output.strip());
    }
}
