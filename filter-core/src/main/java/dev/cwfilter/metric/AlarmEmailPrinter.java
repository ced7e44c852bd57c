package dev.cwfilter.metric;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * An {@link AlarmListener} that prints each notification in the shape of the e-mail CloudWatch sends through an SNS
 * e-mail subscription: the "You are receiving this email because…" paragraph, the console link, and the Alarm
 * Details, Threshold, Monitored Metric and State Change Actions sections.
 *
 * <p>As with SNS, a notification is printed only for transitions that trigger actions (the alarm's actions for the
 * new state, with actions enabled), unless {@link Builder#everyTransition(boolean)} asks for every transition. The
 * region (by its {@link RegionNames long name}) and account appear in the text and the alarm ARN: an alarm's own
 * {@link MetricAlarm#alarmArn() ARN} says them when it has one; otherwise the printer's, which default to
 * {@code us-east-1} and {@code 123456789012}.
 *
 * <p>Thread-safe if the {@link Appendable} is; each notification is written with a single {@code append} call.
 */
public final class AlarmEmailPrinter implements AlarmListener {

    /** The default region code. */
    public static final String DEFAULT_REGION = "us-east-1";
    /** The default account ID, the placeholder AWS documentation uses. */
    public static final String DEFAULT_ACCOUNT_ID = "123456789012";

    private static final Pattern REGION_CODE = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d+");
    private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");
    private static final DateTimeFormatter EMAIL_TIME =
            DateTimeFormatter.ofPattern("EEEE dd MMMM, yyyy HH:mm:ss 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private final Appendable out;
    private final String region;
    private final String accountId;
    private final boolean everyTransition;

    private AlarmEmailPrinter(Builder b) {
        this.out = b.out;
        this.region = b.region;
        this.accountId = b.accountId;
        this.everyTransition = b.everyTransition;
    }

    /** A printer to {@code out} with the default region and account. */
    public static AlarmEmailPrinter to(Appendable out) {
        return builder(out).build();
    }

    /** A builder for a printer to {@code out}. */
    public static Builder builder(Appendable out) {
        return new Builder(out);
    }

    /**
     * Prints the notification for {@code change}, if it triggers actions or the printer prints every transition.
     *
     * @throws UncheckedIOException if the output fails
     */
    @Override
    public void onStateChange(MetricAlarm alarm, AlarmStateChange change) {
        if (!everyTransition && change.actions().isEmpty()) {
            return;
        }
        try {
            out.append(format(alarm, change));
        } catch (IOException e) {
            throw new UncheckedIOException("could not print the notification for alarm " + alarm.alarmName(), e);
        }
    }

    /** The notification text for {@code change}, ending with a blank line. */
    public String format(MetricAlarm alarm, AlarmStateChange change) {
        String when = EMAIL_TIME.format(Instant.ofEpochMilli(change.timestamp()));
        String region = alarm.region().orElse(this.region);
        String accountId = alarm.accountId().orElse(this.accountId);
        String arn = alarm.alarmArn().orElse("arn:aws:cloudwatch:" + region + ":" + accountId + ":alarm:"
                + alarm.alarmName());
        StringBuilder text = new StringBuilder();
        text.append("You are receiving this email because your Amazon CloudWatch Alarm \"").append(alarm.alarmName())
                .append("\" in the ").append(RegionNames.longNameOrCode(region))
                .append(" region has entered the ").append(change.newState().awsName()).append(" state, because \"")
                .append(change.reason()).append("\" at \"").append(when).append("\".\n\n");
        text.append("View this alarm in the AWS Management Console:\n")
                .append("https://").append(region).append(".console.aws.amazon.com/cloudwatch/deeplink.js?region=")
                .append(region).append("#alarmsV2:alarm/")
                .append(URLEncoder.encode(alarm.alarmName(), StandardCharsets.UTF_8).replace("+", "%20"))
                .append("\n\n");
        text.append("Alarm Details:\n");
        line(text, "Name:", alarm.alarmName(), 30);
        line(text, "Description:", alarm.alarmDescription().orElse(""), 30);
        line(text, "State Change:", change.oldState().awsName() + " -> " + change.newState().awsName(), 30);
        line(text, "Reason for State Change:", change.reason(), 30);
        line(text, "Timestamp:", when, 30);
        line(text, "AWS Account:", accountId, 30);
        line(text, "Alarm Arn:", arn, 30);
        text.append('\n');
        text.append("Threshold:\n")
                .append("- The alarm is in the ALARM state when the metric is ")
                .append(alarm.comparisonOperator().awsName()).append(' ').append(alarm.threshold())
                .append(" for at least ").append(alarm.datapointsToAlarm()).append(" of the last ")
                .append(alarm.evaluationPeriods()).append(" period(s) of ").append(alarm.periodSeconds())
                .append(" seconds.\n\n");
        text.append("Monitored Metric:\n");
        line(text, "MetricNamespace:", alarm.namespace(), 39);
        line(text, "MetricName:", alarm.metricName(), 39);
        line(text, "Dimensions:", dimensions(alarm.dimensions()), 39);
        line(text, "Period:", alarm.periodSeconds() + " seconds", 39);
        line(text, alarm.statistic().isExtended() ? "ExtendedStatistic:" : "Statistic:",
                alarm.statistic().awsName(), 39);
        line(text, "Unit:", alarm.unit().map(u -> u.awsName()).orElse("not specified"), 39);
        line(text, "TreatMissingData:", alarm.treatMissingData().awsName(), 39);
        text.append('\n');
        text.append("State Change Actions:\n");
        actions(text, "OK:", alarm.okActions());
        actions(text, "ALARM:", alarm.alarmActions());
        actions(text, "INSUFFICIENT_DATA:", alarm.insufficientDataActions());
        text.append('\n');
        return text.toString();
    }

    /** One "- Label:   value" line, the value starting at column {@code valueColumn} as in CloudWatch's e-mail. */
    private static void line(StringBuilder text, String label, String value, int valueColumn) {
        text.append("- ").append(label);
        text.append(" ".repeat(Math.max(1, valueColumn - 2 - label.length())));
        text.append(value).append('\n');
    }

    private static void actions(StringBuilder text, String label, List<String> actions) {
        text.append("- ").append(label);
        if (!actions.isEmpty()) {
            text.append(' ').append(actions.stream().collect(Collectors.joining(", ", "[", "]")));
        }
        text.append('\n');
    }

    private static String dimensions(Map<String, String> dimensions) {
        return new TreeMap<>(dimensions).entrySet().stream()
                .map(e -> e.getKey() + " = " + e.getValue())
                .collect(Collectors.joining(", ", "[", "]"));
    }

    /** Builds an {@link AlarmEmailPrinter}. Not thread-safe. */
    public static final class Builder {

        private final Appendable out;
        private String region = DEFAULT_REGION;
        private String accountId = DEFAULT_ACCOUNT_ID;
        private boolean everyTransition;

        private Builder(Appendable out) {
            this.out = Objects.requireNonNull(out, "out");
        }

        /**
         * The AWS region code, such as {@code eu-west-1}, for alarms without an ARN; the text names the region by its
         * {@linkplain RegionNames long name} (EU (Ireland)) when the code is a well-known one. Default {@value AlarmEmailPrinter#DEFAULT_REGION}.
         *
         * @throws IllegalArgumentException if the code is not shaped like a region code
         */
        public Builder region(String region) {
            if (!REGION_CODE.matcher(region).matches()) {
                throw new IllegalArgumentException("'" + region + "' is not a region code such as us-east-1");
            }
            this.region = region;
            return this;
        }

        /**
         * The 12-digit AWS account ID, for alarms without an ARN. Default {@value AlarmEmailPrinter#DEFAULT_ACCOUNT_ID}.
         *
         * @throws IllegalArgumentException if it is not 12 digits
         */
        public Builder accountId(String accountId) {
            if (!ACCOUNT_ID.matcher(accountId).matches()) {
                throw new IllegalArgumentException("'" + accountId + "' is not a 12-digit account ID");
            }
            this.accountId = accountId;
            return this;
        }

        /**
         * Whether to print every transition, not only those that trigger actions. Default false, as SNS would send
         * nothing for a state without actions.
         */
        public Builder everyTransition(boolean everyTransition) {
            this.everyTransition = everyTransition;
            return this;
        }

        /** The printer. */
        public AlarmEmailPrinter build() {
            return new AlarmEmailPrinter(this);
        }
    }
}
