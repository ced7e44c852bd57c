package dev.cwfilter.internal.compile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cwfilter.FilterPattern;
import dev.cwfilter.internal.eval.json.JsonMatcher;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Which literals a JSON pattern's prefilter scans for: the compared values every match needs when there are any (they
 * select events), else the property names (in nearly every event of a log group, they reject little and cost a scan
 * each). A value is quoted as the JSON string that alone can equal it spells it, unless a number could spell it
 * ({@code = "404"} matches the number 404) or the test looks inside the text. Either way only literals every match
 * contains, so the choice changes speed, never answers.
 */
class PrefilterChoiceTest {

    @ParameterizedTest
    @CsvSource(delimiter = '#', value = {
        "{ $.eventName = \"GetSecretValue\" }#[\"GetSecretValue\"]",
        "{ $.latency > 4000 }#[\"latency\"]",
        "{ $.a.b = \"xyz\" && $.c IS NULL }#[\"xyz\"]",
        "{ ($.type = \"Root\" || $.user = \"Admin\") && $.mfa = \"false\" }#[\"false\"]",
        "{ $.a = \"ab\" && $.longName IS TRUE }#[\"ab\"]",
        "{ $.a = \"*a\" && $.longName IS TRUE }#[\"longName\", \"a\"]",
        "{ $.eventName = \"Get*\" }#[\"Get]",
        "{ $.eventName = \"*Value\" }#[Value\"]",
        "{ $.eventName = \"*cretVa*\" }#[cretVa]",
        "{ $.status = \"404\" }#[404]",
        "{ $.status = \"4.5e+3\" }#[4.5e+3]",
        "{ $.errorCode NOT EXISTS }#[]"
    })
    void valuesArePreferredToPropertyNames(String pattern, String literals) {
        FilterPattern compiled = FilterPattern.compile(pattern);
        JsonMatcher matcher = (JsonMatcher) Compiler.compile(compiled.ast(),
                new EvalOptions(false, false, 1000, 1024 * 1024), x -> null);
        assertThat(matcher.prefilter().literals().toString()).isEqualTo(literals);
    }
}
