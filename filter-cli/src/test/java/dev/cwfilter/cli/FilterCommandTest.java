package dev.cwfilter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FilterCommandTest {

    static final String SECRETS = "{ $.eventName = \"GetSecretValue\" }";

    @TempDir
    Path dir;

    static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(data);
        }
        return bytes.toByteArray();
    }

    Path file(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    Path file(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    @Test
    void plainTextLinesArePrintedWhenTheyMatch() throws IOException {
        Path log = file("app.log", "INFO start\n[ERROR] 400 BAD REQUEST\nWARN slow\n[ERROR] INVALID ARGUMENTS\n");
        Run run = Run.of("filter", "-p", "ERROR -ARGUMENTS", log.toString());
        assertThat(run.code()).as(run.toString()).isZero();
        assertThat(run.out()).isEqualTo("[ERROR] 400 BAD REQUEST\n");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void jsonLinesAreEventsToo() throws IOException {
        Path log = file("app.jsonl", "{\"level\":\"error\",\"msg\":\"a\"}\n{\"level\":\"info\",\"msg\":\"b\"}\n");
        assertThat(Run.of("filter", "-p", "{ $.level = \"error\" }", log.toString()).out())
                .isEqualTo("{\"level\":\"error\",\"msg\":\"a\"}\n");
    }

    @Test
    void aCloudTrailFileIsReadRecordByRecord() {
        Run run = Run.of("filter", "-p", SECRETS, Run.seed().toString());
        assertThat(run.code()).isZero();
        String[] lines = run.out().split("\n");
        assertThat(lines).hasSize(6).allMatch(l -> l.startsWith("{\"eventVersion\":\"1.09\"")
                && l.contains("\"eventName\":\"GetSecretValue\""));
        assertThat(Run.of("filter", "-p", "GetSecretValue", "--count", Run.seed().toString()).out())
                .isEqualTo("7\n");
    }

    @Test
    void gzipIsRecognisedByItsMagicBytesWhateverTheName() throws IOException {
        Path gz = file("records.txt", gzip(Files.readAllBytes(Run.seed())));
        assertThat(Run.of("filter", "-p", SECRETS, "-c", gz.toString()).out()).isEqualTo("6\n");
        Path plainNamedGz = file("lines.gz", "a ERROR\nb\n");
        assertThat(Run.of("filter", "-p", "ERROR", plainNamedGz.toString()).out()).isEqualTo("a ERROR\n");
        Path gzLines = file("lines", gzip("x ERROR\ny\nz ERROR\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(Run.of("filter", "-p", "ERROR", gzLines.toString()).out()).isEqualTo("x ERROR\nz ERROR\n");
    }

    @Test
    void aCloudWatchLogsExportKeepsMultiLineMessagesAndTheirTimestamps() throws IOException {
        String export = "2026-11-21T12:00:00.000Z INFO started\n"
                + "2026-11-21T12:00:05.250Z ERROR failed\n"
                + "java.lang.IllegalStateException: boom\n"
                + "\tat Foo.bar(Foo.java:1)\n"
                + "2026-11-21T12:01:00.000Z INFO done\n";
        Path gz = file("000000.gz", gzip(export.getBytes(StandardCharsets.UTF_8)));
        Run run = Run.of("filter", "-p", "IllegalStateException", "-o", "json", gz.toString());
        assertThat(run.code()).as(run.toString()).isZero();
        assertThat(run.out()).isEqualTo("{\"timestamp\":1795262405250,\"message\":\"ERROR failed\\njava.lang."
                + "IllegalStateException: boom\\n\\tat Foo.bar(Foo.java:1)\",\"file\":\"" + gz + "\",\"line\":2}\n");
        Run text = Run.of("filter", "-p", "INFO", gz.toString());
        assertThat(text.out()).isEqualTo("INFO started\nINFO done\n");
    }

    @Test
    void theJsonOfFilterLogEventsIsRead() throws IOException {
        Path events = file("events.json", "{\n    \"events\": [\n        {\n            \"logStreamName\": \"s1\",\n"
                + "            \"timestamp\": 1795262400000,\n            \"message\": \"[ERROR] first\",\n"
                + "            \"ingestionTime\": 1795262400100,\n            \"eventId\": \"1\"\n        },\n"
                + "        {\"timestamp\": 1795262460000, \"message\": \"[INFO] second\"},\n"
                + "        {\"timestamp\": 1795262520000, \"message\": \"[ERROR] third\"}\n    ],\n"
                + "    \"searchedLogStreams\": []\n}\n");
        Run run = Run.of("filter", "-p", "ERROR", "--output", "json", "--start-time", "2026-11-21T12:01:00Z",
                events.toString());
        assertThat(run.out()).isEqualTo("{\"timestamp\":1795262520000,\"message\":\"[ERROR] third\",\"file\":\""
                + events + "\",\"line\":11}\n");
    }

    @Test
    void standardInputIsReadWithoutAFileOrWithADash() {
        assertThat(Run.withStdin("one ERROR\ntwo\n", "filter", "-p", "ERROR").out()).isEqualTo("one ERROR\n");
        assertThat(Run.withStdin("one ERROR\ntwo\n", "filter", "-p", "ERROR", "-").out()).isEqualTo("one ERROR\n");
    }

    @Test
    void invertCountAndTheEmptyPattern() {
        String lines = "a ERROR\nb\r\nc\n\nd ERROR";
        assertThat(Run.withStdin(lines, "filter", "-p", "ERROR", "--invert").out()).isEqualTo("b\nc\n");
        assertThat(Run.withStdin(lines, "filter", "-p", "ERROR", "--count").out()).isEqualTo("2\n");
        assertThat(Run.withStdin(lines, "filter", "-p", "ERROR", "--count", "--invert").out()).isEqualTo("2\n");
        // Blank lines are not events: CloudWatch rejects empty messages.
        assertThat(Run.withStdin(lines, "filter", "--count").out()).isEqualTo("4\n");
        assertThat(Run.withStdin(lines, "filter", "-p", "NOTHING").code()).isZero();
    }

    @Test
    void jsonOutputGivesNullTimestampsForPlainLines() {
        assertThat(Run.withStdin("x\ny ERROR\n", "filter", "-p", "ERROR", "-o", "json").out())
                .isEqualTo("{\"timestamp\":null,\"message\":\"y ERROR\",\"file\":\"-\",\"line\":2}\n");
    }

    @Test
    void aTimeRangeUsesTimestampsOfJsonLinesAndReportsLinesWithout() {
        String lines = "{\"timestamp\":1000,\"m\":\"a\"}\n{\"eventTime\":\"1970-01-01T00:00:02Z\",\"m\":\"b\"}\n"
                + "plain text\n{\"timestamp\":3000,\"m\":\"c\"}\n";
        Run run = Run.withStdin(lines, "filter", "--start-time", "1500", "--end-time", "1970-01-01T00:00:03Z");
        assertThat(run.out()).isEqualTo("{\"eventTime\":\"1970-01-01T00:00:02Z\",\"m\":\"b\"}\n"
                + "{\"timestamp\":3000,\"m\":\"c\"}\n");
        assertThat(run.err()).isEqualTo("cwfilter: 1 event without a timestamp left out by --start-time/--end-time"
                + " (-, line 3)\n");
        assertThat(Run.of("filter", "--start-time", "yesterday").err()).contains("--start-time 'yesterday'");
    }

    @Test
    void badEventsAreCountedAndReportedAtTheEndNeverFatal() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes("ok ERROR 1\n".getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes(("big ERROR " + "x".repeat(1024 * 1024) + "\n").getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes(new byte[] {'b', 'a', 'd', ' ', 'E', 'R', 'R', 'O', 'R', ' ', (byte) 0xC3, '\n'});
        bytes.writeBytes(("big2 " + "y".repeat(3 * 1024 * 1024) + "\n").getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes("ok ERROR 2".getBytes(StandardCharsets.UTF_8));
        Run run = Run.withStdin(bytes.toByteArray(), "filter", "-p", "ERROR");
        assertThat(run.code()).isZero();
        assertThat(run.out()).isEqualTo("ok ERROR 1\nbad ERROR \uFFFD\nok ERROR 2\n");
        assertThat(run.err()).isEqualTo(
                "cwfilter: 2 events larger than 1 MiB skipped (the first: -, line 2)\n"
                + "cwfilter: 1 event not valid UTF-8, matched as decoded with U+FFFD for each bad sequence (-, line 3)"
                + "\n");
    }

    @Test
    void aTruncatedCloudTrailFileDeliversWhatCameBeforeAndIsAnErrorNamingTheRecordWhereItBroke() throws IOException {
        String text = Run.seedText();
        Path truncated = file("truncated.json", text.substring(0, text.length() / 2));
        Run run = Run.of("filter", "-p", SECRETS, "-c", truncated.toString());
        assertThat(run.code()).as(run.toString()).isEqualTo(ExitCodes.IO_ERROR);
        assertThat(Long.parseLong(run.out().strip())).isBetween(1L, 5L);
        long delivered = Long.parseLong(run.out().strip());
        // Where it broke is a record index, not "line 1" of a one-line file.
        assertThat(run.err()).startsWith("cwfilter: error reading '" + truncated + "': not a complete CloudTrail"
                + " document (document 1, record 64 (byte ")
                .contains("the input ends inside").contains("the 63 records before it were read")
                .endsWith("the rest of the input was skipped\n");
        assertThat(delivered).isEqualTo(Run.of("filter", "-p", SECRETS, "-c", "--format", "cloudtrail",
                file("first63.json", firstRecords(text, 63)).toString()).out().strip().transform(Long::parseLong));
    }

    @Test
    void aCloudTrailFileCutShortInItsGzipDataIsTheSameErrorAsAPlainOneCutShort() throws IOException {
        String text = Run.seedText();
        byte[] whole = gzip(text.getBytes(StandardCharsets.UTF_8));
        Path cut = file("cut.json.gz", java.util.Arrays.copyOf(whole, whole.length / 2));
        Run run = Run.of("filter", "-p", "{ $.eventName = * }", "-c", cut.toString());
        assertThat(run.code()).as(run.toString()).isEqualTo(ExitCodes.IO_ERROR);
        // The records before the cut are delivered, and the message names the record where the data end.
        java.util.regex.Matcher m = java.util.regex.Pattern
                .compile("record (\\d+) \\(byte \\d+\\): the input ends inside").matcher(run.err());
        assertThat(m.find()).as(run.err()).isTrue();
        long brokenRecord = Long.parseLong(m.group(1));
        assertThat(brokenRecord).isGreaterThan(1);
        assertThat(run.out()).isEqualTo((brokenRecord - 1) + "\n");
        assertThat(run.err()).startsWith("cwfilter: error reading '" + cut + "': its gzip data end early (truncated?):"
                + " not a complete CloudTrail document (document 1, record " + brokenRecord + " (byte ")
                .contains("the " + (brokenRecord - 1) + " records before it were read")
                .endsWith("the rest of the input was skipped\n");

        // A complete gzip file holding a document cut short reads as the plain file does: the same records, the
        // same exit code, the same message.
        String half = text.substring(0, text.length() / 2);
        Path plain = file("half.json", half);
        Path gzipped = file("half.json.gz", gzip(half.getBytes(StandardCharsets.UTF_8)));
        Run fromPlain = Run.of("filter", "-p", SECRETS, plain.toString());
        Run fromGzip = Run.of("filter", "-p", SECRETS, gzipped.toString());
        assertThat(fromGzip.code()).isEqualTo(fromPlain.code()).isEqualTo(ExitCodes.IO_ERROR);
        assertThat(fromGzip.out()).isEqualTo(fromPlain.out()).isNotEmpty();
        assertThat(fromGzip.err()).isEqualTo(fromPlain.err().replace(plain.toString(), gzipped.toString()));
    }

    @Test
    void aBadEventOfAOneLineEventsDocumentIsNamedByItsIndexNotLineOne() {
        String compact = "{\"events\":[{\"timestamp\":1,\"message\":\"a ERROR\"},{\"timestamp\":2},"
                + "{\"timestamp\":3,\"message\":\"b ERROR\"},42]}\n{\"events\":[{\"timestamp\":4,\"message\":"
                + "\"c ERROR\"},{\"timestamp\":5,\"message\":\"d\" tail";
        Run run = Run.withStdin(compact, "filter", "-p", "ERROR", "--format", "events");
        assertThat(run.code()).as(run.toString()).isZero();
        assertThat(run.out()).isEqualTo("a ERROR\nb ERROR\nc ERROR\n");
        assertThat(run.err()).startsWith("cwfilter: 3 malformed events skipped (the first: -, event 2 (line 1): an"
                + " event without a message)\n");
        Run broken = Run.withStdin(compact.substring(compact.indexOf('\n') + 1), "filter", "-p", "ERROR", "--format",
                "events");
        assertThat(broken.err()).startsWith("cwfilter: 1 malformed event skipped (-, line 1, column ")
                .contains(" (after event 2): not valid JSON (");
    }

    /** The first {@code n} records of a one-line CloudTrail file, as a file of their own. */
    static String firstRecords(String cloudTrail, int n) {
        int at = cloudTrail.indexOf("[") + 1;
        for (int i = 0; i < n; i++) {
            at = cloudTrail.indexOf(",{\"eventVersion\"", at + 1);
        }
        return cloudTrail.substring(0, at) + "]}";
    }

    @Test
    void anUnreadableFileIsNamedAndTheOthersAreStillRead() throws IOException {
        Path good = file("good.log", "x ERROR\n");
        Run run = Run.of("filter", "-p", "ERROR", dir.resolve("missing.log").toString(), good.toString(),
                dir.resolve("missing-too.log").toString());
        assertThat(run.code()).isEqualTo(ExitCodes.IO_ERROR);
        assertThat(run.out()).isEqualTo("x ERROR\n");
        assertThat(run.err()).isEqualTo("cwfilter: cannot read '" + dir.resolve("missing.log") + "': no such file\n"
                + "cwfilter: cannot read '" + dir.resolve("missing-too.log") + "': no such file\n");
    }

    @Test
    void aBadPatternPrintsTheCaretMessageAndExits2() {
        Run run = Run.withStdin("x", "filter", "-p", "{ $.eventName = }");
        assertThat(run.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("Invalid filter pattern: expected a value after '=', found '}' (line 1, "
                + "column 17)\n{ $.eventName = }\n                ^\n");
    }

    @Test
    void patternOptionsReachTheMatcher() {
        String lambda = "2026-11-21T12:00:00Z 1f2e INFO {\"level\":\"error\"}";
        assertThat(Run.withStdin(lambda, "filter", "-p", "{ $.level = \"error\" }", "-c").out()).isEqualTo("0\n");
        assertThat(Run.withStdin(lambda, "filter", "-p", "{ $.level = \"error\" }", "-c", "--lenient-json-prefix")
                .out()).isEqualTo("1\n");
        assertThat(Run.withStdin("a b c", "filter", "-p", "[x, y]", "-c").out()).isEqualTo("1\n");
        assertThat(Run.withStdin("a b c", "filter", "-p", "[x, y]", "-c", "--exact-field-count").out())
                .isEqualTo("0\n");
    }

    @Test
    void theFormatCanBeForced() throws IOException {
        Path export = file("export.log", "2026-11-21T12:00:00.000Z hello\n");
        assertThat(Run.of("filter", export.toString()).out()).isEqualTo("hello\n");
        assertThat(Run.of("filter", "--format", "lines", export.toString()).out())
                .isEqualTo("2026-11-21T12:00:00.000Z hello\n");
        Run unknown = Run.of("filter", "--format", "xml", export.toString());
        assertThat(unknown.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(unknown.err()).startsWith("cwfilter: Invalid value for option '--format': unknown input format"
                + " 'xml': expected one of auto, lines, export, cloudtrail, events\n").doesNotContain("java.lang");
    }

    /** A value picocli's converters refuse is named in plain words, without a Java exception's class name. */
    @Test
    void anUnknownOutputIsNamedInPlainWords() throws IOException {
        Path log = file("app.log", "ERROR x\n");
        for (String command : List.of("filter", "events")) {
            List<String> args = new ArrayList<>(List.of(command, "--output", "xml", log.toString()));
            if (command.equals("events")) {
                args.addAll(1, List.of("--rule", "{\"source\":[\"x\"]}"));
            }
            Run run = Run.of(args.toArray(String[]::new));
            assertThat(run.code()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
            assertThat(run.err()).as(command).startsWith("cwfilter: Invalid value for option '--output': expected"
                    + " text or json, not 'xml'\n").doesNotContain("java.lang");
        }
    }
}
