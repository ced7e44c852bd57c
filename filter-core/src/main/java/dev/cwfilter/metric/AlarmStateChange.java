package dev.cwfilter.metric;

import java.util.List;
import java.util.Objects;

/**
 * One state transition of an alarm: an entry of its state history (DescribeAlarmHistory's {@code StateUpdate} items),
 * and what an {@link AlarmListener} is told. Immutable and thread-safe.
 *
 * @param alarmName           the alarm's name
 * @param timestamp           when the transition happened, epoch milliseconds: the evaluation time, or the time
 *                            given to SetAlarmState
 * @param oldState            the state before
 * @param newState            the state after; never equal to {@code oldState}
 * @param reason              the state reason, in CloudWatch's words for evaluations
 *                            ({@code Threshold Crossed: 1 out of the last 1 datapoints [...] ...}), or the reason
 *                            passed to SetAlarmState
 * @param cause               whether an evaluation or SetAlarmState changed the state
 * @param evaluatedDatapoints the periods of the evaluation range, oldest first; empty for SetAlarmState
 * @param actions             the actions this transition triggers: the alarm's actions for the new state, or none
 *                            when its actions are disabled
 */
public record AlarmStateChange(String alarmName, long timestamp, AlarmState oldState, AlarmState newState,
                               String reason, Cause cause, List<EvaluatedDatapoint> evaluatedDatapoints,
                               List<String> actions) {

    /** What changed the state. */
    public enum Cause {
        /** An evaluation of the alarm's data. */
        EVALUATION,
        /** A SetAlarmState call. */
        SET_ALARM_STATE
    }

    /**
     * Checks for null, copies the lists and checks that the state changes.
     *
     * @throws IllegalArgumentException if the old and the new state are the same
     */
    public AlarmStateChange {
        Objects.requireNonNull(alarmName, "alarmName");
        Objects.requireNonNull(oldState, "oldState");
        Objects.requireNonNull(newState, "newState");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(cause, "cause");
        evaluatedDatapoints = List.copyOf(evaluatedDatapoints);
        actions = List.copyOf(actions);
        if (oldState == newState) {
            throw new IllegalArgumentException("a state change changes the state; both are " + oldState);
        }
    }

    /** The history summary CloudWatch writes, such as {@code Alarm updated from OK to ALARM}. */
    public String summary() {
        return "Alarm updated from " + oldState.awsName() + " to " + newState.awsName();
    }
}
