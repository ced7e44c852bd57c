package dev.cwfilter.group;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cwfilter.Datapoint;
import dev.cwfilter.FilterOptions;
import dev.cwfilter.LogEvent;
import dev.cwfilter.LogGroup;
import dev.cwfilter.MetricFilter;
import dev.cwfilter.propcheck.Gen;
import dev.cwfilter.propcheck.PropCheck;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * A log group takes the metric values and dimensions of its JSON filters ({@code $.field}) in the walk that matches
 * them: for random filters over random events (repeated keys, escapes, nesting, values of every JSON type), each filter
 * publishes exactly what it publishes alone, which reads the values with its own reader.
 */
class LogGroupCaptureProperties {

    static final List<String> FIELDS = List.of("$.n", "$.m", "$.obj.n", "$.arr[0]", "$.arr[1].n", "$.s", "$.obj.s");
    static final List<String> NUMBERS = List.of("1", "2.5", "-3", "1e2", "0", "\"7\"", "\"x\"", "\"\\u0031\"", "null",
            "true", "{}", "[]", "\"\"", "12345678901234567890", "-0.0");

    static final Gen<String> VALUES = Gen.lazy(() -> Gen.frequency(
            Gen.weighted(6, Gen.elements(NUMBERS)),
            Gen.weighted(1, Gen.listOf(Gen.elements(NUMBERS), 0, 2).map(l -> "[" + String.join(",", l) + "]")),
            Gen.weighted(1, Gen.listOf(Gen.zip(Gen.elements("n", "s", "\\u006e"), Gen.elements(NUMBERS),
                    (k, v) -> "\"" + k + "\":" + v), 0, 3).map(l -> "[{" + String.join(",", l) + "},{"
                    + String.join(",", l) + "}]")),
            Gen.weighted(2, Gen.listOf(Gen.zip(Gen.elements("n", "s", "\\u006e"), Gen.elements(NUMBERS),
                    (k, v) -> "\"" + k + "\":" + v), 0, 3).map(l -> "{" + String.join(",", l) + "}"))));

    static final Gen<String> EVENTS = Gen.zip(Gen.listOf(Gen.zip(Gen.elements("n", "m", "obj", "arr", "s", "k",
            "\\u006d"), VALUES, (k, v) -> "\"" + k + "\":" + v), 0, 6), Gen.integers(0, 9),
            (members, cut) -> {
                String json = "{" + String.join(",", members) + "}";
                return cut == 0 ? json.substring(0, json.length() / 2) : json;
            });

    static final Gen<String> PATTERNS = Gen.elements("{ $.k NOT EXISTS }", "{ $.n = * }", "{ $.n > 0 }",
            "{ $.s = * || $.m = * }", "{ $.obj.n = * }", "{ $.arr[0] IS NULL || $.k IS TRUE }", "{ $.m != 1 }",
            "{ $.k = * }");

    record Spec(String pattern, String value, List<String> dimensions, boolean lenient) {
    }

    static final Gen<Spec> SPECS = Gen.zip(Gen.zip(PATTERNS, Gen.elements(FIELDS), (p, v) -> new String[] {p, v}),
            Gen.zip(Gen.listOf(Gen.elements(FIELDS), 0, 2), Gen.integers(0, 5), (d, l) -> new Object[] {d, l}),
            (pv, dl) -> {
                @SuppressWarnings("unchecked")
                List<String> dims = (List<String>) dl[0];
                return new Spec(pv[0], (int) dl[1] == 0 ? "1" : pv[1], dims, (int) dl[1] == 5);
            });

    static MetricFilter build(Spec spec, int i) {
        Map<String, String> dims = new LinkedHashMap<>();
        for (int d = 0; d < spec.dimensions().size(); d++) {
            dims.put("D" + d, spec.dimensions().get(d));
        }
        try {
            return MetricFilter.builder().filterName("f" + i).filterPattern(spec.pattern())
                    .options(FilterOptions.builder().lenientJsonPrefix(spec.lenient()).build())
                    .metricNamespace("T").metricName("m" + i).metricValue(spec.value()).dimensions(dims).build();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    @Test
    void everyFilterPublishesWhatItPublishesAlone() {
        PropCheck.tries(1500).forAll(Gen.listOf(SPECS, 1, 12), Gen.listOf(EVENTS, 1, 8), (specs, messages) -> {
            List<MetricFilter> filters = new ArrayList<>();
            for (Spec spec : specs) {
                MetricFilter f = build(spec, filters.size());
                if (f != null) {
                    filters.add(f);
                }
            }
            PropCheck.assume(!filters.isEmpty());
            List<LogEvent> events = new ArrayList<>();
            for (int e = 0; e < messages.size(); e++) {
                events.add(new LogEvent(e * 1000L, (e % 3 == 0 ? "x " : "") + messages.get(e)));
            }
            LogGroup group = LogGroup.builder().metricFilters(filters).build();
            Map<Integer, List<Datapoint>> together = new HashMap<>();
            LogGroup.Emitter emitter = group.emitter((i, d) -> together.computeIfAbsent(i, k -> new ArrayList<>())
                    .add(d));
            events.forEach(emitter::accept);
            emitter.flush();
            for (int i = 0; i < filters.size(); i++) {
                assertThat(together.getOrDefault(i, List.of())).as("filter %d: %s", i, filters.get(i))
                        .isEqualTo(filters.get(i).datapoints(events));
            }
        });
    }

    @Test
    void aRepeatedKeyGivesItsLastValueAndEscapedNamesAreReadAsTheirText() {
        MetricFilter value = Objects.requireNonNull(build(new Spec("{ $.n = * }", "$.n", List.of("$.obj.s"), false),
                0));
        LogGroup group = LogGroup.builder().metricFilter(value).build();
        List<Datapoint> out = new ArrayList<>();
        LogGroup.Emitter emitter = group.emitter((i, d) -> out.add(d));
        emitter.accept(new LogEvent(0, "{\"n\":1,\"obj\":{\"s\":\"a\\u00e9\"},\"n\":2}"));
        emitter.accept(new LogEvent(0, "{\"\\u006e\":3,\"obj\":{\"s\":\"b\"}}"));
        emitter.accept(new LogEvent(0, "{\"n\":4,\"obj\":{\"s\":\"c\"},\"obj\":{}}"));
        assertThat(out).extracting(Datapoint::value).containsExactly(2.0, 3.0);
        assertThat(out).extracting(d -> d.dimensions().get("D0")).containsExactly("a\u00e9", "b");
    }
}
