package dev.cwfilter.flink;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cwfilter.LogEvent;
import dev.cwfilter.LogGroup;
import dev.cwfilter.metric.AlarmComparisonOperator;
import dev.cwfilter.metric.AlarmStateChange;
import dev.cwfilter.metric.EvaluatedDatapoint;
import dev.cwfilter.metric.MetricAlarm;
import dev.cwfilter.metric.TreatMissingData;
import java.time.Duration;
import java.util.List;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What late data does on Flink, where the rule is the module's own (docs/semantics-decisions.md, "Flink"): a late event
 * counts in every evaluation made after the watermark it was late against, never in one made before, and publishes no
 * datapoint for a minute the watermark has passed; in such a minute it neither publishes nor withdraws a once-per-minute
 * default.
 */
class LateDataTest {

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

    static final long NOON = Scenarios.NOON;
    static final long MINUTE = Scenarios.MINUTE;
    static final String READ = Scenarios.MESSAGES.get(0);
    static final String ERROR = Scenarios.MESSAGES.get(5);
    static final String QUIET = Scenarios.MESSAGES.get(6);

    /** Sum of Errors over 3 minutes, 1 of 1, >= 2: a late error decides an evaluation only after its watermark. */
    static MetricAlarm errors() {
        return Scenarios.alarm("errors", "App", "Errors", "Sum", 180, 1, 1, 2,
                AlarmComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD).treatMissingData(TreatMissingData.MISSING)
                .build();
    }

    @Test
    void aLateEventCountsFromItsWatermarkOnAndPublishesNothingForACompleteMinute() throws Exception {
        LogGroup group = LogGroup.builder().metricFilter(Scenarios.ERRORS).build();
        List<LogEvent> arrivals = List.of(
                new LogEvent(NOON + 10_000, ERROR),
                new LogEvent(NOON + MINUTE + 10_000, QUIET),
                new LogEvent(NOON + 4 * MINUTE + 30_000, QUIET),   // watermark 12:03:30: 12:03 evaluated, 1 error
                new LogEvent(NOON + 2 * MINUTE + 5_000, ERROR),     // late, in the complete minute 12:02
                new LogEvent(NOON + 7 * MINUTE, QUIET));
        for (int p : new int[] {1, 2}) {
            FlinkRun.Output out = FlinkRun.run(LogGroupPipeline.builder(group).alarm(errors()).build(), arrivals,
                    Duration.ofMinutes(1), p);
            assertThat(out.late()).extracting(LateEvent::event).containsExactly(arrivals.get(3));
            // Minutes 12:00 (the on-time error) only: the late error's minute had published nothing and stays so.
            assertThat(out.datapoints()).extracting(MetricDatapoint::timestamp).containsExactly(NOON);
            List<AlarmStateChange> t = out.byAlarm(List.of("errors")).get("errors");
            // 12:03 saw one error in 12:00-12:03 (OK); the late error joins that period after it was evaluated, and
            // the evaluation at 12:06, whose range of N + 2 periods still holds it, sees 2 (ALARM); 12:12 sees
            // nothing (INSUFFICIENT_DATA).
            assertThat(t).extracting(AlarmStateChange::timestamp).containsExactly(NOON + 3 * MINUTE,
                    NOON + 6 * MINUTE, NOON + 12 * MINUTE);
            assertThat(t.get(0).evaluatedDatapoints().get(2).value()).hasValue(1.0);
            assertThat(t.get(1).newState()).hasToString("ALARM");
            assertThat(t.get(1).evaluatedDatapoints().get(1).value()).hasValue(2.0);
        }
    }

    @Test
    void aLateEventIsSeenByTheFirstEvaluationAfterItsWatermark() throws Exception {
        LogGroup group = LogGroup.builder().metricFilter(Scenarios.ERRORS).build();
        MetricAlarm alarm = Scenarios.alarm("errors", "App", "Errors", "Sum", 60, 3, 1, 2,
                AlarmComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD).build();
        List<LogEvent> arrivals = List.of(
                new LogEvent(NOON + 10_000, ERROR),
                new LogEvent(NOON + 2 * MINUTE + 30_000, QUIET),    // watermark 12:01:30: 12:01 evaluated
                new LogEvent(NOON + 20_000, ERROR),                 // late: 12:00 now holds 2 errors
                new LogEvent(NOON + 3 * MINUTE + 30_000, QUIET));   // 12:02 is evaluated and sees both
        FlinkRun.Output out = FlinkRun.run(LogGroupPipeline.builder(group).alarm(alarm).build(), arrivals,
                Duration.ofMinutes(1), 2);
        List<AlarmStateChange> t = out.byAlarm(List.of("errors")).get("errors");
        assertThat(t.get(0).timestamp()).isEqualTo(NOON + MINUTE);
        assertThat(t.get(0).newState()).hasToString("OK");
        assertThat(t.get(1).timestamp()).isEqualTo(NOON + 2 * MINUTE);
        assertThat(t.get(1).newState()).hasToString("ALARM");
        assertThat(t.get(1).evaluatedDatapoints()).extracting(EvaluatedDatapoint::timestamp).contains(NOON);
        assertThat(out.datapoints()).filteredOn(d -> d.timestamp() == NOON).singleElement()
                .satisfies(d -> assertThat(d.statistics().values()).containsEntry(
                        dev.cwfilter.metric.Statistic.SUM, 1.0));
    }

    @Test
    void aLateEventInACompleteMinuteNeitherPublishesNorWithdrawsAPerMinuteDefault() throws Exception {
        LogGroup group = LogGroup.builder().metricFilter(Scenarios.CODES).build();
        String code = Scenarios.MESSAGES.get(1);
        List<LogEvent> arrivals = List.of(
                new LogEvent(NOON + 10_000, QUIET),                 // 12:00: events, no match: default 0
                new LogEvent(NOON + MINUTE + 10_000, code),         // 12:01: a match: 1
                new LogEvent(NOON + 3 * MINUTE + 30_000, QUIET),    // watermark 12:02:30
                new LogEvent(NOON + 20_000, code),                  // late match in 12:00: the default stays
                new LogEvent(NOON + MINUTE + 20_000, QUIET),        // late miss in 12:01: no default added
                new LogEvent(NOON + 5 * MINUTE, QUIET));
        MetricAlarm sum = Scenarios.alarm("codes", "App", "Codes", "SampleCount", 60, 1, 1, 5,
                AlarmComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD).build();
        FlinkRun.Output out = FlinkRun.run(LogGroupPipeline.builder(group).alarm(sum).build(), arrivals,
                Duration.ofMinutes(1), 2);
        assertThat(out.datapointLines()).hasSize(4);
        assertThat(out.datapoints()).filteredOn(d -> d.timestamp() == NOON).singleElement()
                .satisfies(d -> assertThat(d.statistics().values()).containsEntry(
                        dev.cwfilter.metric.Statistic.SAMPLE_COUNT, 1.0));
        // 12:00, 12:01, 12:03 and 12:05, each once: the late events published nothing.
        assertThat(out.late()).hasSize(2);
    }
}
