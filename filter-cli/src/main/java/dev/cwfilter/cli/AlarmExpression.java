package dev.cwfilter.cli;

import dev.cwfilter.metric.AlarmComparisonOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code --alarm} expression {@code OP THRESHOLD for M of N}: the alarm breaches a period when
 * {@code statistic OP THRESHOLD}, and goes to ALARM when M of the last N periods breach ({@code >= 1 for 2 of 3}).
 * {@code for M of N} may be left out for {@code 1 of 1}. Immutable.
 *
 * @param operator          the comparison
 * @param threshold         the threshold
 * @param datapointsToAlarm M
 * @param evaluationPeriods N
 */
record AlarmExpression(AlarmComparisonOperator operator, double threshold, int datapointsToAlarm,
                       int evaluationPeriods) {

    private static final Pattern SYNTAX = Pattern.compile(
            "\\s*(>=|>|<=|<)\\s*([-+]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][-+]?\\d+)?)"
                    + "(?:\\s+(?i:for)\\s+(\\d{1,9})\\s+(?i:of)\\s+(\\d{1,9}))?\\s*");

    /**
     * Reads an expression.
     *
     * @throws UsageError saying what the grammar is
     */
    static AlarmExpression parse(String text) {
        Matcher m = SYNTAX.matcher(text);
        if (!m.matches()) {
            throw new UsageError("cwfilter metrics: --alarm '" + text + "': expected 'OP THRESHOLD for M of N' with"
                    + " OP one of >= > < <=, such as '>= 1 for 1 of 1' (M of the last N periods must breach)");
        }
        AlarmComparisonOperator op;
        switch (m.group(1)) {
            case ">=":
                op = AlarmComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD;
                break;
            case ">":
                op = AlarmComparisonOperator.GREATER_THAN_THRESHOLD;
                break;
            case "<":
                op = AlarmComparisonOperator.LESS_THAN_THRESHOLD;
                break;
            default:
                op = AlarmComparisonOperator.LESS_THAN_OR_EQUAL_TO_THRESHOLD;
                break;
        }
        int mOf = m.group(3) == null ? 1 : Integer.parseInt(m.group(3));
        int n = m.group(4) == null ? 1 : Integer.parseInt(m.group(4));
        if (mOf < 1 || n < 1 || mOf > n) {
            throw new UsageError("cwfilter metrics: --alarm '" + text + "': 'for M of N' needs 1 <= M <= N");
        }
        return new AlarmExpression(op, Double.parseDouble(m.group(2)), mOf, n);
    }

    /** The symbol of the operator, {@code >=}. */
    String symbol() {
        switch (operator) {
            case GREATER_THAN_OR_EQUAL_TO_THRESHOLD:
                return ">=";
            case GREATER_THAN_THRESHOLD:
                return ">";
            case LESS_THAN_THRESHOLD:
                return "<";
            default:
                return "<=";
        }
    }
}
