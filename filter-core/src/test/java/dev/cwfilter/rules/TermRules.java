package dev.cwfilter.rules;

import static dev.cwfilter.rules.RuleAssertions.assertAccepted;
import static dev.cwfilter.rules.RuleAssertions.assertMatch;
import static dev.cwfilter.rules.RuleAssertions.assertMatches;
import static dev.cwfilter.rules.RuleAssertions.assertNoMatch;
import static dev.cwfilter.rules.RuleAssertions.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cwfilter.FilterPattern;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Unstructured term patterns, SEMANTICS.md sections 1 and 2, one test per rule. */
class TermRules {

    // §2.2 "Substring, not token" [OLD-DOC S6]: ERROR matches "Exiting with ERRORCODE: -1".
    @Test
    void termMatchesInsideLongerWords() {
        assertMatches("ERROR", "Exiting with ERRORCODE: -1");
        assertMatches("Exception", "[ERROR] Caught IllegalArgumentException");
    }

    // §2.2 [API S7]: "[ERROR]" Exception matches only through the substring inside InvalidQueryException.
    @Test
    void quotedTermMatchesAsSubstringToo() {
        assertMatches("\"[ERROR]\" Exception",
                "02 May 2014 00:35:14,245 [ERROR] Unhanded exception: InvalidQueryException");
        assertNoMatch("\"[ERROR]\"", "02 May 2014 00:35:14,245 [DEBUG] Database connection established");
    }

    // §2.2 "Case-sensitive" [DOC S1/S3, S12].
    @Test
    void termsAreCaseSensitive() {
        assertNoMatch("ERROR", "error: disk full");
        assertNoMatch("cloudwatch", "Cloudwatch");
        assertNoMatch("\"Disk Full\"", "disk full");
    }

    // §2.2 "AND: multiple plain terms -> all must occur (any order, may overlap)" [DOC S1].
    @Test
    void everyPlainTermMustOccur() {
        assertMatches("ERROR ARGUMENTS", "[ERROR 419] MISSING ARGUMENTS");
        assertNoMatch("ERROR WARN", "ERROR message");
    }

    // §2.2 AND "(any order, may overlap)" [DOC S1].
    @Test
    void plainTermsMayOccurInAnyOrderAndOverlap() {
        assertMatches("ARGUMENTS ERROR", "[ERROR 419] MISSING ARGUMENTS");
        assertMatches("abc bcd", "xabcdx");
        assertMatches("ERROR ERROR", "one ERROR only");
    }

    // §2.1 "Quoted term = exact phrase; spaces inside are literal and order matters" [DOC S1].
    @Test
    void quotedPhraseIsOneSubstringWithOrderAndSpaces() {
        assertMatches("\"INTERNAL SERVER ERROR\"", "[ERROR 500] INTERNAL SERVER ERROR");
        assertNoMatch("\"INTERNAL SERVER ERROR\"", "[ERROR] SERVER INTERNAL ERROR");
        assertNoMatch("\"INTERNAL SERVER ERROR\"", "INTERNAL  SERVER ERROR");
    }

    // §2.1 "ERROR Exception" (one quoted phrase) != ERROR Exception (two terms) [EMPIRICAL E2 PR #31].
    @Test
    void quotedPhraseDiffersFromSeparateTerms() {
        String event = "ERROR in handler: Exception thrown";
        assertNoMatch("\"ERROR Exception\"", event);
        assertMatches("ERROR Exception", event);
        assertMatches("\"ERROR\" \"Exception\"", event);
    }

    // §2.1 "Escapes inside quotes: \" = literal quote" [AWS-TOOL S19, EMPIRICAL E7 GovWifi].
    @Test
    void backslashQuoteInQuotedTermIsALiteralQuote() {
        String pattern = "\"\\\"authentication_result\\\": \\\"Access-Reject\\\"\"";
        assertMatches(pattern, "{\"authentication_result\": \"Access-Reject\", \"user\": \"x\"}");
        assertNoMatch(pattern, "{authentication_result: Access-Reject}");
    }

    // §2.1 "\\ = literal backslash"; Docker-escaped JSON matched with "\\\"level\\\":\\\"error\\\"" [E7].
    @Test
    void doubleBackslashInQuotedTermIsALiteralBackslash() {
        String pattern = "\"\\\\\\\"level\\\\\\\":\\\\\\\"error\\\\\\\"\"";
        assertMatches(pattern, "{\"log\":\"{\\\"level\\\":\\\"error\\\"}\\n\",\"stream\":\"stdout\"}");
        assertNoMatch(pattern, "{\"level\":\"error\"}");
        assertMatches("\"C:\\\\temp\"", "saved to C:\\temp\\out.txt");
        assertNoMatch("\"C:\\\\temp\"", "saved to C:/temp/out.txt");
    }

    // §2.2 "OR: ?a ?b -> matches if any ? term occurs" [DOC S1].
    @Test
    void questionMarkTermsAreAlternatives() {
        assertMatches("?ERROR ?ARGUMENTS", "[ERROR 401] UNAUTHORIZED REQUEST");
        assertMatches("?ERROR ?ARGUMENTS", "[WARN 419] MISSING ARGUMENTS");
        assertNoMatch("?ERROR ?ARGUMENTS", "[INFO] all good");
        assertMatches("?\"Task timed out\" ?REPORT", "2024 Task timed out after 3.00 seconds");
    }

    // §2.2 "If you combine '?' with other filter patterns, all question mark terms will be ignored."
    // Example: ?ERROR ?ARGUMENTS REQUEST behaves like REQUEST [DOC S1/S3].
    @Test
    void questionMarkTermsAreIgnoredBesideRequiredTerms() {
        String pattern = "?ERROR ?ARGUMENTS REQUEST";
        assertMatches(pattern, "[WARN] UNAUTHORIZED REQUEST");
        assertNoMatch(pattern, "[ERROR 419] MISSING ARGUMENTS");
        assertMatches(pattern, "[ERROR] BAD REQUEST");
    }

    // §2.2 "Consequence (by the same rule) ?A ?B -C == -C" [DOC S1/S3, U17].
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Alpha and Beta together                             | true",
            "only Alpha here                                     | true",
            "Beta and Charlie                                    | false",
            "Charlie alone                                       | false",
            "nothing relevant                                    | true",
    })
    void questionMarkTermsAreIgnoredBesideExcludedTerms(String event, boolean expected) {
        String pattern = "?Alpha ?Beta -Charlie";
        assertMatch(pattern, event, expected);
        assertMatch("-Charlie", event, expected);
    }

    // §2.2 "-term -> the message must not contain the term" [DOC S1].
    @Test
    void excludedTermMustNotOccur() {
        assertMatches("ERROR -Exiting", "[ERROR] A fatal exception has occurred");
        assertNoMatch("ERROR -Exiting", "[ERROR] Exiting with code 1");
        assertNoMatch("ERROR -ARGUMENTS", "[ERROR 419] MISSING ARGUMENTS");
    }

    // §2.2 exclusion is a substring test like inclusion: -ERROR rejects ERRORCODE as well [DOC S1, OLD-DOC S6].
    @Test
    void excludedTermIsASubstringTest() {
        assertNoMatch("-ERROR", "Exiting with ERRORCODE: -1");
        assertMatches("-ERROR", "error in lower case");
    }

    // §2.2 "A pattern consisting only of exclusions matches every message not containing them" [DOC S21].
    @Test
    void exclusionOnlyPatternMatchesEveryMessageWithoutTheTerms() {
        assertMatches("-ERROR", "[INFO] all good");
        assertNoMatch("-ERROR", "[ERROR] bad");
        assertMatches("-ERROR -WARN", "[INFO] all good");
        assertNoMatch("-ERROR -WARN", "[WARN] careful");
    }

    // §2.1 "Both may precede bare or quoted terms (-"Pending", ?"Task timed out")" [DOC S1, E6/E7].
    @Test
    void excludedQuotedTermMayHoldPunctuation() {
        assertMatches("ERROR -\"dry-run\"", "ERROR deploying");
        assertNoMatch("ERROR -\"dry-run\"", "ERROR deploying (dry-run)");
    }

    // §1.1 "Match-all: the empty string; a pattern consisting only of whitespace" [DOC S1/S3, S12]; "" returns all
    // events [S21] and, by O1 [OBSERVED], still does: the empty term occurs in every message.
    @ParameterizedTest(name = "pattern [{0}]")
    @ValueSource(strings = {"", " ", "   ", "\t", " \n ", "\"\""})
    void matchAllFormsMatchEveryEvent(String pattern) {
        for (String event : new String[] {"x", "[ERROR 419] MISSING ARGUMENTS", "{\"a\":1}", "no-spaces-at-all",
                "multi\nline", "é"}) {
            assertMatches(pattern, event);
        }
    }

    // O1 [OBSERVED, obs-o1-*]: " " is an ordinary quoted term, a space character; it is not match-all. A message
    // without a space (one word, or words joined by a line feed or a tab) does not match it.
    @Test
    void quotedSpaceIsATermForOneSpaceCharacter() {
        assertMatches("\" \"", "disk full on /var");
        assertNoMatch("\" \"", "plain");
        assertNoMatch("\" \"", "ERROR_ARGUMENTS");
        assertNoMatch("\" \"", "ERROR\nARGUMENTS");
        assertNoMatch("\" \"", "ERROR\tARGUMENTS");
        assertNoMatch("ERROR \" \"", "ERROR_AT_BOOT");
        assertMatches("ERROR \" \"", "ERROR here");
    }

    // O1 [OBSERVED]: no blank term is special, whatever its prefix: every quoted term is a substring. "" occurs in
    // every message, so -"" excludes every message and ?"" admits every one; " " is a space.
    @Test
    void blankQuotedTermsAreOrdinarySubstringsWhateverTheirPrefix() {
        assertNoMatch("-\" \"", "a b");
        assertMatches("-\" \"", "abc");
        assertNoMatch("-\"\"", "abc");
        assertMatches("?\"\"", "abc");
        assertMatches("?\" \" ?nothing", "a b");
        assertNoMatch("?\" \" ?nothing", "abc");
        assertNoMatch("ERROR -\" \"", "ERROR here");
        assertMatches("ERROR -\" \"", "ERROR");
        assertMatches("\"\" ERROR", "ERROR");
        assertMatches("\"\t\"", "a\tb");
        assertNoMatch("\"\t\"", "a b");
    }

    // §2.2 "Term matching is per whole event message (multi-line messages included)" [U16: whole message].
    @Test
    void multiLineMessageIsSearchedWhole() {
        String event = "java.lang.IllegalStateException: boom\n\tat com.example.Foo.bar(Foo.java:10)\n"
                + "\tat com.example.Main.main(Main.java:3)";
        assertMatches("Main", event);
        assertMatches("IllegalStateException Main", event);
        assertNoMatch("-Main", event);
        assertMatches("?nothing ?Foo", event);
    }

    // §2.1 quoted terms hold any characters; §2.2 substring match, case-sensitive: non-ASCII text too.
    @Test
    void nonAsciiQuotedTermsMatchAsSubstrings() {
        assertMatches("\"café\"", "un café noir");
        assertNoMatch("\"CAFÉ\"", "un café noir");
        assertMatches("\"日本語\"", "ログ: 日本語のメッセージ");
        assertMatches("\"😀\"", "smile 😀 please");
        assertNoMatch("\"😀\"", "smile 😁 please");
    }

    // §2.2: the UTF-8 entry point is the same question as the String one (FilterPattern#matches(byte[], int, int)).
    @ParameterizedTest(name = "{0} on {1}")
    @CsvSource(delimiter = '|', value = {
            "\"café\"            | un café noir             | true",
            "\"é\"               | cafe                     | false",
            "\"日本\"            | 日本語                    | true",
            "\"😀\" -\"😁\"        | 😀 only                   | true",
            "\"😀\" -\"😁\"        | 😀 and 😁                  | false",
            "?\"ü\" ?\"ö\"        | schön                    | true",
            "-\"é\"              | plain ascii              | true",
            "ERROR               | ERRORé                   | true",
            "\"ÉRROR\"           | ERROR                    | false",
    })
    void utf8PathAgreesWithStringPath(String pattern, String event, boolean expected) {
        FilterPattern compiled = FilterPattern.compile(pattern);
        assertThat(compiled.matches(event)).as("String path of %s on %s", pattern, event).isEqualTo(expected);
        byte[] utf8 = event.getBytes(StandardCharsets.UTF_8);
        assertThat(compiled.matches(utf8, 0, utf8.length)).as("UTF-8 path of %s on %s", pattern, event)
                .isEqualTo(expected);
        assertThat(RuleAssertions.matchesUtf8(compiled, event)).as("UTF-8 path inside a larger array")
                .isEqualTo(expected);
    }

    // §2.1 "Bare (unquoted) terms may contain only alphanumerics and _; anything else must be double-quoted";
    // "Invalid character(s) in term 'X'" for : ( [ \ ` ' , and smart quotes [DOC S1/S6, EMPIRICAL E6, U11].
    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"?Status: timeout", "error(", "a[b", "a\\b", "`tick`", "it's", "a,b", "“smart”",
            "error-response"})
    void bareTermsWithPunctuationAreRejected(String pattern) {
        assertRejected(pattern);
    }

    // §2.1 bare terms of letters, digits and underscore are valid [DOC S1].
    @Test
    void bareTermsOfLettersDigitsAndUnderscoreAreAccepted() {
        assertAccepted("ERROR_42 abc_DEF ?x1 -y_2");
        assertMatches("ERROR_42", "code ERROR_42 seen");
    }

    // §2.1 "Malformed quoting (?"?REPORT ?NR ?"Task timed out"") -> invalid" [E6].
    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"?\"?REPORT ?NR ?\"Task timed out\"\"", "\"unterminated", "ERROR \"open"})
    void malformedQuotingIsRejected(String pattern) {
        assertRejected(pattern);
    }

    // §2.1 "Recommend accepting - immediately followed by the term only" ("ERROR" - "Exiting" not accepted).
    @Test
    void exclusionMarkMustTouchItsTerm() {
        assertRejected("\"ERROR\" - \"Exiting\"");
    }

    // §1 "A filter pattern string (0-1024 chars)" [API S7/S10].
    @Test
    void patternsLongerThan1024CharactersAreRejected() {
        assertAccepted("a".repeat(1024));
        assertRejected("a".repeat(1025));
        assertAccepted("\"" + "😀".repeat(1022) + "\"");
        assertRejected("\"" + "😀".repeat(1023) + "\"");
    }

    // §2.1 "Terms are separated by whitespace" [DOC S1]: tabs, newlines and runs of spaces, leading and trailing.
    @Test
    void anyWhitespaceSeparatesTerms() {
        assertMatches("  ERROR\tWARN \n  ", "WARN then ERROR");
        assertNoMatch("  ERROR\tWARN \n  ", "ERROR only");
    }

    // FilterPattern#matches(byte[], int, int): "the same answer as matches(String) for the decoded text" -
    // bytes that are not valid UTF-8 decode to U+FFFD.
    @Test
    void invalidUtf8IsAnsweredAsItsDecodedText() {
        byte[] bytes = {'E', 'R', 'R', 'O', 'R', ' ', (byte) 0xFF, ' ', 'x'};
        String decoded = new String(bytes, StandardCharsets.UTF_8);
        SoftAssertions softly = new SoftAssertions();
        for (String pattern : new String[] {"ERROR", "ERROR x", "-x", "\"\uFFFD\"", "-\"\uFFFD\"", "%ERROR .%",
                "%^ERROR \\S x$%", "[a=ERROR, b, c=x]", "[a, b=\"\uFFFD\", c]"}) {
            FilterPattern compiled = FilterPattern.compile(pattern);
            softly.assertThat(compiled.matches(bytes, 0, bytes.length))
                    .as("pattern %s on bytes %s, decoded %s", pattern, Arrays.toString(bytes),
                            RuleAssertions.show(decoded))
                    .isEqualTo(compiled.matches(decoded));
        }
        softly.assertAll();
    }
}
