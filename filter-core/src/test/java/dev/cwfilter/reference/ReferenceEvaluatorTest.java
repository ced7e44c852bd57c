package dev.cwfilter.reference;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cwfilter.FilterPattern;
import dev.cwfilter.ast.DelimitedPattern;
import dev.cwfilter.ast.Pattern;
import dev.cwfilter.conformance.ConformanceCase;
import dev.cwfilter.conformance.ConformanceFiles;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Checks the reference evaluator itself, so that an agreement with it means something: it must give the expected
 * answer (and extracted values) of every conformance match case, and its regular-expression rewriting must keep the
 * dialect's meaning.
 */
class ReferenceEvaluatorTest {

    private final ReferenceEvaluator reference = ReferenceEvaluator.defaults();

    @TestFactory
    Stream<DynamicTest> referenceAnswersEveryConformanceMatchCase() {
        return ConformanceFiles.read("match.jsonl").stream()
                .map(c -> DynamicTest.dynamicTest(c.id(), () -> checkCase(c)));
    }

    private void checkCase(ConformanceCase c) {
        Pattern ast = FilterPattern.compile(c.pattern()).ast();
        String event = c.json().get("event").asText();
        boolean expected = c.json().get("match").asBoolean();
        assertThat(reference.matches(ast, event)).as("%s on %s", c.describe(), event).isEqualTo(expected);
        if (expected && c.json().has("extracted")) {
            Map<String, String> extracted = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> e : c.json().get("extracted").properties()) {
                extracted.put(e.getKey(), e.getValue().asText());
            }
            Map<String, String> actual = ast instanceof DelimitedPattern delimited
                    ? reference.extract(delimited, event).orElseThrow() : Map.of();
            assertThat(actual).as(c.describe()).isEqualTo(extracted);
        }
    }

    @Test
    void regexRewritingKeepsTheDialectsMeaning() {
        assertThat(ReferenceRegex.finds("a\\sb", "a b")).isTrue();
        assertThat(ReferenceRegex.finds("a\\sb", "a\tb")).isTrue();
        assertThat(ReferenceRegex.finds("a\\sb", "a\nb")).isTrue();
        assertThat(ReferenceRegex.finds("a\\sb", "a\rb")).isFalse();
        assertThat(ReferenceRegex.finds("a\\sb", "a\u000Bb")).isFalse();
        assertThat(ReferenceRegex.finds("a\\Sb", "a\rb")).isTrue();
        assertThat(ReferenceRegex.finds("a\\Sb", "a b")).isFalse();
        assertThat(ReferenceRegex.finds("a[^\\s]b", "a\rb")).isTrue();
        assertThat(ReferenceRegex.finds("a[^\\s]b", "a\tb")).isFalse();
        assertThat(ReferenceRegex.finds("a[\\S]b", "a\tb")).isFalse();
        assertThat(ReferenceRegex.finds("a\\\\s", "a\\s")).isTrue();
        assertThat(ReferenceRegex.finds("^a{,2}$", "aa")).isTrue();
        assertThat(ReferenceRegex.finds("^a{,2}$", "aaa")).isFalse();
        assertThat(ReferenceRegex.finds("^a{,2}$", "")).isTrue();
        assertThat(ReferenceRegex.finds("a.b", "a\rb")).isFalse();
        assertThat(ReferenceRegex.finds("a$", "a\n")).isTrue();
        assertThat(ReferenceRegex.finds("a$", "a\n\n")).isFalse();
        assertThat(ReferenceRegex.finds("\\x3A", ":")).isTrue();
        assertThat(ReferenceRegex.finds("gra|ey", "grey")).isTrue();
    }

    @Test
    void tokenizerGroupsQuotesAndBrackets() {
        assertThat(ReferenceTokenizer.fields("a  \"b c\"\t[d e] f").stream().map(ReferenceTokenizer.Field::value))
                .containsExactly("a", "b c", "d e", "f");
        assertThat(ReferenceTokenizer.fields("a \"b c").stream().map(ReferenceTokenizer.Field::value))
                .containsExactly("a", "\"b", "c");
        assertThat(ReferenceTokenizer.fields("a [b c\nd").stream().map(ReferenceTokenizer.Field::value))
                .containsExactly("a", "b c", "d");
        assertThat(ReferenceTokenizer.fields("   ")).isEmpty();
    }
}
