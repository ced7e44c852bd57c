package dev.cwfilter.metric;

import static dev.cwfilter.metric.TestMetrics.MINUTE;
import static dev.cwfilter.metric.TestMetrics.NOON;
import static dev.cwfilter.metric.TestMetrics.datapoint;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cwfilter.Datapoint;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
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

    @Property
    void sumEqualsAverageTimesSampleCount(@ForAll("anyValues") List<Double> values) {
        PeriodStatistics p = only(aggregate(values, MetricAggregator.create()),
                Statistic.SUM, Statistic.AVERAGE, Statistic.SAMPLE_COUNT);
        double sum = p.value(Statistic.SUM).getAsDouble();
        double product = p.value(Statistic.AVERAGE).getAsDouble() * p.value(Statistic.SAMPLE_COUNT).getAsDouble();
        assertThat(product).isCloseTo(sum, Offset.offset(4 * Math.ulp(sum)));
    }

    @Property
    void percentilesAreMonotoneInP(@ForAll("nonNegativeValues") List<Double> values,
                                   @ForAll("percents") BigDecimal a, @ForAll("percents") BigDecimal b,
                                   @ForAll @IntRange(min = 0, max = 40) int exactValueLimit) {
        Statistic lower = new Statistic.Percentile(a.min(b));
        Statistic upper = new Statistic.Percentile(a.max(b));
        PeriodStatistics p = only(aggregate(values, MetricAggregator.builder().exactValueLimit(exactValueLimit)
                .build()), lower, upper, Statistic.MINIMUM, Statistic.MAXIMUM);
        double low = p.value(lower).getAsDouble();
        double high = p.value(upper).getAsDouble();
        assertThat(low).isLessThanOrEqualTo(high);
        assertThat(low).isGreaterThanOrEqualTo(p.value(Statistic.MINIMUM).getAsDouble());
        assertThat(high).isLessThanOrEqualTo(p.value(Statistic.MAXIMUM).getAsDouble());
    }

    @Property
    void aggregationIsOrderIndependent(@ForAll("datapoints") List<Datapoint> datapoints, @ForAll long seed,
                                       @ForAll @IntRange(min = 0, max = 40) int exactValueLimit) {
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
    }

    @Property
    void mergingBucketsEqualsAggregatingRaw(@ForAll("datapoints") List<Datapoint> datapoints,
                                            @ForAll @IntRange(min = 0, max = 40) int exactValueLimit) {
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
    }

    @Property
    void exactStatisticsEqualThePlainReference(@ForAll("anyValues") List<Double> values) {
        double[] raw = values.stream().mapToDouble(Double::doubleValue).toArray();
        ReferenceStatistics reference = new ReferenceStatistics(raw);
        MetricAggregator metric = aggregate(values, MetricAggregator.create());
        for (Statistic s : ALL_FAMILIES) {
            OptionalDouble actual = only(metric, s).value(s);
            assertThat(actual).as("%s of %s", s, values).isEqualTo(reference.compute(s));
        }
    }

    @Property
    void trimmedSumEqualsTrimmedMeanTimesTrimmedCount(@ForAll("nonNegativeValues") List<Double> values,
                                                      @ForAll("percents") BigDecimal a,
                                                      @ForAll("percents") BigDecimal b) {
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
    }

    @Property
    void sketchedPercentilesStayWithinTheRelativeAccuracy(
            @ForAll("spreadValues") List<Double> values, @ForAll("percents") BigDecimal percent) {
        Statistic p = new Statistic.Percentile(percent);
        double exact = new ReferenceStatistics(values.stream().mapToDouble(Double::doubleValue).toArray())
                .compute(p).getAsDouble();
        MetricAggregator sketched = aggregate(values, MetricAggregator.builder().exactValueLimit(0).build());
        double estimate = only(sketched, p).value(p).getAsDouble();
        assertThat(Math.abs(estimate - exact)).isLessThanOrEqualTo(sketched.relativeAccuracy() * exact * 1.000001);
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

    @Provide
    Arbitrary<List<Double>> anyValues() {
        return values(Arbitraries.oneOf(
                Arbitraries.integers().between(-5, 500).map(Integer::doubleValue),
                Arbitraries.doubles().between(-1e6, 1e6).ofScale(3),
                Arbitraries.doubles().between(0, 1e15),
                Arbitraries.of(0.0, -0.0, 0.1, 0.2, 0.3, 1e-300, 0x1p360, -0x1p360)));
    }

    @Provide
    Arbitrary<List<Double>> nonNegativeValues() {
        return values(Arbitraries.oneOf(
                Arbitraries.integers().between(0, 500).map(Integer::doubleValue),
                Arbitraries.doubles().between(0, 1e6).ofScale(3),
                Arbitraries.of(0.0, 0.1, 0.2, 0.3, 250.0)));
    }

    private static Arbitrary<List<Double>> values(Arbitrary<Double> value) {
        return value.list().ofMinSize(1).ofMaxSize(200);
    }

    /** Positive values spread evenly over ten orders of magnitude, 1e-3 to 1e7. */
    @Provide
    Arbitrary<List<Double>> spreadValues() {
        return Arbitraries.doubles().between(-3, 7).ofScale(6).map(e -> Math.pow(10, e)).list().ofMinSize(1)
                .ofMaxSize(3000);
    }

    @Provide
    Arbitrary<BigDecimal> percents() {
        return Arbitraries.oneOf(
                Arbitraries.bigDecimals().between(BigDecimal.ZERO, BigDecimal.valueOf(100)).ofScale(2),
                Arbitraries.integers().between(0, 100).map(BigDecimal::valueOf));
    }

    @Provide
    Arbitrary<List<Datapoint>> datapoints() {
        Arbitrary<Long> time = Arbitraries.longs().between(NOON - 30_000, NOON + 5 * MINUTE + 30_000);
        Arbitrary<Double> value = Arbitraries.oneOf(
                Arbitraries.integers().between(0, 400).map(Integer::doubleValue),
                Arbitraries.doubles().between(0, 1e6).ofScale(2),
                Arbitraries.doubles().between(-50, 50).ofScale(1).injectDuplicates(0.2));
        return Combinators.combine(time, value).as(TestMetrics::datapoint).list().ofMaxSize(400);
    }
}
