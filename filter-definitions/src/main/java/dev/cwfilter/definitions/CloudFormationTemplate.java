package dev.cwfilter.definitions;

import dev.cwfilter.MetricFilter;
import dev.cwfilter.StandardUnit;
import dev.cwfilter.deploy.CloudFormation;
import dev.cwfilter.deploy.CloudFormation.Resolver;
import dev.cwfilter.deploy.CloudFormation.Unresolvable;
import dev.cwfilter.deploy.DocumentException;
import dev.cwfilter.deploy.Documents;
import dev.cwfilter.deploy.Node;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * The {@code AWS::Logs::MetricFilter} resources of a CloudFormation template (JSON or YAML), each as a
 * {@link MetricFilter}, its {@code AWS::CloudWatch::Alarm} resources, each as a {@link dev.cwfilter.metric.MetricAlarm},
 * and every resource that cannot be read as a {@link DefinitionProblem} (the others are read all the same):
 *
 * <pre>{@code
 * CloudFormationTemplate template = CloudFormationTemplate.read(Path.of("monitoring.yaml"));
 * template.problems().forEach(p -> System.err.println(p.describe()));
 * LogGroup group = LogGroup.builder().metricFilters(template.metricFilters().stream()
 *         .map(MetricFilterDefinition::filter).toList()).build();
 * }</pre>
 *
 * <p>Read from each resource: {@code FilterName}, {@code FilterPattern}, {@code LogGroupName} and the one entry of
 * {@code MetricTransformations}: {@code MetricNamespace}, {@code MetricName}, {@code MetricValue},
 * {@code DefaultValue}, {@code Dimensions} ({@code Key}/{@code Value} pairs) and {@code Unit}. Intrinsic functions are
 * resolved offline by filter-deploy's {@link CloudFormation.Resolver} (short forms, {@code Ref} to parameters given or
 * defaulted, {@code Fn::Sub}, {@code Fn::Join}, {@code Fn::Select}); a value that does not resolve is ignored where it
 * is not needed (names, namespace, log group) and makes the resource a problem where it is (pattern, metric value,
 * default value, dimensions, unit).
 *
 * <p>Read from each alarm, with PutMetricAlarm's names and through {@link MetricAlarmFields} (the mapping the
 * {@code describe-alarms} reader uses): {@code AlarmName} (the logical id when it is not given or cannot be resolved
 * offline: CloudFormation would generate one), {@code AlarmDescription}, {@code ActionsEnabled}, {@code OKActions},
 * {@code AlarmActions}, {@code InsufficientDataActions}, {@code MetricName}, {@code Namespace}, {@code Statistic},
 * {@code ExtendedStatistic}, {@code Dimensions} ({@code Name}/{@code Value} pairs), {@code Period}, {@code Unit},
 * {@code EvaluationPeriods}, {@code DatapointsToAlarm}, {@code Threshold}, {@code ComparisonOperator},
 * {@code TreatMissingData}, {@code EvaluateLowSampleCountPercentile}; {@code Tags} is known and ignored, and any other
 * property makes the alarm a problem (a misspelt property would otherwise change what runs). An action that cannot be
 * resolved offline ({@code !Ref AlertsTopic}) is kept as a description of itself ({@code Ref AlertsTopic}): the alarm's
 * transitions do not depend on it, and publishing to it is refused as no SNS topic. Metric-math ({@code Metrics}) and
 * anomaly-detection ({@code ThresholdMetricId}) alarms and {@code AWS::CloudWatch::CompositeAlarm}s are problems
 * (unsupported), as in {@code describe-alarms} output. A template gives no alarm ARN or configuration time.
 *
 * <p>Immutable and thread-safe.
 */
public final class CloudFormationTemplate {

    private static final String TYPE = "AWS::Logs::MetricFilter";
    private static final String ALARM_TYPE = "AWS::CloudWatch::Alarm";
    private static final String COMPOSITE_ALARM_TYPE = "AWS::CloudWatch::CompositeAlarm";
    /** The properties of {@code AWS::CloudWatch::Alarm}. */
    static final Set<String> ALARM_PROPERTIES = Set.of("ActionsEnabled", "AlarmActions", "AlarmDescription",
            "AlarmName", "ComparisonOperator", "DatapointsToAlarm", "Dimensions", "EvaluateLowSampleCountPercentile",
            "EvaluationPeriods", "ExtendedStatistic", "InsufficientDataActions", "MetricName", "Metrics", "Namespace",
            "OKActions", "Period", "Statistic", "Tags", "Threshold", "ThresholdMetricId", "TreatMissingData", "Unit");

    private final String file;
    private final List<MetricFilterDefinition> metricFilters;
    private final List<AlarmDefinition> alarms;
    private final List<DefinitionProblem> problems;

    private CloudFormationTemplate(String file, List<MetricFilterDefinition> metricFilters,
                                   List<AlarmDefinition> alarms, List<DefinitionProblem> problems) {
        this.file = file;
        this.metricFilters = List.copyOf(metricFilters);
        this.alarms = List.copyOf(alarms);
        this.problems = List.copyOf(problems);
    }

    /**
     * Reads a template file; {@code .yaml}/{@code .yml} files as YAML, others as JSON.
     *
     * @throws DocumentException if the template cannot be read (a resource that cannot be read is a
     *                           {@linkplain #problems() problem})
     */
    public static CloudFormationTemplate read(Path path) {
        return read(path, Map.of());
    }

    /**
     * Reads a template file with parameter values (which win over the parameters' defaults; pseudo parameters such
     * as {@code AWS::Region} may be passed too).
     *
     * @throws DocumentException if the template cannot be read
     */
    public static CloudFormationTemplate read(Path path, Map<String, String> parameters) {
        return parse(Documents.readFile(path), path.toString(), parameters);
    }

    /**
     * Reads a template from text.
     *
     * @param name the file's name, for messages; a name ending in {@code .yaml} or {@code .yml} is read as YAML
     * @throws DocumentException if the text is not a template
     */
    public static CloudFormationTemplate parse(String text, String name, Map<String, String> parameters) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(name, "name");
        Node.Mapping template = CloudFormation.template(text, name);
        Resolver resolver = new Resolver(template, Objects.requireNonNull(parameters, "parameters"),
                "pass it to read(path, parameters)");
        List<MetricFilterDefinition> filters = new ArrayList<>();
        List<AlarmDefinition> alarms = new ArrayList<>();
        List<DefinitionProblem> problems = new ArrayList<>();
        for (Node.Member m : ((Node.Mapping) template.get("Resources")).members()) {
            if (!(m.value() instanceof Node.Mapping resource && resource.get("Type") instanceof Node.Scalar type)) {
                continue;
            }
            DefinitionProblem.Kind kind = type.text().equals(TYPE) ? DefinitionProblem.Kind.METRIC_FILTER
                    : type.text().equals(ALARM_TYPE) || type.text().equals(COMPOSITE_ALARM_TYPE)
                    ? DefinitionProblem.Kind.ALARM : null;
            if (kind == null) {
                continue;
            }
            try {
                if (type.text().equals(COMPOSITE_ALARM_TYPE)) {
                    throw new ResourceProblem(m.line(), "unsupported: a composite alarm (it combines other alarms'"
                            + " states with an AlarmRule; cwfilter evaluates alarms on a metric)");
                }
                if (!(resource.get("Properties") instanceof Node.Mapping properties)) {
                    throw new ResourceProblem(m.line(), "has no Properties");
                }
                if (kind == DefinitionProblem.Kind.METRIC_FILTER) {
                    filters.add(metricFilter(name, m.key(), m.line(), properties, resolver));
                } else {
                    alarms.add(alarm(name, m.key(), m.line(), properties, resolver));
                }
            } catch (ResourceProblem e) {
                problems.add(new DefinitionProblem(kind, m.key(), name, e.line, e.getMessage()));
            }
        }
        return new CloudFormationTemplate(name, filters, alarms, problems);
    }

    /** The type of the metric filter resources read: {@code AWS::Logs::MetricFilter}. */
    public static String resourceType() {
        return TYPE;
    }

    /** The type of the alarm resources read: {@code AWS::CloudWatch::Alarm}. */
    public static String alarmResourceType() {
        return ALARM_TYPE;
    }

    /** Every metric filter of the template, in the order they are written. */
    public List<MetricFilterDefinition> metricFilters() {
        return metricFilters;
    }

    /** Every alarm of the template, in the order they are written. */
    public List<AlarmDefinition> alarms() {
        return alarms;
    }

    /**
     * Every metric filter and alarm resource that could not be read, with the reason and its
     * {@linkplain DefinitionProblem#kind() kind}, in the order they are written.
     */
    public List<DefinitionProblem> problems() {
        return problems;
    }

    /** The metric filters, the alarms and the problems, as {@link Definitions}. */
    public Definitions definitions() {
        return new Definitions(metricFilters, alarms, problems);
    }

    /**
     * The alarm with this logical id (or {@code AlarmName}).
     *
     * @throws IllegalArgumentException if there is none, or more than one
     */
    public AlarmDefinition alarm(String logicalIdOrAlarmName) {
        return Lookup.findAlarm(alarms, Objects.requireNonNull(logicalIdOrAlarmName, "name"), file, false);
    }

    /**
     * The metric filter with this logical id (or {@code FilterName}).
     *
     * @throws IllegalArgumentException if there is none, or more than one
     */
    public MetricFilterDefinition metricFilter(String logicalIdOrFilterName) {
        return Lookup.find(metricFilters, Objects.requireNonNull(logicalIdOrFilterName, "name"), file, false);
    }

    private static MetricFilterDefinition metricFilter(String file, String id, int line, Node.Mapping properties,
                                                       Resolver resolver) {
        Context c = new Context(resolver);
        String pattern = c.required(properties, "FilterPattern");
        Node transformations = properties.get("MetricTransformations");
        if (!(transformations instanceof Node.Sequence list) || list.items().size() != 1
                || !(list.items().get(0) instanceof Node.Mapping)) {
            throw new ResourceProblem(transformations == null ? line : transformations.line(),
                    "MetricTransformations must be a list of exactly one mapping (CloudFormation allows one)");
        }
        Node.Mapping t = (Node.Mapping) list.items().get(0);
        MetricFilter.Builder b = MetricFilter.builder().filterPattern(pattern)
                .metricValue(c.required(t, "MetricValue"));
        c.optional(properties, "FilterName").ifPresent(b::filterName);
        c.optional(t, "MetricNamespace").ifPresent(b::metricNamespace);
        c.optional(t, "MetricName").ifPresent(b::metricName);
        if (t.get("DefaultValue") != null) {
            String text = c.required(t, "DefaultValue");
            try {
                b.defaultValue(Double.parseDouble(text));
            } catch (NumberFormatException e) {
                throw new ResourceProblem(t.get("DefaultValue").line(), "DefaultValue '" + text + "' is not a number");
            }
        }
        if (t.get("Unit") != null) {
            String unit = c.required(t, "Unit");
            try {
                b.unit(StandardUnit.fromAwsName(unit));
            } catch (IllegalArgumentException e) {
                throw new ResourceProblem(t.get("Unit").line(), e.getMessage());
            }
        }
        Node dimensions = t.get("Dimensions");
        if (dimensions != null) {
            if (!(dimensions instanceof Node.Sequence dims)) {
                throw new ResourceProblem(dimensions.line(), "Dimensions must be a list of Key/Value mappings");
            }
            for (Node d : dims.items()) {
                if (!(d instanceof Node.Mapping dim)) {
                    throw new ResourceProblem(d.line(), "each dimension is a mapping with Key and Value");
                }
                b.dimension(c.required(dim, "Key"), c.required(dim, "Value"));
            }
        }
        Optional<String> logGroup = c.optional(properties, "LogGroupName");
        return new MetricFilterDefinition(id, file, line, build(line, b::build), logGroup);
    }

    private static AlarmDefinition alarm(String file, String id, int line, Node.Mapping properties,
                                         Resolver resolver) {
        Set<String> unknown = new TreeSet<>(properties.keys());
        unknown.removeAll(ALARM_PROPERTIES);
        if (!unknown.isEmpty()) {
            throw new ResourceProblem(properties.get(unknown.iterator().next()).line(), "unknown propert"
                    + (unknown.size() == 1 ? "y " : "ies ") + String.join(", ", unknown) + " of " + ALARM_TYPE
                    + " (known: " + String.join(", ", new TreeSet<>(ALARM_PROPERTIES)) + ")");
        }
        Context c = new Context(resolver);
        String name = c.optional(properties, "AlarmName").orElse(id);
        List<MetricAlarmFields.DimensionFields> dimensions = null;
        Node dims = properties.get("Dimensions");
        if (dims != null) {
            if (!(dims instanceof Node.Sequence list)) {
                throw new ResourceProblem(dims.line(), "Dimensions must be a list of Name/Value mappings");
            }
            dimensions = new ArrayList<>();
            for (Node d : list.items()) {
                if (!(d instanceof Node.Mapping dim)) {
                    throw new ResourceProblem(d.line(), "each dimension is a mapping with Name and Value");
                }
                dimensions.add(new MetricAlarmFields.DimensionFields(c.required(dim, "Name"),
                        c.required(dim, "Value")));
            }
        }
        List<String> metrics = null;
        Node queries = properties.get("Metrics");
        if (queries != null) {
            metrics = new ArrayList<>();
            for (Node q : queries instanceof Node.Sequence list ? list.items() : List.of(queries)) {
                metrics.add(q instanceof Node.Mapping query ? c.optional(query, "Id").orElse("?") : "?");
            }
        }
        MetricAlarmFields fields = new MetricAlarmFields(name, null, c.value(properties, "AlarmDescription"), null,
                c.bool(properties, "ActionsEnabled"), c.actions(properties, "OKActions"),
                c.actions(properties, "AlarmActions"), c.actions(properties, "InsufficientDataActions"),
                c.value(properties, "MetricName"), c.value(properties, "Namespace"), c.value(properties, "Statistic"),
                c.value(properties, "ExtendedStatistic"), dimensions, c.integer(properties, "Period"),
                c.value(properties, "Unit"), c.integer(properties, "EvaluationPeriods"),
                c.integer(properties, "DatapointsToAlarm"), c.number(properties, "Threshold"),
                c.value(properties, "ComparisonOperator"), c.value(properties, "TreatMissingData"),
                c.value(properties, "EvaluateLowSampleCountPercentile"), metrics,
                c.value(properties, "ThresholdMetricId"), false);
        try {
            return new AlarmDefinition(id, file, line, fields.toMetricAlarm());
        } catch (IllegalArgumentException e) {
            throw new ResourceProblem(line, DefinitionProblem.reasonOf(e));
        }
    }

    static MetricFilter build(int line, Supplier<MetricFilter> builder) {
        try {
            return builder.get();
        } catch (IllegalArgumentException e) {
            throw new ResourceProblem(line, DefinitionProblem.reasonOf(e));
        }
    }

    /** A resource that cannot be read, and why; caught per resource and kept as a {@link DefinitionProblem}. */
    static final class ResourceProblem extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int line;

        ResourceProblem(int line, String reason) {
            super(reason, null, false, false);
            this.line = line;
        }
    }

    /** Reads properties of one resource. */
    private record Context(Resolver resolver) {
        String required(Node.Mapping m, String key) {
            Node n = m.get(key);
            if (n == null) {
                throw new ResourceProblem(m.line(), key + " is missing");
            }
            try {
                return resolver.resolve(n);
            } catch (Unresolvable e) {
                throw new ResourceProblem(n.line(), key + " cannot be resolved offline: it is " + e.getMessage());
            }
        }

        /** The value, null if absent; a value that cannot be resolved offline is a problem. */
        String value(Node.Mapping m, String key) {
            return m.get(key) == null ? null : required(m, key);
        }

        Integer integer(Node.Mapping m, String key) {
            String text = value(m, key);
            if (text == null) {
                return null;
            }
            try {
                return Integer.valueOf(text.trim());
            } catch (NumberFormatException e) {
                throw new ResourceProblem(m.get(key).line(), key + " '" + text + "' is not a whole number");
            }
        }

        Double number(Node.Mapping m, String key) {
            String text = value(m, key);
            if (text == null) {
                return null;
            }
            try {
                return Double.valueOf(text.trim());
            } catch (NumberFormatException e) {
                throw new ResourceProblem(m.get(key).line(), key + " '" + text + "' is not a number");
            }
        }

        Boolean bool(Node.Mapping m, String key) {
            String text = value(m, key);
            if (text == null) {
                return null;
            }
            return switch (text.trim()) {
                case "true", "True", "TRUE" -> true;
                case "false", "False", "FALSE" -> false;
                default -> throw new ResourceProblem(m.get(key).line(), key + " '" + text + "' is not true or false");
            };
        }

        /** A list of actions; one that cannot be resolved offline is kept as a description of itself. */
        List<String> actions(Node.Mapping m, String key) {
            Node n = m.get(key);
            if (n == null) {
                return null;
            }
            if (!(n instanceof Node.Sequence list)) {
                throw new ResourceProblem(n.line(), key + " must be a list of ARNs");
            }
            List<String> out = new ArrayList<>();
            for (Node item : list.items()) {
                try {
                    out.add(resolver.resolve(item));
                } catch (Unresolvable e) {
                    out.add(CloudFormation.describe(item));
                }
            }
            return out;
        }

        Optional<String> optional(Node.Mapping m, String key) {
            Node n = m.get(key);
            if (n == null) {
                return Optional.empty();
            }
            try {
                return Optional.of(resolver.resolve(n));
            } catch (Unresolvable e) {
                // Names, namespace and log group are not needed to evaluate the filter: leave them unset.
                return Optional.empty();
            }
        }
    }
}
