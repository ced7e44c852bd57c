package dev.cwfilter.aws;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.cwfilter.metric.AlarmEmailPrinter;
import dev.cwfilter.metric.AlarmStateChange;
import dev.cwfilter.metric.MetricAlarm;
import dev.cwfilter.metric.RegionNames;
import dev.cwfilter.metric.Statistic;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The SNS message CloudWatch publishes when a metric alarm changes state (AWS-SHAPES.md section 1): the subject
 * ({@code ALARM: "name" in EU (Ireland)}, shortened to SNS's 100 characters by cutting the alarm name), the JSON body
 * HTTP, SQS and Lambda subscribers receive (keys in CloudWatch's order, compact), and the e-mail text; together as
 * the {@code MessageStructure=json} document CloudWatch publishes ({@code default}, {@code sms}, {@code email}).
 *
 * <p>The account and region come from the alarm's {@linkplain MetricAlarm#alarmArn() ARN}; an alarm without one
 * (configured offline) takes this formatter's account and region and gets the ARN they make. The body's
 * {@code AlarmConfigurationUpdatedTimestamp} is the alarm's {@linkplain
 * MetricAlarm#alarmConfigurationUpdatedTimestamp() configuration time}; it is left out when that is unknown, as
 * CloudWatch's messages before 2018 left it out, rather than invented.
 *
 * <p>Immutable and thread-safe.
 */
public final class AlarmMessages {

    /** SNS's limit on a subject's length. */
    public static final int MAX_SUBJECT_LENGTH = 100;

    private static final JsonFactory JSON = JsonFactory.builder().build();
    private static final DateTimeFormatter BODY_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'+0000'", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final Pattern REGION_CODE = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d+");
    private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");

    private final String region;
    private final String accountId;
    private final Map<String, String> regionNames;

    private AlarmMessages(Builder b) {
        this.region = b.region;
        this.accountId = b.accountId;
        this.regionNames = Map.copyOf(b.regionNames);
    }

    /** Messages for alarms of {@code us-east-1} and account {@code 123456789012} unless their ARN says otherwise. */
    public static AlarmMessages defaults() {
        return builder().build();
    }

    /** A builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** The region code of an alarm: its ARN's, else this formatter's. */
    public String region(MetricAlarm alarm) {
        return alarm.region().orElse(region);
    }

    /** The account of an alarm: its ARN's, else this formatter's. */
    public String accountId(MetricAlarm alarm) {
        return alarm.accountId().orElse(accountId);
    }

    /** The alarm's ARN: its own, or the one this formatter's region and account make. */
    public String alarmArn(MetricAlarm alarm) {
        return alarm.alarmArn().orElse("arn:aws:cloudwatch:" + region + ":" + accountId + ":alarm:"
                + alarm.alarmName());
    }

    /** The long region name CloudWatch writes, such as {@code EU (Ireland)}; the code when it has none. */
    public String regionName(String regionCode) {
        String override = regionNames.get(regionCode);
        return override != null ? override : RegionNames.longNameOrCode(regionCode);
    }

    /**
     * The subject: {@code STATE: "name" in Region name}. When that exceeds 100 characters, the alarm name is cut so
     * that the name's start and {@code ...} make the subject exactly 100 characters; should even that not fit, the
     * subject is cut at 100. SNS takes only ASCII without control characters in a subject: any other character
     * becomes {@code ?}.
     */
    public String subject(MetricAlarm alarm, AlarmStateChange change) {
        String prefix = change.newState().awsName() + ": \"";
        String suffix = "\" in " + regionName(region(alarm));
        String name = alarm.alarmName();
        String subject = prefix + name + suffix;
        if (subject.length() > MAX_SUBJECT_LENGTH) {
            int keep = MAX_SUBJECT_LENGTH - prefix.length() - suffix.length() - 3;
            subject = keep >= 0 ? prefix + name.substring(0, keep) + "..." + suffix
                    : subject.substring(0, MAX_SUBJECT_LENGTH);
        }
        StringBuilder ascii = new StringBuilder(subject.length());
        for (int i = 0; i < subject.length(); i++) {
            char c = subject.charAt(i);
            ascii.append(c >= 0x20 && c < 0x7f ? c : '?');
        }
        return ascii.toString();
    }

    /** The JSON body, compact, keys in CloudWatch's order (AWS-SHAPES.md section 1.3). */
    public String body(MetricAlarm alarm, AlarmStateChange change) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("AlarmName", alarm.alarmName());
            g.writeFieldName("AlarmDescription");
            if (alarm.alarmDescription().isPresent()) {
                g.writeString(alarm.alarmDescription().get());
            } else {
                g.writeNull();
            }
            g.writeStringField("AWSAccountId", accountId(alarm));
            if (alarm.alarmConfigurationUpdatedTimestamp().isPresent()) {
                g.writeStringField("AlarmConfigurationUpdatedTimestamp",
                        time(alarm.alarmConfigurationUpdatedTimestamp().getAsLong()));
            }
            g.writeStringField("NewStateValue", change.newState().awsName());
            g.writeStringField("NewStateReason", change.reason());
            g.writeStringField("StateChangeTime", time(change.timestamp()));
            g.writeStringField("Region", regionName(region(alarm)));
            g.writeStringField("AlarmArn", alarmArn(alarm));
            g.writeStringField("OldStateValue", change.oldState().awsName());
            strings(g, "OKActions", alarm.okActions());
            strings(g, "AlarmActions", alarm.alarmActions());
            strings(g, "InsufficientDataActions", alarm.insufficientDataActions());
            g.writeObjectFieldStart("Trigger");
            g.writeStringField("MetricName", alarm.metricName());
            g.writeStringField("Namespace", alarm.namespace());
            Statistic statistic = alarm.statistic();
            if (statistic.isExtended()) {
                g.writeStringField("StatisticType", "ExtendedStatistic");
                g.writeStringField("ExtendedStatistic", statistic.awsName());
            } else {
                g.writeStringField("StatisticType", "Statistic");
                g.writeStringField("Statistic", upperSnake(statistic.awsName()));
            }
            g.writeFieldName("Unit");
            if (alarm.unit().isPresent()) {
                g.writeString(alarm.unit().get().awsName());
            } else {
                g.writeNull();
            }
            g.writeArrayFieldStart("Dimensions");
            for (Map.Entry<String, String> d : alarm.dimensions().entrySet()) {
                g.writeStartObject();
                g.writeStringField("value", d.getValue());
                g.writeStringField("name", d.getKey());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeNumberField("Period", alarm.periodSeconds());
            g.writeNumberField("EvaluationPeriods", alarm.evaluationPeriods());
            if (alarm.isDatapointsToAlarmSet()) {
                g.writeNumberField("DatapointsToAlarm", alarm.datapointsToAlarm());
            }
            g.writeStringField("ComparisonOperator", alarm.comparisonOperator().awsName());
            g.writeFieldName("Threshold");
            g.writeRawValue(Double.toString(alarm.threshold()));
            g.writeStringField("TreatMissingData", alarm.treatMissingData().awsName());
            g.writeStringField("EvaluateLowSampleCountPercentile", alarm.isEvaluateLowSampleCountPercentileSet()
                    ? alarm.evaluateLowSampleCountPercentile().awsName() : "");
            g.writeEndObject();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot happen: writing to a string", e);
        }
        return out.toString();
    }

    /**
     * The e-mail text, as {@link AlarmEmailPrinter} writes it for this alarm's region and account (SNS adds its
     * unsubscribe footer to what it sends).
     */
    public String email(MetricAlarm alarm, AlarmStateChange change) {
        return AlarmEmailPrinter.builder(new StringBuilder()).region(region(alarm)).accountId(accountId(alarm))
                .build().format(alarm, change);
    }

    /**
     * The document CloudWatch publishes with {@code MessageStructure=json}: {@code default} the body, {@code sms} the
     * subject, {@code email} the e-mail text.
     */
    public String messageStructure(MetricAlarm alarm, AlarmStateChange change) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("default", body(alarm, change));
            g.writeStringField("sms", subject(alarm, change));
            g.writeStringField("email", email(alarm, change));
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot happen: writing to a string", e);
        }
        return out.toString();
    }

    /** Timestamps of the body: {@code 2024-09-09T01:59:07.423+0000}. */
    public static String time(long epochMillis) {
        return BODY_TIME.format(Instant.ofEpochMilli(epochMillis));
    }

    private static void strings(JsonGenerator g, String name, List<String> values) throws IOException {
        g.writeArrayFieldStart(name);
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }

    /** {@code SampleCount} → {@code SAMPLE_COUNT}, {@code Sum} → {@code SUM}. */
    private static String upperSnake(String name) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (i > 0 && Character.isUpperCase(c)) {
                s.append('_');
            }
            s.append(Character.toUpperCase(c));
        }
        return s.toString();
    }

    /** Builds {@link AlarmMessages}. Not thread-safe. */
    public static final class Builder {

        private String region = AlarmEmailPrinter.DEFAULT_REGION;
        private String accountId = AlarmEmailPrinter.DEFAULT_ACCOUNT_ID;
        private final Map<String, String> regionNames = new HashMap<>();

        private Builder() {
        }

        /**
         * The region of alarms without an ARN. Default {@code us-east-1}.
         *
         * @throws IllegalArgumentException if it is not shaped like a region code
         */
        public Builder region(String region) {
            if (!REGION_CODE.matcher(Objects.requireNonNull(region, "region")).matches()) {
                throw new IllegalArgumentException("'" + region + "' is not a region code such as us-east-1");
            }
            this.region = region;
            return this;
        }

        /**
         * The account of alarms without an ARN. Default {@code 123456789012}.
         *
         * @throws IllegalArgumentException if it is not 12 digits
         */
        public Builder accountId(String accountId) {
            if (!ACCOUNT_ID.matcher(Objects.requireNonNull(accountId, "accountId")).matches()) {
                throw new IllegalArgumentException("'" + accountId + "' is not a 12-digit account ID");
            }
            this.accountId = accountId;
            return this;
        }

        /**
         * The long name to write for a region, overriding {@link RegionNames} (whose names beyond the captured ones
         * are unverified).
         */
        public Builder regionName(String regionCode, String longName) {
            regionNames.put(Objects.requireNonNull(regionCode, "regionCode"),
                    Objects.requireNonNull(longName, "longName"));
            return this;
        }

        /** The formatter. */
        public AlarmMessages build() {
            return new AlarmMessages(this);
        }
    }
}
