package dev.cwfilter.metric;

import dev.cwfilter.internal.stats.Periods;
import dev.cwfilter.internal.stats.StatisticCalculator;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Collectors;

/**
 * CloudWatch's alarm rule as pure functions of per-period values: the decision procedure of the specification
 * (SEMANTICS.md section 8; docs/semantics-decisions.md, "Alarm decision procedure") and the CloudWatch-style state
 * reason that explains each decision. {@link AlarmEvaluator} is this rule applied to a {@link MetricAggregator}'s
 * data with a state history; callers that keep per-period data themselves (a stream processor's keyed state, a test
 * harness) call it directly and get the same answers.
 *
 * <pre>{@code
 * // 2 of 3, Sum >= 1; the range is N + 2 = 5 periods, oldest first, ending at the evaluation time's period start
 * List<PeriodValue> range = List.of(PeriodValue.missing(), PeriodValue.of(0, 4), PeriodValue.of(3, 7),
 *         PeriodValue.missing(), PeriodValue.of(2, 5));
 * Optional<AlarmStateChange> change = AlarmDecision.evaluate(alarm, time, AlarmState.OK, range);
 * }</pre>
 *
 * <h2>Which periods an evaluation sees</h2>
 * An evaluation at time t sees the {@link MetricAlarm#evaluationRangePeriods() N + 2} periods that ended at or before
 * t: the newest is {@code [floor(t) − Period, floor(t))}, where {@code floor(t)} is t rounded down to a multiple of
 * the period (periods are aligned to the epoch). When t falls inside a period, that period has not ended and is not
 * seen, whatever data it already holds.
 *
 * <p>Stateless and thread-safe.
 */
public final class AlarmDecision {

    private static final DateTimeFormatter REASON_TIME =
            DateTimeFormatter.ofPattern("dd/MM/yy HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);

    /**
     * The state the data calls for, or none to keep the current one, with CloudWatch's reason. Immutable.
     *
     * @param state  the state the data calls for; empty when the alarm keeps its state (TreatMissingData
     *               {@code ignore} with no deciding data)
     * @param reason why, in CloudWatch's words; empty when the state is kept
     */
    public record Result(Optional<AlarmState> state, String reason) {

        /** Checks for null. */
        public Result {
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(reason, "reason");
        }

        static Result of(AlarmState state, String reason) {
            return new Result(Optional.of(state), reason);
        }

        static Result keep() {
            return new Result(Optional.empty(), "");
        }
    }

    private AlarmDecision() {
    }

    /**
     * One evaluation of the alarm at {@code time}: the transition it makes from {@code current}, if any. This is
     * exactly what {@link AlarmEvaluator#evaluate(long)} does with its aggregator's values, without the history and
     * the listeners: the low-sample-count rule of percentile alarms (the newest period decides), then
     * {@link #decide}, then a transition when the decided state differs from {@code current}.
     *
     * @param alarm   the alarm's configuration
     * @param time    the evaluation time, epoch milliseconds; the transition's timestamp
     * @param current the alarm's state before the evaluation
     * @param range   the {@link MetricAlarm#evaluationRangePeriods() N + 2} periods that ended at or before
     *                {@code time}, oldest first: element i is the period starting at
     *                {@code floor(time) − (N + 2 − i) · Period}
     * @return the transition (cause {@link AlarmStateChange.Cause#EVALUATION}), or empty when the state stays
     * @throws IllegalArgumentException unless the range holds exactly N + 2 periods
     */
    public static Optional<AlarmStateChange> evaluate(MetricAlarm alarm, long time, AlarmState current,
                                                      List<PeriodValue> range) {
        Objects.requireNonNull(current, "current");
        if (range.size() != alarm.evaluationRangePeriods()) {
            throw new IllegalArgumentException("an evaluation range of " + alarm.alarmName() + " holds "
                    + alarm.evaluationRangePeriods() + " periods (N + 2), not " + range.size());
        }
        List<EvaluatedDatapoint> evaluated = evaluatedRange(alarm, time, range);
        if (keepsStateForLowSampleCount(alarm, evaluated.get(evaluated.size() - 1))) {
            return Optional.empty();
        }
        // Most evaluations keep the state: the reason (datapoints listed with their times) is written only for a
        // change, by deciding again with it.
        Result decision = decide(alarm, evaluated, false);
        if (decision.state().isEmpty() || decision.state().get() == current) {
            return Optional.empty();
        }
        decision = decide(alarm, evaluated, true);
        List<String> actions = alarm.actionsEnabled() ? alarm.actionsFor(decision.state().get()) : List.of();
        return Optional.of(new AlarmStateChange(alarm.alarmName(), time, current, decision.state().get(),
                decision.reason(), AlarmStateChange.Cause.EVALUATION, evaluated, actions));
    }

    /**
     * The periods an evaluation at {@code time} sees, each marked breaching, not breaching or missing.
     *
     * @param values the periods' values, oldest first, the newest being the period that ended at {@code floor(time)};
     *               any number of periods (an evaluation uses {@link MetricAlarm#evaluationRangePeriods()})
     */
    public static List<EvaluatedDatapoint> evaluatedRange(MetricAlarm alarm, long time, List<PeriodValue> values) {
        long periodMillis = alarm.periodSeconds() * 1000L;
        long newestEnd = Periods.periodStart(time, periodMillis);
        List<EvaluatedDatapoint> range = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            long start = newestEnd - (values.size() - i) * periodMillis;
            PeriodValue pv = Objects.requireNonNull(values.get(i), "values[" + i + "]");
            if (pv.value().isEmpty()) {
                range.add(new EvaluatedDatapoint(start, OptionalDouble.empty(), pv.sampleCount(),
                        EvaluatedDatapoint.Outcome.MISSING));
            } else {
                boolean breaches = alarm.comparisonOperator().breaches(pv.value().getAsDouble(), alarm.threshold());
                range.add(new EvaluatedDatapoint(start, pv.value(), pv.sampleCount(),
                        breaches ? EvaluatedDatapoint.Outcome.BREACHING : EvaluatedDatapoint.Outcome.NOT_BREACHING));
            }
        }
        return range;
    }

    /**
     * The M-out-of-N decision over plain per-period values, for an evaluation at {@code time} (the reason's
     * datapoint times are the periods' starts).
     *
     * @param valuesOldestFirst each period's statistic, or empty for a missing period; the newest is the period that
     *                          ended at {@code floor(time)}; at least one
     */
    public static Result decide(MetricAlarm alarm, long time, List<OptionalDouble> valuesOldestFirst) {
        List<PeriodValue> values = new ArrayList<>(valuesOldestFirst.size());
        for (OptionalDouble v : valuesOldestFirst) {
            values.add(v.isPresent() ? PeriodValue.of(v.getAsDouble(), 1) : PeriodValue.missing());
        }
        return decide(alarm, evaluatedRange(alarm, time, values));
    }

    /**
     * Decides the state from an evaluation range, as the specification's procedure does: with N or more real
     * datapoints the N most recent decide; with fewer, missing ones are filled as TreatMissingData says, including the
     * premature-alarm rule of {@code missing} and "keep the state" of {@code ignore}.
     *
     * @param range the periods of the evaluation range, oldest first, the newest having age 1; at least one
     * @param alarm the alarm's configuration
     * @throws IllegalArgumentException if the range is empty
     */
    public static Result decide(MetricAlarm alarm, List<EvaluatedDatapoint> range) {
        return decide(alarm, range, true);
    }

    /** {@link #decide(MetricAlarm, List)}, with the reason left empty unless {@code withReason}. */
    private static Result decide(MetricAlarm alarm, List<EvaluatedDatapoint> range, boolean withReason) {
        if (range.isEmpty()) {
            throw new IllegalArgumentException("an evaluation range holds at least one period");
        }
        int n = alarm.evaluationPeriods();
        int m = alarm.datapointsToAlarm();
        List<EvaluatedDatapoint> real = range.stream().filter(EvaluatedDatapoint::isReal).toList();
        ReasonWriter reasons = new ReasonWriter(alarm, withReason);
        if (real.size() >= n) {
            List<EvaluatedDatapoint> used = real.subList(real.size() - n, real.size());
            return breaching(used) >= m
                    ? Result.of(AlarmState.ALARM, reasons.crossed(AlarmState.ALARM, used, 0))
                    : Result.of(AlarmState.OK, reasons.crossed(AlarmState.OK, used, 0));
        }
        TreatMissingData treatment = alarm.treatMissingData();
        if (real.isEmpty()) {
            return switch (treatment) {
                case MISSING -> Result.of(AlarmState.INSUFFICIENT_DATA, reasons.unknown(n));
                case IGNORE -> Result.keep();
                case BREACHING -> Result.of(AlarmState.ALARM, reasons.crossed(AlarmState.ALARM, real, n));
                case NOT_BREACHING -> Result.of(AlarmState.OK, reasons.crossed(AlarmState.OK, real, n));
            };
        }
        int filled = n - real.size();
        int b = breaching(real);
        boolean anyNotBreaching = b < real.size();
        if (treatment == TreatMissingData.BREACHING) {
            return b + filled >= m
                    ? Result.of(AlarmState.ALARM, reasons.crossed(AlarmState.ALARM, real, filled))
                    : Result.of(AlarmState.OK, reasons.crossed(AlarmState.OK, real, 0));
        }
        if (treatment == TreatMissingData.NOT_BREACHING) {
            return b >= m
                    ? Result.of(AlarmState.ALARM, reasons.crossed(AlarmState.ALARM, real, 0))
                    : Result.of(AlarmState.OK, reasons.crossed(AlarmState.OK, real, filled));
        }
        if (b >= m) {
            return Result.of(AlarmState.ALARM, reasons.crossed(AlarmState.ALARM, real, 0));
        }
        // The premature-alarm rule: intermittent data whose oldest point breached long enough ago, with nothing but
        // breaching points and gaps since, alarms even though fewer than M points breached.
        int oldestAge = range.size() - firstRealIndex(range);
        if (treatment == TreatMissingData.MISSING && !anyNotBreaching && oldestAge >= m) {
            return Result.of(AlarmState.ALARM, reasons.premature(real, oldestAge - b));
        }
        if (anyNotBreaching) {
            return Result.of(AlarmState.OK, reasons.crossed(AlarmState.OK, real, 0));
        }
        return treatment == TreatMissingData.MISSING
                ? Result.of(AlarmState.INSUFFICIENT_DATA, reasons.unknown(filled))
                : Result.keep();
    }

    /**
     * Whether a percentile alarm with {@link LowSampleCountPercentile#IGNORE} keeps its state because the newest
     * period holds data, but too few values.
     */
    static boolean keepsStateForLowSampleCount(MetricAlarm alarm, EvaluatedDatapoint newest) {
        return alarm.evaluateLowSampleCountPercentile() == LowSampleCountPercentile.IGNORE
                && alarm.statistic() instanceof Statistic.Percentile percentile
                && newest.sampleCount() > 0
                && StatisticCalculator.isLowSampleCount(percentile, newest.sampleCount());
    }

    private static int firstRealIndex(List<EvaluatedDatapoint> range) {
        for (int i = 0; i < range.size(); i++) {
            if (range.get(i).isReal()) {
                return i;
            }
        }
        throw new IllegalStateException("the range has no real datapoint");
    }

    private static int breaching(List<EvaluatedDatapoint> datapoints) {
        int count = 0;
        for (EvaluatedDatapoint d : datapoints) {
            if (d.outcome() == EvaluatedDatapoint.Outcome.BREACHING) {
                count++;
            }
        }
        return count;
    }

    /** Writes state reasons in the words CloudWatch uses in StateReason and in its notifications. */
    private static final class ReasonWriter {

        private final MetricAlarm alarm;
        /** False when only the state is wanted: every reason is then empty. */
        private final boolean write;

        ReasonWriter(MetricAlarm alarm, boolean write) {
            this.alarm = alarm;
            this.write = write;
        }

        /**
         * {@code Threshold Crossed: 2 out of the last 3 datapoints [5.0 (21/11/26 12:05:00), 4.0 (21/11/26 12:04:00)]
         * were greater than the threshold (3.0) (minimum 2 datapoints for OK -> ALARM transition).}
         *
         * @param direction  ALARM or OK
         * @param considered the real datapoints the decision looked at, oldest first
         * @param filled     how many missing datapoints were treated as pointing in {@code direction}
         */
        String crossed(AlarmState direction, List<EvaluatedDatapoint> considered, int filled) {
            if (!write) {
                return "";
            }
            boolean toAlarm = direction == AlarmState.ALARM;
            EvaluatedDatapoint.Outcome wanted = toAlarm ? EvaluatedDatapoint.Outcome.BREACHING
                    : EvaluatedDatapoint.Outcome.NOT_BREACHING;
            List<EvaluatedDatapoint> listed = new ArrayList<>();
            for (EvaluatedDatapoint d : considered) {
                if (d.outcome() == wanted) {
                    listed.add(d);
                }
            }
            Collections.reverse(listed);
            String treatedAs = toAlarm ? "[Breaching]" : "[NonBreaching]";
            if (listed.isEmpty()) {
                return "Threshold Crossed: no datapoints were received for " + count(filled, "period") + " and "
                        + count(filled, "missing datapoint") + " " + wasWere(filled) + " treated as " + treatedAs
                        + ".";
            }
            StringBuilder text = new StringBuilder("Threshold Crossed: ")
                    .append(listed.size()).append(" out of the last ").append(considered.size())
                    .append(" datapoints ").append(list(listed)).append(' ').append(wasWere(listed.size()))
                    .append(toAlarm ? " " : " not ").append(alarm.comparisonOperator().phrase())
                    .append(" the threshold (").append(alarm.threshold()).append(')');
            if (filled > 0) {
                text.append(" and ").append(count(filled, "missing datapoint")).append(' ')
                        .append(wasWere(filled)).append(" treated as ").append(treatedAs);
            }
            int minimum = toAlarm ? alarm.datapointsToAlarm()
                    : alarm.evaluationPeriods() - alarm.datapointsToAlarm() + 1;
            return text.append(" (minimum ").append(count(minimum, "datapoint")).append(" for ")
                    .append(toAlarm ? "OK -> ALARM" : "ALARM -> OK").append(" transition).").toString();
        }

        /** The premature-alarm rule's reason: all real datapoints breach, and the newer periods are missing. */
        String premature(List<EvaluatedDatapoint> real, int newerMissing) {
            if (!write) {
                return "";
            }
            List<EvaluatedDatapoint> listed = new ArrayList<>(real);
            Collections.reverse(listed);
            return "Threshold Crossed: " + listed.size() + " out of the last " + real.size() + " datapoints "
                    + list(listed) + " " + wasWere(listed.size()) + " " + alarm.comparisonOperator().phrase()
                    + " the threshold (" + alarm.threshold() + ") and " + count(newerMissing, "newer period") + " "
                    + (newerMissing == 1 ? "has" : "have") + " no data (minimum "
                    + count(alarm.datapointsToAlarm(), "datapoint") + " for OK -> ALARM transition).";
        }

        /** {@code Insufficient Data: 3 datapoints were unknown.} */
        String unknown(int missing) {
            if (!write) {
                return "";
            }
            return "Insufficient Data: " + count(missing, "datapoint") + " " + wasWere(missing) + " unknown.";
        }

        private static String list(List<EvaluatedDatapoint> datapoints) {
            return datapoints.stream()
                    .map(d -> d.value().getAsDouble() + " (" + REASON_TIME.format(Instant.ofEpochMilli(d.timestamp()))
                            + ")")
                    .collect(Collectors.joining(", ", "[", "]"));
        }

        private static String count(int n, String noun) {
            return n + " " + noun + (n == 1 ? "" : "s");
        }

        private static String wasWere(int n) {
            return n == 1 ? "was" : "were";
        }
    }
}
