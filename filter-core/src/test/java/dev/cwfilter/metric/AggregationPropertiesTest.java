package dev.cwfilter.metric;

import static dev.cwfilter.metric.TestMetrics.MINUTE;
import static dev.cwfilter.metric.TestMetrics.NOON;
import static dev.cwfilter.metric.TestMetrics.datapoint;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cwfilter.Datapoint;
import dev.cwfilter.StandardUnit;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Random;
import dev.cwfilter.propcheck.Gen;
import dev.cwfilter.propcheck.PropCheck;
import org.junit.jupiter.api.Test;
import org.assertj.core.data.Offset;

/** Laws the aggregation and the statistics obey, checked on generated data. */
class AggregationPropertiesTest {

    /** One statistic of every family, and both bound kinds. */
    static final List<Statistic> ALL_FAMILIES = List.of(Statistic.SAMPLE_COUNT, Statistic.SUM, Statistic.AVERAGE,
            Statistic.MINIMUM, Statistic.MAXIMUM, Statistic.parse("p0"), Statistic.parse("p50"),
            Statistic.parse("p99.9"), Statistic.parse("tm90"), Statistic.parse("TM(10%:90%)"),
            Statistic.parse("TM(2.5:500)"), Statistic.IQM, Statistic.parse("wm95"), Statistic.parse("WM(5%:80%)"),
            Statistic.parse("WM(1:300)"), Statistic.parse("PR(:250)"), Statistic.parse("PR(10:100)"),
            Statistic.parse("tc75"), Statistic.parse("TC(3%:)"), Statistic.parse("TS(:400)"),
            Statistic.parse("ts33.3"));
    /** {@link #ALL_FAMILIES} in requests of at most 10 extended statistics, GetMetricStatistics' limit. */
    static final List<List<Statistic>> REQUESTS = List.of(ALL_FAMILIES.subList(0, 11),
            ALL_FAMILIES.subList(11, ALL_FAMILIES.size()));

    @Test
    void sumEqualsAverageTimesSampleCount() {
        PropCheck.forAll(ANY_VALUES, values -> {
            PeriodStatistics p = only(aggregate(values, MetricAggregator.create()),
                    Statistic.SUM, Statistic.AVERAGE, Statistic.SAMPLE_COUNT);
            double sum = p.value(Statistic.SUM).getAsDouble();
            double product = p.value(Statistic.AVERAGE).getAsDouble() * p.value(Statistic.SAMPLE_COUNT).getAsDouble();
            assertThat(product).isCloseTo(sum, Offset.offset(4 * Math.ulp(sum)));
        });
    }

    @Test
    void percentilesAreMonotoneInP() {
        PropCheck.forAll(NON_NEGATIVE_VALUES, PERCENT_PAIRS, EXACT_VALUE_LIMITS,
                (values, percents, exactValueLimit) -> {
            BigDecimal a = percents.a();
            BigDecimal b = percents.b();
            Statistic lower = new Statistic.Percentile(a.min(b));
            Statistic upper = new Statistic.Percentile(a.max(b));
            PeriodStatistics p = only(aggregate(values, MetricAggregator.builder().exactValueLimit(exactValueLimit)
                    .build()), lower, upper, Statistic.MINIMUM, Statistic.MAXIMUM);
            double low = p.value(lower).getAsDouble();
            double high = p.value(upper).getAsDouble();
            assertThat(low).isLessThanOrEqualTo(high);
            assertThat(low).isGreaterThanOrEqualTo(p.value(Statistic.MINIMUM).getAsDouble());
            assertThat(high).isLessThanOrEqualTo(p.value(Statistic.MAXIMUM).getAsDouble());
        });
    }

    @Test
    void aggregationIsOrderIndependent() {
        PropCheck.forAll(DATAPOINTS, Gen.longs(Long.MIN_VALUE, Long.MAX_VALUE), EXACT_VALUE_LIMITS,
                (datapoints, seed, exactValueLimit) -> {
            List<Datapoint> shuffled = new ArrayList<>(datapoints);
            Collections.shuffle(shuffled, new Random(seed));
            MetricAggregator original = withLimit(exactValueLimit);
            original.addAll(datapoints);
            MetricAggregator reordered = withLimit(exactValueLimit);
            reordered.addAll(shuffled);
            for (List<Statistic> statistics : REQUESTS) {
                StatisticsQuery query = new StatisticsQuery(NOON - MINUTE, NOON + 6 * MINUTE, 60, statistics,
                        Optional.empty());
                assertThat(reordered.getMetricStatistics(query)).isEqualTo(original.getMetricStatistics(query));
            }
        });
    }

    @Test
    void discardingOnTheWayEqualsAddingOnlyWhatSurvives() {
        PropCheck.forAll(DATAPOINTS, Gen.longs(Long.MIN_VALUE, Long.MAX_VALUE), EXACT_VALUE_LIMITS,
                (datapoints, seed, exactValueLimit) -> {
            Random random = new Random(seed);
            MetricAggregator discarding = withLimit(exactValueLimit);
            List<Datapoint> survivors = new ArrayList<>();
            for (Datapoint d : datapoints) {
                if (random.nextInt(4) == 0) {
                    d = new Datapoint(d.timestamp(), d.value(), StandardUnit.SECONDS, d.dimensions());
                }
                discarding.add(d);
                survivors.add(d);
                if (random.nextInt(8) == 0) {
                    long time = NOON - MINUTE + random.nextInt(8 * 60) * 1000L;
                    discarding.discardBefore(time);
                    survivors.removeIf(s -> Math.floorDiv(s.timestamp(), MINUTE) * MINUTE + MINUTE <= time);
                }
            }
            MetricAggregator reference = withLimit(exactValueLimit);
            reference.addAll(survivors);
            for (List<Statistic> statistics : REQUESTS) {
                StatisticsQuery query = new StatisticsQuery(NOON - MINUTE, NOON + 6 * MINUTE, 60, statistics,
                        Optional.empty());
                assertThat(discarding.getMetricStatistics(query)).isEqualTo(reference.getMetricStatistics(query));
            }
            assertThat(discarding.isEmpty()).isEqualTo(survivors.isEmpty());
        });
    }

    @Test
    void aPeriodValueIsWhatGetMetricStatisticsReportsForThatPeriod() {
        PropCheck.forAll(DATAPOINTS, Gen.longs(Long.MIN_VALUE, Long.MAX_VALUE), EXACT_VALUE_LIMITS,
                (datapoints, seed, exactValueLimit) -> {
            Random random = new Random(seed);
            Statistic statistic = ALL_FAMILIES.get(random.nextInt(ALL_FAMILIES.size()));
            MetricAggregator twoUnits = withLimit(exactValueLimit);
            MetricAggregator oneUnit = withLimit(exactValueLimit);
            for (Datapoint d : datapoints) {
                StandardUnit unit = random.nextInt(3) == 0 ? StandardUnit.SECONDS : StandardUnit.NONE;
                twoUnits.add(new Datapoint(d.timestamp(), d.value(), unit, d.dimensions()));
                oneUnit.add(d);
            }
            for (int periodSeconds : new int[] {60, 120}) {
                long period = periodSeconds * 1000L;
                for (long start = Math.floorDiv(NOON - 2 * MINUTE, period) * period; start < NOON + 7 * MINUTE;
                     start += period) {
                    for (StandardUnit unit : List.of(StandardUnit.NONE, StandardUnit.SECONDS)) {
                        assertThat(twoUnits.periodValue(start, periodSeconds, Optional.of(unit), statistic))
                                .as("%s of %s at %d over %d s", statistic, unit, start, periodSeconds)
                                .isEqualTo(reported(twoUnits, start, periodSeconds, unit, statistic));
                    }
                    assertThat(twoUnits.periodValue(start, periodSeconds, Optional.empty(), statistic))
                            .as("%s of both units at %d over %d s", statistic, start, periodSeconds)
                            .isEqualTo(reported(oneUnit, start, periodSeconds, StandardUnit.NONE, statistic));
                }
            }
        });
    }

    /** The period's value as GetMetricStatistics reports it, for one unit. */
    private static PeriodValue reported(MetricAggregator metric, long start, int periodSeconds, StandardUnit unit,
                                        Statistic statistic) {
        List<PeriodStatistics> result = metric.getMetricStatistics(new StatisticsQuery(start,
                start + periodSeconds * 1000L, periodSeconds,
                List.copyOf(new java.util.LinkedHashSet<>(List.of(Statistic.SAMPLE_COUNT, statistic))),
                Optional.of(unit)));
        if (result.isEmpty()) {
            return PeriodValue.missing();
        }
        assertThat(result).hasSize(1);
        PeriodStatistics p = result.get(0);
        return new PeriodValue((long) p.value(Statistic.SAMPLE_COUNT).getAsDouble(), p.value(statistic));
    }

    @Test
    void mergingBucketsEqualsAggregatingRaw() {
        PropCheck.forAll(DATAPOINTS, EXACT_VALUE_LIMITS, (datapoints, exactValueLimit) -> {
            MetricAggregator perSecond = MetricAggregator.builder().storageResolutionSeconds(1)
                    .exactValueLimit(exactValueLimit).build();
            perSecond.addAll(datapoints);
            MetricAggregator perMinute = withLimit(exactValueLimit);
            perMinute.addAll(datapoints);
            MetricAggregator perFiveMinutes = MetricAggregator.builder().storageResolutionSeconds(300)
                    .exactValueLimit(exactValueLimit).build();
            perFiveMinutes.addAll(datapoints);
            for (List<Statistic> statistics : REQUESTS) {
                StatisticsQuery minutes = new StatisticsQuery(NOON - MINUTE, NOON + 6 * MINUTE, 60, statistics,
                        Optional.empty());
                assertThat(perSecond.getMetricStatistics(minutes)).isEqualTo(perMinute.getMetricStatistics(minutes));
                StatisticsQuery fiveMinutes = new StatisticsQuery(NOON - 5 * MINUTE, NOON + 10 * MINUTE, 300,
                        statistics, Optional.empty());
                assertThat(perSecond.getMetricStatistics(fiveMinutes))
                        .isEqualTo(perMinute.getMetricStatistics(fiveMinutes))
                        .isEqualTo(perFiveMinutes.getMetricStatistics(fiveMinutes));
            }
        });
    }

    @Test
    void exactStatisticsEqualThePlainReference() {
        PropCheck.forAll(ANY_VALUES, values -> {
            double[] raw = values.stream().mapToDouble(Double::doubleValue).toArray();
            ReferenceStatistics reference = new ReferenceStatistics(raw);
            MetricAggregator metric = aggregate(values, MetricAggregator.create());
            for (Statistic s : ALL_FAMILIES) {
                OptionalDouble actual = only(metric, s).value(s);
                assertThat(actual).as("%s of %s", s, values).isEqualTo(reference.compute(s));
            }
        });
    }

    @Test
    void trimmedSumEqualsTrimmedMeanTimesTrimmedCount() {
        PropCheck.forAll(NON_NEGATIVE_VALUES, PERCENT_PAIRS, (values, percents) -> {
            BigDecimal a = percents.a();
            BigDecimal b = percents.b();
            if (a.compareTo(b) == 0) {
                return;
            }
            Statistic.Bounds bounds = Statistic.Bounds.percentages(a.min(b), a.max(b));
            Statistic tm = new Statistic.TrimmedMean(bounds);
            Statistic tc = new Statistic.TrimmedCount(bounds);
            Statistic ts = new Statistic.TrimmedSum(bounds);
            PeriodStatistics p = only(aggregate(values, MetricAggregator.create()), tm, tc, ts);
            double count = p.value(tc).getAsDouble();
            double sum = p.value(ts).getAsDouble();
            if (count == 0) {
                assertThat(p.value(tm)).isEmpty();
                assertThat(sum).isZero();
            } else {
                assertThat(p.value(tm).getAsDouble() * count).isCloseTo(sum, Offset.offset(4 * Math.ulp(sum)));
            }
        });
    }

    @Test
    void sketchedPercentilesStayWithinTheRelativeAccuracy() {
        PropCheck.forAll(SPREAD_VALUES, PERCENTS, (values, percent) -> {
            Statistic p = new Statistic.Percentile(percent);
            double exact = new ReferenceStatistics(values.stream().mapToDouble(Double::doubleValue).toArray())
                    .compute(p).getAsDouble();
            MetricAggregator sketched = aggregate(values, MetricAggregator.builder().exactValueLimit(0).build());
            double estimate = only(sketched, p).value(p).getAsDouble();
            assertThat(Math.abs(estimate - exact)).isLessThanOrEqualTo(sketched.relativeAccuracy() * exact * 1.000001);
        });
    }

    private static MetricAggregator withLimit(int exactValueLimit) {
        return MetricAggregator.builder().exactValueLimit(exactValueLimit).build();
    }

    private static MetricAggregator aggregate(List<Double> values, MetricAggregator metric) {
        for (int i = 0; i < values.size(); i++) {
            metric.add(datapoint(NOON + i % 60_000, values.get(i)));
        }
        return metric;
    }

    private static PeriodStatistics only(MetricAggregator metric, Statistic... statistics) {
        List<PeriodStatistics> result =
                metric.getMetricStatistics(StatisticsQuery.of(NOON, NOON + MINUTE, 60, statistics));
        assertThat(result).hasSize(1);
        return result.get(0);
    }

    /** Exact-value limits of the aggregator, from none (sketch only) to 40. */
    private static final Gen<Integer> EXACT_VALUE_LIMITS = Gen.integers(0, 40);

    /** Doubles from {@code min} to {@code max} with at most {@code scale} decimals. */
    private static Gen<Double> decimals(double min, double max, int scale) {
        double unit = Math.pow(10, scale);
        return Gen.longs(Math.round(min * unit), Math.round(max * unit)).map(v -> v / unit);
    }

    private static final Gen<List<Double>> ANY_VALUES = values(Gen.oneOf(
            Gen.integers(-5, 500).map(Integer::doubleValue),
            decimals(-1e6, 1e6, 3),
            decimals(0, 1e15, 2),
            Gen.elements(0.0, -0.0, 0.1, 0.2, 0.3, 1e-300, 0x1p360, -0x1p360)));

    private static final Gen<List<Double>> NON_NEGATIVE_VALUES = values(Gen.oneOf(
            Gen.integers(0, 500).map(Integer::doubleValue),
            decimals(0, 1e6, 3),
            Gen.elements(0.0, 0.1, 0.2, 0.3, 250.0)));

    private static Gen<List<Double>> values(Gen<Double> value) {
        return Gen.listOf(value, 1, 200);
    }

    /** Positive values spread evenly over ten orders of magnitude, 1e-3 to 1e7. */
    private static final Gen<List<Double>> SPREAD_VALUES = Gen.listOf(decimals(-3, 7, 6).map(e -> Math.pow(10, e)),
            1, 3000);

    /** Percentages from 0 to 100: with two decimals, or whole. */
    private static final Gen<BigDecimal> PERCENTS = Gen.oneOf(
            Gen.integers(0, 10_000).map(v -> BigDecimal.valueOf(v, 2)),
            Gen.integers(0, 100).map(BigDecimal::valueOf));

    /** Two percentages. */
    private record Percents(BigDecimal a, BigDecimal b) {
    }

    private static final Gen<Percents> PERCENT_PAIRS = Gen.zip(PERCENTS, PERCENTS, Percents::new);

    /**
     * Up to 400 datapoints over six minutes around {@link TestMetrics#NOON}; in one value generator of three, one value
     * in five repeats an earlier value, so that ties (equal values across periods and within one) are common.
     */
    private static final Gen<List<Datapoint>> DATAPOINTS = random -> {
        Gen<Long> time = Gen.longs(NOON - 30_000, NOON + 5 * MINUTE + 30_000);
        Gen<Double> tenths = decimals(-50, 50, 1);
        Gen<Integer> kind = Gen.integers(0, 2);
        int size = Gen.sizes(0, 400).generate(random);
        List<Double> earlier = new ArrayList<>();
        List<Datapoint> datapoints = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            long t = time.generate(random);
            double value = switch (kind.generate(random)) {
                case 0 -> Gen.integers(0, 400).generate(random);
                case 1 -> decimals(0, 1e6, 2).generate(random);
                default -> !earlier.isEmpty() && random.nextInt(5) == 4
                        ? earlier.get(random.nextInt(earlier.size()))
                        : tenths.generate(random);
            };
            earlier.add(value);
            datapoints.add(TestMetrics.datapoint(t, value));
        }
        return datapoints;
    };
}
