package dev.cwfilter.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cwfilter.LogEvent;
import dev.cwfilter.LogGroup;
import dev.cwfilter.MetricFilter;
import dev.cwfilter.metric.AlarmComparisonOperator;
import dev.cwfilter.metric.MetricAlarm;
import dev.cwfilter.metric.Statistic;
import dev.cwfilter.metric.TreatMissingData;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The seed scenario's hour of CloudTrail events, its metric filter and its Sum alarm, for the live tests. */
final class Seed {

    static final List<LogEvent> EVENTS = read();

    private Seed() {
    }

    static long at(String hhmm) {
        return Instant.parse("2026-11-21T" + hhmm + (hhmm.length() == 5 ? ":00Z" : "Z")).toEpochMilli();
    }

    static MetricFilter filter() {
        return MetricFilter.builder().filterName("SecretIsAccessed").filterPattern("{ $.eventName = \"GetSecretValue\" }")
                .metricNamespace("SecurityMetrics").metricName("Secret is accessed").metricValue("1").defaultValue(0)
                .build();
    }

    static LogGroup group() {
        return LogGroup.builder().name("CloudTrail/logs").metricFilter(filter()).build();
    }

    static MetricAlarm sumAlarm() {
        return MetricAlarm.builder().alarmName("Secret is accessed").namespace("SecurityMetrics")
                .metricName("Secret is accessed").statistic(Statistic.SUM).periodSeconds(60).evaluationPeriods(1)
                .threshold(1).comparisonOperator(AlarmComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
                .treatMissingData(TreatMissingData.MISSING).build();
    }

    private static List<LogEvent> read() {
        ObjectMapper mapper = new ObjectMapper();
        try (InputStream in = Seed.class.getResourceAsStream("/seed/cloudtrail-secrets-hour.json")) {
            List<LogEvent> events = new ArrayList<>();
            for (JsonNode record : mapper.readTree(in).get("Records")) {
                events.add(new LogEvent(Instant.parse(record.get("eventTime").asText()).toEpochMilli(),
                        mapper.writeValueAsString(record)));
            }
            return List.copyOf(events);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
