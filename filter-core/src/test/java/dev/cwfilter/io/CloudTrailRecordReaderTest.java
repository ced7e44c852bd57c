package dev.cwfilter.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cwfilter.propcheck.Gen;
import dev.cwfilter.propcheck.PropCheck;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

class CloudTrailRecordReaderTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** A record as the reader delivers it: its text (or null if oversized), time and whether it is an object. */
    record Read(String text, long time, boolean object, long document, long index) {
    }

    static List<Read> readAll(InputStream in, int max) throws IOException {
        List<Read> out = new ArrayList<>();
        try (CloudTrailRecordReader r = new CloudTrailRecordReader(in, max)) {
            while (r.next()) {
                out.add(new Read(r.oversized() ? null : new String(r.array(), r.offset(), r.length(),
                        StandardCharsets.UTF_8), r.eventTime(), r.isObject(), r.documentIndex(), r.recordIndex()));
            }
        }
        return out;
    }

    static List<Read> readAll(String text) throws IOException {
        return readAll(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), 1 << 20);
    }

    /** Returns at most {@code chunk} bytes per read, so that every refill path of the reader runs. */
    static InputStream chunked(byte[] bytes, int chunk) {
        return new ByteArrayInputStream(bytes) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, chunk));
            }
        };
    }

    // ---------------------------------------------------------------- generated documents

    static final Gen<String> STRINGS = Gen.elements("\"\"", "\"a\"", "\"x\\\"y\"", "\"\\\\\"", "\"\\u00e9t\\u00e9\"",
            "\"{[]}\"", "\"é ü 日本\"", "\",:\"", "\"ends with backslash \\\\\"", "\"GetSecretValue\"",
            // Long strings, so that records span the 64-byte blocks of the fast path, escapes at every offset.
            "\"" + "x".repeat(61) + "\\\"}\\\\\\\"]\"", "\"" + "{".repeat(63) + "\\\\\"",
            "\"" + "\\\\".repeat(40) + "\\\"" + "y".repeat(30) + "\"");
    static final Gen<String> SCALARS = Gen.oneOf(STRINGS, Gen.elements("1", "-2.5e3", "true", "false", "null"));

    static Gen<String> value(int depth) {
        if (depth == 0) {
            return SCALARS;
        }
        return Gen.frequency(Gen.weighted(3, SCALARS), Gen.weighted(1, object(depth - 1)),
                Gen.weighted(1, Gen.listOf(value(depth - 1), 0, 3).map(items -> "[" + String.join(",", items)
                        + "]")));
    }

    static Gen<String> object(int depth) {
        return Gen.listOf(Gen.zip(STRINGS, value(depth), (k, v) -> k + ":" + v), 0, 4)
                .map(members -> "{" + String.join(",", members) + "}");
    }

    static final Gen<String> TIMES = Gen.elements("2026-11-21T12:03:14Z", "2026-11-21T12:03:14.5Z",
            "2024-02-29T23:59:59.123456Z", "2026-11-21T13:03:14+01:00", "not a time", "2026-13-01T00:00:00Z");

    /** A record: an object, sometimes with a top-level eventTime among its members. */
    static final Gen<String> RECORDS = Gen.zip(object(3), Gen.oneOf(Gen.constant(""), TIMES), (o, t) -> {
        if (t.isEmpty()) {
            return o;
        }
        String member = "\"eventTime\":\"" + t + "\"";
        return o.equals("{}") ? "{" + member + "}" : "{" + member + "," + o.substring(1);
    });

    static final Gen<String> SPACE = Gen.elements("", "", " ", "\n", "\r\n  ", "\t");

    record Doc(List<String> records, List<String> spaces, boolean fieldsAround) {
        String text() {
            StringBuilder sb = new StringBuilder(spaces.get(0)).append('{');
            if (fieldsAround) {
                sb.append("\"before\":{\"Records\":[1,2]},");
            }
            sb.append(spaces.get(1)).append("\"Records\"").append(spaces.get(2)).append(':').append(spaces.get(3))
                    .append('[');
            for (int i = 0; i < records.size(); i++) {
                sb.append(i == 0 ? spaces.get(4) : "," + spaces.get(5)).append(records.get(i));
            }
            sb.append(spaces.get(6)).append(']');
            if (fieldsAround) {
                sb.append(",\"after\":\"]}\"");
            }
            return sb.append(spaces.get(7)).append('}').append(spaces.get(8)).toString();
        }
    }

    static final Gen<Doc> DOCS = Gen.zip(Gen.listOf(RECORDS, 0, 8), Gen.zip(Gen.listOf(SPACE, 9, 9), Gen.booleans(),
            (s, f) -> new Object[] {s, f}), (r, sf) -> {
                @SuppressWarnings("unchecked")
                List<String> spaces = (List<String>) sf[0];
                return new Doc(r, spaces, (Boolean) sf[1]);
            });

    static long expectedTime(String record) throws IOException {
        JsonNode t = MAPPER.readTree(record).get("eventTime");
        if (t == null || !t.isTextual()) {
            return CloudTrailRecordReader.NO_TIME;
        }
        try {
            return java.time.OffsetDateTime.parse(t.asText()).toInstant().toEpochMilli();
        } catch (java.time.format.DateTimeParseException e) {
            return CloudTrailRecordReader.NO_TIME;
        }
    }

    @Test
    void everyRecordIsTheExactSliceOfItsDocumentWithItsEventTimeWhateverTheReadSizes() {
        PropCheck.tries(400).forAll(Gen.listOf(DOCS, 1, 3), Gen.integers(1, 64), Gen.integers(8, 400),
                (docs, chunk, max) -> {
                    StringBuilder all = new StringBuilder();
                    List<Read> expected = new ArrayList<>();
                    for (int d = 0; d < docs.size(); d++) {
                        all.append(docs.get(d).text());
                        List<String> records = docs.get(d).records();
                        for (int i = 0; i < records.size(); i++) {
                            String r = records.get(i);
                            boolean big = r.getBytes(StandardCharsets.UTF_8).length > max;
                            expected.add(new Read(big ? null : r, big ? CloudTrailRecordReader.NO_TIME
                                    : expectedTime(r), true, d + 1, i + 1));
                        }
                    }
                    byte[] bytes = all.toString().getBytes(StandardCharsets.UTF_8);
                    List<Read> got = readAll(chunked(bytes, chunk), max);
                    assertThat(got).isEqualTo(expected);
                    // Whole in the buffer, records take the 64-byte-block path; the answer is the same.
                    assertThat(readAll(new ByteArrayInputStream(bytes), max)).isEqualTo(expected);
                });
    }

    @Test
    void aTruncatedDocumentDeliversTheRecordsBeforeTheCutAndNamesTheRecordItEndsIn() {
        PropCheck.tries(400).forAll(DOCS, Gen.doubles(0, 1), Gen.integers(1, 64), (doc, where, chunk) -> {
            String text = doc.text();
            byte[] full = text.getBytes(StandardCharsets.UTF_8);
            int cut = (int) Math.floor(where * full.length);
            byte[] prefix = java.util.Arrays.copyOf(full, cut);
            List<Read> got = new ArrayList<>();
            try (CloudTrailRecordReader r = new CloudTrailRecordReader(chunked(prefix, chunk))) {
                try {
                    while (r.next()) {
                        got.add(new Read(new String(r.array(), r.offset(), r.length(), StandardCharsets.UTF_8),
                                r.eventTime(), r.isObject(), r.documentIndex(), r.recordIndex()));
                    }
                    // No error: the cut fell in the whitespace after the document, or before it began.
                    String head = new String(full, 0, cut, StandardCharsets.UTF_8);
                    String rest = new String(full, cut, full.length - cut, StandardCharsets.UTF_8);
                    assertThat(rest.isBlank() || head.isBlank()).as("cut at %d of %s", cut, text).isTrue();
                    assertThat(got).hasSize(head.isBlank() ? 0 : doc.records().size());
                } catch (MalformedDocumentException e) {
                    assertThat(e.document()).isEqualTo(1);
                    assertThat(e.getMessage()).contains("truncated?");
                    if (e.record() > 0) {
                        assertThat(e.record()).isEqualTo(got.size() + 1);
                    }
                    assertThat(e.byteOffset()).isLessThanOrEqualTo(cut);
                }
            }
            for (int i = 0; i < got.size(); i++) {
                assertThat(got.get(i).text()).isEqualTo(doc.records().get(i));
            }
        });
    }

    // ---------------------------------------------------------------- examples

    @Test
    void aCloudTrailFileAsCloudTrailWritesIt() throws IOException {
        byte[] seed;
        try (InputStream in = getClass().getResourceAsStream("/seed/cloudtrail-secrets-hour.json")) {
            seed = in.readAllBytes();
        }
        List<Read> got = readAll(new ByteArrayInputStream(seed), 1 << 20);
        JsonNode records = MAPPER.readTree(seed).get("Records");
        assertThat(got).hasSize(records.size()).hasSize(127);
        for (int i = 0; i < got.size(); i++) {
            assertThat(MAPPER.readTree(got.get(i).text())).isEqualTo(records.get(i));
            assertThat(got.get(i).time()).isEqualTo(Instant.parse(records.get(i).get("eventTime").asText())
                    .toEpochMilli());
            assertThat(got.get(i).index()).isEqualTo(i + 1);
        }
    }

    @Test
    void gzippedFilesAreReadThroughTheStreamTheCallerDecompresses() throws IOException {
        java.io.ByteArrayOutputStream gz = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream out = new java.util.zip.GZIPOutputStream(gz)) {
            out.write("{\"Records\":[{\"eventTime\":\"2026-11-21T12:00:00Z\",\"eventName\":\"A\"}]}"
                    .getBytes(StandardCharsets.UTF_8));
        }
        List<Read> got = readAll(new GZIPInputStream(new ByteArrayInputStream(gz.toByteArray())), 100);
        assertThat(got).extracting(Read::text).containsExactly("{\"eventTime\":\"2026-11-21T12:00:00Z\","
                + "\"eventName\":\"A\"}");
        assertThat(got.get(0).time()).isEqualTo(Instant.parse("2026-11-21T12:00:00Z").toEpochMilli());
    }

    @Test
    void concatenatedDocumentsByteOrderMarkAndEmptyInputs() throws IOException {
        assertThat(readAll("")).isEmpty();
        assertThat(readAll("  \n")).isEmpty();
        assertThat(readAll("{}")).isEmpty();
        assertThat(readAll("{\"Records\":[]}")).isEmpty();
        assertThat(readAll("{\"awsAccountId\":\"1\",\"digestEndTime\":\"x\"}")).as("a digest file").isEmpty();
        assertThat(readAll("\uFEFF{\"Records\":[{}]}")).extracting(Read::text).containsExactly("{}");
        assertThat(readAll("{\"Records\":[{\"a\":1}]}\n{\"Records\":[{\"b\":2},{\"c\":3}]}"))
                .extracting(Read::text, Read::document, Read::index)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("{\"a\":1}", 1L, 1L),
                        org.assertj.core.groups.Tuple.tuple("{\"b\":2}", 2L, 1L),
                        org.assertj.core.groups.Tuple.tuple("{\"c\":3}", 2L, 2L));
    }

    @Test
    void anElementThatIsNotAnObjectIsHandedOverForTheCallerToReport() throws IOException {
        assertThat(readAll("{\"Records\":[42,{\"a\":1},\"text\",[1]]}"))
                .extracting(Read::text, Read::object)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("42", false),
                        org.assertj.core.groups.Tuple.tuple("{\"a\":1}", true),
                        org.assertj.core.groups.Tuple.tuple("\"text\"", false),
                        org.assertj.core.groups.Tuple.tuple("[1]", false));
    }

    @Test
    void theEventTimeOfRecordBytesHeldElsewhere() {
        byte[] r = "xx{\"eventVersion\":\"1.09\",\"userIdentity\":{\"eventTime\":\"no\"},\"eventTime\":\"2026-11-21T12:03:14Z\"}"
                .getBytes(StandardCharsets.UTF_8);
        assertThat(CloudTrailRecordReader.eventTime(r, 2, r.length - 2))
                .isEqualTo(Instant.parse("2026-11-21T12:03:14Z").toEpochMilli());
        byte[] none = "{\"eventTime\":null,\"x\":\"2026-11-21T12:03:14Z\"}".getBytes(StandardCharsets.UTF_8);
        assertThat(CloudTrailRecordReader.eventTime(none, 0, none.length)).isEqualTo(CloudTrailRecordReader.NO_TIME);
    }

    @Test
    void onlyTheTopLevelEventTimeCounts() throws IOException {
        assertThat(readAll("{\"Records\":[{\"x\":{\"eventTime\":\"2026-11-21T12:00:00Z\"}},"
                + "{\"eventTime\":1795262400000},{\"a\":\"eventTime\",\"b\":\"2026-11-21T12:00:00Z\"}]}"))
                .extracting(Read::time).containsOnly(CloudTrailRecordReader.NO_TIME);
        assertThat(readAll("{\"Records\":[{\"eventTime\" : \"2026-11-21T12:00:00.25Z\"}]}").get(0).time())
                .isEqualTo(Instant.parse("2026-11-21T12:00:00.250Z").toEpochMilli());
    }

    @Test
    void malformedDocumentsNameTheRecordNotALine() {
        assertThatThrownBy(() -> readAll("{\"Records\":[{\"a\":1},{\"b\":[}]}"))
                .isInstanceOf(MalformedDocumentException.class)
                .hasMessage("document 1, record 2 (byte 26): '}' does not close what the record opened");
        assertThatThrownBy(() -> readAll("{\"Records\":[{\"a\":1} {\"b\":2}]}"))
                .hasMessage("document 1 (byte 20): expected ',' or ']' after record 1, found '{'");
        assertThatThrownBy(() -> readAll("{\"Records\":[{\"a\":1},]}"))
                .hasMessage("document 1, record 2 (byte 20): expected a record, found ']'");
        assertThatThrownBy(() -> readAll("[{\"a\":1}]"))
                .hasMessageStartingWith("document 1 (byte 0): expected '{' to start a CloudTrail document");
        assertThatThrownBy(() -> readAll("{\"Records\":[{\"a\":1},{\"b\":\"x"))
                .hasMessage("document 1, record 2 (byte 27): the input ends inside a string of the record"
                        + " (truncated?); the record before it was read");
        assertThatThrownBy(() -> readAll("{\"Records\":[{\"a\":1}"))
                .hasMessageContaining("the input ends after record 1, before the Records array is closed");
    }

    @Test
    void anOversizedRecordIsReportedWithItsSizeAndTheNextOneIsRead() throws IOException {
        String big = "{\"m\":\"" + "x".repeat(5000) + "\"}";
        List<Read> got = readAll(chunked(("{\"Records\":[" + big + ",{\"a\":1}]}").getBytes(StandardCharsets.UTF_8),
                300), 1000);
        assertThat(got).extracting(Read::text).containsExactly(null, "{\"a\":1}");
        try (CloudTrailRecordReader r = new CloudTrailRecordReader(new ByteArrayInputStream(("{\"Records\":[" + big
                + "]}").getBytes(StandardCharsets.UTF_8)), 1000)) {
            assertThat(r.next()).isTrue();
            assertThat(r.oversized()).isTrue();
            assertThat(r.length()).isEqualTo(big.length());
            assertThat(r.next()).isFalse();
        }
    }
}
