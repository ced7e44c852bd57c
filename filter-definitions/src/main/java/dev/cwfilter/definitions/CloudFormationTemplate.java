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
import java.util.function.Supplier;

/**
 * The {@code AWS::Logs::MetricFilter} resources of a CloudFormation template (JSON or YAML), each as a
 * {@link MetricFilter}, and every resource that cannot be read as a {@link DefinitionProblem} (the others are read all
 * the same):
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
 * <p>Immutable and thread-safe.
 */
public final class CloudFormationTemplate {

    private static final String TYPE = "AWS::Logs::MetricFilter";

    private final String file;
    private final List<MetricFilterDefinition> metricFilters;
    private final List<DefinitionProblem> problems;

    private CloudFormationTemplate(String file, List<MetricFilterDefinition> metricFilters,
                                   List<DefinitionProblem> problems) {
        this.file = file;
        this.metricFilters = List.copyOf(metricFilters);
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
        List<DefinitionProblem> problems = new ArrayList<>();
        for (Node.Member m : ((Node.Mapping) template.get("Resources")).members()) {
            if (!(m.value() instanceof Node.Mapping resource && resource.get("Type") instanceof Node.Scalar type
                    && type.text().equals(TYPE))) {
                continue;
            }
            try {
                if (!(resource.get("Properties") instanceof Node.Mapping properties)) {
                    throw new ResourceProblem(m.line(), "has no Properties");
                }
                filters.add(metricFilter(name, m.key(), m.line(), properties, resolver));
            } catch (ResourceProblem e) {
                problems.add(new DefinitionProblem(DefinitionProblem.Kind.METRIC_FILTER, m.key(), name, e.line,
                        e.getMessage()));
            }
        }
        return new CloudFormationTemplate(name, filters, problems);
    }

    /** The type of the resources read: {@code AWS::Logs::MetricFilter}. */
    public static String resourceType() {
        return TYPE;
    }

    /** Every metric filter of the template, in the order they are written. */
    public List<MetricFilterDefinition> metricFilters() {
        return metricFilters;
    }

    /** Every metric filter resource that could not be read, with the reason, in the order they are written. */
    public List<DefinitionProblem> problems() {
        return problems;
    }

    /** The metric filters and the problems, as {@link Definitions}. */
    public Definitions definitions() {
        return new Definitions(metricFilters, List.of(), problems);
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
