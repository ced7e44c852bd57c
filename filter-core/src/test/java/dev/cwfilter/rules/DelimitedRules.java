package dev.cwfilter.rules;

import static dev.cwfilter.rules.RuleAssertions.assertAccepted;
import static dev.cwfilter.rules.RuleAssertions.assertMatch;
import static dev.cwfilter.rules.RuleAssertions.assertMatches;
import static dev.cwfilter.rules.RuleAssertions.assertNoMatch;
import static dev.cwfilter.rules.RuleAssertions.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.cwfilter.FilterOptions;
import dev.cwfilter.MetricFilter;
import dev.cwfilter.MetricFilterMatchRecord;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Space-delimited patterns, SEMANTICS.md section 5, one test per rule. */
class DelimitedRules {

    static final String APACHE =
            "127.0.0.1 - frank [10/Oct/2000:13:25:15 -0700] \"GET /apache_pb.gif HTTP/1.0\" 200 1534";

    /** The values TestMetricFilter extracts (the public view of the fields), or null if the event does not match. */
    static Map<String, String> extracted(String pattern, FilterOptions options, String event) {
        MetricFilter filter = MetricFilter.builder().filterPattern(pattern).options(options).build();
        List<MetricFilterMatchRecord> matches = filter.test(List.of(event)).matches();
        return matches.isEmpty() ? null : matches.get(0).extractedValues();
    }

    static Map<String, String> extracted(String pattern, String event) {
        return extracted(pattern, FilterOptions.defaults(), event);
    }

    // §5.1 "a run of characters between [ and ] or between two " is one field (brackets/quotes are delimiters and
    // are not part of the extracted value)" [DOC, API S7].
    @Test
    void bracketsAndQuotesGroupAFieldAndAreStripped() {
        assertThat(extracted("[ip, identity, user, timestamp, request, status, size]", APACHE))
                .containsEntry("$timestamp", "10/Oct/2000:13:25:15 -0700")
                .containsEntry("$request", "GET /apache_pb.gif HTTP/1.0")
                .containsEntry("$status", "200");
        assertMatches("[ip, identity, user, timestamp=\"10/Oct/2000:13:25:15 -0700\", request, status, size]",
                APACHE);
        assertMatches("[ip, identity, user, timestamp, request=\"GET /apache_pb.gif HTTP/1.0\", status, size]",
                APACHE);
    }

    // §5.1 / U19 "treating any whitespace (space, tab) as a delimiter and collapsing runs".
    @Test
    void tabsSeparateFields() {
        String lambda = "2024-01-01T00:00:00.000Z\tabc-123\tINFO\tstarted";
        assertMatches("[timestamp=*Z, request_id=\"*-*\", level=INFO, event]", lambda);
        assertThat(extracted("[timestamp, request_id, level, event]", lambda))
                .containsEntry("$request_id", "abc-123").containsEntry("$level", "INFO");
    }

    // §5.1 "collapsing runs" of whitespace [U19].
    @Test
    void runsOfSpacesSeparateFieldsOnce() {
        assertMatches("[a=x, b=y, c=z]", "x    y \t  z");
        assertThat(extracted("[a, b, c]", "x    y \t  z")).containsEntry("$b", "y");
    }

    // O6 [OBSERVED, obs-o6-*]: a '"' that is never closed is an ordinary character; it does not open a quoted field.
    @Test
    void anUnclosedQuoteIsAnOrdinaryCharacter() {
        assertMatches("[level, word, rest]", "WARN \"half open");
        assertThat(extracted("[level, word, rest]", "WARN \"half open"))
                .containsExactly(entry("$level", "WARN"), entry("$word", "\"half"), entry("$rest", "open"));
        assertThat(extracted("[a, b, c]", "ERROR \"unterminated words"))
                .containsExactly(entry("$a", "ERROR"), entry("$b", "\"unterminated"), entry("$c", "words"));
        assertMatches("[a, b=\"\\\"q\", ...]", "x \"q r s");
        assertNoMatch("[a, b=\"q r s\", ...]", "x \"q r s");
        assertMatches("[a, b, c, d]", "x \"q r s");
        // A quote in the middle of a field was always ordinary; one that is closed later still opens a field.
        assertThat(extracted("[a, b]", "x \"two words\"")).containsExactly(entry("$a", "x"), entry("$b", "two words"));
        assertThat(extracted("[a, b, c]", "x \"q \"r s")).containsExactly(entry("$a", "x"), entry("$b", "q "),
                entry("$c", "r s"));
    }

    // O6 and U1 [OBSERVED]: the last field that absorbs the rest keeps it raw, an unclosed quote included; only a rest
    // that is exactly one (closed) quoted field loses its quotes.
    @Test
    void theAbsorbingLastFieldKeepsAnUnclosedQuote() {
        assertThat(extracted("[level, msg]", "WARN \"half open"))
                .containsExactly(entry("$level", "WARN"), entry("$msg", "\"half open"));
        assertThat(extracted("[level, msg]", "WARN \"closed\"")).containsEntry("$msg", "closed");
        assertThat(extracted("[level, msg]", "WARN \"two\" words")).containsEntry("$msg", "\"two\" words");
    }

    // §5.1 "Recommend: no nesting; unbalanced opener extends to end of line": still so for '[', which O6 does not
    // mention.
    @Test
    void anUnclosedBracketRunsToTheEndOfItsLine() {
        assertMatches("[a, b=\"q r s\", ...]", "x [q r s");
        assertNoMatch("[a, b, c, ...]", "x [q r s");
        assertThat(extracted("[a, b, c]", "x [q r\ny z")).containsEntry("$b", "q r").containsEntry("$c", "y z");
    }

    // §5.4 "named pattern fields -> $<name>" [API S7].
    @Test
    void namedFieldsExtractByName() {
        assertThat(extracted("[ip, identity, user_id, timestamp, request, status_code, size]", APACHE))
                .containsEntry("$ip", "127.0.0.1").containsEntry("$identity", "-").containsEntry("$user_id", "frank")
                .containsEntry("$size", "1534");
    }

    // §5.3 "With ...: fields before ... align to the event start, fields after it align to the end; ... absorbs the
    // middle" [DOC, API S7] - ... at the start.
    @Test
    void leadingEllipsisAlignsTheRestWithTheEnd() {
        assertMatches("[..., status=200, size=1534]", APACHE);
        assertNoMatch("[..., size=200]", APACHE);
        assertMatches("[..., size]", "only");
    }

    // §5.3 ... in the middle.
    @Test
    void middleEllipsisAbsorbsTheFieldsBetween() {
        assertMatches("[ip=127.0.0.1, ..., size=1534]", APACHE);
        assertNoMatch("[ip=127.0.0.1, ..., size=200]", APACHE);
        assertMatches("[first=a, ..., last=b]", "a b");
        assertNoMatch("[first=a, ..., last=a]", "a");
    }

    // §5.3 ... at the end.
    @Test
    void trailingEllipsisAlignsTheRestWithTheStart() {
        assertMatches("[ip=127.0.0.1, identity, user=frank, ...]", APACHE);
        assertNoMatch("[ip=127.0.0.1, user=frank, ...]", APACHE);
        assertMatches("[ip=10.0.0.1, ...]", "10.0.0.1 GET /index 200 1024");
    }

    // §5.2 "... matches zero or more fields" [INFERRED].
    @Test
    void ellipsisMayCoverNoField() {
        assertMatches("[a=x, ..., b=y]", "x y");
        assertMatches("[a=x, ...]", "x");
    }

    // §5.2 "At most one ..." [S19].
    @Test
    void atMostOneEllipsis() {
        assertRejected("[..., a, ...]");
    }

    // §5.2 "An empty field (trailing comma ...) is allowed and acts as an unnamed positional field" [API S7].
    @Test
    void emptyFieldIsAnUnnamedPositionalField() {
        String event = "127.0.0.1 - frank [10/Oct/2000:13:25:15 -0700] \"GET /index.html HTTP/1.0\" 404 1534";
        assertMatches("[..., request=*.html*, status_code=4*,]", event);
        assertMatches("[ip, , user=frank, ...]", event);
        assertNoMatch("[..., request=*.html*, status_code=4*,]", APACHE);
    }

    // §5.2 "[] (no fields) matches every event and extracts every field positionally" [API S7].
    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"x", "a b c", "{\"a\":1}", "  spaced  out  "})
    void emptyFieldListMatchesEveryEvent(String event) {
        assertMatches("[]", event);
    }

    // §5.2 "String conditions: =/!= with * wildcards (4*, *.html*)" [DOC].
    @ParameterizedTest(name = "{0} on [{1}] -> {2}")
    @CsvSource(delimiter = '|', value = {
            "[a, s=4*]         | x 404        | true",
            "[a, s=4*]         | x 504        | false",
            "[a, r=*.html*]    | x /i.html?q  | true",
            "[a, r=*.html*]    | x /i.htm     | false",
            "[a, r=*.gif]      | x /a.gif     | true",
            "[a, s!=4*]        | x 504        | true",
            "[a, s!=4*]        | x 404        | false",
            "[a, s=*]          | x anything   | true",
    })
    void wildcardConditionsMatchFieldText(String pattern, String event, boolean expected) {
        assertMatch(pattern, event, expected);
    }

    // §5.2 string equality is exact and case-sensitive (§10.2); U7 a middle * is literal in delimited strings too.
    @Test
    void stringConditionIsExactAndMiddleAsteriskIsLiteral() {
        assertMatches("[w1=ERROR, w2]", "ERROR message");
        assertNoMatch("[w1=ERROR, w2]", "ERRORS message");
        assertNoMatch("[w1=ERROR, w2]", "error message");
        assertMatches("[a, b=Ev*ent]", "x Ev*ent");
        assertNoMatch("[a, b=Ev*ent]", "x EvXent");
    }

    // §5.2 "Numeric conditions: > < >= <= = != compare the field text as a number (bytes > 1000 matches 1534)".
    @ParameterizedTest(name = "{0} on [{1}] -> {2}")
    @CsvSource(delimiter = '|', value = {
            "[a, bytes > 1000]  | x 1534  | true",
            "[a, bytes > 1000]  | x 999   | false",
            "[a, bytes > 1000]  | x 1000  | false",
            "[a, bytes >= 1000] | x 1000  | true",
            "[a, bytes < 10]    | x 9.5   | true",
            "[a, bytes <= -1]   | x -2    | true",
            "[a, bytes > 9]     | x 10    | true",
            "[a, bytes > 1000]  | x -     | false",
            "[a, bytes < 1000]  | x abc   | false",
    })
    void numericConditionsCompareTheFieldAsANumber(String pattern, String event, boolean expected) {
        assertMatch(pattern, event, expected);
    }

    // §5.2 "=/!= with a bare number: recommend numeric if both sides parse as numbers, else string".
    @ParameterizedTest(name = "{0} on [{1}] -> {2}")
    @CsvSource(delimiter = '|', value = {
            "[a, code=404]   | x 404      | true",
            "[a, code=404]   | x 404.0    | true",
            "[a, code=404]   | x 405      | false",
            "[a, code=404]   | x 404abc   | false",
            "[a, code!=404]  | x 404      | false",
            "[a, code!=404]  | x 500      | true",
            "[a, code!=404]  | x abc      | true",
    })
    void equalityWithANumberIsNumericForNumbersAndTextOtherwise(String pattern, String event, boolean expected) {
        assertMatch(pattern, event, expected);
    }

    // §5.2 "Regex: url=%/service/resource/[0-9]+$%" [DOC]; anchors apply to the field (§3).
    @ParameterizedTest(name = "[{0}] -> {1}")
    @CsvSource(delimiter = '|', value = {
            "INFO 09/25/2014 12:00:00 GET /service/resource/67/part/111 1200   | true",
            "INFO 09/25/2014 12:00:00 GET /service/resource/67 1200            | false",
            "INFO 09/25/2014 12:00:00 GET /service/resource/67/part/111x 1200  | false",
    })
    void regexConditionIsAnchoredToTheField(String event, boolean expected) {
        assertMatch("[logLevel, date, time, method, url=%/service/resource/[0-9]+/part/[0-9]+$%, response_time]",
                event, expected);
    }

    // §5.2 "Conditions combined with && / || inside one slot reference the slot's own field" [DOC].
    @ParameterizedTest(name = "{0} on [{1}] -> {2}")
    @CsvSource(delimiter = ';', value = {
            "[w1=ERROR || w1=WARN, w2]             ; ERROR message   ; true",
            "[w1=ERROR || w1=WARN, w2]             ; WARN message    ; true",
            "[w1=ERROR || w1=WARN, w2]             ; INFO message    ; false",
            "[w1!=ERROR && w1!=WARNING, w2]        ; INFO message    ; true",
            "[w1!=ERROR && w1!=WARNING, w2]        ; WARNING message ; false",
            "[a, s = 404 || s = 410, b]            ; x 410 y         ; true",
            "[a, s = 404 || s = 410, b]            ; x 400 y         ; false",
            "[a, s > 200 && s < 300, b]            ; x 250 y         ; true",
            "[a, s > 200 && s < 300, b]            ; x 300 y         ; false",
    })
    void andAndOrCombineConditionsOnTheSameField(String pattern, String event, boolean expected) {
        assertMatch(pattern, event, expected);
    }

    // §5.2 "A slot combining a different field (status_code = 4* && bytes > 1000) ... Recommend rejecting" [E2 #21].
    @Test
    void conditionsOnAnotherFieldInOneSlotAreRejected() {
        assertRejected("[ip, status_code = 4* && bytes > 1000]");
        assertRejected("[a, b = 1 || a = 2]");
    }

    // §5.2 field names: [a-zA-Z0-9_-]+ [S19].
    @Test
    void fieldNamesMayHoldLettersDigitsUnderscoreAndHyphen() {
        assertAccepted("[w1, request_id, x-forwarded-for, ...]");
    }

    // §5.3 "Event with fewer fields than required (non-... fields) -> no match" [INFERRED].
    @Test
    void fewerEventFieldsThanPatternFieldsNeverMatch() {
        assertNoMatch("[a, b, c]", "x y");
        assertNoMatch("[a, ..., b, c]", "x y");
        assertNoMatch("[a, b, c]", "x \"y z\"");
    }

    // §5.3 / U1 "the last pattern field absorbs all remaining text (its extracted value = the remainder from its
    // first character to end of message, original spacing preserved)".
    @Test
    void lastFieldAbsorbsTheRestOfTheLine() {
        String event = "ERROR 09/25/2014 12:00:02 Failed to process request";
        assertMatches("[w1=ERROR, w2]", event);
        assertThat(extracted("[w1=ERROR, w2]", event))
                .containsEntry("$w2", "09/25/2014 12:00:02 Failed to process request");
        assertThat(extracted("[a, rest]", "x y   z")).containsOnly(Map.entry("$a", "x"), Map.entry("$rest", "y   z"));
    }

    // §5.3 / U1: the absorbing field's condition is tested on the whole remainder.
    @Test
    void lastFieldConditionSeesTheWholeRemainder() {
        assertMatches("[a, rest=\"y z\"]", "x y z");
        assertNoMatch("[a, rest=y]", "x y z");
        assertMatches("[a, rest=y*]", "x y z");
    }

    // §5.3 documented uses of U1: Lambda [timestamp=*Z, request_id="*-*", event] [E5].
    @Test
    void lambdaPatternMatchesLongerLines() {
        assertMatches("[timestamp=*Z, request_id=\"*-*\", event]",
                "2018-07-10T22:34:59.702Z 78c487eb-8495-11e8-a6fb-a9bc1ea2ff2c Task finished in 3 ms");
        assertMatches("[log_level, timestamp = *Z, request_id, event]",
                "[WARNING] 2018-07-10T22:34:59.702Z 78c487eb-8495-11e8-a6fb-a9bc1ea2ff2c blocklist: set()");
    }

    // §11 U1 "flag exactFieldCount": without ..., the event needs exactly as many fields as the pattern.
    @Test
    void exactFieldCountRequiresAsManyFieldsAsThePattern() {
        FilterOptions exact = FilterOptions.builder().exactFieldCount(true).build();
        assertNoMatch("[w1=ERROR, w2]", exact, "ERROR WARN message");
        assertMatches("[w1=ERROR, w2]", exact, "ERROR message");
        assertNoMatch("[w1=ERROR, w2]", exact, "WARN message");
        assertNoMatch("[w1=ERROR, w2, w3]", exact, "ERROR message");
        assertMatches("[w1=ERROR, ...]", exact, "ERROR WARN message");
        assertMatches("[w1=ERROR, w2]", "ERROR WARN message");
    }

    // §5.2 grammar: fields are separated by commas; a value must follow an operator.
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"[a b]", "[a=]", "[a, b", "[a = 1 &&]", "[a ~ 1]"})
    void malformedDelimitedPatternsAreRejected(String pattern) {
        assertRejected(pattern);
    }

    // §5.1 "no nesting": inside a quoted field brackets are plain text, inside a bracketed field quotes are.
    @Test
    void delimitersInsideAGroupAreLiteral() {
        assertThat(extracted("[a, b, c]", "x \"q [r] s\" z")).containsEntry("$b", "q [r] s").containsEntry("$c", "z");
        assertThat(extracted("[a, b, c]", "x [q \"r\" s] z")).containsEntry("$b", "q \"r\" s")
                .containsEntry("$c", "z");
    }

    // §5.3 / U1 "its extracted value = the remainder from its first character to end of message, original spacing
    // preserved".
    @Test
    void absorbingFieldKeepsTheRemainderToTheEndOfTheMessage() {
        assertThat(extracted("[a, rest]", "x y  z  ")).containsEntry("$rest", "y  z  ");
    }

    // §5.1 fields are found after leading whitespace too.
    @Test
    void leadingWhitespaceIsNotAField() {
        assertMatches("[a=x, b=y, ...]", "   x y z");
        assertThat(extracted("[]", "  x  y ")).containsOnlyKeys("$1", "$2");
    }
}
