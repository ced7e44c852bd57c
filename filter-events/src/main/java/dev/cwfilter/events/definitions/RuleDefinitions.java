package dev.cwfilter.events.definitions;

import dev.cwfilter.deploy.CloudFormation;
import dev.cwfilter.deploy.DocumentException;
import dev.cwfilter.deploy.Documents;
import dev.cwfilter.deploy.Node;
import dev.cwfilter.deploy.Terraform;
import dev.cwfilter.events.EventRule;
import dev.cwfilter.events.EventRuleException;
import dev.cwfilter.events.EventRuleSet;
import dev.cwfilter.events.RuleState;
import dev.cwfilter.events.Target;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The EventBridge rules of a file, wherever users keep them, each a checked {@link EventRule} with its targets:
 * <ul>
 *   <li>the JSON of {@code aws events list-rules} ({@code {"Rules": [...]}}, AWS-SHAPES §5.3), each rule's targets
 *       from the JSON of {@code aws events list-targets-by-rule} (§5.4) given with {@link #withTargets}, or written
 *       into the rule as a {@code Targets} array; and the JSON of {@code aws events describe-rule};</li>
 *   <li>CloudFormation templates, JSON or YAML: every {@code AWS::Events::Rule} with its {@code Targets}, short-form
 *       tags and the intrinsic functions that can be evaluated offline resolved as the testkit resolves them
 *       (parameters given, else their defaults); a target's {@code Arn} that cannot be resolved offline
 *       ({@code !Ref Topic}) is kept as a description of itself, since what the target receives does not depend on
 *       it;</li>
 *   <li>Terraform JSON plans ({@code terraform show -json plan.out}): every {@code aws_cloudwatch_event_rule}, with
 *       the {@code aws_cloudwatch_event_target}s whose {@code rule} (and bus) names it, or, when the plan does not
 *       know the name yet, whose configuration refers to it.</li>
 * </ul>
 * Rules without an event pattern (scheduled rules) match no event; they are listed in {@link #skipped()}. Every
 * problem is a {@link DocumentException} naming the file, the line and the resource; a rule EventBridge would reject
 * has its {@link EventRuleException} (with the offending part) as the cause.
 *
 * <p>Immutable and thread-safe.
 */
public final class RuleDefinitions {

    private static final String CFN_RULE = "AWS::Events::Rule";
    private static final String CFN_BUS = "AWS::Events::EventBus";
    private static final String TF_RULE = "aws_cloudwatch_event_rule";
    private static final String TF_TARGET = "aws_cloudwatch_event_target";

    private final String file;
    private final List<RuleDefinition> rules;
    private final List<String> skipped;

    private RuleDefinitions(String file, List<RuleDefinition> rules, List<String> skipped) {
        this.file = file;
        this.rules = List.copyOf(rules);
        this.skipped = List.copyOf(skipped);
    }

    /**
     * Reads a file: the format is told by its content (and {@code .yaml}/{@code .yml} names are read as YAML).
     *
     * @throws DocumentException if it cannot be read or holds a rule EventBridge would reject
     */
    public static RuleDefinitions read(Path path) {
        return read(path, Map.of());
    }

    /**
     * Reads a file with CloudFormation parameter values (which win over the parameters' defaults; pseudo parameters
     * such as {@code AWS::Region} may be given too).
     *
     * @throws DocumentException if it cannot be read or holds a rule EventBridge would reject
     */
    public static RuleDefinitions read(Path path, Map<String, String> parameters) {
        return parse(Documents.readFile(path), path.toString(), parameters);
    }

    /**
     * Reads definitions from text.
     *
     * @param name the file's name, for messages; a name ending in {@code .yaml} or {@code .yml} is read as YAML
     * @throws DocumentException if it cannot be read or holds a rule EventBridge would reject
     */
    public static RuleDefinitions parse(String text, String name, Map<String, String> parameters) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(parameters, "parameters");
        Node root = Documents.parse(text, name, Documents.isYaml(name));
        if (!(root instanceof Node.Mapping top)) {
            throw new DocumentException(name, root.line(), "expected a JSON object (the output of aws events"
                    + " list-rules, a CloudFormation template or a Terraform plan), not " + root.kind(), null);
        }
        if (top.get("Resources") != null) {
            return cloudFormation(text, name, parameters);
        }
        if (top.get("planned_values") != null || top.get("values") != null || top.get("terraform_version") != null) {
            return terraform(top, name);
        }
        if (top.get("Rules") != null) {
            return listRules(top, name);
        }
        if (top.get("Name") != null) {
            List<RuleDefinition> out = new ArrayList<>();
            List<String> skipped = new ArrayList<>();
            apiRule(top, name, out, skipped);
            return new RuleDefinitions(name, out, skipped);
        }
        if (top.get("Targets") != null) {
            throw new DocumentException(name, top.line(), "this is the output of aws events list-targets-by-rule,"
                    + " which does not say its rule: give it with the rule's name (--targets RULE=FILE)", null);
        }
        throw new DocumentException(name, top.line(), "not a file of EventBridge rules: expected the output of aws"
                + " events list-rules ({\"Rules\": [...]}) or describe-rule, a CloudFormation template (Resources) or"
                + " a Terraform plan (planned_values)", null);
    }

    /** The file's name, as given. */
    public String file() {
        return file;
    }

    /** The rules, in the order they are written. */
    public List<RuleDefinition> rules() {
        return rules;
    }

    /** The rules read, without where they are written. */
    public List<EventRule> eventRules() {
        List<EventRule> out = new ArrayList<>();
        rules.forEach(d -> out.add(d.rule()));
        return out;
    }

    /** The rules as a set, ready to match. */
    public EventRuleSet ruleSet() {
        return EventRuleSet.of(eventRules());
    }

    /** The definitions that are not event rules, each with why ("rule nightly: a scheduled rule ..."). */
    public List<String> skipped() {
        return skipped;
    }

    /**
     * The rule with this name (or resource name: logical id, Terraform address or its suffix).
     *
     * @throws IllegalArgumentException if there is none, or more than one
     */
    public RuleDefinition rule(String name) {
        Objects.requireNonNull(name, "name");
        List<RuleDefinition> found = new ArrayList<>();
        for (RuleDefinition d : rules) {
            if (d.rule().name().equals(name) || d.resource().equals(name) || d.resource().endsWith("." + name)) {
                found.add(d);
            }
        }
        if (found.size() == 1) {
            return found.get(0);
        }
        List<String> names = new ArrayList<>();
        rules.forEach(d -> names.add(d.rule().name()));
        throw new IllegalArgumentException(file + (found.isEmpty() ? " has no rule named " : " has "
                + found.size() + " rules named ") + name + "; its rules are " + names);
    }

    /**
     * The same definitions with the targets of {@code aws events list-targets-by-rule --rule RULE} output given to
     * the rule of that name (replacing any it had).
     *
     * @param targetsName the targets file's name, for messages
     * @throws DocumentException if the targets cannot be read, there is no such rule, or EventBridge would reject them
     */
    public RuleDefinitions withTargets(String ruleName, String targetsJson, String targetsName) {
        Node root = Documents.parse(targetsJson, targetsName, false);
        Fields f = new Fields(targetsName, "targets of rule " + ruleName);
        if (!(root instanceof Node.Mapping m) || !(m.get("Targets") instanceof Node.Sequence list)) {
            throw f.error(root, "expected the output of aws events list-targets-by-rule: {\"Targets\": [...]}");
        }
        List<Target> targets = new ArrayList<>();
        for (Node t : list.items()) {
            targets.add(f.apiTarget(t, n -> plain(f, n), n -> plain(f, n)));
        }
        List<RuleDefinition> out = new ArrayList<>();
        boolean found = false;
        for (RuleDefinition d : rules) {
            if (d.rule().name().equals(ruleName)) {
                found = true;
                try {
                    out.add(new RuleDefinition(d.rule().toBuilder().targets(targets).build(), d.resource(),
                            d.file(), d.line()));
                } catch (EventRuleException e) {
                    throw new DocumentException(targetsName, root.line(), e.getMessage(), e);
                }
            } else {
                out.add(d);
            }
        }
        if (!found) {
            List<String> names = new ArrayList<>();
            rules.forEach(d -> names.add(d.rule().name()));
            throw new DocumentException(targetsName, 0, "there is no rule " + ruleName + " for these targets in "
                    + file + "; its rules are " + names, null);
        }
        return new RuleDefinitions(file, out, skipped);
    }

    /** Definitions from several files, in order. */
    public static RuleDefinitions concat(String name, List<RuleDefinitions> parts) {
        List<RuleDefinition> rules = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (RuleDefinitions p : parts) {
            rules.addAll(p.rules);
            skipped.addAll(p.skipped);
        }
        return new RuleDefinitions(name, rules, skipped);
    }

    private static String plain(Fields f, Node n) {
        if (!(n instanceof Node.Scalar s) || s.type() != Node.ScalarType.STRING) {
            throw f.error(n, "expected a string, not " + n.kind());
        }
        return s.text();
    }

    // ---- aws events list-rules / describe-rule

    private static RuleDefinitions listRules(Node.Mapping top, String file) {
        if (!(top.get("Rules") instanceof Node.Sequence list)) {
            throw new DocumentException(file, top.line(), "Rules must be a list", null);
        }
        List<RuleDefinition> out = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (Node item : list.items()) {
            if (!(item instanceof Node.Mapping rule)) {
                throw new DocumentException(file, item.line(), "each of Rules is an object, not " + item.kind(),
                        null);
            }
            apiRule(rule, file, out, skipped);
        }
        return new RuleDefinitions(file, out, skipped);
    }

    private static void apiRule(Node.Mapping rule, String file, List<RuleDefinition> out, List<String> skipped) {
        Fields f = new Fields(file, "rule " + new Fields(file, "a rule").text(rule, "Name").orElse("(no Name)"));
        String name = f.required(rule, "Name");
        Optional<String> pattern = f.text(rule, "EventPattern");
        if (pattern.isEmpty()) {
            if (f.text(rule, "ScheduleExpression").isPresent()) {
                skipped.add("rule " + name + " (" + file + " line " + rule.line() + "): a scheduled rule, without an"
                        + " event pattern");
                return;
            }
            throw f.error(rule, "EventPattern is missing");
        }
        EventRule.Builder b = EventRule.builder(name).eventPattern(pattern.get());
        Optional<String> state = f.text(rule, "State");
        if (state.isPresent()) {
            try {
                b.state(RuleState.fromAwsName(state.get()));
            } catch (IllegalArgumentException e) {
                throw f.error(rule.get("State"), e.getMessage());
            }
        }
        f.text(rule, "Description").ifPresent(b::description);
        f.text(rule, "EventBusName").ifPresent(b::eventBusName);
        f.text(rule, "Arn").ifPresent(b::arn);
        Node targets = rule.get("Targets");
        if (targets != null) {
            if (!(targets instanceof Node.Sequence list)) {
                throw f.error(targets, "Targets must be a list");
            }
            for (Node t : list.items()) {
                b.target(f.apiTarget(t, n -> plain(f, n), n -> plain(f, n)));
            }
        }
        out.add(new RuleDefinition(build(f, rule.line(), b), name, file, rule.line()));
    }

    private static EventRule build(Fields f, int line, EventRule.Builder b) {
        try {
            return b.build();
        } catch (EventRuleException e) {
            throw f.error(line, e);
        }
    }

    // ---- CloudFormation

    private static RuleDefinitions cloudFormation(String text, String file, Map<String, String> parameters) {
        Node.Mapping template = CloudFormation.template(text, file);
        CloudFormation.Resolver resolver = new CloudFormation.Resolver(template, parameters,
                "pass it as a parameter");
        Map<String, String> busNames = new LinkedHashMap<>();
        for (CloudFormation.Resource bus : CloudFormation.resources(template, CFN_BUS, file)) {
            try {
                busNames.put(bus.logicalId(), resolver.resolve(bus.properties().get("Name")));
            } catch (CloudFormation.Unresolvable | NullPointerException e) {
                // A bus whose name is not known offline: rules on it are reported where they name it.
            }
        }
        List<RuleDefinition> out = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (CloudFormation.Resource r : CloudFormation.resources(template, CFN_RULE, file)) {
            Fields f = new Fields(file, "resource " + r.logicalId() + " (" + CFN_RULE + ")");
            Node.Mapping p = r.properties();
            String name = optional(f, resolver, p, "Name").orElse(r.logicalId());
            Node patternNode = p.get("EventPattern");
            if (patternNode == null) {
                if (p.get("ScheduleExpression") != null) {
                    skipped.add("resource " + r.logicalId() + " (" + file + " line " + r.line() + "): a scheduled"
                            + " rule, without an event pattern");
                    continue;
                }
                throw f.error(p, "EventPattern is missing");
            }
            String pattern;
            try {
                Node resolved = resolver.resolveDeep(patternNode);
                pattern = resolved instanceof Node.Scalar s && s.type() == Node.ScalarType.STRING ? s.text()
                        : Documents.toJson(resolved);
            } catch (CloudFormation.Unresolvable e) {
                throw f.error(patternNode, "EventPattern cannot be resolved offline: it holds " + e.getMessage());
            }
            EventRule.Builder b = EventRule.builder(name).eventPattern(pattern);
            Optional<String> state = optional(f, resolver, p, "State");
            if (state.isPresent()) {
                try {
                    b.state(RuleState.fromAwsName(state.get()));
                } catch (IllegalArgumentException e) {
                    throw f.error(p.get("State"), e.getMessage());
                }
            }
            optional(f, resolver, p, "Description").ifPresent(b::description);
            Node bus = p.get("EventBusName");
            if (bus != null) {
                b.eventBusName(busName(f, resolver, bus, busNames));
            }
            Node targets = p.get("Targets");
            if (targets != null) {
                if (!(targets instanceof Node.Sequence list)) {
                    throw f.error(targets, "Targets must be a list");
                }
                for (Node t : list.items()) {
                    b.target(f.apiTarget(t, n -> required(f, resolver, n), n -> arnOrDescription(resolver, n)));
                }
            }
            out.add(new RuleDefinition(build(f, r.line(), b), r.logicalId(), file, r.line()));
        }
        return new RuleDefinitions(file, out, skipped);
    }

    private static Optional<String> optional(Fields f, CloudFormation.Resolver resolver, Node.Mapping m, String key) {
        Node n = m.get(key);
        return n == null ? Optional.empty() : Optional.of(required(f, resolver, n));
    }

    private static String required(Fields f, CloudFormation.Resolver resolver, Node n) {
        try {
            return resolver.resolve(n);
        } catch (CloudFormation.Unresolvable e) {
            throw f.error(n, "a value cannot be resolved offline: it is " + e.getMessage());
        }
    }

    /** A target's ARN, or, if it cannot be had offline, a description of it ({@code Ref Topic}). */
    private static String arnOrDescription(CloudFormation.Resolver resolver, Node n) {
        try {
            return resolver.resolve(n);
        } catch (CloudFormation.Unresolvable e) {
            return CloudFormation.describe(n);
        }
    }

    /** An EventBusName: literal, resolved, or a Ref/GetAtt to a bus of the template whose Name is known. */
    private static String busName(Fields f, CloudFormation.Resolver resolver, Node n, Map<String, String> buses) {
        try {
            return resolver.resolve(n);
        } catch (CloudFormation.Unresolvable e) {
            if (n instanceof Node.Mapping m && m.members().size() == 1) {
                Node arg = m.members().get(0).value();
                String logical = arg instanceof Node.Scalar s ? s.text()
                        : arg instanceof Node.Sequence seq && !seq.items().isEmpty()
                        && seq.items().get(0) instanceof Node.Scalar s ? s.text() : null;
                if (logical != null && buses.containsKey(logical)) {
                    return buses.get(logical);
                }
            }
            throw f.error(n, "EventBusName cannot be resolved offline: it is " + e.getMessage());
        }
    }

    // ---- Terraform

    private static RuleDefinitions terraform(Node.Mapping top, String file) {
        Node.Mapping module = Terraform.rootModule(top, file);
        List<Node.Mapping> ruleResources = Terraform.resources(module, TF_RULE);
        List<Node.Mapping> targetResources = Terraform.resources(module, TF_TARGET);
        List<String> skipped = new ArrayList<>();
        Map<String, EventRule.Builder> builders = new LinkedHashMap<>();
        Map<String, Node.Mapping> ruleNodes = new LinkedHashMap<>();
        Map<String, String> nameToAddress = new LinkedHashMap<>();
        for (Node.Mapping r : ruleResources) {
            String address = Terraform.address(r, TF_RULE);
            Fields f = new Fields(file, "resource " + address);
            Node.Mapping values = values(f, r);
            Optional<String> pattern = Terraform.text(values, "event_pattern");
            if (pattern.isEmpty()) {
                if (Terraform.text(values, "schedule_expression").isPresent()) {
                    skipped.add("resource " + address + " (" + file + " line " + r.line() + "): a scheduled rule,"
                            + " without an event pattern");
                    continue;
                }
                throw f.error(values, "values.event_pattern is missing: the plan does not know it (computed at"
                        + " apply?)");
            }
            String name = Terraform.text(values, "name").orElse(Terraform.text(r, "name").orElse(address));
            String bus = Terraform.text(values, "event_bus_name").orElse("default");
            EventRule.Builder b = EventRule.builder(name).eventPattern(pattern.get()).eventBusName(bus);
            Optional<String> state = Terraform.text(values, "state");
            if (state.isPresent() && !state.get().isEmpty()) {
                try {
                    b.state(RuleState.fromAwsName(state.get()));
                } catch (IllegalArgumentException e) {
                    throw f.error(values.get("state"), e.getMessage());
                }
            } else if (values.get("is_enabled") instanceof Node.Scalar s && s.text().equals("false")) {
                b.state(RuleState.DISABLED);
            }
            Terraform.text(values, "description").filter(d -> !d.isEmpty()).ifPresent(b::description);
            Terraform.text(values, "arn").ifPresent(b::arn);
            builders.put(address, b);
            ruleNodes.put(address, r);
            nameToAddress.put(build(f, r.line(), b).eventBusName() + "/" + name, address);
        }
        Map<String, List<Target>> targets = new LinkedHashMap<>();
        for (Node.Mapping t : targetResources) {
            String address = Terraform.address(t, TF_TARGET);
            Fields f = new Fields(file, "resource " + address);
            Node.Mapping values = values(f, t);
            String ruleAddress = ruleOf(f, top, t, address, values, nameToAddress);
            targets.computeIfAbsent(ruleAddress, a -> new ArrayList<>()).add(terraformTarget(f, top, address,
                    values));
        }
        List<RuleDefinition> out = new ArrayList<>();
        for (Map.Entry<String, EventRule.Builder> e : builders.entrySet()) {
            Node.Mapping r = ruleNodes.get(e.getKey());
            Fields f = new Fields(file, "resource " + e.getKey());
            targets.getOrDefault(e.getKey(), List.of()).forEach(e.getValue()::target);
            out.add(new RuleDefinition(build(f, r.line(), e.getValue()), e.getKey(), file, r.line()));
        }
        return new RuleDefinitions(file, out, skipped);
    }

    private static Node.Mapping values(Fields f, Node.Mapping resource) {
        if (!(resource.get("values") instanceof Node.Mapping values)) {
            throw f.error(resource, "has no values");
        }
        return values;
    }

    /** The address of the rule a target belongs to: by its rule's name and bus, else by its configuration. */
    private static String ruleOf(Fields f, Node.Mapping top, Node.Mapping target, String address,
                                 Node.Mapping values, Map<String, String> nameToAddress) {
        Optional<String> rule = Terraform.text(values, "rule");
        String bus = Terraform.text(values, "event_bus_name").orElse("default");
        if (rule.isPresent()) {
            String found = nameToAddress.get(bus + "/" + rule.get());
            if (found == null) {
                throw f.error(target, "its rule " + rule.get() + (bus.equals("default") ? "" : " on bus " + bus)
                        + " is not an aws_cloudwatch_event_rule of this plan");
            }
            return found;
        }
        String prefix = modulePrefix(address);
        for (String reference : references(top, address, "rule")) {
            if (reference.startsWith(TF_RULE + ".")) {
                String[] parts = reference.split("\\.");
                String candidate = prefix + TF_RULE + "." + parts[1];
                for (String known : nameToAddress.values()) {
                    if (known.equals(candidate) || known.startsWith(candidate + "[")) {
                        return known;
                    }
                }
            }
        }
        throw f.error(target, "the plan does not say its rule: values.rule is unknown and its configuration refers"
                + " to no aws_cloudwatch_event_rule of this plan");
    }

    private static Target terraformTarget(Fields f, Node.Mapping top, String address, Node.Mapping values) {
        String id = Terraform.text(values, "target_id").filter(s -> !s.isEmpty())
                .orElse(address.substring(address.lastIndexOf('.') + 1).replaceAll("[^.\\-_A-Za-z0-9]", "_"));
        String arn = Terraform.text(values, "arn").orElseGet(() -> {
            List<String> refs = references(top, address, "arn");
            return "(known after apply" + (refs.isEmpty() ? "" : ": " + refs.get(0)) + ")";
        });
        Target target = Target.of(id, arn);
        Optional<String> input = Terraform.text(values, "input").filter(s -> !s.isEmpty());
        Optional<String> inputPath = Terraform.text(values, "input_path").filter(s -> !s.isEmpty());
        Node transformer = values.get("input_transformer");
        boolean hasTransformer = transformer instanceof Node.Sequence s && !s.items().isEmpty();
        if ((input.isPresent() ? 1 : 0) + (inputPath.isPresent() ? 1 : 0) + (hasTransformer ? 1 : 0) > 1) {
            throw f.error(values, "Only one of Input, InputPath, or InputTransformer must be provided for target "
                    + id + ".");
        }
        if (input.isPresent()) {
            return target.withInput(input.get());
        }
        if (inputPath.isPresent()) {
            return target.withInputPath(inputPath.get());
        }
        if (hasTransformer) {
            Node block = ((Node.Sequence) transformer).items().get(0);
            if (!(block instanceof Node.Mapping m)) {
                throw f.error(block, "input_transformer must hold one block");
            }
            String template = Terraform.text(m, "input_template").orElseThrow(() -> f.error(m,
                    "input_transformer.input_template is missing"));
            Map<String, String> paths = m.get("input_paths") == null || m.get("input_paths") instanceof Node.Scalar
                    ? Map.of() : f.strings(m.get("input_paths"), "input_transformer.input_paths");
            return target.withInputTransformer(paths, template);
        }
        return target;
    }

    /** {@code module.a.module.b.} of an address (indexes dropped), or the empty string at the root. */
    private static String modulePrefix(String address) {
        StringBuilder sb = new StringBuilder();
        String[] parts = address.split("\\.");
        for (int i = 0; i + 1 < parts.length; i += 2) {
            if (!parts[i].equals("module")) {
                break;
            }
            sb.append("module.").append(parts[i + 1].replaceAll("\\[.*]$", "")).append('.');
        }
        return sb.toString();
    }

    /** The references of an expression of a resource's configuration ({@code configuration.root_module...}). */
    private static List<String> references(Node.Mapping top, String address, String expression) {
        if (!(top.get("configuration") instanceof Node.Mapping config)
                || !(config.get("root_module") instanceof Node.Mapping module)) {
            return List.of();
        }
        String rest = address;
        while (rest.startsWith("module.")) {
            String[] parts = rest.split("\\.", 3);
            String call = parts[1].replaceAll("\\[.*]$", "");
            if (!(module.get("module_calls") instanceof Node.Mapping calls)
                    || !(calls.get(call) instanceof Node.Mapping c) || !(c.get("module") instanceof Node.Mapping m)) {
                return List.of();
            }
            module = m;
            rest = parts.length > 2 ? parts[2] : "";
        }
        String configAddress = rest.replaceAll("\\[.*]$", "");
        if (!(module.get("resources") instanceof Node.Sequence resources)) {
            return List.of();
        }
        for (Node r : resources.items()) {
            if (r instanceof Node.Mapping m && Terraform.text(m, "address").map(configAddress::equals).orElse(false)
                    && m.get("expressions") instanceof Node.Mapping ex && ex.get(expression) instanceof Node.Mapping e
                    && e.get("references") instanceof Node.Sequence refs) {
                List<String> out = new ArrayList<>();
                for (Node ref : refs.items()) {
                    if (ref instanceof Node.Scalar s) {
                        out.add(s.text());
                    }
                }
                return out;
            }
        }
        return List.of();
    }

    @Override
    public String toString() {
        return file + ": " + rules.size() + " rules";
    }
}
