package dev.cwfilter.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * What {@code metrics} reads from and writes to an AWS account: a log group over a time range as input, the
 * account's alarms, SNS notifications, PutMetricData and Embedded Metric Format.
 *
 * <p>Not thread-safe: picocli fills one instance per command invocation.
 */
public final class AwsMetricsOptions {

    @Option(names = "--log-group", paramLabel = "NAME",
            description = "Read the events of this CloudWatch Logs log group (FilterLogEvents) between --start-time "
                    + "and --end-time.")
    String logGroup;

    @Option(names = "--start-time", paramLabel = "TIME",
            description = "The start of the events read from AWS (a log group, or s3:// CloudTrail files): epoch "
                    + "milliseconds or ISO-8601, UTC unless an offset is given.")
    String startTime;

    @Option(names = "--end-time", paramLabel = "TIME", description = "The end (exclusive) of the events read from AWS.")
    String endTime;

    @Option(names = "--alarms", paramLabel = "account",
            description = "'account': evaluate the account's alarms (DescribeAlarms) on the filter's metric "
                    + "(--namespace and --metric-name), instead of --alarm.")
    String alarms;

    @Option(names = "--put-metric-data",
            description = "Publish the metric's datapoints to CloudWatch (PutMetricData, one statistic set per "
                    + "--period).")
    boolean putMetricData;

    @Option(names = "--emf", paramLabel = "FILE",
            description = "Write the metric's datapoints to FILE as CloudWatch Embedded Metric Format JSON lines "
                    + "('-' for standard output).")
    Path emf;

    /** Whether events come from AWS. */
    boolean readsAws(InputOptions inputs) {
        return logGroup != null || !inputs.s3Uris().isEmpty();
    }

    /** The start time, or {@link Long#MIN_VALUE}. */
    long start() {
        return startTime == null ? Long.MIN_VALUE : CliTime.parse("--start-time", startTime);
    }

    /** The end time, or {@link Long#MAX_VALUE}. */
    long end() {
        return endTime == null ? Long.MAX_VALUE : CliTime.parse("--end-time", endTime);
    }

    /**
     * Checks the combinations.
     *
     * @throws UsageError naming what is wrong
     */
    void check(boolean hasAlarm) {
        if (logGroup != null && (startTime == null || endTime == null)) {
            throw new UsageError("cwfilter metrics: --log-group needs --start-time and --end-time");
        }
        if ((startTime != null || endTime != null) && start() >= end()) {
            throw new UsageError("cwfilter metrics: --start-time must be before --end-time");
        }
        if (alarms != null && !alarms.equals("account")) {
            throw new UsageError("cwfilter metrics: --alarms '" + alarms + "': only 'account' (the account's alarms"
                    + " on the metric) is supported here");
        }
        if (alarms != null && hasAlarm) {
            throw new UsageError("cwfilter metrics: --alarms account and --alarm: choose one");
        }
    }
}
