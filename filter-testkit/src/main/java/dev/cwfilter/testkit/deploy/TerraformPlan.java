package dev.cwfilter.testkit.deploy;

import dev.cwfilter.MetricFilter;
import dev.cwfilter.deploy.DocumentException;
import dev.cwfilter.testkit.FileFormatException;
import dev.cwfilter.testkit.internal.Documents;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The {@code aws_cloudwatch_log_metric_filter} resources of a Terraform plan in JSON ({@code terraform show -json
 * plan.out}), each as a testable {@link MetricFilter}:
 *
 * <pre>{@code
 * TerraformPlan plan = TerraformPlan.fromClasspath("plan.json");
 * assertThatMetricFilter(plan.metricFilter("aws_cloudwatch_log_metric_filter.secret_access"))
 *         .publishes(1).forEvent(getSecretValue);
 * }</pre>
 *
 * <p>The reading is filter-definitions' {@link dev.cwfilter.definitions.TerraformPlan} (which see for what is read);
 * a test wants every resource right, so here the first resource that cannot be read is a {@link FileFormatException}
 * naming the file, the line and the resource.
 *
 * <p>Immutable and thread-safe.
 */
public final class TerraformPlan {

    private final dev.cwfilter.definitions.TerraformPlan plan;
    private final List<MetricFilterResource> metricFilters;

    private TerraformPlan(dev.cwfilter.definitions.TerraformPlan plan) {
        // The testkit reads metric filters: the plan's alarms are filter-definitions' business.
        plan.problems().stream().filter(p -> p.kind() == dev.cwfilter.definitions.DefinitionProblem.Kind
                .METRIC_FILTER).findFirst().ifPresent(p -> {
            throw new FileFormatException(p.file(), p.line(), "resource " + p.name() + ": " + p.reason(), null);
        });
        this.plan = plan;
        this.metricFilters = plan.metricFilters().stream().map(MetricFilterResource::of).toList();
    }

    /**
     * Reads a plan file.
     *
     * @throws FileFormatException if it is not a Terraform JSON plan or one of its metric filters cannot be read
     */
    public static TerraformPlan read(Path path) {
        try {
            return new TerraformPlan(dev.cwfilter.definitions.TerraformPlan.read(path));
        } catch (DocumentException e) {
            throw FileFormatException.of(e);
        }
    }

    /**
     * Reads a plan from the classpath (relative to its root).
     *
     * @throws FileFormatException if there is no such resource or it cannot be read
     */
    public static TerraformPlan fromClasspath(String resource) {
        return parse(Documents.readResource(resource, TerraformPlan.class), resource);
    }

    /**
     * Reads a plan from its JSON text.
     *
     * @param name the file's name, for messages
     */
    public static TerraformPlan parse(String json, String name) {
        try {
            return new TerraformPlan(dev.cwfilter.definitions.TerraformPlan.parse(json, name));
        } catch (DocumentException e) {
            throw FileFormatException.of(e);
        }
    }

    /** Every metric filter of the plan, root module first, then child modules depth-first. */
    public List<MetricFilterResource> metricFilters() {
        return metricFilters;
    }

    /**
     * The metric filter with this address ({@code module.monitoring.aws_cloudwatch_log_metric_filter.secret_access}),
     * address suffix ({@code aws_cloudwatch_log_metric_filter.secret_access}, {@code secret_access}) or filter name.
     *
     * @throws IllegalArgumentException if there is none, or more than one
     */
    public MetricFilterResource metricFilter(String addressOrName) {
        // The same object as in metricFilters(), as before the reading moved to filter-definitions.
        return metricFilters.get(plan.metricFilters().indexOf(plan.metricFilter(Objects.requireNonNull(addressOrName,
                "name"))));
    }
}
