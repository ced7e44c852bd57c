package dev.cwfilter.testkit;

import static dev.cwfilter.metric.AlarmState.ALARM;
import static dev.cwfilter.metric.AlarmState.INSUFFICIENT_DATA;
import static dev.cwfilter.metric.AlarmState.OK;
import static dev.cwfilter.testkit.FilterAssertions.assertThatAlarm;
import static dev.cwfilter.testkit.FilterAssertions.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cwfilter.MetricFilter;
import dev.cwfilter.StandardUnit;
import dev.cwfilter.metric.AlarmComparisonOperator;
import dev.cwfilter.metric.MetricAlarm;
import dev.cwfilter.metric.Statistic;
import dev.cwfilter.metric.TreatMissingData;
import dev.cwfilter.testkit.events.CloudTrailEvents;
import org.junit.jupiter.api.Test;

class AlarmAssertTest {

    static final MetricFilter SECRET_ACCESS = MetricFilterAssertTest.SECRET_ACCESS;

    static final MetricAlarm SUM_PER_MINUTE = MetricAlarm.builder().alarmName("Secret is accessed")
            .namespace("SecurityMetrics").metricName("Secret is accessed").statistic(Statistic.SUM)
            .periodSeconds(60).evaluationPeriods(1).datapointsToAlarm(1).threshold(1)
            .comparisonOperator(AlarmComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
            .treatMissingData(TreatMissingData.MISSING).build();

    static final String GET = CloudTrailEvents.getSecretValue().build();
    static final String LIST = CloudTrailEvents.listSecrets().build();

    @Test
    void givenEventsAtTheseTimesTheAlarmGoesToAlarmWhenThePeriodEnds() {
        assertThatAlarm(SUM_PER_MINUTE).fedBy(SECRET_ACCESS)
                .givenEvents(at("12:01:30", LIST), at("12:03:14", GET), at("12:03:50", GET), at("12:04:10", LIST))
                .goesTo(ALARM).at("12:04")
                .withReasonContaining("1 out of the last 1 datapoints [2.0 (21/11/26 12:03:00)]")
                .goesTo(OK).at("12:05")
                .endsIn(INSUFFICIENT_DATA)
                .transitions().containsExactly("12:02 INSUFFICIENT_DATA -> OK", "12:04 OK -> ALARM",
                        "12:05 ALARM -> OK", "12:08 OK -> INSUFFICIENT_DATA");
    }

    @Test
    void sampleEventsCanBePlacedInTime() {
        assertThatAlarm(SUM_PER_MINUTE).fedBy(SECRET_ACCESS)
                .givenEvents(at("12:00:05", CloudTrailEvents.listSecrets()),
                        at("12:10:00", CloudTrailEvents.getSecretValue().user("mallory")))
                .goesTo(ALARM).at("12:11");
    }

    @Test
    void aTransitionAPeriodLaterThanExpectedSaysWhy() {
        assertThatThrownBy(() -> assertThatAlarm(SUM_PER_MINUTE).fedBy(SECRET_ACCESS)
                .givenEvents(at("12:01:30", LIST), at("12:03:14", GET))
                .goesTo(ALARM).at("12:03"))
                .isInstanceOf(AssertionError.class)
                .hasMessage("""
                        expected:    the alarm to go to ALARM at 12:03
                        alarm:       Secret is accessed: Sum of SecurityMetrics/Secret is accessed over 60 s greater\
                         than or equal to 1.0, 1 of 1 periods, missing data missing
                        filter:      SecretIsAccessed: { $.eventName = "GetSecretValue" } → SecurityMetrics/Secret is\
                         accessed = 1 (default 0.0)
                        events:      2 from 12:01:30 to 12:03:14, 1 matched by the filter
                        metric:      Sum per 60 s period: 12:01 0.0, 12:03 1.0
                        transitions: 12:02 INSUFFICIENT_DATA -> OK
                                     12:04 OK -> ALARM
                                     12:07 ALARM -> INSUFFICIENT_DATA
                        note:        a transition happens when its period ends: the period starting at 12:03 is\
                         evaluated at 12:04""");
    }

    @Test
    void neverGoesToFailsWithTheTransitions() {
        assertThatAlarm(SUM_PER_MINUTE).fedBy(SECRET_ACCESS).givenEvents(at("12:01", LIST), at("12:02", LIST))
                .neverGoesTo(ALARM).endsIn(INSUFFICIENT_DATA);
        assertThatThrownBy(() -> assertThatAlarm(SUM_PER_MINUTE).fedBy(SECRET_ACCESS)
                .givenEvents(at("12:03:14", GET)).neverGoesTo(ALARM))
                .hasMessageStartingWith("expected:    the alarm never to go to ALARM\n")
                .hasMessageContaining("transitions: 12:04 INSUFFICIENT_DATA -> ALARM\n");
    }

    @Test
    void goesToFailsWhenTheStateIsNeverReached() {
        assertThatThrownBy(() -> assertThatAlarm(SUM_PER_MINUTE).fedBy(SECRET_ACCESS)
                .givenEvents(at("12:01", LIST)).goesTo(ALARM))
                .hasMessageStartingWith("expected:    the alarm to go to ALARM\n")
                .hasMessageContaining("events:      1 at 12:01, 0 matched by the filter\n")
                .hasMessageContaining("metric:      Sum per 60 s period: 12:01 0.0\n");
    }

    @Test
    void aWrongReasonOrEndStateFails() {
        assertThatThrownBy(() -> assertThatAlarm(SUM_PER_MINUTE).fedBy(SECRET_ACCESS)
                .givenEvents(at("12:03:14", GET)).goesTo(ALARM).withReasonContaining("3 out of"))
                .hasMessageContaining("expected:    the transition 12:04 INSUFFICIENT_DATA -> ALARM to give a reason"
                        + " containing \"3 out of\"")
                .hasMessageContaining("reason:      Threshold Crossed: 1 out of the last 1 datapoints");
        assertThatThrownBy(() -> assertThatAlarm(SUM_PER_MINUTE).fedBy(SECRET_ACCESS)
                .givenEvents(at("12:03:14", GET)).endsIn(ALARM))
                .hasMessageContaining("actual:      ends in INSUFFICIENT_DATA");
    }

    @Test
    void timesOfDayFallOnTheDateOfTheEarliestEvent() {
        assertThatAlarm(SUM_PER_MINUTE).fedBy(SECRET_ACCESS)
                .givenEvents(at("2025-03-01T23:58:30Z", GET))
                .goesTo(ALARM).at("23:59").goesTo(INSUFFICIENT_DATA).at("2025-03-02T00:02:00Z")
                .transitions().containsExactly("23:59 INSUFFICIENT_DATA -> ALARM",
                        "2025-03-02 00:02 ALARM -> INSUFFICIENT_DATA");
    }

    @Test
    void aFilterThatPublishesAnotherMetricCannotFeedTheAlarm() {
        MetricFilter other = MetricFilter.builder().filterPattern("ERROR").metricNamespace("MyApp")
                .metricName("Errors").build();
        assertThatThrownBy(() -> assertThatAlarm(SUM_PER_MINUTE).fedBy(other).givenEvents(at("12:00", "ERROR"))
                .goesTo(ALARM))
                .hasMessage("""
                        expected: the filter to feed the alarm
                        alarm:    Secret is accessed watches SecurityMetrics/Secret is accessed
                        filter:   ERROR → MyApp/Errors = 1
                        but:      the filter publishes MyApp/Errors""");
    }

    @Test
    void anAlarmOnAnotherUnitIsPointedOut() {
        MetricAlarm inSeconds = SUM_PER_MINUTE.toBuilder().unit(StandardUnit.SECONDS).build();
        assertThatThrownBy(() -> assertThatAlarm(inSeconds).fedBy(SECRET_ACCESS).givenEvents(at("12:03", GET))
                .goesTo(ALARM))
                .hasMessageContaining("note:        the alarm evaluates only data in Seconds; the filter publishes no"
                        + " unit (None)");
    }

    @Test
    void theAlarmNeedsAFilterAndEvents() {
        assertThatThrownBy(() -> assertThatAlarm(SUM_PER_MINUTE).givenEvents().goesTo(ALARM))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("fedBy(filter)");
        assertThatThrownBy(() -> assertThatAlarm(SUM_PER_MINUTE).fedBy(SECRET_ACCESS).goesTo(ALARM))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("givenEvents");
    }

    @Test
    void theTransitionFoundIsAvailable() {
        var transition = assertThatAlarm(SUM_PER_MINUTE).fedBy(SECRET_ACCESS).givenEvents(at("12:03:14", GET))
                .goesTo(ALARM).transition();
        assertThat(transition.oldState()).isEqualTo(INSUFFICIENT_DATA);
    }
}
