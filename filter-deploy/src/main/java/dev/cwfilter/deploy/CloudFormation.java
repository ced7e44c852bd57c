package dev.cwfilter.deploy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What every reader of CloudFormation templates needs: the template's resources of a type, YAML's short-form tags
 * ({@code !Ref}, {@code !Sub}, {@code !GetAtt}, {@code !Join}, {@code !Select}, {@code !If}, ...) rewritten into the
 * long forms of intrinsic functions ({@code {"Fn::Sub": ...}}), and a {@link Resolver} that evaluates the intrinsic
 * functions that can be evaluated offline.
 *
 * <p>Stateless and thread-safe.
 */
public final class CloudFormation {

    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}]*)}");

    private CloudFormation() {
    }

    /**
     * A resource of a template.
     *
     * @param logicalId  the resource's logical id
     * @param line       the line where it is written
     * @param properties its {@code Properties}
     */
    public record Resource(String logicalId, int line, Node.Mapping properties) {
        /** Checks for null. */
        public Resource {
            Objects.requireNonNull(logicalId, "logicalId");
            Objects.requireNonNull(properties, "properties");
        }
    }

    /**
     * A template read from text, short-form tags rewritten.
     *
     * @param name the file's name, for messages; a name ending in {@code .yaml} or {@code .yml} is read as YAML
     * @throws DocumentException if it is not well-formed or not a template (a mapping with {@code Resources})
     */
    public static Node.Mapping template(String text, String name) {
        Node root = longForm(Documents.parse(text, name, Documents.isYaml(name)));
        if (!(root instanceof Node.Mapping template)) {
            throw new DocumentException(name, root.line(), "a CloudFormation template is a mapping, not "
                    + root.kind(), null);
        }
        if (!(template.get("Resources") instanceof Node.Mapping)) {
            throw new DocumentException(name, root.line(), "a CloudFormation template needs a Resources mapping",
                    null);
        }
        return template;
    }

    /**
     * The resources of this type, in the order they are written.
     *
     * @throws DocumentException if one of them has no {@code Properties} mapping
     */
    public static List<Resource> resources(Node.Mapping template, String type, String file) {
        List<Resource> found = new ArrayList<>();
        Node.Mapping resources = (Node.Mapping) template.get("Resources");
        for (Node.Member m : resources.members()) {
            if (m.value() instanceof Node.Mapping resource && resource.get("Type") instanceof Node.Scalar t
                    && t.text().equals(type)) {
                if (!(resource.get("Properties") instanceof Node.Mapping properties)) {
                    throw new DocumentException(file, m.line(), "resource " + m.key() + " (" + type
                            + "): has no Properties", null);
                }
                found.add(new Resource(m.key(), m.line(), properties));
            }
        }
        return found;
    }

    /** Rewrites YAML's short-form tags into the long forms of intrinsic functions. */
    public static Node longForm(Node node) {
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

    /** Whether a node is an intrinsic function call: a mapping of one {@code Ref}, {@code Condition} or {@code Fn::}. */
    public static boolean isIntrinsic(Node node) {
        if (!(node instanceof Node.Mapping m) || m.members().size() != 1) {
            return false;
        }
        String key = m.members().get(0).key();
        return key.equals("Ref") || key.equals("Condition") || key.startsWith("Fn::");
    }

    /**
     * What a value that cannot be resolved offline stands for, in a few words, for messages: an intrinsic function as
     * its name and argument ({@code Ref AlertsTopic}, {@code GetAtt AlertsTopic.TopicArn}); other values as their JSON.
     */
    public static String describe(Node n) {
        if (n instanceof Node.Mapping m && m.members().size() == 1) {
            Node.Member fn = m.members().get(0);
            String arg = fn.value() instanceof Node.Scalar s ? s.text()
                    : fn.value() instanceof Node.Sequence seq ? String.join(".", seq.items().stream()
                    .map(i -> i instanceof Node.Scalar s ? s.text() : Documents.toJson(i)).toList())
                    : Documents.toJson(fn.value());
            return fn.key().replace("Fn::", "") + " " + arg;
        }
        return Documents.toJson(n);
    }

    /** A value that cannot be had offline, and why. */
    public static final class Unresolvable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        /** A value that cannot be had offline; {@code why} says what it is ("Fn::GetAtt (cannot be ...)"). */
        public Unresolvable(String why) {
            super(why, null, false, false);
        }
    }

    /**
     * Resolves parameters and the intrinsic functions that can be evaluated offline: {@code Ref} to a parameter (the
     * value passed, or else the parameter's {@code Default}; pseudo parameters such as {@code AWS::Region} when
     * passed), {@code Fn::Sub}, {@code Fn::Join} and {@code Fn::Select} when every part resolves.
     *
     * <p>Immutable and thread-safe.
     */
    public static final class Resolver {
        private final Map<String, String> values = new LinkedHashMap<>();
        private final String howToPass;

        /**
         * A resolver for a template.
         *
         * @param template  the template (its {@code Parameters} give the defaults)
         * @param given     parameter values, which win over the defaults
         * @param howToPass how the caller passes a parameter value, for messages ("pass it to read(path,
         *                  parameters)")
         */
        public Resolver(Node.Mapping template, Map<String, String> given, String howToPass) {
            this.howToPass = Objects.requireNonNull(howToPass, "howToPass");
            if (template.get("Parameters") instanceof Node.Mapping params) {
                for (Node.Member p : params.members()) {
                    if (p.value() instanceof Node.Mapping def && def.get("Default") instanceof Node.Scalar d) {
                        values.put(p.key(), d.text());
                    }
                }
            }
            values.putAll(Objects.requireNonNull(given, "parameters"));
        }

        /**
         * The text of a scalar value.
         *
         * @throws Unresolvable if it cannot be had offline, or is a list or a mapping
         */
        public String resolve(Node node) {
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
                        throw new Unresolvable("Ref " + name + " (no parameter value or default; " + howToPass
                                + ")");
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

        /**
         * A whole value with every intrinsic function in it resolved (into a string scalar); mappings and lists are
         * kept.
         *
         * @throws Unresolvable if one of them cannot be had offline
         */
        public Node resolveDeep(Node node) {
            if (isIntrinsic(node)) {
                return new Node.Scalar(Node.ScalarType.STRING, resolve(node), node.line(), null);
            }
            if (node instanceof Node.Mapping m) {
                List<Node.Member> members = new ArrayList<>();
                for (Node.Member member : m.members()) {
                    members.add(new Node.Member(member.key(), resolveDeep(member.value()), member.line()));
                }
                return new Node.Mapping(members, m.line(), null);
            }
            if (node instanceof Node.Sequence s) {
                List<Node> items = new ArrayList<>();
                for (Node item : s.items()) {
                    items.add(resolveDeep(item));
                }
                return new Node.Sequence(items, s.line(), null);
            }
            return node;
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
                    throw new Unresolvable("Fn::Sub variable ${" + name + "} (no parameter value; " + howToPass + ")");
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
}
