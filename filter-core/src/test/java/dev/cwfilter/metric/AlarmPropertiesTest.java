package dev.cwfilter.metric;

import static dev.cwfilter.metric.TestMetrics.MINUTE;
import static dev.cwfilter.metric.TestMetrics.NOON;
import static dev.cwfilter.metric.TestMetrics.datapoint;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import dev.cwfilter.propcheck.Gen;
import dev.cwfilter.propcheck.PropCheck;
import org.junit.jupiter.api.Test;

/** Laws of alarm evaluation, checked on generated datapoint sequences. */
class AlarmPropertiesTest {

    /** Evaluations happen this many minutes after noon; the newest slot is the minute just before. */
    private static final int EVALUATION_MINUTE = 30;

    /** Minutes, oldest first: a breaching datapoint ({@code X}), one that does not breach ({@code 0}), none. */
    private static final Gen<List<Character>> SLOTS = Gen.listOf(Gen.elements('X', '0', '-'), 0, 8);

    /** N evaluation periods and M datapoints to alarm, 1 ≤ M ≤ N ≤ 5. */
    private record Window(int n, int m) {
    }

    private static final Gen<Window> WINDOWS = Gen.integers(1, 5)
            .flatMap(n -> Gen.integers(1, n).map(m -> new Window(n, m)));

    private static final Gen<TreatMissingData> TREATMENTS = Gen.elements(TreatMissingData.values());
    private static final Gen<AlarmState> STATES = Gen.elements(AlarmState.values());

    /** An alarm, the state it starts in, and the data it sees. */
    private record Setting(Window window, TreatMissingData treatment, AlarmState start) {
    }

    private static final Gen<Setting> SETTINGS = random -> new Setting(WINDOWS.generate(random),
            TREATMENTS.generate(random), STATES.generate(random));

    @Test
    void stateDependsOnlyOnTheEvaluationRange() {
        PropCheck.forAll(SLOTS, SLOTS, SETTINGS, (slots, olderSlots, setting) -> {
            MetricAlarm alarm = alarm(setting.window().n(), setting.window().m(), setting.treatment());
            List<Character> range = lastSlots(slots, alarm.evaluationRangePeriods());
            MetricAggregator withOlderData = aggregate(range);
            // Data older than the range, which the evaluation must not see.
            int olderEnd = EVALUATION_MINUTE - alarm.evaluationRangePeriods();
            for (int i = 0; i < olderSlots.size(); i++) {
                char slot = olderSlots.get(olderSlots.size() - 1 - i);
                if (slot != '-') {
                    withOlderData.add(datapoint(NOON + (olderEnd - 1 - i) * MINUTE, slot == 'X' ? 5 : 0));
                }
            }
            assertThat(evaluate(alarm, withOlderData, setting.start()))
                    .isEqualTo(evaluate(alarm, aggregate(range), setting.start()));
        });
    }

    @Test
    void withNRealDatapointsTreatMissingDataDoesNotMatter() {
        PropCheck.forAll(SLOTS, WINDOWS, STATES, (slots, window, start) -> {
            int n = window.n();
            int m = window.m();
            List<Character> range = lastSlots(slots, n + 2);
            PropCheck.assume(range.stream().filter(c -> c != '-').count() >= n);
            MetricAggregator data = aggregate(range);
            AlarmState missing = evaluate(alarm(n, m, TreatMissingData.MISSING), data, start);
            for (TreatMissingData treatment : TreatMissingData.values()) {
                assertThat(evaluate(alarm(n, m, treatment), data, start)).as(treatment.awsName())
                        .isEqualTo(missing);
            }
        });
    }

    @Test
    void treatingMissingDataAsBreachingIsNeverLessAlarmingThanAsNotBreaching() {
        PropCheck.forAll(SLOTS, WINDOWS, (slots, window) -> {
            int n = window.n();
            int m = window.m();
            MetricAggregator data = aggregate(lastSlots(slots, n + 2));
            AlarmState breaching =
                    evaluate(alarm(n, m, TreatMissingData.BREACHING), data, AlarmState.INSUFFICIENT_DATA);
            AlarmState notBreaching =
                    evaluate(alarm(n, m, TreatMissingData.NOT_BREACHING), data, AlarmState.INSUFFICIENT_DATA);
            if (notBreaching == AlarmState.ALARM) {
                assertThat(breaching).isEqualTo(AlarmState.ALARM);
            }
            assertThat(List.of(breaching, notBreaching)).doesNotContain(AlarmState.INSUFFICIENT_DATA);
        });
    }

    @Test
    void evaluatingTwiceAtTheSameTimeChangesNothing() {
        PropCheck.forAll(SLOTS, SETTINGS, (slots, setting) -> {
            int n = setting.window().n();
            MetricAlarm alarm = alarm(n, n, setting.treatment());
            AlarmEvaluator evaluator = new AlarmEvaluator(alarm, aggregate(lastSlots(slots, n + 2)));
            evaluator.setAlarmState(setting.start(), "start", NOON);
            evaluator.evaluate(NOON + EVALUATION_MINUTE * MINUTE);
            int transitions = evaluator.history().size();
            assertThat(evaluator.evaluate(NOON + EVALUATION_MINUTE * MINUTE)).isEmpty();
            assertThat(evaluator.history()).hasSize(transitions);
        });
    }

    private static List<Character> lastSlots(List<Character> slots, int count) {
        return slots.subList(Math.max(0, slots.size() - count), slots.size());
    }

    private static MetricAlarm alarm(int n, int m, TreatMissingData treatment) {
        return MetricAlarm.builder().alarmName("property").namespace("Test").metricName("Errors")
                .statistic(Statistic.MAXIMUM).periodSeconds(60).evaluationPeriods(n).datapointsToAlarm(m)
                .threshold(1).comparisonOperator(AlarmComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
                .treatMissingData(treatment).build();
    }

    /** The slots, newest last, in the minutes that end at {@link #EVALUATION_MINUTE}. */
    private static MetricAggregator aggregate(List<Character> slots) {
        MetricAggregator metric = MetricAggregator.create();
        for (int i = 0; i < slots.size(); i++) {
            int minute = EVALUATION_MINUTE - slots.size() + i;
            char slot = slots.get(i);
            if (slot != '-') {
                metric.add(datapoint(NOON + minute * MINUTE + 30_000, slot == 'X' ? 5 : 0));
            }
        }
        return metric;
    }

    private static AlarmState evaluate(MetricAlarm alarm, MetricAggregator data, AlarmState start) {
        AlarmEvaluator evaluator = new AlarmEvaluator(alarm, data);
        evaluator.setAlarmState(start, "start", NOON);
        evaluator.evaluate(NOON + EVALUATION_MINUTE * MINUTE);
        return evaluator.state();
    }
}
