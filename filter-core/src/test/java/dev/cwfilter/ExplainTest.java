package dev.cwfilter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cwfilter.MatchExplanation.ClauseResult;
import org.junit.jupiter.api.Test;

/** Explanations name the clauses that decided, with what the message held, and always agree with matches(). */
class ExplainTest {

    private static MatchExplanation explain(String pattern, String event) {
        FilterPattern p = FilterPattern.compile(pattern);
        MatchExplanation e = p.explain(event);
        assertThat(e.matched()).as("explain agrees with matches").isEqualTo(p.matches(event));
        return e;
    }

    @Test
    void jsonMismatchNamesTheFailingComparisonAndTheValueSeen() {
        MatchExplanation e = explain("{ $.eventName = \"GetSecretValue\" }", "{\"eventName\":\"ListSecrets\"}");
        assertThat(e.matched()).isFalse();
        assertThat(e.reason()).isEqualTo("$.eventName = \"GetSecretValue\" fails (\"ListSecrets\")");
        assertThat(e.toString()).startsWith("no match: ");
        ClauseResult clause = e.clauses().get(0);
        assertThat(clause.span()).hasValueSatisfying(s -> assertThat(s.start()).isEqualTo(2));
    }

    @Test
    void falseConjunctionIsDecidedByItsFirstFalseOperand() {
        MatchExplanation e = explain("{ $.a = 1 && $.b = 2 && $.c NOT EXISTS }", "{\"a\":1,\"b\":3,\"c\":0}");
        assertThat(e.decidingClauses()).extracting(ClauseResult::text).containsExactly("$.b = 2");
        assertThat(e.clauses()).extracting(ClauseResult::holds).containsExactly(true, false, false);
        assertThat(e.clauses()).extracting(ClauseResult::observed).containsExactly("1", "3", "0");
    }

    @Test
    void trueDisjunctionIsDecidedByItsFirstTrueOperand() {
        MatchExplanation e = explain("{ $.a = 1 || $.b = 2 }", "{\"b\":2}");
        assertThat(e.matched()).isTrue();
        assertThat(e.decidingClauses()).extracting(ClauseResult::text).containsExactly("$.b = 2");
        assertThat(e.clauses().get(0).observed()).isEqualTo("missing");
    }

    // O3 [OBSERVED]: the value a clause is decided on, and shown, is a repeated key's last one.
    @Test
    void aRepeatedKeyIsExplainedByItsLastValue() {
        MatchExplanation e = explain("{ $.level = \"ERROR\" }",
                "{\"level\":\"ERROR\",\"msg\":\"x\",\"level\":\"INFO\"}");
        assertThat(e.matched()).isFalse();
        assertThat(e.reason()).isEqualTo("$.level = \"ERROR\" fails (\"INFO\")");
        MatchExplanation nested = explain("{ $.a.b = 1 }", "{\"a\":{\"b\":1},\"a\":{\"c\":2}}");
        assertThat(nested.clauses().get(0).observed()).isEqualTo("missing");
    }

    // O2, O4, O5 [OBSERVED]: what the clause saw, with the rule's answer.
    @Test
    void stringsNullsBooleansAndArraysAreShownAsTheyAre() {
        assertThat(explain("{ $.n > 100 }", "{\"n\":\"500\"}").reason()).isEqualTo("$.n > 100 fails (\"500\")");
        assertThat(explain("{ $.v != \"root\" }", "{\"v\":null}").reason()).isEqualTo("$.v != \"root\" fails (null)");
        assertThat(explain("{ $.v = true }", "{\"v\":true}").reason()).isEqualTo("$.v = true fails (true)");
        assertThat(explain("{ $.v IS NULL }", "{\"v\":[1,null]}").reason())
                .isEqualTo("$.v IS NULL holds (an array holding null)");
    }

    @Test
    void wildcardClausesReportTheSelectedValue() {
        MatchExplanation e = explain("{ $.tags[*] = \"b\" }", "{\"tags\":[\"a\",\"b\"]}");
        assertThat(e.clauses().get(0).observed()).isEqualTo("a selected value is \"b\"");
        MatchExplanation none = explain("{ $.tags[*] = \"z\" }", "{\"other\":1}");
        assertThat(none.clauses().get(0).observed()).isEqualTo("no value selected");
    }

    @Test
    void messagesThatAreNotJsonSaySo() {
        assertThat(explain("{ $.a = 1 }", "plain text").reason()).isEqualTo("the message is not a JSON object");
        assertThat(explain("{ $.a = 1 }", "INFO {\"a\":1}").reason())
                .isEqualTo("the message is not a JSON object (it has text before its '{', and lenientJsonPrefix is"
                        + " off)");
        assertThat(explain("{ $.a = 1 }", "{\"a\":1").reason()).startsWith("the message is not well-formed JSON: ");
        assertThat(explain("{ $.a = 1 }", "{\"a\":1} {\"b\":2}").reason())
                .isEqualTo("the message is not a single well-formed JSON object");
    }

    @Test
    void termsReportPresenceAndTheTermThatDecided() {
        MatchExplanation e = explain("ERROR -ARGUMENTS ?timeout", "[ERROR 419] MISSING ARGUMENTS");
        assertThat(e.matched()).isFalse();
        assertThat(e.decidingClauses()).extracting(ClauseResult::text).containsExactly("-ARGUMENTS");
        assertThat(e.clauses()).extracting(ClauseResult::observed)
                .containsExactly("present", "present", "absent; ignored beside plain or - terms");
        assertThat(explain("?a ?b", "xbx").decidingClauses()).extracting(ClauseResult::text).containsExactly("?b");
    }

    @Test
    void delimitedPatternsReportTheFieldValues() {
        MatchExplanation e = explain("[ip, user, ..., status = 4*, size]", "1.2.3.4 - x \"GET /\" 200 512");
        assertThat(e.decidingClauses()).extracting(ClauseResult::text, ClauseResult::observed)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("status = 4*", "field 5 is \"200\""));
        assertThat(explain("[a, b, c]", "x y").reason()).isEqualTo("the message has 2 fields; the pattern needs at"
                + " least 3");
    }

    @Test
    void aMissOnALaterFieldIsDecidedByThatFieldAlone() {
        MatchExplanation e = explain("[a = x, b = y, c = z]", "x y q");
        assertThat(e.clauses()).extracting(ClauseResult::holds).containsExactly(true, true, false);
        assertThat(e.decidingClauses()).extracting(ClauseResult::text).containsExactly("c = z");
        assertThat(explain("[a = x, b = y]", "x y").decidingClauses()).hasSize(2);
    }

    @Test
    void aMissByTermsIsDecidedByTheFirstFailingTermAndAnAllOptionalMissByEveryTerm() {
        assertThat(explain("ERROR WARN -x", "ERROR x").decidingClauses()).extracting(ClauseResult::text)
                .containsExactly("WARN");
        assertThat(explain("?a ?b", "c").decidingClauses()).extracting(ClauseResult::text).containsExactly("?a", "?b");
        assertThat(explain("ERROR -x", "ERROR").decidingClauses()).extracting(ClauseResult::text)
                .containsExactly("ERROR", "-x");
    }

    @Test
    void aNestedJsonFormulaIsDecidedByTheOperandsThatShortCircuited() {
        MatchExplanation e = explain("{ ($.a = 1 || $.b = 2) && ($.c = 3 || $.d = 4) }",
                "{\"a\":0,\"b\":2,\"c\":0,\"d\":0}");
        assertThat(e.matched()).isFalse();
        assertThat(e.decidingClauses()).extracting(ClauseResult::text).containsExactly("$.c = 3", "$.d = 4");
        MatchExplanation hit = explain("{ ($.a = 1 || $.b = 2) && $.c = 3 }", "{\"a\":0,\"b\":2,\"c\":3}");
        assertThat(hit.decidingClauses()).extracting(ClauseResult::text).containsExactly("$.b = 2", "$.c = 3");
    }

    @Test
    void regexAndMatchAllExplainThemselves() {
        assertThat(explain("%^[hc]at%", "the cat").reason()).isEqualTo("%^[hc]at% fails (not found)");
        assertThat(explain("", "anything").reason()).isEqualTo("the empty pattern matches every event");
    }

    @Test
    void oversizedMessagesSaySo() {
        FilterPattern p = FilterPattern.compile("x", FilterOptions.builder().maxEventBytes(4).build());
        assertThat(p.explain("xxxxx").reason()).isEqualTo("the message is larger than maxEventBytes (4 bytes of"
                + " UTF-8)");
        assertThat(p.explain("xxxx").matched()).isTrue();
    }

    @Test
    void explanationsAgreeWithMatchingOnTheConformanceCases() {
        for (var c : dev.cwfilter.conformance.ConformanceFiles.read("match.jsonl")) {
            FilterPattern p = FilterPattern.compile(c.pattern());
            String event = c.json().get("event").asText();
            MatchExplanation e = p.explain(event);
            assertThat(e.matched()).as(c.describe()).isEqualTo(p.matches(event));
            assertThat(e.reason()).as(c.describe()).isNotBlank();
            if (!e.clauses().isEmpty()) {
                assertThat(e.decidingClauses()).as("deciding clauses of %s", c.describe()).isNotEmpty();
            }
        }
    }
}
