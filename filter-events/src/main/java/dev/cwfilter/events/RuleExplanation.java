package dev.cwfilter.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cwfilter.events.internal.JsonText;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.event.ruler.Machine;

/**
 * Why a rule receives an event or not, clause by clause: each field of the pattern (each array of values, at its
 * path) is asked of event-ruler alone, so that a failure can say which field decided and what the event holds there:
 * <pre>
 * detail.eventName ["DeleteSecret","RotateSecret"] fails ("ListSecrets")
 * </pre>
 * The verdict itself is always the whole rule's, from event-ruler; the clauses only explain it. When every clause
 * matches alone and the whole pattern does not, the explanation says so (event-ruler matches the fields of one array
 * element together).
 *
 * <p>Immutable and thread-safe.
 */
public final class RuleExplanation {

    private final boolean patternMatched;
    private final String notDeliveredBecause;
    private final List<String> decidedBy;
    private final List<List<String>> fields;

    private RuleExplanation(boolean patternMatched, String notDeliveredBecause, List<String> decidedBy,
                            List<List<String>> fields) {
        this.patternMatched = patternMatched;
        this.notDeliveredBecause = notDeliveredBecause;
        this.decidedBy = List.copyOf(decidedBy);
        this.fields = List.copyOf(fields);
    }

    /** Whether EventBridge delivers the event to the rule. */
    public boolean matched() {
        return patternMatched && notDeliveredBecause == null;
    }

    /** Whether the rule's pattern matches the event, whatever its state. */
    public boolean patternMatched() {
        return patternMatched;
    }

    /** Why the pattern matched and the rule still does not receive the event (its state). */
    public Optional<String> notDeliveredBecause() {
        return Optional.ofNullable(notDeliveredBecause);
    }

    /** What decided, one line per clause (or state) that did. */
    public List<String> decidedBy() {
        return decidedBy;
    }

    /** The paths of the event the pattern reads, each a list of names ({@code [detail, eventName]}). */
    public List<List<String>> fields() {
        return fields;
    }

    @Override
    public String toString() {
        return (matched() ? "match: " : "no match: ") + String.join("; ", decidedBy);
    }

    /** One field of a pattern: its path and its array of values. */
    private record Clause(List<String> path, JsonNode values) {
        String describe() {
            return String.join(".", path) + " " + JsonText.write(values);
        }
    }

    /** A conjunction of clauses and of {@code $or}s, each a list of alternative groups. */
    private record Group(List<Clause> clauses, List<List<Group>> ors) {
    }

    static RuleExplanation of(EventRule rule, EventBridgeEvent event) {
        JsonNode pattern;
        try {
            pattern = JsonText.tree(rule.eventPattern());
        } catch (IOException e) {
            throw new UncheckedIOException("a checked pattern does not parse", e);
        }
        Group top = new Group(new ArrayList<>(), new ArrayList<>());
        collect(pattern, List.of(), top);
        List<List<String>> fields = new ArrayList<>();
        paths(top, fields);
        JsonNode tree = event.tree();
        String json = event.toJson();
        boolean matched = matches(json, rule.eventPattern());
        String state = EventRuleSet.notDeliveredBecause(rule, event);
        List<String> lines = new ArrayList<>();
        if (matched) {
            describeMatch(top, json, tree, lines);
            if (state != null) {
                lines.add(state);
            }
            return new RuleExplanation(true, state, lines, fields);
        }
        for (Clause c : top.clauses()) {
            if (!matches(json, c)) {
                lines.add(c.describe() + " fails (" + actual(tree, c.path()) + ")");
            }
        }
        for (List<Group> or : top.ors()) {
            List<String> branches = new ArrayList<>();
            boolean any = false;
            for (Group g : or) {
                List<String> failing = new ArrayList<>();
                describeFailures(g, json, tree, failing);
                any |= failing.isEmpty();
                branches.add(failing.isEmpty() ? "(matches)" : String.join(" and ", failing));
            }
            if (!any) {
                lines.add("no branch of $or matches: " + String.join(" / ", branches));
            }
        }
        if (lines.isEmpty()) {
            lines.add("every field matches on its own, but not together: event-ruler matches the fields of one"
                    + " array element together, and here they come from different elements");
        }
        return new RuleExplanation(false, null, lines, fields);
    }

    private static void describeFailures(Group g, String json, JsonNode tree, List<String> out) {
        for (Clause c : g.clauses()) {
            if (!matches(json, c)) {
                out.add(c.describe() + " fails (" + actual(tree, c.path()) + ")");
            }
        }
        for (List<Group> or : g.ors()) {
            boolean any = false;
            for (Group branch : or) {
                List<String> failing = new ArrayList<>();
                describeFailures(branch, json, tree, failing);
                any |= failing.isEmpty();
            }
            if (!any) {
                out.add("no branch of a nested $or matches");
            }
        }
    }

    private static void describeMatch(Group g, String json, JsonNode tree, List<String> out) {
        for (Clause c : g.clauses()) {
            out.add(c.describe() + " matches (" + actual(tree, c.path()) + ")");
        }
        for (List<Group> or : g.ors()) {
            for (Group branch : or) {
                List<String> failing = new ArrayList<>();
                describeFailures(branch, json, tree, failing);
                if (failing.isEmpty()) {
                    describeMatch(branch, json, tree, out);
                    break;
                }
            }
        }
    }

    private static void collect(JsonNode node, List<String> prefix, Group into) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().equals("$or") && e.getValue().isArray()) {
                List<Group> branches = new ArrayList<>();
                for (JsonNode branch : e.getValue()) {
                    Group g = new Group(new ArrayList<>(), new ArrayList<>());
                    collect(branch, prefix, g);
                    branches.add(g);
                }
                into.ors().add(branches);
                continue;
            }
            List<String> path = new ArrayList<>(prefix);
            path.add(e.getKey());
            if (e.getValue().isObject()) {
                collect(e.getValue(), path, into);
            } else {
                into.clauses().add(new Clause(List.copyOf(path), e.getValue()));
            }
        }
    }

    private static void paths(Group g, List<List<String>> out) {
        for (Clause c : g.clauses()) {
            if (!out.contains(c.path())) {
                out.add(c.path());
            }
        }
        for (List<Group> or : g.ors()) {
            for (Group branch : or) {
                paths(branch, out);
            }
        }
    }

    private static boolean matches(String event, Clause c) {
        ObjectNode pattern = JsonNodeFactory.instance.objectNode();
        ObjectNode node = pattern;
        for (int i = 0; i < c.path().size() - 1; i++) {
            node = node.putObject(c.path().get(i));
        }
        node.set(c.path().get(c.path().size() - 1), c.values());
        return matches(event, JsonText.write(pattern));
    }

    private static boolean matches(String event, String pattern) {
        try {
            Machine machine = Machine.builder().build();
            machine.addRule("explain", pattern);
            return !machine.rulesForJSONEvent(event).isEmpty();
        } catch (Exception e) {
            throw new IllegalStateException("event-ruler failed on a checked pattern: " + e.getMessage(), e);
        }
    }

    /** What the event holds at a path: its values (through arrays), or "nothing". */
    private static String actual(JsonNode event, List<String> path) {
        List<JsonNode> values = new ArrayList<>();
        at(event, path, 0, values);
        if (values.isEmpty()) {
            return "the event has no " + String.join(".", path);
        }
        List<String> shown = new ArrayList<>();
        for (int i = 0; i < values.size() && i < 3; i++) {
            String v = JsonText.write(values.get(i));
            shown.add(v.length() > 60 ? v.substring(0, 57) + "…" : v);
        }
        return String.join(", ", shown) + (values.size() > 3 ? ", … (" + values.size() + " values)" : "");
    }

    private static void at(JsonNode node, List<String> path, int i, List<JsonNode> out) {
        if (node == null) {
            return;
        }
        if (node.isArray()) {
            for (JsonNode element : node) {
                at(element, path, i, out);
            }
            return;
        }
        if (i == path.size()) {
            out.add(node);
            return;
        }
        if (node.isObject()) {
            at(node.get(path.get(i)), path, i + 1, out);
        }
    }
}
