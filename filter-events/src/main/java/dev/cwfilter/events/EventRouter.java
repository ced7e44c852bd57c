package dev.cwfilter.events;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Routes events as EventBridge does: each event goes to the rules of an {@link EventRuleSet} that receive it, and
 * each of their targets' payloads to the {@link EventTarget} wired for the target's ARN. A payload that EventBridge
 * would not send (a transformed input that is not JSON), or whose ARN has no target wired, is reported to the
 * {@link NotDeliveredListener}, never dropped unannounced.
 *
 * <pre>{@code
 * EventRouter router = EventRouter.builder(rules)
 *         .sendTo("arn:aws:sns:", snsTarget)                // every SNS topic
 *         .otherwise(PrintingTarget.to(System.out))          // everything else
 *         .onNotDelivered((match, p) -> log.warn(match.rule().name() + ": " + p.notDeliveredBecause().get()))
 *         .build();
 * router.accept(EventBridgeEvent.fromCloudTrail(record));
 * }</pre>
 *
 * <p>Immutable and thread-safe if its targets and listener are.
 */
public final class EventRouter {

    /** Hears of each payload that is not delivered, and why. */
    @FunctionalInterface
    public interface NotDeliveredListener {
        /**
         * A target of a matched rule receives nothing.
         *
         * @param match   the rule's match
         * @param payload the target and the reason
         */
        void notDelivered(RuleMatch match, TargetPayload payload);
    }

    private final EventRuleSet rules;
    private final Map<String, EventTarget> byArnPrefix;
    private final EventTarget otherwise;
    private final NotDeliveredListener notDelivered;

    private EventRouter(Builder b) {
        this.rules = b.rules;
        this.byArnPrefix = new LinkedHashMap<>(b.byArnPrefix);
        this.otherwise = b.otherwise;
        this.notDelivered = b.notDelivered;
    }

    /** A builder routing to no target until told. */
    public static Builder builder(EventRuleSet rules) {
        return new Builder(rules);
    }

    /** The rules. */
    public EventRuleSet rules() {
        return rules;
    }

    /**
     * Routes one event: every delivered payload to its target, every other to the listener.
     *
     * @return the rules that received the event
     */
    public List<RuleMatch> accept(EventBridgeEvent event) {
        List<RuleMatch> matches = rules.match(event);
        for (RuleMatch m : matches) {
            for (TargetPayload p : m.payloads()) {
                if (!p.delivered()) {
                    notDelivered.notDelivered(m, p);
                    continue;
                }
                EventTarget target = targetFor(p.target().arn());
                if (target == null) {
                    notDelivered.notDelivered(m, TargetPayload.dropped(p.target(), "no EventTarget is wired for "
                            + p.target().arn()));
                    continue;
                }
                target.deliver(new TargetDelivery(m.rule(), p.target(), event, p.payload().orElseThrow()));
            }
        }
        return matches;
    }

    private EventTarget targetFor(String arn) {
        EventTarget best = null;
        int bestLength = -1;
        for (Map.Entry<String, EventTarget> e : byArnPrefix.entrySet()) {
            if (arn.startsWith(e.getKey()) && e.getKey().length() > bestLength) {
                best = e.getValue();
                bestLength = e.getKey().length();
            }
        }
        return best != null ? best : otherwise;
    }

    /** Builds a router. Not thread-safe; the routers it builds are. */
    public static final class Builder {
        private final EventRuleSet rules;
        private final Map<String, EventTarget> byArnPrefix = new LinkedHashMap<>();
        private EventTarget otherwise;
        private NotDeliveredListener notDelivered;

        Builder(EventRuleSet rules) {
            this.rules = Objects.requireNonNull(rules, "rules");
        }

        /**
         * Sends the payloads of targets whose ARN starts with {@code arnPrefix} ({@code arn:aws:sns:}, one topic's
         * whole ARN) to this target; the longest matching prefix wins.
         */
        public Builder sendTo(String arnPrefix, EventTarget target) {
            byArnPrefix.put(Objects.requireNonNull(arnPrefix, "arnPrefix"), Objects.requireNonNull(target, "target"));
            return this;
        }

        /** Sends every payload no prefix claims to this target. */
        public Builder otherwise(EventTarget target) {
            this.otherwise = Objects.requireNonNull(target, "target");
            return this;
        }

        /** Hears of the payloads not delivered (required: none is dropped unannounced). */
        public Builder onNotDelivered(NotDeliveredListener listener) {
            this.notDelivered = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /**
         * The router.
         *
         * @throws IllegalStateException if no {@link #onNotDelivered} listener was given
         */
        public EventRouter build() {
            if (notDelivered == null) {
                throw new IllegalStateException("say who hears of the payloads that are not delivered:"
                        + " onNotDelivered(listener)");
            }
            return new EventRouter(this);
        }
    }

    @Override
    public String toString() {
        List<String> wired = new ArrayList<>(byArnPrefix.keySet());
        return "router of " + rules + " to " + wired + (otherwise == null ? "" : " and a default target");
    }
}
