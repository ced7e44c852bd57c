package dev.cwfilter.reference;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cwfilter.FilterPattern;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The decided rule for a key that appears twice in one JSON object, which the agreement properties leave out (their
 * events have no duplicate keys): a plain selector sees the first occurrence only; a wildcard sees every occurrence.
 * The rule applies per step: a property step that no wildcard step leads to sees the first occurrence (so
 * {@code $.a[*]} reads the elements of the first {@code a} only), one below a wildcard sees every occurrence
 * ({@code $.arr[*].k}). Checked for String and UTF-8 input.
 */
class DuplicateKeyExamplesTest {

    @ParameterizedTest(name = "{0} on {1} is {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
            "{ $.a = 1 }                    | {\"a\":1,\"a\":2}                              | true",
            "{ $.a = 2 }                    | {\"a\":1,\"a\":2}                              | false",
            "{ $.a != 2 }                   | {\"a\":1,\"a\":2}                              | true",
            "{ $.a != 1 }                   | {\"a\":1,\"a\":2}                              | false",
            "{ $.a IS NULL }                | {\"a\":null,\"a\":2}                           | true",
            "{ $.a IS NULL }                | {\"a\":2,\"a\":null}                           | false",
            "{ $.a NOT EXISTS }             | {\"a\":1,\"a\":2}                              | false",
            "{ $.* = 2 }                    | {\"a\":1,\"a\":2}                              | true",
            "{ $.* = 1 }                    | {\"a\":1,\"a\":2}                              | true",
            "{ $.* IS NULL }                | {\"a\":1,\"a\":null}                           | true",
            "{ $.a.b = 2 }                  | {\"a\":{\"c\":1},\"a\":{\"b\":2}}              | false",
            "{ $.a.c = 1 }                  | {\"a\":{\"c\":1},\"a\":{\"b\":2}}              | true",
            "{ $.a.b NOT EXISTS }           | {\"a\":{\"c\":1},\"a\":{\"b\":2}}              | true",
            "{ $.*.b = 2 }                  | {\"a\":{\"c\":1},\"a\":{\"b\":2}}              | true",
            "{ $.a[0] = 2 }                 | {\"a\":[1],\"a\":[2]}                          | false",
            "{ $.a[*] = 2 }                 | {\"a\":[1],\"a\":[2]}                          | false",
            "{ $.a = \"x\" }                | {\"a\":{\"a\":1},\"a\":\"x\"}                  | false",
            "{ $.o.a = 1 && $.o.a != 2 }    | {\"o\":{\"a\":1,\"a\":2}}                      | true",
            "{ $.arr[1].k = 1 }             | {\"arr\":[0,{\"k\":1,\"k\":2}]}                | true",
            "{ $.arr[*].k = 2 }             | {\"arr\":[0,{\"k\":1,\"k\":2}]}                | true",
            "{ $.arr[1].k = 2 }             | {\"arr\":[0,{\"k\":1,\"k\":2}]}                | false",
    })
    void plainSelectorsSeeTheFirstOccurrenceAndWildcardsEveryOccurrence(String pattern, String event,
                                                                       boolean expected) {
        FilterPattern compiled = FilterPattern.compile(pattern);
        assertThat(compiled.matches(event)).as("%s on %s", pattern, event).isEqualTo(expected);
        byte[] utf8 = event.getBytes(StandardCharsets.UTF_8);
        assertThat(compiled.matches(utf8, 0, utf8.length)).as("bytes: %s on %s", pattern, event).isEqualTo(expected);
    }
}
