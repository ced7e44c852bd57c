package dev.cwfilter.cli;

import dev.cwfilter.aws.AlarmMessages;
import dev.cwfilter.aws.AlarmNotification;
import dev.cwfilter.aws.DeliveryFailure;
import dev.cwfilter.aws.DeliveryListener;
import dev.cwfilter.aws.SnsAlarmNotifier;
import dev.cwfilter.aws.WhenFull;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import picocli.CommandLine.Option;

/**
 * The SNS side of an alarm on the command line: its topics ({@code --alarm-action}, {@code --ok-action}) and
 * {@code --notify}, which publishes each transition to them as CloudWatch does. Shared by {@code metrics} and
 * {@code watch}.
 *
 * <p>Not thread-safe: picocli fills one instance per command invocation.
 */
public final class NotifyOptions {

    @Option(names = "--alarm-action", paramLabel = "ARN",
            description = "An SNS topic of the --alarm for transitions to ALARM (repeatable, at most 5).")
    List<String> alarmActions = new ArrayList<>();

    @Option(names = "--ok-action", paramLabel = "ARN",
            description = "An SNS topic of the --alarm for transitions to OK (repeatable, at most 5).")
    List<String> okActions = new ArrayList<>();

    @Option(names = "--notify",
            description = "Publish each alarm transition to the alarm's SNS topics, with CloudWatch's subject and "
                    + "message; a notification not delivered is printed and makes the exit status 1.")
    boolean notify;

    /**
     * Checks the combinations.
     *
     * @param command      the command's name, for messages
     * @param hasAlarm     whether an --alarm was given
     * @param otherAlarms  whether alarms come from elsewhere (the account)
     * @throws UsageError naming what is wrong
     */
    void check(String command, boolean hasAlarm, boolean otherAlarms) {
        if (notify && !hasAlarm && !otherAlarms) {
            throw new UsageError("cwfilter " + command + ": --notify needs an alarm (--alarm with --alarm-action"
                    + (command.equals("metrics") ? ", or --alarms account)" : ", or --metric-filters with --alarms)"));
        }
        if (notify && hasAlarm && alarmActions.isEmpty() && okActions.isEmpty()) {
            throw new UsageError("cwfilter " + command + ": --notify with --alarm needs the SNS topics: --alarm-action"
                    + " ARN (and --ok-action ARN)");
        }
        if (!hasAlarm && (!alarmActions.isEmpty() || !okActions.isEmpty())) {
            throw new UsageError("cwfilter " + command + ": --alarm-action and --ok-action belong to an --alarm");
        }
    }

    /**
     * A notifier on {@code aws}'s SNS client for alarms of its region; the account of alarms without an ARN is the
     * one the topics name. Each failure is handed to {@code failures} as one line.
     */
    SnsAlarmNotifier notifier(AwsOptions aws, WhenFull whenFull, Consumer<String> failures) {
        AlarmMessages.Builder messages = AlarmMessages.builder().region(aws.clients().region().id());
        List<String> actions = new ArrayList<>(alarmActions);
        actions.addAll(okActions);
        for (String arn : actions) {
            String[] parts = arn.split(":");
            if (parts.length >= 6 && parts[4].matches("\\d{12}")) {
                messages.accountId(parts[4]);
                break;
            }
        }
        return SnsAlarmNotifier.builder(aws.clients().sns()).messages(messages.build()).whenFull(whenFull)
                .listener(new DeliveryListener() {
                    @Override
                    public void failed(AlarmNotification n, DeliveryFailure failure) {
                        failures.accept("cwfilter: notification NOT delivered: " + failure.message());
                    }
                }).build();
    }
}
