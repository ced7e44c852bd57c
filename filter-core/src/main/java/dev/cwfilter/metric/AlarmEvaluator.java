package dev.cwfilter.metric;

import dev.cwfilter.internal.stats.Periods;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A metric alarm at work: evaluates a {@link MetricAlarm} against the data of a {@link MetricAggregator}, holds the
 * alarm's state and state history, and tells its {@link AlarmListener}s of every transition.
 *
 * <h2>Evaluation</h2>
 * {@link #evaluate(long)} at time t looks at the {@link MetricAlarm#evaluationRangePeriods() N + 2} periods that
 * ended at or before t (periods are aligned to the epoch), computes the alarm's statistic for each (a period without
 * data, or whose statistic is unavailable, is missing), and decides the state with the procedure of the
 * specification (SEMANTICS.md section 8): with N or more real datapoints the N most recent decide; with fewer, the
 * missing ones are filled as TreatMissingData says, including the premature-alarm rule for {@code missing} and
 * "keep the current state" for {@code ignore}. A percentile alarm with
 * {@link LowSampleCountPercentile#IGNORE} keeps its state while the newest period holds too few values. The rule
 * itself is {@link AlarmDecision#evaluate}, public for callers that keep per-period values themselves.
 *
 * <p><b>An evaluation inside a period does not see that period.</b> At 12:04:30 the newest period evaluated is
 * 12:03–12:04; the data already in 12:04–12:05 is seen by the evaluation at 12:05 (for a one-minute period). So
 * evaluating at a period boundary, as {@link #evaluateEachPeriod} and {@link #replay()} do, loses nothing, and an
 * evaluation between boundaries decides exactly as the boundary before it would (with the same data).
 *
 * <h2>Schedule</h2>
 * CloudWatch evaluates alarms continuously; offline, evaluations happen when the caller says.
 * {@link #evaluateEachPeriod(long, long)} evaluates at every period boundary of a range and {@link #replay()} over
 * all of the aggregator's data and long enough after it for trailing missing data to take effect. Evaluation times
 * (and SetAlarmState times) must not go backwards.
 *
 * <h2>Manual state</h2>
 * {@link #setAlarmState(AlarmState, String, long)} changes the state as SetAlarmState does: the transition is
 * recorded and the listeners are told, and the next evaluation decides the state from the data again.
 * {@link #resuming} starts an evaluator in a chosen state instead (an alarm that already exists, restored from
 * DescribeAlarms or from a checkpoint): nothing is recorded and nobody is told.
 *
 * <p>Not thread-safe: use one evaluator from one thread at a time. The aggregator it reads may be fed concurrently.
 */
public final class AlarmEvaluator {

    /** The state reason of a new alarm, as CloudWatch writes it. */
    public static final String INITIAL_STATE_REASON = "Unchecked: Initial alarm creation";
    /** SetAlarmState's limit on the length of a state reason. */
    public static final int MAX_STATE_REASON_LENGTH = 1023;

    private final MetricAlarm alarm;
    private final MetricAggregator metric;
    private final List<AlarmListener> listeners;
    private final long periodMillis;
    private final List<AlarmStateChange> history = new ArrayList<>();
    private AlarmState state;
    private String stateReason;
    private long lastTime = Long.MIN_VALUE;
    private OptionalLong lastEvaluationTime = OptionalLong.empty();

    /**
     * An evaluator in the initial state, INSUFFICIENT_DATA, with the reason {@value #INITIAL_STATE_REASON}.
     *
     * @param alarm     the alarm's configuration
     * @param metric    the data of the alarm's metric
     * @param listeners told of every transition, in this order
     * @throws IllegalArgumentException if the aggregator's dimensions are not the alarm's, or the alarm's period is
     *                                  not a multiple of the aggregator's storage resolution
     */
    public AlarmEvaluator(MetricAlarm alarm, MetricAggregator metric, AlarmListener... listeners) {
        this(alarm, metric, AlarmState.INSUFFICIENT_DATA, INITIAL_STATE_REASON, listeners);
    }

    private AlarmEvaluator(MetricAlarm alarm, MetricAggregator metric, AlarmState state, String reason,
                           AlarmListener... listeners) {
        this.alarm = Objects.requireNonNull(alarm, "alarm");
        this.metric = Objects.requireNonNull(metric, "metric");
        this.listeners = List.of(listeners);
        if (!alarm.dimensions().equals(metric.dimensions())) {
            throw new IllegalArgumentException("the alarm's dimensions " + alarm.dimensions()
                    + " are not the metric's dimensions " + metric.dimensions());
        }
        if (alarm.periodSeconds() % metric.storageResolutionSeconds() != 0) {
            throw new IllegalArgumentException("the alarm's period of " + alarm.periodSeconds()
                    + " s is not a multiple of the metric's storage resolution of "
                    + metric.storageResolutionSeconds() + " s");
        }
        this.periodMillis = alarm.periodSeconds() * 1000L;
        this.state = Objects.requireNonNull(state, "state");
        this.stateReason = checkedReason(reason);
    }

    /**
     * An evaluator of an alarm that is already in {@code state}: as an alarm created earlier and read back
     * (DescribeAlarms' StateValue and StateReason), or restored from a checkpoint. Unlike
     * {@link #setAlarmState}, this records no transition and tells no listener; the history starts empty and the
     * first evaluation that decides another state makes the first transition, from {@code state}.
     *
     * @param state       the current state
     * @param stateReason its reason, up to {@value #MAX_STATE_REASON_LENGTH} characters
     * @throws IllegalArgumentException as the constructor does, or if the reason is too long
     */
    public static AlarmEvaluator resuming(MetricAlarm alarm, MetricAggregator metric, AlarmState state,
                                          String stateReason, AlarmListener... listeners) {
        return new AlarmEvaluator(alarm, metric, state, stateReason, listeners);
    }

    /** The alarm's configuration. */
    public MetricAlarm alarm() {
        return alarm;
    }

    /** The current state. */
    public AlarmState state() {
        return state;
    }

    /** The reason for the current state; {@value #INITIAL_STATE_REASON} before the first transition. */
    public String stateReason() {
        return stateReason;
    }

    /** Every transition so far, oldest first. */
    public List<AlarmStateChange> history() {
        return Collections.unmodifiableList(new ArrayList<>(history));
    }

    /** The time of the latest evaluation, if any. */
    public OptionalLong lastEvaluationTime() {
        return lastEvaluationTime;
    }

    /**
     * Evaluates the alarm at {@code time}, over the {@link MetricAlarm#evaluationRangePeriods() N + 2} periods that
     * ended at or before it. A period that {@code time} falls inside has not ended and is not looked at, whatever data
     * it holds already: at 12:04:30 the newest period of a one-minute alarm is 12:03–12:04.
     *
     * @param time epoch milliseconds; not before the previous evaluation or SetAlarmState
     * @return the transition, if the state changed
     * @throws IllegalArgumentException if {@code time} is before the previous evaluation or SetAlarmState
     */
    public Optional<AlarmStateChange> evaluate(long time) {
        advanceTo(time);
        lastEvaluationTime = OptionalLong.of(time);
        Optional<AlarmStateChange> change = AlarmDecision.evaluate(alarm, time, state, periodValues(time));
        change.ifPresent(this::record);
        return change;
    }

    /**
     * Sets the state as SetAlarmState does: until the next evaluation decides again. When the state differs from the
     * current one the transition is recorded and the listeners are told; otherwise only the reason changes.
     *
     * @param newState the state to set
     * @param reason   the reason recorded, up to {@value #MAX_STATE_REASON_LENGTH} characters
     * @param time     epoch milliseconds; not before the previous evaluation or SetAlarmState
     * @return the transition, if the state changed
     * @throws IllegalArgumentException if the reason is too long or {@code time} goes backwards
     */
    public Optional<AlarmStateChange> setAlarmState(AlarmState newState, String reason, long time) {
        Objects.requireNonNull(newState, "newState");
        checkedReason(reason);
        advanceTo(time);
        if (newState == state) {
            stateReason = reason;
            return Optional.empty();
        }
        List<String> actions = alarm.actionsEnabled() ? alarm.actionsFor(newState) : List.of();
        AlarmStateChange change = new AlarmStateChange(alarm.alarmName(), time, state, newState, reason,
                AlarmStateChange.Cause.SET_ALARM_STATE, List.of(), actions);
        record(change);
        return Optional.of(change);
    }

    /**
     * Evaluates at every period boundary from {@code from} to {@code to}, both included.
     *
     * @return the transitions, in order
     * @throws IllegalArgumentException if {@code from} is before the previous evaluation or SetAlarmState
     */
    public List<AlarmStateChange> evaluateEachPeriod(long from, long to) {
        List<AlarmStateChange> changes = new ArrayList<>();
        long first = Periods.periodStart(from, periodMillis);
        if (first < from) {
            first += periodMillis;
        }
        for (long t = first; t <= to && t >= first; t += periodMillis) {
            evaluate(t).ifPresent(changes::add);
        }
        return changes;
    }

    /**
     * Replays the aggregator's data: evaluates at every period boundary from the end of the first period with data
     * (or from the previous evaluation, if later) until the last datapoint has left the evaluation range, so that
     * trailing missing data takes effect. Does nothing when the aggregator holds no data.
     *
     * @return the transitions, in order
     */
    public List<AlarmStateChange> replay() {
        OptionalLong earliest = metric.earliestTimestamp();
        OptionalLong latest = metric.latestTimestamp();
        if (earliest.isEmpty() || latest.isEmpty()) {
            return List.of();
        }
        long from = Periods.periodStart(earliest.getAsLong(), periodMillis) + periodMillis;
        if (lastTime != Long.MIN_VALUE) {
            from = Math.max(from, lastTime);
        }
        long to = Periods.periodStart(latest.getAsLong(), periodMillis)
                + (alarm.evaluationRangePeriods() + 1L) * periodMillis;
        return evaluateEachPeriod(from, to);
    }

    private void advanceTo(long time) {
        if (time < lastTime) {
            throw new IllegalArgumentException("time " + time + " is before the previous evaluation or "
                    + "SetAlarmState at " + lastTime + ": an alarm's time does not go backwards");
        }
        lastTime = time;
    }

    private static String checkedReason(String reason) {
        Objects.requireNonNull(reason, "reason");
        if (reason.length() > MAX_STATE_REASON_LENGTH) {
            throw new IllegalArgumentException("a state reason has at most " + MAX_STATE_REASON_LENGTH
                    + " characters, not " + reason.length());
        }
        return reason;
    }

    private List<PeriodValue> periodValues(long time) {
        int periods = alarm.evaluationRangePeriods();
        long newestEnd = Periods.periodStart(time, periodMillis);
        List<PeriodValue> range = new ArrayList<>(periods);
        for (int i = periods; i >= 1; i--) {
            range.add(metric.periodValue(newestEnd - i * periodMillis, alarm.periodSeconds(), alarm.unit(),
                    alarm.statistic()));
        }
        return range;
    }

    private void record(AlarmStateChange change) {
        state = change.newState();
        stateReason = change.reason();
        history.add(change);
        notifyListeners(change);
    }

    private void notifyListeners(AlarmStateChange change) {
        RuntimeException failure = null;
        for (AlarmListener listener : listeners) {
            try {
                listener.onStateChange(alarm, change);
            } catch (RuntimeException e) {
                // One failing listener must not keep the others from hearing of the transition.
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
