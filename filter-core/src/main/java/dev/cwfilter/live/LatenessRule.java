package dev.cwfilter.live;

import dev.cwfilter.metric.MetricAlarm;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a live runtime does with an event, given when it arrives: the lateness rule of {@link LogGroupMonitor}, as a
 * pure function so that other runtimes (a Flink operator, say) apply exactly the same one.
 *
 * <h2>The rule</h2>
 * Time is the clock's <em>now</em>: the newest event time for the event-time clock, the wall (or a manual) clock
 * otherwise. The <em>watermark</em> trails it by the lateness: {@code W = now − lateness}. Every period that ends at or
 * before W is complete: its datapoint is published and the alarms are evaluated at the period boundaries up to W.
 * An event with timestamp t is
 * <ul>
 *   <li><b>{@link Verdict#TOO_FAR_AHEAD}</b> if a maximum lead is set and {@code t > now + maxAhead} (CloudWatch Logs
 *       refuses events more than 2 hours in the future): dropped, counted and reported;</li>
 *   <li><b>{@link Verdict#ON_TIME}</b> if {@code t ≥ W} (or there is no watermark yet): it counts in every datapoint
 *       and every evaluation exactly as in a replay of the same events;</li>
 *   <li><b>{@link Verdict#LATE}</b> if {@code horizon(W) ≤ t < W}: its period may already be published and evaluated;
 *       it is kept (as CloudWatch keeps late data) so the next evaluations and queries see it, but what was
 *       published or decided before is not revised; counted and reported;</li>
 *   <li><b>{@link Verdict#TOO_LATE}</b> if {@code t < horizon(W)}: no alarm will ever look at its period again, so it
 *       is dropped, counted and reported. CloudWatch Logs would still store an event up to 14 days old, but no alarm
 *       evaluation would see it either.</li>
 * </ul>
 * The <em>horizon</em> is the start of the oldest period that some alarm's next evaluation still looks at: for an
 * alarm of period P and N evaluation periods, the next evaluation after W is at {@code floor(W, P) + P} and looks back
 * N + 2 periods, so its oldest period starts at {@code floor(W, P) − (N + 1) · P}; the rule's horizon is the minimum
 * over its alarms, and W itself when there are none.
 *
 * <p>Immutable and thread-safe.
 */
public final class LatenessRule {

    /** "No time yet": the watermark before the clock has any time. */
    public static final long NO_TIME = Long.MIN_VALUE;

    /** What happens to an event. */
    public enum Verdict {
        /** At or after the watermark: counted exactly as in a replay. */
        ON_TIME,
        /** Before the watermark but within the horizon: kept for later evaluations and queries, and reported. */
        LATE,
        /** Before the horizon: dropped and reported. */
        TOO_LATE,
        /** Further ahead of now than the maximum lead: dropped and reported. */
        TOO_FAR_AHEAD
    }

    private final long latenessMillis;
    private final long maxAheadMillis;
    private final long[] periods;
    private final int[] lookBack;

    private LatenessRule(long latenessMillis, long maxAheadMillis, long[] periods, int[] lookBack) {
        this.latenessMillis = latenessMillis;
        this.maxAheadMillis = maxAheadMillis;
        this.periods = periods;
        this.lookBack = lookBack;
    }

    /**
     * The rule for these alarms, with no maximum lead.
     *
     * @param lateness how far the watermark trails now; zero or more
     * @throws IllegalArgumentException if the lateness is negative
     */
    public static LatenessRule of(Duration lateness, Collection<MetricAlarm> alarms) {
        long l = Objects.requireNonNull(lateness, "lateness").toMillis();
        if (l < 0) {
            throw new IllegalArgumentException("the lateness is zero or more, not " + lateness);
        }
        List<MetricAlarm> copy = List.copyOf(alarms);
        long[] p = new long[copy.size()];
        int[] back = new int[copy.size()];
        for (int i = 0; i < copy.size(); i++) {
            p[i] = copy.get(i).periodSeconds() * 1000L;
            back[i] = copy.get(i).evaluationPeriods() + 1;
        }
        return new LatenessRule(l, Long.MAX_VALUE, p, back);
    }

    /**
     * This rule with a maximum lead: events more than {@code maxAhead} after now are too far ahead.
     *
     * @throws IllegalArgumentException if negative
     */
    public LatenessRule withMaxAhead(Duration maxAhead) {
        long a = Objects.requireNonNull(maxAhead, "maxAhead").toMillis();
        if (a < 0) {
            throw new IllegalArgumentException("the maximum lead is zero or more, not " + maxAhead);
        }
        return new LatenessRule(latenessMillis, a, periods, lookBack);
    }

    /** How far the watermark trails now. */
    public Duration lateness() {
        return Duration.ofMillis(latenessMillis);
    }

    /** The maximum lead of an event over now, if any. */
    public Optional<Duration> maxAhead() {
        return maxAheadMillis == Long.MAX_VALUE ? Optional.empty() : Optional.of(Duration.ofMillis(maxAheadMillis));
    }

    /** The watermark at clock time {@code now}: {@code now − lateness}, or {@link #NO_TIME} without a time. */
    public long watermark(long now) {
        if (now == NO_TIME) {
            return NO_TIME;
        }
        long w = now - latenessMillis;
        return w > now ? Long.MIN_VALUE + 1 : w;
    }

    /**
     * The start of the oldest period some alarm's next evaluation after {@code watermark} looks at; the watermark
     * itself without alarms; {@link #NO_TIME} without a watermark.
     */
    public long horizon(long watermark) {
        if (watermark == NO_TIME) {
            return NO_TIME;
        }
        long h = watermark;
        for (int i = 0; i < periods.length; i++) {
            h = Math.min(h, horizon(periods[i], lookBack[i], watermark));
        }
        return h;
    }

    /** The start of the oldest period the alarm's next evaluation after {@code watermark} looks at. */
    public static long horizon(MetricAlarm alarm, long watermark) {
        return horizon(alarm.periodSeconds() * 1000L, alarm.evaluationPeriods() + 1, watermark);
    }

    private static long horizon(long period, int lookBack, long watermark) {
        long floor = watermark - Math.floorMod(watermark, period);
        long h = floor - lookBack * period;
        return h > floor ? Long.MIN_VALUE + 1 : h;
    }

    /**
     * The verdict on an event with timestamp {@code eventTime} arriving when the clock reads {@code now} and the
     * watermark is {@code watermark} (either may be {@link #NO_TIME}).
     */
    public Verdict classify(long eventTime, long watermark, long now) {
        if (maxAheadMillis != Long.MAX_VALUE && now != NO_TIME && eventTime > now
                && (eventTime - now > maxAheadMillis || eventTime - now < 0)) {
            return Verdict.TOO_FAR_AHEAD;
        }
        if (watermark == NO_TIME || eventTime >= watermark) {
            return Verdict.ON_TIME;
        }
        return eventTime >= horizon(watermark) ? Verdict.LATE : Verdict.TOO_LATE;
    }

    @Override
    public String toString() {
        return "LatenessRule[lateness=" + lateness() + maxAhead().map(a -> ", maxAhead=" + a).orElse("") + ", "
                + periods.length + " alarms]";
    }
}
