package dev.cwfilter.io;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.cwfilter.propcheck.Gen;
import dev.cwfilter.propcheck.PropCheck;
import org.junit.jupiter.api.Test;

/** {@link JsonString}: what it writes, and that a strict JSON parser reads the text back. */
class JsonStringTest {

    private static final JsonFactory JSON = new JsonFactory();

    @Test
    void escapesQuotesBackslashesAndControlsAndKeepsTheRest() {
        assertThat(JsonString.quote("")).isEqualTo("\"\"");
        assertThat(JsonString.quote("a\"b\\c/d")).isEqualTo("\"a\\\"b\\\\c/d\"");
        assertThat(JsonString.quote("\n\r\t\b\f")).isEqualTo("\"\\n\\r\\t\\b\\f\"");
        assertThat(JsonString.quote("\u0000\u001b\u001f ")).isEqualTo("\"\\u0000\\u001b\\u001f \"");
        assertThat(JsonString.quote("é日\u007f\u2028😀")).isEqualTo("\"é日\u007f\u2028😀\"");
    }

    @Test
    void appendsToWhatIsThere() {
        StringBuilder sb = new StringBuilder("{\"k\":");
        JsonString.quote("v\"", sb);
        assertThat(sb).hasToString("{\"k\":\"v\\\"\"");
    }

    @Test
    void aStrictParserReadsBackTheText() {
        Gen<String> texts = Gen.strings(Gen.oneOf(Gen.integers(0, 0x7F), Gen.elements(0x22, 0x5C, 0x00, 0x1F),
                Gen.integers(0x80, 0xFFFF)), 0, 20);
        PropCheck.forAll(texts, s -> {
            String literal = JsonString.quote(s);
            try (JsonParser p = JSON.createParser(literal)) {
                assertThat(p.nextToken()).isEqualTo(JsonToken.VALUE_STRING);
                assertThat(p.getText()).isEqualTo(s);
                assertThat(p.nextToken()).isNull();
            }
        });
    }
}
