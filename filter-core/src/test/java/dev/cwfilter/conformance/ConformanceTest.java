package dev.cwfilter.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cwfilter.Datapoint;
import dev.cwfilter.FilterPattern;
import dev.cwfilter.FilterPatternException;
import dev.cwfilter.LogEvent;
import dev.cwfilter.MetricFilter;
import dev.cwfilter.MetricFilterMatchRecord;
import dev.cwfilter.PatternIssue;
import dev.cwfilter.StandardUnit;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.opentest4j.TestAbortedException;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;

/**
 * Every case of ../shared/conformance (copied into the test resources), one dynamic test per case named by its id.
 * The run ends with {@code conformance: N passed, M failed} (see {@link ConformanceSummaryListener}).
 */
class ConformanceTest {

    /**
     * Cases the library does not pass yet, with the reason. Each is still run: if it passes, its test fails so that
     * the entry is removed.
     */
    static final Map<String, String> KNOWN_SKIPS = Map.of();

    @TestFactory
    @Tag(ConformanceSummaryListener.TAG)
    Stream<DynamicNode> parse() {
        return Stream.of(container("parse.jsonl", ConformanceTest::checkParse));
    }

    static void checkParse(ConformanceCase c) {
        String pattern = c.pattern();
        if (c.json().get("valid").asBoolean()) {
            FilterPattern compiled = FilterPattern.compile(pattern);
            assertThat(FilterPattern.compile(compiled.toString())).as("canonical text recompiles").isEqualTo(compiled);
        } else {
            assertThatThrownBy(() -> FilterPattern.compile(pattern))
                    .as("%s must be rejected", c.describe())
                    .isInstanceOfSatisfying(FilterPatternException.class, e -> {
                        assertThat(e.issues()).isNotEmpty();
                        for (PatternIssue issue : e.issues()) {
                            assertThat(issue.offset()).isBetween(0, pattern.length());
                        }
                    });
        }
    }

    @TestFactory
    @Tag(ConformanceSummaryListener.TAG)
    Stream<DynamicNode> match() {
        return Stream.of(container("match.jsonl", ConformanceTest::checkMatch));
    }

    @TestFactory
    @Tag(ConformanceSummaryListener.TAG)
    Stream<DynamicNode> metrics() {
        return Stream.of(container("metrics.jsonl", ConformanceTest::checkMetric));
    }

    static void checkMatch(ConformanceCase c) {
        FilterPattern pattern = FilterPattern.compile(c.pattern());
        String event = c.json().get("event").asText();
        boolean expected = c.json().get("match").asBoolean();
        assertThat(pattern.matches(event)).as("%s on %s", c.describe(), event).isEqualTo(expected);
        byte[] utf8 = event.getBytes(StandardCharsets.UTF_8);
        assertThat(pattern.matches(utf8, 0, utf8.length)).as("UTF-8 bytes: %s", c.describe()).isEqualTo(expected);
        if (c.json().has("extracted")) {
            MetricFilter filter = MetricFilter.builder().filterPattern(c.pattern()).build();
            List<MetricFilterMatchRecord> matches = filter.test(List.of(event)).matches();
            assertThat(matches).hasSize(expected ? 1 : 0);
            if (expected) {
                assertThat(matches.get(0).eventNumber()).isEqualTo(1);
                assertThat(matches.get(0).eventMessage()).isEqualTo(event);
                assertThat(matches.get(0).extractedValues()).as("extractedValues of %s", c.describe())
                        .isEqualTo(stringMap(c.json().get("extracted")));
            }
        }
    }

    static void checkMetric(ConformanceCase c) {
        JsonNode x = c.json().get("extracted");
        MetricFilter.Builder builder = MetricFilter.builder().filterPattern(c.pattern())
                .metricNamespace("Conformance").metricName(c.id())
                .metricValue(x.get("metricValueExpr").asText());
        if (x.has("defaultValue")) {
            builder.defaultValue(x.get("defaultValue").asDouble());
        }
        if (x.has("unit")) {
            builder.unit(StandardUnit.fromAwsName(x.get("unit").asText()));
        }
        if (x.has("dimensionExprs")) {
            builder.dimensions(stringMap(x.get("dimensionExprs")));
        }
        MetricFilter filter = builder.build();
        String event = c.json().get("event").asText();
        assertThat(filter.pattern().matches(event)).as("match of %s", c.describe())
                .isEqualTo(c.json().get("match").asBoolean());
        Optional<Datapoint> datapoint = filter.datapointFor(new LogEvent(1_700_000_000_000L, event));
        boolean emitted = !x.has("emitted") || x.get("emitted").asBoolean();
        if (!emitted || !x.has("metricValue")) {
            assertThat(datapoint).as("%s publishes nothing", c.describe()).isEmpty();
            return;
        }
        assertThat(datapoint).as("%s publishes a datapoint", c.describe()).isPresent();
        Datapoint d = datapoint.get();
        assertThat(d.value()).isEqualTo(x.get("metricValue").asDouble());
        assertThat(d.timestamp()).isEqualTo(1_700_000_000_000L);
        assertThat(d.unit()).isEqualTo(x.has("unit") ? StandardUnit.fromAwsName(x.get("unit").asText())
                : StandardUnit.NONE);
        assertThat(d.dimensions()).isEqualTo(x.has("dimensions") ? stringMap(x.get("dimensions")) : Map.of());
    }

    private static Map<String, String> stringMap(JsonNode object) {
        Map<String, String> map = new LinkedHashMap<>();
        object.properties().forEach(e -> map.put(e.getKey(), e.getValue().asText()));
        return map;
    }

    static DynamicContainer container(String file, CaseCheck check) {
        List<ConformanceCase> cases = ConformanceFiles.read(file);
        assertThat(cases).as(file).isNotEmpty();
        return DynamicContainer.dynamicContainer(file, cases.stream()
                .map(c -> DynamicTest.dynamicTest(c.id(), () -> run(c, check))));
    }

    /** Runs a case; a known skip is aborted with its reason, and fails if the case has started to pass. */
    private static void run(ConformanceCase c, CaseCheck check) throws Exception {
        String skip = KNOWN_SKIPS.get(c.id());
        if (skip == null) {
            check.check(c);
            return;
        }
        try {
            check.check(c);
        } catch (AssertionError expected) {
            throw new TestAbortedException(skip);
        }
        throw new AssertionError(c.id() + " is listed in KNOWN_SKIPS (" + skip + ") but now passes: remove it");
    }

    /** Checks one case; throws an AssertionError if CloudWatch would answer differently. */
    @FunctionalInterface
    interface CaseCheck {
        void check(ConformanceCase c) throws Exception;
    }
}
