package dev.cwfilter.testkit.deploy;

import dev.cwfilter.MetricFilter;
import dev.cwfilter.StandardUnit;
import dev.cwfilter.deploy.CloudFormation;
import dev.cwfilter.deploy.CloudFormation.Resolver;
import dev.cwfilter.deploy.CloudFormation.Unresolvable;
import dev.cwfilter.deploy.Node;
import dev.cwfilter.testkit.FileFormatException;
import dev.cwfilter.testkit.internal.Documents;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code AWS::Logs::MetricFilter} resources of a CloudFormation template (JSON or YAML), each as a testable
 * {@link MetricFilter}:
 *
 * <pre>{@code
 * CloudFormationTemplate template = CloudFormationTemplate.fromClasspath("monitoring.yaml");
 * assertThatMetricFilter(template.metricFilter("SecretAccessFilter")).publishes(1).forEvent(getSecretValue);
 * }</pre>
 *
 * <p>Read from each resource: {@code FilterName}, {@code FilterPattern}, {@code LogGroupName} and the one entry of
 * {@code MetricTransformations}: {@code MetricNamespace}, {@code MetricName}, {@code MetricValue},
 * {@code DefaultValue}, {@code Dimensions} ({@code Key}/{@code Value} pairs) and {@code Unit}.
 *
 * <p>Intrinsic functions: YAML's short forms ({@code !Ref}, {@code !Sub}, {@code !GetAtt}, {@code !Join},
 * {@code !Select}, {@code !If}, ...) are read as their long forms ({@code {"Fn::Sub": ...}}). {@code Ref} to a
 * parameter gives the value passed to {@link #read(Path, Map)} or else the parameter's {@code Default};
 * {@code Fn::Sub}, {@code Fn::Join} and {@code Fn::Select} are evaluated when every part resolves. A value that does
 * not resolve offline ({@code !GetAtt}, a pseudo parameter not passed, {@code Fn::If}) is ignored where the test
 * does not need it (names, namespace, log group) and is an error naming the resource where it does (pattern, metric
 * value, default value, dimensions, unit).
 *
 * <p>Immutable and thread-safe.
 */
public final class CloudFormationTemplate {

    private static final String TYPE = "AWS::Logs::MetricFilter";

    private final String file;
    private final List<MetricFilterResource> metricFilters;

    private CloudFormationTemplate(String file, List<MetricFilterResource> metricFilters) {
        this.file = file;
        this.metricFilters = List.copyOf(metricFilters);
    }

    /**
     * Reads a template file; {@code .yaml}/{@code .yml} files as YAML, others as JSON.
     *
     * @throws FileFormatException if the template or one of its metric filters cannot be read
     */
    public static CloudFormationTemplate read(Path path) {
        return read(path, Map.of());
    }

    /**
     * Reads a template file with parameter values (which win over the parameters' defaults; pseudo parameters such
     * as {@code AWS::Region} may be passed too).
     *
     * @throws FileFormatException if the template or one of its metric filters cannot be read
     */
    public static CloudFormationTemplate read(Path path, Map<String, String> parameters) {
        return parse(Documents.readFile(path), path.toString(), parameters);
    }

    /**
     * Reads a template from the classpath (relative to its root; see {@link #read(Path)}).
     *
     * @throws FileFormatException if there is no such resource or it cannot be read
     */
    public static CloudFormationTemplate fromClasspath(String resource) {
        return fromClasspath(resource, Map.of());
    }

    /** Reads a template from the classpath with parameter values. */
    public static CloudFormationTemplate fromClasspath(String resource, Map<String, String> parameters) {
        return parse(Documents.readResource(resource, CloudFormationTemplate.class), resource, parameters);
    }

    /**
     * Reads a template from text.
     *
     * @param name the file's name, for messages; a name ending in {@code .yaml} or {@code .yml} is read as YAML
     */
    public static CloudFormationTemplate parse(String text, String name, Map<String, String> parameters) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(name, "name");
        return Documents.testkitErrors(() -> {
            Node.Mapping template = CloudFormation.template(text, name);
            Resolver resolver = new Resolver(template, Objects.requireNonNull(parameters, "parameters"),
                    "pass it to read(path, parameters)");
            List<MetricFilterResource> filters = new ArrayList<>();
            for (CloudFormation.Resource r : CloudFormation.resources(template, TYPE, name)) {
                filters.add(metricFilter(name, r.logicalId(), r.line(), r.properties(), resolver));
            }
            return new CloudFormationTemplate(name, filters);
        });
    }

    /** Every metric filter of the template, in the order they are written. */
    public List<MetricFilterResource> metricFilters() {
        return metricFilters;
    }

    /**
     * The metric filter with this logical id (or {@code FilterName}).
     *
     * @throws IllegalArgumentException if there is none, or more than one
     */
    public MetricFilterResource metricFilter(String logicalIdOrFilterName) {
        return Resources.find(metricFilters, Objects.requireNonNull(logicalIdOrFilterName, "name"), file, null);
    }

    private static MetricFilterResource metricFilter(String file, String id, int line, Node.Mapping properties,
                                                     Resolver resolver) {
        Context c = new Context(file, id, resolver);
        String pattern = c.required(properties, "FilterPattern");
        Node transformations = properties.get("MetricTransformations");
        if (!(transformations instanceof Node.Sequence list) || list.items().size() != 1
                || !(list.items().get(0) instanceof Node.Mapping)) {
            throw error(file, transformations == null ? line : transformations.line(), id,
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
                throw error(file, t.get("DefaultValue").line(), id, "DefaultValue '" + text + "' is not a number");
            }
        }
        if (t.get("Unit") != null) {
            String unit = c.required(t, "Unit");
            try {
                b.unit(StandardUnit.fromAwsName(unit));
            } catch (IllegalArgumentException e) {
                throw error(file, t.get("Unit").line(), id, e.getMessage());
            }
        }
        Node dimensions = t.get("Dimensions");
        if (dimensions != null) {
            if (!(dimensions instanceof Node.Sequence dims)) {
                throw error(file, dimensions.line(), id, "Dimensions must be a list of Key/Value mappings");
            }
            for (Node d : dims.items()) {
                if (!(d instanceof Node.Mapping dim)) {
                    throw error(file, d.line(), id, "each dimension is a mapping with Key and Value");
                }
                b.dimension(c.required(dim, "Key"), c.required(dim, "Value"));
            }
        }
        Optional<String> logGroup = c.optional(properties, "LogGroupName");
        return new MetricFilterResource(id, file, line, Resources.build(file, line, id, b::build), logGroup);
    }

    private static FileFormatException error(String file, int line, String id, String problem) {
        return new FileFormatException(file, line, "resource " + id + " (" + TYPE + "): " + problem, null);
    }

    /** Reads properties of one resource, with errors naming it. */
    private record Context(String file, String id, Resolver resolver) {
        String required(Node.Mapping m, String key) {
            Node n = m.get(key);
            if (n == null) {
                throw error(file, m.line(), id, key + " is missing");
            }
            try {
                return resolver.resolve(n);
            } catch (Unresolvable e) {
                throw error(file, n.line(), id, key + " cannot be resolved offline: it is " + e.getMessage());
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
                // Names, namespace and log group are not needed to test the filter: leave them unset.
                return Optional.empty();
            }
        }
    }
}
