package dev.cwfilter.flink;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cwfilter.LogEvent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.file.src.reader.StreamFormat;
import org.apache.flink.core.fs.local.LocalFileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file formats' readers over real files: timestamps, blank and oversized lines, broken CloudTrail files. */
class LogEventFormatsTest {

    @TempDir
    Path dir;

    List<LogEvent> read(StreamFormat<LogEvent> format, String content) throws IOException {
        Path f = Files.writeString(dir.resolve("f" + System.nanoTime()), content, StandardCharsets.UTF_8);
        List<LogEvent> events = new ArrayList<>();
        try (StreamFormat.Reader<LogEvent> r = format.createReader(new Configuration(),
                LocalFileSystem.getSharedInstance().open(new org.apache.flink.core.fs.Path(f.toUri())), Files.size(f),
                Files.size(f))) {
            LogEvent e;
            while ((e = r.read()) != null) {
                events.add(e);
            }
            assertThat(r.read()).as("a reader at its end stays there").isNull();
        }
        return events;
    }

    @Test
    void jsonLinesTakeTheirTimeFromTimestampOrEventTime() throws IOException {
        List<LogEvent> events = read(LogEventFormats.jsonLines(100), String.join("\n",
                "{\"timestamp\":1795262400000,\"message\":\"a\"}",
                "",
                "{\"timestamp\":\"2026-11-21T12:00:01Z\"}\r",
                "{\"eventTime\":\"2026-11-21T12:00:02Z\",\"x\":{\"timestamp\":1}}",
                "plain text without a time",
                "{\"pad\":\"" + "x".repeat(200) + "\"}") + "\n\n");
        assertThat(events).extracting(LogEvent::timestamp).containsExactly(1795262400000L, 1795262401000L,
                1795262402000L, LogEventFormats.NO_TIMESTAMP, LogEventFormats.NO_TIMESTAMP);
        assertThat(events.get(1).message()).isEqualTo("{\"timestamp\":\"2026-11-21T12:00:01Z\"}");
        assertThat(events.get(4).message().getBytes(StandardCharsets.UTF_8).length)
                .as("an oversized line is cut just past the limit, to be reported as oversized").isEqualTo(101);
    }

    @Test
    void cloudTrailRecordsAreTheirTextAsWrittenTimedByEventTime() throws IOException {
        String a = "{\"eventVersion\":\"1.09\",\"eventTime\":\"2026-11-21T12:00:14Z\",\"requestParameters\":"
                + "{\"eventTime\":\"nested\"},\"eventName\":\"GetSecretValue\"}";
        String b = "{ \"eventName\" : \"ListSecrets\" }";
        List<LogEvent> events = read(LogEventFormats.cloudTrail(), "{\"Records\":[" + a + ", " + b + "]}");
        assertThat(events).extracting(LogEvent::message).containsExactly(a, b);
        assertThat(events).extracting(LogEvent::timestamp).containsExactly(1795262414000L,
                LogEventFormats.NO_TIMESTAMP);
    }

    @Test
    void aBrokenCloudTrailFileEndsWithAReportNotAnException() throws IOException {
        String a = "{\"eventTime\":\"2026-11-21T12:00:14Z\"}";
        List<LogEvent> cut = read(LogEventFormats.cloudTrail(), "{\"Records\":[" + a + ", {\"eventName\":\"Li");
        assertThat(cut).hasSize(2);
        assertThat(cut.get(0).message()).isEqualTo(a);
        assertThat(cut.get(1).timestamp()).isEqualTo(LogEventFormats.NO_TIMESTAMP);
        assertThat(cut.get(1).message()).startsWith("cwfilter: not a CloudTrail log file: document 1, record 2 (byte");
        List<LogEvent> notTrail = read(LogEventFormats.cloudTrail(), "[1,2,3]");
        assertThat(notTrail).singleElement().extracting(LogEvent::message).asString()
                .startsWith("cwfilter: not a CloudTrail log file: document 1");
        List<LogEvent> notObject = read(LogEventFormats.cloudTrail(), "{\"Records\":[" + a + ",7]}");
        assertThat(notObject).hasSize(2);
        assertThat(notObject.get(1).message()).startsWith("cwfilter: document 1, record 2 (byte ")
                .endsWith(") is not a JSON object");
        assertThat(notObject.get(1).timestamp()).isEqualTo(LogEventFormats.NO_TIMESTAMP);
    }
}
