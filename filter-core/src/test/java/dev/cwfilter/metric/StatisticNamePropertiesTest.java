package dev.cwfilter.metric;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Optional;
import dev.cwfilter.propcheck.Gen;
import dev.cwfilter.propcheck.PropCheck;
import org.junit.jupiter.api.Test;

/** Laws of statistic names, checked on generated statistics. */
class StatisticNamePropertiesTest {

    @Test
    void printedNameParsesToTheSameStatistic() {
        PropCheck.forAll(statistics(), statistic -> {
            assertThat(Statistic.parse(statistic.awsName())).isEqualTo(statistic);
        });
    }

    /** Decimals from 0 to {@code max} with exactly {@code scale} decimals, or null in three draws of ten. */
    private static Gen<BigDecimal> decimalsOrNull(long max, int scale) {
        Gen<BigDecimal> decimals = Gen.longs(0, max * (long) Math.pow(10, scale)).map(v -> BigDecimal.valueOf(v, scale));
        return random -> random.nextInt(10) < 3 ? null : decimals.generate(random);
    }

    private static Gen<Statistic> statistics() {
        Gen<BigDecimal> percentile = Gen.longs(0, 10_000).map(v -> BigDecimal.valueOf(v, 2));
        Gen<BigDecimal> percentage = decimalsOrNull(100, 10);
        Gen<BigDecimal> absolute = decimalsOrNull(1_000_000_000, 4);
        Gen<Statistic.Bounds> percentBounds = Gen.zip(percentage, percentage,
                        StatisticNamePropertiesTest::orderedPercentages)
                .filter(Optional::isPresent).map(Optional::get);
        Gen<Statistic.Bounds> absoluteBounds = Gen.zip(absolute, absolute, StatisticNamePropertiesTest::orderedAbsolute)
                .filter(Optional::isPresent).map(Optional::get);
        Gen<Statistic.Bounds> anyBounds = Gen.oneOf(percentBounds, absoluteBounds);
        return Gen.oneOf(
                Gen.elements(Statistic.Basic.values()).map(b -> (Statistic) b),
                Gen.constant(Statistic.IQM),
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
