package dev.cwfilter.rules;

import static dev.cwfilter.rules.RuleAssertions.assertAccepted;
import static dev.cwfilter.rules.RuleAssertions.assertMatch;
import static dev.cwfilter.rules.RuleAssertions.assertMatches;
import static dev.cwfilter.rules.RuleAssertions.assertNoMatch;
import static dev.cwfilter.rules.RuleAssertions.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.cwfilter.FilterPattern;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Regular expressions {@code %...%}, SEMANTICS.md section 3 (where it is silent, the decisions stated in
 * {@code CloudWatchRegex}'s Javadoc). Table rows are {@code regex body | event | expected}.
 */
class RegexRules {

    private static void assertRegex(String body, String event, boolean expected) {
        assertMatch("%" + body + "%", event, expected);
    }

    // §3 "Search semantics: unanchored find": %AUTHORIZED% matches "[ERROR 401] UNAUTHORIZED REQUEST" [DOC].
    @Test
    void regexSearchesAnywhereInTheMessage() {
        assertMatches("%AUTHORIZED%", "[ERROR 401] UNAUTHORIZED REQUEST");
        assertNoMatch("%AUTHORIZED%", "[ERROR 401] DENIED");
    }

    // §3 "^ start anchor" (whole message for a standalone regex) [DOC S2].
    @ParameterizedTest(name = "%{0}% on [{1}] -> {2}")
    @CsvSource(delimiter = '|', value = {
            "^ERROR | ERROR at start   | true",
            "^ERROR | at end ERROR     | false",
            "^ERROR | ' ERROR'         | false",
    })
    void caretAnchorsAtTheStartOfTheMessage(String body, String event, boolean expected) {
        assertRegex(body, event, expected);
    }

    // §3 "$ end anchor" [DOC S2, doc example %[hc]at$%].
    @ParameterizedTest(name = "%{0}% on [{1}] -> {2}")
    @CsvSource(delimiter = '|', value = {
            "[hc]at$ | a black cat     | true",
            "[hc]at$ | a black cat!    | false",
            "[hc]at$ | cat in the hat? | false",
    })
    void dollarAnchorsAtTheEndOfTheMessage(String body, String event, boolean expected) {
        assertRegex(body, event, expected);
    }

    // CloudWatchRegex: "$ at its end or before a line terminator that ends it" (java.util.regex without flags, §3).
    @Test
    void dollarAlsoMatchesBeforeATrailingNewline() {
        assertMatches("%done$%", "all done\n");
        assertNoMatch("%done$%", "done\nand more");
        assertNoMatch("%^and%", "done\nand more");
    }

    // java.util.regex without flags: \r\n is one line terminator, so $ never matches between its two characters, and
    // an expression may consume the final terminator and still end with $.
    @Test
    void dollarTreatsAFinalCrLfAsOneTerminator() {
        assertMatches("%done$%", "all done\r\n");
        assertNoMatch("%\\x0D$%", "a\r\n");
        assertNoMatch("%\\S$%", "\r\n");
        assertMatches("%^\\x0D\\x0A$%", "\r\n");
        assertMatches("%a\\s%", "a\n");
        assertMatches("%a\\s$%", "a\n");
        assertNoMatch("%done$%", "done\n\n");
        assertMatches("%done$%", "done\u2028");
    }

    // §3 "? 0/1" [DOC S2].
    @ParameterizedTest(name = "%{0}% on [{1}] -> {2}")
    @CsvSource(delimiter = '|', value = {
            "^colou?r$ | color   | true",
            "^colou?r$ | colour  | true",
            "^colou?r$ | colouur | false",
    })
    void questionMarkMakesThePreviousItemOptional(String body, String event, boolean expected) {
        assertRegex(body, event, expected);
    }

    // §3 "[...] class incl. ranges" [DOC S2 %[Ee]rror%, [0-9]].
    @ParameterizedTest(name = "%{0}% on [{1}] -> {2}")
    @CsvSource(delimiter = '|', value = {
            "[Ee]rror      | Error here  | true",
            "[Ee]rror      | error here  | true",
            "[Ee]rror      | ERROR here  | false",
            "^v[0-9][a-c]$ | v7b         | true",
            "^v[0-9][a-c]$ | v7d         | false",
            "^v[0-9][a-c]$ | vxb         | false",
    })
    void bracketsMatchOneCharacterOfTheClass(String body, String event, boolean expected) {
        assertRegex(body, event, expected);
    }

    // §3 "[^...] negation (used in the doc example ab[^c]$)" [DOC S2].
    @ParameterizedTest(name = "%{0}% on [{1}] -> {2}")
    @CsvSource(delimiter = '|', value = {
            "ab[^c]$ | xabd | true",
            "ab[^c]$ | xabc | false",
            "ab[^c]$ | xab  | false",
    })
    void caretInBracketsNegatesTheClass(String body, String event, boolean expected) {
        assertRegex(body, event, expected);
    }

    // §3 "{m,n} (either bound may be omitted)": {m,n}, {m}, {m,} and {,n} [DOC S2].
    @ParameterizedTest(name = "%{0}% on [{1}] -> {2}")
    @CsvSource(delimiter = '|', value = {
            "^a{2,3}$  | a      | false",
            "^a{2,3}$  | aa     | true",
            "^a{2,3}$  | aaa    | true",
            "^a{2,3}$  | aaaa   | false",
            "^a{2}$    | aa     | true",
            "^a{2}$    | aaa    | false",
            "^a{2,}$   | a      | false",
            "^a{2,}$   | aaaaaa | true",
            "^a{,2}b$  | b      | true",
            "^a{,2}b$  | aab    | true",
            "^a{,2}b$  | aaab   | false",
            "a{3,5}    | aaa    | true",
    })
    void bracesBoundTheRepetitions(String body, String event, boolean expected) {
        assertRegex(body, event, expected);
    }

    // §3 "| alternation": %gra|ey% "can match gray or grey" [DOC S2].
    @ParameterizedTest(name = "%{0}% on [{1}] -> {2}")
    @CsvSource(delimiter = '|', value = {
            "gray | true",
            "grey | true",
            "gryy | false",
    })
    void barSeparatesAlternatives(String event, boolean expected) {
        assertRegex("gra|ey", event, expected);
    }

    // §3 "| binds loosest": %^starting|^initializing|^shutting down% does not match "skipping initializing" [DOC].
    @ParameterizedTest(name = "%{0}% on [{1}] -> {2}")
    @CsvSource(delimiter = ';', value = {
            "^starting|^initializing|^shutting down ; skipping initializing cache ; false",
            "^starting|^initializing|^shutting down ; initializing cache          ; true",
            "^starting|^initializing|^shutting down ; shutting down now           ; true",
            "ab|cd                                  ; ab                          ; true",
            "ab|cd                                  ; acd                         ; true",
            "ab|cd                                  ; ad                          ; false",
            "^ab|cd$                                ; xxcd                        ; true",
            "^ab|cd$                                ; abxx                        ; true",
            "^ab|cd$                                ; xabcdx                      ; false",
    })
    void barHasTheLowestPrecedence(String body, String event, boolean expected) {
        assertRegex(body, event, expected);
    }

    // §3 "\ escape": a backslash before an operator makes it literal [DOC S2, doc example %\[.\]%].
    @ParameterizedTest(name = "%{0}% on [{1}] -> {2}")
    @CsvSource(delimiter = ';', quoteCharacter = '"', value = {
            "^1\\.5$   ; 1.5   ; true",
            "^1\\.5$   ; 105   ; false",
            "^a\\*b$   ; a*b   ; true",
            "^a\\*b$   ; aab   ; false",
            "^a\\+$    ; a+    ; true",
            "^a\\?$    ; a?    ; true",
            "^a\\?$    ; a     ; false",
            "^\\^x$    ; ^x    ; true",
            "^x\\$$    ; x$    ; true",
            "\\[.\\]   ; [@]   ; true",
            "^\\{1\\}$ ; {1}   ; true",
            "^a\\|b$   ; a|b   ; true",
            "^a\\|b$   ; a     ; false",
            "^a\\\\b$  ; a\\b  ; true",
    })
    void backslashMakesAnOperatorLiteral(String body, String event, boolean expected) {
        assertRegex(body, event, expected);
    }

    // §3 "*" zero or more [DOC S2 %ab*c%].
    @ParameterizedTest(name = "%{0}% on [{1}] -> {2}")
    @CsvSource(delimiter = '|', value = {
            "^ab*c$ | ac    | true",
            "^ab*c$ | abbbc | true",
            "^ab*c$ | abxc  | false",
    })
    void asteriskRepeatsZeroOrMoreTimes(String body, String event, boolean expected) {
        assertRegex(body, event, expected);
    }

    // §3 "+" one or more [DOC S2].
    @ParameterizedTest(name = "%{0}% on [{1}] -> {2}")
    @CsvSource(delimiter = '|', value = {
            "^ab+c$ | ac    | false",
            "^ab+c$ | abc   | true",
            "^ab+c$ | abbbc | true",
    })
    void plusRepeatsOneOrMoreTimes(String body, String event, boolean expected) {
        assertRegex(body, event, expected);
    }

    // §3 ". any single char" [DOC S2 %.at%].
    @ParameterizedTest(name = "%{0}% on [{1}] -> {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "^.at$ | \" at\" | true",
            "^.at$ | cat     | true",
            "^.at$ | at      | false",
            "^.at$ | chat    | false",
            "^a.c$ | aéc     | true",
    })
    void dotMatchesAnySingleCharacter(String body, String event, boolean expected) {
        assertRegex(body, event, expected);
    }

    // §3 Java mapping "no flags" / CloudWatchRegex: ". matches any character but a line terminator".
    @Test
    void dotDoesNotMatchANewline() {
        assertNoMatch("%a.c%", "a\nc");
        assertNoMatch("%a.c%", "a\rc");
        assertMatches("%a.c%", "a\tc");
    }

    // §3 "\d \D" digit / non-digit [DOC S2].
    @ParameterizedTest(name = "%{0}% on [{1}] -> {2}")
    @CsvSource(delimiter = '|', value = {
            "^\\d+$ | 0123456789 | true",
            "^\\d+$ | 12a        | false",
            "^\\D+$ | abc-:      | true",
            "^\\D+$ | ab1        | false",
    })
    void backslashDMatchesDigitsAndCapitalDTheRest(String body, String event, boolean expected) {
        assertRegex(body, event, expected);
    }

    // §3 "whitespace = tab, space, newline" for \s; \S the rest [DOC S2].
    @Test
    void backslashSIsTabSpaceOrNewlineOnly() {
        assertMatches("%a\\sb%", "a b");
        assertMatches("%a\\sb%", "a\tb");
        assertMatches("%a\\sb%", "a\nb");
        assertNoMatch("%a\\sb%", "a\rb");
        assertNoMatch("%a\\sb%", "a\u000Bb");
        assertNoMatch("%a\\sb%", "a\fb");
        assertNoMatch("%\\s%", "ab");
    }

    // §3 \S is the complement of \s (tab, space, newline) [DOC S2].
    @Test
    void capitalBackslashSIsEverythingButTabSpaceAndNewline() {
        assertMatches("%a\\Sb%", "a-b");
        assertMatches("%a\\Sb%", "a\rb");
        assertNoMatch("%a\\Sb%", "a b");
        assertNoMatch("%a\\Sb%", "a\tb");
        assertNoMatch("%a\\Sb%", "a\nb");
    }

    // §3 "\w = [a-zA-Z_0-9]"; \W the rest [DOC S2].
    @ParameterizedTest(name = "%{0}% on [{1}] -> {2}")
    @CsvSource(delimiter = '|', value = {
            "^\\w+$ | aZ_09 | true",
            "^\\w+$ | a-b   | false",
            "^\\w+$ | café  | false",
            "^\\W+$ | -:/ é | true",
            "^\\W+$ | -a-   | false",
            "^\\W+$ | _     | false",
    })
    void backslashWIsLettersDigitsAndUnderscore(String body, String event, boolean expected) {
        assertRegex(body, event, expected);
    }

    // §3 "Use \xhh for unsupported ASCII symbols (%\x3A% matches :, %\x28% matches ()" [DOC S2].
    @ParameterizedTest(name = "%{0}% on [{1}] -> {2}")
    @CsvSource(delimiter = '|', value = {
            "\\x3A          | key:value | true",
            "\\x3A          | key=value | false",
            "\\x28\\d+\\x29 | code (42) | true",
            "\\x28\\d+\\x29 | code 42   | false",
            "\\x21          | wow!      | true",
            "50\\x25        | 50%       | true",
    })
    void backslashXhhMatchesThatAsciiCharacter(String body, String event, boolean expected) {
        assertRegex(body, event, expected);
    }

    // §3 "Allowed characters: A-Z a-z 0-9, symbols : _ # = @ / ; , -" as literals; U18 literal space allowed.
    @Test
    void documentedSymbolsAndSpaceAreLiterals() {
        assertMatches("%a:b_c#d=e@f/g;h,i-j k%", "x a:b_c#d=e@f/g;h,i-j k y");
        assertNoMatch("%a:b_c#d=e@f/g;h,i-j k%", "x a:b_c#d=e@f/g;h,i-jk y");
        assertMatches("%bind: address already in use%", "listen tcp: bind: address already in use");
    }

    // §3 / §10.2 "Case-sensitive (use [Ee]rror)" [DOC example %[Ee]rror|[Ff]ail%].
    @Test
    void regexIsCaseSensitive() {
        assertNoMatch("%error%", "ERROR: disk");
        assertMatches("%[Ee]rror|[Ff]ail%", "build fail");
        assertMatches("%[Ee]rror|[Ff]ail%", "Error 5");
        assertNoMatch("%[Ee]rror|[Ff]ail%", "FAIL and ERROR");
    }

    // §3 "( and ) are not supported (no groups) - the API rejects them"; "%something!% is rejected";
    // "Multi-byte characters are not supported"; escapes are \d \D \s \S \w \W \xhh and \ before an operator.
    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"%(a+)+b%", "%(foo)%", "%a)%", "%something!%", "%café%", "%日本%", "%\\q%", "%\\b%",
            "%\\x4%", "%\\xZZ%", "%a\"b%", "%a<b%", "%a'b%", "%~%"})
    void unsupportedRegexFormsAreRejected(String pattern) {
        assertRejected(pattern);
    }

    // §3 regex in JSON: "{ $.eventType = %Trail% } matches UpdateTrail"; anchors apply to the value [DOC].
    @Test
    void regexInJsonSearchesTheSelectedValue() {
        String event = "{\"eventType\":\"UpdateTrail\",\"path\":\"/api/v1\",\"other\":\"x/api\"}";
        assertMatches("{ $.eventType = %Trail% }", event);
        assertMatches("{ $.path = %^/api% }", event);
        assertNoMatch("{ $.other = %^/api% }", event);
        assertMatches("{ $.other = %/api$% }", event);
        assertNoMatch("{ $.path = %/api$% }", event);
        assertNoMatch("{ $.eventType = %^Trail% }", event);
    }

    // §3 "^/$ anchor to the start/end of the searched string (... the field value for JSON/space-delimited,
    // e.g. url=%/service/resource/[0-9]+$%)" [DOC].
    @ParameterizedTest(name = "[{0}] -> {1}")
    @CsvSource(delimiter = '|', value = {
            "GET /service/resource/123 200   | true",
            "GET /x/service/resource/123 200 | false",
            "GET /service/resource/123x 200  | false",
            "GET /service/resource/ 200      | false",
    })
    void regexInDelimitedFieldIsAnchoredToTheField(String event, boolean expected) {
        assertMatch("[method, url=%^/service/resource/[0-9]+$%, status]", event, expected);
    }

    // §3 "in space-delimited w1=%WARN% is described as 'any superstring of WARN'" [DOC].
    @Test
    void regexInDelimitedFieldSearchesTheField() {
        assertMatches("[w1=%WARN%, w2]", "XWARNING something happened");
        assertNoMatch("[w1=%WARN%, w2]", "INFO WARN in second field");
    }

    // §3 regex in a JSON value is case-sensitive and tested against the text of numbers too (RegexTest Javadoc).
    @Test
    void regexInJsonSearchesTheTextOfANumber() {
        assertMatches("{ $.code = %^4\\d\\d$% }", "{\"code\": 404}");
        assertNoMatch("{ $.code = %^4\\d\\d$% }", "{\"code\": 500}");
    }

    // §3 "max 2 regex per filter pattern for delimited or JSON patterns" [DOC S1/S2].
    @Test
    void jsonPatternHoldsAtMostTwoRegularExpressions() {
        assertAccepted("{ $.a = %x% && $.b = %y% }");
        assertRejected("{ $.a = %x% && $.b = %y% && $.c = %z% }");
    }

    // §3 "max 2 regex per filter pattern for delimited or JSON patterns" [DOC S1/S2].
    @Test
    void delimitedPatternHoldsAtMostTwoRegularExpressions() {
        assertAccepted("[a=%x%, b=%y%, c]");
        assertRejected("[a=%x%, b=%y%, c=%z%]");
        assertRejected("[a=%x% || a=%y% || a=%z%, b]");
    }

    // §11 U10: "Mixing regex with terms in unstructured pattern -> Reject".
    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"%foo% -bar", "ERROR %foo%", "?%a% ?%b%"})
    void regexCannotBeMixedWithTerms(String pattern) {
        assertRejected(pattern);
    }

    // §3 "Java mapping: translate ... with find()" and CloudWatchRegex/RegexMatcher: matching is linear in the
    // message. A hang guard on a classic catastrophic input (not a speed test).
    @Test
    void regexMatchingFinishesOnACatastrophicInput() {
        FilterPattern pattern = FilterPattern.compile("%a*a*a*a*a*a*b%");
        String event = "a".repeat(100_000);
        boolean[] answers = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> new boolean[] {pattern.matches(event), pattern.matches(event + "b")});
        assertThat(answers).containsExactly(false, true);
    }

    // §3 "Use \\xhh for unsupported ASCII symbols": the character is always a literal, even an operator's.
    @ParameterizedTest(name = "%{0}% on [{1}] -> {2}")
    @CsvSource(delimiter = ';', value = {
            "^a\\x2Eb$ ; a.b ; true",
            "^a\\x2Eb$ ; aXb ; false",
            "^\\x5Ea$  ; ^a  ; true",
            "^a\\x2A$  ; a*  ; true",
            "^a\\x2A$  ; a   ; false",
            "^\\x7C$   ; |   ; true",
            "^\\x7C$   ; x   ; false",
    })
    void hexEscapeOfAnOperatorIsALiteral(String body, String event, boolean expected) {
        assertRegex(body, event, expected);
    }

    // §3 "[...] class incl. ranges": escapes and shorthands inside a class, and operators inside it are literal.
    @ParameterizedTest(name = "%{0}% on [{1}] -> {2}")
    @CsvSource(delimiter = ';', value = {
            "^[\\d_]+$     ; 1_2    ; true",
            "^[\\d_]+$     ; 1-2    ; false",
            "^[^\\s]+$     ; a-b    ; true",
            "^[^\\s]+$     ; a b    ; false",
            "^[\\x41-\\x43]+$ ; ABC ; true",
            "^[\\x41-\\x43]+$ ; ABD ; false",
            "^[.]$         ; .      ; true",
            "^[.]$         ; x      ; false",
            "^[\\]x]+$     ; ]x]    ; true",
    })
    void classMembersMayBeEscapesAndShorthands(String body, String event, boolean expected) {
        assertRegex(body, event, expected);
    }

    // §3 ". any single char": one character, also outside the Basic Multilingual Plane.
    @Test
    void dotMatchesOneCharacterOutsideTheBmp() {
        assertMatches("%^.$%", "😀");
        assertNoMatch("%^..$%", "😀");
    }

    // §3 regex in space-delimited fields with != (the negation of the unanchored search in the field).
    @Test
    void notEqualsRegexInDelimitedFieldIsTheNegation() {
        assertMatches("[a, b!=%^x%]", "k yx");
        assertNoMatch("[a, b!=%^x%]", "k xy");
    }

    // §3: a regex inside a JSON pattern keeps its own syntax: | is alternation (not ||), \\} \\{ are literals.
    @Test
    void regexInJsonKeepsItsOperators() {
        assertMatches("{ $.level = %^ERROR|^WARN% }", "{\"level\":\"WARNING\"}");
        assertNoMatch("{ $.level = %^ERROR|^WARN% }", "{\"level\":\"INFO WARN\"}");
        assertMatches("{ $.a = %^\\{\\}$% }", "{\"a\":\"{}\"}");
        assertMatches("{ $.a = %^x,y$% && $.b = 1 }", "{\"a\":\"x,y\",\"b\":1}");
    }

    // §3: a regex inside a space-delimited pattern keeps its own syntax: , is a literal (not a field separator),
    // \\] a literal bracket; it is tested on the field's value with its quotes removed (§5.1).
    @Test
    void regexInDelimitedFieldKeepsItsOperators() {
        assertMatches("[a, b=%^x,y$%, c]", "k x,y z");
        assertMatches("[a, b=%^\\[x\\]$%, c]", "k \"[x]\" z");
        assertMatches("[a, b=%^x$%, c]", "k [x] z");
        assertMatches("[a, b=%^x\\sy$%, c]", "k \"x y\" z");
        assertNoMatch("[a, b=%^x\\sy$%, c]", "k x y z");
    }
}
