package dev.cwfilter.flink;

import dev.cwfilter.LogEvent;
import java.time.Duration;
import java.util.Objects;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;

/**
 * Watermark strategies for log events, timestamped with {@link LogEvent#timestamp()}, whose watermark trails the
 * newest event by a lateness as {@code LogGroupMonitor}'s event-time clock does: W = newest − lateness, emitted as
 * Flink's watermark W − 1 (Flink's watermark w promises no event at or before w; the monitor's W, none before W).
 *
 * <ul>
 *   <li>{@link #perEvent(Duration)}: a watermark after every event that moves it. Which events are late then depends
 *       only on the order of the events, as in the monitor: reproducible, and what the tests use. Each watermark goes
 *       to every downstream task, so a dense stream pays for many of them.</li>
 *   <li>{@link #periodic(Duration)}: Flink's bounded out-of-orderness strategy, emitted every
 *       {@code pipeline.auto-watermark-interval} (200 ms by default): cheaper; which events are late then also
 *       depends on when the watermarks were emitted.</li>
 *   <li>{@link #atEnd()}: no watermark until the input ends: every event is on time and the job's datapoints and
 *       transitions are those of a replay of the whole input (for bounded inputs).</li>
 * </ul>
 *
 * <p>Stateless and thread-safe; each generator it makes belongs to one source split.
 */
public final class LogEventWatermarks {

    private LogEventWatermarks() {
    }

    /** A watermark after every event that raises it, trailing the newest event by {@code lateness}. */
    public static WatermarkStrategy<LogEvent> perEvent(Duration lateness) {
        long l = check(lateness);
        return WatermarkStrategy.<LogEvent>forGenerator(context -> new PerEvent(l))
                .withTimestampAssigner((event, previous) -> event.timestamp());
    }

    /** Flink's bounded out-of-orderness watermarks, trailing the newest event by {@code lateness}. */
    public static WatermarkStrategy<LogEvent> periodic(Duration lateness) {
        check(lateness);
        return WatermarkStrategy.<LogEvent>forBoundedOutOfOrderness(lateness)
                .withTimestampAssigner((event, previous) -> event.timestamp());
    }

    /** No watermark before the end of the input. */
    public static WatermarkStrategy<LogEvent> atEnd() {
        return WatermarkStrategy.<LogEvent>noWatermarks().withTimestampAssigner((event, previous) -> event.timestamp());
    }

    private static long check(Duration lateness) {
        long l = Objects.requireNonNull(lateness, "lateness").toMillis();
        if (l < 0) {
            throw new IllegalArgumentException("the lateness is zero or more, not " + lateness);
        }
        return l;
    }

    /** Emits newest − lateness − 1 whenever it rises. */
    private static final class PerEvent implements WatermarkGenerator<LogEvent> {
        private final long lateness;
        private long emitted = Long.MIN_VALUE;

        PerEvent(long lateness) {
            this.lateness = lateness;
        }

        @Override
        public void onEvent(LogEvent event, long eventTimestamp, WatermarkOutput output) {
            long w = eventTimestamp - lateness - 1;
            if (w > eventTimestamp) {
                return;
            }
            if (w > emitted) {
                emitted = w;
                output.emitWatermark(new Watermark(w));
            }
        }

        @Override
        public void onPeriodicEmit(WatermarkOutput output) {
        }
    }
}
