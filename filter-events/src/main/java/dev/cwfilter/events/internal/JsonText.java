package dev.cwfilter.events.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * JSON text as EventBridge handles it: strict parsing (one value, nothing after it), insignificant whitespace removed
 * with everything else kept as written, trees, and string quoting.
 *
 * <p>Stateless and thread-safe: the factory and mapper are shared and never reconfigured.
 */
public final class JsonText {

    /** The deepest nesting accepted; deeper documents are rejected instead of risking the stack. */
    public static final int MAX_DEPTH = 512;

    /** Jackson's factory, with the nesting limit. */
    public static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
            .build();

    /** A mapper over {@link #FACTORY}, for trees: exact decimals with their scale, so that 1.50 stays 1.50. */
    public static final ObjectMapper MAPPER = JsonMapper.builder(FACTORY)
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(com.fasterxml.jackson.databind.cfg.JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    private JsonText() {
    }

    /** The text as a JSON string literal. */
    public static String quote(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2);
        quote(s, sb);
        return sb.toString();
    }

    /** Appends the text as a JSON string literal. */
    public static void quote(String s, StringBuilder sb) {
        sb.append('"');
        JsonStringEncoder.getInstance().quoteAsString(s, sb);
        sb.append('"');
    }

    /** Whether the text is exactly one well-formed JSON value (whitespace around it allowed). */
    public static boolean isValid(String text) {
        try (JsonParser p = FACTORY.createParser(text)) {
            if (p.nextToken() == null) {
                return false;
            }
            p.skipChildren();
            return p.nextToken() == null;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * The tree of a JSON value.
     *
     * @throws IOException if it is not exactly one well-formed JSON value
     */
    public static JsonNode tree(String text) throws IOException {
        return MAPPER.readTree(text);
    }

    /** A tree as compact JSON text. */
    public static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The text of a well-formed JSON document without its insignificant whitespace (space, tab, line feed, carriage
     * return outside strings); everything else, string escapes and number literals included, is kept as written. The
     * text itself is returned when it has none, which is how CloudTrail writes its records.
     */
    public static String stripWhitespace(String json) {
        int n = json.length();
        int i = 0;
        boolean inString = false;
        // Most documents have no insignificant whitespace at all: find the first before copying anything.
        for (; i < n; i++) {
            char c = json.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                break;
            }
        }
        if (i == n) {
            return json;
        }
        StringBuilder sb = new StringBuilder(n);
        sb.append(json, 0, i);
        for (; i < n; i++) {
            char c = json.charAt(i);
            if (inString) {
                sb.append(c);
                if (c == '\\' && i + 1 < n) {
                    sb.append(json.charAt(++i));
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
                sb.append(c);
            } else if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
