package dev.cwfilter.definitions;

import dev.cwfilter.MetricFilter;
import dev.cwfilter.StandardUnit;
import dev.cwfilter.definitions.internal.Documents;
import dev.cwfilter.definitions.internal.Node;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
 * {@code DefaultValue}, {@code Dimensions} ({@code Key}/{@code Value} pairs) and {@code Unit}.
 *
 * <p>Intrinsic functions: YAML's short forms ({@code !Ref}, {@code !Sub}, {@code !GetAtt}, {@code !Join},
 * {@code !Select}, {@code !If}, ...) are read as their long forms ({@code {"Fn::Sub": ...}}). {@code Ref} to a
 * parameter gives the value passed to {@link #read(Path, Map)} or else the parameter's {@code Default};
 * {@code Fn::Sub}, {@code Fn::Join} and {@code Fn::Select} are evaluated when every part resolves. A value that does
 * not resolve offline ({@code !GetAtt}, a pseudo parameter not passed, {@code Fn::If}) is ignored where the test
 * does not need it (names, namespace, log group) and is an error naming the resource where it does (pattern, metric
 * value, default value, dimensions, unit): that resource is then a problem.
 *
 * <p>Immutable and thread-safe.
 */
public final class CloudFormationTemplate {

    private static final String TYPE = "AWS::Logs::MetricFilter";
    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}]*)}");

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
     * @throws DefinitionFileException if the template cannot be read (a resource that cannot be read is a
     *                                 {@linkplain #problems() problem})
     */
    public static CloudFormationTemplate read(Path path) {
        return read(path, Map.of());
    }

    /**
     * Reads a template file with parameter values (which win over the parameters' defaults; pseudo parameters such
     * as {@code AWS::Region} may be passed too).
     *
     * @throws DefinitionFileException if the template cannot be read
     */
    public static CloudFormationTemplate read(Path path, Map<String, String> parameters) {
        return parse(Documents.readFile(path), path.toString(), parameters);
    }

    /**
     * Reads a template from the classpath (relative to its root; see {@link #read(Path)}).
     *
     * @throws DefinitionFileException if there is no such resource or it cannot be read
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
        Node root = longForm(Documents.parse(text, name, Documents.isYaml(name)));
        if (!(root instanceof Node.Mapping template)) {
            throw new DefinitionFileException(name, root.line(), "a CloudFormation template is a mapping, not "
                    + root.kind(), null);
        }
        Node resources = template.get("Resources");
        if (!(resources instanceof Node.Mapping resourceMap)) {
            throw new DefinitionFileException(name, root.line(), "a CloudFormation template needs a Resources mapping",
                    null);
        }
        Resolver resolver = new Resolver(template.get("Parameters"), parameters);
        List<MetricFilterDefinition> filters = new ArrayList<>();
        List<DefinitionProblem> problems = new ArrayList<>();
        for (Node.Member m : resourceMap.members()) {
            if (m.value() instanceof Node.Mapping resource && resource.get("Type") instanceof Node.Scalar type
                    && type.text().equals(TYPE)) {
                try {
                    filters.add(metricFilter(name, m.key(), m.line(), resource, resolver));
                } catch (ResourceProblem e) {
                    problems.add(new DefinitionProblem(DefinitionProblem.Kind.METRIC_FILTER, m.key(), name, e.line,
                            e.getMessage()));
                }
            }
        }
        return new CloudFormationTemplate(name, filters, problems);
    }

    /** The type of the resources read: {@code AWS::Logs::MetricFilter}. */
    public static String resourceType() {
        return TYPE;
    }

    /** Every metric filter resource that could not be read, with the reason, in the order they are written. */
    public List<DefinitionProblem> problems() {
        return problems;
    }

    /** The metric filters and the problems, as {@link Definitions}. */
    public Definitions definitions() {
        return new Definitions(metricFilters, List.of(), problems);
    }

    /** Every metric filter of the template, in the order they are written. */
    public List<MetricFilterDefinition> metricFilters() {
        return metricFilters;
    }

    /**
     * The metric filter with this logical id (or {@code FilterName}).
     *
     * @throws IllegalArgumentException if there is none, or more than one
     */
    public MetricFilterDefinition metricFilter(String logicalIdOrFilterName) {
        return Lookup.find(metricFilters, Objects.requireNonNull(logicalIdOrFilterName, "name"), file, false);
    }

    private static MetricFilterDefinition metricFilter(String file, String id, int line, Node.Mapping resource,
                                                     Resolver resolver) {
        Node props = resource.get("Properties");
        if (!(props instanceof Node.Mapping properties)) {
            throw error(file, line, id, "has no Properties");
        }
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
        return new MetricFilterDefinition(id, file, line, build(line, b::build), logGroup);
    }

    private static ResourceProblem error(String file, int line, String id, String problem) {
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


    /** Rewrites YAML's short-form tags into the long forms of intrinsic functions. */
    static Node longForm(Node node) {
        Node plain;
        if (node instanceof Node.Mapping m) {
            List<Node.Member> members = new ArrayList<>();
            for (Node.Member member : m.members()) {
                members.add(new Node.Member(member.key(), longForm(member.value()), member.line()));
            }
            plain = new Node.Mapping(members, m.line(), null);
        } else if (node instanceof Node.Sequence s) {
            List<Node> items = new ArrayList<>();
            for (Node item : s.items()) {
                items.add(longForm(item));
            }
            plain = new Node.Sequence(items, s.line(), null);
        } else {
            Node.Scalar s = (Node.Scalar) node;
            plain = new Node.Scalar(s.type(), s.text(), s.line(), null);
        }
        String tag = node.tag();
        if (tag == null) {
            return plain;
        }
        String key = tag.equals("Ref") || tag.equals("Condition") ? tag : "Fn::" + tag;
        if (tag.equals("GetAtt") && plain instanceof Node.Scalar s) {
            // !GetAtt Resource.Attribute is the list form [Resource, Attribute].
            String[] parts = s.text().split("\\.", 2);
            List<Node> items = new ArrayList<>();
            for (String part : parts) {
                items.add(new Node.Scalar(Node.ScalarType.STRING, part, s.line(), null));
            }
            plain = new Node.Sequence(items, s.line(), null);
        }
        return new Node.Mapping(List.of(new Node.Member(key, plain, node.line())), node.line(), null);
    }

    /** A value that cannot be had offline, and why. */
    private static final class Unresolvable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unresolvable(String why) {
            super(why, null, false, false);
        }
    }

    /** Resolves parameters and the intrinsic functions that can be evaluated offline. */
    private static final class Resolver {
        private final Map<String, String> values = new LinkedHashMap<>();

        Resolver(Node parameters, Map<String, String> given) {
            if (parameters instanceof Node.Mapping params) {
                for (Node.Member p : params.members()) {
                    if (p.value() instanceof Node.Mapping def && def.get("Default") instanceof Node.Scalar d) {
                        values.put(p.key(), d.text());
                    }
                }
            }
            values.putAll(Objects.requireNonNull(given, "parameters"));
        }

        /**
         * The text of a value.
         *
         * @throws Unresolvable if it cannot be had offline
         */
        String resolve(Node node) {
            if (node instanceof Node.Scalar s) {
                if (s.type() == Node.ScalarType.NULL) {
                    throw new Unresolvable("null");
                }
                return s.text();
            }
            if (node instanceof Node.Sequence) {
                throw new Unresolvable("a list");
            }
            Node.Mapping m = (Node.Mapping) node;
            if (m.members().size() != 1) {
                throw new Unresolvable("a mapping");
            }
            String fn = m.members().get(0).key();
            Node arg = m.members().get(0).value();
            switch (fn) {
                case "Ref": {
                    String name = arg instanceof Node.Scalar s ? s.text() : "?";
                    String v = values.get(name);
                    if (v == null) {
                        throw new Unresolvable("Ref " + name + " (no parameter value or default; pass it to"
                                + " read(path, parameters))");
                    }
                    return v;
                }
                case "Fn::Sub":
                    return sub(arg);
                case "Fn::Join":
                    return join(arg);
                case "Fn::Select":
                    return select(arg);
                default:
                    throw new Unresolvable(fn + " (cannot be evaluated offline)");
            }
        }

        private String sub(Node arg) {
            Node template = arg;
            Map<String, String> vars = new LinkedHashMap<>(values);
            if (arg instanceof Node.Sequence s && s.items().size() == 2 && s.items().get(1) instanceof Node.Mapping m) {
                template = s.items().get(0);
                for (Node.Member v : m.members()) {
                    vars.put(v.key(), resolve(v.value()));
                }
            }
            if (!(template instanceof Node.Scalar text)) {
                throw new Unresolvable("Fn::Sub of " + template.kind());
            }
            Matcher matcher = SUB_VARIABLE.matcher(text.text());
            StringBuilder sb = new StringBuilder();
            while (matcher.find()) {
                String name = matcher.group(1);
                String replacement;
                if (name.startsWith("!")) {
                    replacement = "${" + name.substring(1) + "}";
                } else if (vars.containsKey(name)) {
                    replacement = vars.get(name);
                } else {
                    throw new Unresolvable("Fn::Sub variable ${" + name + "} (no parameter value; pass it to"
                            + " read(path, parameters))");
                }
                matcher.appendReplacement(sb, Matcher.quoteReplacement(replacement));
            }
            matcher.appendTail(sb);
            return sb.toString();
        }

        private String join(Node arg) {
            if (!(arg instanceof Node.Sequence s) || s.items().size() != 2
                    || !(s.items().get(1) instanceof Node.Sequence parts)) {
                throw new Unresolvable("Fn::Join that is not [delimiter, [values]]");
            }
            String delimiter = resolve(s.items().get(0));
            List<String> joined = new ArrayList<>();
            for (Node part : parts.items()) {
                joined.add(resolve(part));
            }
            return String.join(delimiter, joined);
        }

        private String select(Node arg) {
            if (!(arg instanceof Node.Sequence s) || s.items().size() != 2
                    || !(s.items().get(1) instanceof Node.Sequence list)) {
                throw new Unresolvable("Fn::Select that is not [index, [values]]");
            }
            String index = resolve(s.items().get(0));
            try {
                return resolve(list.items().get(Integer.parseInt(index)));
            } catch (NumberFormatException | IndexOutOfBoundsException e) {
                throw new Unresolvable("Fn::Select index " + index);
            }
        }
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
