package dev.cwfilter.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cwfilter.StandardUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;

class FilterCasesTest {

    @ParameterizedTest(name = "{0}")
    @FilterCases({"cases/valid.yaml", "/cases/valid.jsonl"})
    void everyCaseOfTheValidFilesHolds(FilterCase filterCase) {
        filterCase.verify();
    }

    @Test
    void casesAreReadWithTheirNamesLinesAndExpectations() {
        List<FilterCase> cases = FilterCase.parse(Documents.read("cases/valid.yaml"), "cases/valid.yaml");
        assertThat(cases).extracting(FilterCase::name).containsExactly("secret is read", "lambda errors",
                "apache 4xx", "broken pattern");
        FilterCase first = cases.get(0);
        assertThat(first.line()).isEqualTo(3);
        assertThat(first.file()).isEqualTo("cases/valid.yaml");
        assertThat(first.matching()).containsExactly("{\"eventName\":\"GetSecretValue\"}",
                "{\"eventName\":\"GetSecretValue\",\"requestParameters\":{\"secretId\":\"prod/db\"}}");
        assertThat(first.notMatching()).containsExactly("{\"eventName\":\"ListSecrets\"}");
        assertThat(first.metricFilter().orElseThrow().unit()).isEqualTo(StandardUnit.COUNT);
        assertThat(cases.get(1).options().lenientJsonPrefix()).isTrue();
        assertThat(cases.get(3).expectsInvalid()).isTrue();
        assertThat(cases.get(3).toString()).isEqualTo("broken pattern");
        List<FilterCase> lines = FilterCase.parse(Documents.read("cases/valid.jsonl"), "cases/valid.jsonl");
        assertThat(lines).extracting(FilterCase::name, FilterCase::line)
                .containsExactly(org.assertj.core.api.Assertions.tuple("errors", 2),
                        org.assertj.core.api.Assertions.tuple("%[Ee]rror%", 4));
    }

    @Test
    void aFailingCaseReportsEveryFailedCheckWithItsLine() {
        FilterCase c = FilterCase.parse(Documents.read("cases/failing.yaml"), "cases/failing.yaml").get(0);
        assertThatThrownBy(c::verify).isInstanceOf(AssertionError.class)
                .hasMessage("""
                        3 checks of case "wrong expectations" failed

                        cases/failing.yaml line 4 (case "wrong expectations", matches #1):
                        expected:   to match
                        pattern:    { $.eventName = "GetSecretValue" }
                        event:      {"eventName":"ListSecrets"}
                        decided by: $.eventName = "GetSecretValue" fails ("ListSecrets")

                        cases/failing.yaml line 6 (case "wrong expectations", doesNotMatch #1):
                        expected:   not to match
                        pattern:    { $.eventName = "GetSecretValue" }
                        event:      {"eventName":"GetSecretValue"}
                        decided by: $.eventName = "GetSecretValue" holds ("GetSecretValue")

                        cases/failing.yaml line 10 (case "wrong expectations", publishes #1):
                        expected:   to publish 2.0
                        filter:     { $.eventName = "GetSecretValue" } → ?/? = 1
                        event:      {"eventName":"GetSecretValue"}
                        published:  1.0
                        decided by: $.eventName = "GetSecretValue" holds ("GetSecretValue")""");
    }

    @Test
    void anInvalidPatternFailsItsCaseWithCloudWatchsReason() {
        FilterCase c = FilterCase.parse("- {pattern: '{ $.a = }', matches: ['{}']}", "x.yaml").get(0);
        assertThatThrownBy(c::verify).hasMessage("""
                x.yaml line 1 (case "{ $.a = }", pattern):
                expected: a valid pattern
                pattern:  { $.a = }
                but:      the pattern is invalid: expected a value after '=', found '}' (line 1, column 9)
                          { $.a = }
                                  ^""");
        FilterCase valid = FilterCase.parse("- {pattern: 'ERROR', invalid: true}", "x.yaml").get(0);
        assertThatThrownBy(valid::verify).hasMessageContaining("expected: an invalid pattern");
    }

    @Test
    void aMetricFilterPutMetricFilterWouldRejectFailsItsCase() {
        FilterCase c = FilterCase.parse("""
                - pattern: ERROR
                  matches: [ERROR]
                  metricFilter:
                    metricValue: $.latency
                """, "x.yaml").get(0);
        assertThatThrownBy(c::verify).hasMessage("x.yaml line 4 (case \"ERROR\", metricFilter): PutMetricFilter"
                + " would reject it: metricValue '$.latency' selects a JSON field: it needs a JSON filter pattern");
    }

    @Test
    void schemaErrorsNameTheFileAndLine() {
        assertError("- pattern: ERROR\n  matchs: [x]\n", "x.yaml line 2: unknown key 'matchs' in a case (expected"
                + " one of: canonical, doesNotMatch, extracts, invalid, matches, metricFilter, name, options,"
                + " pattern)");
        assertError("- name: no pattern\n  matches: [x]\n", "x.yaml line 1: a case needs a 'pattern'");
        assertError("- pattern: ERROR\n", "x.yaml line 1: case 'ERROR' checks nothing: give matches, doesNotMatch,"
                + " canonical, invalid or metricFilter");
        assertError("- pattern: ERROR\n  matches: x\n", "x.yaml line 2: matches is a list of events, not a string");
        assertError("- pattern: ERROR\n  matches: [1]\n", "x.yaml line 2: an event is a string or a mapping, not a"
                + " number");
        assertError("- pattern: ERROR\n  options: {lenientJsonPrefix: yes please}\n  matches: [x]\n",
                "x.yaml line 2: lenientJsonPrefix must be true or false, not a string");
        assertError("- pattern: ERROR\n  options:\n    strict: true\n  matches: [x]\n",
                "x.yaml line 3: unknown key 'strict' in options (expected one of: defaultValueMode,"
                        + " exactFieldCount, firstEventNumber, lenientJsonPrefix, lenientTermCharacters,"
                        + " maxEventBytes, maxEventNestingDepth, maxNestingDepth, maxPatternLength)");
        assertError("- pattern: ERROR\n  metricFilter:\n    unit: Parsecs\n", "x.yaml line 3: unknown unit 'Parsecs'");
        assertError("- pattern: ERROR\n  metricFilter:\n    publishes:\n      - {event: x, value: lots}\n",
                "x.yaml line 4: value is a number, \"nothing\" or \"default\", not \"lots\"");
        assertError("cases: {pattern: x}\n", "x.yaml line 1: expected a list of cases, not a mapping");
        assertError("- pattern: [\n", "x.yaml line 2: not well-formed YAML: expected the node content, but found"
                + " '<stream end>'");
        assertError("", "x.yaml: the file is empty");
    }

    @Test
    void jsonLinesErrorsNameTheLineOfTheCase() {
        assertThatThrownBy(() -> FilterCase.parse("{\"pattern\":\"a\",\"matches\":[\"a\"]}\n\n{\"pattern\": \"b\",\n",
                "x.jsonl")).isInstanceOf(FileFormatException.class)
                .hasMessageStartingWith("x.jsonl line 3: not well-formed JSON")
                .satisfies(e -> assertThat(((FileFormatException) e).line()).isEqualTo(3));
        assertThatThrownBy(() -> FilterCase.parse("{\"pattern\":\"a\"}\n{\"pattern\":\"a\",\"maches\":[]}\n",
                "x.jsonl")).hasMessageStartingWith("x.jsonl line 1: case 'a' checks nothing");
        assertThatThrownBy(() -> FilterCase.parse("{\"pattern\":\"a\",\"matches\":[\"a\"]}\n{\"pattern\":\"a\","
                + "\"maches\":[]}\n", "x.jsonl")).hasMessageStartingWith("x.jsonl line 2: unknown key 'maches'");
    }

    @Test
    void aMissingFileIsNamed() {
        assertThatThrownBy(() -> dev.cwfilter.testkit.internal.Documents.readResource("cases/nope.yaml",
                FilterCasesTest.class)).isInstanceOf(FileFormatException.class)
                .hasMessageStartingWith("cases/nope.yaml: no such classpath resource");
    }

    static void assertError(String yaml, String messageStart) {
        assertThatThrownBy(() -> FilterCase.parse(yaml, "x.yaml")).isInstanceOf(FileFormatException.class)
                .hasMessageStartingWith(messageStart);
    }

    /** Reads test resources. */
    static final class Documents {
        static String read(String resource) {
            return dev.cwfilter.testkit.internal.Documents.readResource(resource, FilterCasesTest.class);
        }
    }
}
