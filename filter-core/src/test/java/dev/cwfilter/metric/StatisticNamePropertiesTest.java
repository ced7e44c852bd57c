package dev.cwfilter.metric;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Laws of statistic names, checked on generated statistics. */
class StatisticNamePropertiesTest {

    @Property
    void printedNameParsesToTheSameStatistic(@ForAll("statistics") Statistic statistic) {
        assertThat(Statistic.parse(statistic.awsName())).isEqualTo(statistic);
    }

    @Provide
    Arbitrary<Statistic> statistics() {
        Arbitrary<BigDecimal> percentile = Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("100"))
                .ofScale(2);
        Arbitrary<BigDecimal> percentage = Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("100"))
                .ofScale(10);
        Arbitrary<BigDecimal> absolute = Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("1e9"))
                .ofScale(4);
        Arbitrary<Statistic.Bounds> percentBounds = Combinators.combine(percentage.injectNull(0.3),
                percentage.injectNull(0.3)).as(StatisticNamePropertiesTest::orderedPercentages)
                .filter(Optional::isPresent).map(Optional::get);
        Arbitrary<Statistic.Bounds> absoluteBounds = Combinators.combine(absolute.injectNull(0.3),
                absolute.injectNull(0.3)).as(StatisticNamePropertiesTest::orderedAbsolute)
                .filter(Optional::isPresent).map(Optional::get);
        Arbitrary<Statistic.Bounds> anyBounds = Arbitraries.oneOf(percentBounds, absoluteBounds);
        return Arbitraries.oneOf(
                Arbitraries.of(Statistic.Basic.class).map(b -> b),
                Arbitraries.just(Statistic.IQM),
                percentile.map(Statistic.Percentile::new),
                anyBounds.map(Statistic.TrimmedMean::new),
                anyBounds.map(Statistic.WinsorizedMean::new),
                anyBounds.map(Statistic.TrimmedCount::new),
                anyBounds.map(Statistic.TrimmedSum::new),
                absoluteBounds.map(Statistic.PercentileRank::new));
    }

    private static Optional<Statistic.Bounds> orderedPercentages(BigDecimal a, BigDecimal b) {
        return ordered(a, b).map(p -> Statistic.Bounds.percentages(p[0], p[1]));
    }

    private static Optional<Statistic.Bounds> orderedAbsolute(BigDecimal a, BigDecimal b) {
        return ordered(a, b).map(p -> Statistic.Bounds.absolute(p[0], p[1]));
    }

    private static Optional<BigDecimal[]> ordered(BigDecimal a, BigDecimal b) {
        if (a == null && b == null) {
            return Optional.empty();
        }
        if (a != null && b != null) {
            int c = a.compareTo(b);
            if (c == 0) {
                return Optional.empty();
            }
            return Optional.of(c < 0 ? new BigDecimal[] {a, b} : new BigDecimal[] {b, a});
        }
        return Optional.of(new BigDecimal[] {a, b});
    }
}
