package dev.cwfilter.cli.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventSourceTest {

    static InputFormat detect(String head) {
        byte[] b = head.getBytes(StandardCharsets.UTF_8);
        return EventSource.detect(b, b.length);
    }

    @Test
    void theFormatIsDecidedFromTheFirstBytes() {
        assertThat(detect("{\"Records\":[{\"eventName\":\"x\"}]}")).isEqualTo(InputFormat.CLOUDTRAIL);
        assertThat(detect("\uFEFF\n  {\n  \"Records\" : [")).as("BOM, blanks, cut short").isEqualTo(
                InputFormat.CLOUDTRAIL);
        assertThat(detect("{\n    \"events\": [\n        {")).isEqualTo(InputFormat.EVENTS);
        assertThat(detect("{\"events\":\"not an array\"}\n")).isEqualTo(InputFormat.LINES);
        assertThat(detect("{\"level\":\"info\",\"Records\":[]}\n")).as("Records not first").isEqualTo(
                InputFormat.LINES);
        assertThat(detect("2026-11-21T12:00:00.000Z hello\n")).isEqualTo(InputFormat.EXPORT);
        assertThat(detect("2026-11-21T12:00:00Z hello\n")).as("not the export's exact prefix").isEqualTo(
                InputFormat.LINES);
        assertThat(detect("plain text\n2026-11-21T12:00:00.000Z later\n")).isEqualTo(InputFormat.LINES);
        assertThat(detect("")).isEqualTo(InputFormat.LINES);
    }

    @Test
    void cloudTrailRecordsCarryTheirSourceRecordIndexAndTimestamp() {
        String text = "{\"Records\":[\n{\"eventTime\":\"2026-11-21T12:00:01Z\",\"n\":1},\n"
                + "{\"n\":2,\"eventTime\":\"not a time\"},\n  7,\n{\"eventTime\":\"2026-11-21T12:00:03Z\",\"n\":3.50}]}";
        EventSource source = new EventSource(List.of(Input.stream("ct.json", new ByteArrayInputStream(
                text.getBytes(StandardCharsets.UTF_8)))), InputFormat.AUTO, 1024, Progress.none());
        List<String> seen = new ArrayList<>();
        source.forEach(e -> seen.add(e.source() + ":" + e.position() + ":" + e.number() + ":" + e.timestamp() + ":"
                + e.message()));
        // A record is the bytes the file holds for it, as written; its position is its index among the records.
        assertThat(seen).containsExactly(
                "ct.json:record 1:1:1795262401000:{\"eventTime\":\"2026-11-21T12:00:01Z\",\"n\":1}",
                "ct.json:record 2:2:" + Event.NO_TIMESTAMP + ":{\"n\":2,\"eventTime\":\"not a time\"}",
                "ct.json:record 4:3:1795262403000:{\"eventTime\":\"2026-11-21T12:00:03Z\",\"n\":3.50}");
        assertThat(source.badEvents().report(1024, "")).containsExactly(
                "cwfilter: 1 malformed event skipped (ct.json, record 3: a record that is not a JSON object)");
    }

    @Test
    void aRecordOverTheLimitIsSkippedAndTheNextOneStillRead() {
        String text = "{\"Records\":[{\"a\":\"" + "x".repeat(2000) + "\",\"b\":[1,2,{\"c\":3}]},{\"a\":\"small\"}]}";
        EventSource source = new EventSource(List.of(Input.stream("ct.json", new ByteArrayInputStream(
                text.getBytes(StandardCharsets.UTF_8)))), InputFormat.CLOUDTRAIL, 1024, Progress.none());
        List<String> seen = new ArrayList<>();
        source.forEach(e -> seen.add(e.message()));
        assertThat(seen).containsExactly("{\"a\":\"small\"}");
        assertThat(source.badEvents().count(BadEvents.Kind.OVERSIZED)).isEqualTo(1);
    }

    @Test
    void concatenatedCloudTrailFilesAreAllRead() {
        String one = "{\"Records\":[{\"n\":1}]}";
        EventSource source = new EventSource(List.of(Input.stream("x", new ByteArrayInputStream(
                (one + "\n" + one + one).getBytes(StandardCharsets.UTF_8)))), InputFormat.AUTO, 1024,
                Progress.none());
        List<String> seen = new ArrayList<>();
        source.forEach(e -> seen.add(e.message()));
        assertThat(seen).hasSize(3);
    }

    @Test
    void theSinkCanStopTheReading() {
        EventSource source = new EventSource(List.of(Input.stream("x", new ByteArrayInputStream(
                "a\nb\nc\n".getBytes(StandardCharsets.UTF_8))), Input.stream("y", new ByteArrayInputStream(
                "d\n".getBytes(StandardCharsets.UTF_8)))), InputFormat.AUTO, 1024, Progress.none());
        List<String> seen = new ArrayList<>();
        assertThat(source.forEach(e -> {
            seen.add(e.message());
            return seen.size() < 2;
        })).isFalse();
        assertThat(seen).containsExactly("a", "b");
    }

    @Test
    void aStreamThatFailsIsNamedInTheErrors() {
        EventSource source = new EventSource(List.of(new Input("broken", -1, () -> {
            throw new IOException("device not ready");
        })), InputFormat.AUTO, 1024, Progress.none());
        source.forEach(e -> true);
        assertThat(source.errors()).containsExactly("cannot read 'broken': device not ready");
    }

    private static List<String> messages(byte[] bytes, InputFormat format, int chunk) {
        // A stream that hands out at most chunk bytes a read, as a pipe or a slow disk may.
        ByteArrayInputStream in = new ByteArrayInputStream(bytes) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, chunk));
            }
        };
        EventSource source = new EventSource(List.of(Input.stream("x", in)), format, 1 << 20, Progress.none());
        List<String> seen = new ArrayList<>();
        source.forEach(e -> seen.add(e.message()));
        assertThat(source.errors()).isEmpty();
        return seen;
    }

    @Test
    void aDocumentWhoseFirstFieldComesLateIsStillDetected() {
        // The first 512 bytes do not settle the format: the first 64 KiB do.
        String late = " ".repeat(300) + "\n".repeat(300) + "{\"Records\":[{\"n\":1},{\"n\":2}]}";
        assertThat(messages(late.getBytes(StandardCharsets.UTF_8), InputFormat.AUTO, 1 << 20))
                .containsExactly("{\"n\":1}", "{\"n\":2}");
        String events = "{" + " ".repeat(600) + "\"events\":[{\"timestamp\":1,\"message\":\"hello\"}]}";
        assertThat(messages(events.getBytes(StandardCharsets.UTF_8), InputFormat.AUTO, 1 << 20))
                .containsExactly("hello");
        String spaced = "\uFEFF  {\n\"Records\" : [ {\"n\":1} ]}";
        assertThat(messages(spaced.getBytes(StandardCharsets.UTF_8), InputFormat.AUTO, 1 << 20))
                .containsExactly("{\"n\":1}");
    }

    @Test
    void aLargeCloudTrailFileIsReadWholeWhateverTheReadSizes() throws IOException {
        // Larger than the format sniff (64 KiB), the stream's buffer (64 KiB) and the record buffer (256 KiB).
        List<String> records = new ArrayList<>();
        for (int i = 0; i < 4000; i++) {
            records.add("{\"eventTime\":\"2026-11-21T12:00:00Z\",\"n\":" + i + ",\"s\":\"" + "é\\\"]}".repeat(i % 7)
                    + "x".repeat(i % 97) + "\"}");
        }
        byte[] doc = ("{\"Records\":[" + String.join(",", records) + "]}").getBytes(StandardCharsets.UTF_8);
        assertThat(doc.length).isGreaterThan(400 * 1024);
        java.io.ByteArrayOutputStream gz = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream out = new java.util.zip.GZIPOutputStream(gz)) {
            out.write(doc);
        }
        for (int chunk : new int[] {1 << 20, 65536, 65537, 4099, 7}) {
            assertThat(messages(doc, InputFormat.AUTO, chunk)).as("plain, reads of " + chunk).isEqualTo(records);
            assertThat(messages(gz.toByteArray(), InputFormat.AUTO, chunk)).as("gzipped, reads of " + chunk)
                    .isEqualTo(records);
        }
        List<String> lines = messages((String.join("\n", records) + "\n").getBytes(StandardCharsets.UTF_8),
                InputFormat.AUTO, 65537);
        assertThat(lines).isEqualTo(records);
    }
}
