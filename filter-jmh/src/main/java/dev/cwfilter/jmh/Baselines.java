package dev.cwfilter.jmh;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Arrays;

/**
 * What every family's baselines share: the jackson-core factory and databind mapper they use, the full token pass,
 * the databind tree and the raw byte scan. The hand-written matchers of each pattern live beside its benchmark
 * ({@code SeedEqualityBenchmark.handWritten} and so on); a test checks each answers as cwfilter does on the corpus.
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

    /** A raw scan for the needle's bytes: touches every byte once and understands nothing. */
    public static boolean rawScan(byte[] event, byte[] needle) {
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
