package dev.cwfilter.metric;

import static dev.cwfilter.metric.TestMetrics.MINUTE;
import static dev.cwfilter.metric.TestMetrics.NOON;
import static dev.cwfilter.metric.TestMetrics.datapoint;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.cwfilter.Datapoint;
import dev.cwfilter.StandardUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AlarmEvaluatorTest {

    private final MetricAggregator metric = MetricAggregator.create();
    private final List<AlarmStateChange> heard = new ArrayList<>();

    /** Sum ≥ 1 over one-minute periods, 1 of 1. */
    private static MetricAlarm.Builder alarm() {
        return MetricAlarm.builder()
                .alarmName("Errors")
                .namespace("MyApp")
                .metricName("ErrorCount")
                .statistic(Statistic.SUM)
                .periodSeconds(60)
                .evaluationPeriods(1)
                .threshold(1.0)
                .comparisonOperator(AlarmComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD);
    }

    private AlarmEvaluator evaluator(MetricAlarm alarm) {
        return new AlarmEvaluator(alarm, metric, (a, change) -> heard.add(change));
    }

    /** Puts {@code value} in the minute starting {@code minute} minutes after noon. */
    private void put(int minute, double value) {
        metric.add(datapoint(NOON + minute * MINUTE + 10_000, value));
    }

    /** Puts the slots of a {@code "0 - X"} pattern, oldest first, in the minutes from {@code firstMinute}. */
    private void putSlots(int firstMinute, String slots) {
        String[] s = slots.split(" ");
        for (int i = 0; i < s.length; i++) {
            if (s[i].equals("X")) {
                put(firstMinute + i, 5);
            } else if (s[i].equals("0")) {
                put(firstMinute + i, 0);
            }
        }
    }

    private static long minute(int minute) {
        return NOON + minute * MINUTE;
    }

    @Test
    void aNewAlarmIsInInsufficientDataWithTheInitialReason() {
        AlarmEvaluator evaluator = evaluator(alarm().build());
        assertThat(evaluator.state()).isEqualTo(AlarmState.INSUFFICIENT_DATA);
        assertThat(evaluator.stateReason()).isEqualTo("Unchecked: Initial alarm creation");
        assertThat(evaluator.history()).isEmpty();
        assertThat(evaluator.lastEvaluationTime()).isEmpty();
    }

    @Test
    void aBreachingDatapointGivesCloudWatchsThresholdCrossedReason() {
        AlarmEvaluator evaluator = evaluator(alarm().build());
        put(3, 2.0);
        AlarmStateChange change = evaluator.evaluate(minute(4)).orElseThrow();
        assertThat(change.reason()).isEqualTo("Threshold Crossed: 1 out of the last 1 datapoints "
                + "[2.0 (21/11/26 12:03:00)] was greater than or equal to the threshold (1.0) "
                + "(minimum 1 datapoint for OK -> ALARM transition).");
        assertThat(change.oldState()).isEqualTo(AlarmState.INSUFFICIENT_DATA);
        assertThat(change.newState()).isEqualTo(AlarmState.ALARM);
        assertThat(change.timestamp()).isEqualTo(minute(4));
        assertThat(change.cause()).isEqualTo(AlarmStateChange.Cause.EVALUATION);
        assertThat(change.summary()).isEqualTo("Alarm updated from INSUFFICIENT_DATA to ALARM");
        assertThat(evaluator.stateReason()).isEqualTo(change.reason());
    }

    @Test
    void mOutOfNReasonsListTheDecidingDatapointsNewestFirst() {
        AlarmEvaluator evaluator = evaluator(alarm().evaluationPeriods(3).datapointsToAlarm(2).threshold(3.0)
                .comparisonOperator(AlarmComparisonOperator.GREATER_THAN_THRESHOLD).build());
        put(0, 5.0);
        put(1, 4.0);
        put(2, 1.0);
        assertThat(evaluator.evaluate(minute(3)).orElseThrow().reason()).isEqualTo("Threshold Crossed: "
                + "2 out of the last 3 datapoints [4.0 (21/11/26 12:01:00), 5.0 (21/11/26 12:00:00)] were greater "
                + "than the threshold (3.0) (minimum 2 datapoints for OK -> ALARM transition).");
        // 4.0, 1.0, 0.0: only one breach left, so two non-breaching points (N − M + 1) bring it back to OK.
        put(3, 0.0);
        assertThat(evaluator.evaluate(minute(4)).orElseThrow().reason()).isEqualTo("Threshold Crossed: "
                + "2 out of the last 3 datapoints [0.0 (21/11/26 12:03:00), 1.0 (21/11/26 12:02:00)] were not "
                + "greater than the threshold (3.0) (minimum 2 datapoints for ALARM -> OK transition).");
        assertThat(evaluator.state()).isEqualTo(AlarmState.OK);
    }

    @ParameterizedTest(name = "[{0}] 2 of 3 -> {1}")
    @CsvSource({
            "X 0 X, ALARM",
            "X X 0, ALARM",
            "0 X X, ALARM",
            "0 0 X, OK",
            "X 0 0, OK",
            "X X X X 0 0, OK",
            "0 0 0 X X, ALARM",
            "X X 0 0 0, OK"})
    void mOutOfNAlarmsWhenAtLeastMOfTheLastNBreach(String slots, AlarmState expected) {
        AlarmEvaluator evaluator = evaluator(alarm().evaluationPeriods(3).datapointsToAlarm(2).build());
        putSlots(0, slots);
        evaluator.evaluate(minute(slots.split(" ").length));
        assertThat(evaluator.state()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "[{0}] N={1} M={2} {3} -> {4}")
    @CsvSource({
            // M of N with gaps: the premature-alarm rule alarms under missing once the breach is M periods old
            "- - - X -, 3, 2, missing, ALARM",
            "- - - X -, 3, 2, ignore, RETAIN",
            "- - - X -, 3, 2, breaching, ALARM",
            "- - - X -, 3, 2, notBreaching, OK",
            // a fresh breach is not yet old enough
            "- - - - X, 3, 3, missing, INSUFFICIENT_DATA",
            "- - - - X, 3, 3, ignore, RETAIN",
            "- - - - X, 3, 3, breaching, ALARM",
            "- - - - X, 3, 3, notBreaching, OK",
            // a real non-breaching point decides OK under missing and ignore
            "- X - 0 -, 3, 3, missing, OK",
            "- X - 0 -, 3, 3, ignore, OK",
            "- X - 0 -, 3, 3, breaching, OK",
            "- X - 0 -, 3, 2, breaching, ALARM",
            // enough real points: TreatMissingData is not consulted
            "X - X - X, 3, 3, notBreaching, ALARM",
            "0 - 0 - 0, 3, 1, breaching, OK"})
    void eachTreatMissingDataFillsGapsAsSpecified(String slots, int n, int m, String treatment, String expected) {
        for (AlarmState start : AlarmState.values()) {
            MetricAggregator data = MetricAggregator.create();
            String[] s = slots.split(" ");
            for (int i = 0; i < s.length; i++) {
                if (!s[i].equals("-")) {
                    data.add(datapoint(minute(i) + 1_000, s[i].equals("X") ? 5 : 0));
                }
            }
            AlarmEvaluator evaluator = new AlarmEvaluator(alarm().evaluationPeriods(n).datapointsToAlarm(m)
                    .treatMissingData(TreatMissingData.fromAwsName(treatment)).build(), data);
            evaluator.setAlarmState(start, "test start", minute(0));
            evaluator.evaluate(minute(s.length));
            AlarmState want = expected.equals("RETAIN") ? start : AlarmState.valueOf(expected);
            assertThat(evaluator.state()).as("from %s", start).isEqualTo(want);
        }
    }

    @Test
    void missingDataWithNoDatapointsGoesToInsufficientData() {
        AlarmEvaluator evaluator = evaluator(alarm().build());
        put(0, 5);
        evaluator.evaluate(minute(1));
        assertThat(evaluator.state()).isEqualTo(AlarmState.ALARM);
        // N + 2 = 3 periods back from 12:04 are 12:01 to 12:03, all empty.
        AlarmStateChange change = evaluator.evaluate(minute(4)).orElseThrow();
        assertThat(change.newState()).isEqualTo(AlarmState.INSUFFICIENT_DATA);
        assertThat(change.reason()).isEqualTo("Insufficient Data: 1 datapoint was unknown.");
    }

    @Test
    void missingDataTreatedAsBreachingOrNotBreachingSaysSo() {
        AlarmEvaluator breaching = evaluator(alarm().evaluationPeriods(3)
                .treatMissingData(TreatMissingData.BREACHING).build());
        assertThat(breaching.evaluate(minute(10)).orElseThrow().reason()).isEqualTo(
                "Threshold Crossed: no datapoints were received for 3 periods and 3 missing datapoints were "
                        + "treated as [Breaching].");
        AlarmEvaluator notBreaching = evaluator(alarm().treatMissingData(TreatMissingData.NOT_BREACHING).build());
        assertThat(notBreaching.evaluate(minute(10)).orElseThrow().reason()).isEqualTo(
                "Threshold Crossed: no datapoints were received for 1 period and 1 missing datapoint was "
                        + "treated as [NonBreaching].");
    }

    @Test
    void filledDatapointsAreMentionedWhenTheyDecide() {
        AlarmEvaluator evaluator = evaluator(alarm().evaluationPeriods(3)
                .treatMissingData(TreatMissingData.BREACHING).build());
        put(4, 5);
        assertThat(evaluator.evaluate(minute(5)).orElseThrow().reason()).isEqualTo("Threshold Crossed: "
                + "1 out of the last 1 datapoints [5.0 (21/11/26 12:04:00)] was greater than or equal to the "
                + "threshold (1.0) and 2 missing datapoints were treated as [Breaching] "
                + "(minimum 3 datapoints for OK -> ALARM transition).");
    }

    @Test
    void thePrematureAlarmRuleExplainsTheGap() {
        AlarmEvaluator evaluator = evaluator(alarm().evaluationPeriods(3).build());
        put(2, 5);
        AlarmStateChange change = evaluator.evaluate(minute(5)).orElseThrow();
        assertThat(change.newState()).isEqualTo(AlarmState.ALARM);
        assertThat(change.reason()).isEqualTo("Threshold Crossed: 1 out of the last 1 datapoints "
                + "[5.0 (21/11/26 12:02:00)] was greater than or equal to the threshold (1.0) and 2 newer periods "
                + "have no data (minimum 3 datapoints for OK -> ALARM transition).");
    }

    @Test
    void ignoreKeepsTheCurrentStateWhenAllDataIsMissing() {
        for (AlarmState start : List.of(AlarmState.OK, AlarmState.ALARM)) {
            AlarmEvaluator evaluator = evaluator(alarm().treatMissingData(TreatMissingData.IGNORE).build());
            evaluator.setAlarmState(start, "start", minute(0));
            heard.clear();
            assertThat(evaluator.evaluate(minute(10))).isEmpty();
            assertThat(evaluator.state()).isEqualTo(start);
            assertThat(heard).isEmpty();
        }
    }

    @Test
    void theEvaluationRangeIsNPlusTwoPeriods() {
        MetricAlarm alarm = alarm().build();
        assertThat(alarm.evaluationRangePeriods()).isEqualTo(3);
        put(0, 5);
        AlarmEvaluator inRange = evaluator(alarm);
        inRange.evaluate(minute(3));
        assertThat(inRange.state()).isEqualTo(AlarmState.ALARM);
        AlarmEvaluator outOfRange = evaluator(alarm);
        outOfRange.evaluate(minute(4));
        assertThat(outOfRange.state()).isEqualTo(AlarmState.INSUFFICIENT_DATA);
        AlarmStateChange change = inRange.history().get(0);
        assertThat(change.evaluatedDatapoints()).extracting(EvaluatedDatapoint::timestamp)
                .containsExactly(minute(0), minute(1), minute(2));
        assertThat(change.evaluatedDatapoints()).extracting(EvaluatedDatapoint::outcome)
                .containsExactly(EvaluatedDatapoint.Outcome.BREACHING, EvaluatedDatapoint.Outcome.MISSING,
                        EvaluatedDatapoint.Outcome.MISSING);
        assertThat(change.evaluatedDatapoints().get(0).sampleCount()).isEqualTo(1);
    }

    @Test
    void onlyPeriodsThatHaveEndedAreEvaluated() {
        AlarmEvaluator evaluator = evaluator(alarm().build());
        put(0, 5);
        evaluator.evaluate(minute(1) - 1);
        assertThat(evaluator.state()).isEqualTo(AlarmState.INSUFFICIENT_DATA);
        evaluator.evaluate(minute(1));
        assertThat(evaluator.state()).isEqualTo(AlarmState.ALARM);
    }

    @Test
    void anEvaluationInsideAPeriodDoesNotSeeThatPeriodsData() {
        AlarmEvaluator evaluator = evaluator(alarm().build());
        put(0, 0);
        put(1, 5);
        assertThat(evaluator.evaluate(minute(1) + 59_999)).map(AlarmStateChange::newState).hasValue(AlarmState.OK);
        assertThat(evaluator.history().get(0).evaluatedDatapoints()).extracting(EvaluatedDatapoint::timestamp)
                .endsWith(minute(0));
        assertThat(evaluator.evaluate(minute(2))).map(AlarmStateChange::newState).hasValue(AlarmState.ALARM);
    }

    @Test
    void anAlarmCanResumeInAChosenStateWithoutHistoryOrNotification() {
        put(0, 0);
        AlarmEvaluator evaluator = AlarmEvaluator.resuming(alarm().build(), metric, AlarmState.ALARM,
                "restored from DescribeAlarms", (a, change) -> heard.add(change));
        assertThat(evaluator.state()).isEqualTo(AlarmState.ALARM);
        assertThat(evaluator.stateReason()).isEqualTo("restored from DescribeAlarms");
        assertThat(evaluator.history()).isEmpty();
        assertThat(heard).isEmpty();
        AlarmStateChange change = evaluator.evaluate(minute(1)).orElseThrow();
        assertThat(change.oldState()).isEqualTo(AlarmState.ALARM);
        assertThat(change.newState()).isEqualTo(AlarmState.OK);
        assertThat(heard).containsExactly(change);
        assertThatThrownBy(() -> AlarmEvaluator.resuming(alarm().build(), metric, AlarmState.OK, "x".repeat(1024)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1023");
    }

    @Test
    void setAlarmStateHoldsUntilTheNextEvaluation() {
        AlarmEvaluator evaluator = evaluator(alarm().alarmActions(List.of("arn:aws:sns:us-east-1:123456789012:ops"))
                .build());
        put(0, 0);
        evaluator.evaluate(minute(1));
        assertThat(evaluator.state()).isEqualTo(AlarmState.OK);

        AlarmStateChange manual = evaluator.setAlarmState(AlarmState.ALARM, "testing the pager", minute(1) + 5_000)
                .orElseThrow();
        assertThat(evaluator.state()).isEqualTo(AlarmState.ALARM);
        assertThat(manual.cause()).isEqualTo(AlarmStateChange.Cause.SET_ALARM_STATE);
        assertThat(manual.reason()).isEqualTo("testing the pager");
        assertThat(manual.actions()).containsExactly("arn:aws:sns:us-east-1:123456789012:ops");
        assertThat(manual.evaluatedDatapoints()).isEmpty();

        put(1, 0);
        AlarmStateChange overridden = evaluator.evaluate(minute(2)).orElseThrow();
        assertThat(overridden.oldState()).isEqualTo(AlarmState.ALARM);
        assertThat(overridden.newState()).isEqualTo(AlarmState.OK);
        assertThat(evaluator.history()).extracting(AlarmStateChange::newState)
                .containsExactly(AlarmState.OK, AlarmState.ALARM, AlarmState.OK);
        assertThat(heard).isEqualTo(evaluator.history());
    }

    @Test
    void setAlarmStateToTheCurrentStateOnlyReplacesTheReason() {
        AlarmEvaluator evaluator = evaluator(alarm().build());
        assertThat(evaluator.setAlarmState(AlarmState.INSUFFICIENT_DATA, "still waiting", minute(0))).isEmpty();
        assertThat(evaluator.stateReason()).isEqualTo("still waiting");
        assertThat(evaluator.history()).isEmpty();
        assertThat(heard).isEmpty();
        assertThatThrownBy(() -> evaluator.setAlarmState(AlarmState.OK, "x".repeat(1024), minute(0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most 1023");
    }

    @Test
    void listenersHearEachTransitionOnceAndNothingElse() {
        AlarmEvaluator evaluator = evaluator(alarm().build());
        for (int m = 0; m < 5; m++) {
            put(m, 5);
        }
        put(5, 0);
        for (int m = 1; m <= 6; m++) {
            evaluator.evaluate(minute(m));
        }
        assertThat(heard).extracting(AlarmStateChange::newState).containsExactly(AlarmState.ALARM, AlarmState.OK);
        assertThat(heard).extracting(AlarmStateChange::timestamp).containsExactly(minute(1), minute(6));
        assertThat(heard).isEqualTo(evaluator.history());
    }

    @Test
    void transitionsCarryTheActionsOfTheNewStateUnlessActionsAreDisabled() {
        MetricAlarm withActions = alarm().alarmActions(List.of("page")).okActions(List.of("resolve")).build();
        put(0, 5);
        put(1, 0);
        AlarmEvaluator enabled = evaluator(withActions);
        assertThat(enabled.evaluate(minute(1)).orElseThrow().actions()).containsExactly("page");
        assertThat(enabled.evaluate(minute(2)).orElseThrow().actions()).containsExactly("resolve");
        AlarmEvaluator disabled = evaluator(withActions.toBuilder().actionsEnabled(false).build());
        assertThat(disabled.evaluate(minute(1)).orElseThrow().actions()).isEmpty();
    }

    @Test
    void aFailingListenerDoesNotSilenceTheOthers() {
        List<AlarmState> second = new ArrayList<>();
        AlarmEvaluator evaluator = new AlarmEvaluator(alarm().build(), metric,
                (a, c) -> {
                    throw new IllegalStateException("listener down");
                },
                (a, c) -> second.add(c.newState()));
        put(0, 5);
        assertThatThrownBy(() -> evaluator.evaluate(minute(1))).hasMessage("listener down");
        assertThat(second).containsExactly(AlarmState.ALARM);
        assertThat(evaluator.state()).isEqualTo(AlarmState.ALARM);
    }

    @Test
    void timeDoesNotGoBackwards() {
        AlarmEvaluator evaluator = evaluator(alarm().build());
        evaluator.evaluate(minute(5));
        assertThatThrownBy(() -> evaluator.evaluate(minute(4)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not go backwards");
        assertThatThrownBy(() -> evaluator.setAlarmState(AlarmState.OK, "late", minute(4)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(evaluator.evaluate(minute(5))).isEmpty();
    }

    @Test
    void lowSampleCountPercentilesKeepTheStateWhenIgnored() {
        MetricAlarm p99 = alarm().statistic("p99").threshold(100)
                .evaluateLowSampleCountPercentile(LowSampleCountPercentile.IGNORE).build();
        for (int i = 0; i < 999; i++) {
            metric.add(datapoint(minute(0) + i, 500));
        }
        AlarmEvaluator ignoring = evaluator(p99);
        assertThat(ignoring.evaluate(minute(1))).isEmpty();
        assertThat(ignoring.state()).isEqualTo(AlarmState.INSUFFICIENT_DATA);

        AlarmEvaluator evaluating = evaluator(p99.toBuilder()
                .evaluateLowSampleCountPercentile(LowSampleCountPercentile.EVALUATE).build());
        evaluating.evaluate(minute(1));
        assertThat(evaluating.state()).isEqualTo(AlarmState.ALARM);

        for (int i = 0; i < 1000; i++) {
            metric.add(datapoint(minute(1) + i, 500));
        }
        ignoring.evaluate(minute(2));
        assertThat(ignoring.state()).isEqualTo(AlarmState.ALARM);
    }

    @Test
    void lowSampleCountAppliesOnlyToPercentiles() {
        MetricAlarm tm99 = alarm().statistic("tm99").threshold(100)
                .evaluateLowSampleCountPercentile(LowSampleCountPercentile.IGNORE).build();
        put(0, 500);
        AlarmEvaluator evaluator = evaluator(tm99);
        evaluator.evaluate(minute(1));
        assertThat(evaluator.state()).isEqualTo(AlarmState.ALARM);
    }

    @Test
    void aPercentileOverNegativeValuesCountsAsMissing() {
        AlarmEvaluator evaluator = evaluator(alarm().statistic("p50")
                .treatMissingData(TreatMissingData.BREACHING).build());
        put(0, -5);
        put(0, 0);
        AlarmStateChange change = evaluator.evaluate(minute(1)).orElseThrow();
        assertThat(change.newState()).isEqualTo(AlarmState.ALARM);
        EvaluatedDatapoint newest = change.evaluatedDatapoints().get(change.evaluatedDatapoints().size() - 1);
        assertThat(newest.outcome()).isEqualTo(EvaluatedDatapoint.Outcome.MISSING);
        assertThat(newest.sampleCount()).isEqualTo(2);
    }

    @Test
    void anAlarmWithAUnitSeesOnlyDataOfThatUnit() {
        metric.add(new Datapoint(minute(0), 5, StandardUnit.SECONDS, Map.of()));
        metric.add(new Datapoint(minute(0), 0.5, StandardUnit.MILLISECONDS, Map.of()));
        AlarmEvaluator milliseconds = evaluator(alarm().unit(StandardUnit.MILLISECONDS).build());
        milliseconds.evaluate(minute(1));
        assertThat(milliseconds.state()).isEqualTo(AlarmState.OK);
        AlarmEvaluator bytes = evaluator(alarm().unit(StandardUnit.BYTES).build());
        bytes.evaluate(minute(1));
        assertThat(bytes.state()).isEqualTo(AlarmState.INSUFFICIENT_DATA);
        AlarmEvaluator anyUnit = evaluator(alarm().build());
        AlarmStateChange change = anyUnit.evaluate(minute(1)).orElseThrow();
        assertThat(change.evaluatedDatapoints().get(2).value()).hasValue(5.5);
    }

    @Test
    void theAlarmAndTheMetricMustFit() {
        MetricAggregator dimensioned = MetricAggregator.builder().dimensions(Map.of("Service", "api")).build();
        assertThatThrownBy(() -> new AlarmEvaluator(alarm().build(), dimensioned))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dimensions");
        assertThat(new AlarmEvaluator(alarm().dimensions(Map.of("Service", "api")).build(), dimensioned).state())
                .isEqualTo(AlarmState.INSUFFICIENT_DATA);
        assertThatThrownBy(() -> new AlarmEvaluator(alarm().periodSeconds(30).build(), metric))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("storage resolution");
        MetricAggregator perTenSeconds = MetricAggregator.builder().storageResolutionSeconds(10).build();
        assertThat(new AlarmEvaluator(alarm().periodSeconds(30).build(), perTenSeconds).alarm().periodSeconds())
                .isEqualTo(30);
    }

    @Test
    void evaluateEachPeriodEvaluatesAtEveryBoundaryOfTheRange() {
        AlarmEvaluator evaluator = evaluator(alarm().build());
        put(2, 5);
        put(4, 0);
        List<AlarmStateChange> changes = evaluator.evaluateEachPeriod(minute(0) + 1, minute(5));
        assertThat(changes).extracting(AlarmStateChange::timestamp, AlarmStateChange::newState).containsExactly(
                tuple(minute(3), AlarmState.ALARM),
                tuple(minute(5), AlarmState.OK));
        assertThat(evaluator.lastEvaluationTime()).hasValue(minute(5));
    }

    @Test
    void replayRunsUntilTrailingMissingDataHasTakenEffect() {
        AlarmEvaluator evaluator = evaluator(alarm().evaluationPeriods(2).build());
        for (int m = 0; m < 5; m++) {
            put(m, 5);
        }
        List<AlarmStateChange> changes = evaluator.replay();
        // 12:01 sees one breach (too fresh for the premature rule), 12:02 two; the last datapoint (12:04) keeps
        // the alarm in ALARM until it leaves the 4-period range at 12:09.
        assertThat(changes).extracting(AlarmStateChange::timestamp, AlarmStateChange::newState).containsExactly(
                tuple(minute(2), AlarmState.ALARM),
                tuple(minute(9), AlarmState.INSUFFICIENT_DATA));
        assertThat(evaluator.lastEvaluationTime()).hasValue(minute(9));
        assertThat(evaluator.history()).isEqualTo(changes);
    }

    @Test
    void replayOfNoDataEvaluatesNothing() {
        AlarmEvaluator evaluator = evaluator(alarm().treatMissingData(TreatMissingData.BREACHING).build());
        assertThat(evaluator.replay()).isEmpty();
        assertThat(evaluator.lastEvaluationTime()).isEmpty();
    }
}
