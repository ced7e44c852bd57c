package dev.cwfilter.testkit;

import static dev.cwfilter.testkit.FilterAssertions.assertThatPattern;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cwfilter.FilterOptions;
import dev.cwfilter.FilterPattern;
import dev.cwfilter.testkit.events.CloudTrailEvents;
import java.util.List;
import org.junit.jupiter.api.Test;

class PatternAssertTest {

    static final String GET_SECRET = "{ $.eventName = \"GetSecretValue\" }";

    @Test
    void matchingAndNotMatchingEventsPass() {
        assertThatPattern(GET_SECRET)
                .matches("{\"eventName\":\"GetSecretValue\"}")
                .doesNotMatch("{\"eventName\":\"ListSecrets\"}")
                .matchesAll("{\"eventName\":\"GetSecretValue\"}", "{\"eventName\":\"GetSecretValue\",\"x\":1}")
                .matchesNone(List.of("{\"eventName\":\"ListSecrets\"}", "GetSecretValue", "{}"));
    }

    @Test
    void aMissedMatchSaysExpectedPatternEventAndTheDecidingClause() {
        assertThatThrownBy(() -> assertThatPattern(GET_SECRET).matches("{\"eventName\":\"ListSecrets\"}"))
                .isInstanceOf(AssertionError.class)
                .hasMessage("""
                        expected:   to match
                        pattern:    { $.eventName = "GetSecretValue" }
                        event:      {"eventName":"ListSecrets"}
                        decided by: $.eventName = "GetSecretValue" fails ("ListSecrets")""");
    }

    // SEMANTICS.md O3 [OBSERVED]: a repeated key's last value decides, and the failure shows that value.
    @Test
    void aRepeatedKeyIsDecidedAndShownByItsLastValue() {
        String event = "{\"eventName\":\"GetSecretValue\",\"eventName\":\"ListSecrets\"}";
        assertThatThrownBy(() -> assertThatPattern(GET_SECRET).matches(event))
                .hasMessageEndingWith("decided by: $.eventName = \"GetSecretValue\" fails (\"ListSecrets\")");
    }

    @Test
    void anUnexpectedMatchSaysWhichClauseHeld() {
        assertThatThrownBy(() -> assertThatPattern(GET_SECRET).doesNotMatch("{\"eventName\":\"GetSecretValue\"}"))
                .hasMessage("""
                        expected:   not to match
                        pattern:    { $.eventName = "GetSecretValue" }
                        event:      {"eventName":"GetSecretValue"}
                        decided by: $.eventName = "GetSecretValue" holds ("GetSecretValue")""");
    }

    @Test
    void theDecidingClauseIsUnderlinedInAPatternOfSeveralClauses() {
        String pattern = "{ $.eventName = \"GetSecretValue\" && $.errorCode NOT EXISTS }";
        assertThatThrownBy(() -> assertThatPattern(pattern)
                .matches("{\"eventName\":\"GetSecretValue\",\"errorCode\":\"AccessDenied\"}"))
                .hasMessage("""
                        expected:   to match
                        pattern:    { $.eventName = "GetSecretValue" && $.errorCode NOT EXISTS }
                                                                        ^^^^^^^^^^^^^^^^^^^^^^
                        event:      {"eventName":"GetSecretValue","errorCode":"AccessDenied"}
                        decided by: $.errorCode NOT EXISTS fails ("AccessDenied")""");
    }

    @Test
    void everyDecidingClauseOfAFailedOrIsListed() {
        String pattern = "{ $.eventName = \"GetSecretValue\" || $.eventName = \"PutSecretValue\" }";
        assertThatThrownBy(() -> assertThatPattern(pattern).matches("{\"eventName\":\"ListSecrets\"}"))
                .hasMessage("""
                        expected:   to match
                        pattern:    { $.eventName = "GetSecretValue" || $.eventName = "PutSecretValue" }
                        event:      {"eventName":"ListSecrets"}
                        decided by: $.eventName = "GetSecretValue" fails ("ListSecrets")
                                    $.eventName = "PutSecretValue" fails ("ListSecrets")""");
    }

    @Test
    void anEventThatIsNotJsonIsExplainedWithoutAClause() {
        assertThatThrownBy(() -> assertThatPattern(GET_SECRET).matches("GetSecretValue by alice"))
                .hasMessage("""
                        expected: to match
                        pattern:  { $.eventName = "GetSecretValue" }
                        event:    GetSecretValue by alice
                        because:  the message is not a JSON object""");
    }

    @Test
    void aLongEventIsShortenedAroundWhatThePatternReads() {
        String event = CloudTrailEvents.listSecrets().user("bob").at("12:01:03")
                .with("requestParameters.filters", List.of("x".repeat(700), "y".repeat(700))).build();
        assertThat(event.length()).isGreaterThan(2000);
        assertThatThrownBy(() -> assertThatPattern(GET_SECRET).matches(event))
                .hasMessage("""
                        expected:   to match
                        pattern:    { $.eventName = "GetSecretValue" }
                        event:      {"eventVersion":"1.09","userIdentity":{…},"eventTime":"2026-11-21T12:01:03Z",…,\
                        "eventName":"ListSecrets",…}   (%d characters, shortened)
                        decided by: $.eventName = "GetSecretValue" fails ("ListSecrets")""".formatted(event.length()));
    }

    @Test
    void aShortenedEventKeepsNestedFieldsThePatternReads() {
        String pattern = "{ $.userIdentity.type = \"Root\" && $.userIdentity.invokedBy NOT EXISTS }";
        String event = CloudTrailEvents.consoleLogin().user("alice")
                .with("additionalEventData.padding", "p".repeat(2000)).build();
        String message = catchMessage(() -> assertThatPattern(pattern).matches(event));
        String eventLine = message.lines().filter(l -> l.startsWith("event:")).findFirst().orElseThrow();
        assertThat(eventLine)
                .contains("\"userIdentity\":{\"type\":\"IAMUser\",…}")
                .doesNotContain("ppppp")
                .endsWith("(" + event.length() + " characters, shortened)");
        assertThat(eventLine.length()).isLessThan(300);
    }

    @Test
    void aLongTextEventKeepsItsStartItsEndAndTheTermsAround() {
        String event = "INFO " + "a".repeat(500) + " ERROR disk full " + "b".repeat(500) + " done";
        String message = catchMessage(() -> assertThatPattern("ERROR -disk").matches(event));
        String eventLine = message.lines().filter(l -> l.startsWith("event:")).findFirst().orElseThrow();
        assertThat(eventLine).startsWith("event:      INFO aaaa").contains("aaa ERROR disk full bbb")
                .contains("bbbb done   (" + event.length() + " characters, shortened)");
        assertThat(eventLine.length()).isLessThan(300);
    }

    @Test
    void textAroundJsonIsShortenedAsTextSoNothingAfterTheJsonIsLost() {
        String event = "ERROR {\"a\":1} " + "x".repeat(300) + " tail-marker";
        String message = catchMessage(() -> assertThatPattern("ERROR -tail").matches(event));
        assertThat(message).contains("tail-marker   (" + event.length() + " characters, shortened)");
        String lambda = "2026-11-21T12:00:00.000Z\tid\tERROR\t{\"level\":\"ERROR\",\"pad\":\"" + "p".repeat(300)
                + "\"}";
        String lambdaMessage = catchMessage(() -> assertThatPattern("{ $.level = \"INFO\" }")
                .withOptions(FilterOptions.builder().lenientJsonPrefix(true).build()).matches(lambda));
        assertThat(lambdaMessage).contains("event:      2026-11-21T12:00:00.000Z\\tid\\tERROR\\t{\"level\":\"ERROR\","
                + "\"pad\":\"" + "p".repeat(23) + "…\"}   (" + lambda.length() + " characters, shortened)");
    }

    @Test
    void matchesAllListsEachEventThatDoesNotMatch() {
        assertThatThrownBy(() -> assertThatPattern(GET_SECRET).matchesAll(
                "{\"eventName\":\"GetSecretValue\"}", "{\"eventName\":\"ListSecrets\"}", "not json"))
                .hasMessage("""
                        expected:    every event to match
                        pattern:     { $.eventName = "GetSecretValue" }
                        not matched: 2 of 3 events: #2, #3
                        event 2:     {"eventName":"ListSecrets"}
                        decided by:  $.eventName = "GetSecretValue" fails ("ListSecrets")
                        event 3:     not json
                        because:     the message is not a JSON object""");
    }

    @Test
    void matchesNoneListsEachEventThatMatches() {
        assertThatThrownBy(() -> assertThatPattern("ERROR").matchesNone("INFO ok", "ERROR boom"))
                .hasMessage("""
                        expected:   no event to match
                        pattern:    ERROR
                        matched:    1 of 2 events: #2
                        event 2:    ERROR boom
                        decided by: ERROR holds (present)""");
    }

    @Test
    void extractsReadsJsonValuesAsAMetricFilterWould() {
        assertThatPattern("{ $.latency > 10 }")
                .matches("{\"latency\":42,\"service\":\"orders\",\"ok\":true,\"tags\":[\"a\"]}")
                .extracts("$.latency", "42")
                .extracts("$.service", "orders")
                .extracts("$.ok", "true")
                .extracts("$.tags[0]", "a");
    }

    @Test
    void extractsReadsSpaceDelimitedFieldsAsTestMetricFilterReportsThem() {
        assertThatPattern("[ip, user, username, timestamp, request, status_code = 404, size]")
                .matches("127.0.0.1 - frank [10/Oct/2000:13:25:15 -0700] \"GET /apache_pb.gif HTTP/1.0\" 404 2326")
                .extracts("$ip", "127.0.0.1")
                .extracts("$timestamp", "10/Oct/2000:13:25:15 -0700")
                .extracts("$request", "GET /apache_pb.gif HTTP/1.0")
                .extracts("$7", "2326");
    }

    @Test
    void extractsFailsWithTheValueFound() {
        assertThatThrownBy(() -> assertThatPattern("{ $.latency > 10 }").matches("{\"latency\":42}")
                .extracts("$.latency", "41"))
                .hasMessage("""
                        expected:  $.latency = "41"
                        pattern:   { $.latency > 10 }
                        event:     {"latency":42}
                        extracted: $.latency = "42\"""");
        assertThatThrownBy(() -> assertThatPattern("{ $.latency > 10 }").matches("{\"latency\":42}")
                .extracts("$.service", "orders"))
                .hasMessageContaining("extracted: $.service is nothing (missing, null, an object or an array)");
        assertThatThrownBy(() -> assertThatPattern("[a, b]").matches("x y").extracts("$c", "z"))
                .hasMessageContaining("extracted:  $c is nothing")
                .hasMessageContaining("all values: {$a=x, $b=y}");
    }

    @Test
    void extractsNeedsAMatchedEventAndAFittingExpression() {
        assertThatThrownBy(() -> assertThatPattern("{ $.a = 1 }").extracts("$.a", "1"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("call matches(event) first");
        assertThatThrownBy(() -> assertThatPattern("ERROR").matches("ERROR x").extracts("$1", "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("a term pattern extracts nothing");
        assertThatThrownBy(() -> assertThatPattern("{ $.a = 1 }").matches("{\"a\":1}").extracts("$a", "1"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void optionsChangeWhatMatchesAndAreNamedInFailures() {
        String lambda = "2026-11-21T12:00:00.000Z\t3f1c\tERROR\t{\"level\":\"ERROR\"}";
        assertThatPattern("{ $.level = \"ERROR\" }").doesNotMatch(lambda)
                .withOptions(FilterOptions.builder().lenientJsonPrefix(true).build()).matches(lambda);
        assertThatThrownBy(() -> assertThatPattern("{ $.level = \"ERROR\" }")
                .withOptions(FilterOptions.builder().lenientJsonPrefix(true).build()).doesNotMatch(lambda))
                .hasMessageContaining("\noptions:    lenientJsonPrefix=true\n");
        FilterPattern compiled = FilterPattern.compile("{ $.level = \"ERROR\" }",
                FilterOptions.builder().lenientJsonPrefix(true).build());
        assertThatPattern(compiled).matches(lambda);
    }

    @Test
    void canonicalForm() {
        assertThatPattern("{$.a=1&&$.b=\"x\"}").hasCanonicalForm("{ $.a = 1 && $.b = \"x\" }");
        assertThatThrownBy(() -> assertThatPattern("{$.a=1}").hasCanonicalForm("{$.a=1}"))
                .hasMessage("""
                        expected: canonical form {$.a=1}
                        pattern:  {$.a=1}
                        actual:   canonical form { $.a = 1 }""");
    }

    @Test
    void invalidPatternsReportWhereAndWhy() {
        assertThatPattern("{ $.a = }").isInvalid().withErrorAt(1, 9).withMessageContaining("expected a value");
        assertThatPattern("{ $.a = 1 }").isValid();
    }

    @Test
    void aWrongErrorPositionFailsWithTheActualPositionAndACaret() {
        assertThatThrownBy(() -> assertThatPattern("{ $.a = }").isInvalid().withErrorAt(1, 5))
                .hasMessage("""
                        expected: the first error at line 1, column 5
                        pattern:  { $.a = }
                        actual:   expected a value after '=', found '}' (line 1, column 9)
                                  { $.a = }
                                          ^""");
        assertThatThrownBy(() -> assertThatPattern("{ $.a = }").isInvalid().withMessageContaining("no such words"))
                .hasMessageStartingWith("""
                        expected: an error message containing "no such words"
                        pattern:  { $.a = }
                        actual:   Invalid filter pattern: expected a value after '=', found '}' (line 1, column 9)""");
    }

    @Test
    void aValidPatternIsNotInvalidAndAnInvalidOneFailsEveryMatch() {
        assertThatThrownBy(() -> assertThatPattern("{ $.a = 1 }").isInvalid())
                .hasMessage("""
                        expected: an invalid pattern
                        pattern:  { $.a = 1 }
                        actual:   valid; canonical form { $.a = 1 }""");
        assertThatThrownBy(() -> assertThatPattern("{ $.a = }").matches("{\"a\":1}"))
                .hasMessage("""
                        expected: to match
                        pattern:  { $.a = }
                        but:      the pattern is invalid: expected a value after '=', found '}' (line 1, column 9)
                                  { $.a = }
                                          ^""");
        assertThatThrownBy(() -> assertThatPattern("{ $.a = }").isValid())
                .hasMessageStartingWith("expected: a valid pattern\n");
    }

    @Test
    void anAssertJDescriptionPrefixesTheFacts() {
        assertThatThrownBy(() -> assertThatPattern("ERROR").as("error filter").matches("INFO"))
                .hasMessageStartingWith("[error filter] expected:   to match\n");
    }

    static String catchMessage(Runnable r) {
        try {
            r.run();
        } catch (AssertionError e) {
            return e.getMessage();
        }
        throw new AssertionError("expected a failure");
    }
}
