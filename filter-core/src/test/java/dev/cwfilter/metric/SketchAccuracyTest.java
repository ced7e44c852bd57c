package dev.cwfilter.metric;

import dev.cwfilter.internal.stats.SketchSettings;
import dev.cwfilter.internal.stats.StatisticCalculator;
import dev.cwfilter.internal.stats.ValueAccumulator;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import static dev.cwfilter.metric.TestMetrics.MINUTE;
import static dev.cwfilter.metric.TestMetrics.NOON;
import static dev.cwfilter.metric.TestMetrics.datapoint;
import static org.assertj.core.api.Assertions.assertThat;


/**
 * Measures the sketch against exact values on a large sample and checks the accuracy and memory the aggregator's
 * documentation states: exact up to the exact value limit, within the relative accuracy beyond it, and at most
 * {@code maxSketchBins} bins a bucket.
 */
class SketchAccuracyTest {

    private static final int SAMPLE_SIZE = 300_000;
    private static double[] latencies;
    private static MetricAggregator metric;
    private static ReferenceStatistics exact;

    @BeforeAll
    static void aggregateALargeLogNormalSample() {
        Random random = new Random(20261121);
        latencies = new double[SAMPLE_SIZE];
        metric = MetricAggregator.create();
        for (int i = 0; i < SAMPLE_SIZE; i++) {
            // Log-normal latencies around 50 ms with a long tail, and some exact zeros.
            latencies[i] = i % 997 == 0 ? 0.0 : Math.exp(Math.log(50) + 1.5 * random.nextGaussian());
            metric.add(datapoint(NOON + (i % 60_000), latencies[i]));
        }
        exact = new ReferenceStatistics(latencies);
    }

    @Test
    void everyPercentileIsWithinTheRelativeAccuracyOfTheExactOne() {
        double alpha = metric.relativeAccuracy();
        double worst = 0;
        for (Statistic p : percentiles()) {
            double estimate = value(p);
            double truth = exact.compute(p).getAsDouble();
            double error = truth == 0 ? Math.abs(estimate) : Math.abs(estimate - truth) / truth;
            worst = Math.max(worst, error);
            assertThat(error).as("relative error of %s: %s vs exact %s", p, estimate, truth)
                    .isLessThanOrEqualTo(alpha);
        }
        // The bound is not vacuous: the sketch does approximate.
        assertThat(worst).isGreaterThan(0);
    }

    @Test
    void trimmedAndWinsorizedMeansAreWithinTheRelativeAccuracy() {
        double alpha = metric.relativeAccuracy();
        for (String name : List.of("tm90", "tm99", "TM(10%:90%)", "IQM", "wm90", "WM(5%:95%)", "TM(1%:)")) {
            Statistic s = Statistic.parse(name);
            double truth = exact.compute(s).getAsDouble();
            assertThat(Math.abs(value(s) - truth) / truth).as(name).isLessThanOrEqualTo(alpha);
        }
    }

    @Test
    void rankBasedCountsStayExact() {
        for (String name : List.of("tc90", "TC(10%:90%)", "SampleCount")) {
            Statistic s = Statistic.parse(name);
            assertThat(value(s)).as(name).isEqualTo(exact.compute(s).getAsDouble());
        }
    }

    @Test
    void basicStatisticsStayExact() {
        for (Statistic s : List.of(Statistic.SUM, Statistic.AVERAGE, Statistic.MINIMUM, Statistic.MAXIMUM)) {
            assertThat(value(s)).as(s.awsName()).isEqualTo(exact.compute(s).getAsDouble());
        }
    }

    @Test
    void aSketchedBucketHoldsAtMostMaxSketchBinsRuns() {
        ValueAccumulator bucket = new ValueAccumulator(SketchSettings.of(1024, 0.01, 2048));
        Random random = new Random(3);
        for (int i = 0; i < 200_000; i++) {
            // Values over 30 orders of magnitude need more bins than allowed, so the lowest ones collapse.
            bucket.add(Math.pow(10, -15 + 30 * random.nextDouble()));
        }
        assertThat(bucket.isExact()).isFalse();
        // One more run than bins at most: the zero run.
        assertThat(bucket.sortedSample().orElseThrow().runs()).isLessThanOrEqualTo(2048 + 1);
        assertThat(bucket.count()).isEqualTo(200_000);
    }

    @Test
    void highPercentilesStayAccurateWhenLowValuesCollapse() {
        MetricAggregator narrow = MetricAggregator.builder().exactValueLimit(0).maxSketchBins(64).build();
        List<Double> values = new ArrayList<>();
        Random random = new Random(5);
        for (int i = 0; i < 20_000; i++) {
            values.add(Math.pow(10, 6 * random.nextDouble()));
        }
        values.forEach(v -> narrow.add(datapoint(NOON, v)));
        ReferenceStatistics reference =
                new ReferenceStatistics(values.stream().mapToDouble(Double::doubleValue).toArray());
        Statistic p99 = Statistic.parse("p99");
        Statistic p1 = Statistic.parse("p1");
        PeriodStatistics result = narrow.getMetricStatistics(StatisticsQuery.of(NOON, NOON + MINUTE, 60, p99, p1))
                .get(0);
        double p99Exact = reference.compute(p99).getAsDouble();
        assertThat(Math.abs(result.value(p99).getAsDouble() - p99Exact) / p99Exact).isLessThanOrEqualTo(0.01);
        // 64 bins at 1% cover a factor of about 3.6; p1 lies far below that and is reported as the collapsed bin.
        assertThat(result.value(p1).getAsDouble()).isGreaterThan(reference.compute(p1).getAsDouble() * 1.01);
    }

    @Test
    void valuesAreExactUpToTheLimitAndSketchedBeyondIt() {
        Random random = new Random(11);
        ValueAccumulator bucket = new ValueAccumulator(SketchSettings.of(100, 0.01, 2048));
        double[] values = new double[101];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextDouble() * 1000;
        }
        for (int i = 0; i < 100; i++) {
            bucket.add(values[i]);
        }
        assertThat(bucket.isExact()).isTrue();
        ReferenceStatistics first100 = new ReferenceStatistics(Arrays.copyOf(values, 100));
        for (Statistic p : percentiles()) {
            assertThat(StatisticCalculator.compute(p, bucket)).as(p.awsName()).isEqualTo(first100.compute(p));
        }
        bucket.add(values[100]);
        assertThat(bucket.isExact()).isFalse();
    }

    @Test
    void aBucketWithANegativeValueKeepsNoValues() {
        ValueAccumulator bucket = new ValueAccumulator(SketchSettings.of(1024, 0.01, 2048));
        bucket.add(3);
        bucket.add(-1);
        bucket.add(5);
        assertThat(bucket.sortedSample()).isEqualTo(Optional.empty());
        assertThat(bucket.isExact()).isFalse();
        assertThat(bucket.count()).isEqualTo(3);
        assertThat(bucket.sum()).isEqualTo(7);
    }

    private static double value(Statistic s) {
        return metric.getMetricStatistics(StatisticsQuery.of(NOON, NOON + MINUTE, 60, s)).get(0).value(s)
                .getAsDouble();
    }

    private static List<Statistic> percentiles() {
        List<Statistic> percentiles = new ArrayList<>();
        for (int p = 1; p <= 100; p++) {
            percentiles.add(new Statistic.Percentile(BigDecimal.valueOf(p)));
        }
        for (String p : List.of("0", "0.1", "0.5", "99.5", "99.9", "99.99", "99.95")) {
            percentiles.add(new Statistic.Percentile(new BigDecimal(p)));
        }
        return percentiles;
    }
}
