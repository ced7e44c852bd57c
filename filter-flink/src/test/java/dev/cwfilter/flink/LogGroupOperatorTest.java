package dev.cwfilter.flink;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cwfilter.LogEvent;
import dev.cwfilter.LogGroup;
import dev.cwfilter.MetricFilter;
import dev.cwfilter.StandardUnit;
import dev.cwfilter.live.LatenessRule;
import dev.cwfilter.live.Rejection;
import dev.cwfilter.metric.MetricId;
import java.util.List;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

/** The first stage alone, in Flink's operator test harness: lateness, gathering, checkpoints and rejections. */
class LogGroupOperatorTest {

    static final long NOON = Scenarios.NOON;
    static final long MINUTE = Scenarios.MINUTE;
    static final String READ = "{\"eventName\":\"GetSecretValue\",\"user\":\"alice\"}";

    static LogGroupPipeline pipeline() {
        return LogGroupPipeline.builder(Seed.group()).alarm(Seed.sumAlarm()).maxEventBytes(1000).build();
    }

    static OneInputStreamOperatorTestHarness<LogEvent, MetricUpdate> harness(LogGroupOperator op) throws Exception {
        return new OneInputStreamOperatorTestHarness<>(op, CloudWatchTypes.LogEventSerializer.INSTANCE);
    }

    static void event(OneInputStreamOperatorTestHarness<LogEvent, MetricUpdate> h, long t, String message)
            throws Exception {
        h.processElement(new LogEvent(t, message), t);
    }

    static List<MetricUpdate> updates(OneInputStreamOperatorTestHarness<LogEvent, MetricUpdate> h) {
        return h.extractOutputValues();
    }

    @Test
    void valuesAreGatheredPerMinuteAndSentWhenTheWatermarkPassesTheMinutesEnd() throws Exception {
        try (var h = harness(pipeline().logGroupOperator())) {
            h.open();
            event(h, NOON + 1_000, READ);
            event(h, NOON + 2_000, "{\"eventName\":\"ListSecrets\"}");
            event(h, NOON + MINUTE + 5, READ);
            assertThat(updates(h)).isEmpty();
            h.processWatermark(NOON + MINUTE - 2);
            assertThat(updates(h)).isEmpty();
            h.processWatermark(NOON + MINUTE - 1);
            List<MetricUpdate> sent = updates(h);
            assertThat(sent).hasSize(1);
            MetricUpdate u = sent.get(0);
            assertThat(u.kind()).isEqualTo(MetricUpdate.Kind.VALUES);
            assertThat(u.metric()).isEqualTo(MetricId.of("SecurityMetrics", "Secret is accessed"));
            assertThat(u.time()).isEqualTo(NOON);
            assertThat(u.units()).containsExactly(StandardUnit.NONE);
            assertThat(u.values()[0].sampleCount()).isEqualTo(2);
        }
    }

    @Test
    void everythingGatheredIsSentBeforeACheckpointBarrierSoThatNoStateHoldsIt() throws Exception {
        try (var h = harness(pipeline().logGroupOperator())) {
            h.open();
            event(h, NOON + 1_000, READ);
            event(h, NOON + 3 * MINUTE, READ);
            h.prepareSnapshotPreBarrier(1);
            assertThat(updates(h)).extracting(MetricUpdate::time).containsExactlyInAnyOrder(NOON, NOON + 3 * MINUTE);
        }
    }

    /**
     * After a restore the watermark starts over in Flink; the operator judges events against the watermark it had
     * reached at the checkpoint, so an event late before the failure is late after it too.
     */
    @Test
    void aRestoredTaskJudgesEventsAgainstTheWatermarkOfItsCheckpoint() throws Exception {
        LogGroupPipeline pipeline = pipeline();
        OperatorSubtaskState snapshot;
        try (var h = harness(pipeline.logGroupOperator())) {
            h.open();
            event(h, NOON + 10 * MINUTE, READ);
            h.processWatermark(NOON + 9 * MINUTE - 1);
            h.prepareSnapshotPreBarrier(1);
            snapshot = h.snapshot(1, 0);
        }
        try (var h = harness(pipeline.logGroupOperator())) {
            h.initializeState(snapshot);
            h.open();
            event(h, NOON + 8 * MINUTE + 30_000, READ);
            event(h, NOON + 9 * MINUTE + 1, READ);
            assertThat(h.getSideOutput(LogGroupOperator.LATE_EVENTS)).extracting(StreamRecord::getValue)
                    .extracting(LateEvent::verdict, LateEvent::watermark)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(LatenessRule.Verdict.LATE,
                            NOON + 9 * MINUTE));
            List<MetricUpdate> sent = updates(h);
            assertThat(sent).hasSize(1);
            assertThat(sent.get(0).kind()).isEqualTo(MetricUpdate.Kind.LATE);
            assertThat(sent.get(0).watermark()).isEqualTo(NOON + 9 * MINUTE);
        }
    }

    @Test
    void aLateEventInAMinuteNotYetCompleteIsGatheredAsIfOnTime() throws Exception {
        try (var h = harness(pipeline().logGroupOperator())) {
            h.open();
            h.processWatermark(NOON + 30_000 - 1);
            event(h, NOON + 10_000, READ);
            assertThat(h.getSideOutput(LogGroupOperator.LATE_EVENTS)).hasSize(1);
            assertThat(updates(h)).isEmpty();
            h.processWatermark(NOON + MINUTE - 1);
            assertThat(updates(h)).extracting(MetricUpdate::kind).containsExactly(MetricUpdate.Kind.VALUES);
        }
    }

    @Test
    void emptyOversizedAndTooLateEventsAndOutOfRangeValuesAreReportedNotCounted() throws Exception {
        MetricFilter huge = MetricFilter.builder().filterName("huge").filterPattern("{ $.v = * }")
                .metricNamespace("App").metricName("V").metricValue("$.v").build();
        LogGroup group = LogGroup.builder().metricFilter(huge).build();
        LogGroupPipeline pipeline = LogGroupPipeline.builder(group).alarm(Scenarios.alarm("v", "App", "V", "Sum", 60,
                1, 1, 1, dev.cwfilter.metric.AlarmComparisonOperator.GREATER_THAN_THRESHOLD).build())
                .maxEventBytes(100).build();
        try (var h = harness(pipeline.logGroupOperator())) {
            h.open();
            event(h, NOON, "");
            event(h, NOON, "{\"v\":1,\"pad\":\"" + "x".repeat(100) + "\"}");
            event(h, NOON, "{\"v\":1e400}");
            event(h, NOON, "{\"v\":1e300}");
            h.processWatermark(NOON + 10 * MINUTE);
            event(h, NOON, "{\"v\":2}");
            assertThat(h.getSideOutput(LogGroupOperator.REJECTIONS)).extracting(StreamRecord::getValue)
                    .extracting(Rejection::reason).containsExactly(Rejection.Reason.MALFORMED,
                            Rejection.Reason.OVERSIZED, Rejection.Reason.VALUE_OUT_OF_RANGE);
            assertThat(h.getSideOutput(LogGroupOperator.LATE_EVENTS)).extracting(StreamRecord::getValue)
                    .extracting(LateEvent::verdict).containsExactly(LatenessRule.Verdict.TOO_LATE);
            assertThat(updates(h)).isEmpty();
        }
    }
}
