package dev.cwfilter.definitions;

import dev.cwfilter.MetricFilter;
import java.util.Objects;
import java.util.Optional;

/**
 * A metric filter as it is deployed or about to be: read from {@code describe-metric-filters} output, a CloudFormation
 * template or a Terraform plan, built into a {@link MetricFilter} validated as PutMetricFilter validates it, with its
 * name and where it is written, so that messages can point at it.
 *
 * <p>Immutable and thread-safe.
 *
 * @param name         its name in the file: the {@code filterName} of describe-metric-filters output, a CloudFormation
 *                     logical id ({@code SecretAccessFilter}), a Terraform address
 *                     ({@code module.monitoring.aws_cloudwatch_log_metric_filter.secret_access})
 * @param file         the file it was read from, as the caller named it
 * @param line         the 1-based line where it starts
 * @param filter       the metric filter
 * @param logGroupName the log group it filters, when the file says it literally
 */
public record MetricFilterDefinition(String name, String file, int line, MetricFilter filter,
                                     Optional<String> logGroupName) {

    /** Checks for null. */
    public MetricFilterDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(logGroupName, "logGroupName");
    }

    /** Where it is written: {@code template.yaml line 14}. */
    public String location() {
        return file + " line " + line;
    }

    /** The name, which JUnit shows for a parameterized test over definitions. */
    @Override
    public String toString() {
        return name;
    }
}
