package dev.cwfilter.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cwfilter.Datapoint;
import dev.cwfilter.DefaultValueMode;
import dev.cwfilter.FilterOptions;
import dev.cwfilter.LogEvent;
import dev.cwfilter.MetricFilter;
import dev.cwfilter.StandardUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Metric filters, SEMANTICS.md section 6, one test per rule. */
class MetricFilterRules {

    static final long T0 = 1_700_000_040_000L;
    static final String APACHE = "127.0.0.1 - - [24/Sep/2013:11:49:52 -0700] \"GET /index.html HTTP/1.1\" 404 287";
    static final String APACHE_PATTERN = "[ip, id, user, timestamp, request, status_code, size]";

    static MetricFilter.Builder filter(String pattern) {
        return MetricFilter.builder().filterPattern(pattern).metricNamespace("App").metricName("M");
    }

    static Optional<Datapoint> one(MetricFilter f, String message) {
        return f.datapointFor(new LogEvent(T0, message));
    }

    static Datapoint point(long timestamp, double value) {
        return new Datapoint(timestamp, value, StandardUnit.NONE, Map.of());
    }

    // §6.2 "Literal number ("1", "0.5", "-3")" [DOC]; §6.3 "Each matching log event contributes one data point equal
    // to metricValue" [DOC S5].
    @ParameterizedTest(name = "metricValue {0}")
    @CsvSource({"1, 1.0", "0.5, 0.5", "-3, -3.0", "42, 42.0"})
    void literalMetricValueIsPublishedForEachMatch(String metricValue, double expected) {
        MetricFilter f = filter("ERROR").metricValue(metricValue).build();
        assertThat(one(f, "[ERROR] boom")).contains(point(T0, expected));
    }

    // §6.3 "A term that occurs several times in one event still counts once" [INFERRED].
    @Test
    void anEventPublishesOneDatapointHoweverOftenTheTermOccurs() {
        MetricFilter f = filter("Error").build();
        assertThat(f.datapoints(List.of(new LogEvent(T0, "Error Error Error")))).containsExactly(point(T0, 1.0));
    }

    // §6.3 "Data point timestamp: the log event's timestamp" [INFERRED from S11].
    @Test
    void datapointCarriesTheEventTimestamp() {
        MetricFilter f = filter("ERROR").build();
        assertThat(f.datapointFor(new LogEvent(123_456L, "ERROR"))).map(Datapoint::timestamp).contains(123_456L);
    }

    // §6.2 "$.path - JSON selector into the matched event ({ $.latency = * } + $.latency publishes 50 for
    // {"latency": 50, "requestType": "GET"})" [DOC S1/S5].
    @Test
    void jsonSelectorValueIsReadFromTheEvent() {
        MetricFilter f = filter("{ $.latency = * }").metricValue("$.latency").build();
        assertThat(one(f, "{\"latency\": 50, \"requestType\": \"GET\"}")).contains(point(T0, 50.0));
        assertThat(one(f, "{\"latency\": 12.5}")).contains(point(T0, 12.5));
        MetricFilter nested = filter("{ $.type = \"x\" }").metricValue("$.timing.total").build();
        assertThat(one(nested, "{\"type\":\"x\",\"timing\":{\"total\":-7}}")).contains(point(T0, -7.0));
    }

    // §6.2 "$name - named space-delimited field ($size, $bytes)" [DOC S12].
    @Test
    void namedFieldValueIsReadFromTheEvent() {
        MetricFilter f = filter(APACHE_PATTERN).metricValue("$size").build();
        assertThat(one(f, APACHE)).contains(point(T0, 287.0));
    }

    // §6.2 "$N positional token ... 'The metric value is the value of the seventh matched token ... $7'" [S12].
    @Test
    void positionalFieldValueIsTheNthTokenOfTheEvent() {
        assertThat(one(filter(APACHE_PATTERN).metricValue("$7").build(), APACHE)).contains(point(T0, 287.0));
        assertThat(one(filter(APACHE_PATTERN).metricValue("$6").build(), APACHE)).contains(point(T0, 404.0));
        assertThat(one(filter("[..., size]").metricValue("$6").build(), APACHE)).contains(point(T0, 404.0));
        assertThat(one(filter("[ip, ..., size]").metricValue("$7").build(), APACHE)).contains(point(T0, 287.0));
    }

    // §6.2 "Numeric strings ("287") are parsed (space-delimited fields are always strings)". O2 (a JSON string is
    // never compared as a number) is about comparisons; a metric value is not compared with anything, so a string
    // holding a number still publishes that number, while the same string fails an ordering in the pattern.
    @Test
    void numericStringValuesAreParsed() {
        MetricFilter f = filter("{ $.latency = * }").metricValue("$.latency").build();
        assertThat(one(f, "{\"latency\": \"42\"}")).contains(point(T0, 42.0));
        assertThat(one(f, "{\"latency\": \"-0.25\"}")).contains(point(T0, -0.25));
        MetricFilter ordered = filter("{ $.latency > 100 }").metricValue("$.latency").build();
        assertThat(one(ordered, "{\"latency\": \"500\"}")).isEmpty();
        assertThat(one(ordered, "{\"latency\": 500}")).contains(point(T0, 500.0));
    }

    // O3 [OBSERVED]: a repeated key's last value is the metric value and the dimension value, at every level, and a
    // repeat of a key above the selected one replaces everything below it.
    @Test
    void aRepeatedKeysLastValueIsTheMetricValueAndTheDimension() {
        MetricFilter f = filter("{ $.type = \"x\" }").metricValue("$.latency").dimension("Region", "$.where.region")
                .build();
        assertThat(one(f, "{\"type\":\"x\",\"latency\":1,\"where\":{\"region\":\"a\",\"region\":\"b\"},\"latency\":2}"))
                .contains(new Datapoint(T0, 2, StandardUnit.NONE, Map.of("Region", "b")));
        assertThat(one(f, "{\"type\":\"x\",\"latency\":1,\"where\":{\"region\":\"a\"},\"where\":{}}")).isEmpty();
        assertThat(one(f, "{\"type\":\"x\",\"latency\":1,\"latency\":null,\"where\":{\"region\":\"a\"}}"))
                .isEmpty();
        assertThat(one(f, "{\"type\":\"x\",\"latency\":null,\"latency\":3,\"where\":{},\"where\":{\"region\":\"c\"}}"))
                .contains(new Datapoint(T0, 3, StandardUnit.NONE, Map.of("Region", "c")));
        // The pattern reads the same last value: here the last type is not "x", so nothing is published.
        assertThat(one(f, "{\"type\":\"x\",\"latency\":1,\"where\":{\"region\":\"a\"},\"type\":\"y\"}")).isEmpty();
    }

    // §11 U12 "Metric value non-numeric/missing: Skip event (no value, no default)".
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "{\"type\":\"x\",\"latency\":\"fast\"}",
            "{\"type\":\"x\"}",
            "{\"type\":\"x\",\"latency\":null}",
            "{\"type\":\"x\",\"latency\":true}",
            "{\"type\":\"x\",\"latency\":[1]}",
            "{\"type\":\"x\",\"latency\":{\"v\":1}}",
            "{\"type\":\"x\",\"latency\":\"\"}",
    })
    void unusableJsonValuePublishesNothingNotEvenTheDefault(String event) {
        MetricFilter f = filter("{ $.type = \"x\" }").metricValue("$.latency").defaultValue(0).build();
        assertThat(f.pattern().matches(event)).as("the event matches").isTrue();
        assertThat(one(f, event)).isEmpty();
        assertThat(f.datapoints(List.of(new LogEvent(T0, event)))).isEmpty();
    }

    // §11 U12 for a space-delimited value: "-" is not a number.
    @Test
    void unusableDelimitedValuePublishesNothingNotEvenTheDefault() {
        MetricFilter f = filter("[a, size]").metricValue("$size").defaultValue(0).build();
        assertThat(f.datapoints(List.of(new LogEvent(T0, "x -")))).isEmpty();
        assertThat(f.datapoints(List.of(new LogEvent(T0, "x 12")))).containsExactly(point(T0, 12.0));
    }

    // §6.3 recommended model (U2 default): "every ingested event produces exactly one data point per metric
    // filter: metricValue if it matches, else defaultValue if configured, else nothing".
    @Test
    void defaultValueIsPublishedForEveryUnmatchedEvent() {
        MetricFilter f = filter("ERROR").defaultValue(0).build();
        List<LogEvent> events = List.of(new LogEvent(T0, "[ERROR] a"), new LogEvent(T0 + 1, "[INFO] b"),
                new LogEvent(T0 + 2, "[WARN] c"), new LogEvent(T0 + 3, "[ERROR] d"));
        assertThat(f.datapoints(events)).containsExactlyInAnyOrder(point(T0, 1), point(T0 + 1, 0), point(T0 + 2, 0),
                point(T0 + 3, 1));
        assertThat(f.datapointFor(new LogEvent(T0 + 1, "[INFO] b"))).contains(point(T0 + 1, 0));
    }

    // §6.3 "... else nothing": without a default value an unmatched event publishes nothing.
    @Test
    void unmatchedEventPublishesNothingWithoutDefault() {
        MetricFilter f = filter("ERROR").build();
        assertThat(f.datapointFor(new LogEvent(T0, "[INFO] fine"))).isEmpty();
        assertThat(f.datapoints(List.of(new LogEvent(T0, "[INFO] fine")))).isEmpty();
    }

    // §6.3 "Alternative (flag): emit defaultValue once per minute only when that minute had ingested events but no
    // matches"; "If no logs are ingested during a one-minute period, then no value is reported" [S11].
    @Test
    void oncePerMinuteModePublishesTheDefaultOnlyForMinutesWithoutMatch() {
        MetricFilter f = filter("ERROR").defaultValue(0)
                .options(FilterOptions.builder().defaultValueMode(DefaultValueMode.ONCE_PER_MINUTE_WITHOUT_MATCH)
                        .build())
                .build();
        long m0 = 1_700_000_040_000L;
        long m1 = m0 + 60_000;
        long m3 = m0 + 180_000;
        List<LogEvent> events = List.of(
                new LogEvent(m0 + 1_000, "[INFO] a"), new LogEvent(m0 + 2_000, "[WARN] b"),
                new LogEvent(m1 + 5_000, "[INFO] c"), new LogEvent(m1 + 6_000, "[ERROR] d"),
                new LogEvent(m3 + 59_000, "[INFO] e"));
        Map<Long, List<Double>> byMinute = f.datapoints(events).stream().collect(Collectors.groupingBy(
                d -> Math.floorDiv(d.timestamp(), 60_000L) * 60_000L, TreeMap::new,
                Collectors.mapping(Datapoint::value, Collectors.toList())));
        assertThat(byMinute).containsOnly(
                Map.entry(m0, List.of(0.0)),
                Map.entry(m1, List.of(1.0)),
                Map.entry(m3, List.of(0.0)));
    }

    // §6.3 "Dimensions: value references $.field (JSON)"; each published with the event's value [S18, DOC S11].
    @Test
    void dimensionsAreReadFromJsonFields() {
        MetricFilter f = filter("{ $.latency = * }").metricValue("$.latency")
                .dimension("EventType", "$.eventType").dimension("Region", "$.where.region").build();
        assertThat(one(f, "{\"latency\":5,\"eventType\":\"UpdateTrail\",\"where\":{\"region\":\"eu-west-1\"}}"))
                .contains(new Datapoint(T0, 5, StandardUnit.NONE,
                        Map.of("EventType", "UpdateTrail", "Region", "eu-west-1")));
    }

    // §6.3 "Dimensions: value references ... $field (space-delimited)" [S18, S12 ExtractBytesExample].
    @Test
    void dimensionsAreReadFromDelimitedFields() {
        MetricFilter f = filter(APACHE_PATTERN).metricValue("$size").dimension("IP", "$ip")
                .dimension("StatusCode", "$status_code").build();
        assertThat(one(f, APACHE)).contains(new Datapoint(T0, 287, StandardUnit.NONE,
                Map.of("IP", "127.0.0.1", "StatusCode", "404")));
    }

    // §11 U13 "Dimension value missing: Drop data point" ("only published for a metric if the value is found").
    @Test
    void missingDimensionFieldDropsTheDatapoint() {
        MetricFilter f = filter("{ $.latency = * }").metricValue("$.latency").dimension("Region", "$.region")
                .build();
        assertThat(one(f, "{\"latency\":5}")).isEmpty();
        assertThat(one(f, "{\"latency\":5,\"region\":null}")).isEmpty();
        assertThat(one(f, "{\"latency\":5,\"region\":\"us-east-1\"}")).isPresent();
    }

    // §6.3 "Unit = configured unit or None" [API].
    @Test
    void datapointCarriesTheConfiguredUnitOrNone() {
        MetricFilter ms = filter("{ $.latency = * }").metricValue("$.latency").unit(StandardUnit.MILLISECONDS)
                .defaultValue(0).build();
        assertThat(one(ms, "{\"latency\":5}")).map(Datapoint::unit).contains(StandardUnit.MILLISECONDS);
        assertThat(one(ms, "{\"other\":5}")).map(Datapoint::unit).contains(StandardUnit.MILLISECONDS);
        assertThat(one(filter("ERROR").build(), "ERROR")).map(Datapoint::unit).contains(StandardUnit.NONE);
    }

    // §6.1 "Dimensions and defaultValue are mutually exclusive" [DOC S5/S11].
    @Test
    void dimensionsAndDefaultValueAreMutuallyExclusive() {
        assertThatThrownBy(() -> filter("{ $.a = * }").dimension("A", "$.a").defaultValue(0).build())
                .isInstanceOf(IllegalArgumentException.class);
    }

    // §6.1 "dimensions (map, <=3 entries)" [API S10].
    @Test
    void atMostThreeDimensions() {
        filter("{ $.a = * }").dimension("A", "$.a").dimension("B", "$.b").dimension("C", "$.c").build();
        assertThatThrownBy(() -> filter("{ $.a = * }").dimension("A", "$.a").dimension("B", "$.b")
                .dimension("C", "$.c").dimension("D", "$.d").build()).isInstanceOf(IllegalArgumentException.class);
    }

    // §6.1 "Dimensions only for JSON and space-delimited patterns" [DOC S5].
    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"ERROR", "%ERROR%", "", "?a ?b"})
    void dimensionsNeedAJsonOrSpaceDelimitedPattern(String pattern) {
        assertThatThrownBy(() -> filter(pattern).dimension("A", "$a").build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> filter(pattern).dimension("A", "$.a").build())
                .isInstanceOf(IllegalArgumentException.class);
    }

    // §6.1 "metricName (<=255, [^:*$]*), metricNamespace (<=255, [^:*$]*)" [API S10].
    @Test
    void metricNameAndNamespaceAreAtMost255Characters() {
        filter("ERROR").metricName("n".repeat(255)).metricNamespace("s".repeat(255)).build();
        assertThatThrownBy(() -> filter("ERROR").metricName("n".repeat(256)).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> filter("ERROR").metricNamespace("s".repeat(256)).build())
                .isInstanceOf(IllegalArgumentException.class);
    }

    // §6.1 "metricName ([^:*$]*), metricNamespace ([^:*$]*)" [API S10].
    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"a:b", "a*b", "a$b", ":", "*", "$"})
    void metricNameAndNamespaceRejectColonAsteriskAndDollar(String name) {
        assertThatThrownBy(() -> filter("ERROR").metricName(name).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> filter("ERROR").metricNamespace(name).build())
                .isInstanceOf(IllegalArgumentException.class);
    }

    // §6.1 [^:*$]* allows spaces and other punctuation: "Secret is accessed" is a legal metric name.
    @Test
    void metricNameMayHoldSpacesAndOtherPunctuation() {
        MetricFilter f = filter("{ $.eventName = \"GetSecretValue\" }").metricName("Secret is accessed")
                .metricNamespace("CIS/Benchmark-1.2_x").build();
        assertThat(f.metricName()).contains("Secret is accessed");
    }

    // §6.1 "filterName (1-512, [^:*]*)" [API S10]: $ is allowed in a filter name.
    @Test
    void filterNameRejectsColonAndAsteriskOnly() {
        filter("ERROR").filterName("errors$count " + "f".repeat(499)).build();
        assertThatThrownBy(() -> filter("ERROR").filterName("a:b").build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> filter("ERROR").filterName("a*b").build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> filter("ERROR").filterName("f".repeat(513)).build())
                .isInstanceOf(IllegalArgumentException.class);
    }

    // §6.2 metric value forms: a literal number, $.path (JSON pattern), $name / $N (space-delimited pattern);
    // §6.1 "metricValue (string, <=100)".
    @ParameterizedTest(name = "{0} with {1}")
    @CsvSource(delimiter = ';', value = {
            "ERROR          ; abc",
            "ERROR          ; $.latency",
            "ERROR          ; $size",
            "{ $.a = * }    ; $size",
            "{ $.a = * }    ; latency",
            "[a, size]      ; $.size",
            "{ $.a = * }    ; $.a[*]",
            "{ $.a = * }    ; ''",
    })
    void metricValueMustBeANumberOrAFieldOfThePatternKind(String pattern, String metricValue) {
        assertThatThrownBy(() -> filter(pattern).metricValue(metricValue).build())
                .isInstanceOf(IllegalArgumentException.class);
    }

    // §6.1 "metricValue (string, <=100)" [API S10].
    @Test
    void metricValueIsAtMost100Characters() {
        String selector100 = "$." + "a".repeat(98);
        filter("{ $.x = * }").metricValue(selector100).build();
        assertThatThrownBy(() -> filter("{ $.x = * }").metricValue(selector100 + "a").build())
                .isInstanceOf(IllegalArgumentException.class);
    }

    // §6.1 "Dimension names: ASCII, >=1 non-whitespace char, not starting with :" [S18].
    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {":Region", " ", "Région"})
    void dimensionNamesMustBeAsciiNotBlankAndNotStartWithAColon(String name) {
        assertThatThrownBy(() -> filter("{ $.a = * }").dimension(name, "$.a").build())
                .isInstanceOf(IllegalArgumentException.class);
    }

    // §6.2 "$.path" value: a JSON number in any valid notation is its value.
    @Test
    void jsonNumberValueInExponentNotationIsItsValue() {
        MetricFilter f = filter("{ $.latency = * }").metricValue("$.latency").build();
        assertThat(one(f, "{\"latency\": 1.5e3}")).contains(point(T0, 1500.0));
    }

    // §6.2 "$.path - JSON selector into the matched event", read from the same JSON the pattern matched: with
    // lenientJsonPrefix (U4) the JSON after a text prefix; escaped keys decoded.
    @Test
    void jsonValueIsReadFromTheJsonThePatternMatched() {
        MetricFilter lenient = filter("{ $.latency > 0 }").metricValue("$.latency")
                .options(FilterOptions.builder().lenientJsonPrefix(true).build()).build();
        assertThat(one(lenient, "2024-01-01T00:00:00.000Z\tabc-123\tINFO\t{\"latency\":5}"))
                .contains(point(T0, 5.0));
        MetricFilter escaped = filter("{ $.latency > 0 }").metricValue("$.latency").build();
        assertThat(one(escaped, "{\"lat\\u0065ncy\":7}")).contains(point(T0, 7.0));
    }
}
