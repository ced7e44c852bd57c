package dev.cwfilter.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cwfilter.Datapoint;
import dev.cwfilter.FilterPattern;
import dev.cwfilter.LogEvent;
import dev.cwfilter.LogGroup;
import dev.cwfilter.MetricFilter;
import dev.cwfilter.PatternSet;
import dev.cwfilter.StandardUnit;
import dev.cwfilter.propcheck.Gen;
import dev.cwfilter.propcheck.PropCheck;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The conformance suite run as sets: its cases split into random groups, each group's patterns one
 * {@link PatternSet} (and its metric filters one {@link LogGroup}); every case's event, evaluated by its group, gets
 * the case's expected answer at the case's index, and every other pattern of the group its own answer.
 */
class ConformanceAsSetsTest {

    private static final List<ConformanceCase> MATCH = ConformanceFiles.read("match.jsonl");
    private static final List<ConformanceCase> METRICS = ConformanceFiles.read("metrics.jsonl");

    @Test
    void everyMatchCaseHoldsInRandomGroupings() {
        PropCheck.tries(40).forAll(Gen.longs(0, Long.MAX_VALUE), Gen.integers(1, 60), (seed, groupSize) -> {
            List<ConformanceCase> cases = new ArrayList<>(MATCH);
            Collections.shuffle(cases, new Random(seed));
            for (int from = 0; from < cases.size(); from += groupSize) {
                List<ConformanceCase> group = cases.subList(from, Math.min(cases.size(), from + groupSize));
                List<FilterPattern> patterns = group.stream().map(c -> FilterPattern.compile(c.pattern())).toList();
                PatternSet set = PatternSet.of(patterns);
                BitSet text = new BitSet();
                BitSet bytes = new BitSet();
                for (int i = 0; i < group.size(); i++) {
                    String event = group.get(i).json().get("event").asText();
                    boolean expected = group.get(i).json().get("match").asBoolean();
                    set.matches(event, text);
                    byte[] utf8 = event.getBytes(StandardCharsets.UTF_8);
                    set.matches(utf8, 0, utf8.length, bytes);
                    assertThat(text.get(i)).as("%s on %s", group.get(i).describe(), event).isEqualTo(expected);
                    assertThat(bytes.get(i)).as("bytes: %s", group.get(i).describe()).isEqualTo(expected);
                    for (int j = 0; j < group.size(); j++) {
                        assertThat(text.get(j)).as("%s on %s", group.get(j).describe(), event)
                                .isEqualTo(patterns.get(j).matches(event));
                    }
                    assertThat(bytes).isEqualTo(text);
                }
            }
        });
    }

    @Test
    void everyMetricCasePublishesItsDatapointInRandomLogGroups() {
        PropCheck.tries(40).forAll(Gen.longs(0, Long.MAX_VALUE), Gen.integers(1, 10), (seed, groupSize) -> {
            List<ConformanceCase> cases = new ArrayList<>(METRICS);
            Collections.shuffle(cases, new Random(seed));
            for (int from = 0; from < cases.size(); from += groupSize) {
                List<ConformanceCase> group = cases.subList(from, Math.min(cases.size(), from + groupSize));
                List<MetricFilter> filters = group.stream().map(ConformanceAsSetsTest::filter).toList();
                LogGroup logGroup = LogGroup.builder().metricFilters(filters).build();
                for (int i = 0; i < group.size(); i++) {
                    JsonNode x = group.get(i).json().get("extracted");
                    LogEvent event = new LogEvent(1_700_000_000_000L, group.get(i).json().get("event").asText());
                    List<Datapoint> published = new ArrayList<>();
                    int index = i;
                    LogGroup.Emitter emitter = logGroup.emitter((f, d) -> {
                        if (f == index) {
                            published.add(d);
                        }
                    });
                    emitter.accept(event);
                    boolean emitted = !x.has("emitted") || x.get("emitted").asBoolean();
                    if (!emitted || !x.has("metricValue")) {
                        assertThat(published).as("%s publishes nothing", group.get(i).describe()).isEmpty();
                        continue;
                    }
                    assertThat(published).as("%s", group.get(i).describe()).hasSize(1);
                    assertThat(published.get(0).value()).isEqualTo(x.get("metricValue").asDouble());
                    assertThat(published.get(0).dimensions()).isEqualTo(x.has("dimensions")
                            ? stringMap(x.get("dimensions")) : Map.of());
                }
            }
        });
    }

    private static MetricFilter filter(ConformanceCase c) {
        JsonNode x = c.json().get("extracted");
        MetricFilter.Builder builder = MetricFilter.builder().filterName(c.id()).filterPattern(c.pattern())
                .metricNamespace("Conformance").metricName(c.id()).metricValue(x.get("metricValueExpr").asText());
        if (x.has("defaultValue")) {
            builder.defaultValue(x.get("defaultValue").asDouble());
        }
        if (x.has("unit")) {
            builder.unit(StandardUnit.fromAwsName(x.get("unit").asText()));
        }
        if (x.has("dimensionExprs")) {
            builder.dimensions(stringMap(x.get("dimensionExprs")));
        }
        return builder.build();
    }

    private static Map<String, String> stringMap(JsonNode object) {
        Map<String, String> map = new LinkedHashMap<>();
        object.properties().forEach(e -> map.put(e.getKey(), e.getValue().asText()));
        return map;
    }
}
