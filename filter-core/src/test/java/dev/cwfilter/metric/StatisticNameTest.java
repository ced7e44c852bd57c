package dev.cwfilter.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class StatisticNameTest {

    @ParameterizedTest
    @ValueSource(strings = {"SampleCount", "Sum", "Average", "Minimum", "Maximum", "p0", "p50", "p99", "p99.9",
            "p95.45", "p100", "tm90", "tm99.5", "tm0.0000000001", "TM(10%:90%)", "TM(150:1000)", "TM(:300)",
            "TM(10%:)", "TM(150:)", "TM(0.5:1.25)", "IQM", "wm98", "WM(10%:90%)", "WM(:300)", "PR(:300)",
            "PR(100:2000)", "PR(100:)", "tc90", "TC(10%:90%)", "TC(0.5:1)", "ts90", "TS(10%:90%)", "TS(:300)"})
    void canonicalNamesParseAndPrintUnchanged(String name) {
        assertThat(Statistic.parse(name).awsName()).isEqualTo(name);
        assertThat(Statistic.parse(name).toString()).isEqualTo(name);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "TM(:90%)|tm90",
            "WM(:98%)|wm98",
            "TC(:90%)|tc90",
            "TS(:90%)|ts90",
            "p99.90|p99.9",
            "p100.0|p100",
            "p09|p9",
            "TM(10.0%:90.50%)|TM(10%:90.5%)",
            "TM(150.000:1000)|TM(150:1000)"})
    void equalStatisticsAreEqualAndPrintCanonically(String written, String canonical) {
        assertThat(Statistic.parse(written)).isEqualTo(Statistic.parse(canonical));
        assertThat(Statistic.parse(written).awsName()).isEqualTo(canonical);
    }

    @Test
    void basicStatisticsAreNotExtendedAndTheOthersAre() {
        assertThat(Statistic.parse("Sum").isExtended()).isFalse();
        assertThat(Statistic.parse("SampleCount")).isSameAs(Statistic.SAMPLE_COUNT);
        assertThat(Statistic.parse("p99").isExtended()).isTrue();
        assertThat(Statistic.parse("IQM")).isEqualTo(Statistic.IQM);
        assertThat(Statistic.parse("IQM").isExtended()).isTrue();
        assertThat(Statistic.parse("PR(:300)").isExtended()).isTrue();
    }

    @Test
    void parsedStatisticsCarryTheirBounds() {
        Statistic tm = Statistic.parse("TM(150:1000)");
        assertThat(tm).isEqualTo(new Statistic.TrimmedMean(
                Statistic.Bounds.absolute(new BigDecimal("150"), new BigDecimal("1000"))));
        Statistic pr = Statistic.parse("PR(:300)");
        assertThat(((Statistic.PercentileRank) pr).bounds().lower()).isEmpty();
        assertThat(((Statistic.PercentileRank) pr).bounds().upper()).contains(new BigDecimal("300"));
        assertThat(((Statistic.Percentile) Statistic.parse("p95.45")).percent()).isEqualByComparingTo("95.45");
        assertThat(((Statistic.InterquartileMean) Statistic.IQM).bounds())
                .isEqualTo(Statistic.Bounds.percentages(new BigDecimal("25"), new BigDecimal("75")));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "sum|expected SampleCount",
            "SUM|expected SampleCount",
            "P99|expected SampleCount",
            "iqm|expected SampleCount",
            "p|expected SampleCount",
            "p-1|expected SampleCount",
            "'Sum '|expected SampleCount",
            "p101|a percentile is between 0 and 100",
            "p100.01|a percentile is between 0 and 100",
            "p99.999|at most 2 decimals",
            "tm101|not between 0% and 100%",
            "tm99.12345678901|more than 10 decimals",
            "TM(90%:10%)|the lower bound 90% must be below the upper bound 10%",
            "TM(10%:10%)|must be below",
            "TM(10%:90)|both bounds must be percentages or both absolute values",
            "TM(:)|at least one bound is needed",
            "TM(10%)|the bounds are written as lower:upper",
            "TM(1:2:3)|the bounds are written as lower:upper",
            "TM(a:b)|is not a bound",
            "TM(-5:5)|is not a bound",
            "'TM( 1:5)'|is not a bound: a bound is a non-negative number",
            "PR(10%:90%)|PR takes absolute bounds",
            "PR(:90%)|PR takes absolute bounds",
            "WM(150%:)|not between 0% and 100%"})
    void invalidNamesAreRejectedWithTheReason(String name, String reason) {
        assertThatThrownBy(() -> Statistic.parse(name))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("invalid statistic '" + name + "': ")
                .hasMessageContaining(reason);
    }

    @Test
    void anEmptyNameIsRejected() {
        assertThatThrownBy(() -> Statistic.parse(""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("the name is empty");
    }

    @Test
    void recordsCheckTheirComponentsToo() {
        assertThatThrownBy(() -> new Statistic.Percentile(new BigDecimal("100.5")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Statistic.PercentileRank(Statistic.Bounds.percentages(null, BigDecimal.TEN)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Statistic.Bounds.absolute(null, null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
