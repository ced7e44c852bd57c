package dev.cwfilter.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cwfilter.LogEvent;
import dev.cwfilter.LogGroup;
import dev.cwfilter.MetricFilter;
import dev.cwfilter.live.LogGroupMonitor;
import dev.cwfilter.live.MonitorClock;
import dev.cwfilter.metric.LogGroupMetrics;
import dev.cwfilter.metric.MetricAggregator;
import dev.cwfilter.metric.MetricId;
import dev.cwfilter.metric.PeriodStatistics;
import dev.cwfilter.metric.StatisticsQuery;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricStatisticsResponse;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;

/** PutMetricData as a live monitor completes periods, against moto, read back with GetMetricStatistics. */
class MetricDataStreamTest {

    static final long START = MetricDataPublisherTest.START;

    @RegisterExtension
    static final MotoAccount MOTO = new MotoAccount();

    static List<software.amazon.awssdk.services.cloudwatch.model.Datapoint> theirs(String namespace, String name,
                                                                               Map<String, String> dims) {
        List<Dimension> dimensions = new ArrayList<>();
        dims.forEach((k, v) -> dimensions.add(Dimension.builder().name(k).value(v).build()));
        GetMetricStatisticsResponse r = MOTO.aws().cloudWatch().getMetricStatistics(b -> b.namespace(namespace)
                .metricName(name).dimensions(dimensions).startTime(java.time.Instant.ofEpochMilli(START))
                .endTime(java.time.Instant.ofEpochMilli(START + 3_600_000L)).period(60)
                .statistics(Statistic.SUM, Statistic.SAMPLE_COUNT, Statistic.MINIMUM, Statistic.MAXIMUM));
        return r.datapoints().stream().sorted(Comparator.comparing(
                software.amazon.awssdk.services.cloudwatch.model.Datapoint::timestamp)).toList();
    }

    /**
     * A log group's monitor hands each complete period to the stream; what GetMetricStatistics answers afterwards is,
     * metric by metric and period by period, what the log group's metrics hold.
     */
    @Test
    void whatTheMonitorPublishesReadsBackAsTheLogGroupsMetrics() throws Exception {
        String namespace = "Live" + UUID.randomUUID().toString().substring(0, 8);
        LogGroup group = LogGroup.builder()
                .metricFilter(MetricFilter.builder().filterName("Latency").filterPattern("{ $.latency = * }")
                        .metricNamespace(namespace).metricName("Latency").metricValue("$.latency")
                        .dimension("Service", "$.service").build())
                .metricFilter(MetricFilter.builder().filterName("Slow").filterPattern("{ $.latency > 400 }")
                        .metricNamespace(namespace).metricName("Slow").metricValue("1").defaultValue(0).build())
                .build();
        List<LogEvent> events = new ArrayList<>(MetricDataPublisherTest.latencyEvents(3000, 7));
        events.sort(Comparator.comparingLong(LogEvent::timestamp));
        int before = MOTO.proxy().calls("monitoring", "PutMetricData");
        try (MetricDataStream stream = MetricDataStream.builder(MOTO.aws().cloudWatch()).maxDataPerRequest(50)
                .build()) {
            try (LogGroupMonitor monitor = LogGroupMonitor.builder(group).clock(MonitorClock.eventTime())
                    .listener(stream).build()) {
                for (LogEvent e : events) {
                    monitor.put(e);
                }
                monitor.finish();
            }
            assertThat(stream.flush(Duration.ofSeconds(30))).isTrue();
            DeliveryCounts c = stream.counts();
            assertThat(c.failed()).isZero();
            assertThat(c.delivered()).isEqualTo(c.created()).isGreaterThan(100);
            // Batched: at most 50 data per request.
            assertThat(MOTO.proxy().calls("monitoring", "PutMetricData") - before).isBetween((int) (c.delivered() / 50),
                    (int) c.delivered());
        }
        LogGroupMetrics ours = LogGroupMetrics.of(group).acceptAll(events);
        ours.flush();
        for (Map.Entry<MetricId, MetricAggregator> e : ours.metrics().entrySet()) {
            MetricId id = e.getKey();
            List<PeriodStatistics> expected = e.getValue().getMetricStatistics(StatisticsQuery.of(START,
                    START + 3_600_000L, 60, dev.cwfilter.metric.Statistic.SUM, dev.cwfilter.metric.Statistic
                            .SAMPLE_COUNT, dev.cwfilter.metric.Statistic.MINIMUM,
                    dev.cwfilter.metric.Statistic.MAXIMUM));
            var actual = theirs(id.namespace(), id.metricName(), id.dimensions());
            assertThat(actual).as(id.toString()).hasSameSizeAs(expected);
            for (int i = 0; i < expected.size(); i++) {
                assertThat(actual.get(i).timestamp().toEpochMilli()).isEqualTo(expected.get(i).timestamp());
                assertThat(actual.get(i).sum()).isEqualTo(expected.get(i).value(dev.cwfilter.metric.Statistic.SUM)
                        .getAsDouble());
                assertThat(actual.get(i).sampleCount()).isEqualTo(expected.get(i).value(
                        dev.cwfilter.metric.Statistic.SAMPLE_COUNT).getAsDouble());
                assertThat(actual.get(i).minimum()).isEqualTo(expected.get(i).value(
                        dev.cwfilter.metric.Statistic.MINIMUM).getAsDouble());
                assertThat(actual.get(i).maximum()).isEqualTo(expected.get(i).value(
                        dev.cwfilter.metric.Statistic.MAXIMUM).getAsDouble());
            }
        }
    }

    /** Data PutMetricData would refuse are reported without failing the others; a failing call is reported. */
    @Test
    void refusedAndFailedDataAreReportedAndNothingIsLostUnannounced() throws Exception {
        String namespace = "Live" + UUID.randomUUID().toString().substring(0, 8);
        MetricAggregator metric = MetricAggregator.builder().build();
        metric.add(new dev.cwfilter.Datapoint(START + 1_000, 3, dev.cwfilter.StandardUnit.NONE, Map.of()));
        PeriodStatistics recent = metric.getMetricStatistics(StatisticsQuery.of(START, START + 60_000, 60,
                dev.cwfilter.metric.Statistic.SUM, dev.cwfilter.metric.Statistic.SAMPLE_COUNT,
                dev.cwfilter.metric.Statistic.MINIMUM, dev.cwfilter.metric.Statistic.MAXIMUM)).get(0);
        PeriodStatistics old = new PeriodStatistics(START - Duration.ofDays(20).toMillis(), recent.unit(),
                recent.values());
        List<String> failures = new ArrayList<>();
        try (MetricDataStream stream = MetricDataStream.builder(MOTO.aws().cloudWatch()).listener(
                new MetricDataStream.Listener() {
                    @Override
                    public synchronized void failed(MetricDataStream.Datum datum, DeliveryFailure failure) {
                        failures.add(failure.reason() + ": " + failure.message());
                    }
                }).build()) {
            stream.datapoint(new MetricId(namespace, "M", Map.of()), recent);
            stream.datapoint(new MetricId(namespace, "M", Map.of()), old);
            stream.datapoint(new MetricId("AWS/EC2", "M", Map.of()), recent);
            stream.datapoint(new MetricId(namespace, "M", Map.of("Host", "caf\u00e9")), recent);
            assertThat(stream.flush(Duration.ofSeconds(30))).isTrue();
            MOTO.proxy().failNext("monitoring", "PutMetricData", 3, 500, "InternalServiceError");
            stream.datapoint(new MetricId(namespace, "N", Map.of()), recent);
            assertThat(stream.flush(Duration.ofSeconds(30))).isTrue();
            assertThat(stream.counts()).isEqualTo(new DeliveryCounts(5, 1, 4, 0, 0, 0, 0));
        }
        assertThat(failures).hasSize(4);
        assertThat(failures.get(0)).startsWith("INVALID: not sent: " + namespace + "/M").contains("14 days old");
        assertThat(failures.get(1)).startsWith("INVALID: not sent: AWS/EC2/M").contains("the AWS/ namespaces");
        assertThat(failures.get(2)).startsWith("INVALID: not sent: " + namespace + "/M{Host=caf\u00e9}")
                .contains("printable ASCII");
        assertThat(failures.get(3)).startsWith("PUBLISH_FAILED: PutMetricData of 1 metric data to " + namespace)
                .contains("InternalServiceError");
        assertThat(theirs(namespace, "M", Map.of())).singleElement().satisfies(d -> assertThat(d.sum())
                .isEqualTo(3.0));
    }
}
