package dev.cwfilter.internal.transform;

import dev.cwfilter.Datapoint;
import dev.cwfilter.DefaultValueMode;
import dev.cwfilter.StandardUnit;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * A stream of one metric filter's datapoints: each match's datapoint at once, and the default value as the
 * {@link DefaultValueMode} says (U2): for each unmatched event at once, or once per minute that had events but no
 * match, when that minute is flushed. It keeps the minutes not yet flushed, nothing else.
 *
 * <p>Not thread-safe: one per emitting thread.
 */
public final class DatapointStream {

    private static final long MINUTE_MILLIS = 60_000;

    private final Consumer<Datapoint> sink;
    /** The default value, or null if the filter has none. */
    private final Double defaultValue;
    private final StandardUnit unit;
    private final DefaultValueMode mode;
    /** Per minute start (per-minute mode only), whether an event of the minute matched. */
    private final TreeMap<Long, Boolean> minuteHadMatch = new TreeMap<>();

    /**
     * A stream to the sink.
     *
     * @param defaultValue the filter's default value, or null if it has none
     */
    public DatapointStream(Consumer<Datapoint> sink, Double defaultValue, StandardUnit unit, DefaultValueMode mode) {
        this.sink = sink;
        this.defaultValue = defaultValue;
        this.unit = unit;
        this.mode = mode;
    }

    /** Sends what one event publishes (its datapoint, or its default value); answers whether it matched. */
    public boolean offer(long timestamp, Resolution r) {
        if (r.datapoint() != null) {
            sink.accept(r.datapoint());
        }
        if (defaultValue == null) {
            return r.matched();
        }
        if (mode == DefaultValueMode.EVERY_UNMATCHED_EVENT) {
            if (!r.matched()) {
                sink.accept(new Datapoint(timestamp, defaultValue, unit, Map.of()));
            }
        } else {
            minuteHadMatch.merge(Math.floorDiv(timestamp, MINUTE_MILLIS) * MINUTE_MILLIS, r.matched(),
                    Boolean::logicalOr);
        }
        return r.matched();
    }

    /** Sends the default of each minute kept that had no match, stamped with the minute's start; forgets them all. */
    public void flush() {
        flush(minuteHadMatch.entrySet().iterator());
    }

    /** {@link #flush()} for the minutes that end at or before {@code time} only. */
    public void flushBefore(long time) {
        if (time - MINUTE_MILLIS > time) {
            return;
        }
        flush(minuteHadMatch.headMap(time - MINUTE_MILLIS, true).entrySet().iterator());
    }

    private void flush(Iterator<Map.Entry<Long, Boolean>> minutes) {
        while (minutes.hasNext()) {
            Map.Entry<Long, Boolean> minute = minutes.next();
            if (!minute.getValue()) {
                sink.accept(new Datapoint(minute.getKey(), defaultValue, unit, Map.of()));
            }
            minutes.remove();
        }
    }
}
