package dev.cwfilter.definitions;

import dev.cwfilter.MetricFilter;
import dev.cwfilter.StandardUnit;
import dev.cwfilter.definitions.CloudFormationTemplate.ResourceProblem;
import dev.cwfilter.deploy.DocumentException;
import dev.cwfilter.deploy.Documents;
import dev.cwfilter.deploy.Node;
import dev.cwfilter.deploy.Terraform;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code aws_cloudwatch_log_metric_filter} resources of a Terraform plan in JSON ({@code terraform show -json
 * plan.out}, or state output), each as a {@link MetricFilter}, and every resource that cannot be read as a
 * {@link DefinitionProblem} (the others are read all the same):
 *
 * <pre>{@code
 * TerraformPlan plan = TerraformPlan.read(Path.of("plan.json"));
 * MetricFilter secretAccess = plan.metricFilter("aws_cloudwatch_log_metric_filter.secret_access").filter();
 * }</pre>
 *
 * <p>Resources are found by filter-deploy's {@link Terraform} walk (root module and child modules at any depth):
 * {@code values.name}, {@code values.pattern}, {@code values.log_group_name} and the one
 * {@code values.metric_transformation} block: {@code name}, {@code namespace}, {@code value}, {@code default_value} (a
 * string in the provider's schema, as in {@code "0"}; empty means none), {@code dimensions} and {@code unit}. A value
 * the plan does not know yet (computed at apply) is absent; a missing pattern or value makes the resource a problem.
 *
 * <p>Immutable and thread-safe.
 */
public final class TerraformPlan {

    private static final String TYPE = "aws_cloudwatch_log_metric_filter";

    private final String file;
    private final List<MetricFilterDefinition> metricFilters;
    private final List<DefinitionProblem> problems;

    private TerraformPlan(String file, List<MetricFilterDefinition> metricFilters, List<DefinitionProblem> problems) {
        this.file = file;
        this.metricFilters = List.copyOf(metricFilters);
        this.problems = List.copyOf(problems);
    }

    /**
     * Reads a plan file.
     *
     * @throws DocumentException if it is not a Terraform JSON plan (a resource that cannot be read is a
     *                           {@linkplain #problems() problem})
     */
    public static TerraformPlan read(Path path) {
        return parse(Documents.readFile(path), path.toString());
    }

    /**
     * Reads a plan from its JSON text.
     *
     * @param name the file's name, for messages
     * @throws DocumentException if it is not a Terraform JSON plan
     */
    public static TerraformPlan parse(String json, String name) {
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(name, "name");
        List<MetricFilterDefinition> filters = new ArrayList<>();
        List<DefinitionProblem> problems = new ArrayList<>();
        for (Node.Mapping resource : Terraform.resources(Terraform.rootModule(json, name), TYPE)) {
            try {
                filters.add(metricFilter(name, resource));
            } catch (ResourceProblem e) {
                problems.add(new DefinitionProblem(DefinitionProblem.Kind.METRIC_FILTER,
                        Terraform.address(resource, TYPE), name, e.line, e.getMessage()));
            }
        }
        return new TerraformPlan(name, filters, problems);
    }

    private static MetricFilterDefinition metricFilter(String file, Node.Mapping resource) {
        String address = Terraform.address(resource, TYPE);
        int line = resource.line();
        if (!(resource.get("values") instanceof Node.Mapping values)) {
            throw new ResourceProblem(line, "has no values");
        }
        String pattern = text(values, "pattern").orElseThrow(() -> new ResourceProblem(line,
                "values.pattern is missing: the plan does not know it (computed at apply?)"));
        Node transformations = values.get("metric_transformation");
        if (!(transformations instanceof Node.Sequence list) || list.items().size() != 1
                || !(list.items().get(0) instanceof Node.Mapping)) {
            throw new ResourceProblem(transformations == null ? line : transformations.line(),
                    "values.metric_transformation must hold exactly one block");
        }
        Node.Mapping t = (Node.Mapping) list.items().get(0);
        String value = text(t, "value").orElseThrow(() -> new ResourceProblem(t.line(),
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
                throw new ResourceProblem(t.get("default_value").line(), "metric_transformation.default_value '"
                        + defaultValue.get() + "' is not a number");
            }
        }
        Optional<String> unit = text(t, "unit");
        if (unit.isPresent()) {
            try {
                b.unit(StandardUnit.fromAwsName(unit.get()));
            } catch (IllegalArgumentException e) {
                throw new ResourceProblem(t.get("unit").line(), e.getMessage());
            }
        }
        Node dimensions = t.get("dimensions");
        if (dimensions instanceof Node.Mapping dims) {
            for (Node.Member d : dims.members()) {
                if (!(d.value() instanceof Node.Scalar v) || v.type() == Node.ScalarType.NULL) {
                    throw new ResourceProblem(d.line(), "dimension " + d.key() + " has no value in the plan");
                }
                b.dimension(d.key(), v.text());
            }
        } else if (dimensions != null && !(dimensions instanceof Node.Scalar s && s.type() == Node.ScalarType.NULL)) {
            throw new ResourceProblem(dimensions.line(), "metric_transformation.dimensions must be a map, not "
                    + dimensions.kind());
        }
        return new MetricFilterDefinition(address, file, line, CloudFormationTemplate.build(line, b::build),
                text(values, "log_group_name"));
    }

    private static Optional<String> text(Node.Mapping m, String key) {
        return Terraform.text(m, key);
    }

    /** Every metric filter of the plan, root module first, then child modules depth-first. */
    public List<MetricFilterDefinition> metricFilters() {
        return metricFilters;
    }

    /** Every metric filter resource that could not be read, with the reason, root module first. */
    public List<DefinitionProblem> problems() {
        return problems;
    }

    /** The metric filters and the problems, as {@link Definitions}. */
    public Definitions definitions() {
        return new Definitions(metricFilters, List.of(), problems);
    }

    /**
     * The metric filter with this address ({@code module.monitoring.aws_cloudwatch_log_metric_filter.secret_access}),
     * address suffix ({@code aws_cloudwatch_log_metric_filter.secret_access}, {@code secret_access}) or filter name.
     *
     * @throws IllegalArgumentException if there is none, or more than one
     */
    public MetricFilterDefinition metricFilter(String addressOrName) {
        return Lookup.find(metricFilters, Objects.requireNonNull(addressOrName, "addressOrName"), file, true);
    }
}
