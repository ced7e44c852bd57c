package dev.cwfilter.internal.eval.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cwfilter.FilterPattern;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * jackson-core pads the last four-byte quad of a field name with 0xFF bytes in its byte symbol table, so once the name
 * {@code b} is cached, the malformed name {@code "\xFFb"} is looked up as {@code b}. Found by EventFuzzTest; the byte
 * path must still answer what the decoded text answers.
 */
class MalformedNameTest {

    @Test
    void aMalformedNameIsNotMistakenForACachedName() {
        FilterPattern pattern = FilterPattern.compile("{ $.b IS NULL }");
        byte[] valid = "{\"b\":null}".getBytes(StandardCharsets.UTF_8);
        assertThat(pattern.matches(valid, 0, valid.length)).isTrue();
        byte[] malformed = {'{', '"', (byte) 0xFF, 'b', '"', ':', 'n', 'u', 'l', 'l', '}'};
        String decoded = new String(malformed, StandardCharsets.UTF_8);
        assertThat(pattern.matches(decoded)).isFalse();
        assertThat(pattern.matches(malformed, 0, malformed.length)).isFalse();
    }
}
