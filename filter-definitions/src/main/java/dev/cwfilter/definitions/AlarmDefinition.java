package dev.cwfilter.definitions;

import dev.cwfilter.metric.MetricAlarm;
import java.util.Objects;

/**
 * A metric alarm as it is deployed or about to be: read from {@code describe-alarms} output, a CloudFormation template
 * or a Terraform plan, validated as PutMetricAlarm validates it, with its name and where it is written.
 *
 * <p>Immutable and thread-safe.
 *
 * @param name  its name in the file: the {@code AlarmName} of describe-alarms output, a CloudFormation logical id
 *              ({@code SecretAccessAlarm}), a Terraform address ({@code aws_cloudwatch_metric_alarm.secret_access})
 * @param file  the file it was read from, as the caller named it
 * @param line  the 1-based line where it starts
 * @param alarm the alarm
 */
public record AlarmDefinition(String name, String file, int line, MetricAlarm alarm) {

    /** Checks for null. */
    public AlarmDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(alarm, "alarm");
    }

    /** Where it is written: {@code alarms.json line 3}. */
    public String location() {
        return file + " line " + line;
    }

    @Override
    public String toString() {
        return name;
    }
}
