package dev.cwfilter.metric;

import dev.cwfilter.internal.stats.StatisticCalculator;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import static dev.cwfilter.metric.TestMetrics.noonMinute;
import static dev.cwfilter.metric.TestMetrics.oneMinuteOf;
import static dev.cwfilter.metric.TestMetrics.stat;
import static org.assertj.core.api.Assertions.assertThat;


/** Every statistic family against values computed by hand. */
class StatisticValuesTest {

    /** 1, 2, …, 10, added in a scrambled order. */
    private static final double[] ONE_TO_TEN = {7, 3, 10, 1, 5, 9, 2, 8, 6, 4};

    @ParameterizedTest(name = "{0} of 1..10 = {1}")
    @CsvSource(delimiter = '|', value = {
            "SampleCount|10",
            "Sum|55",
            "Average|5.5",
            "Minimum|1",
            "Maximum|10"})
    void basicStatistics(String statistic, double expected) {
        assertThat(noonMinute(oneMinuteOf(ONE_TO_TEN), stat(statistic)).value(stat(statistic)))
                .hasValue(expected);
    }

    @ParameterizedTest(name = "{0} of 1..10 = {1}")
    @CsvSource(delimiter = '|', value = {
            // nearest rank: sorted[ceil(p/100 · n) − 1]
            "p0|1",
            "p10|1",
            "p10.01|2",
            "p25|3",
            "p50|5",
            "p50.01|6",
            "p90|9",
            "p95|10",
            "p99.9|10",
            "p100|10"})
    void percentilesAreNearestRank(String statistic, double expected) {
        assertThat(noonMinute(oneMinuteOf(ONE_TO_TEN), stat(statistic)).value(stat(statistic)))
                .hasValue(expected);
    }

    @Test
    void percentileRanksAreComputedWithoutBinaryRoundingErrors() {
        double[] oneToHundred = IntStream.rangeClosed(1, 100).asDoubleStream().toArray();
        MetricAggregator metric = oneMinuteOf(oneToHundred);
        // In doubles 0.07 · 100 is 7.000000000000001, whose ceiling would pick rank 8.
        assertThat(noonMinute(metric, stat("p7")).value(stat("p7"))).hasValue(7);
        assertThat(noonMinute(metric, stat("p95.45")).value(stat("p95.45"))).hasValue(96);
        assertThat(noonMinute(metric, stat("p0.01")).value(stat("p0.01"))).hasValue(1);
        assertThat(noonMinute(metric, stat("tm7")).value(stat("tm7"))).hasValue(4);
    }

    @ParameterizedTest(name = "{0} of 1..10 = {1}")
    @CsvSource(delimiter = '|', value = {
            // tm90 keeps ranks 1..9: 45 / 9
            "tm90|5",
            // ranks 2..9: 44 / 8
            "TM(10%:90%)|5.5",
            // ranks 3..10: 52 / 8
            "TM(20%:)|6.5",
            // IQM keeps ranks ceil(2.5)+1 = 4 .. ceil(7.5) = 8: 30 / 5
            "IQM|6",
            "TM(25%:75%)|6",
            // absolute: 2 < v <= 5 keeps 3, 4, 5
            "TM(2:5)|4",
            "TM(:3)|2",
            "TM(8:)|9.5"})
    void trimmedMeans(String statistic, double expected) {
        assertThat(noonMinute(oneMinuteOf(ONE_TO_TEN), stat(statistic)).value(stat(statistic)))
                .hasValue(expected);
    }

    @ParameterizedTest(name = "{0} of 1..10 = {1}")
    @CsvSource(delimiter = '|', value = {
            // ranks 1..9 kept, rank 10 counts as 9: (45 + 9) / 10
            "wm90|5.4",
            // ranks 2..9 kept, rank 1 counts as 2 and rank 10 as 9: (44 + 2 + 9) / 10
            "WM(10%:90%)|5.5",
            // clamped into [2, 5]: 2, 2, 3, 4, 5, 5, 5, 5, 5, 5
            "WM(2:5)|4.1",
            // clamped to at most 3: 1, 2, 3 and seven 3s
            "WM(:3)|2.7"})
    void winsorizedMeans(String statistic, double expected) {
        assertThat(noonMinute(oneMinuteOf(ONE_TO_TEN), stat(statistic)).value(stat(statistic)))
                .hasValue(expected);
    }

    @ParameterizedTest(name = "{0} of 1..10 = {1}")
    @CsvSource(delimiter = '|', value = {
            "PR(:3)|30",
            "PR(2:5)|30",
            "PR(5:)|50",
            "PR(:0.5)|0",
            "PR(:10)|100",
            "tc90|9",
            "TC(10%:90%)|8",
            "TC(2:5)|3",
            "ts90|45",
            "TS(10%:90%)|44",
            "TS(2:5)|12"})
    void percentileRanksTrimmedCountsAndTrimmedSums(String statistic, double expected) {
        assertThat(noonMinute(oneMinuteOf(ONE_TO_TEN), stat(statistic)).value(stat(statistic)))
                .hasValue(expected);
    }

    @Test
    void boundsThatKeepNoValueGiveZeroCountsAndNoMeans() {
        PeriodStatistics p = noonMinute(oneMinuteOf(ONE_TO_TEN), stat("TM(10:20)"), stat("WM(5%:6%)"),
                stat("TC(10:20)"), stat("TS(10:20)"), stat("tm0"), stat("Sum"));
        assertThat(p.value(stat("TM(10:20)"))).isEmpty();
        assertThat(p.value(stat("tm0"))).isEmpty();
        // With 10 values 5% and 6% both round up to rank 1: no rank is kept.
        assertThat(p.value(stat("WM(5%:6%)"))).isEmpty();
        assertThat(p.value(stat("TC(10:20)"))).hasValue(0);
        assertThat(p.value(stat("TS(10:20)"))).hasValue(0);
        assertThat(p.values()).containsOnlyKeys(stat("TC(10:20)"), stat("TS(10:20)"), stat("Sum"));
    }

    @Test
    void equalValuesAreKeptByRankNotByValue() {
        PeriodStatistics p = noonMinute(oneMinuteOf(5, 5, 5, 5), stat("TM(10%:90%)"), stat("WM(10%:90%)"),
                stat("TC(10%:90%)"), stat("p50"));
        assertThat(p.value(stat("TM(10%:90%)"))).hasValue(5);
        assertThat(p.value(stat("WM(10%:90%)"))).hasValue(5);
        // ranks ceil(0.4) + 1 = 2 .. ceil(3.6) = 4
        assertThat(p.value(stat("TC(10%:90%)"))).hasValue(3);
        assertThat(p.value(stat("p50"))).hasValue(5);
    }

    @Test
    void extendedStatisticsAreUnavailableWhenAValueIsNegative() {
        Statistic[] all = {stat("SampleCount"), stat("Sum"), stat("Average"), stat("Minimum"), stat("Maximum"),
                stat("p0"), stat("p100"), stat("tm90"), stat("IQM"), stat("wm90"), stat("PR(:300)"), stat("tc90"),
                stat("TS(:300)")};
        PeriodStatistics p = noonMinute(oneMinuteOf(10, -1, 5), all);
        assertThat(p.values()).containsOnlyKeys(stat("SampleCount"), stat("Sum"), stat("Average"),
                stat("Minimum"), stat("Maximum"));
        assertThat(p.value(stat("Sum"))).hasValue(14);
        assertThat(p.value(stat("Minimum"))).hasValue(-1);
        assertThat(p.value(stat("p100"))).isEmpty();
    }

    @Test
    void negativeZeroIsNotNegative() {
        PeriodStatistics p = noonMinute(oneMinuteOf(-0.0, 3), stat("p50"), stat("Minimum"));
        assertThat(p.value(stat("p50"))).hasValue(0.0);
        assertThat(Double.doubleToRawLongBits(p.value(stat("Minimum")).getAsDouble())).isZero();
    }

    @Test
    void sumIsExactBeforeRounding() {
        // Added left to right in doubles this is 0; the exact sum is 1.
        PeriodStatistics p = noonMinute(oneMinuteOf(1e17, 1, -1e17), stat("Sum"), stat("Average"));
        assertThat(p.value(stat("Sum"))).hasValue(1);
        assertThat(p.value(stat("Average"))).hasValue(1.0 / 3);
    }

    @Test
    void valuesAreReportedInTheOrderRequested() {
        PeriodStatistics p = noonMinute(oneMinuteOf(ONE_TO_TEN), stat("p90"), stat("Sum"), stat("IQM"));
        assertThat(p.values().keySet()).containsExactly(stat("p90"), stat("Sum"), stat("IQM"));
    }

    @Test
    void lowSampleCountThresholdsFollowThePercentile() {
        Statistic.Percentile p99 = (Statistic.Percentile) stat("p99");
        Statistic.Percentile p50 = (Statistic.Percentile) stat("p50");
        Statistic.Percentile p10 = (Statistic.Percentile) stat("p10");
        Statistic.Percentile p99_9 = (Statistic.Percentile) stat("p99.9");
        // 10 / (1 − 0.99) = 1000
        assertThat(StatisticCalculator.isLowSampleCount(p99, 999)).isTrue();
        assertThat(StatisticCalculator.isLowSampleCount(p99, 1000)).isFalse();
        // 10 / (1 − 0.5) = 20
        assertThat(StatisticCalculator.isLowSampleCount(p50, 19)).isTrue();
        assertThat(StatisticCalculator.isLowSampleCount(p50, 20)).isFalse();
        // 10 / 0.1 = 100
        assertThat(StatisticCalculator.isLowSampleCount(p10, 99)).isTrue();
        assertThat(StatisticCalculator.isLowSampleCount(p10, 100)).isFalse();
        // 10 / 0.001 = 10000
        assertThat(StatisticCalculator.isLowSampleCount(p99_9, 9999)).isTrue();
        assertThat(StatisticCalculator.isLowSampleCount(p99_9, 10000)).isFalse();
        assertThat(StatisticCalculator.isLowSampleCount((Statistic.Percentile) stat("p100"), 1)).isFalse();
        assertThat(StatisticCalculator.isLowSampleCount((Statistic.Percentile) stat("p0"), 1)).isFalse();
    }
}
