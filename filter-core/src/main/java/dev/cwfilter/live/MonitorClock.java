package dev.cwfilter.live;

import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Where a {@link LogGroupMonitor}'s time comes from.
 *
 * <ul>
 *   <li>{@link #eventTime()}: now is the newest event time seen, so the watermark trails the events; replays and
 *       tests run an hour of alarm behaviour in milliseconds, deterministically. {@link LogGroupMonitor#advanceTo}
 *       also moves it (to flush the last periods at the end of an input).</li>
 *   <li>{@link #wall()}: the system clock; the monitor wakes at each period boundary plus the lateness by itself.</li>
 *   <li>{@link #wall(LongSupplier)}: the same with another millisecond source (a fake clock in a test: after moving
 *       it, {@link LogGroupMonitor#sync()} makes the monitor catch up).</li>
 *   <li>{@link #manual()}: time moves only when the caller says ({@link LogGroupMonitor#advanceTo}), in order with
 *       the events offered before: for a caller that reads a clock itself and must feed what it read first.</li>
 * </ul>
 *
 * <p>Immutable and thread-safe.
 */
public final class MonitorClock {

    /** The kinds of clock. */
    public enum Kind {
        /** Now is the newest event time. */
        EVENT_TIME,
        /** Now is read from a millisecond source, and the monitor wakes by itself. */
        WALL,
        /** Now moves only on {@link LogGroupMonitor#advanceTo}. */
        MANUAL
    }

    private static final MonitorClock EVENT_TIME = new MonitorClock(Kind.EVENT_TIME, null);
    private static final MonitorClock MANUAL = new MonitorClock(Kind.MANUAL, null);

    private final Kind kind;
    private final LongSupplier millis;

    private MonitorClock(Kind kind, LongSupplier millis) {
        this.kind = kind;
        this.millis = millis;
    }

    /** Event time: now is the newest event's timestamp. */
    public static MonitorClock eventTime() {
        return EVENT_TIME;
    }

    /** The system clock, {@link System#currentTimeMillis()}. */
    public static MonitorClock wall() {
        return new MonitorClock(Kind.WALL, System::currentTimeMillis);
    }

    /** A wall clock read from {@code millis} (epoch milliseconds). */
    public static MonitorClock wall(LongSupplier millis) {
        return new MonitorClock(Kind.WALL, Objects.requireNonNull(millis, "millis"));
    }

    /** A clock that moves only on {@link LogGroupMonitor#advanceTo(long)}. */
    public static MonitorClock manual() {
        return MANUAL;
    }

    /** The kind. */
    public Kind kind() {
        return kind;
    }

    /** The wall clock's time; only for {@link Kind#WALL}. */
    long read() {
        return millis.getAsLong();
    }

    @Override
    public String toString() {
        return "MonitorClock[" + kind + "]";
    }
}
