package dev.cwfilter.definitions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.cwfilter.StandardUnit;
import dev.cwfilter.metric.MetricId;
import dev.cwfilter.metric.PeriodStatistics;
import dev.cwfilter.metric.Statistic;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    @Test
    void statisticsAreNamedAsTheDocumentNamesThem() {
        assertThat(MetricsDocument.fieldName(Statistic.SAMPLE_COUNT)).isEqualTo("sampleCount");
        assertThat(MetricsDocument.fieldName(Statistic.MAXIMUM)).isEqualTo("maximum");
        assertThat(MetricsDocument.fieldName(Statistic.parse("TM(:90%)"))).isEqualTo("tm90");
        assertThat(MetricsDocument.fieldName(Statistic.parse("p99.9"))).isEqualTo("p99.9");
    }
}
