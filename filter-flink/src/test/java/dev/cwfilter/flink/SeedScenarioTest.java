package dev.cwfilter.flink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.cwfilter.LogEvent;
import dev.cwfilter.metric.AlarmEvaluator;
import dev.cwfilter.metric.AlarmState;
import dev.cwfilter.metric.AlarmStateChange;
import dev.cwfilter.metric.LogGroupMetrics;
import dev.cwfilter.metric.MetricId;
import java.time.Duration;
import java.util.List;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The seed scenario on a MiniCluster: the hour of CloudTrail events through the metric filter
 * {@code { $.eventName = "GetSecretValue" }} and the alarm Sum >= 1 over one minute goes to ALARM at 12:04 and back to
 * OK at 12:05, with the replay's transitions (state reasons and evaluated datapoints included), at every parallelism.
 */
class SeedScenarioTest {

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(4).build());

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2, 4})
    void theSeedAlarmGoesToAlarmAt1204AndBackToOkAt1205(int parallelism) throws Exception {
        LogGroupPipeline pipeline = LogGroupPipeline.builder(Seed.group()).alarm(Seed.sumAlarm()).build();
        FlinkRun.Output out = FlinkRun.run(pipeline, Seed.EVENTS, Duration.ofMinutes(1), parallelism);

        assertThat(out.late()).isEmpty();
        assertThat(out.transitions()).extracting(AlarmStateChange::timestamp, AlarmStateChange::oldState,
                        AlarmStateChange::newState)
                .startsWith(
                        tuple(Seed.at("12:01"), AlarmState.INSUFFICIENT_DATA, AlarmState.OK),
                        tuple(Seed.at("12:04"), AlarmState.OK, AlarmState.ALARM),
                        tuple(Seed.at("12:05"), AlarmState.ALARM, AlarmState.OK));

        LogGroupMetrics replay = LogGroupMetrics.of(Seed.group()).acceptAll(sorted(Seed.EVENTS));
        List<AlarmStateChange> expected = new AlarmEvaluator(Seed.sumAlarm(),
                replay.metric(MetricId.of(Seed.sumAlarm()))).replay();
        assertThat(out.byAlarm(List.of("Secret is accessed")).get("Secret is accessed")).isEqualTo(expected);
        assertThat(expected.get(1).actions()).containsExactly("arn:aws:sns:us-east-1:123456789012:security-alerts");
    }

    private static List<LogEvent> sorted(List<LogEvent> events) {
        return events.stream().sorted(java.util.Comparator.comparingLong(LogEvent::timestamp)).toList();
    }
}
