package dev.cwfilter.flink;

import dev.cwfilter.LogEvent;
import dev.cwfilter.live.LatenessRule;
import java.util.Objects;

/**
 * An event that arrived after the watermark, as {@link LatenessRule} judges it: {@link LatenessRule.Verdict#LATE}
 * (kept: it counts in every evaluation made from then on, but no datapoint already published or evaluation already
 * made is revised) or {@link LatenessRule.Verdict#TOO_LATE} (dropped: no alarm looks at its period any more). What
 * {@code LogGroupMonitor} reports to {@code MonitorListener.late} and {@code rejected}, as a side output.
 * Immutable and thread-safe.
 *
 * @param event     the event
 * @param verdict   LATE or TOO_LATE
 * @param watermark the watermark it arrived after, epoch milliseconds (every period boundary at or before it had been
 *                  evaluated)
 */
public record LateEvent(LogEvent event, LatenessRule.Verdict verdict, long watermark) {

    /** Checks the verdict. */
    public LateEvent {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(verdict, "verdict");
        if (verdict != LatenessRule.Verdict.LATE && verdict != LatenessRule.Verdict.TOO_LATE) {
            throw new IllegalArgumentException("a late event is LATE or TOO_LATE, not " + verdict);
        }
    }

    /** Whether the event was kept (LATE) rather than dropped (TOO_LATE). */
    public boolean kept() {
        return verdict == LatenessRule.Verdict.LATE;
    }
}
