package dev.cwfilter.metric;

import static dev.cwfilter.metric.TestMetrics.MINUTE;
import static dev.cwfilter.metric.TestMetrics.NOON;
import static dev.cwfilter.metric.TestMetrics.datapoint;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cwfilter.propcheck.Gen;
import dev.cwfilter.propcheck.PropCheck;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** The public alarm rule over plain per-period values, and that it is the rule {@link AlarmEvaluator} applies. */
class AlarmDecisionTest {

    private static MetricAlarm.Builder alarm(int n, int m, TreatMissingData treatment) {
        return MetricAlarm.builder().alarmName("Errors").namespace("MyApp").metricName("ErrorCount")
                .statistic(Statistic.SUM).periodSeconds(60).evaluationPeriods(n).datapointsToAlarm(m).threshold(1)
                .comparisonOperator(AlarmComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
                .treatMissingData(treatment);
    }

    private static List<OptionalDouble> slots(String slots) {
        List<OptionalDouble> values = new ArrayList<>();
        for (String s : slots.split(" ")) {
            values.add(s.equals("-") ? OptionalDouble.empty() : OptionalDouble.of(s.equals("X") ? 5 : 0));
        }
        return values;
    }

    @Test
    void aPlainListOfValuesIsDecidedAsTheDocumentationsTablesSay() {
        MetricAlarm threeOfThree = alarm(3, 3, TreatMissingData.MISSING).build();
        long at = NOON + 5 * MINUTE;
        assertThat(AlarmDecision.decide(threeOfThree, at, slots("- - X - -")).state()).hasValue(AlarmState.ALARM);
        assertThat(AlarmDecision.decide(threeOfThree, at, slots("- - - - X")).state())
                .hasValue(AlarmState.INSUFFICIENT_DATA);
        assertThat(AlarmDecision.decide(threeOfThree, at, slots("0 X X X -")).state()).hasValue(AlarmState.ALARM);
        assertThat(AlarmDecision.decide(alarm(3, 3, TreatMissingData.IGNORE).build(), at, slots("- - - - -"))
                .state()).isEmpty();
        AlarmDecision.Result ok = AlarmDecision.decide(alarm(1, 1, TreatMissingData.MISSING).build(), at,
                slots("- - 0"));
        assertThat(ok.state()).hasValue(AlarmState.OK);
        assertThat(ok.reason()).isEqualTo("Threshold Crossed: 1 out of the last 1 datapoints [0.0 (21/11/26 12:04:00)]"
                + " was not greater than or equal to the threshold (1.0) (minimum 1 datapoint for ALARM -> OK"
                + " transition).");
    }

    @Test
    void anEvaluationTakesExactlyTheEvaluationRange() {
        MetricAlarm alarm = alarm(3, 2, TreatMissingData.MISSING).build();
        assertThatThrownBy(() -> AlarmDecision.evaluate(alarm, NOON, AlarmState.OK,
                List.of(PeriodValue.missing(), PeriodValue.missing(), PeriodValue.missing())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("holds 5 periods (N + 2), not 3");
        assertThatThrownBy(() -> AlarmDecision.decide(alarm, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PeriodValue.of(Double.NaN, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PeriodValue(0, OptionalDouble.of(1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theRangesPeriodsEndAtTheEvaluationTimesPeriodStart() {
        MetricAlarm alarm = alarm(1, 1, TreatMissingData.MISSING).build();
        List<EvaluatedDatapoint> range = AlarmDecision.evaluatedRange(alarm, NOON + 3 * MINUTE + 30_000,
                List.of(PeriodValue.missing(), PeriodValue.of(0, 2), PeriodValue.of(4, 3)));
        assertThat(range).extracting(EvaluatedDatapoint::timestamp)
                .containsExactly(NOON, NOON + MINUTE, NOON + 2 * MINUTE);
        assertThat(range).extracting(EvaluatedDatapoint::outcome).containsExactly(EvaluatedDatapoint.Outcome.MISSING,
                EvaluatedDatapoint.Outcome.NOT_BREACHING, EvaluatedDatapoint.Outcome.BREACHING);
    }

    @Test
    void aPercentileAlarmIgnoringLowSampleCountsKeepsItsStateOnAThinNewestPeriod() {
        MetricAlarm p99 = alarm(1, 1, TreatMissingData.MISSING).statistic("p99")
                .evaluateLowSampleCountPercentile(LowSampleCountPercentile.IGNORE).build();
        List<PeriodValue> thin = List.of(PeriodValue.missing(), PeriodValue.missing(), PeriodValue.of(5, 10));
        assertThat(AlarmDecision.evaluate(p99, NOON, AlarmState.OK, thin)).isEmpty();
        List<PeriodValue> enough = List.of(PeriodValue.missing(), PeriodValue.missing(), PeriodValue.of(5, 1000));
        assertThat(AlarmDecision.evaluate(p99, NOON, AlarmState.OK, enough)).map(AlarmStateChange::newState)
                .hasValue(AlarmState.ALARM);
    }

    /**
     * The law that makes the rule reusable: over any data, from any state, the public rule applied to the
     * aggregator's per-period values makes exactly the transition the evaluator makes.
     */
    @Test
    void theRuleOverPeriodValuesIsWhatTheEvaluatorDoes() {
        Gen<Optional<Double>> slot = Gen.frequency(Gen.weighted(2, Gen.constant(Optional.empty())),
                Gen.weighted(3, Gen.elements(0.0, 0.5, 1.0, 2.0, 7.0).map(Optional::of)));
        Gen<List<Optional<Double>>> slots = Gen.listOf(slot, 0, 9);
        Gen<int[]> nm = Gen.integers(1, 5).flatMap(n -> Gen.integers(1, n).map(m -> new int[] {n, m}));
        Gen<TreatMissingData> treatment = Gen.elements(TreatMissingData.values());
        Gen<AlarmState> start = Gen.elements(AlarmState.values());
        PropCheck.forAll(slots, nm, Gen.listOf(Gen.oneOf(treatment.map(t -> (Object) t),
                start.map(s -> (Object) s)), 2, 2), (data, config, settings) -> {
            TreatMissingData t = settings.stream().filter(TreatMissingData.class::isInstance)
                    .map(TreatMissingData.class::cast).findFirst().orElse(TreatMissingData.MISSING);
            AlarmState s = settings.stream().filter(AlarmState.class::isInstance).map(AlarmState.class::cast)
                    .findFirst().orElse(AlarmState.OK);
            MetricAlarm alarm = alarm(config[0], config[1], t).build();
            MetricAggregator metric = MetricAggregator.create();
            for (int i = 0; i < data.size(); i++) {
                int minute = i;
                data.get(i).ifPresent(v -> metric.add(datapoint(NOON + minute * MINUTE + 1_000, v)));
            }
            long time = NOON + 8 * MINUTE;
            AlarmEvaluator evaluator = AlarmEvaluator.resuming(alarm, metric, s, "resumed");
            Optional<AlarmStateChange> byEvaluator = evaluator.evaluate(time);
            List<PeriodValue> values = new ArrayList<>();
            for (int i = alarm.evaluationRangePeriods(); i >= 1; i--) {
                values.add(metric.periodValue(time - i * MINUTE, 60, Optional.empty(), Statistic.SUM));
            }
            assertThat(AlarmDecision.evaluate(alarm, time, s, values)).isEqualTo(byEvaluator);
        });
    }
}
