package dev.cwfilter.flink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.cwfilter.metric.AlarmState;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The byte layout of the metric's own state: what a checkpoint keeps of it, and what it refuses to read. */
class MetricStateTest {

    @Test
    void theMetricsStateKeepsItsAlarmsAndTheIndexOfItsMinutes() {
        MetricState.Meta m = MetricState.Meta.fresh(List.of("a", "b"), Long.MAX_VALUE);
        m.processedUpTo = 120_000;
        m.alarms[1].state = AlarmState.ALARM;
        m.alarms[1].next = 180_000;
        m.minutes.addAll(List.of(60_000L, 25_200_000L, 0L));

        MetricState.Meta back = MetricState.Meta.fromBytes(m.toBytes());

        assertThat(back.processedUpTo).isEqualTo(120_000);
        assertThat(back.alarms).extracting(a -> a.name, a -> a.state, a -> a.next)
                .containsExactly(tuple("a", AlarmState.INSUFFICIENT_DATA,
                                Long.MAX_VALUE),
                        tuple("b", AlarmState.ALARM, 180_000L));
        assertThat(back.minutes).containsExactly(0L, 60_000L, 25_200_000L);
    }

    @Test
    void theLayoutWithoutTheIndexOfMinutesIsRefusedWithAMessage() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(1);
            out.writeLong(120_000);
            out.writeInt(0);
        }

        assertThatThrownBy(() -> MetricState.Meta.fromBytes(bytes.toByteArray()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("cwfilter: the metric state was written in layout 1, which this release does not read"
                        + " (it reads layout 2)");
    }
}
