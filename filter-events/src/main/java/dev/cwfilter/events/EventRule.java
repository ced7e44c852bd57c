package dev.cwfilter.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cwfilter.events.internal.EventPatterns;
import dev.cwfilter.events.internal.InputPaths;
import dev.cwfilter.events.internal.JsonText;
import dev.cwfilter.events.internal.Templates;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An EventBridge rule: a name, an event pattern, a state and up to five targets, each receiving the event, a
 * constant, a part of the event or a filled template. Built with {@link #builder(String)}, which checks everything
 * PutRule and PutTargets check: the pattern by event-ruler (the matcher EventBridge uses), the name, the targets'
 * ids, inputs, paths and templates. Match rules with an {@link EventRuleSet}.
 *
 * <pre>{@code
 * EventRule rule = EventRule.builder("secret-delete-or-rotate")
 *         .eventPattern("{\"source\":[\"aws.secretsmanager\"],\"detail\":{\"eventName\":[\"DeleteSecret\"]}}")
 *         .target(Target.of("notify", "arn:aws:sns:us-east-1:123456789012:alerts"))
 *         .build();
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class EventRule {

    /** The most targets a rule has. */
    public static final int MAX_TARGETS = 5;
    /** The longest {@code Input} and {@code InputTemplate}, in characters. */
    public static final int MAX_INPUT_LENGTH = 8192;
    /** The most {@code InputPathsMap} entries. */
    public static final int MAX_INPUT_PATHS = 100;

    private static final Pattern NAME = Pattern.compile("[.\\-_A-Za-z0-9]{1,64}");

    private final String name;
    private final String eventPattern;
    private final RuleState state;
    private final String eventBusName;
    private final Optional<String> description;
    private final Optional<String> arn;
    private final List<Target> targets;
    private final List<Compiled> compiled;

    private EventRule(Builder b, List<Compiled> compiled) {
        this.name = b.name;
        this.eventPattern = b.eventPattern;
        this.state = b.state;
        this.eventBusName = b.eventBusName;
        this.description = Optional.ofNullable(b.description);
        this.arn = Optional.ofNullable(b.arn);
        this.targets = List.copyOf(b.targets);
        this.compiled = List.copyOf(compiled);
    }

    /** A builder of a rule with this name: {@code ENABLED}, on the default bus, without targets. */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** A rule with this name and pattern, {@code ENABLED}, on the default bus, without targets. */
    public static EventRule of(String name, String eventPattern) {
        return builder(name).eventPattern(eventPattern).build();
    }

    /** {@code Name}. */
    public String name() {
        return name;
    }

    /** {@code EventPattern}, as written. */
    public String eventPattern() {
        return eventPattern;
    }

    /** {@code State}. */
    public RuleState state() {
        return state;
    }

    /** {@code EventBusName}: {@code default} unless said otherwise. */
    public String eventBusName() {
        return eventBusName;
    }

    /** {@code Description}, if any. */
    public Optional<String> description() {
        return description;
    }

    /** {@code Arn}, if known (rules read from {@code list-rules} have one). */
    public Optional<String> arn() {
        return arn;
    }

    /** The targets, in order. */
    public List<Target> targets() {
        return targets;
    }

    /**
     * The rule's ARN as {@code <aws.events.rule-arn>} gives it: its own, or else the one EventBridge gives a rule of
     * this name in the event's account and region ({@code arn:aws:events:<region>:<account>:rule/<name>}, with the
     * bus's name before the rule's on a custom bus).
     */
    public String arnFor(EventBridgeEvent event) {
        return arn.orElseGet(() -> "arn:aws:events:" + event.region() + ":" + event.account() + ":rule/"
                + (eventBusName.equals(EventBridgeEvent.DEFAULT_BUS) ? "" : eventBusName + "/") + name);
    }

    /** The same rule in another state. */
    public EventRule withState(RuleState newState) {
        return toBuilder().state(newState).build();
    }

    /** A builder holding this rule's settings. */
    public Builder toBuilder() {
        Builder b = new Builder(name).eventPattern(eventPattern).state(state).eventBusName(eventBusName);
        description.ifPresent(b::description);
        arn.ifPresent(b::arn);
        targets.forEach(b::target);
        return b;
    }

    /**
     * What each target receives for an event this rule matched, as EventBridge computes it. (Whether the rule
     * matches is not checked here: ask an {@link EventRuleSet}.)
     */
    public List<TargetPayload> payloadsFor(EventBridgeEvent event) {
        List<TargetPayload> out = new ArrayList<>(targets.size());
        for (int i = 0; i < targets.size(); i++) {
            out.add(compiled.get(i).payload(this, targets.get(i), event));
        }
        return out;
    }

    /**
     * Why EventBridge delivers the event to this rule or not, field by field of the pattern (see
     * {@link RuleExplanation}); slower than an {@link EventRuleSet}, for messages and tests.
     */
    public RuleExplanation explain(EventBridgeEvent event) {
        return RuleExplanation.of(this, Objects.requireNonNull(event, "event"));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EventRule r && name.equals(r.name) && eventPattern.equals(r.eventPattern)
                && state == r.state && eventBusName.equals(r.eventBusName) && description.equals(r.description)
                && arn.equals(r.arn) && targets.equals(r.targets);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, eventPattern, state, eventBusName);
    }

    /** {@code name (STATE): pattern}. */
    @Override
    public String toString() {
        return name + " (" + state + (eventBusName.equals(EventBridgeEvent.DEFAULT_BUS) ? "" : ", bus "
                + eventBusName) + "): " + eventPattern;
    }

    /** A target's input, compiled. */
    private sealed interface Compiled {
        TargetPayload payload(EventRule rule, Target target, EventBridgeEvent event);
    }

    private record WholeEvent() implements Compiled {
        @Override
        public TargetPayload payload(EventRule rule, Target target, EventBridgeEvent event) {
            return TargetPayload.delivered(target, event.toJson());
        }
    }

    private record Constant(String json) implements Compiled {
        @Override
        public TargetPayload payload(EventRule rule, Target target, EventBridgeEvent event) {
            return TargetPayload.delivered(target, json);
        }
    }

    private record PathInput(InputPaths.Path path) implements Compiled {
        @Override
        public TargetPayload payload(EventRule rule, Target target, EventBridgeEvent event) {
            JsonNode value = path.select(event.tree());
            if (value == null) {
                return TargetPayload.dropped(target, "InputPath " + path + " selects nothing in the event");
            }
            return TargetPayload.delivered(target, JsonText.write(value));
        }
    }

    private record TransformerInput(Map<String, InputPaths.Path> paths, Templates.Template template)
            implements Compiled {
        @Override
        public TargetPayload payload(EventRule rule, Target target, EventBridgeEvent event) {
            JsonNode tree = event.tree();
            Map<String, JsonNode> values = new HashMap<>();
            for (Map.Entry<String, InputPaths.Path> e : paths.entrySet()) {
                values.put(e.getKey(), e.getValue().select(tree));
            }
            JsonNodeFactory nodes = JsonNodeFactory.instance;
            for (String name : template.names()) {
                switch (name) {
                    case Templates.RULE_ARN -> values.put(name, nodes.textNode(rule.arnFor(event)));
                    case Templates.RULE_NAME -> values.put(name, nodes.textNode(rule.name()));
                    case Templates.INGESTION_TIME -> values.put(name, nodes.textNode(event.ingestionTime()));
                    case Templates.EVENT -> values.put(name, withoutDetail(tree));
                    case Templates.EVENT_JSON -> values.put(name, tree);
                    default -> {
                    }
                }
            }
            String filled = template.fill(values);
            if (filled == null) {
                return TargetPayload.dropped(target, "the transformed input is not valid JSON, and EventBridge does"
                        + " not deliver it (nor says so)");
            }
            return TargetPayload.delivered(target, filled);
        }

        /** {@code <aws.events.event>}: the envelope without detail, {@code detail-type} spelled {@code detailType}. */
        private static JsonNode withoutDetail(JsonNode event) {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            event.fields().forEachRemaining(e -> {
                if (e.getKey().equals("detail-type")) {
                    out.set("detailType", e.getValue());
                } else if (!e.getKey().equals("detail")) {
                    out.set(e.getKey(), e.getValue());
                }
            });
            return out;
        }
    }

    /**
     * Builds a rule, checking it as PutRule and PutTargets do. Not thread-safe; the rules it builds are.
     */
    public static final class Builder {
        private final String name;
        private String eventPattern;
        private RuleState state = RuleState.ENABLED;
        private String eventBusName = EventBridgeEvent.DEFAULT_BUS;
        private String description;
        private String arn;
        private final List<Target> targets = new ArrayList<>();

        Builder(String name) {
            this.name = Objects.requireNonNull(name, "name");
        }

        /** {@code EventPattern}: JSON text. */
        public Builder eventPattern(String json) {
            this.eventPattern = Objects.requireNonNull(json, "eventPattern");
            return this;
        }

        /** {@code State}; default {@code ENABLED}. */
        public Builder state(RuleState value) {
            this.state = Objects.requireNonNull(value, "state");
            return this;
        }

        /** {@code EventBusName}: a bus's name or ARN; default {@code default}. */
        public Builder eventBusName(String value) {
            Objects.requireNonNull(value, "eventBusName");
            int slash = value.startsWith("arn:") ? value.lastIndexOf(":event-bus/") : -1;
            this.eventBusName = slash >= 0 ? value.substring(slash + ":event-bus/".length()) : value;
            return this;
        }

        /** {@code Description}. */
        public Builder description(String value) {
            this.description = Objects.requireNonNull(value, "description");
            return this;
        }

        /** {@code Arn}: the rule's own ARN, if known. */
        public Builder arn(String value) {
            this.arn = Objects.requireNonNull(value, "arn");
            return this;
        }

        /** Adds a target. */
        public Builder target(Target target) {
            targets.add(Objects.requireNonNull(target, "target"));
            return this;
        }

        /** Replaces the targets. */
        public Builder targets(List<Target> list) {
            targets.clear();
            list.forEach(this::target);
            return this;
        }

        /**
         * The rule.
         *
         * @throws EventRuleException naming the rule and the part EventBridge would reject
         */
        public EventRule build() {
            if (!NAME.matcher(name).matches()) {
                throw new EventRuleException(name, "Name", "a rule's name is 1 to 64 of the characters . - _ A-Z a-z"
                        + " 0-9" + (name.isEmpty() ? "" : ", not '" + name + "'"));
            }
            if (eventPattern == null) {
                throw new EventRuleException(name, "EventPattern", "the rule has no event pattern");
            }
            EventPatterns.Problem problem = EventPatterns.check(eventPattern);
            if (problem != null) {
                throw new EventRuleException(name, problem.part(), problem.describe());
            }
            if (eventBusName.isEmpty()) {
                throw new EventRuleException(name, "EventBusName", "the bus's name is empty");
            }
            if (targets.size() > MAX_TARGETS) {
                throw new EventRuleException(name, "Targets", "a rule has at most " + MAX_TARGETS + " targets, not "
                        + targets.size());
            }
            Set<String> ids = new HashSet<>();
            List<Compiled> compiled = new ArrayList<>();
            for (Target t : targets) {
                String part = "target " + t.id();
                if (!NAME.matcher(t.id()).matches()) {
                    throw new EventRuleException(name, "target " + (t.id().isEmpty() ? "(no id)" : t.id()), "a"
                            + " target's Id is 1 to 64 of the characters . - _ A-Z a-z 0-9");
                }
                if (!ids.add(t.id())) {
                    throw new EventRuleException(name, part, "two targets have the Id " + t.id());
                }
                if (t.arn().isEmpty()) {
                    throw new EventRuleException(name, part, "the target has no Arn");
                }
                compiled.add(compile(part, t));
            }
            return new EventRule(this, compiled);
        }

        private Compiled compile(String part, Target t) {
            TargetInput input = t.input();
            if (input instanceof TargetInput.WholeEvent) {
                return new WholeEvent();
            }
            if (input instanceof TargetInput.Constant c) {
                if (c.json().length() > MAX_INPUT_LENGTH) {
                    throw new EventRuleException(name, part + " Input", "Input is " + c.json().length()
                            + " characters long; EventBridge takes " + MAX_INPUT_LENGTH + " at most");
                }
                if (!JsonText.isValid(c.json())) {
                    throw new EventRuleException(name, part + " Input", "Input must be valid JSON text: "
                            + abbreviate(c.json()));
                }
                return new Constant(c.json());
            }
            if (input instanceof TargetInput.Path p) {
                return new PathInput(path(part + " InputPath", p.path()));
            }
            TargetInput.Transformer tr = (TargetInput.Transformer) input;
            if (tr.inputPathsMap().size() > MAX_INPUT_PATHS) {
                throw new EventRuleException(name, part + " InputPathsMap", "InputPathsMap has "
                        + tr.inputPathsMap().size() + " entries; EventBridge takes " + MAX_INPUT_PATHS + " at most");
            }
            Map<String, InputPaths.Path> paths = new LinkedHashMap<>();
            for (Map.Entry<String, String> e : tr.inputPathsMap().entrySet()) {
                String key = e.getKey();
                if (key.isEmpty() || key.regionMatches(true, 0, "AWS.", 0, 4) || Templates.isReserved(key)) {
                    throw new EventRuleException(name, part + " InputPathsMap", "the key '" + key + "' is reserved"
                            + " (keys must not be empty nor start with AWS.)");
                }
                paths.put(key, path(part + " InputPathsMap." + key, e.getValue()));
            }
            String template = tr.inputTemplate();
            if (template.isEmpty() || template.length() > MAX_INPUT_LENGTH) {
                throw new EventRuleException(name, part + " InputTemplate", "InputTemplate is 1 to "
                        + MAX_INPUT_LENGTH + " characters long, not " + template.length());
            }
            try {
                return new TransformerInput(paths, Templates.compile(template, t.id(), paths.keySet()));
            } catch (IllegalArgumentException e) {
                throw new EventRuleException(name, part + " InputTemplate", e.getMessage());
            }
        }

        private InputPaths.Path path(String part, String text) {
            try {
                return InputPaths.compile(text);
            } catch (IllegalArgumentException e) {
                throw new EventRuleException(name, part, e.getMessage());
            }
        }

        private static String abbreviate(String s) {
            return s.length() <= 60 ? s : s.substring(0, 57) + "...";
        }
    }
}
