package dev.cwfilter.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * What {@code metrics} reads from and writes to an AWS account beyond its definitions: the time range of the events
 * read from AWS (a log group, {@code s3://} CloudTrail files), PutMetricData and Embedded Metric Format.
 *
 * <p>Not thread-safe: picocli fills one instance per command invocation.
 */
public final class AwsMetricsOptions {

    @Option(names = "--start-time", paramLabel = "TIME",
            description = "The start of the events read from AWS (--log-group's events, or s3:// CloudTrail files): "
                    + "epoch milliseconds or ISO-8601, UTC unless an offset is given.")
    String startTime;

    @Option(names = "--end-time", paramLabel = "TIME", description = "The end (exclusive) of the events read from AWS.")
    String endTime;

    @Option(names = "--put-metric-data",
            description = "Publish the metrics' datapoints to CloudWatch (PutMetricData, one statistic set per "
                    + "--period).")
    boolean putMetricData;

    @Option(names = "--emf", paramLabel = "FILE",
            description = "Write the datapoints to FILE as CloudWatch Embedded Metric Format JSON lines ('-' for "
                    + "standard output): the metric of -p, or every metric of --metric-filters.")
    Path emf;

    /** Opens the {@code --emf} file ({@code -}: standard output); null, with the reason printed, if it cannot be. */
    java.io.Writer openEmf(java.io.PrintWriter err) {
        try {
            return emf.toString().equals("-") ? new java.io.OutputStreamWriter(System.out,
                    java.nio.charset.StandardCharsets.UTF_8)
                    : java.nio.file.Files.newBufferedWriter(emf, java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            err.println("cwfilter: cannot write the EMF file '" + emf + "': " + e.getMessage());
            return null;
        }
    }

    /** Whether the events of the log group are read: a time range is given. */
    boolean readsLogGroup(String logGroup) {
        return logGroup != null && startTime != null && endTime != null;
    }

    /** Whether events come from AWS. */
    boolean readsAws(InputOptions inputs, String logGroup) {
        return readsLogGroup(logGroup) || !inputs.s3Uris().isEmpty();
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
     * @param logGroup        the --log-group, if any
     * @param selectsFilters  whether --log-group also selects the filters of --metric-filters files
     * @throws UsageError naming what is wrong
     */
    void check(String logGroup, boolean selectsFilters) {
        if (logGroup != null && !selectsFilters && (startTime == null || endTime == null)) {
            throw new UsageError("cwfilter metrics: --log-group needs --start-time and --end-time (the events to read)");
        }
        if ((startTime == null) != (endTime == null) && logGroup != null) {
            throw new UsageError("cwfilter metrics: --start-time and --end-time go together");
        }
        if ((startTime != null || endTime != null) && start() >= end()) {
            throw new UsageError("cwfilter metrics: --start-time must be before --end-time");
        }
    }
}
