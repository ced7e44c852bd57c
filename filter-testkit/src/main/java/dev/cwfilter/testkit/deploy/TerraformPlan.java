package dev.cwfilter.testkit.deploy;

import dev.cwfilter.MetricFilter;
import dev.cwfilter.StandardUnit;
import dev.cwfilter.deploy.Node;
import dev.cwfilter.deploy.Terraform;
import dev.cwfilter.testkit.FileFormatException;
import dev.cwfilter.testkit.internal.Documents;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

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
 * <p>Resources are read from {@code planned_values.root_module} and its {@code child_modules}, at any depth (or
 * from {@code values.root_module} of {@code terraform show -json} state output): {@code values.name},
 * {@code values.pattern}, {@code values.log_group_name} and the one {@code values.metric_transformation} block:
 * {@code name}, {@code namespace}, {@code value}, {@code default_value} (a string in the provider's schema, as in
 * {@code "0"}; empty means none), {@code dimensions} and {@code unit}. A value the plan does not know yet (computed
 * at apply) is absent from the plan; a missing pattern or value is an error naming the resource.
 *
 * <p>Immutable and thread-safe.
 */
public final class TerraformPlan {

    private static final String TYPE = "aws_cloudwatch_log_metric_filter";

    private final String file;
    private final List<MetricFilterResource> metricFilters;

    private TerraformPlan(String file, List<MetricFilterResource> metricFilters) {
        this.file = file;
        this.metricFilters = List.copyOf(metricFilters);
    }

    /**
     * Reads a plan file.
     *
     * @throws FileFormatException if it is not a Terraform JSON plan or one of its metric filters cannot be read
     */
    public static TerraformPlan read(Path path) {
        return parse(Documents.readFile(path), path.toString());
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
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(name, "name");
        return Documents.testkitErrors(() -> {
            List<MetricFilterResource> filters = new ArrayList<>();
            for (Node.Mapping resource : Terraform.resources(Terraform.rootModule(json, name), TYPE)) {
                filters.add(metricFilter(name, resource));
            }
            return new TerraformPlan(name, filters);
        });
    }

    private static MetricFilterResource metricFilter(String file, Node.Mapping resource) {
        String address = Terraform.address(resource, TYPE);
        int line = resource.line();
        if (!(resource.get("values") instanceof Node.Mapping values)) {
            throw error(file, line, address, "has no values");
        }
        String pattern = text(values, "pattern").orElseThrow(() -> error(file, line, address,
                "values.pattern is missing: the plan does not know it (computed at apply?)"));
        Node transformations = values.get("metric_transformation");
        if (!(transformations instanceof Node.Sequence list) || list.items().size() != 1
                || !(list.items().get(0) instanceof Node.Mapping)) {
            throw error(file, transformations == null ? line : transformations.line(), address,
                    "values.metric_transformation must hold exactly one block");
        }
        Node.Mapping t = (Node.Mapping) list.items().get(0);
        String value = text(t, "value").orElseThrow(() -> error(file, t.line(), address,
                "metric_transformation.value is missing: the plan does not know it (computed at apply?)"));
        MetricFilter.Builder b = MetricFilter.builder().filterPattern(pattern).metricValue(value);
        text(values, "name").ifPresent(b::filterName);
        text(t, "namespace").ifPresent(b::metricNamespace);
        text(t, "name").ifPresent(b::metricName);
        Optional<String> defaultValue = text(t, "default_value").filter(s -> !s.isEmpty());
        if (defaultValue.isPresent()) {
            try {
                b.defaultValue(Double.parseDouble(defaultValue.get()));
            } catch (NumberFormatException e) {
                throw error(file, t.get("default_value").line(), address, "metric_transformation.default_value '"
                        + defaultValue.get() + "' is not a number");
            }
        }
        Optional<String> unit = text(t, "unit");
        if (unit.isPresent()) {
            try {
                b.unit(StandardUnit.fromAwsName(unit.get()));
            } catch (IllegalArgumentException e) {
                throw error(file, t.get("unit").line(), address, e.getMessage());
            }
        }
        Node dimensions = t.get("dimensions");
        if (dimensions instanceof Node.Mapping dims) {
            for (Node.Member d : dims.members()) {
                if (!(d.value() instanceof Node.Scalar v) || v.type() == Node.ScalarType.NULL) {
                    throw error(file, d.line(), address, "dimension " + d.key() + " has no value in the plan");
                }
                b.dimension(d.key(), v.text());
            }
        } else if (dimensions != null && !(dimensions instanceof Node.Scalar s && s.type() == Node.ScalarType.NULL)) {
            throw error(file, dimensions.line(), address, "metric_transformation.dimensions must be a map, not "
                    + dimensions.kind());
        }
        return new MetricFilterResource(address, file, line, Resources.build(file, line, address, b::build),
                text(values, "log_group_name"));
    }

    private static Optional<String> text(Node.Mapping m, String key) {
        return Terraform.text(m, key);
    }

    private static FileFormatException error(String file, int line, String address, String problem) {
        return new FileFormatException(file, line, "resource " + address + ": " + problem, null);
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
        return Resources.find(metricFilters, Objects.requireNonNull(addressOrName, "addressOrName"), file, "suffix");
    }
}
