package dev.cwfilter.definitions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.cwfilter.StandardUnit;
import dev.cwfilter.metric.MetricId;
import dev.cwfilter.metric.PeriodStatistics;
import dev.cwfilter.metric.Statistic;
import dev.cwfilter.propcheck.Gen;
import dev.cwfilter.propcheck.PropCheck;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The entries of the cwfilter.metrics/1 document: field names, their order, and absent values. */
class MetricsDocumentTest {

    @Test
    void aPeriodEntryHasTheBasicStatisticsFirstAndAnAbsentOneAsNull() throws Exception {
        Statistic p99 = Statistic.parse("p99");
        List<Statistic> order = MetricsDocument.periodStatistics(List.of(Statistic.AVERAGE, p99, Statistic.SUM, p99));
        assertThat(order).containsExactly(Statistic.SAMPLE_COUNT, Statistic.SUM, Statistic.MINIMUM,
                Statistic.MAXIMUM, Statistic.AVERAGE, p99);

        Map<Statistic, Double> values = new LinkedHashMap<>();
        values.put(Statistic.AVERAGE, 0.4);
        values.put(Statistic.SUM, 2.0);
        values.put(Statistic.SAMPLE_COUNT, 5.0);
        values.put(Statistic.MINIMUM, 0.0);
        values.put(Statistic.MAXIMUM, 1.0);
        PeriodStatistics p = new PeriodStatistics(1_795_262_580_000L, StandardUnit.NONE, values);

        StringWriter out = new StringWriter();
        try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
            g.writeStartObject();
            MetricsDocument.writeMetricIdFields(g, new MetricId("Ns", "Name", Map.of("User", "alice")));
            MetricsDocument.writePeriodFields(g, p, order);
            g.writeEndObject();
        }
        assertThat(out.toString()).isEqualTo("{\"namespace\":\"Ns\",\"metricName\":\"Name\","
                + "\"dimensions\":{\"User\":\"alice\"},\"timestamp\":\"2026-11-21T12:03:00Z\",\"unit\":\"None\","
                + "\"sampleCount\":5.0,\"sum\":2.0,\"minimum\":0.0,\"maximum\":1.0,\"average\":0.4,\"p99\":null}");
    }

    static final Gen<MetricId> IDS = Gen.zip(Gen.zip(Gen.elements("Ns", "App"), Gen.elements("A", "B"),
            (ns, name) -> List.of(ns, name)), Gen.listOf(Gen.zip(Gen.elements("K", "L", "M"), Gen.elements("1", "2"),
            Map::entry), 0, 3), (nn, dims) -> {
                Map<String, String> d = new LinkedHashMap<>();
                dims.forEach(e -> d.putIfAbsent(e.getKey(), e.getValue()));
                return new MetricId(nn.get(0), nn.get(1), d);
            });

    /**
     * The metrics' order is a total order consistent with equality, and the document puts its metrics (and each
     * metric's periods) in it whatever the order they are given in: two orders give the same document.
     */
    @Test
    void theMetricsAreInOneOrderWhateverTheOrderGiven() {
        PropCheck.tries(300).forAll(Gen.listOf(IDS, 0, 8), Gen.longs(0, Long.MAX_VALUE), (ids, seed) -> {
            for (MetricId a : ids) {
                for (MetricId b : ids) {
                    int ab = MetricsDocument.METRIC_ORDER.compare(a, b);
                    assertThat(Integer.signum(ab)).isEqualTo(-Integer.signum(MetricsDocument.METRIC_ORDER.compare(b,
                            a)));
                    assertThat(ab == 0).isEqualTo(a.equals(b));
                }
            }
            List<MetricId> distinct = ids.stream().distinct().toList();
            List<MetricId> shuffled = new ArrayList<>(distinct);
            Collections.shuffle(shuffled, new Random(seed));
            assertThat(json(document(shuffled))).isEqualTo(json(document(distinct)));
            assertThat(document(shuffled).metrics().stream().map(MetricsDocument.Metric::id).toList())
                    .isSortedAccordingTo(MetricsDocument.METRIC_ORDER);
            for (MetricsDocument.Metric m : document(shuffled).metrics()) {
                assertThat(m.periods()).isSortedAccordingTo(MetricsDocument.PERIOD_ORDER).hasSize(6);
            }
        });
        assertThat(List.of(new MetricId("Ns", "A", Map.of("K", "2")), new MetricId("Ns", "A", Map.of("K", "1",
                "L", "1")), new MetricId("Ns", "A", Map.of()), new MetricId("App", "B", Map.of()),
                new MetricId("Ns", "A", Map.of("K", "1"))).stream().sorted(MetricsDocument.METRIC_ORDER).toList())
                .containsExactly(new MetricId("App", "B", Map.of()), new MetricId("Ns", "A", Map.of()),
                        new MetricId("Ns", "A", Map.of("K", "1")), new MetricId("Ns", "A", Map.of("K", "1", "L", "1")),
                        new MetricId("Ns", "A", Map.of("K", "2")));
    }

    static MetricsDocument document(List<MetricId> ids) {
        List<MetricsDocument.Metric> metrics = new ArrayList<>();
        for (MetricId id : ids) {
            List<PeriodStatistics> periods = new ArrayList<>();
            for (int i = 2; i >= 0; i--) {
                periods.add(new PeriodStatistics(60_000L * i, StandardUnit.NONE, Map.of(Statistic.SUM, (double) i)));
                periods.add(new PeriodStatistics(60_000L * i, StandardUnit.COUNT, Map.of(Statistic.SUM, 1.0)));
            }
            Collections.shuffle(periods, new Random(id.hashCode()));
            metrics.add(new MetricsDocument.Metric(id, 6, 0, periods));
        }
        return new MetricsDocument("", 60, List.of(Statistic.SUM), 0, 0, List.of(), metrics, List.of(), List.of(),
                List.of());
    }

    static String json(MetricsDocument doc) throws Exception {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
            doc.write(g);
        }
        return out.toString();
    }

    @Test
    void statisticsAreNamedAsTheDocumentNamesThem() {
        assertThat(MetricsDocument.fieldName(Statistic.SAMPLE_COUNT)).isEqualTo("sampleCount");
        assertThat(MetricsDocument.fieldName(Statistic.MAXIMUM)).isEqualTo("maximum");
        assertThat(MetricsDocument.fieldName(Statistic.parse("TM(:90%)"))).isEqualTo("tm90");
        assertThat(MetricsDocument.fieldName(Statistic.parse("p99.9"))).isEqualTo("p99.9");
    }
}
