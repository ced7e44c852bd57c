package dev.cwfilter.metric;

import static dev.cwfilter.metric.TestMetrics.MINUTE;
import static dev.cwfilter.metric.TestMetrics.NOON;
import static dev.cwfilter.metric.TestMetrics.datapoint;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cwfilter.propcheck.Gen;
import dev.cwfilter.propcheck.PropCheck;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The public per-period accumulator answers as the aggregator does, merges in any order, and round-trips. */
class PeriodAccumulatorTest {

    private static final List<Statistic> STATISTICS = List.of(Statistic.SAMPLE_COUNT, Statistic.SUM,
            Statistic.AVERAGE, Statistic.MINIMUM, Statistic.MAXIMUM, Statistic.parse("p50"), Statistic.parse("p99"),
            Statistic.parse("tm90"), Statistic.parse("WM(10%:90%)"), Statistic.parse("PR(:5)"),
            Statistic.parse("TC(1:10)"), Statistic.parse("IQM"));

    private static final Gen<Double> VALUES = Gen.frequency(
            Gen.weighted(6, Gen.doubles(0, 100)),
            Gen.weighted(2, Gen.elements(0.0, 1.0, 1e-300, 1e100, 0x1p360)),
            Gen.weighted(1, Gen.doubles(-50, 50)));

    private static final Gen<Integer> LIMITS = Gen.elements(0, 3, 16, 1024);

    private static void assertSameStatistics(PeriodAccumulator a, PeriodAccumulator b) {
        for (Statistic s : STATISTICS) {
            assertThat(a.statistic(s)).as(s.awsName()).isEqualTo(b.statistic(s));
        }
        assertThat(a.sampleCount()).isEqualTo(b.sampleCount());
    }

    @Test
    void answersAsTheAggregatorAnswersForTheSamePeriod() {
        PropCheck.forAll(Gen.listOf(VALUES, 0, 60), LIMITS, (values, limit) -> {
            PeriodAccumulator accumulator = PeriodAccumulator.create(limit, 0.01, 2048);
            MetricAggregator metric = MetricAggregator.builder().exactValueLimit(limit).build();
            for (double v : values) {
                assertThat(accumulator.add(v)).isTrue();
                metric.add(datapoint(NOON + 1_000, v));
            }
            for (Statistic s : STATISTICS) {
                assertThat(accumulator.periodValue(s))
                        .isEqualTo(metric.periodValue(NOON, 60, Optional.empty(), s));
            }
        });
    }

    @Test
    void mergingPartsInAnyOrderEqualsAddingEveryValueToOne() {
        PropCheck.forAll(Gen.listOf(Gen.listOf(VALUES, 0, 30), 1, 5), LIMITS, (parts, limit) -> {
            PeriodAccumulator whole = PeriodAccumulator.create(limit, 0.01, 2048);
            List<PeriodAccumulator> accumulators = new ArrayList<>();
            for (List<Double> part : parts) {
                PeriodAccumulator a = PeriodAccumulator.create(limit, 0.01, 2048);
                part.forEach(a::add);
                part.forEach(whole::add);
                accumulators.add(a);
            }
            Collections.reverse(accumulators);
            PeriodAccumulator merged = PeriodAccumulator.create(limit, 0.01, 2048);
            for (PeriodAccumulator a : accumulators) {
                merged.merge(a);
            }
            // Percentiles over a sketch depend on which values were sketched; exact ones and basic ones never do.
            if (whole.sampleCount() <= limit || limit == 0) {
                assertSameStatistics(merged, whole);
            } else {
                for (Statistic s : STATISTICS.subList(0, 5)) {
                    assertThat(merged.statistic(s)).as(s.awsName()).isEqualTo(whole.statistic(s));
                }
            }
        });
    }

    @Test
    void bytesRestoreAnAccumulatorThatAnswersAndMergesAsTheOriginal() {
        PropCheck.forAll(Gen.listOf(VALUES, 0, 80), LIMITS, Gen.listOf(VALUES, 0, 20), (values, limit, more) -> {
            PeriodAccumulator original = PeriodAccumulator.create(limit, 0.02, 64);
            values.forEach(original::add);
            PeriodAccumulator restored = PeriodAccumulator.fromBytes(original.toBytes());
            assertSameStatistics(restored, original);
            PeriodAccumulator next = PeriodAccumulator.create(limit, 0.02, 64);
            more.forEach(next::add);
            original.merge(next);
            restored.merge(next);
            assertSameStatistics(restored, original);
            assertThat(restored.toBytes()).isEqualTo(original.toBytes());
        });
    }

    @Test
    void aSketchedPeriodIsCompact() {
        PeriodAccumulator minute = PeriodAccumulator.create();
        for (int i = 0; i < 100_000; i++) {
            minute.add(1 + (i % 5000) * 0.37);
        }
        byte[] bytes = minute.toBytes();
        assertThat(bytes.length).as("bytes for 100,000 values in a 1%% sketch").isLessThan(8 * 1024);
        assertSameStatistics(PeriodAccumulator.fromBytes(bytes), minute);
    }

    @Test
    void refusesWhatPutMetricDataRefusesAndBytesThatAreNotAnAccumulator() {
        PeriodAccumulator a = PeriodAccumulator.create();
        assertThat(a.add(Double.NaN)).isFalse();
        assertThat(a.add(Double.POSITIVE_INFINITY)).isFalse();
        assertThat(a.add(0x1p361)).isFalse();
        assertThat(a.sampleCount()).isZero();
        assertThat(a.periodValue(Statistic.SUM)).isEqualTo(PeriodValue.missing());
        assertThatThrownBy(() -> a.merge(PeriodAccumulator.create(16, 0.01, 2048)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("different settings");
        a.add(3);
        byte[] bytes = a.toBytes();
        assertThatThrownBy(() -> PeriodAccumulator.fromBytes(new byte[] {9}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a PeriodAccumulator");
        assertThatThrownBy(() -> PeriodAccumulator.fromBytes(java.util.Arrays.copyOf(bytes, bytes.length - 3)))
                .isInstanceOf(IllegalArgumentException.class);
        byte[] longer = java.util.Arrays.copyOf(bytes, bytes.length + 1);
        assertThatThrownBy(() -> PeriodAccumulator.fromBytes(longer))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("left over");
        assertThat(MINUTE).isPositive();
    }
}
