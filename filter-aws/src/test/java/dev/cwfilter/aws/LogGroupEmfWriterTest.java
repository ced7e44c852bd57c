package dev.cwfilter.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cwfilter.Datapoint;
import dev.cwfilter.LogEvent;
import dev.cwfilter.LogGroup;
import dev.cwfilter.MetricFilter;
import dev.cwfilter.StandardUnit;
import dev.cwfilter.metric.LogGroupMetrics;
import dev.cwfilter.metric.MetricAggregator;
import dev.cwfilter.metric.MetricId;
import dev.cwfilter.metric.Statistic;
import dev.cwfilter.metric.StatisticsQuery;
import dev.cwfilter.propcheck.Gen;
import dev.cwfilter.propcheck.PropCheck;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Embedded Metric Format lines for every metric of a log group. */
class LogGroupEmfWriterTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long T = 1_795_262_400_000L;

    static final LogGroup GROUP = LogGroup.builder()
            .metricFilter(MetricFilter.builder().filterName("Reads").filterPattern("{ $.eventName = \"GetSecretValue\" }")
                    .metricNamespace("Security").metricName("Secret reads").metricValue("1").defaultValue(0).build())
            // A second filter publishing to the same metric: its datapoints join the same lines.
            .metricFilter(MetricFilter.builder().filterName("MoreReads").filterPattern("{ $.eventName = \"BatchGet*\" }")
                    .metricNamespace("Security").metricName("Secret reads").metricValue("1").build())
            .metricFilter(MetricFilter.builder().filterName("Latency").filterPattern("{ $.latency = * }")
                    .metricNamespace("App").metricName("Latency").metricValue("$.latency")
                    .unit(StandardUnit.MILLISECONDS).dimension("User", "$.user").build())
            .metricFilter(MetricFilter.builder().filterName("Spaces").filterPattern("{ $.latency = * }")
                    .metricNamespace("My App").metricName("Latency").metricValue("$.latency").build())
            .build();

    static final Gen<List<LogEvent>> EVENTS = r -> {
        int n = r.nextInt(300);
        List<LogEvent> events = new ArrayList<>();
        long t = T;
        String[] names = {"GetSecretValue", "BatchGetSecretValue", "ListSecrets"};
        for (int i = 0; i < n; i++) {
            t += r.nextInt(15_000);
            String user = r.nextInt(3) == 0 ? "" : ",\"user\":\"u" + r.nextInt(3) + "\"";
            String latency = r.nextInt(2) == 0 ? "" : ",\"latency\":" + r.nextInt(500);
            events.add(new LogEvent(t, "{\"eventName\":\"" + names[r.nextInt(names.length)] + "\"" + user + latency
                    + "}"));
        }
        return events;
    };

    /** What CloudWatch Logs extracts from the lines, per metric, as aggregators. */
    static Map<MetricId, MetricAggregator> extracted(String text) throws Exception {
        Map<MetricId, MetricAggregator> metrics = new LinkedHashMap<>();
        for (String l : text.split("\n")) {
            if (l.isEmpty()) {
                continue;
            }
            JsonNode line = JSON.readTree(l);
            JsonNode directive = line.at("/_aws/CloudWatchMetrics/0");
            String name = directive.at("/Metrics/0/Name").asText();
            StandardUnit unit = StandardUnit.fromAwsName(directive.at("/Metrics/0/Unit").asText());
            Map<String, String> dims = new HashMap<>();
            directive.at("/Dimensions/0").forEach(d -> dims.put(d.asText(), line.get(d.asText()).asText()));
            MetricId id = new MetricId(directive.get("Namespace").asText(), name, Map.copyOf(dims));
            MetricAggregator agg = metrics.computeIfAbsent(id, k -> MetricAggregator.builder()
                    .dimensions(k.dimensions()).build());
            JsonNode values = line.get(name);
            for (JsonNode v : values.isArray() ? values : JSON.createArrayNode().add(values)) {
                agg.add(new Datapoint(line.at("/_aws/Timestamp").asLong(), v.asDouble(), unit, Map.copyOf(dims)));
            }
        }
        return metrics;
    }

    /**
     * Law: what CloudWatch extracts from the lines is, metric by metric, minute by minute, what the log group's
     * metrics hold; a metric EMF cannot carry is left out, counted and named.
     */
    @Test
    void theLinesCarryEveryMetricOfTheLogGroupMinuteByMinute() {
        PropCheck.tries(200).forAll(EVENTS, events -> {
            StringWriter out = new StringWriter();
            LogGroupMetrics metrics;
            long notWritten;
            try (LogGroupEmfWriter emf = LogGroupEmfWriter.to(out, GROUP)) {
                metrics = LogGroupMetrics.of(GROUP, MetricAggregator.builder(), emf);
                metrics.acceptAll(events);
                metrics.flush();
                notWritten = emf.skipped();
                assertThat(emf.problems()).singleElement().asString().startsWith("metric filter 'Spaces': namespace"
                        + " 'My App': EMF takes 1 to 256 characters");
            }
            Map<MetricId, MetricAggregator> theirs = extracted(out.toString());
            Map<MetricId, MetricAggregator> ours = new LinkedHashMap<>(metrics.metrics());
            long spaces = ours.keySet().stream().filter(id -> id.namespace().equals("My App"))
                    .mapToLong(id -> ours.get(id).acceptedCount()).sum();
            assertThat(notWritten).isEqualTo(spaces);
            ours.keySet().removeIf(id -> id.namespace().equals("My App"));
            assertThat(theirs.keySet()).isEqualTo(ours.keySet());
            StatisticsQuery q = StatisticsQuery.of(T - 60_000, T + 300L * 15_000 + 60_000, 60,
                    Statistic.SAMPLE_COUNT, Statistic.SUM, Statistic.MINIMUM, Statistic.MAXIMUM, Statistic.parse("p90"));
            ours.forEach((id, agg) -> assertThat(theirs.get(id).getMetricStatistics(q)).as(id.toString())
                    .isEqualTo(agg.getMetricStatistics(q)));
        });
    }

    @Test
    void twoFiltersOfOneMetricShareItsLinesAndFlushWritesWhatIsPending() throws Exception {
        StringWriter out = new StringWriter();
        LogGroupEmfWriter emf = LogGroupEmfWriter.to(out, GROUP);
        emf.datapoint(0, new Datapoint(T + 1_000, 1, StandardUnit.NONE, Map.of()));
        emf.datapoint(1, new Datapoint(T + 2_000, 1, StandardUnit.NONE, Map.of()));
        emf.datapoint(2, new Datapoint(T + 3_000, 250, StandardUnit.MILLISECONDS, Map.of("User", "u1")));
        assertThat(out.toString()).isEmpty();
        emf.flush();
        assertThat(emf.lines()).isEqualTo(2);
        List<JsonNode> lines = EmfWriterTest.lines(out.toString());
        assertThat(lines.get(0).get("Secret reads").toString()).isEqualTo("[1.0,1.0]");
        assertThat(lines.get(1).get("Latency").toString()).isEqualTo("250.0");
        assertThat(lines.get(1).get("User").asText()).isEqualTo("u1");
        emf.datapoint(3, new Datapoint(T, 5, StandardUnit.NONE, Map.of()));
        emf.close();
        assertThat(emf.skipped()).isEqualTo(1);
        assertThat(emf.lines()).isEqualTo(2);
    }
}
