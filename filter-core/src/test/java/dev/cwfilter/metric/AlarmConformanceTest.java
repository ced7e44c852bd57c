package dev.cwfilter.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cwfilter.Datapoint;
import dev.cwfilter.StandardUnit;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import dev.cwfilter.conformance.ConformanceSummaryListener;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every case of {@code conformance/alarms.jsonl} through a real {@link MetricAggregator} and
 * {@link AlarmEvaluator}: each slot of the case becomes a datapoint (or none) in its own period, and the alarm is
 * evaluated once, at the end of the newest period.
 */
class AlarmConformanceTest {

    private static final String RESOURCE = "/conformance/alarms.jsonl";
    /** Case id → why it is skipped. A listed case that passes fails the run, so stale skips cannot linger. */
    private static final Map<String, String> SKIPPED = Map.of();

    private static final long START = Instant.parse("2026-11-21T12:00:00Z").toEpochMilli();
    private static final int PERIOD_SECONDS = 60;
    private static final long PERIOD_MILLIS = PERIOD_SECONDS * 1000L;
    private static final double THRESHOLD = 1.0;
    private static final double BREACHING_VALUE = 5.0;
    private static final double NON_BREACHING_VALUE = 0.0;

    private record Case(String id, String datapoints, int evaluationPeriods, int datapointsToAlarm,
                        int evaluationRange, TreatMissingData treatMissingData, String expectedState,
                        AlarmState initialState) {
    }

    /** Counted in the run's closing {@code conformance: N passed, M failed} line. */
    @TestFactory
    @Tag(ConformanceSummaryListener.TAG)
    Stream<DynamicNode> alarmsJsonl() throws IOException {
        return Stream.of(DynamicContainer.dynamicContainer("alarms.jsonl",
                readCases().stream().map(c -> DynamicTest.dynamicTest(c.id(), () -> runCase(c)))));
    }

    @Test
    void everySkippedCaseExists() throws IOException {
        Set<String> ids = readCases().stream().map(Case::id).collect(Collectors.toSet());
        assertThat(ids).containsAll(SKIPPED.keySet());
    }

    private static void runCase(Case c) {
        String skipReason = SKIPPED.get(c.id());
        List<String> mismatches;
        try {
            mismatches = mismatches(c);
        } catch (RuntimeException | AssertionError e) {
            if (skipReason != null) {
                Assumptions.abort("skipped: " + skipReason);
            }
            throw e;
        }
        if (skipReason != null) {
            if (mismatches.isEmpty()) {
                fail("case " + c.id() + " is listed as skipped (" + skipReason + ") but now passes: remove the skip");
            }
            Assumptions.abort("skipped: " + skipReason);
        }
        if (!mismatches.isEmpty()) {
            fail("case " + c.id() + " [" + c.datapoints() + "] N=" + c.evaluationPeriods() + " M="
                    + c.datapointsToAlarm() + " treatMissingData=" + c.treatMissingData().awsName() + ":\n  "
                    + String.join("\n  ", mismatches));
        }
    }

    /** One line per starting state whose result differs from the expected one. */
    private static List<String> mismatches(Case c) {
        List<AlarmState> starts = c.initialState() != null ? List.of(c.initialState())
                : List.of(AlarmState.INSUFFICIENT_DATA, AlarmState.OK, AlarmState.ALARM);
        List<String> mismatches = new ArrayList<>();
        for (AlarmState start : starts) {
            AlarmState expected = c.expectedState().equals("RETAIN_CURRENT_STATE") ? start
                    : AlarmState.fromAwsName(c.expectedState());
            AlarmState actual = evaluate(c, start);
            if (actual != expected) {
                mismatches.add("from " + start + ": expected " + expected + " but was " + actual);
            }
        }
        return mismatches;
    }

    private static AlarmState evaluate(Case c, AlarmState start) {
        MetricAlarm alarm = MetricAlarm.builder()
                .alarmName(c.id())
                .namespace("Conformance")
                .metricName("Errors")
                .statistic(Statistic.SUM)
                .periodSeconds(PERIOD_SECONDS)
                .evaluationPeriods(c.evaluationPeriods())
                .datapointsToAlarm(c.datapointsToAlarm())
                .threshold(THRESHOLD)
                .comparisonOperator(AlarmComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
                .treatMissingData(c.treatMissingData())
                .build();
        assertThat(alarm.evaluationRangePeriods())
                .as("the engine's evaluation range for N=%d", c.evaluationPeriods())
                .isEqualTo(c.evaluationRange());

        String[] slots = c.datapoints().trim().split("\\s+");
        int range = alarm.evaluationRangePeriods();
        assertThat(slots.length).as("slots of case %s", c.id()).isLessThanOrEqualTo(range);
        MetricAggregator metric = MetricAggregator.create();
        int firstSlot = range - slots.length;
        for (int i = 0; i < slots.length; i++) {
            long periodStart = START + (firstSlot + i) * PERIOD_MILLIS;
            // Mid-period timestamps, so the test also exercises bucketing rather than period starts only.
            long timestamp = periodStart + 17_000;
            switch (slots[i]) {
                case "X" -> metric.add(datapoint(timestamp, BREACHING_VALUE));
                case "0" -> metric.add(datapoint(timestamp, NON_BREACHING_VALUE));
                case "-" -> {
                }
                default -> throw new IllegalArgumentException("case " + c.id() + ": unknown slot '" + slots[i] + "'");
            }
        }

        AlarmEvaluator evaluator = new AlarmEvaluator(alarm, metric);
        if (start != AlarmState.INSUFFICIENT_DATA) {
            evaluator.setAlarmState(start, "conformance starting state", START);
        }
        assertThat(evaluator.state()).isEqualTo(start);
        evaluator.evaluate(START + range * PERIOD_MILLIS);
        return evaluator.state();
    }

    private static Datapoint datapoint(long timestamp, double value) {
        return new Datapoint(timestamp, value, StandardUnit.COUNT, Map.of());
    }

    private static List<Case> readCases() throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<Case> cases = new ArrayList<>();
        try (InputStream in = Objects.requireNonNull(AlarmConformanceTest.class.getResourceAsStream(RESOURCE),
                RESOURCE);
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode n = json.readTree(line);
                cases.add(new Case(
                        n.get("id").asText(),
                        n.get("datapoints_oldest_to_newest").asText(),
                        n.get("evaluationPeriods").asInt(),
                        n.get("datapointsToAlarm").asInt(),
                        n.get("evaluationRange").asInt(),
                        TreatMissingData.fromAwsName(n.get("treatMissingData").asText()),
                        n.get("expectedState").asText(),
                        n.hasNonNull("initialState") ? AlarmState.fromAwsName(n.get("initialState").asText()) : null));
            }
        }
        assertThat(cases).isNotEmpty();
        return cases;
    }
}
