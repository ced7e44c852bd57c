package dev.cwfilter.events;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.event.ruler.Machine;

/**
 * Many rules matched at once, as EventBridge matches them: one event-ruler {@link Machine} per event bus holds every
 * rule of that bus, and an event is matched against the rules of its own bus in one pass. A rule's answer is then its
 * state's: {@code DISABLED} rules receive nothing, {@code ENABLED} rules no read-only management events.
 *
 * <pre>{@code
 * EventRuleSet rules = EventRuleSet.of(List.of(deleteOrRotate, rootSignIn));
 * for (RuleMatch m : rules.match(EventBridgeEvent.fromCloudTrail(record))) {
 *     m.payloads().forEach(p -> System.out.println(m.rule().name() + " → " + p.target().id() + ": " + p.payload()));
 * }
 * }</pre>
 *
 * <p>Immutable and thread-safe: the machines are built once and only read afterwards (event-ruler's machines are
 * safe for concurrent matching). Matching allocates as event-ruler does (it parses each event into its own index).
 */
public final class EventRuleSet {

    private final List<EventRule> rules;
    private final Map<String, Machine> machines;
    private final Map<String, Map<String, Integer>> index;

    private EventRuleSet(List<EventRule> rules, Map<String, Machine> machines, Map<String, Map<String, Integer>> index) {
        this.rules = rules;
        this.machines = machines;
        this.index = index;
    }

    /**
     * The set of these rules.
     *
     * @throws EventRuleException if two rules on one bus have the same name, or event-ruler rejects a rule
     */
    public static EventRuleSet of(Collection<EventRule> rules) {
        List<EventRule> list = List.copyOf(rules);
        Map<String, Machine> machines = new HashMap<>();
        Map<String, Map<String, Integer>> index = new HashMap<>();
        for (int i = 0; i < list.size(); i++) {
            EventRule rule = list.get(i);
            Map<String, Integer> names = index.computeIfAbsent(rule.eventBusName(), b -> new LinkedHashMap<>());
            if (names.putIfAbsent(rule.name(), i) != null) {
                throw new EventRuleException(rule.name(), "Name", "two rules on the bus " + rule.eventBusName()
                        + " have this name");
            }
            Machine machine = machines.computeIfAbsent(rule.eventBusName(), b -> Machine.builder().build());
            try {
                machine.addRule(rule.name(), rule.eventPattern());
            } catch (IOException | RuntimeException e) {
                throw new EventRuleException(rule.name(), "EventPattern", String.valueOf(e.getMessage()));
            }
        }
        return new EventRuleSet(list, Map.copyOf(machines), Map.copyOf(index));
    }

    /** The set of these rules. */
    public static EventRuleSet of(EventRule... rules) {
        return of(List.of(rules));
    }

    /** The rules, in the order given. */
    public List<EventRule> rules() {
        return rules;
    }

    /** The rules EventBridge delivers the event to, in the set's order. */
    public List<RuleMatch> match(EventBridgeEvent event) {
        List<RuleMatch> all = matchPatterns(event);
        List<RuleMatch> delivered = new ArrayList<>(all.size());
        for (RuleMatch m : all) {
            if (m.delivered()) {
                delivered.add(m);
            }
        }
        return delivered;
    }

    /**
     * Every rule of the event's bus whose pattern matches the event, in the set's order, including those whose state
     * keeps the event from them ({@link RuleMatch#delivered()} false, with the reason).
     */
    public List<RuleMatch> matchPatterns(EventBridgeEvent event) {
        Objects.requireNonNull(event, "event");
        Machine machine = machines.get(event.eventBus());
        if (machine == null) {
            return List.of();
        }
        List<String> names;
        try {
            names = machine.rulesForJSONEvent(event.toJson());
        } catch (Exception e) {
            // The envelope is always a well-formed JSON object, which event-ruler always takes.
            throw new IllegalStateException("event-ruler could not read an event: " + e.getMessage(), e);
        }
        if (names.isEmpty()) {
            return List.of();
        }
        Map<String, Integer> positions = index.get(event.eventBus());
        int[] matched = new int[names.size()];
        for (int i = 0; i < matched.length; i++) {
            matched[i] = positions.get(names.get(i));
        }
        java.util.Arrays.sort(matched);
        List<RuleMatch> out = new ArrayList<>(matched.length);
        for (int i : matched) {
            EventRule rule = rules.get(i);
            out.add(new RuleMatch(rule, event, notDeliveredBecause(rule, event)));
        }
        return out;
    }

    /** Why a rule whose pattern matches does not receive the event, or null if it does. */
    static String notDeliveredBecause(EventRule rule, EventBridgeEvent event) {
        if (rule.state().receives(event)) {
            return null;
        }
        if (rule.state() == RuleState.DISABLED) {
            return "the rule is DISABLED";
        }
        return "a read-only management event reaches only rules in state ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS,"
                + " and the rule is ENABLED";
    }

    /** Whether EventBridge delivers the event to the rule of this name (on the event's bus). */
    public boolean matches(String ruleName, EventBridgeEvent event) {
        for (RuleMatch m : match(event)) {
            if (m.rule().name().equals(ruleName)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return rules.size() + " rules";
    }
}
