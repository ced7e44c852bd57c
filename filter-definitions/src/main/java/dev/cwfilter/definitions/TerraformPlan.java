package dev.cwfilter.definitions;

import dev.cwfilter.MetricFilter;
import dev.cwfilter.StandardUnit;
import dev.cwfilter.definitions.internal.Documents;
import dev.cwfilter.definitions.internal.Node;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code aws_cloudwatch_log_metric_filter} resources of a Terraform plan in JSON ({@code terraform show -json
 * plan.out}), each as a {@link MetricFilter}, and every resource that cannot be read as a {@link DefinitionProblem}
 * (the others are read all the same):
 *
 * <pre>{@code
 * TerraformPlan plan = TerraformPlan.read(Path.of("plan.json"));
 * MetricFilter secretAccess = plan.metricFilter("aws_cloudwatch_log_metric_filter.secret_access").filter();
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
     * @throws DefinitionFileException if it is not a Terraform JSON plan (a resource that cannot be read is a
     *                                 {@linkplain #problems() problem})
     */
    public static TerraformPlan read(Path path) {
        return parse(Documents.readFile(path), path.toString());
    }

    /**
     * Reads a plan from the classpath (relative to its root).
     *
     * @throws DefinitionFileException if there is no such resource or it cannot be read
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
        Node root = Documents.parse(json, name, false);
        Node.Mapping module = null;
        if (root instanceof Node.Mapping top) {
            for (String section : List.of("planned_values", "values")) {
                if (top.get(section) instanceof Node.Mapping values
                        && values.get("root_module") instanceof Node.Mapping m) {
                    module = m;
                    break;
                }
            }
        }
        if (module == null) {
            throw new DefinitionFileException(name, root.line(), "not a Terraform JSON plan: no"
                    + " planned_values.root_module (write one with: terraform show -json plan.out > plan.json)", null);
        }
        List<MetricFilterDefinition> filters = new ArrayList<>();
        List<DefinitionProblem> problems = new ArrayList<>();
        collect(name, module, filters, problems);
        return new TerraformPlan(name, filters, problems);
    }

    private static void collect(String file, Node.Mapping module, List<MetricFilterDefinition> out,
                                List<DefinitionProblem> problems) {
        if (module.get("resources") instanceof Node.Sequence resources) {
            for (Node r : resources.items()) {
                if (r instanceof Node.Mapping resource && text(resource, "type").map(TYPE::equals).orElse(false)
                        && !text(resource, "mode").map("data"::equals).orElse(false)) {
                    try {
                        out.add(metricFilter(file, resource));
                    } catch (ResourceProblem e) {
                        problems.add(new DefinitionProblem(DefinitionProblem.Kind.METRIC_FILTER, address(resource),
                                file, e.line, e.getMessage()));
                    }
                }
            }
        }
        if (module.get("child_modules") instanceof Node.Sequence children) {
            for (Node child : children.items()) {
                if (child instanceof Node.Mapping m) {
                    collect(file, m, out, problems);
                }
            }
        }
    }

    private static String address(Node.Mapping resource) {
        return text(resource, "address").orElse(TYPE + "." + text(resource, "name").orElse("?"));
    }

    private static MetricFilterDefinition metricFilter(String file, Node.Mapping resource) {
        String address = address(resource);
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
        return new MetricFilterDefinition(address, file, line, build(line, b::build), text(values, "log_group_name"));
    }

    private static Optional<String> text(Node.Mapping m, String key) {
        return m.get(key) instanceof Node.Scalar s && s.type() != Node.ScalarType.NULL ? Optional.of(s.text())
                : Optional.empty();
    }

    private static ResourceProblem error(String file, int line, String address, String problem) {
        return new ResourceProblem(line, problem);
    }

    /** A resource that cannot be read, and why; caught per resource and kept as a {@link DefinitionProblem}. */
    private static final class ResourceProblem extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int line;

        ResourceProblem(int line, String reason) {
            super(reason, null, false, false);
            this.line = line;
        }
    }

    private static MetricFilter build(int line, java.util.function.Supplier<MetricFilter> builder) {
        try {
            return builder.get();
        } catch (IllegalArgumentException e) {
            throw new ResourceProblem(line, DefinitionProblem.reasonOf(e));
        }
    }

    /** Every metric filter resource that could not be read, with the reason, root module first. */
    public List<DefinitionProblem> problems() {
        return problems;
    }

    /** The metric filters and the problems, as {@link Definitions}. */
    public Definitions definitions() {
        return new Definitions(metricFilters, List.of(), problems);
    }

    /** Every metric filter of the plan, root module first, then child modules depth-first. */
    public List<MetricFilterDefinition> metricFilters() {
        return metricFilters;
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
