package dev.cwfilter.testkit.deploy;

import dev.cwfilter.MetricFilter;
import java.util.Objects;
import java.util.Optional;

/**
 * A metric filter as it is about to be deployed: read from a CloudFormation template ({@link CloudFormationTemplate})
 * or a Terraform plan ({@link TerraformPlan}), built into a testable {@link MetricFilter}, with the resource's name
 * and where it is written, so that failures can point at it.
 *
 * <p>Immutable and thread-safe.
 *
 * @param name         the resource's name: a CloudFormation logical id ({@code SecretAccessFilter}) or a Terraform
 *                     address ({@code module.monitoring.aws_cloudwatch_log_metric_filter.secret_access})
 * @param file         the file it was read from, as the caller named it
 * @param line         the 1-based line where the resource starts
 * @param filter       the metric filter
 * @param logGroupName the log group it filters, when the file says it literally
 */
public record MetricFilterResource(String name, String file, int line, MetricFilter filter,
                                   Optional<String> logGroupName) {

    /** Checks for null. */
    public MetricFilterResource {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(logGroupName, "logGroupName");
    }

    /** The testkit's view of a definition read by filter-definitions. */
    public static MetricFilterResource of(dev.cwfilter.definitions.MetricFilterDefinition d) {
        return new MetricFilterResource(d.name(), d.file(), d.line(), d.filter(), d.logGroupName());
    }

    /** Where the resource is written: {@code template.yaml line 14}. */
    public String location() {
        return file + " line " + line;
    }

    /** The resource's name, which JUnit shows for a parameterized test over resources. */
    @Override
    public String toString() {
        return name;
    }
}
