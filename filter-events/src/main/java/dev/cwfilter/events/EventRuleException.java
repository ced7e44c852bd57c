package dev.cwfilter.events;

import java.util.Objects;

/**
 * A rule EventBridge would reject: an invalid event pattern (event-ruler's own check, with where in the pattern),
 * name, state or target. The message names the rule and the offending part, such as
 * <pre>
 * rule secret-delete-or-rotate: EventPattern at detail.eventName: Empty arrays are not allowed (line 1, column 58)
 *   {"source":["aws.secretsmanager"],"detail":{"eventName":[]}}
 *                                                            ^
 * </pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class EventRuleException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String ruleName;
    private final String part;
    private final String problem;

    /**
     * A rejected rule.
     *
     * @param ruleName the rule's name, or the empty string if it has none yet
     * @param part     what is wrong: {@code Name}, {@code EventPattern at detail.eventName}, {@code target notify}
     * @param problem  why, in plain words (with an excerpt on following lines, if any)
     */
    public EventRuleException(String ruleName, String part, String problem) {
        super("rule " + (Objects.requireNonNull(ruleName, "ruleName").isEmpty() ? "(no name)" : ruleName) + ": "
                + Objects.requireNonNull(part, "part") + ": " + Objects.requireNonNull(problem, "problem"));
        this.ruleName = ruleName;
        this.part = part;
        this.problem = problem;
    }

    /** The rule's name (empty if it has none). */
    public String ruleName() {
        return ruleName;
    }

    /** The offending part: {@code Name}, {@code EventPattern at detail.eventName}, {@code target notify}, ... */
    public String part() {
        return part;
    }

    /** Why the part is rejected. */
    public String problem() {
        return problem;
    }
}
