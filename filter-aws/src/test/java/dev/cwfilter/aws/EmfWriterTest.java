package dev.cwfilter.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cwfilter.Datapoint;
import dev.cwfilter.StandardUnit;
import dev.cwfilter.metric.MetricAggregator;
import dev.cwfilter.metric.Statistic;
import dev.cwfilter.metric.StatisticsQuery;
import dev.cwfilter.propcheck.Gen;
import dev.cwfilter.propcheck.PropCheck;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Embedded Metric Format lines, against the specification's shape (AWS-SHAPES.md 4.2). */
class EmfWriterTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long T = 1_763_726_400_000L;

    static List<JsonNode> lines(String text) throws Exception {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (!line.isEmpty()) {
                lines.add(JSON.readTree(line));
            }
        }
        return lines;
    }

    @Test
    void eachLineIsAnEmfEventWithItsDirectiveDimensionsAndValues() throws Exception {
        StringWriter out = new StringWriter();
        try (EmfWriter emf = EmfWriter.to(out, "CloudTrailMetrics", "Errors")) {
            emf.accept(new Datapoint(T + 1_000, 1, StandardUnit.COUNT, Map.of("Service", "api")));
            emf.accept(new Datapoint(T + 2_000, 3, StandardUnit.COUNT, Map.of("Service", "api")));
            emf.accept(new Datapoint(T + 3_000, 5, StandardUnit.COUNT, Map.of("Service", "auth")));
            emf.accept(new Datapoint(T + 61_000, 7, StandardUnit.COUNT, Map.of("Service", "auth")));
            assertThat(emf.lines()).isEqualTo(2);
        }
        List<JsonNode> lines = lines(out.toString());
        assertThat(lines).hasSize(3);
        JsonNode first = lines.get(0);
        assertThat(AlarmMessagesTest.fieldNames(first)).containsExactly("_aws", "Service", "Errors");
        assertThat(first.at("/_aws/Timestamp").asLong()).isEqualTo(T + 1_000);
        JsonNode directive = first.at("/_aws/CloudWatchMetrics/0");
        assertThat(first.at("/_aws/CloudWatchMetrics")).hasSize(1);
        assertThat(directive.get("Namespace").asText()).isEqualTo("CloudTrailMetrics");
        assertThat(directive.get("Dimensions").toString()).isEqualTo("[[\"Service\"]]");
        assertThat(directive.get("Metrics").toString())
                .isEqualTo("[{\"Name\":\"Errors\",\"Unit\":\"Count\",\"StorageResolution\":60}]");
        assertThat(first.get("Service").asText()).isEqualTo("api");
        assertThat(first.get("Errors").toString()).isEqualTo("[1.0,3.0]");
        assertThat(lines.get(1).get("Errors").toString()).isEqualTo("5.0");
        assertThat(lines.get(2).at("/_aws/Timestamp").asLong()).isEqualTo(T + 61_000);
        assertThat(out.toString()).endsWith("}\n").doesNotContain("\n\n");
    }

    @Test
    void aMetricWithoutDimensionsHasOneEmptyDimensionSet() throws Exception {
        StringWriter out = new StringWriter();
        try (EmfWriter emf = EmfWriter.to(out, "N", "M")) {
            emf.accept(new Datapoint(T, 0, StandardUnit.NONE, Map.of()));
        }
        JsonNode line = lines(out.toString()).get(0);
        assertThat(line.at("/_aws/CloudWatchMetrics/0/Dimensions").toString()).isEqualTo("[[]]");
        assertThat(line.at("/_aws/CloudWatchMetrics/0/Metrics/0/Unit").asText()).isEqualTo("None");
    }

    @Test
    void whatEmfCannotCarryIsCountedNotWritten() throws Exception {
        StringWriter out = new StringWriter();
        EmfWriter emf = EmfWriter.to(out, "N", "M");
        emf.accept(new Datapoint(T, 1, StandardUnit.NONE, Map.of("M", "clash")));
        emf.accept(new Datapoint(T, 1, StandardUnit.NONE, Map.of("_aws", "clash")));
        emf.accept(new Datapoint(T, 1, StandardUnit.NONE, Map.of("D", "x".repeat(1025))));
        emf.accept(new Datapoint(T, 1, StandardUnit.NONE, Map.of("D", "ok")));
        emf.close();
        assertThat(emf.skipped()).isEqualTo(3);
        assertThat(emf.problems()).hasSize(3);
        assertThat(lines(out.toString())).hasSize(1);
        assertThatThrownBy(() -> EmfWriter.to(new StringWriter(), "My App", "M"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("namespace");
    }

    /** Law: what CloudWatch extracts from the lines has our statistics, minute by minute. */
    @Test
    void theLinesCarryEveryValueInItsMinute() {
        Gen<List<Datapoint>> datapoints = r -> {
            int n = r.nextInt(400);
            List<Datapoint> list = new ArrayList<>();
            long t = T;
            for (int i = 0; i < n; i++) {
                t += r.nextInt(20_000);
                list.add(new Datapoint(t, r.nextInt(7) - 3, StandardUnit.NONE,
                        r.nextInt(3) == 0 ? Map.of() : Map.of("K", "v" + r.nextInt(2))));
            }
            return list;
        };
        PropCheck.forAll(datapoints, list -> {
            StringWriter out = new StringWriter();
            try (EmfWriter emf = EmfWriter.to(out, "N", "M")) {
                emf.writeAll(list);
            }
            Map<Map<String, String>, MetricAggregator> theirs = new java.util.HashMap<>();
            for (JsonNode line : lines(out.toString())) {
                Map<String, String> dims = new java.util.HashMap<>();
                line.at("/_aws/CloudWatchMetrics/0/Dimensions/0").forEach(d -> dims.put(d.asText(),
                        line.get(d.asText()).asText()));
                JsonNode values = line.get("M");
                assertThat(values.isArray() ? values.size() : 1).isLessThanOrEqualTo(EmfWriter.MAX_VALUES_PER_LINE);
                MetricAggregator agg = theirs.computeIfAbsent(Map.copyOf(dims),
                        d -> MetricAggregator.builder().dimensions(d).build());
                for (JsonNode v : values.isArray() ? values : JSON.createArrayNode().add(values)) {
                    agg.add(new Datapoint(line.at("/_aws/Timestamp").asLong(), v.asDouble(), StandardUnit.NONE,
                            Map.copyOf(dims)));
                }
            }
            Map<Map<String, String>, MetricAggregator> ours = new java.util.HashMap<>();
            for (Datapoint d : list) {
                ours.computeIfAbsent(d.dimensions(), k -> MetricAggregator.builder().dimensions(k).build()).add(d);
            }
            assertThat(theirs.keySet()).isEqualTo(ours.keySet());
            StatisticsQuery q = StatisticsQuery.of(T - 60_000, T + 400L * 20_000 + 60_000, 60,
                    Statistic.SAMPLE_COUNT, Statistic.SUM, Statistic.MINIMUM, Statistic.MAXIMUM, Statistic.parse("p50"));
            ours.forEach((dims, agg) -> assertThat(theirs.get(dims).getMetricStatistics(q))
                    .isEqualTo(agg.getMetricStatistics(q)));
        });
    }
}
