package dev.cwfilter.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cwfilter.Datapoint;
import dev.cwfilter.LogEvent;
import dev.cwfilter.MetricFilter;
import dev.cwfilter.StandardUnit;
import dev.cwfilter.metric.FilterMetrics;
import dev.cwfilter.metric.MetricAggregator;
import dev.cwfilter.metric.PeriodStatistics;
import dev.cwfilter.metric.StatisticsQuery;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricStatisticsResponse;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;

/** PutMetricData against moto, read back with GetMetricStatistics. */
class MetricDataPublisherTest {

    /** A recent, minute-aligned hour: PutMetricData takes two weeks back at most. */
    static final long START = (System.currentTimeMillis() - 3 * 3_600_000L) / 3_600_000L * 3_600_000L;
    static final Clock CLOCK = Clock.fixed(Instant.ofEpochMilli(START + 3 * 3_600_000L), ZoneOffset.UTC);

    @RegisterExtension
    static final MotoAccount MOTO = new MotoAccount();

    static List<LogEvent> latencyEvents(int count, long seed) {
        Random random = new Random(seed);
        List<LogEvent> events = new ArrayList<>();
        String[] services = {"api", "auth", "billing"};
        for (int i = 0; i < count; i++) {
            long t = START + random.nextInt(60) * 60_000L + random.nextInt(60_000);
            events.add(new LogEvent(t, "{\"service\":\"" + services[random.nextInt(3)] + "\",\"latency\":"
                    + random.nextInt(500) + "}"));
        }
        return events;
    }

    private GetMetricStatisticsResponse readBack(String namespace, String metricName, Map<String, String> dims,
                                                 int period) {
        List<Dimension> dimensions = new ArrayList<>();
        dims.forEach((n, v) -> dimensions.add(Dimension.builder().name(n).value(v).build()));
        return MOTO.aws().cloudWatch().getMetricStatistics(b -> b.namespace(namespace).metricName(metricName)
                .dimensions(dimensions).startTime(Instant.ofEpochMilli(START))
                .endTime(Instant.ofEpochMilli(START + 3_600_000L)).period(period)
                .statistics(Statistic.SAMPLE_COUNT, Statistic.SUM, Statistic.MINIMUM, Statistic.MAXIMUM,
                        Statistic.AVERAGE));
    }

    private static void assertSameStatistics(GetMetricStatisticsResponse theirs, MetricAggregator ours, int period) {
        List<PeriodStatistics> expected = ours.getMetricStatistics(StatisticsQuery.of(START, START + 3_600_000L,
                period, dev.cwfilter.metric.Statistic.SAMPLE_COUNT, dev.cwfilter.metric.Statistic.SUM,
                dev.cwfilter.metric.Statistic.MINIMUM, dev.cwfilter.metric.Statistic.MAXIMUM,
                dev.cwfilter.metric.Statistic.AVERAGE));
        var actual = theirs.datapoints().stream()
                .sorted(java.util.Comparator.comparing(software.amazon.awssdk.services.cloudwatch.model.Datapoint::timestamp))
                .toList();
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            PeriodStatistics e = expected.get(i);
            var a = actual.get(i);
            assertThat(a.timestamp().toEpochMilli()).isEqualTo(e.timestamp());
            assertThat(a.sampleCount()).isEqualTo(e.value(dev.cwfilter.metric.Statistic.SAMPLE_COUNT).getAsDouble());
            assertThat(a.sum()).isEqualTo(e.value(dev.cwfilter.metric.Statistic.SUM).getAsDouble());
            assertThat(a.minimum()).isEqualTo(e.value(dev.cwfilter.metric.Statistic.MINIMUM).getAsDouble());
            assertThat(a.maximum()).isEqualTo(e.value(dev.cwfilter.metric.Statistic.MAXIMUM).getAsDouble());
            assertThat(a.average()).isCloseTo(e.value(dev.cwfilter.metric.Statistic.AVERAGE).getAsDouble(),
                    org.assertj.core.data.Offset.offset(1e-9));
            assertThat(a.unitAsString()).isEqualTo(e.unit().awsName());
        }
    }

    @Test
    void statisticSetsReadBackEqualToOursPerDimensionCombination() {
        String namespace = "Test" + UUID.randomUUID().toString().substring(0, 8);
        MetricFilter filter = MetricFilter.builder().filterPattern("{ $.latency = * }").metricNamespace(namespace)
                .metricName("Latency").metricValue("$.latency").dimension("Service", "$.service")
                .unit(StandardUnit.MILLISECONDS).build();
        FilterMetrics metrics = FilterMetrics.of(filter).acceptAll(latencyEvents(3000, 1));
        MetricDataPublisher.Result result = MetricDataPublisher.builder(MOTO.aws().cloudWatch()).clock(CLOCK).build()
                .publishStatistics(metrics, 60);
        assertThat(result.problems()).isEmpty();
        assertThat(result.complete()).isTrue();
        assertThat(result.sent()).isEqualTo(3 * 60);
        assertThat(result.requests()).isEqualTo(1);
        assertThat(metrics.metrics()).hasSize(3);
        metrics.metrics().forEach((dims, ours) -> {
            assertSameStatistics(readBack(namespace, "Latency", dims, 60), ours, 60);
        });
    }

    @Test
    void valuesAndCountsReadBackEqualToOurs() {
        String namespace = "Test" + UUID.randomUUID().toString().substring(0, 8);
        MetricFilter filter = MetricFilter.builder().filterPattern("{ $.latency > 100 }").metricNamespace(namespace)
                .metricName("Slow").metricValue("$.latency").build();
        List<Datapoint> datapoints = filter.datapoints(latencyEvents(2000, 2));
        MetricDataPublisher.Result result = MetricDataPublisher.builder(MOTO.aws().cloudWatch()).clock(CLOCK).build()
                .publishDatapoints(namespace, "Slow", datapoints);
        assertThat(result.problems()).isEmpty();
        assertThat(result.complete()).isTrue();
        MetricAggregator ours = MetricAggregator.create();
        ours.addAll(datapoints);
        assertSameStatistics(readBack(namespace, "Slow", Map.of(), 60), ours, 60);
        assertSameStatistics(readBack(namespace, "Slow", Map.of(), 300), ours, 300);
    }

    @Test
    void requestsStayWithinTheApiLimitOfAThousandData() {
        String namespace = "Test" + UUID.randomUUID().toString().substring(0, 8);
        List<Datapoint> datapoints = new ArrayList<>();
        for (int i = 0; i < 2500; i++) {
            datapoints.add(new Datapoint(START + (i % 60) * 60_000L, i, StandardUnit.COUNT,
                    Map.of("Shard", "s" + (i / 60))));
        }
        int before = MOTO.proxy().calls("monitoring", "PutMetricData");
        MetricDataPublisher.Result result = MetricDataPublisher.builder(MOTO.aws().cloudWatch()).clock(CLOCK).build()
                .publishDatapoints(namespace, "Writes", datapoints);
        assertThat(result.sent()).isEqualTo(2500);
        assertThat(result.requests()).isEqualTo(3);
        assertThat(MOTO.proxy().calls("monitoring", "PutMetricData") - before).isEqualTo(3);
    }

    @Test
    void dataTheApiWouldRefuseAreReportedAndTheRestIsSent() {
        String namespace = "Test" + UUID.randomUUID().toString().substring(0, 8);
        List<Datapoint> datapoints = List.of(
                new Datapoint(START + 60_000, 1, StandardUnit.NONE, Map.of("User", "alice")),
                new Datapoint(START + 60_000, 1, StandardUnit.NONE, Map.of("User", "zoë")),
                new Datapoint(START + 60_000, 1, StandardUnit.NONE, Map.of("User", " ")),
                new Datapoint(START - 15L * 24 * 3_600_000, 1, StandardUnit.NONE, Map.of("User", "bob")),
                new Datapoint(CLOCK.millis() + 3 * 3_600_000L, 1, StandardUnit.NONE, Map.of("User", "carol")));
        MetricDataPublisher.Result result = MetricDataPublisher.builder(MOTO.aws().cloudWatch()).clock(CLOCK).build()
                .publishDatapoints(namespace, "Logins", datapoints);
        assertThat(result.sent()).isEqualTo(1);
        assertThat(result.skipped()).isEqualTo(4);
        assertThat(result.complete()).isFalse();
        assertThat(result.problems()).hasSize(4).anySatisfy(p -> assertThat(p).contains("zoë", "printable ASCII"))
                .anySatisfy(p -> assertThat(p).contains("more than 14 days old"))
                .anySatisfy(p -> assertThat(p).contains("more than 2 hours ahead"));
        assertThat(readBack(namespace, "Logins", Map.of("User", "alice"), 60).datapoints()).hasSize(1);
    }

    @Test
    void failingRequestsAreRetriedByTheSdkThenReportedAndTheRestIsNotAttempted() {
        String namespace = "Test" + UUID.randomUUID().toString().substring(0, 8);
        List<Datapoint> datapoints = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            datapoints.add(new Datapoint(START + i * 60_000L, i, StandardUnit.NONE, Map.of()));
        }
        try (LocalAws faulty = LocalAws.shared();
             AwsClients client = AwsClients.builder().endpoint(faulty.endpoint()).region("us-east-1")
                     .credentials(Moto.CREDENTIALS).build()) {
            faulty.failNext("monitoring", "PutMetricData", 100, 503, "ServiceUnavailable");
            MetricDataPublisher.Result result = MetricDataPublisher.builder(client.cloudWatch()).clock(CLOCK)
                    .maxDataPerRequest(10).maxConsecutiveFailures(2).build()
                    .publishDatapoints(namespace, "Failing", datapoints);
            assertThat(result.sent()).isZero();
            assertThat(result.failed()).isEqualTo(20);
            assertThat(result.notAttempted()).isEqualTo(30);
            assertThat(result.problems()).hasSize(2).allSatisfy(p -> assertThat(p)
                    .contains("PutMetricData of 10 metric data to " + namespace, "ServiceUnavailable", "HTTP 503",
                            "after 3 attempts"));
            assertThat(result.problems().get(1)).contains("the rest is not attempted");
            // The SDK's standard retries: three attempts for each of the two requests.
            assertThat(faulty.calls("monitoring", "PutMetricData")).isEqualTo(6);
        }
    }
}
