package dev.cwfilter.io;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.cwfilter.propcheck.Gen;
import dev.cwfilter.propcheck.PropCheck;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The word-at-a-time record scanner of {@link CloudTrailRecordReader} against two references: the previous reader's
 * byte-by-byte path ({@link PreviousCloudTrailRecordReader} fed one byte per read) for everything the reader says —
 * each record's bytes, size, offset, indexes, time, whether it is an object, and the exact error (document, record,
 * byte offset, message) — over generated documents cut at every byte and mutated with stray structural bytes; and
 * jackson-core's parser for the byte range of each record of a well-formed document.
 */
class CloudTrailScanPropertiesTest {

    private static final JsonFactory JSON = new JsonFactory();

    /** Strings whose escapes fall at every offset of a word, with brackets, quotes and non-ASCII text inside. */
    static final Gen<String> STRINGS = Gen.oneOf(CloudTrailRecordReaderTest.STRINGS,
            Gen.zip(Gen.integers(0, 17), Gen.elements("\\\"", "\\\\", "\\\\\\\"", "\\u00e9", "{", "]",
                    "\\\"}", "é", "日本", "\\\\\\\\"), (n, tail) -> "\"" + "a".repeat(n) + tail + "\""));

    static Gen<String> value(int depth) {
        Gen<String> scalars = Gen.oneOf(STRINGS, Gen.elements("1", "-2.5e3", "true", "null"));
        if (depth == 0) {
            return scalars;
        }
        return Gen.frequency(Gen.weighted(3, scalars), Gen.weighted(1, object(depth - 1)),
                Gen.weighted(1, Gen.listOf(value(depth - 1), 0, 3).map(items -> "[" + String.join(",", items)
                        + "]")));
    }

    static Gen<String> object(int depth) {
        return Gen.listOf(Gen.zip(STRINGS, value(depth), (k, v) -> k + ":" + v), 0, 4)
                .map(members -> "{" + String.join(",", members) + "}");
    }

    static final Gen<String> ELEMENTS = Gen.frequency(Gen.weighted(8, object(2)),
            Gen.weighted(1, Gen.elements("42", "\"text\"", "[1,{\"a\":\"]\"}]")));

    static final Gen<String> DOCUMENTS = Gen.zip(Gen.listOf(ELEMENTS, 0, 4),
            Gen.elements("", " ", "\n", "{\"x\":\"]}\"}\n"), (records, after) -> "{\"Records\":["
                    + String.join(",", records) + "]}" + after);

    /** Bytes a mutation puts in: every byte the scanner classifies, and a few it must pass over. */
    static final Gen<Byte> MUTATION_BYTES = Gen.elements((byte) '"', (byte) '\\', (byte) '{', (byte) '}', (byte) '[',
            (byte) ']', (byte) ',', (byte) ':', (byte) 'y', (byte) '_', (byte) 0x7F, (byte) 0xDB, (byte) 0xFB,
            (byte) 0xC3, (byte) ' ');

    record Mutation(double where, byte what, boolean insert) {
    }

    static final Gen<List<Mutation>> MUTATIONS = Gen.listOf(Gen.zip(Gen.doubles(0, 1), Gen.zip(MUTATION_BYTES,
            Gen.booleans(), (b, i) -> new Object[] {b, i}), (w, bi) -> new Mutation(w, (Byte) bi[0],
            (Boolean) bi[1])), 0, 3);

    static byte[] mutate(byte[] doc, List<Mutation> mutations) {
        byte[] b = doc;
        for (Mutation m : mutations) {
            if (b.length == 0) {
                break;
            }
            int at = (int) Math.min(b.length - 1, Math.floor(m.where() * b.length));
            if (m.insert()) {
                byte[] c = new byte[b.length + 1];
                System.arraycopy(b, 0, c, 0, at);
                c[at] = m.what();
                System.arraycopy(b, at, c, at + 1, b.length - at);
                b = c;
            } else {
                b = b.clone();
                b[at] = m.what();
            }
        }
        return b;
    }

    /** Everything a reader says about an input, in order, ending with how it ended. */
    static List<String> outcome(InputStream in, int max, boolean previous) {
        List<String> out = new ArrayList<>();
        try {
            if (previous) {
                try (PreviousCloudTrailRecordReader r = new PreviousCloudTrailRecordReader(in, max)) {
                    while (r.next()) {
                        out.add(describe(r.oversized() ? null : Arrays.copyOfRange(r.array(), r.offset(),
                                r.offset() + r.length()), r.length(), r.isObject(), r.documentIndex(),
                                r.recordIndex(), r.byteOffset(), r.eventTime()));
                    }
                }
            } else {
                try (CloudTrailRecordReader r = new CloudTrailRecordReader(in, max,
                        new byte[max % 2 == 0 ? 8 + max % 64 : 256 * 1024])) {
                    while (r.next()) {
                        byte[] bytes = r.oversized() ? null : Arrays.copyOfRange(r.array(), r.offset(),
                                r.offset() + r.length());
                        if (r.isAscii()) {
                            assertThat(bytes).as("a record said to be ASCII").isNotNull();
                            for (byte x : bytes) {
                                assertThat(x).as("a byte of a record said to be ASCII").isNotNegative();
                            }
                        }
                        out.add(describe(bytes, r.length(), r.isObject(), r.documentIndex(), r.recordIndex(),
                                r.byteOffset(), r.eventTime()));
                    }
                }
            }
            out.add("end");
        } catch (MalformedDocumentException e) {
            out.add("error: " + e.getMessage() + " @" + e.document() + "/" + e.record() + "/" + e.byteOffset());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static String describe(byte[] bytes, int length, boolean object, long document, long record,
                                   long offset, long time) {
        return (bytes == null ? "oversized" : new String(bytes, StandardCharsets.ISO_8859_1)) + " | " + length + " "
                + object + " " + document + "/" + record + " @" + offset + " t=" + time;
    }

    private static void sameAsThePreviousByteByBytePath(byte[] input, int max, int chunk) {
        List<String> expected = outcome(CloudTrailRecordReaderTest.chunked(input, 1), max, true);
        assertThat(outcome(new ByteArrayInputStream(input), max, false)).as("whole").isEqualTo(expected);
        assertThat(outcome(CloudTrailRecordReaderTest.chunked(input, chunk), max, false)).as("read %d bytes at a time",
                chunk).isEqualTo(expected);
    }

    @Test
    void everyPrefixOfAGeneratedDocumentReadsAsThePreviousReadersByteByBytePathReadsIt() {
        PropCheck.tries(150).forAll(DOCUMENTS, Gen.integers(1, 40), Gen.integers(8, 600), (doc, chunk, max) -> {
            byte[] full = doc.getBytes(StandardCharsets.UTF_8);
            for (int cut = 0; cut <= full.length; cut++) {
                sameAsThePreviousByteByBytePath(Arrays.copyOf(full, cut), max, chunk);
            }
        });
    }

    @Test
    void mutatedDocumentsReadAsThePreviousReadersByteByBytePathReadsThemErrorsIncluded() {
        PropCheck.tries(1500).forAll(Gen.listOf(DOCUMENTS, 1, 2), MUTATIONS, Gen.integers(1, 40),
                (docs, mutations, chunk) -> {
                    byte[] doc = mutate(String.join("", docs).getBytes(StandardCharsets.UTF_8), mutations);
                    sameAsThePreviousByteByBytePath(doc, 1 << 20, chunk);
                    sameAsThePreviousByteByBytePath(doc, 48, chunk);
                });
    }

    @Test
    void eachRecordIsTheByteRangeJacksonFindsForIt() {
        PropCheck.tries(500).forAll(Gen.listOf(object(3), 0, 6), records -> {
            byte[] doc = ("{\"Records\":[" + String.join(",", records) + "]}").getBytes(StandardCharsets.UTF_8);
            List<long[]> expected = new ArrayList<>();
            try (JsonParser p = JSON.createParser(doc)) {
                assertThat(p.nextToken()).isEqualTo(JsonToken.START_OBJECT);
                assertThat(p.nextToken()).isEqualTo(JsonToken.FIELD_NAME);
                assertThat(p.nextToken()).isEqualTo(JsonToken.START_ARRAY);
                while (p.nextToken() == JsonToken.START_OBJECT) {
                    long start = p.currentTokenLocation().getByteOffset();
                    p.skipChildren();
                    expected.add(new long[] {start, p.currentLocation().getByteOffset() - start});
                }
            }
            List<long[]> got = new ArrayList<>();
            try (CloudTrailRecordReader r = new CloudTrailRecordReader(new ByteArrayInputStream(doc))) {
                while (r.next()) {
                    got.add(new long[] {r.byteOffset(), r.length()});
                }
            }
            assertThat(got).usingElementComparator((a, b) -> Arrays.equals(a, b) ? 0 : 1)
                    .containsExactlyElementsOf(expected);
        });
    }

    @Test
    void aCloudTrailFileAsCloudTrailWritesItIsAllAscii() throws IOException {
        byte[] seed;
        try (InputStream in = getClass().getResourceAsStream("/seed/cloudtrail-secrets-hour.json")) {
            seed = in.readAllBytes();
        }
        int records = 0;
        try (CloudTrailRecordReader r = new CloudTrailRecordReader(new ByteArrayInputStream(seed))) {
            while (r.next()) {
                records++;
                assertThat(r.isAscii()).as("record %d", records).isTrue();
            }
        }
        assertThat(records).isEqualTo(127);
        byte[] text = "{\"Records\":[{\"a\":\"x\"},{\"b\":\"é\"},{\"c\":\"y\"}]}".getBytes(StandardCharsets.UTF_8);
        List<Boolean> ascii = new ArrayList<>();
        try (CloudTrailRecordReader r = new CloudTrailRecordReader(new ByteArrayInputStream(text))) {
            while (r.next()) {
                ascii.add(r.isAscii());
            }
        }
        assertThat(ascii).containsExactly(true, false, true);
    }
}
