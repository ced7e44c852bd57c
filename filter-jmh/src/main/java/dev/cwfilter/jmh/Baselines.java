package dev.cwfilter.jmh;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Predicate;

/**
 * What every family's baselines share: the jackson-core factory and databind mapper they use, the full token pass,
 * the databind tree and the raw byte scan. The hand-written matchers of each pattern live beside its benchmark
 * ({@code SeedEqualityBenchmark.HAND_WRITTEN} and so on); a test checks each answers as cwfilter does on the corpus.
 *
 * <p>Stateless and thread-safe.
 */
public final class Baselines {

    /** The jackson-core factory of every hand-written matcher: defaults, as an engineer would create it. */
    static final JsonFactory FACTORY = new JsonFactory();
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Baselines() {
    }

    /** Reads every token of the event without decoding anything: the floor of a streaming JSON evaluator. */
    public static int fullTokenPass(byte[] event) {
        int tokens = 0;
        try (JsonParser p = FACTORY.createParser(event)) {
            while (p.nextToken() != null) {
                tokens++;
            }
        } catch (IOException e) {
            return -1;
        }
        return tokens;
    }

    /** What a hand-written matcher asks of the top-level field it looked up: the parser is at the field's value. */
    @FunctionalInterface
    interface FieldTest {
        boolean test(JsonParser p, JsonToken value) throws IOException;
    }

    /**
     * The shape of every hand-written matcher: walk the top-level object, skip each subtree with
     * {@code skipChildren()} until the field is found, and answer from its value at once, without reading the rest of
     * the event. False when the event is not a JSON object, lacks the field, or is malformed before it.
     */
    private static boolean topLevelField(byte[] event, String field, FieldTest test) {
        try (JsonParser p = FACTORY.createParser(event)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return false;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (field.equals(name)) {
                    return test.test(p, value);
                }
                p.skipChildren();
            }
            return false;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * A pattern written by hand with jackson-core as a question about one top-level field, asked in two ways.
     * {@link #first} is the matcher an engineer writes for one pattern: it stops at the field's first occurrence.
     * {@link #last} reads the whole event and lets the field's last occurrence decide, as CloudWatch does when an
     * event repeats a key (the last occurrence wins, at every level); it is the hand-written matcher that gives
     * cwfilter's answer on every event, and so the one that does the same work. On events without duplicate keys the
     * two answer alike.
     *
     * @param field the top-level field the pattern reads
     * @param test  the question asked of the field's value; it answers under the last-occurrence rule inside the
     *              value too, and may stop reading the value once it knows the answer
     */
    record HandWritten(String field, FieldTest test) {

        /** The answer of the field's first occurrence, without reading the rest of the event. */
        boolean first(byte[] event) {
            return topLevelField(event, field, test);
        }

        /** The answer of the field's last occurrence, read to the event's end: false when anything is malformed. */
        boolean last(byte[] event) {
            try (JsonParser p = FACTORY.createParser(event)) {
                if (p.nextToken() != JsonToken.START_OBJECT) {
                    return false;
                }
                JsonStreamContext top = p.getParsingContext();
                boolean answer = false;
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    JsonToken value = p.nextToken();
                    if (field.equals(name)) {
                        answer = test.test(p, value);
                        while (p.getParsingContext() != top) {
                            if (p.nextToken() == null) {
                                return false;
                            }
                        }
                    } else {
                        p.skipChildren();
                    }
                }
                return answer;
            } catch (IOException e) {
                return false;
            }
        }
    }

    /** The event as a jackson-databind tree, or a missing node when it is not JSON. */
    public static JsonNode tree(byte[] event) {
        try {
            JsonNode node = MAPPER.readTree(event);
            return node == null ? MAPPER.missingNode() : node;
        } catch (IOException e) {
            return MAPPER.missingNode();
        }
    }

    /** Whether the node is a string with exactly this text. */
    public static boolean isText(JsonNode node, String text) {
        return node.isTextual() && node.textValue().equals(text);
    }

    /**
     * A raw scan for the literal's UTF-8 bytes, the baseline of a pattern's literal: whether an event holds them
     * anywhere. It touches every byte once and understands nothing.
     */
    public static Predicate<byte[]> rawScan(String literal) {
        byte[] needle = literal.getBytes(StandardCharsets.UTF_8);
        return event -> rawScan(event, needle);
    }

    private static boolean rawScan(byte[] event, byte[] needle) {
        int n = needle.length;
        byte first = needle[0];
        for (int i = 0; i <= event.length - n; i++) {
            if (event[i] == first && Arrays.equals(event, i, i + n, needle, 0, n)) {
                return true;
            }
        }
        return false;
    }
}
