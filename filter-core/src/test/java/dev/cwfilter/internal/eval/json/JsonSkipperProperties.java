package dev.cwfilter.internal.eval.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.cwfilter.propcheck.Gen;
import dev.cwfilter.propcheck.PropCheck;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link JsonSkipper} may only ever make evaluation faster: whatever it accepts, jackson-core accepts and ends at the
 * same byte, over generated JSON and over the same JSON with bytes deleted, inserted and replaced (malformed UTF-8,
 * control bytes, broken escapes, numbers and literals, unbalanced brackets). And it is actually used: it accepts
 * every well-formed generated document itself, without falling back.
 */
class JsonSkipperProperties {

    private static final JsonFactory JACKSON = new JsonFactory();
    private static final byte[] MUTATION_BYTES = {
        '{', '}', '[', ']', ',', ':', '"', '\\', 'u', '0', '1', '9', '-', '+', '.', 'e', 'E', 't', 'r', 'n', 'l', 'f',
        'a', 's', 'x', ' ', '\t', '\n', '\r', 0, 0x0B, 0x1F, 0x7F, (byte) 0x80, (byte) 0xBF, (byte) 0xC0, (byte) 0xC1,
        (byte) 0xC2, (byte) 0xDF, (byte) 0xE0, (byte) 0xED, (byte) 0xEF, (byte) 0xF0, (byte) 0xF4, (byte) 0xF5,
        (byte) 0xFF, (byte) 0xA0, (byte) 0x9F, (byte) 0x90, (byte) 0x8F, '/', '#', '\''
    };

    private static Gen<String> documents() {
        return object(3);
    }

    private static Gen<String> ws() {
        return Gen.elements("", "", "", " ", "\n", "\t ", "\r\n  ");
    }

    private static Gen<String> strings() {
        Gen<String> piece = Gen.elements("a", "Z", "0", " ", "eventName", "\\\"", "\\\\", "\\/", "\\b", "\\f",
                "\\n", "\\r", "\\t", "\\u00e9", "\\uD83D\\uDE00", "\\u0000", "é", "日本", "😀", "\u007f", "{", "}", "[",
                "]", ",", ":", "'", "#", "GetSecretValue", "longer text with spaces ");
        return Gen.listOf(piece, 0, 12).map(l -> "\"" + String.join("", l) + "\"");
    }

    private static Gen<String> numbers() {
        return Gen.elements("0", "-0", "7", "12", "-3.5", "1e5", "1E+2", "2.5e-3", "0.0", "-0.25E-7",
                "123456789012345678901234567890", "4000", "4001.5");
    }

    private static Gen<String> value(int depth) {
        Gen<String> scalar = Gen.oneOf(strings(), numbers(), Gen.elements("true", "false", "null"));
        if (depth == 0) {
            return scalar;
        }
        return Gen.frequency(Gen.weighted(5, scalar), Gen.weighted(1, object(depth - 1)),
                Gen.weighted(1, array(depth - 1)));
    }

    private static Gen<String> object(int depth) {
        Gen<String> ws = ws();
        Gen<String> keys = strings();
        Gen<String> values = value(depth);
        Gen<String> member = random -> ws.generate(random) + keys.generate(random) + ws.generate(random) + ":"
                + ws.generate(random) + values.generate(random) + ws.generate(random);
        return Gen.zip(Gen.listOf(member, 0, 6), ws,
                (members, w) -> "{" + (members.isEmpty() ? w : String.join(",", members)) + "}");
    }

    private static Gen<String> array(int depth) {
        Gen<String> ws = ws();
        Gen<String> values = value(depth);
        Gen<String> element = random -> ws.generate(random) + values.generate(random) + ws.generate(random);
        return Gen.zip(Gen.listOf(element, 0, 6), ws,
                (elements, w) -> "[" + (elements.isEmpty() ? w : String.join(",", elements)) + "]");
    }

    private static Gen<List<Mutation>> mutations() {
        Gen<Integer> kinds = Gen.integers(0, 2);
        Gen<Integer> positions = Gen.integers(0, 100_000);
        Gen<Byte> bytes = Gen.elements(asList(MUTATION_BYTES));
        Gen<Mutation> one = random -> new Mutation(kinds.generate(random), positions.generate(random),
                bytes.generate(random));
        return Gen.listOf(one, 1, 3);
    }

    record Mutation(int kind, int at, byte value) {
        byte[] apply(byte[] b) {
            if (b.length == 0) {
                return new byte[] {value};
            }
            int i = at % b.length;
            return switch (kind) {
                case 0 -> concat(b, i, new byte[0], i + 1);
                case 1 -> concat(b, i, new byte[] {value}, i);
                default -> concat(b, i, new byte[] {value}, i + 1);
            };
        }

        private static byte[] concat(byte[] b, int upTo, byte[] middle, int from) {
            byte[] out = new byte[upTo + middle.length + b.length - from];
            System.arraycopy(b, 0, out, 0, upTo);
            System.arraycopy(middle, 0, out, upTo, middle.length);
            System.arraycopy(b, from, out, upTo + middle.length, b.length - from);
            return out;
        }
    }

    @Test
    void everyWellFormedGeneratedDocumentIsSkippedWithoutFallingBack() {
        PropCheck.tries(2000).forAll(documents(), document -> {
            byte[] b = document.getBytes(StandardCharsets.UTF_8);
            assertThat(jacksonSkip(b)).isEqualTo(b.length);
            assertThat(JsonSkipper.skipContainer(b, 1, b.length, true, JsonSkipper.MAX_DEPTH)).isEqualTo(b.length);
            assertThat(JsonSkipper.finishDocument(b, 1, b.length, 1L, 0, true, JsonSkipper.MAX_DEPTH)).isTrue();
        });
    }

    @Test
    void whatTheSkipperAcceptsJacksonAcceptsAndEndsInTheSamePlace() {
        PropCheck.tries(5000).forAll(documents(), mutations(), (document, mutations) -> {
            byte[] b = document.getBytes(StandardCharsets.UTF_8);
            for (Mutation m : mutations) {
                b = m.apply(b);
            }
            if (b.length == 0 || (b[0] != '{' && b[0] != '[')) {
                return;
            }
            int skipped = JsonSkipper.skipContainer(b, 1, b.length, b[0] == '{', JsonSkipper.MAX_DEPTH);
            if (skipped != JsonSkipper.UNSURE) {
                assertThat(jacksonSkip(b)).as(show(b)).isEqualTo(skipped);
            }
            if (b[0] == '{' && JsonSkipper.finishDocument(b, 1, b.length, 1L, 0, true, JsonSkipper.MAX_DEPTH)) {
                assertThat(jacksonReadsOneDocument(b)).as(show(b)).isTrue();
            }
        });
    }

    @Test
    void invalidUtf8IsLeftToJackson() {
        // Overlong, surrogate, out-of-range and impossible UTF-8: the strict scan never decides these.
        for (byte[] b : List.of(bytes("{\"a\":\"", 0xC0, 0x80, "\"}"), bytes("{\"a\":\"", 0xED, 0xA0, 0x80, "\"}"),
                bytes("{\"a\":\"", 0xF4, 0x90, 0x80, 0x80, "\"}"), bytes("{\"a\":\"", 0xFF, "\"}"))) {
            assertThat(JsonSkipper.skipContainer(b, 1, b.length, true, JsonSkipper.MAX_DEPTH))
                    .isEqualTo(JsonSkipper.UNSURE);
        }
    }

    @Test
    void malformedInputIsNeverAccepted() {
        for (String s : List.of("{\"a\":01}", "{\"a\":1.}", "{\"a\":-}", "{\"a\":1e}", "{\"a\":tru}", "{\"a\":truex}",
                "{\"a\":[1,]}", "{\"a\":1,}", "{\"a\"1}", "{a:1}", "{\"a\":'x'}", "{\"a\":\"\\x\"}",
                "{\"a\":\"\\u12G4\"}", "{\"a\":[1 2]}", "{\"a\":{\"b\":1]}", "{\"a\":\"unterminated}", "{\"a\":1",
                "{\"a\":NaN}", "{\"a\":/*c*/1}", "{\"a\":\u000B1}", "{\"a\":\"tab\there\"}")) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            assertThat(JsonSkipper.skipContainer(b, 1, b.length, true, JsonSkipper.MAX_DEPTH)).as(s)
                    .isEqualTo(JsonSkipper.UNSURE);
            assertThatCode(() -> jacksonSkip(b)).as(s).isInstanceOf(IOException.class);
        }
    }

    /**
     * The word-at-a-time string scan finds the first quote, backslash, control or non-ASCII byte wherever it lies in a
     * word, for every byte value, after any printable ASCII (the bit trick must neither miss it nor stop early).
     */
    @Test
    void everyByteValueAtEveryPositionOfTwoWordsIsFoundAsByteAtATime() {
        byte[] fillers = {0x20, 0x21, 0x23, 0x5B, 0x5D, 'a', 0x7E, 0x7F};
        for (byte filler : fillers) {
            for (int v = 0; v < 256; v++) {
                for (int at = 0; at < 16; at++) {
                    byte[] b = new byte[25];
                    java.util.Arrays.fill(b, filler);
                    b[at] = (byte) v;
                    b[24] = '"';
                    int expected = v == '"' ? at + 1 : v == '\\' || v < 0x20 || v >= 0x80 ? JsonSkipper.UNSURE : 25;
                    assertThat(JsonSkipper.string(b, 0, b.length, JsonSkipper.VALUE))
                            .as("byte 0x%02X at %d after 0x%02X", v, at, filler).isEqualTo(expected);
                }
            }
        }
    }

    @Test
    void nestingDeeperThanAllowedIsLeftToJackson() {
        byte[] b = ("{\"a\":" + "[".repeat(10) + "]".repeat(10) + "}").getBytes(StandardCharsets.UTF_8);
        assertThat(JsonSkipper.skipContainer(b, 1, b.length, true, 10)).isEqualTo(b.length);
        assertThat(JsonSkipper.skipContainer(b, 1, b.length, true, 9)).isEqualTo(JsonSkipper.UNSURE);
        byte[] deep = ("{\"a\":" + "[".repeat(100) + "]".repeat(100) + "}").getBytes(StandardCharsets.UTF_8);
        assertThat(JsonSkipper.skipContainer(deep, 1, deep.length, true, 1000)).isEqualTo(JsonSkipper.UNSURE);
    }

    @Test
    void trailingContentIsNotAWellFormedEnd() {
        for (String s : List.of("{\"a\":1} x", "{\"a\":1}{}", "{\"a\":1}}", "{\"a\":1} \u0000")) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            assertThat(JsonSkipper.finishDocument(b, 1, b.length, 1L, 0, true, JsonSkipper.MAX_DEPTH)).as(s).isFalse();
        }
        byte[] ok = "{\"a\":1} \n\t\r".getBytes(StandardCharsets.UTF_8);
        assertThat(JsonSkipper.finishDocument(ok, 1, ok.length, 1L, 0, true, JsonSkipper.MAX_DEPTH)).isTrue();
    }

    /** Where jackson-core's own skipChildren ends the first container, or an exception. */
    private static int jacksonSkip(byte[] b) throws IOException {
        try (JsonParser p = JACKSON.createParser(b)) {
            JsonToken t = p.nextToken();
            if (t != JsonToken.START_OBJECT && t != JsonToken.START_ARRAY) {
                throw new IOException("not a container");
            }
            p.skipChildren();
            return (int) p.currentLocation().getByteOffset();
        }
    }

    private static boolean jacksonReadsOneDocument(byte[] b) {
        try (JsonParser p = JACKSON.createParser(b)) {
            p.nextToken();
            p.skipChildren();
            return p.nextToken() == null;
        } catch (IOException e) {
            return false;
        }
    }

    private static byte[] bytes(Object... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (Object part : parts) {
            if (part instanceof String s) {
                out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
            } else {
                out.write((Integer) part);
            }
        }
        return out.toByteArray();
    }

    private static List<Byte> asList(byte[] bytes) {
        Byte[] boxed = new Byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            boxed[i] = bytes[i];
        }
        return List.of(boxed);
    }

    private static String show(byte[] b) {
        StringBuilder s = new StringBuilder();
        for (byte x : b) {
            s.append(x >= 0x20 && x < 0x7F ? String.valueOf((char) x) : String.format("\\x%02X", x & 0xFF));
        }
        return s.toString();
    }
}
