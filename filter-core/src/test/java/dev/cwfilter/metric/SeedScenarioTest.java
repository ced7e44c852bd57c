package dev.cwfilter.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cwfilter.LogEvent;
import dev.cwfilter.MetricFilter;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The seed scenario end to end: an hour of CloudTrail events ({@code seed/cloudtrail-secrets-hour.json}, as CloudTrail
 * writes them) → the metric filter {@code { $.eventName = "GetSecretValue" }} (value 1, default 0, namespace
 * SecurityMetrics, metric "Secret is accessed") → its metric → two alarms, Sum over 1 minute and Average over 5
 * minutes, both {@code >= 1}. Every datapoint and every alarm transition is asserted exactly; the values were counted
 * from the data independently.
 */
class SeedScenarioTest {

    static final String JSON_PATTERN = "{ $.eventName = \"GetSecretValue\" }";
    static final long START = Instant.parse("2026-11-21T12:00:00Z").toEpochMilli();
    static final long END = Instant.parse("2026-11-21T13:00:00Z").toEpochMilli();

    static List<LogEvent> events;

    @BeforeAll
    static void readCloudTrail() throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        try (InputStream in = SeedScenarioTest.class.getResourceAsStream("/seed/cloudtrail-secrets-hour.json")) {
            JsonNode records = mapper.readTree(in).get("Records");
            events = new ArrayList<>();
            for (JsonNode record : records) {
                events.add(new LogEvent(Instant.parse(record.get("eventTime").asText()).toEpochMilli(),
                        mapper.writeValueAsString(record)));
            }
        }
        assertThat(events).hasSize(127);
    }

    static MetricFilter secretIsAccessed(String pattern) {
        return MetricFilter.builder().filterName("SecretIsAccessed").filterPattern(pattern)
                .metricNamespace("SecurityMetrics").metricName("Secret is accessed")
                .metricValue("1").defaultValue(0).build();
    }

    static MetricAlarm alarm(Statistic statistic, int periodSeconds) {
        return MetricAlarm.builder().alarmName("Secret is accessed (" + statistic.awsName() + ")")
                .namespace("SecurityMetrics").metricName("Secret is accessed")
                .statistic(statistic).periodSeconds(periodSeconds).evaluationPeriods(1).datapointsToAlarm(1)
                .threshold(1).comparisonOperator(AlarmComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
                .treatMissingData(TreatMissingData.MISSING)
                .alarmActions(List.of("arn:aws:sns:us-east-1:123456789012:SecretAccessAlerts"))
                .build();
    }

    static Map<String, Double> perPeriod(MetricAggregator metric, int periodSeconds, Statistic statistic) {
        Map<String, Double> values = new LinkedHashMap<>();
        for (PeriodStatistics p : metric.getMetricStatistics(StatisticsQuery.of(START, END, periodSeconds,
                statistic))) {
            values.put(Instant.ofEpochMilli(p.timestamp()).toString().substring(11, 16),
                    p.value(statistic).orElseThrow());
        }
        return values;
    }

    static long minute(String hhmm) {
        return Instant.parse("2026-11-21T" + hhmm + ":00Z").toEpochMilli();
    }

    @Test
    void everyEventPublishesOneDatapointValueOneForAMatchAndZeroOtherwise() {
        FilterMetrics metrics = FilterMetrics.of(secretIsAccessed(JSON_PATTERN)).acceptAll(events);
        assertThat(metrics.datapointCount()).isEqualTo(127);
        assertThat(metrics.metrics()).containsOnlyKeys(Map.of());
        Map<String, Double> sampleCounts = perPeriod(metrics.metric(), 60, Statistic.SAMPLE_COUNT);
        assertThat(sampleCounts).hasSize(57).doesNotContainKeys("12:30", "12:31", "12:32");
        assertThat(sampleCounts.values().stream().mapToDouble(Double::doubleValue).sum()).isEqualTo(127);
    }

    @Test
    void sumPerMinuteCountsTheGetSecretValueCalls() {
        FilterMetrics metrics = FilterMetrics.of(secretIsAccessed(JSON_PATTERN)).acceptAll(events);
        Map<String, Double> sums = perPeriod(metrics.metric(), 60, Statistic.SUM);
        assertThat(sums).hasSize(57);
        Map<String, Double> nonZero = new LinkedHashMap<>();
        sums.forEach((minute, sum) -> {
            if (sum != 0) {
                nonZero.put(minute, sum);
            }
        });
        assertThat(nonZero).containsExactly(Map.entry("12:03", 2.0), Map.entry("12:17", 1.0),
                Map.entry("12:41", 2.0), Map.entry("12:58", 1.0));
    }

    @Test
    void averagePerFiveMinutesIsTheShareOfMatchingEvents() {
        FilterMetrics metrics = FilterMetrics.of(secretIsAccessed(JSON_PATTERN)).acceptAll(events);
        Map<String, Double> averages = perPeriod(metrics.metric(), 300, Statistic.AVERAGE);
        assertThat(averages).containsExactly(
                Map.entry("12:00", 2.0 / 16), Map.entry("12:05", 0.0), Map.entry("12:10", 0.0),
                Map.entry("12:15", 1.0 / 11), Map.entry("12:20", 0.0), Map.entry("12:25", 0.0),
                Map.entry("12:30", 0.0), Map.entry("12:35", 0.0), Map.entry("12:40", 2.0 / 12),
                Map.entry("12:45", 0.0), Map.entry("12:50", 0.0), Map.entry("12:55", 1.0 / 10));
    }

    @Test
    void theTermPatternAlsoCountsAPolicyThatMentionsGetSecretValue() {
        FilterMetrics metrics = FilterMetrics.of(secretIsAccessed("GetSecretValue")).acceptAll(events);
        Map<String, Double> sums = perPeriod(metrics.metric(), 60, Statistic.SUM);
        assertThat(sums).hasSize(57);
        Map<String, Double> nonZero = new LinkedHashMap<>();
        sums.forEach((minute, sum) -> {
            if (sum != 0) {
                nonZero.put(minute, sum);
            }
        });
        assertThat(nonZero).containsExactly(Map.entry("12:03", 2.0), Map.entry("12:17", 1.0),
                Map.entry("12:22", 1.0), Map.entry("12:41", 2.0), Map.entry("12:58", 1.0));
        assertThat(perPeriod(metrics.metric(), 300, Statistic.AVERAGE)).containsEntry("12:20", 1.0 / 11);
    }

    @Test
    void withTheTermPatternTheSumAlarmAlsoFiresForThePolicyChange() {
        FilterMetrics metrics = FilterMetrics.of(secretIsAccessed("GetSecretValue")).acceptAll(events);
        List<AlarmStateChange> changes = new AlarmEvaluator(alarm(Statistic.SUM, 60), metrics.metric()).replay();
        assertThat(changes).extracting(AlarmStateChange::timestamp, AlarmStateChange::oldState,
                AlarmStateChange::newState).containsExactly(
                tuple(minute("12:01"), AlarmState.INSUFFICIENT_DATA, AlarmState.OK),
                tuple(minute("12:04"), AlarmState.OK, AlarmState.ALARM),
                tuple(minute("12:05"), AlarmState.ALARM, AlarmState.OK),
                tuple(minute("12:18"), AlarmState.OK, AlarmState.ALARM),
                tuple(minute("12:19"), AlarmState.ALARM, AlarmState.OK),
                tuple(minute("12:23"), AlarmState.OK, AlarmState.ALARM),
                tuple(minute("12:24"), AlarmState.ALARM, AlarmState.OK),
                tuple(minute("12:33"), AlarmState.OK, AlarmState.INSUFFICIENT_DATA),
                tuple(minute("12:34"), AlarmState.INSUFFICIENT_DATA, AlarmState.OK),
                tuple(minute("12:42"), AlarmState.OK, AlarmState.ALARM),
                tuple(minute("12:43"), AlarmState.ALARM, AlarmState.OK),
                tuple(minute("12:59"), AlarmState.OK, AlarmState.ALARM),
                tuple(minute("13:00"), AlarmState.ALARM, AlarmState.OK),
                tuple(minute("13:03"), AlarmState.OK, AlarmState.INSUFFICIENT_DATA));
    }

    @Test
    void withTheTermPatternTheAverageAlarmStillNeverFires() {
        FilterMetrics metrics = FilterMetrics.of(secretIsAccessed("GetSecretValue")).acceptAll(events);
        List<AlarmStateChange> changes = new AlarmEvaluator(alarm(Statistic.AVERAGE, 300), metrics.metric()).replay();
        assertThat(changes).extracting(AlarmStateChange::timestamp, AlarmStateChange::oldState,
                AlarmStateChange::newState).containsExactly(
                tuple(minute("12:05"), AlarmState.INSUFFICIENT_DATA, AlarmState.OK),
                tuple(minute("13:15"), AlarmState.OK, AlarmState.INSUFFICIENT_DATA));
    }

    @Test
    void sumOverOneMinuteAlarmsInEveryMinuteWithACall() {
        FilterMetrics metrics = FilterMetrics.of(secretIsAccessed(JSON_PATTERN)).acceptAll(events);
        AlarmEvaluator alarm = new AlarmEvaluator(alarm(Statistic.SUM, 60), metrics.metric());
        List<AlarmStateChange> changes = alarm.replay();
        assertThat(changes).extracting(AlarmStateChange::timestamp, AlarmStateChange::oldState,
                AlarmStateChange::newState).containsExactly(
                tuple(minute("12:01"), AlarmState.INSUFFICIENT_DATA, AlarmState.OK),
                tuple(minute("12:04"), AlarmState.OK, AlarmState.ALARM),
                tuple(minute("12:05"), AlarmState.ALARM, AlarmState.OK),
                tuple(minute("12:18"), AlarmState.OK, AlarmState.ALARM),
                tuple(minute("12:19"), AlarmState.ALARM, AlarmState.OK),
                // 12:30-12:32 had no events: once all three periods of the range are missing, no data.
                tuple(minute("12:33"), AlarmState.OK, AlarmState.INSUFFICIENT_DATA),
                tuple(minute("12:34"), AlarmState.INSUFFICIENT_DATA, AlarmState.OK),
                tuple(minute("12:42"), AlarmState.OK, AlarmState.ALARM),
                tuple(minute("12:43"), AlarmState.ALARM, AlarmState.OK),
                tuple(minute("12:59"), AlarmState.OK, AlarmState.ALARM),
                tuple(minute("13:00"), AlarmState.ALARM, AlarmState.OK),
                // The log group falls silent after 13:00: three missing periods later, no data again.
                tuple(minute("13:03"), AlarmState.OK, AlarmState.INSUFFICIENT_DATA));
    }

    @Test
    void averageOverFiveMinutesNeverAlarmsBecauseOtherEventsDiluteIt() {
        FilterMetrics metrics = FilterMetrics.of(secretIsAccessed(JSON_PATTERN)).acceptAll(events);
        AlarmEvaluator alarm = new AlarmEvaluator(alarm(Statistic.AVERAGE, 300), metrics.metric());
        List<AlarmStateChange> changes = alarm.replay();
        assertThat(changes).extracting(AlarmStateChange::timestamp, AlarmStateChange::oldState,
                AlarmStateChange::newState).containsExactly(
                tuple(minute("12:05"), AlarmState.INSUFFICIENT_DATA, AlarmState.OK),
                tuple(minute("13:15"), AlarmState.OK, AlarmState.INSUFFICIENT_DATA));
        assertThat(alarm.history()).noneMatch(c -> c.newState() == AlarmState.ALARM);
    }

    static final String DELETED_PATTERN = "{ $.eventName = \"GetSecretValue\" && $.errorMessage = \"*secret because"
            + " it was marked for deletion*\" }";

    @Test
    void theAwsGuidesAttemptsToAccessDeletedSecretsFilterRunsBesideTheFirstInOneLogGroup() {
        MetricFilter deleted = MetricFilter.builder().filterName("AttemptsToAccessDeletedSecrets")
                .filterPattern(DELETED_PATTERN).metricNamespace("SecurityMetrics")
                .metricName("Attempts to access deleted secrets").metricValue("1").defaultValue(0).build();
        dev.cwfilter.LogGroup group = dev.cwfilter.LogGroup.builder().name("CloudTrail/DefaultLogGroup")
                .metricFilter(secretIsAccessed(JSON_PATTERN)).metricFilter(deleted).build();
        LogGroupMetrics metrics = LogGroupMetrics.of(group).acceptAll(events);
        assertThat(metrics.matchCount(0)).isEqualTo(6);
        assertThat(metrics.matchCount(1)).isEqualTo(1);
        assertThat(metrics.datapointCount(1)).isEqualTo(127);
        Map<String, Double> nonZero = new LinkedHashMap<>();
        perPeriod(metrics.metric(MetricId.of("SecurityMetrics", "Attempts to access deleted secrets")), 60,
                Statistic.SUM).forEach((minute, sum) -> {
                    if (sum != 0) {
                        nonZero.put(minute, sum);
                    }
                });
        assertThat(nonZero).containsExactly(Map.entry("12:41", 1.0));
        // The first filter's metric is the same in the group as alone.
        assertThat(perPeriod(metrics.metric(MetricId.of("SecurityMetrics", "Secret is accessed")), 60, Statistic.SUM))
                .isEqualTo(perPeriod(FilterMetrics.of(secretIsAccessed(JSON_PATTERN)).acceptAll(events).metric(), 60,
                        Statistic.SUM));
    }

    @Test
    void theFirstAlarmSendsANotificationShapedLikeCloudWatchsEmail() {
        FilterMetrics metrics = FilterMetrics.of(secretIsAccessed(JSON_PATTERN)).acceptAll(events);
        StringBuilder mail = new StringBuilder();
        MetricAlarm sumAlarm = alarm(Statistic.SUM, 60);
        new AlarmEvaluator(sumAlarm, metrics.metric(), AlarmEmailPrinter.to(mail)).replay();
        String first = mail.toString().split("You are receiving this email")[1];
        assertThat(first).contains("\"Secret is accessed (Sum)\" in the US East (N. Virginia) region has entered the"
                        + " ALARM state")
                .contains("State Change:")
                .contains("OK -> ALARM")
                .contains("[2.0 (21/11/26 12:03:00)]")
                .contains("greater than or equal to the threshold (1.0)")
                .contains("MetricName:")
                .contains("Secret is accessed")
                .contains("arn:aws:sns:us-east-1:123456789012:SecretAccessAlerts");
        assertThat(mail.toString().split("You are receiving this email")).as("one e-mail per ALARM transition")
                .hasSize(1 + 4);
    }
}
