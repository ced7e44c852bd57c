package dev.cwfilter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A {@code $.selector} metric value or dimension is read by the selector parser, as a selector of a JSON pattern is:
 * the same steps, the same limits, and a bad one is refused in the words of that parser, naming what is wrong in
 * the selector itself (the space in {@code $.a b}, not "an operator" that a pattern would expect after {@code $.a}).
 */
class MetricFilterSelectorTest {

    @ParameterizedTest(name = "[{0}]")
    @CsvSource(delimiter = '#', quoteCharacter = '`', value = {
            "$.a..b # unexpected '.' after '.': property names hold letters, digits, '_' and '-'; write other"
                    + " keys as .['key']",
            "$. # expected a property name after '.'",
            "$[0] # an array index must follow a property, as in $.items[0]",
            "$.a[x] # an array index is a number or '*', as in [0] or [*]",
            "`$.['a` # unterminated bracket-quoted key: expected \"']\"",
            "$.a.*[*] # selector '$.a.*[*]' has 2 wildcards: CloudWatch allows 1 per selector",
            "$.a[9999999999] # array index 9999999999 is too large: the largest is 2147483647",
            "`$.a b` # unexpected ' ' in property name: names hold letters, digits, '_' and '-'; write other keys"
                    + " as .['key']",
            "`$.a = 1 && $.b` # unexpected ' ' in property name: names hold letters, digits, '_' and '-'; write other"
                    + " keys as .['key']",
            "$.a} # unexpected '}' in property name: names hold letters, digits, '_' and '-'; write other keys"
                    + " as .['key']",
    })
    void aBadSelectorIsRefusedInTheSelectorParsersWords(String selector, String problem) {
        assertThatThrownBy(() -> MetricFilter.builder().filterPattern("{ $.x = * }").metricValue(selector).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("metricValue '" + selector + "' is not a valid JSON selector: " + problem);
        assertThatThrownBy(() -> MetricFilter.builder().filterPattern("{ $.x = * }").dimension("D", selector)
                .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("dimension 'D' '" + selector + "' is not a valid JSON selector: " + problem);
    }

    @ParameterizedTest(name = "[{0}]")
    @CsvSource(delimiter = ';', quoteCharacter = '`', value = {
            "`$.['a b'][1].c` ; `{\"a b\": [0, {\"c\": 7}]}`",
            "`$.['x.y']`      ; `{\"x.y\": 7, \"x\": {\"y\": 8}}`",
            "`$.a-b._`        ; `{\"a-b\": {\"_\": 7}}`",
    })
    void aSelectorReadsTheFieldItsStepsName(String selector, String event) {
        MetricFilter filter = MetricFilter.builder().filterPattern("{ $.z NOT EXISTS }").metricValue(selector)
                .dimension("D", selector).build();
        assertThat(filter.datapoints(List.of(new LogEvent(0, event))))
                .containsExactly(new Datapoint(0, 7.0, StandardUnit.NONE, Map.of("D", "7")));
    }
}
