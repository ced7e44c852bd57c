package dev.cwfilter.reference;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cwfilter.FilterPattern;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * SEMANTICS.md O3, observed on real AWS: where a key is repeated in a JSON object its last value is the value, for
 * every operator and test, at every level (a nested object, an object under a wildcard), as if the object were read
 * into a map where a later key replaces an earlier one with everything below it. Examples chosen to break each way a
 * streaming evaluator could go wrong: deciding a leaf, an {@code &&} or an {@code ||} on the first occurrence; a
 * wildcard that sees every occurrence; a repeat of a key above the selected one; a repeat spelled with an escape; a
 * repeat of a key no selector reaches (which changes nothing). Checked for String and UTF-8 input and for the
 * explanation.
 */
class DuplicateKeyExamplesTest {

    @ParameterizedTest(name = "{0} on {1} is {2}")
    @CsvSource(delimiterString = " ~ ", quoteCharacter = '\'', value = {
            "{ $.a = 1 } ~ {\"a\":1,\"a\":2} ~ false",
            "{ $.a = 2 } ~ {\"a\":1,\"a\":2} ~ true",
            "{ $.a != 2 } ~ {\"a\":1,\"a\":2} ~ false",
            "{ $.a != 1 } ~ {\"a\":1,\"a\":2} ~ true",
            "{ $.a > 1 } ~ {\"a\":9,\"a\":1} ~ false",
            "{ $.a IS NULL } ~ {\"a\":null,\"a\":2} ~ false",
            "{ $.a IS NULL } ~ {\"a\":2,\"a\":null} ~ true",
            "{ $.a NOT EXISTS } ~ {\"a\":1,\"a\":2} ~ false",
            "{ $.* = 2 } ~ {\"a\":1,\"a\":2} ~ true",
            "{ $.* = 1 } ~ {\"a\":1,\"a\":2} ~ false",
            "{ $.* = 1 } ~ {\"x\":1,\"y\":2,\"x\":3} ~ false",
            "{ $.* IS NULL } ~ {\"a\":1,\"a\":null} ~ true",
            "{ $.a.b = 2 } ~ {\"a\":{\"c\":1},\"a\":{\"b\":2}} ~ true",
            "{ $.a.c = 1 } ~ {\"a\":{\"c\":1},\"a\":{\"b\":2}} ~ false",
            "{ $.a.b NOT EXISTS } ~ {\"a\":{\"c\":1},\"a\":{\"b\":2}} ~ false",
            "{ $.a.b = 1 } ~ {\"a\":{\"b\":1},\"z\":0,\"a\":{\"b\":2}} ~ false",
            "{ $.a.b.c = 1 } ~ {\"a\":{\"b\":{\"c\":1}},\"a\":{\"b\":{\"c\":1,\"c\":2}}} ~ false",
            "{ $.*.b = 2 } ~ {\"a\":{\"c\":1},\"a\":{\"b\":2}} ~ true",
            "{ $.*.k = 1 } ~ {\"x\":{\"k\":1,\"k\":2}} ~ false",
            "{ $.a[0] = 2 } ~ {\"a\":[1],\"a\":[2]} ~ true",
            "{ $.a[*] = 2 } ~ {\"a\":[1],\"a\":[2]} ~ true",
            "{ $.a[*] = 1 } ~ {\"a\":[1],\"a\":[2]} ~ false",
            "{ $.a IS NULL } ~ {\"a\":[1],\"a\":[null]} ~ true",
            "{ $.a = \"x\" } ~ {\"a\":{\"a\":1},\"a\":\"x\"} ~ true",
            "{ $.o.a = 1 && $.o.a != 2 } ~ {\"o\":{\"a\":1,\"a\":2}} ~ false",
            "{ $.a = 1 || $.b = 1 } ~ {\"a\":1,\"b\":0,\"a\":0} ~ false",
            "{ $.a = 1 && $.b = 1 } ~ {\"a\":0,\"b\":1,\"a\":1} ~ true",
            "{ $.a = 1 && $.b = 1 } ~ {\"a\":1,\"b\":1,\"b\":0} ~ false",
            "{ $.arr[1].k = 1 } ~ {\"arr\":[0,{\"k\":1,\"k\":2}]} ~ false",
            "{ $.arr[*].k = 2 } ~ {\"arr\":[0,{\"k\":1,\"k\":2}]} ~ true",
            "{ $.arr[*].k = 1 } ~ {\"arr\":[0,{\"k\":1,\"k\":2}]} ~ false",
            "{ $.arr[1].k = 2 } ~ {\"arr\":[0,{\"k\":1,\"k\":2}]} ~ true",
            "{ $.a = 1 } ~ {\"a\":1,\"\\u0061\":2} ~ false",
            "{ $.a = 2 } ~ {\"a\":1,\"\\u0061\":2} ~ true",
            "{ $.a = 1 } ~ {\"b\":1,\"b\":2,\"a\":1} ~ true",
            "{ $.a = 1 } ~ { \"a\" : 2 ,\t \"a\" : 1 } ~ true",
    })
    void aRepeatedKeysLastValueIsTheValueAtEveryLevel(String pattern, String event, boolean expected) {
        FilterPattern compiled = FilterPattern.compile(pattern);
        assertThat(compiled.matches(event)).as("%s on %s", pattern, event).isEqualTo(expected);
        byte[] utf8 = event.getBytes(StandardCharsets.UTF_8);
        assertThat(compiled.matches(utf8, 0, utf8.length)).as("bytes: %s on %s", pattern, event).isEqualTo(expected);
        assertThat(compiled.explain(event).matched()).as("explain: %s on %s", pattern, event).isEqualTo(expected);
        assertThat(ReferenceEvaluator.defaults().matches(compiled.ast(), event)).as("reference: %s on %s", pattern,
                event).isEqualTo(expected);
    }
}
