package dev.cwfilter.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The AWS documentation's example events of {@code src/test/resources/aws-examples}. */
final class Examples {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private Examples() {
    }

    static String text(String file) {
        try (InputStream in = Examples.class.getResourceAsStream("/aws-examples/" + file)) {
            if (in == null) {
                throw new IllegalArgumentException("no example " + file);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode tree(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The example event of a file. */
    static JsonNode event(String file) {
        return tree(text(file));
    }

    /** The CloudTrail record of an example: its detail. */
    static String record(String file) {
        return event(file).get("detail").toString();
    }
}
