package dev.cwfilter.metric;

/**
 * Told of every state transition of an alarm, as CloudWatch runs an alarm's actions: once per transition (never for
 * an evaluation that leaves the state as it is), for transitions made by evaluations and by SetAlarmState alike. The
 * transition's {@link AlarmStateChange#actions()} are the actions CloudWatch would run.
 *
 * <p>An {@link AlarmEvaluator} calls its listeners on the thread that evaluates, after the state and history are
 * updated. Implementations used by one evaluator need not be thread-safe.
 */
@FunctionalInterface
public interface AlarmListener {

    /**
     * Called once for each state transition.
     *
     * @param alarm  the alarm's configuration
     * @param change the transition
     */
    void onStateChange(MetricAlarm alarm, AlarmStateChange change);
}
