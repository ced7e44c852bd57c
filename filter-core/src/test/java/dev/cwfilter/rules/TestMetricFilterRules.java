package dev.cwfilter.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.cwfilter.FilterOptions;
import dev.cwfilter.MetricFilter;
import dev.cwfilter.MetricFilterMatchRecord;
import dev.cwfilter.TestMetricFilterResult;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The TestMetricFilter API, SEMANTICS.md sections 5.4 and 9 (U3, U9). */
class TestMetricFilterRules {

    static final String APACHE_200 =
            "127.0.0.1 - frank [10/Oct/2000:13:25:15 -0700] \"GET /apache_pb.gif HTTP/1.0\" 200 1534";
    static final String APACHE_404 =
            "127.0.0.1 - frank [10/Oct/2000:13:25:15 -0700] \"GET /index.html HTTP/1.0\" 404 1534";

    static TestMetricFilterResult test(String pattern, FilterOptions options, List<String> messages) {
        return MetricFilter.builder().filterPattern(pattern).options(options).build().test(messages);
    }

    static TestMetricFilterResult test(String pattern, List<String> messages) {
        return test(pattern, FilterOptions.defaults(), messages);
    }

    static Map<String, String> extractedFromOne(String pattern, String event) {
        List<MetricFilterMatchRecord> matches = test(pattern, List.of(event)).matches();
        assertThat(matches).as("%s must match %s", pattern, event).hasSize(1);
        return matches.get(0).extractedValues();
    }

    // §5.4 example 1: [ip, identity, user_id, timestamp, request, status_code, size] -> one $name per field [API S7].
    @Test
    void namedFieldsAreExtractedByNameOnly() {
        assertThat(extractedFromOne("[ip, identity, user_id, timestamp, request, status_code, size]", APACHE_200))
                .containsOnly(
                        entry("$ip", "127.0.0.1"),
                        entry("$identity", "-"),
                        entry("$user_id", "frank"),
                        entry("$timestamp", "10/Oct/2000:13:25:15 -0700"),
                        entry("$request", "GET /apache_pb.gif HTTP/1.0"),
                        entry("$status_code", "200"),
                        entry("$size", "1534"));
    }

    // §5.4 example 2: [..., size] -> $1..$6 + $size [API S7].
    @Test
    void fieldsCoveredByEllipsisAreExtractedByPosition() {
        assertThat(extractedFromOne("[..., size]", APACHE_200))
                .containsOnly(
                        entry("$1", "127.0.0.1"),
                        entry("$2", "-"),
                        entry("$3", "frank"),
                        entry("$4", "10/Oct/2000:13:25:15 -0700"),
                        entry("$5", "GET /apache_pb.gif HTTP/1.0"),
                        entry("$6", "200"),
                        entry("$size", "1534"));
    }

    // §5.4 example 3: [] -> $1..$7 [API S7].
    @Test
    void emptyPatternExtractsEveryFieldByPosition() {
        assertThat(extractedFromOne("[]", APACHE_200))
                .containsOnly(
                        entry("$1", "127.0.0.1"),
                        entry("$2", "-"),
                        entry("$3", "frank"),
                        entry("$4", "10/Oct/2000:13:25:15 -0700"),
                        entry("$5", "GET /apache_pb.gif HTTP/1.0"),
                        entry("$6", "200"),
                        entry("$7", "1534"));
    }

    // §5.4 example 4: [..., status_code=200, size] -> $1..$5 + $status_code + $size; named fields get no
    // positional key [API S7].
    @Test
    void namedFieldsAfterEllipsisGetNoPositionalKey() {
        assertThat(extractedFromOne("[..., status_code=200, size]", APACHE_200))
                .containsOnly(
                        entry("$1", "127.0.0.1"),
                        entry("$2", "-"),
                        entry("$3", "frank"),
                        entry("$4", "10/Oct/2000:13:25:15 -0700"),
                        entry("$5", "GET /apache_pb.gif HTTP/1.0"),
                        entry("$status_code", "200"),
                        entry("$size", "1534"));
    }

    // §5.4 example 5: [..., request=*.html*, status_code=4*,] -> $1..$4, $request, $status_code, $7: the empty
    // field is keyed by its position in the event [API S7].
    @Test
    void emptyFieldIsExtractedByItsPositionInTheEvent() {
        assertThat(extractedFromOne("[..., request=*.html*, status_code=4*,]", APACHE_404))
                .containsOnly(
                        entry("$1", "127.0.0.1"),
                        entry("$2", "-"),
                        entry("$3", "frank"),
                        entry("$4", "10/Oct/2000:13:25:15 -0700"),
                        entry("$request", "GET /index.html HTTP/1.0"),
                        entry("$status_code", "404"),
                        entry("$7", "1534"));
    }

    // §5.4 "fields matched by ... -> $<1-based position in the event>": ... at the end and in the middle.
    @Test
    void ellipsisFieldsAreKeyedByTheirPositionInTheEvent() {
        assertThat(extractedFromOne("[ip, ...]", APACHE_200))
                .containsOnly(
                        entry("$ip", "127.0.0.1"),
                        entry("$2", "-"),
                        entry("$3", "frank"),
                        entry("$4", "10/Oct/2000:13:25:15 -0700"),
                        entry("$5", "GET /apache_pb.gif HTTP/1.0"),
                        entry("$6", "200"),
                        entry("$7", "1534"));
        assertThat(extractedFromOne("[ip, identity, ..., size]", APACHE_200))
                .containsOnly(
                        entry("$ip", "127.0.0.1"),
                        entry("$identity", "-"),
                        entry("$3", "frank"),
                        entry("$4", "10/Oct/2000:13:25:15 -0700"),
                        entry("$5", "GET /apache_pb.gif HTTP/1.0"),
                        entry("$6", "200"),
                        entry("$size", "1534"));
    }

    // §2.2 "extractedValues for term patterns is always {}"; §9 "{} for term/regex patterns" [API S7, CLI S9].
    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"ERROR", "\"[ERROR]\" 400", "?ERROR ?WARN", "-INFO", "%ERROR\\]\\s\\d+%", "", "\" \""})
    void termAndRegexPatternsExtractNothing(String pattern) {
        assertThat(extractedFromOne(pattern, "[ERROR] 400 BAD REQUEST")).isEmpty();
    }

    // §4.2 / §9 / U9 "extractedValues for JSON patterns: {}".
    @Test
    void jsonPatternsExtractNothing() {
        assertThat(extractedFromOne("{ $.latency = * && $.requestType = \"GET\" }",
                "{\"latency\": 50, \"requestType\": \"GET\"}")).isEmpty();
    }

    // §9 "only matching messages are returned, in input order" [API S7/S8].
    @Test
    void onlyMatchesAreReturnedInInputOrder() {
        List<String> messages = List.of("[INFO] a", "[ERROR] b", "[DEBUG] c", "[ERROR] d", "[ERROR] e");
        TestMetricFilterResult result = test("ERROR", messages);
        assertThat(result.matches()).extracting(MetricFilterMatchRecord::eventMessage)
                .containsExactly("[ERROR] b", "[ERROR] d", "[ERROR] e");
    }

    // §9 / U3 CLI example (1-based): ERROR over the three messages -> 1, 2 [S9].
    @Test
    void eventNumbersStartAtOneByDefault() {
        TestMetricFilterResult result = test("ERROR",
                List.of("[ERROR] 400 BAD REQUEST", "[ERROR] 400 BAD REQUEST", "[INFO] 200 OK"));
        assertThat(result.matches()).extracting(MetricFilterMatchRecord::eventNumber).containsExactly(1L, 2L);
        assertThat(result.matches()).extracting(MetricFilterMatchRecord::eventMessage)
                .containsExactly("[ERROR] 400 BAD REQUEST", "[ERROR] 400 BAD REQUEST");
    }

    // §9 / U3 "Recommend making it configurable": API example numbering is 0-based (4th/5th message -> 3, 4) [S7].
    @Test
    void eventNumbersStartAtZeroWhenConfigured() {
        FilterOptions zeroBased = FilterOptions.builder().firstEventNumber(0).build();
        List<String> messages = List.of(
                "02 May 2014 00:34:12,525 [INFO] Starting processing",
                "02 May 2014 00:35:14,245 [DEBUG] Database connection established",
                "02 May 2014 00:35:14,245 [INFO] Processing request",
                "02 May 2014 00:35:14,245 [ERROR] Unhanded exception: InvalidQueryException",
                "02 May 2014 00:35:14,245 [ERROR] Unhanded exception: InvalidQueryException");
        TestMetricFilterResult result = test("\"[ERROR]\" Exception", zeroBased, messages);
        assertThat(result.matches()).extracting(MetricFilterMatchRecord::eventNumber).containsExactly(3L, 4L);
        assertThat(test("\"[ERROR]\" Exception", messages).matches())
                .extracting(MetricFilterMatchRecord::eventNumber).containsExactly(4L, 5L);
    }

    // §9 "eventMessage: string" - the message as given.
    @Test
    void matchRecordCarriesTheMessageUnchanged() {
        String message = "  [ERROR]\twith\ttabs  ";
        assertThat(test("ERROR", List.of(message)).matches()).singleElement()
                .extracting(MetricFilterMatchRecord::eventMessage).isEqualTo(message);
    }

    // §9 "a result with no match holds no records".
    @Test
    void noMatchGivesNoRecords() {
        assertThat(test("ERROR", List.of("[INFO] ok", "[WARN] hm")).matches()).isEmpty();
    }

    // §9 "logEventMessages: [1..50 strings, each >= 1 char]" [API S7].
    @Test
    void noMessagesIsRejected() {
        MetricFilter filter = MetricFilter.builder().filterPattern("ERROR").build();
        assertThatThrownBy(() -> filter.test(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    // §9 "logEventMessages: [1..50 strings ...]" [API S7].
    @Test
    void moreThanFiftyMessagesAreRejected() {
        MetricFilter filter = MetricFilter.builder().filterPattern("ERROR").build();
        List<String> fifty = new ArrayList<>(Collections.nCopies(50, "[ERROR] x"));
        assertThat(filter.test(fifty).matches()).hasSize(50);
        assertThat(filter.test(fifty).matches()).last().extracting(MetricFilterMatchRecord::eventNumber)
                .isEqualTo(50L);
        List<String> fiftyOne = new ArrayList<>(fifty);
        fiftyOne.add("[ERROR] y");
        assertThatThrownBy(() -> filter.test(fiftyOne)).isInstanceOf(IllegalArgumentException.class);
    }

    // §9 "each >= 1 char" [API S7].
    @Test
    void emptyMessageIsRejected() {
        MetricFilter filter = MetricFilter.builder().filterPattern("ERROR").build();
        assertThatThrownBy(() -> filter.test(List.of("[ERROR] x", ""))).isInstanceOf(IllegalArgumentException.class);
        assertThat(filter.test(List.of(" ")).matches()).isEmpty();
    }
}
