package dev.cwfilter.testkit;

import dev.cwfilter.metric.AlarmState;
import dev.cwfilter.metric.AlarmStateChange;
import java.util.List;
import java.util.Objects;
import org.assertj.core.api.ListAssert;

/**
 * Assertions about the transitions of an alarm into one state, from {@link AlarmAssert#goesTo(AlarmState)}: when
 * they happen and why. Continue with another {@code goesTo}, {@code neverGoesTo} or {@code endsIn} on the same
 * replay:
 *
 * <pre>{@code
 * .goesTo(ALARM).at("12:04").withReasonContaining("1 out of the last 1 datapoints")
 * .goesTo(OK).at("12:05");
 * }</pre>
 *
 * <p>Not thread-safe, like every AssertJ assertion.
 */
public final class AlarmTransitionAssert {

    private final AlarmAssert alarm;
    private final AlarmAssert.Replay replay;
    private final AlarmState state;
    private final List<AlarmStateChange> into;
    private AlarmStateChange selected;

    AlarmTransitionAssert(AlarmAssert alarm, AlarmAssert.Replay replay, AlarmState state,
                          List<AlarmStateChange> into) {
        this.alarm = alarm;
        this.replay = replay;
        this.state = state;
        this.into = into;
        this.selected = into.get(0);
    }

    /**
     * Asserts that one of the transitions into the state happens at this time: a UTC time of day ({@code "12:04"},
     * on the date of the earliest event) or a full timestamp. A transition happens when the period that caused it
     * ends.
     */
    public AlarmTransitionAssert at(String time) {
        long t = replay.time(Objects.requireNonNull(time, "time"));
        for (AlarmStateChange c : into) {
            if (c.timestamp() == t) {
                selected = c;
                return this;
            }
        }
        var facts = replay.facts("the alarm to go to " + state + " at " + replay.format(t));
        long period = replay.alarm.periodSeconds() * 1000L;
        for (AlarmStateChange c : into) {
            if (c.timestamp() == t + period) {
                facts.add("note", "a transition happens when its period ends: the period starting at "
                        + replay.format(t) + " is evaluated at " + replay.format(t + period));
                break;
            }
        }
        alarm.fail(facts);
        return this;
    }

    /** Asserts that the transition (the one {@link #at} found, or else the first into the state) gives this reason. */
    public AlarmTransitionAssert withReasonContaining(String text) {
        Objects.requireNonNull(text, "text");
        if (!selected.reason().contains(text)) {
            alarm.fail(replay.facts("the transition " + replay.describe(selected) + " to give a reason containing \""
                    + text + "\"").add("reason", selected.reason()));
        }
        return this;
    }

    /** The transition {@link #at} found, or else the first into the state. */
    public AlarmStateChange transition() {
        return selected;
    }

    /** Asserts that the alarm also goes to another (or the same) state; see {@link AlarmAssert#goesTo}. */
    public AlarmTransitionAssert goesTo(AlarmState other) {
        return alarm.goesTo(other);
    }

    /** See {@link AlarmAssert#neverGoesTo}. */
    public AlarmAssert neverGoesTo(AlarmState other) {
        return alarm.neverGoesTo(other);
    }

    /** See {@link AlarmAssert#endsIn}. */
    public AlarmAssert endsIn(AlarmState other) {
        return alarm.endsIn(other);
    }

    /** See {@link AlarmAssert#transitions()}. */
    public ListAssert<String> transitions() {
        return alarm.transitions();
    }
}
