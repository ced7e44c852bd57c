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
 * <p>The {@code aws_cloudwatch_metric_alarm} resources are read too, through {@link MetricAlarmFields} (the mapping the
 * {@code describe-alarms} reader uses): {@code alarm_name} (the address when the plan does not know it),
 * {@code alarm_description}, {@code actions_enabled}, {@code ok_actions}, {@code alarm_actions},
 * {@code insufficient_data_actions}, {@code metric_name}, {@code namespace}, {@code statistic},
 * {@code extended_statistic}, {@code dimensions}, {@code period}, {@code unit}, {@code evaluation_periods},
 * {@code datapoints_to_alarm}, {@code threshold}, {@code comparison_operator}, {@code treat_missing_data},
 * {@code evaluate_low_sample_count_percentiles}, and, in state output, {@code arn}. The provider writes an unset
 * string as {@code ""} or null; both mean not set. A non-empty {@code metric_query} (metric math) or a
 * {@code threshold_metric_id} (anomaly detection) makes the alarm a problem (unsupported). An action the plan does not
 * know yet (a topic created by the same plan) is absent from its list.
 *
 * <p>Immutable and thread-safe.
 */
public final class TerraformPlan {

    private static final String TYPE = "aws_cloudwatch_log_metric_filter";
    private static final String ALARM_TYPE = "aws_cloudwatch_metric_alarm";

    private final String file;
    private final List<MetricFilterDefinition> metricFilters;
    private final List<AlarmDefinition> alarms;
    private final List<DefinitionProblem> problems;

    private TerraformPlan(String file, List<MetricFilterDefinition> metricFilters, List<AlarmDefinition> alarms,
                          List<DefinitionProblem> problems) {
        this.file = file;
        this.metricFilters = List.copyOf(metricFilters);
        this.alarms = List.copyOf(alarms);
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
        List<AlarmDefinition> alarms = new ArrayList<>();
        List<DefinitionProblem> problems = new ArrayList<>();
        Node.Mapping root = Terraform.rootModule(json, name);
        for (Node.Mapping resource : Terraform.resources(root, TYPE)) {
            try {
                filters.add(metricFilter(name, resource));
            } catch (ResourceProblem e) {
                problems.add(new DefinitionProblem(DefinitionProblem.Kind.METRIC_FILTER,
                        Terraform.address(resource, TYPE), name, e.line, e.getMessage()));
            }
        }
        for (Node.Mapping resource : Terraform.resources(root, ALARM_TYPE)) {
            try {
                alarms.add(alarm(name, resource));
            } catch (ResourceProblem | IllegalArgumentException e) {
                problems.add(new DefinitionProblem(DefinitionProblem.Kind.ALARM,
                        Terraform.address(resource, ALARM_TYPE), name, e instanceof ResourceProblem p ? p.line
                        : resource.line(), e instanceof IllegalArgumentException iae ? DefinitionProblem.reasonOf(iae)
                        : e.getMessage()));
            }
        }
        return new TerraformPlan(name, filters, alarms, problems);
    }

    private static AlarmDefinition alarm(String file, Node.Mapping resource) {
        String address = Terraform.address(resource, ALARM_TYPE);
        int line = resource.line();
        if (!(resource.get("values") instanceof Node.Mapping v)) {
            throw new ResourceProblem(line, "has no values");
        }
        List<MetricAlarmFields.DimensionFields> dimensions = null;
        Node dims = v.get("dimensions");
        if (dims instanceof Node.Mapping map) {
            dimensions = new ArrayList<>();
            for (Node.Member d : map.members()) {
                if (!(d.value() instanceof Node.Scalar value) || value.type() == Node.ScalarType.NULL) {
                    throw new ResourceProblem(d.line(), "dimension " + d.key() + " has no value in the plan");
                }
                dimensions.add(new MetricAlarmFields.DimensionFields(d.key(), value.text()));
            }
        } else if (dims != null && !(dims instanceof Node.Scalar s && s.type() == Node.ScalarType.NULL)) {
            throw new ResourceProblem(dims.line(), "dimensions must be a map, not " + dims.kind());
        }
        List<String> metrics = null;
        if (v.get("metric_query") instanceof Node.Sequence queries && !queries.items().isEmpty()) {
            metrics = new ArrayList<>();
            for (Node q : queries.items()) {
                metrics.add(q instanceof Node.Mapping query ? set(query, "id").orElse("?") : "?");
            }
        }
        return new AlarmDefinition(address, file, line, new MetricAlarmFields(
                set(v, "alarm_name").orElse(address), set(v, "arn").orElse(null),
                set(v, "alarm_description").orElse(null), null, bool(v, "actions_enabled"),
                actions(v, "ok_actions"), actions(v, "alarm_actions"), actions(v, "insufficient_data_actions"),
                set(v, "metric_name").orElse(null), set(v, "namespace").orElse(null),
                set(v, "statistic").orElse(null), set(v, "extended_statistic").orElse(null), dimensions,
                integer(v, "period"), set(v, "unit").orElse(null), integer(v, "evaluation_periods"),
                integer(v, "datapoints_to_alarm"), number(v, "threshold"), set(v, "comparison_operator").orElse(null),
                set(v, "treat_missing_data").orElse(null),
                set(v, "evaluate_low_sample_count_percentiles").orElse(null), metrics,
                set(v, "threshold_metric_id").orElse(null), false).toMetricAlarm());
    }

    /** A string the plan knows and that is set: the provider writes an unset one as "" or null. */
    private static Optional<String> set(Node.Mapping m, String key) {
        return text(m, key).filter(s -> !s.isEmpty());
    }

    private static Integer integer(Node.Mapping m, String key) {
        Optional<String> text = set(m, key);
        if (text.isEmpty()) {
            return null;
        }
        try {
            return Integer.valueOf(text.get());
        } catch (NumberFormatException e) {
            try {
                double d = Double.parseDouble(text.get());
                if (d == Math.rint(d) && Math.abs(d) <= Integer.MAX_VALUE) {
                    return (int) d;
                }
            } catch (NumberFormatException notANumber) {
                // Reported below.
            }
            throw new ResourceProblem(m.get(key).line(), key + " '" + text.get() + "' is not a whole number");
        }
    }

    private static Double number(Node.Mapping m, String key) {
        Optional<String> text = set(m, key);
        if (text.isEmpty()) {
            return null;
        }
        try {
            return Double.valueOf(text.get());
        } catch (NumberFormatException e) {
            throw new ResourceProblem(m.get(key).line(), key + " '" + text.get() + "' is not a number");
        }
    }

    private static Boolean bool(Node.Mapping m, String key) {
        Optional<String> text = set(m, key);
        if (text.isEmpty()) {
            return null;
        }
        return switch (text.get()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new ResourceProblem(m.get(key).line(), key + " '" + text.get() + "' is not a boolean");
        };
    }

    /** A list of ARNs; those the plan does not know yet are left out, as the plan leaves them out. */
    private static List<String> actions(Node.Mapping m, String key) {
        Node n = m.get(key);
        if (n == null || n instanceof Node.Scalar s && s.type() == Node.ScalarType.NULL) {
            return null;
        }
        if (!(n instanceof Node.Sequence list)) {
            throw new ResourceProblem(n.line(), key + " must be a list of ARNs, not " + n.kind());
        }
        List<String> out = new ArrayList<>();
        for (Node item : list.items()) {
            if (item instanceof Node.Scalar s && s.type() == Node.ScalarType.STRING) {
                out.add(s.text());
            } else if (!(item instanceof Node.Scalar s && s.type() == Node.ScalarType.NULL)) {
                throw new ResourceProblem(item.line(), key + " must be a list of ARNs, not hold " + item.kind());
            }
        }
        return out;
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

    /** Every metric alarm of the plan, root module first, then child modules depth-first. */
    public List<AlarmDefinition> alarms() {
        return alarms;
    }

    /**
     * Every metric filter resource, then every alarm resource, that could not be read, with the reason and its
     * {@linkplain DefinitionProblem#kind() kind}, root module first.
     */
    public List<DefinitionProblem> problems() {
        return problems;
    }

    /** The metric filters, the alarms and the problems, as {@link Definitions}. */
    public Definitions definitions() {
        return new Definitions(metricFilters, alarms, problems);
    }

    /**
     * The alarm with this address, address suffix ({@code aws_cloudwatch_metric_alarm.secret_access},
     * {@code secret_access}) or alarm name.
     *
     * @throws IllegalArgumentException if there is none, or more than one
     */
    public AlarmDefinition alarm(String addressOrName) {
        return Lookup.findAlarm(alarms, Objects.requireNonNull(addressOrName, "addressOrName"), file, true);
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
