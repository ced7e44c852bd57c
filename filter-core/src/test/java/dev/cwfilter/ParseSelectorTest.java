package dev.cwfilter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cwfilter.ast.JsonPattern;
import dev.cwfilter.ast.JsonTest;
import dev.cwfilter.ast.Selector;
import dev.cwfilter.ast.SelectorStep;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link FilterPattern#parseSelector} reads a selector on its own with the grammar and limits of a selector in a JSON
 * pattern: the same tree as inside {@code { <selector> NOT EXISTS }}, and a bad one refused with what is wrong and
 * where.
 */
class ParseSelectorTest {

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"$.eventName", "$.userIdentity.type", "$.objectList[1].id", "$.['cluster.name']",
            "$.arrayKey[*]", "$.*", "$.['a b'][1].c", "$.a-b._"})
    void aSelectorIsTheTreeItIsInsideAPattern(String text) {
        Selector alone = FilterPattern.parseSelector(text);
        JsonPattern pattern = (JsonPattern) FilterPattern.parse("{ " + text + " NOT EXISTS }").ast().orElseThrow();
        assertThat(alone).isEqualTo(((JsonTest) pattern.expression()).selector());
        assertThat(FilterPattern.parseSelector(alone.toString())).as("its printed form reads back").isEqualTo(alone);
    }

    @Test
    void stepsAreTheOnesWritten() {
        assertThat(FilterPattern.parseSelector("$.a[2].['b.c']").steps()).containsExactly(
                new SelectorStep.Property("a"), new SelectorStep.Index(2), new SelectorStep.Property("b.c"));
        assertThat(FilterPattern.parseSelector("$.userIdentity.type")).isEqualTo(Selector.of("userIdentity", "type"));
    }

    @ParameterizedTest(name = "[{0}]")
    @CsvSource(delimiter = '#', quoteCharacter = '`', value = {
            "`$.a b` # 3 # unexpected ' ' in property name: names hold letters, digits, '_' and '-'; write other keys"
                    + " as .['key']",
            "$.a} # 3 # unexpected '}' in property name: names hold letters, digits, '_' and '-'; write other keys"
                    + " as .['key']",
            "$. # 1 # expected a property name after '.'",
            "$[0] # 1 # an array index must follow a property, as in $.items[0]",
            "$.a.*[*] # 0 # selector '$.a.*[*]' has 2 wildcards: CloudWatch allows 1 per selector",
    })
    void aBadSelectorIsRefusedWithWhatAndWhere(String text, int offset, String problem) {
        assertThatThrownBy(() -> FilterPattern.parseSelector(text))
                .isInstanceOfSatisfying(FilterPatternException.class, e -> {
                    assertThat(e.reason()).isEqualTo(problem);
                    assertThat(e.pattern()).isEqualTo(text);
                    assertThat(e.issues()).singleElement().satisfies(i -> {
                        assertThat(i.offset()).isEqualTo(offset);
                        assertThat(i.line()).isEqualTo(1);
                        assertThat(i.column()).isEqualTo(offset + 1);
                    });
                    assertThat(e.getMessage()).contains(text);
                });
    }

    @Test
    void textThatIsNoSelectorIsRefused() {
        for (String text : List.of("", "eventName", "{ $.a = 1 }", "$.a = 1")) {
            assertThatThrownBy(() -> FilterPattern.parseSelector(text)).as(text)
                    .isInstanceOf(FilterPatternException.class);
        }
        assertThatThrownBy(() -> FilterPattern.parseSelector(null)).isInstanceOf(NullPointerException.class);
    }
}
