package dev.cwfilter.jmh;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The baselines cwfilter is measured beside: what the same work costs without it. Each method answers the same
 * question as the pattern it stands beside (a test checks they agree on the corpus), or, for the token pass and the
 * byte scan, does the least work any JSON-aware or byte-level matcher must do.
 *
 * <p>Stateless and thread-safe.
 */
public final class Baselines {

    private static final JsonFactory FACTORY = new JsonFactory();
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final byte[] GET_SECRET_VALUE = "GetSecretValue".getBytes(StandardCharsets.UTF_8);

    private Baselines() {
    }

    /** Reads every token of the event without decoding anything: the floor of a streaming JSON evaluator. */
    public static int fullTokenPass(byte[] event) throws IOException {
        int tokens = 0;
        try (JsonParser p = FACTORY.createParser(event)) {
            while (p.nextToken() != null) {
                tokens++;
            }
        }
        return tokens;
    }

    /**
     * {@code { $.eventName = "GetSecretValue" }} written by hand with jackson-core, as an engineer would for this one
     * pattern: top-level fields only, other subtrees skipped, stop at the answer. (It skips the well-formedness check
     * of the rest of the event that CloudWatch's semantics need.)
     */
    public static boolean handWrittenEventName(byte[] event) throws IOException {
        try (JsonParser p = FACTORY.createParser(event)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return false;
            }
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if ("eventName".equals(name)) {
                    return value == JsonToken.VALUE_STRING && "GetSecretValue".equals(p.getText());
                }
                p.skipChildren();
            }
            return false;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * {@code { $.userIdentity.type = "Root" && $.userIdentity.invokedBy NOT EXISTS && $.eventType !=
     * "AwsServiceEvent" }} written by hand with jackson-core.
     */
    public static boolean handWrittenRootUsage(byte[] event) {
        try (JsonParser p = FACTORY.createParser(event)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return false;
            }
            String type = null;
            boolean invokedBy = false;
            String eventType = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if ("userIdentity".equals(name) && value == JsonToken.START_OBJECT) {
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String inner = p.currentName();
                        JsonToken v = p.nextToken();
                        if ("type".equals(inner) && v == JsonToken.VALUE_STRING) {
                            type = p.getText();
                        } else if ("invokedBy".equals(inner)) {
                            invokedBy = true;
                        }
                        p.skipChildren();
                    }
                } else if ("eventType".equals(name) && value == JsonToken.VALUE_STRING) {
                    eventType = p.getText();
                } else {
                    p.skipChildren();
                }
            }
            return "Root".equals(type) && !invokedBy && eventType != null && !"AwsServiceEvent".equals(eventType);
        } catch (IOException e) {
            return false;
        }
    }

    /** {@code { $.eventName = "GetSecretValue" }} over a jackson-databind tree. */
    public static boolean databindEventName(byte[] event) {
        try {
            JsonNode node = MAPPER.readTree(event);
            JsonNode name = node == null ? null : node.get("eventName");
            return name != null && name.isTextual() && name.textValue().equals("GetSecretValue");
        } catch (IOException e) {
            return false;
        }
    }

    /** The root-usage pattern over a jackson-databind tree. */
    public static boolean databindRootUsage(byte[] event) {
        try {
            JsonNode node = MAPPER.readTree(event);
            if (node == null || !node.isObject()) {
                return false;
            }
            JsonNode identity = node.path("userIdentity");
            JsonNode eventType = node.get("eventType");
            return identity.path("type").isTextual() && identity.path("type").textValue().equals("Root")
                    && identity.get("invokedBy") == null
                    && eventType != null && eventType.isTextual()
                    && !eventType.textValue().equals("AwsServiceEvent");
        } catch (IOException e) {
            return false;
        }
    }

    /** A raw scan for the bytes of {@code GetSecretValue}: touches every byte once and understands nothing. */
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

    /** The needle of {@link #rawScan} for the eventName pattern. */
    public static byte[] getSecretValueBytes() {
        return GET_SECRET_VALUE.clone();
    }

    /**
     * {@code [ip, id, user, timestamp, request, status_code = 4*, size]} written by hand over a String: split the
     * line into fields (quotes and brackets group), test the sixth.
     */
    public static boolean handWrittenStatus4xx(String line) {
        int field = 0;
        int i = 0;
        int n = line.length();
        while (i < n) {
            while (i < n && line.charAt(i) == ' ') {
                i++;
            }
            if (i >= n) {
                break;
            }
            int start;
            int end;
            char c = line.charAt(i);
            if (c == '"' || c == '[') {
                int close = line.indexOf(c == '"' ? '"' : ']', i + 1);
                start = i + 1;
                end = close < 0 ? n : close;
                i = close < 0 ? n : close + 1;
            } else {
                start = i;
                while (i < n && line.charAt(i) != ' ') {
                    i++;
                }
                end = i;
            }
            if (field == 5) {
                return end > start && line.charAt(start) == '4';
            }
            field++;
        }
        return false;
    }
}
