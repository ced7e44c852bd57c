package dev.cwfilter.aws;

import dev.cwfilter.metric.AlarmState;
import java.util.Objects;

/**
 * One SNS publish for one alarm transition and one topic: what {@link SnsAlarmNotifier} sends, and what its
 * {@link DeliveryListener} is told about. Immutable and thread-safe.
 *
 * @param alarmName        the alarm's name
 * @param topicArn         the SNS topic, one of the alarm's actions for the new state
 * @param oldState         the state before
 * @param newState         the state after
 * @param stateChangeTime  the transition's time, epoch milliseconds
 * @param subject          the subject ({@code ALARM: "name" in US East (N. Virginia)})
 * @param body             the JSON body HTTP, SQS and Lambda subscribers receive as {@code Message}
 * @param messageStructure the {@code MessageStructure=json} document published ({@code default}, {@code sms},
 *                         {@code email})
 */
public record AlarmNotification(String alarmName, String topicArn, AlarmState oldState, AlarmState newState,
                                long stateChangeTime, String subject, String body, String messageStructure) {

    /** Checks for null. */
    public AlarmNotification {
        Objects.requireNonNull(alarmName, "alarmName");
        Objects.requireNonNull(topicArn, "topicArn");
        Objects.requireNonNull(oldState, "oldState");
        Objects.requireNonNull(newState, "newState");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(messageStructure, "messageStructure");
    }

    /** {@code alarm "name" OK -> ALARM to arn:...}, for messages. */
    public String describe() {
        return "alarm \"" + alarmName + "\" " + oldState.awsName() + " -> " + newState.awsName() + " to " + topicArn;
    }
}
