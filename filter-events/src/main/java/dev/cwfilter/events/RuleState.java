package dev.cwfilter.events;

/**
 * A rule's {@code State} (EventBridge API {@code RuleState}).
 *
 * <p>Immutable and thread-safe.
 */
public enum RuleState {
    /** The rule receives events, but not read-only management events ({@code List*}, {@code Get*}, {@code Describe*}). */
    ENABLED,
    /** The rule receives nothing. */
    DISABLED,
    /** The rule receives every event, read-only management events included. */
    ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS;

    /**
     * The state with this API name ({@code ENABLED}, {@code DISABLED},
     * {@code ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS}).
     *
     * @throws IllegalArgumentException naming the states there are
     */
    public static RuleState fromAwsName(String name) {
        for (RuleState s : values()) {
            if (s.name().equals(name)) {
                return s;
            }
        }
        String hint = "";
        for (RuleState s : values()) {
            if (s.name().equalsIgnoreCase(name == null ? "" : name.trim())) {
                hint = " (states are written in capitals: " + s.name() + ")";
            }
        }
        throw new IllegalArgumentException("unknown rule state '" + name + "'; EventBridge knows ENABLED, DISABLED and "
                + "ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS" + hint);
    }

    /** Whether a rule in this state receives this event (ignoring its pattern). */
    public boolean receives(EventBridgeEvent event) {
        switch (this) {
            case DISABLED:
                return false;
            case ENABLED:
                return !event.isReadOnlyManagementEvent();
            default:
                return true;
        }
    }
}
