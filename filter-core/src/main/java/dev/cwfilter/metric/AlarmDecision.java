package dev.cwfilter.metric;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The alarm decision procedure of the specification (SEMANTICS.md section 8), a pure function of the evaluation
 * range, and the CloudWatch-style state reason that explains each decision. Stateless.
 */
final class AlarmDecision {

    private static final DateTimeFormatter REASON_TIME =
            DateTimeFormatter.ofPattern("dd/MM/yy HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);

    /**
     * The decided state, or empty to keep the current one, with the reason.
     *
     * @param state  the state the data calls for; empty when the alarm keeps its state (TreatMissingData ignore)
     * @param reason why, in CloudWatch's words; empty when the state is kept
     */
    record Result(Optional<AlarmState> state, String reason) {
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
     * Decides the state from the evaluation range.
     *
     * @param range the periods of the evaluation range, oldest first, the newest having age 1
     * @param alarm the alarm's configuration
     */
    static Result decide(List<EvaluatedDatapoint> range, MetricAlarm alarm) {
        int n = alarm.evaluationPeriods();
        int m = alarm.datapointsToAlarm();
        List<EvaluatedDatapoint> real = range.stream().filter(EvaluatedDatapoint::isReal).toList();
        ReasonWriter reasons = new ReasonWriter(alarm);
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

        ReasonWriter(MetricAlarm alarm) {
            this.alarm = alarm;
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
