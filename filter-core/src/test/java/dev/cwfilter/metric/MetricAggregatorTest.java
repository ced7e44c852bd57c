package dev.cwfilter.metric;

import static dev.cwfilter.metric.TestMetrics.MINUTE;
import static dev.cwfilter.metric.TestMetrics.NOON;
import static dev.cwfilter.metric.TestMetrics.at;
import static dev.cwfilter.metric.TestMetrics.datapoint;
import static dev.cwfilter.metric.TestMetrics.stat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.cwfilter.Datapoint;
import dev.cwfilter.StandardUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MetricAggregatorTest {

    private static final Statistic SUM = Statistic.SUM;
    private static final Statistic COUNT = Statistic.SAMPLE_COUNT;

    @Test
    void periodsAreAlignedToTheEpochAndStampedWithTheirStart() {
        MetricAggregator metric = MetricAggregator.create();
        metric.add(datapoint(at("2026-11-21T12:00:59.999Z"), 1));
        metric.add(datapoint(at("2026-11-21T12:01:00.000Z"), 2));
        metric.add(datapoint(at("2026-11-21T12:07:30Z"), 4));

        List<PeriodStatistics> minutes =
                metric.getMetricStatistics(StatisticsQuery.of(NOON, NOON + 10 * MINUTE, 60, SUM));
        assertThat(minutes).extracting(PeriodStatistics::timestamp)
                .containsExactly(NOON, NOON + MINUTE, NOON + 7 * MINUTE);
        assertThat(minutes).extracting(p -> p.value(SUM).getAsDouble()).containsExactly(1.0, 2.0, 4.0);

        List<PeriodStatistics> fiveMinutes =
                metric.getMetricStatistics(StatisticsQuery.of(NOON, NOON + 10 * MINUTE, 300, SUM));
        assertThat(fiveMinutes).extracting(PeriodStatistics::timestamp).containsExactly(NOON, NOON + 5 * MINUTE);
        assertThat(fiveMinutes).extracting(p -> p.value(SUM).getAsDouble()).containsExactly(3.0, 4.0);
    }

    @Test
    void timestampsBeforeTheEpochFloorToThePeriodBelow() {
        MetricAggregator metric = MetricAggregator.create();
        metric.add(datapoint(-1, 1));
        metric.add(datapoint(0, 2));
        List<PeriodStatistics> result = metric.getMetricStatistics(StatisticsQuery.of(-MINUTE, MINUTE, 60, SUM));
        assertThat(result).extracting(PeriodStatistics::timestamp).containsExactly(-MINUTE, 0L);
    }

    @Test
    void datapointsMayArriveInAnyOrder() {
        List<Datapoint> inOrder = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            inOrder.add(datapoint(NOON + i * 1_000L, i % 17));
        }
        List<Datapoint> shuffled = new ArrayList<>(inOrder);
        Collections.shuffle(shuffled, new Random(7));
        MetricAggregator a = MetricAggregator.create();
        a.addAll(inOrder);
        MetricAggregator b = MetricAggregator.create();
        b.addAll(shuffled);
        StatisticsQuery query = StatisticsQuery.of(NOON, NOON + 5 * MINUTE, 60, SUM, COUNT, stat("p90"),
                stat("IQM"), stat("Minimum"));
        assertThat(b.getMetricStatistics(query)).isEqualTo(a.getMetricStatistics(query)).hasSize(5);
    }

    @Test
    void datapointsWithEqualTimestampsAllCount() {
        MetricAggregator metric = MetricAggregator.create();
        metric.add(datapoint(NOON + 5_000, 1));
        metric.add(datapoint(NOON + 5_000, 1));
        metric.add(datapoint(NOON + 5_000, 3));
        PeriodStatistics p = TestMetrics.noonMinute(metric, COUNT, SUM);
        assertThat(p.value(COUNT)).hasValue(3);
        assertThat(p.value(SUM)).hasValue(5);
    }

    @Test
    void periodsWithoutDataProduceNoDatapoint() {
        MetricAggregator metric = MetricAggregator.create();
        metric.add(datapoint(NOON + 1_000, 1));
        metric.add(datapoint(NOON + 3 * MINUTE + 1_000, 1));
        List<PeriodStatistics> result =
                metric.getMetricStatistics(StatisticsQuery.of(NOON, NOON + 5 * MINUTE, 60, COUNT));
        assertThat(result).extracting(PeriodStatistics::timestamp).containsExactly(NOON, NOON + 3 * MINUTE);
        assertThat(metric.getMetricStatistics(StatisticsQuery.of(NOON + MINUTE, NOON + 3 * MINUTE, 60, COUNT)))
                .isEmpty();
    }

    @Test
    void theStartIsRoundedDownAndTheEndIsExclusive() {
        MetricAggregator metric = MetricAggregator.create();
        for (int minute = 0; minute < 5; minute++) {
            metric.add(datapoint(NOON + minute * MINUTE + 30_000, minute));
        }
        // 12:01:30 rounds down to 12:01; the period starting at 12:04 starts at the end and is left out, the one
        // starting at 12:03 starts before it and is reported whole.
        List<PeriodStatistics> result = metric.getMetricStatistics(
                StatisticsQuery.of(NOON + MINUTE + 30_000, NOON + 4 * MINUTE, 60, SUM));
        assertThat(result).extracting(PeriodStatistics::timestamp)
                .containsExactly(NOON + MINUTE, NOON + 2 * MINUTE, NOON + 3 * MINUTE);
        List<PeriodStatistics> partial = metric.getMetricStatistics(
                StatisticsQuery.of(NOON, NOON + 3 * MINUTE + 1, 60, SUM));
        assertThat(partial).extracting(PeriodStatistics::timestamp).endsWith(NOON + 3 * MINUTE);
        assertThat(partial.get(partial.size() - 1).value(SUM)).hasValue(3);
    }

    @Test
    void valuesUpToTwoToThe360AreAcceptedAndLargerOnesRejectedAndCounted() {
        MetricAggregator metric = MetricAggregator.create();
        assertThat(metric.add(datapoint(NOON, 0x1p360))).isTrue();
        assertThat(metric.add(datapoint(NOON, -0x1p360))).isTrue();
        assertThat(metric.add(datapoint(NOON, 0x1p360))).isTrue();
        assertThat(metric.add(datapoint(NOON, Math.nextUp(0x1p360)))).isFalse();
        assertThat(metric.add(datapoint(NOON, -Double.MAX_VALUE))).isFalse();
        assertThat(metric.add(datapoint(NOON, Double.MIN_VALUE))).isTrue();
        assertThat(metric.rejectedCount()).isEqualTo(2);
        assertThat(metric.acceptedCount()).isEqualTo(4);
        PeriodStatistics p = TestMetrics.noonMinute(metric, COUNT, SUM, Statistic.MAXIMUM);
        assertThat(p.value(COUNT)).hasValue(4);
        assertThat(p.value(SUM)).hasValue(0x1p360);
        assertThat(p.value(Statistic.MAXIMUM)).hasValue(0x1p360);
    }

    @Test
    void hugeValuesSumWithoutLosingSmallOnes() {
        MetricAggregator metric = MetricAggregator.create();
        metric.add(datapoint(NOON, 0x1p360));
        metric.add(datapoint(NOON, 0x1p360));
        metric.add(datapoint(NOON, 1));
        metric.add(datapoint(NOON, -0x1p360));
        metric.add(datapoint(NOON, -0x1p360));
        PeriodStatistics p = TestMetrics.noonMinute(metric, SUM);
        assertThat(p.value(SUM)).hasValue(1);
    }

    @Test
    void finerStorageAnswersCoarserPeriodsByMerging() {
        MetricAggregator perSecond = MetricAggregator.builder().storageResolutionSeconds(1).build();
        for (int s = 0; s < 120; s++) {
            perSecond.add(datapoint(NOON + s * 1_000L, s));
        }
        assertThat(perSecond.getMetricStatistics(StatisticsQuery.of(NOON, NOON + 2 * MINUTE, 60, SUM, COUNT)))
                .extracting(p -> p.value(COUNT).getAsDouble(), p -> p.value(SUM).getAsDouble())
                .containsExactly(tuple(60.0, 1770.0),
                        tuple(60.0, 5370.0));
        assertThat(perSecond.getMetricStatistics(StatisticsQuery.of(NOON, NOON + 10_000, 5, COUNT)))
                .hasSize(2);
        assertThat(perSecond.getMetricStatistics(StatisticsQuery.of(NOON, NOON + MINUTE, 20, COUNT)))
                .extracting(p -> p.value(COUNT).getAsDouble()).containsExactly(20.0, 20.0, 20.0);
    }

    @Test
    void aPeriodThatIsNotAMultipleOfTheStorageResolutionIsRejected() {
        MetricAggregator perMinute = MetricAggregator.create();
        assertThatThrownBy(() -> perMinute.getMetricStatistics(StatisticsQuery.of(NOON, NOON + MINUTE, 30, SUM)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must be a multiple of the resolution");
        MetricAggregator perTwenty = MetricAggregator.builder().storageResolutionSeconds(20).build();
        assertThatThrownBy(() -> perTwenty.getMetricStatistics(StatisticsQuery.of(NOON, NOON + MINUTE, 30, SUM)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(perTwenty.getMetricStatistics(StatisticsQuery.of(NOON, NOON + MINUTE, 60, SUM))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -60, 2, 15, 45, 90, 61})
    void periodsCloudWatchDoesNotAcceptAreRejected(int period) {
        assertThatThrownBy(() -> StatisticsQuery.of(NOON, NOON + MINUTE, period, SUM))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1, 5, 10, 20, 30 or a multiple of 60");
        assertThatThrownBy(() -> MetricAggregator.builder().storageResolutionSeconds(period))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 5, 10, 20, 30, 60, 120, 300, 3600, 86400})
    void periodsCloudWatchAcceptsAreAccepted(int period) {
        assertThat(StatisticsQuery.of(NOON, NOON + MINUTE, period, SUM).periodSeconds()).isEqualTo(period);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 10, 20, 30, 60, 120, 300, 3600, 86400})
    void storageResolutionsAreOneSecondOrAnAlarmPeriod(int seconds) {
        assertThat(MetricAggregator.builder().storageResolutionSeconds(seconds).build().storageResolutionSeconds())
                .isEqualTo(seconds);
        if (seconds > 1) {
            MetricAlarm alarm = MetricAlarm.builder().alarmName("a").namespace("n").metricName("m").statistic(SUM)
                    .periodSeconds(seconds).evaluationPeriods(1).threshold(1)
                    .comparisonOperator(AlarmComparisonOperator.GREATER_THAN_THRESHOLD).build();
            MetricAggregator metric = MetricAggregator.builder().storageResolutionSeconds(seconds).build();
            assertThat(new AlarmEvaluator(alarm, metric).alarm().periodSeconds()).isEqualTo(seconds);
        }
    }

    @Test
    void fiveSecondsIsAQueryPeriodNotAStorageResolution() {
        assertThatThrownBy(() -> MetricAggregator.builder().storageResolutionSeconds(5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("store at 1 s and query at 5 s");
        MetricAggregator perSecond = MetricAggregator.builder().storageResolutionSeconds(1).build();
        perSecond.add(datapoint(NOON + 1_000, 1));
        assertThat(perSecond.getMetricStatistics(StatisticsQuery.of(NOON, NOON + MINUTE, 5, SUM))).hasSize(1);
    }

    @Test
    void queriesAreCheckedAsGetMetricStatisticsChecksThem() {
        assertThatThrownBy(() -> StatisticsQuery.of(NOON, NOON, 60, SUM))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must be after the start time");
        assertThatThrownBy(() -> StatisticsQuery.of(NOON, NOON + MINUTE, 60))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one statistic");
        Statistic[] eleven = new Statistic[11];
        for (int i = 0; i < eleven.length; i++) {
            eleven[i] = stat("p" + (50 + i));
        }
        assertThatThrownBy(() -> StatisticsQuery.of(NOON, NOON + MINUTE, 60, eleven))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most 10 extended");
        assertThat(StatisticsQuery.of(NOON, NOON + MINUTE, 60, SUM, SUM, stat("p99"), stat("p99.0")).statistics())
                .containsExactly(SUM, stat("p99"));
    }

    @Test
    void dataWithDifferentUnitsIsAggregatedSeparately() {
        MetricAggregator metric = MetricAggregator.create();
        metric.add(new Datapoint(NOON, 100, StandardUnit.MILLISECONDS, Map.of()));
        metric.add(new Datapoint(NOON, 200, StandardUnit.MILLISECONDS, Map.of()));
        metric.add(new Datapoint(NOON, 1, StandardUnit.SECONDS, Map.of()));
        StatisticsQuery query = StatisticsQuery.of(NOON, NOON + MINUTE, 60, SUM);
        assertThat(metric.getMetricStatistics(query))
                .extracting(PeriodStatistics::unit, p -> p.value(SUM).getAsDouble())
                .containsExactly(tuple(StandardUnit.SECONDS, 1.0),
                        tuple(StandardUnit.MILLISECONDS, 300.0));
        assertThat(metric.getMetricStatistics(query.withUnit(StandardUnit.MILLISECONDS)))
                .extracting(PeriodStatistics::unit).containsExactly(StandardUnit.MILLISECONDS);
        assertThat(metric.getMetricStatistics(query.withUnit(StandardUnit.BYTES))).isEmpty();
        assertThat(metric.units()).containsExactlyInAnyOrder(StandardUnit.MILLISECONDS, StandardUnit.SECONDS);
    }

    @Test
    void datapointsOfAnotherDimensionSetAreRefused() {
        MetricAggregator metric = MetricAggregator.builder().dimensions(Map.of("Service", "api")).build();
        assertThat(metric.add(new Datapoint(NOON, 1, StandardUnit.NONE, Map.of("Service", "api")))).isTrue();
        assertThatThrownBy(() -> metric.add(new Datapoint(NOON, 1, StandardUnit.NONE, Map.of("Service", "web"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not this metric's dimensions");
        assertThatThrownBy(() -> metric.add(datapoint(NOON, 1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void discardBeforeRemovesOnlyBucketsThatHaveEnded() {
        MetricAggregator metric = MetricAggregator.create();
        for (int minute = 0; minute < 4; minute++) {
            metric.add(datapoint(NOON + minute * MINUTE, 1));
        }
        assertThat(metric.discardBefore(NOON + 2 * MINUTE + 30_000)).isEqualTo(2);
        assertThat(metric.getMetricStatistics(StatisticsQuery.of(NOON, NOON + 4 * MINUTE, 60, COUNT)))
                .extracting(PeriodStatistics::timestamp).containsExactly(NOON + 2 * MINUTE, NOON + 3 * MINUTE);
    }

    @Test
    void aPeriodDiscardedAndAddedToAgainHoldsOnlyTheNewData() {
        MetricAggregator metric = MetricAggregator.create();
        metric.add(datapoint(NOON + 10_000, 5));
        assertThat(metric.discardBefore(NOON + MINUTE)).isEqualTo(1);
        metric.add(datapoint(NOON + 20_000, 1));
        assertThat(metric.getMetricStatistics(StatisticsQuery.of(NOON, NOON + MINUTE, 60, COUNT, Statistic.SUM)))
                .extracting(p -> p.value(COUNT).getAsDouble(), p -> p.value(Statistic.SUM).getAsDouble())
                .containsExactly(tuple(1.0, 1.0));
    }

    @Test
    void firstAndLastTimestampsAreTracked() {
        MetricAggregator metric = MetricAggregator.create();
        assertThat(metric.earliestTimestamp()).isEmpty();
        metric.add(datapoint(NOON + 5, 1));
        metric.add(datapoint(NOON - 5, 1));
        metric.add(datapoint(NOON + 100, Double.MAX_VALUE));
        assertThat(metric.earliestTimestamp()).hasValue(NOON - 5);
        assertThat(metric.latestTimestamp()).hasValue(NOON + 5);
    }

    @Test
    void builderSettingsAreChecked() {
        assertThatThrownBy(() -> MetricAggregator.builder().exactValueLimit(-1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MetricAggregator.builder().relativeAccuracy(0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MetricAggregator.builder().relativeAccuracy(1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MetricAggregator.builder().maxSketchBins(8))
                .isInstanceOf(IllegalArgumentException.class);
        MetricAggregator metric = MetricAggregator.builder().exactValueLimit(10).relativeAccuracy(0.02)
                .maxSketchBins(512).build();
        assertThat(metric.exactValueLimit()).isEqualTo(10);
        assertThat(metric.relativeAccuracy()).isEqualTo(0.02);
        assertThat(metric.maxSketchBins()).isEqualTo(512);
    }
}
