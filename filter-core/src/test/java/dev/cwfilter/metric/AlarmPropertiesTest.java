package dev.cwfilter.metric;

import static dev.cwfilter.metric.TestMetrics.MINUTE;
import static dev.cwfilter.metric.TestMetrics.NOON;
import static dev.cwfilter.metric.TestMetrics.datapoint;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Laws of alarm evaluation, checked on generated datapoint sequences. */
class AlarmPropertiesTest {

    /** Evaluations happen this many minutes after noon; the newest slot is the minute just before. */
    private static final int EVALUATION_MINUTE = 30;

    @Property
    void stateDependsOnlyOnTheEvaluationRange(@ForAll("slots") List<Character> slots,
                                              @ForAll("slots") List<Character> olderSlots,
                                              @ForAll @IntRange(min = 1, max = 5) int n,
                                              @ForAll @IntRange(min = 1, max = 5) int m,
                                              @ForAll TreatMissingData treatment, @ForAll AlarmState start) {
        Assume.that(m <= n);
        MetricAlarm alarm = alarm(n, m, treatment);
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
        assertThat(evaluate(alarm, withOlderData, start)).isEqualTo(evaluate(alarm, aggregate(range), start));
    }

    @Property
    void withNRealDatapointsTreatMissingDataDoesNotMatter(@ForAll("slots") List<Character> slots,
                                                          @ForAll @IntRange(min = 1, max = 5) int n,
                                                          @ForAll @IntRange(min = 1, max = 5) int m,
                                                          @ForAll AlarmState start) {
        Assume.that(m <= n);
        List<Character> range = lastSlots(slots, n + 2);
        Assume.that(range.stream().filter(c -> c != '-').count() >= n);
        MetricAggregator data = aggregate(range);
        AlarmState missing = evaluate(alarm(n, m, TreatMissingData.MISSING), data, start);
        for (TreatMissingData treatment : TreatMissingData.values()) {
            assertThat(evaluate(alarm(n, m, treatment), data, start)).as(treatment.awsName()).isEqualTo(missing);
        }
    }

    @Property
    void treatingMissingDataAsBreachingIsNeverLessAlarmingThanAsNotBreaching(
            @ForAll("slots") List<Character> slots, @ForAll @IntRange(min = 1, max = 5) int n,
            @ForAll @IntRange(min = 1, max = 5) int m) {
        Assume.that(m <= n);
        MetricAggregator data = aggregate(lastSlots(slots, n + 2));
        AlarmState breaching = evaluate(alarm(n, m, TreatMissingData.BREACHING), data, AlarmState.INSUFFICIENT_DATA);
        AlarmState notBreaching =
                evaluate(alarm(n, m, TreatMissingData.NOT_BREACHING), data, AlarmState.INSUFFICIENT_DATA);
        if (notBreaching == AlarmState.ALARM) {
            assertThat(breaching).isEqualTo(AlarmState.ALARM);
        }
        assertThat(List.of(breaching, notBreaching)).doesNotContain(AlarmState.INSUFFICIENT_DATA);
    }

    @Property
    void evaluatingTwiceAtTheSameTimeChangesNothing(@ForAll("slots") List<Character> slots,
                                                     @ForAll @IntRange(min = 1, max = 5) int n,
                                                     @ForAll TreatMissingData treatment, @ForAll AlarmState start) {
        MetricAlarm alarm = alarm(n, n, treatment);
        AlarmEvaluator evaluator = new AlarmEvaluator(alarm, aggregate(lastSlots(slots, n + 2)));
        evaluator.setAlarmState(start, "start", NOON);
        evaluator.evaluate(NOON + EVALUATION_MINUTE * MINUTE);
        int transitions = evaluator.history().size();
        assertThat(evaluator.evaluate(NOON + EVALUATION_MINUTE * MINUTE)).isEmpty();
        assertThat(evaluator.history()).hasSize(transitions);
    }

    @Provide
    Arbitrary<List<Character>> slots() {
        return Arbitraries.of('X', '0', '-').list().ofMinSize(0).ofMaxSize(8);
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
