package dev.cwfilter.rules;

import static dev.cwfilter.rules.RuleAssertions.assertMatches;
import static dev.cwfilter.rules.RuleAssertions.assertNoMatch;
import static dev.cwfilter.rules.RuleAssertions.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.cwfilter.FilterPattern;
import dev.cwfilter.FilterPatternException;
import dev.cwfilter.MetricFilter;
import dev.cwfilter.MetricFilterMatchRecord;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The points SEMANTICS.md had as UNCERTAIN, or as a recommendation, that the real-AWS capture of its "Observed on real
 * AWS (2026-12 revision)" section decided the way cwfilter already did: each with the observed examples, so that the
 * decision is pinned by the behaviour AWS showed rather than only by the register. (The rules the capture changed are
 * in {@link ObservedRulesProperties} and the per-syntax rule tests.)
 */
class ObservedAsDecidedRules {

    private static Map<String, String> extracted(String pattern, String event) {
        List<MetricFilterMatchRecord> matches = MetricFilter.builder().filterPattern(pattern).build()
                .test(List.of(event)).matches();
        return matches.isEmpty() ? null : matches.get(0).extractedValues();
    }

    // U1 [OBSERVED]: the last field absorbs the rest of the line as raw text, spacing, brackets and quotes kept, except
    // that a rest that is exactly one quoted field loses its quotes.
    @Test
    void u1TheLastFieldAbsorbsTheRestRaw() {
        assertThat(extracted("[a, rest]", "x  y [z]  \"w\" ")).containsEntry("$rest", "y [z]  \"w\" ");
        assertThat(extracted("[a, rest]", "x \"y z\"")).containsEntry("$rest", "y z");
        assertThat(extracted("[a, rest]", "x [y z]")).containsEntry("$rest", "y z");
        assertThat(extracted("[a, rest]", "x \"y\" z")).containsEntry("$rest", "\"y\" z");
    }

    // U3 [OBSERVED]: TestMetricFilter numbers the events from 1.
    @Test
    void u3EventsAreNumberedFromOne() {
        assertThat(MetricFilter.builder().filterPattern("ERROR").build().test(List.of("ERROR a", "ok", "ERROR b"))
                .matches()).extracting(MetricFilterMatchRecord::eventNumber).containsExactly(1L, 3L);
    }

    // U9 [OBSERVED]: extractedValues is {} for JSON, term and regex patterns.
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"{ $.a = 1 }", "ERROR", "%ERR.R%"})
    void u9NothingIsExtractedOutsideSpaceDelimitedPatterns(String pattern) {
        assertThat(extracted(pattern, pattern.startsWith("{") ? "{\"a\":1}" : "ERROR 1")).isEmpty();
    }

    // U11 [OBSERVED]: ERR* is invalid, a '*' in a bare term ("Invalid character(s) in term '*'").
    @Test
    void u11AnAsteriskInABareTermIsInvalid() {
        assertThatThrownBy(() -> FilterPattern.compile("ERR*")).isInstanceOf(FilterPatternException.class)
                .hasMessageContaining("invalid character '*' in term 'ERR*'");
        assertMatches("\"ERR*\"", "ERR* literally");
    }

    // U16 [OBSERVED]: the whole multi-line message is searched, and \s includes a line feed.
    @Test
    void u16TheWholeMultiLineMessageIsSearched() {
        assertMatches("ARGUMENTS", "ERROR\nARGUMENTS");
        assertMatches("ERROR ARGUMENTS", "first line\nERROR\nARGUMENTS");
        assertMatches("%ERROR\\sARGUMENTS%", "ERROR\nARGUMENTS");
    }

    // U17 [OBSERVED]: ? terms beside a plain or - term are ignored: ?A ?B -C is -C.
    @Test
    void u17OptionalTermsBesideAnExclusionAreIgnored() {
        assertMatches("?ERROR ?WARN -DEBUG", "INFO only");
        assertNoMatch("?ERROR ?WARN -DEBUG", "ERROR with DEBUG");
    }

    // U19 [OBSERVED]: tabs delimit fields and runs of whitespace collapse.
    @Test
    void u19TabsDelimitAndRunsCollapse() {
        assertThat(extracted("[a, b, c]", "x\t\ty   \tz")).containsExactly(entry("$a", "x"), entry("$b", "y"),
                entry("$c", "z"));
    }

    // [OBSERVED] NOT EXISTS is false on a present null; IS TRUE is false on the string "true".
    @Test
    void notExistsIsFalseOnAPresentNullAndIsTrueOnlyOnTheBoolean() {
        assertNoMatch("{ $.v NOT EXISTS }", "{\"v\":null}");
        assertNoMatch("{ $.v IS TRUE }", "{\"v\":\"true\"}");
        assertMatches("{ $.v IS TRUE }", "{\"v\":true}");
    }

    // [OBSERVED] ... may cover zero fields, and fewer fields than named ones never match.
    @Test
    void anEllipsisMayCoverNoFieldAndTooFewFieldsNeverMatch() {
        assertMatches("[a, ..., b]", "x y");
        assertMatches("[a, b, ...]", "x y");
        assertNoMatch("[a, ..., b]", "x");
        assertNoMatch("[a, b, c]", "x y");
    }

    // [OBSERVED] $.arr[*] selects an array's elements and an object's values, not a scalar, not into nested arrays.
    @Test
    void anIndexWildcardSelectsElementsAndObjectValuesOnly() {
        assertMatches("{ $.arr[*] = 1 }", "{\"arr\":[0,1]}");
        assertMatches("{ $.arr[*] = 1 }", "{\"arr\":{\"k\":1}}");
        assertNoMatch("{ $.arr[*] = 1 }", "{\"arr\":1}");
        assertNoMatch("{ $.arr[*] = 1 }", "{\"arr\":[[1]]}");
    }

    // [OBSERVED] $.* is one level deep.
    @Test
    void aPropertyWildcardIsOneLevelDeep() {
        assertMatches("{ $.* = 1 }", "{\"a\":1}");
        assertNoMatch("{ $.* = 1 }", "{\"a\":{\"b\":1}}");
    }

    // [OBSERVED] a path step never maps over an array: $.nested.value does not reach into an array of objects, so
    // NOT EXISTS holds there.
    @Test
    void aPathStepNeverMapsOverAnArray() {
        assertNoMatch("{ $.nested.value = \"x\" }", "{\"nested\":[{\"value\":\"x\"}]}");
        assertMatches("{ $.nested.value NOT EXISTS }", "{\"nested\":[{\"value\":\"x\"}]}");
    }

    // [OBSERVED] each wildcard clause of an && is existential on its own: two clauses may hold on different elements.
    @Test
    void eachWildcardClauseIsExistentialOnItsOwn() {
        assertMatches("{ $.a[*] = 1 && $.a[*] = 2 }", "{\"a\":[1,2]}");
        assertNoMatch("{ $.a[*] = 1 && $.a[*] = 3 }", "{\"a\":[1,2]}");
    }

    // [OBSERVED] invalid patterns.
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"{ $.v > \"Alpha\" }", "[word, word]", "[a, ..., b, ...]", "\"unclosed",
            "{ $.v EXISTS }", "{ $.v IS NOT NULL }", "{ $.v == 1 }", "{ !($.v = 1) }", "{ $.a = 1 AND $.b = 2 }",
            "{ $..v = 1 }", "{ $.v[-1] = 1 }", "{ $.v[0:2] = 1 }", "%(ab)%", "%a(?=b)%", "{ $.v = %(x)% }", "%\u00e9%",
            "{ $.v = %\u00e9% }"})
    void theObservedInvalidPatternsAreInvalid(String pattern) {
        assertRejected(pattern);
    }

    // [OBSERVED] a duplicate field name is invalid, and says so.
    @Test
    void aDuplicateFieldNameIsNamed() {
        assertThatThrownBy(() -> FilterPattern.compile("[word, word]")).isInstanceOf(FilterPatternException.class)
                .hasMessageContaining("field name 'word' is used twice");
    }
}
