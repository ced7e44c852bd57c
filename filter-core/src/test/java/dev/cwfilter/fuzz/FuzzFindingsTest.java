package dev.cwfilter.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cwfilter.FilterOptions;
import dev.cwfilter.FilterPattern;
import dev.cwfilter.FilterPatternException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Every finding of the fuzz tests, by name: each reads the committed input that reproduced it (the {@code found-*}
 * files beside the corpus, which regression mode also runs) and asserts the answer the fix gives. The crash a finding
 * showed is in each test's comment.
 */
class FuzzFindingsTest {

    private static byte[] input(String test, String method, String name) throws IOException {
        String path = test + "Inputs/" + method + "/" + name;
        try (InputStream in = FuzzFindingsTest.class.getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            return in.readAllBytes();
        }
    }

    private static String pattern(String name) throws IOException {
        return new String(input("PatternFuzzTest", "anyPatternTextCompilesOrIsRejectedCleanly", name),
                StandardCharsets.UTF_8);
    }

    // PatternFuzzTest found that a bare '...' as a JSON value threw IllegalArgumentException out of compile; a value
    // that reads as an ellipsis is now an invalid pattern that says how to quote it.
    @Test
    void aBareEllipsisValueIsRejectedAsAnInvalidPattern() throws IOException {
        String text = pattern("found-bare-ellipsis-value");
        assertThatThrownBy(() -> FilterPattern.compile(text)).isInstanceOf(FilterPatternException.class);
        assertThat(FilterPattern.parse("{ $.a = ... }").issues()).singleElement()
                .satisfies(i -> assertThat(i.message()).isEqualTo(
                        "the value '...' must be quoted, like \"...\": written bare it reads as an ellipsis"));
        assertThat(FilterPattern.compile("{ $.a = \"...\" }").matches("{\"a\":\"...\"}")).isTrue();
    }

    // PatternFuzzTest found that a bracket-quoted key holding a quote was read past its end, and the canonical text of
    // the pattern did not compile back to it; a key now ends at its second quote, which must be followed by ']'.
    @Test
    void aBracketQuotedKeyEndsAtItsSecondQuote() throws IOException {
        String text = pattern("found-quote-inside-bracket-key");
        assertThatThrownBy(() -> FilterPattern.compile(text)).isInstanceOf(FilterPatternException.class)
                .hasMessageContaining("a bracket-quoted key ends at its second quote");
        FilterPattern dotted = FilterPattern.compile("{ $.['c]uster'] = \"c\" }");
        assertThat(FilterPattern.compile(dotted.toString())).isEqualTo(dotted);
        assertThat(dotted.matches("{\"c]uster\":\"c\"}")).isTrue();
    }

    // EventFuzzTest found that the byte path matched an event the decoded text does not: jackson-core pads a field
    // name's last quad with 0xFF bytes, so the malformed name "\xFFb" was looked up as the cached name "b". Bytes
    // holding 0xFF are now evaluated as their decoded text, where the name is "\uFFFDb".
    @Test
    void aMalformedFieldNameIsNotReadAsACachedName() throws IOException {
        byte[] event = input("EventFuzzTest", "anyEventIsEvaluatedWithoutException", "found-invalid-utf8-in-json-key");
        FilterPattern pattern = FilterPattern.compile("{ $.a[*].b IS NULL || $.t IS TRUE }",
                FilterOptions.builder().lenientJsonPrefix(true).build());
        byte[] cached = "INFO {\"a\":[{\"b\":null}]}".getBytes(StandardCharsets.UTF_8);
        assertThat(pattern.matches(cached, 0, cached.length)).isTrue();
        assertThat(pattern.matches(new String(event, StandardCharsets.UTF_8))).isFalse();
        assertThat(pattern.matches(event, 0, event.length)).isFalse();
    }
}
