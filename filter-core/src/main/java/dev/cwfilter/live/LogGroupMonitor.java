package dev.cwfilter.live;

import dev.cwfilter.Datapoint;
import dev.cwfilter.DefaultValueMode;
import dev.cwfilter.FilterOptions;
import dev.cwfilter.LogEvent;
import dev.cwfilter.LogGroup;
import dev.cwfilter.MetricFilter;
import dev.cwfilter.SubscriptionFilter;
import dev.cwfilter.io.Utf8;
import dev.cwfilter.metric.AlarmDecision;
import dev.cwfilter.metric.AlarmEvaluator;
import dev.cwfilter.metric.AlarmListener;
import dev.cwfilter.metric.AlarmState;
import dev.cwfilter.metric.AlarmStateChange;
import dev.cwfilter.metric.FilterMetrics;
import dev.cwfilter.metric.MetricAggregator;
import dev.cwfilter.metric.MetricAlarm;
import dev.cwfilter.metric.MetricId;
import dev.cwfilter.metric.PeriodStatistics;
import dev.cwfilter.metric.PeriodValue;
import dev.cwfilter.metric.Statistic;
import dev.cwfilter.metric.StatisticsQuery;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A log group at work, live: events go in as they come, from any number of threads and in any order within the
 * lateness; the log group's metric filters publish datapoints; each period's datapoint is published when the period is
 * complete; and the alarms are evaluated as CloudWatch evaluates them, at every period boundary, over their
 * evaluation range, M out of N, with TreatMissingData, including periods in which nothing arrived. Transitions go to
 * the {@link AlarmListener}s as they happen.
 *
 * <pre>{@code
 * try (LogGroupMonitor monitor = LogGroupMonitor.builder(group)
 *         .alarm(secretIsAccessed)
 *         .alarmListener(AlarmEmailPrinter.to(System.out))
 *         .clock(MonitorClock.wall())                    // or eventTime() to replay a file at its own pace
 *         .lateness(Duration.ofMinutes(1))
 *         .build()) {
 *     monitor.put(new LogEvent(timestamp, message));     // blocks while the queue is full; offer() does not
 * }
 * }</pre>
 *
 * <h2>Time</h2>
 * The {@link MonitorClock} gives now; the watermark trails it by the lateness, and a period is complete once the
 * watermark reaches its end. The monitor starts at its first watermark S (the first event's time minus the lateness for
 * the event-time clock; the clock's time minus the lateness otherwise) and evaluates each alarm at every boundary of
 * its period after S, up to the watermark, in time order; an evaluation at boundary b sees the N + 2 periods ending at
 * b, and its transition is stamped b, exactly as {@link AlarmEvaluator#evaluateEachPeriod} would stamp it. Where the
 * data leaves an alarm's whole evaluation range empty, the evaluations in between are decided once: they cannot decide
 * otherwise.
 *
 * <h2>Late events</h2>
 * {@link LatenessRule} says what happens to each event: on time (exactly as a replay of the same events), late (kept
 * for later evaluations and queries, reported), too late or too far ahead (dropped, reported). Every event received is
 * counted in exactly one outcome ({@link MonitorStats}); nothing is dropped unannounced. <b>Law:</b> when every event
 * arrives on time, the datapoints and the transitions are those of the replay API over the same events — the
 * aggregator's {@code getMetricStatistics} per period, and {@code AlarmEvaluator.evaluateEachPeriod} from the start to
 * the watermark — whatever the order and the threads they arrived in.
 *
 * <h2>Memory</h2>
 * The monitor keeps, per metric, only the periods some alarm can still look at (back to the horizon: N + 1 periods
 * before the watermark's period, for the alarm with the longest range on that metric) and those not yet complete; a
 * metric no alarm watches and with no incomplete period is forgotten. A metric filter feeds at most
 * {@link #DIMENSION_COMBINATION_LIMIT} dimension combinations at once (CloudWatch may disable a filter that makes 1,000
 * in an hour); a datapoint of a further one is rejected and reported. So memory is bounded by the alarms' evaluation
 * ranges, the lateness, the dimension limit and the queue's capacity — never by the length of the stream. One stored
 * period holds at most 16 KiB of values (see {@link MetricAggregator}).
 *
 * <h2>Back-pressure</h2>
 * Events wait in a bounded queue ({@link Builder#queueCapacity}) for the monitor's thread, which evaluates the filters
 * and the alarms. {@link #offer(LogEvent)} never blocks: it returns false when the queue is full, and the event is then
 * the caller's still (counted as refused). {@link #put(LogEvent)} waits for room; {@link #offer(LogEvent, long,
 * TimeUnit)} waits up to a timeout. Nothing the monitor took is lost without being counted. Handing an event over
 * takes no lock while there is room: the caller claims a place in the queue and writes the event there, and the
 * monitor's thread takes every event waiting (up to 1,024) at once, freeing their places for the callers in one
 * step; an event it has taken no longer counts against the capacity.
 *
 * <h2>Bad input and failing listeners</h2>
 * An empty message or one larger than CloudWatch's event size limit is dropped and reported; bytes that are not valid
 * UTF-8 are evaluated as decoded (U+FFFD for each bad sequence) and reported. A listener that throws is reported to
 * {@link MonitorListener#listenerFailed} (and logged through {@link System.Logger}); the other listeners are still
 * told, and evaluation goes on.
 *
 * <p>Thread-safe: events, {@link #advanceTo}, {@link #sync} and queries may come from any thread. Listeners are called
 * on the monitor's own thread, one at a time.
 */
public final class LogGroupMonitor implements AutoCloseable {

    /** The default lateness: one minute. */
    public static final Duration DEFAULT_LATENESS = Duration.ofMinutes(1);
    /** How far ahead of now CloudWatch Logs accepts events: 2 hours (the default lead for wall and manual clocks). */
    public static final Duration CLOUDWATCH_MAX_AHEAD = Duration.ofHours(2);
    /** The default capacity of the queue, in events. */
    public static final int DEFAULT_QUEUE_CAPACITY = 16_384;
    /** The most dimension combinations one metric filter feeds at once. */
    public static final int DIMENSION_COMBINATION_LIMIT = FilterMetrics.DIMENSION_COMBINATION_LIMIT;

    private static final System.Logger LOG = System.getLogger(LogGroupMonitor.class.getName());
    private static final long NO_TIME = LatenessRule.NO_TIME;
    private static final long MINUTE_MILLIS = 60_000;
    private static final int BATCH = 1024;
    /** How long an idle monitor of an event-time or manual clock waits for the next item before it looks again. */
    private static final long IDLE_NANOS = TimeUnit.SECONDS.toNanos(1);
    /** The listener of a monitor given none. */
    private static final MonitorListener NO_LISTENER = new MonitorListener() {
    };

    /**
     * Unused slots (128 bytes) before and after the counters the monitor's thread writes at every event, so that
     * they share no cache line with what producers write (the queue, {@link #producerCounts}): a line written by both
     * threads moves between the cores at every event.
     */
    private static final int PAD = 16;
    private static final int ON_TIME = PAD;
    private static final int LATE = PAD + 1;
    private static final int TOO_LATE = PAD + 2;
    private static final int TOO_FAR_AHEAD = PAD + 3;
    private static final int OVERSIZED = PAD + 4;
    private static final int MALFORMED = PAD + 5;
    private static final int INVALID_UTF8 = PAD + 6;
    private static final int DATAPOINTS = PAD + 7;
    private static final int REJECTED_DATAPOINTS = PAD + 8;
    private static final int TRANSITIONS = PAD + 9;
    private static final int LISTENER_FAILURES = PAD + 10;
    private static final int COUNTERS = PAD + 11 + PAD;
    private static final int RECEIVED = PAD;
    private static final int REFUSED = PAD + 1;

    private final LogGroup group;
    private final List<MetricAlarm> alarms;
    private final MonitorClock clock;
    private final LatenessRule rule;
    private final int maxEventBytes;
    private final long resolutionMillis;
    private final Statistic[] statistics;
    private final MetricAggregator.Builder template;
    private final MonitorListener listener;
    private final LogGroup.Listener groupListener;
    private final List<AlarmListener> alarmListeners;
    private final boolean perMinuteDefaults;

    private final Handover queue;
    private final Thread thread;
    /** What producers count: events received and offers refused, padded as the counters are. */
    private final AtomicLongArray producerCounts = new AtomicLongArray(PAD + 2 + PAD);
    private final AtomicLongArray counters = new AtomicLongArray(COUNTERS);
    private final AtomicLongArray matches;
    private final AtomicLongArray deliveries;
    private volatile boolean closed;
    private volatile Throwable failure;
    private volatile long publishedWatermark = NO_TIME;

    // Owned by the monitor's thread.
    private final LogGroup.Emitter emitter;
    private final Route[] routes;
    private final Map<MetricId, MetricState> metrics = new ConcurrentHashMap<>();
    private final List<AlarmSlot> slots = new ArrayList<>();
    private final TreeMap<Long, Set<MetricState>> pending = new TreeMap<>();
    private final TreeSet<Long> openMinutes = new TreeSet<>();
    /**
     * The clock's state, written at every event: allocated again by the monitor's thread when it starts, so that it
     * lies in that thread's allocation buffer, away from the fields producers read at every event.
     */
    private WorkerState ws = new WorkerState();
    private final Set<Object> failedListeners = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

    private LogGroupMonitor(Builder b) {
        this.group = b.group;
        this.alarms = List.copyOf(b.alarms.keySet());
        this.clock = b.clock;
        Duration maxAhead = b.maxAhead != null ? b.maxAhead
                : b.clock.kind() == MonitorClock.Kind.EVENT_TIME ? null : CLOUDWATCH_MAX_AHEAD;
        LatenessRule r = LatenessRule.of(b.lateness, alarms);
        this.rule = maxAhead == null ? r : r.withMaxAhead(maxAhead);
        this.maxEventBytes = b.maxEventBytes;
        this.template = b.metricSettings;
        this.resolutionMillis = template.build().storageResolutionSeconds() * 1000L;
        this.statistics = b.statistics.toArray(Statistic[]::new);
        this.listener = b.listener;
        this.groupListener = b.groupListener;
        this.alarmListeners = List.copyOf(b.alarmListeners);
        this.perMinuteDefaults = group.metricFilters().stream().anyMatch(f -> f.defaultValue().isPresent()
                && f.options().defaultValueMode() == DefaultValueMode.ONCE_PER_MINUTE_WITHOUT_MATCH);
        this.matches = new AtomicLongArray(PAD + group.metricFilters().size() + PAD);
        this.deliveries = new AtomicLongArray(PAD + group.subscriptionFilters().size() + PAD);

        this.routes = new Route[group.metricFilters().size()];
        for (int i = 0; i < routes.length; i++) {
            MetricFilter f = group.metricFilters().get(i);
            routes[i] = new Route(i, f.metricNamespace().orElseThrow(), f.metricName().orElseThrow());
        }
        for (Map.Entry<MetricAlarm, InitialState> e : b.alarms.entrySet()) {
            MetricAlarm alarm = e.getKey();
            MetricId id = MetricId.of(alarm);
            MetricState metric = metrics.computeIfAbsent(id,
                    k -> new MetricState(k, template.dimensions(k.dimensions()).build()));
            AlarmSlot slot = new AlarmSlot(alarm, metric, e.getValue().state(), e.getValue().reason());
            metric.alarms.add(slot);
            slots.add(slot);
        }
        this.emitter = group.emitter(new Router());
        if (b.startTime != null) {
            start(b.startTime);
        } else if (clock.kind() == MonitorClock.Kind.WALL) {
            ws.now = clock.read();
            start(rule.watermark(ws.now));
        }
        // Made last, after everything the monitor's thread writes at every event: what producers write (the queue's
        // lock, indices and count) is then not on a cache line that thread writes.
        this.queue = new Handover(b.queueCapacity);
        this.thread = b.threadFactory.apply(this::run);
        thread.start();
    }

    /** A builder of a monitor of the log group's filters. */
    public static Builder builder(LogGroup group) {
        return new Builder(Objects.requireNonNull(group, "group"));
    }

    // ---------------------------------------------------------------------------------------------------- intake

    /**
     * Hands over an event without waiting.
     *
     * @return true if the monitor took it; false if the queue is full (the event is not taken; retry or slow down)
     * @throws IllegalStateException if the monitor is closed or has failed
     */
    public boolean offer(LogEvent event) {
        Object item = intake(event);
        if (queue.offer(item)) {
            producerCounts.getAndIncrement(RECEIVED);
            return true;
        }
        return refused();
    }

    /**
     * Hands over an event, waiting up to the timeout for room in the queue.
     *
     * @return true if the monitor took it; false if the time ran out
     * @throws InterruptedException  if interrupted while waiting
     * @throws IllegalStateException if the monitor is closed or has failed
     */
    public boolean offer(LogEvent event, long timeout, TimeUnit unit) throws InterruptedException {
        Object item = intake(event);
        if (!queue.offer(item, Math.min(unit.toNanos(timeout), Long.MAX_VALUE - 1), this::checkOpen)) {
            return refused();
        }
        producerCounts.getAndIncrement(RECEIVED);
        return true;
    }

    /**
     * Hands over an event, waiting for room in the queue as long as it takes.
     *
     * @throws InterruptedException  if interrupted while waiting (the event is then not taken)
     * @throws IllegalStateException if the monitor is closed or has failed
     */
    public void put(LogEvent event) throws InterruptedException {
        enqueue(intake(event));
        producerCounts.getAndIncrement(RECEIVED);
    }

    /**
     * {@link #offer(LogEvent)} for a message given as UTF-8 bytes, which are copied. Bytes that are not valid UTF-8
     * are decoded with U+FFFD for each bad sequence, evaluated, and reported.
     */
    public boolean offer(long timestamp, byte[] utf8, int offset, int length) {
        Object item = intake(timestamp, utf8, offset, length);
        if (queue.offer(item)) {
            producerCounts.getAndIncrement(RECEIVED);
            return true;
        }
        return refused();
    }

    /** {@link #put(LogEvent)} for a message given as UTF-8 bytes (see {@link #offer(long, byte[], int, int)}). */
    public void put(long timestamp, byte[] utf8, int offset, int length) throws InterruptedException {
        enqueue(intake(timestamp, utf8, offset, length));
        producerCounts.getAndIncrement(RECEIVED);
    }

    /**
     * Moves the clock's now to {@code time}, after every event handed over before this call: for a
     * {@link MonitorClock#manual() manual} clock, and for the event-time clock (as if an event at {@code time} had
     * arrived: the end of an input, say). Waits for room in the queue; does not wait for the evaluations.
     *
     * @throws IllegalStateException if the clock is a wall clock, or the monitor is closed or has failed
     */
    public void advanceTo(long time) throws InterruptedException {
        if (clock.kind() == MonitorClock.Kind.WALL) {
            throw new IllegalStateException("a wall clock moves by itself; advanceTo is for manual and event-time"
                    + " clocks");
        }
        checkOpen();
        enqueue(new AdvanceTo(time));
    }

    /**
     * Waits until every event handed over before this call has been processed and every datapoint and transition it
     * caused has been told (a wall clock is read once more first).
     *
     * @throws IllegalStateException if the monitor is closed or fails
     */
    public void sync() throws InterruptedException {
        checkOpen();
        Sync sync = new Sync();
        enqueue(sync);
        await(sync.done);
    }

    /**
     * Ends an event-time (or manual) run as {@link AlarmEvaluator#replay()} ends one: the watermark moves until every
     * alarm has evaluated past its metric's latest datapoint (N + 3 periods after its period, so that trailing missing
     * data takes effect) and every period with data is published; then the monitor closes.
     */
    public void finish() throws InterruptedException {
        checkOpen();
        Sync done = new Sync();
        enqueue(new Finish(done));
        await(done.done);
        close();
    }

    /**
     * Stops taking events, processes every event already taken (as it would have without the close; the clock is not
     * run to the end as {@link #finish()} runs it), and stops the monitor's thread. A {@code put} or {@code offer}
     * racing with the close either has its event taken and processed or throws {@link IllegalStateException}: once
     * it has returned, {@link MonitorStats#processed()} equals {@link MonitorStats#received()}. Idempotent.
     */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            boolean interrupted = false;
            while (failure == null && thread.isAlive()) {
                try {
                    if (queue.offer(Stop.STOP, TimeUnit.MILLISECONDS.toNanos(50), () -> { })) {
                        break;
                    }
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            while (thread.isAlive()) {
                try {
                    thread.join();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    // --------------------------------------------------------------------------------------------------- queries

    /** The log group. */
    public LogGroup group() {
        return group;
    }

    /** The alarms, in the order they were added. */
    public List<MetricAlarm> alarms() {
        return alarms;
    }

    /** The lateness rule in force. */
    public LatenessRule latenessRule() {
        return rule;
    }

    /** The clock. */
    public MonitorClock clock() {
        return clock;
    }

    /** Each alarm's current state, by name, in the order the alarms were added. */
    public Map<String, AlarmState> states() {
        Map<String, AlarmState> states = new LinkedHashMap<>();
        for (AlarmSlot slot : slots) {
            states.put(slot.alarm.alarmName(), slot.state);
        }
        return states;
    }

    /**
     * The alarm's current state.
     *
     * @throws IllegalArgumentException if the monitor has no alarm of that name
     */
    public AlarmState state(String alarmName) {
        return slot(alarmName).state;
    }

    /** The alarm's latest transition, if it made one. */
    public Optional<AlarmStateChange> lastTransition(String alarmName) {
        return Optional.ofNullable(slot(alarmName).last);
    }

    /** The counters. */
    public MonitorStats stats() {
        long w = publishedWatermark;
        return new MonitorStats(producerCounts.get(RECEIVED), counters.get(ON_TIME), counters.get(LATE),
                counters.get(TOO_LATE), counters.get(TOO_FAR_AHEAD), counters.get(OVERSIZED), counters.get(MALFORMED),
                counters.get(INVALID_UTF8), producerCounts.get(REFUSED), counters.get(DATAPOINTS),
                counters.get(REJECTED_DATAPOINTS), counters.get(TRANSITIONS), counters.get(LISTENER_FAILURES),
                w == NO_TIME ? OptionalLong.empty() : OptionalLong.of(w), queue.size());
    }

    /** How many events metric filter {@code i} matched so far. */
    public long matchCount(int metricFilter) {
        return matches.get(PAD + metricFilter);
    }

    /** How many events subscription filter {@code j} matched so far (CloudWatch would deliver them). */
    public long deliveryCount(int subscriptionFilter) {
        return deliveries.get(PAD + subscriptionFilter);
    }

    /** The metrics currently kept: those alarms watch, and those with periods not yet complete. */
    public Set<MetricId> metrics() {
        return Set.copyOf(metrics.keySet());
    }

    /**
     * The data of a metric currently kept: the periods still within the horizon, queryable from any thread while
     * the monitor goes on.
     */
    public Optional<MetricAggregator> metric(MetricId id) {
        MetricState m = metrics.get(id);
        return m == null ? Optional.empty() : Optional.of(m.data);
    }

    /** The failure that stopped the monitor's thread, if it failed (a bug: please report it). */
    public Optional<Throwable> failure() {
        return Optional.ofNullable(failure);
    }

    @Override
    public String toString() {
        return "LogGroupMonitor[" + group + ", " + alarms.size() + " alarms, " + clock + ", " + rule + "]";
    }

    // ------------------------------------------------------------------------------------------- producer side

    /**
     * A {@code LogEvent} is handed over as it is: its message is screened ({@link #screen}) on the monitor's thread,
     * which reads the message anyway. Reading it here too would cost each producer a cache miss per event.
     */
    private Object intake(LogEvent event) {
        Objects.requireNonNull(event, "event");
        checkOpen();
        return event;
    }

    /** Why CloudWatch Logs would refuse the event's message, or null if it would take it. */
    private Dropped screen(LogEvent event) {
        String message = event.message();
        if (message.isEmpty()) {
            return new Dropped(Rejection.Reason.MALFORMED, event.timestamp(),
                    "an empty message (CloudWatch Logs refuses events without one)");
        }
        if ((long) message.length() * 3 > maxEventBytes) {
            long bytes = Utf8.encodedLength(message);
            if (bytes > maxEventBytes) {
                return new Dropped(Rejection.Reason.OVERSIZED, event.timestamp(), "a message of " + bytes
                        + " bytes; the largest event is " + maxEventBytes + " bytes");
            }
        }
        return null;
    }

    private Object intake(long timestamp, byte[] utf8, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, utf8.length);
        checkOpen();
        if (length == 0) {
            return new Dropped(Rejection.Reason.MALFORMED, timestamp,
                    "an empty message (CloudWatch Logs refuses events without one)");
        }
        if (length > maxEventBytes) {
            return new Dropped(Rejection.Reason.OVERSIZED, timestamp, "a message of " + length
                    + " bytes; the largest event is " + maxEventBytes + " bytes");
        }
        LogEvent event = new LogEvent(timestamp, new String(utf8, offset, length, StandardCharsets.UTF_8));
        return Utf8.isValid(utf8, offset, offset + length) ? event : new InvalidUtf8(event);
    }

    private void enqueue(Object item) throws InterruptedException {
        if (!queue.offer(item) && !queue.offer(item, Long.MAX_VALUE, this::checkOpen)) {
            checkOpen(); // the queue is closed: so is the monitor
            throw new IllegalStateException("the monitor is closed");
        }
    }

    /**
     * An offer the queue refused: counted, if the queue was full; if it was closed (the monitor closed while the
     * event was handed over), the monitor is closed.
     */
    private boolean refused() {
        if (queue.isClosed()) {
            checkOpen();
            throw new IllegalStateException("the monitor is closed");
        }
        producerCounts.getAndIncrement(REFUSED);
        return false;
    }

    private void await(CountDownLatch latch) throws InterruptedException {
        while (!latch.await(50, TimeUnit.MILLISECONDS)) {
            Throwable f = failure;
            if (f != null) {
                throw new IllegalStateException("the monitor failed", f);
            }
            if (!thread.isAlive()) {
                throw new IllegalStateException("the monitor is closed");
            }
        }
    }

    private void checkOpen() {
        Throwable f = failure;
        if (f != null) {
            throw new IllegalStateException("the monitor failed", f);
        }
        if (closed) {
            throw new IllegalStateException("the monitor is closed");
        }
    }

    private AlarmSlot slot(String alarmName) {
        for (AlarmSlot slot : slots) {
            if (slot.alarm.alarmName().equals(alarmName)) {
                return slot;
            }
        }
        throw new IllegalArgumentException("no alarm named '" + alarmName + "'");
    }

    // ----------------------------------------------------------------------------------------- the monitor's thread

    private void run() {
        ws = ws.copy();
        // One batch at a time out of the hand-over; each item's slot in the batch is cleared as it is handled, so
        // that what is left there when the thread fails is what it did not handle.
        Object[] batch = new Object[BATCH];
        try {
            boolean stopped = false;
            while (!stopped) {
                int taken = queue.take(batch, clock.kind() == MonitorClock.Kind.WALL
                        ? TimeUnit.MILLISECONDS.toNanos(wallTimeoutMillis()) : IDLE_NANOS);
                stopped = handle(batch, taken);
                if (!stopped && clock.kind() == MonitorClock.Kind.WALL) {
                    advanceClock(clock.read());
                }
                publishWatermark();
            }
            // close(): what was handed over before the queue closed is processed as the rest was, so that every
            // event a put or offer took is counted in one outcome; what comes after is refused.
            queue.close();
            int taken;
            while ((taken = queue.takeClosed(batch)) > 0) {
                handle(batch, taken);
            }
        } catch (InterruptedException e) {
            failure = e;
        } catch (Throwable t) {
            failure = t;
            LOG.log(System.Logger.Level.ERROR, "cwfilter: the log group monitor of " + group + " failed", t);
        } finally {
            publishWatermark();
            closed = true;
            queue.close();
            for (Object item : batch) {
                release(item);
            }
            int taken;
            while ((taken = queue.takeClosed(batch)) > 0) {
                for (int i = 0; i < taken; i++) {
                    release(batch[i]);
                }
            }
        }
    }

    /** Handles the first {@code taken} items of the batch, clearing each slot first. @return whether one was STOP */
    private boolean handle(Object[] batch, int taken) {
        boolean stop = false;
        for (int i = 0; i < taken; i++) {
            Object item = batch[i];
            batch[i] = null;
            if (item == Stop.STOP) {
                stop = true;
            } else {
                handle(item);
            }
        }
        return stop;
    }

    /**
     * Makes the watermark visible to {@link #stats()}: after each batch of events and before a {@link #sync()} or
     * {@link #finish()} returns, not at every event (a volatile write at every event costs a fence, and the field's
     * cache line is one producers read).
     */
    private void publishWatermark() {
        long w = ws.watermark;
        if (w != publishedWatermark) {
            publishedWatermark = w;
        }
    }

    private static void release(Object item) {
        if (item instanceof Sync s) {
            s.done.countDown();
        } else if (item instanceof Finish f) {
            f.done.done.countDown();
        }
    }

    private long wallTimeoutMillis() {
        long due = nextDue();
        if (due == Long.MAX_VALUE) {
            return 1000;
        }
        long wakeAt = due + rule.lateness().toMillis();
        long wait = wakeAt - clock.read();
        return Math.max(1, Math.min(1000, wait));
    }

    private void handle(Object item) {
        if (item instanceof LogEvent event) {
            Dropped dropped = screen(event);
            if (dropped == null) {
                process(event);
            } else {
                drop(dropped);
            }
        } else if (item instanceof InvalidUtf8 bad) {
            counters.lazySet(INVALID_UTF8, counters.get(INVALID_UTF8) + 1);
            tell(listener, () -> listener.invalidUtf8(bad.event));
            process(bad.event);
        } else if (item instanceof Dropped dropped) {
            drop(dropped);
        } else if (item instanceof AdvanceTo advance) {
            advanceClock(advance.time);
        } else if (item instanceof Sync sync) {
            if (clock.kind() == MonitorClock.Kind.WALL) {
                advanceClock(clock.read());
            }
            publishWatermark();
            sync.done.countDown();
        } else if (item instanceof Finish finish) {
            runToTheEnd();
            publishWatermark();
            finish.done.done.countDown();
        } else {
            throw new IllegalStateException("unknown queue item " + item);
        }
    }

    private void drop(Dropped dropped) {
        int counter = dropped.reason == Rejection.Reason.OVERSIZED ? OVERSIZED : MALFORMED;
        counters.lazySet(counter, counters.get(counter) + 1);
        reject(new Rejection(dropped.reason, dropped.timestamp, dropped.detail, Optional.empty()));
    }

    private void process(LogEvent event) {
        long t = event.timestamp();
        LatenessRule.Verdict verdict = rule.classify(t, ws.watermark, ws.now);
        switch (verdict) {
            case TOO_FAR_AHEAD -> {
                counters.lazySet(TOO_FAR_AHEAD, counters.get(TOO_FAR_AHEAD) + 1);
                reject(new Rejection(Rejection.Reason.TOO_FAR_AHEAD, t, "more than " + rule.maxAhead().orElseThrow()
                        + " after now (" + ws.now + ")", Optional.of(event)));
                return;
            }
            case TOO_LATE -> {
                counters.lazySet(TOO_LATE, counters.get(TOO_LATE) + 1);
                reject(new Rejection(Rejection.Reason.TOO_LATE, t, "before the horizon " + rule.horizon(ws.watermark)
                        + " (watermark " + ws.watermark + "): no alarm looks at its period any more",
                        Optional.of(event)));
                return;
            }
            case LATE -> {
                counters.lazySet(LATE, counters.get(LATE) + 1);
                long w = ws.watermark;
                tell(listener, () -> listener.late(event, w));
            }
            default -> counters.lazySet(ON_TIME, counters.get(ON_TIME) + 1);
        }
        if (perMinuteDefaults) {
            long minute = t - Math.floorMod(t, MINUTE_MILLIS);
            if (minute != ws.lastOpenMinute) {
                openMinutes.add(minute);
                ws.lastOpenMinute = minute;
                if (ws.watermark != NO_TIME) {
                    ws.due = Math.min(ws.due, minute + MINUTE_MILLIS);
                }
            }
        }
        emitter.accept(event);
        if (clock.kind() == MonitorClock.Kind.EVENT_TIME && verdict == LatenessRule.Verdict.ON_TIME) {
            ws.lastEventTime = Math.max(ws.lastEventTime, t);
            advanceClock(t);
        }
    }

    private void advanceClock(long time) {
        if (ws.now != NO_TIME && time <= ws.now) {
            return;
        }
        ws.now = time;
        long w = rule.watermark(time);
        if (ws.watermark == NO_TIME) {
            start(w);
            runDue();
        } else if (w > ws.watermark) {
            ws.watermark = w;
            runDue();
        }
    }

    private void start(long startWatermark) {
        if (ws.watermark != NO_TIME) {
            return;
        }
        ws.watermark = startWatermark;
        publishedWatermark = startWatermark;
        for (AlarmSlot slot : slots) {
            slot.nextEvaluation = floor(startWatermark, slot.periodMillis) + slot.periodMillis;
        }
        ws.due = nextDue();
    }

    private long nextDue() {
        long due = Long.MAX_VALUE;
        if (!pending.isEmpty()) {
            due = pending.firstKey() + resolutionMillis;
        }
        for (AlarmSlot slot : slots) {
            due = Math.min(due, slot.nextEvaluation);
        }
        if (!openMinutes.isEmpty()) {
            due = Math.min(due, openMinutes.first() + MINUTE_MILLIS);
        }
        return ws.watermark == NO_TIME ? Long.MAX_VALUE : due;
    }

    /** Everything due at or before the watermark, in time order. */
    private void runDue() {
        while (ws.due <= ws.watermark) {
            step(ws.due);
            ws.due = nextDue();
        }
    }

    private void step(long t) {
        if (perMinuteDefaults) {
            ws.flushing = true;
            try {
                emitter.flushBefore(t);
            } finally {
                ws.flushing = false;
            }
            openMinutes.headSet(t - MINUTE_MILLIS, true).clear();
        }
        while (!pending.isEmpty() && pending.firstKey() + resolutionMillis <= t) {
            Map.Entry<Long, Set<MetricState>> period = pending.pollFirstEntry();
            for (MetricState metric : period.getValue()) {
                publish(metric, period.getKey());
            }
        }
        for (AlarmSlot slot : slots) {
            if (slot.nextEvaluation <= t) {
                evaluate(slot, slot.nextEvaluation);
            }
        }
        ws.publishedUpTo = Math.max(ws.publishedUpTo, t);
        long boundary = floor(t, resolutionMillis);
        if (ws.lastCleanup == NO_TIME || boundary > ws.lastCleanup) {
            cleanup(t);
            ws.lastCleanup = boundary;
        }
    }

    private void publish(MetricState metric, long periodStart) {
        if (listener == NO_LISTENER) {
            return; // nobody to tell: computing the statistics would be wasted
        }
        List<PeriodStatistics> stats = metric.data.getMetricStatistics(StatisticsQuery.of(periodStart,
                periodStart + resolutionMillis, (int) (resolutionMillis / 1000), statistics));
        for (PeriodStatistics p : stats) {
            tell(listener, () -> listener.datapoint(metric.id, p));
        }
    }

    private void evaluate(AlarmSlot slot, long time) {
        MetricAlarm alarm = slot.alarm;
        int periods = alarm.evaluationRangePeriods();
        List<PeriodValue> values = new ArrayList<>(periods);
        boolean empty = true;
        for (int i = periods; i >= 1; i--) {
            PeriodValue v = slot.metric.data.periodValue(time - i * slot.periodMillis, alarm.periodSeconds(),
                    alarm.unit(), alarm.statistic());
            empty &= v.sampleCount() == 0;
            values.add(v);
        }
        Optional<AlarmStateChange> change = AlarmDecision.evaluate(alarm, time, slot.state, values);
        if (change.isPresent()) {
            AlarmStateChange c = change.get();
            slot.state = c.newState();
            slot.reason = c.reason();
            slot.last = c;
            counters.lazySet(TRANSITIONS, counters.get(TRANSITIONS) + 1);
            for (AlarmListener l : alarmListeners) {
                tell(l, () -> l.onStateChange(alarm, c));
            }
        }
        long next = time + slot.periodMillis;
        if (empty) {
            // Until data enters the range again, every evaluation sees only missing periods and decides the same.
            OptionalLong data = slot.metric.data.firstBucketAtOrAfter(time);
            long firstWithData = data.isPresent() ? floor(data.getAsLong(), slot.periodMillis) + slot.periodMillis
                    : Long.MAX_VALUE;
            if (!openMinutes.isEmpty()) {
                // A minute not flushed yet may still publish its default value into one of these periods.
                firstWithData = Math.min(firstWithData, floor(openMinutes.first(), slot.periodMillis)
                        + slot.periodMillis);
            }
            long afterWatermark = floor(ws.watermark, slot.periodMillis) + slot.periodMillis;
            next = Math.max(next, Math.min(firstWithData, afterWatermark));
        }
        slot.nextEvaluation = next;
    }

    /** Forgets the periods no alarm can look at any more after {@code t}, and the metrics left with none. */
    private void cleanup(long t) {
        for (Iterator<MetricState> it = metrics.values().iterator(); it.hasNext(); ) {
            MetricState m = it.next();
            long keepFrom = t;
            for (AlarmSlot slot : m.alarms) {
                keepFrom = Math.min(keepFrom, LatenessRule.horizon(slot.alarm, t));
            }
            m.data.discardBefore(keepFrom);
            if (m.alarms.isEmpty() && m.data.isEmpty()) {
                it.remove();
                for (Route r : m.routes) {
                    r.forget(m);
                }
            }
        }
    }

    private void runToTheEnd() {
        if (ws.watermark == NO_TIME) {
            return;
        }
        // Moving on can publish per-minute defaults, which are data too: go on until nothing is left to do.
        while (true) {
            long target = ws.watermark;
            for (AlarmSlot slot : slots) {
                OptionalLong latest = slot.metric.data.latestTimestamp();
                if (latest.isPresent()) {
                    target = Math.max(target, floor(latest.getAsLong(), slot.periodMillis)
                            + (alarmRange(slot) + 1) * slot.periodMillis);
                }
            }
            if (!pending.isEmpty()) {
                target = Math.max(target, pending.lastKey() + resolutionMillis);
            }
            if (!openMinutes.isEmpty()) {
                target = Math.max(target, openMinutes.last() + MINUTE_MILLIS);
            }
            if (ws.lastEventTime != NO_TIME) {
                target = Math.max(target, ws.lastEventTime);
            }
            if (target <= ws.watermark) {
                return;
            }
            ws.watermark = target;
            ws.now = Math.max(ws.now, target);
            runDue();
            publishedWatermark = target;
        }
    }

    private static long alarmRange(AlarmSlot slot) {
        return slot.alarm.evaluationRangePeriods();
    }

    private void reject(Rejection rejection) {
        tell(listener, () -> listener.rejected(rejection));
    }

    /**
     * Calls a listener; a failure is counted, reported and logged (a listener's first failure with its stack trace
     * as a warning, later ones at debug level, so that a broken sink does not flood the log), and never stops the
     * monitor.
     */
    private void tell(Object who, Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            counters.lazySet(LISTENER_FAILURES, counters.get(LISTENER_FAILURES) + 1);
            log(who, e);
            if (who != listener) {
                try {
                    listener.listenerFailed(who, e);
                } catch (RuntimeException again) {
                    counters.lazySet(LISTENER_FAILURES, counters.get(LISTENER_FAILURES) + 1);
                    log(listener, again);
                }
            }
        }
    }

    private void log(Object who, RuntimeException e) {
        if (failedListeners.add(who)) {
            LOG.log(System.Logger.Level.WARNING, "cwfilter: a listener of the log group monitor threw (its later"
                    + " failures are logged at debug level and counted in stats().listenerFailures())", e);
        } else {
            LOG.log(System.Logger.Level.DEBUG, "cwfilter: a listener of the log group monitor threw again: " + e);
        }
    }

    private static long floor(long time, long period) {
        return time - Math.floorMod(time, period);
    }

    private void store(int filter, Datapoint d) {
        Route route = routes[filter];
        MetricState m = route.lookup(d.dimensions());
        if (m == null) {
            m = newMetric(route, d.dimensions());
            if (m == null) {
                counters.lazySet(REJECTED_DATAPOINTS, counters.get(REJECTED_DATAPOINTS) + 1);
                reject(new Rejection(Rejection.Reason.DIMENSION_LIMIT, d.timestamp(), "metric filter "
                        + filterName(filter) + " already feeds " + DIMENSION_COMBINATION_LIMIT
                        + " dimension combinations; " + d.dimensions() + " is one more", Optional.empty()));
                return;
            }
        }
        if (!m.data.add(d)) {
            counters.lazySet(REJECTED_DATAPOINTS, counters.get(REJECTED_DATAPOINTS) + 1);
            reject(new Rejection(Rejection.Reason.VALUE_OUT_OF_RANGE, d.timestamp(), "metric filter "
                    + filterName(filter) + " published " + d.value() + ", beyond ±2^360", Optional.empty()));
            return;
        }
        counters.lazySet(DATAPOINTS, counters.get(DATAPOINTS) + 1);
        long start = floor(d.timestamp(), resolutionMillis);
        if (start != m.lastPending && (ws.flushing || ws.publishedUpTo == NO_TIME
                || start + resolutionMillis > ws.publishedUpTo)) {
            pending.computeIfAbsent(start, k -> new LinkedHashSet<>()).add(m);
            m.lastPending = start;
            if (ws.watermark != NO_TIME) {
                ws.due = Math.min(ws.due, start + resolutionMillis);
            }
        }
    }

    private MetricState newMetric(Route route, Map<String, String> dimensions) {
        if (!dimensions.isEmpty() && route.byDimensions.size() >= DIMENSION_COMBINATION_LIMIT) {
            return null;
        }
        MetricId id = new MetricId(route.namespace, route.metricName, dimensions);
        MetricState m = metrics.computeIfAbsent(id,
                k -> new MetricState(k, template.dimensions(k.dimensions()).build()));
        route.remember(dimensions, m);
        m.routes.add(route);
        return m;
    }

    private String filterName(int filter) {
        return group.metricFilters().get(filter).filterName().map(n -> "'" + n + "'").orElse("#" + filter);
    }

    /** Routes what the log group's emitter publishes and matches. */
    private final class Router implements LogGroup.Listener {
        @Override
        public void datapoint(int metricFilter, Datapoint datapoint) {
            store(metricFilter, datapoint);
            if (groupListener != null) {
                try {
                    groupListener.datapoint(metricFilter, datapoint);
                } catch (RuntimeException e) {
                    groupListenerFailed(e);
                }
            }
        }

        @Override
        public void metricFilterMatched(int metricFilter, LogEvent event) {
            matches.lazySet(PAD + metricFilter, matches.get(PAD + metricFilter) + 1);
            if (groupListener != null) {
                try {
                    groupListener.metricFilterMatched(metricFilter, event);
                } catch (RuntimeException e) {
                    groupListenerFailed(e);
                }
            }
        }

        @Override
        public void subscriptionFilterMatched(int subscriptionFilter, LogEvent event) {
            deliveries.lazySet(PAD + subscriptionFilter, deliveries.get(PAD + subscriptionFilter) + 1);
            SubscriptionFilter f = group.subscriptionFilters().get(subscriptionFilter);
            tell(listener, () -> listener.delivered(f, event));
            if (groupListener != null) {
                try {
                    groupListener.subscriptionFilterMatched(subscriptionFilter, event);
                } catch (RuntimeException e) {
                    groupListenerFailed(e);
                }
            }
        }
    }

    /** A failing group listener, reported as any listener is (called in place: no allocation per event). */
    private void groupListenerFailed(RuntimeException e) {
        tell(groupListener, () -> {
            throw e;
        });
    }

    /** One metric filter's metrics: the one without dimensions, and one per dimension combination. */
    private static final class Route {
        final int filter;
        final String namespace;
        final String metricName;
        MetricState plain;
        final Map<Map<String, String>, MetricState> byDimensions = new HashMap<>();

        Route(int filter, String namespace, String metricName) {
            this.filter = filter;
            this.namespace = namespace;
            this.metricName = metricName;
        }

        MetricState lookup(Map<String, String> dimensions) {
            return dimensions.isEmpty() ? plain : byDimensions.get(dimensions);
        }

        void remember(Map<String, String> dimensions, MetricState m) {
            if (dimensions.isEmpty()) {
                plain = m;
            } else {
                byDimensions.put(dimensions, m);
            }
        }

        void forget(MetricState m) {
            if (plain == m) {
                plain = null;
            }
            byDimensions.remove(m.id.dimensions(), m);
        }
    }

    /** One metric's data and who reads it. */
    private static final class MetricState {
        final MetricId id;
        final MetricAggregator data;
        final List<AlarmSlot> alarms = new ArrayList<>(1);
        final Set<Route> routes = new HashSet<>(2);
        long lastPending = NO_TIME;

        MetricState(MetricId id, MetricAggregator data) {
            this.id = id;
            this.data = data;
        }
    }

    /** One alarm's configuration and state. */
    private static final class AlarmSlot {
        final MetricAlarm alarm;
        final MetricState metric;
        final long periodMillis;
        long nextEvaluation = Long.MAX_VALUE;
        volatile AlarmState state;
        volatile String reason;
        volatile AlarmStateChange last;

        AlarmSlot(MetricAlarm alarm, MetricState metric, AlarmState state, String reason) {
            this.alarm = alarm;
            this.metric = metric;
            this.periodMillis = alarm.periodSeconds() * 1000L;
            this.state = state;
            this.reason = reason;
        }
    }

    /** The monitor's thread's own clock state (see {@link #ws}). */
    private static final class WorkerState {
        long lastOpenMinute = NO_TIME;
        long now = NO_TIME;
        long watermark = NO_TIME;
        long lastCleanup = NO_TIME;
        long lastEventTime = NO_TIME;
        /** Every period that ends at or before this has been published, if it had data then. */
        long publishedUpTo = NO_TIME;
        /** {@link #nextDue()}, kept up to date so that an event that changes nothing costs no search. */
        long due = Long.MAX_VALUE;
        /** Whether per-minute defaults are being flushed: they belong to periods that are being published. */
        boolean flushing;

        WorkerState copy() {
            WorkerState c = new WorkerState();
            c.lastOpenMinute = lastOpenMinute;
            c.now = now;
            c.watermark = watermark;
            c.lastCleanup = lastCleanup;
            c.lastEventTime = lastEventTime;
            c.publishedUpTo = publishedUpTo;
            c.due = due;
            c.flushing = flushing;
            return c;
        }
    }

    private record Dropped(Rejection.Reason reason, long timestamp, String detail) {
    }

    private record InvalidUtf8(LogEvent event) {
    }

    private record AdvanceTo(long time) {
    }

    private static final class Sync {
        final CountDownLatch done = new CountDownLatch(1);
    }

    private record Finish(Sync done) {
    }

    private enum Stop {
        STOP
    }

    private record InitialState(AlarmState state, String reason) {
    }

    /** Builds a {@link LogGroupMonitor}. Not thread-safe. */
    public static final class Builder {
        private final LogGroup group;
        private final Map<MetricAlarm, InitialState> alarms = new LinkedHashMap<>();
        private MonitorClock clock = MonitorClock.wall();
        private Duration lateness = DEFAULT_LATENESS;
        private Duration maxAhead;
        private Long startTime;
        private int queueCapacity = DEFAULT_QUEUE_CAPACITY;
        private int maxEventBytes = FilterOptions.CLOUDWATCH_MAX_EVENT_BYTES;
        private MetricAggregator.Builder metricSettings = MetricAggregator.builder();
        private List<Statistic> statistics = List.of(Statistic.SAMPLE_COUNT, Statistic.SUM, Statistic.AVERAGE,
                Statistic.MINIMUM, Statistic.MAXIMUM);
        private MonitorListener listener = NO_LISTENER;
        private final List<AlarmListener> alarmListeners = new ArrayList<>();
        private LogGroup.Listener groupListener;
        private java.util.function.Function<Runnable, Thread> threadFactory;

        private Builder(LogGroup group) {
            this.group = group;
            String name = "cwfilter-monitor" + group.name().map(n -> "-" + n).orElse("");
            this.threadFactory = r -> {
                Thread t = new Thread(r, name);
                t.setDaemon(true);
                return t;
            };
        }

        /** An alarm on one of the log group's metrics (or any metric: it then sees no data), starting in INSUFFICIENT_DATA. */
        public Builder alarm(MetricAlarm alarm) {
            return alarm(alarm, AlarmState.INSUFFICIENT_DATA, AlarmEvaluator.INITIAL_STATE_REASON);
        }

        /**
         * An alarm that is already in {@code state} (read back from CloudWatch, or restored): no transition is made
         * or told for it.
         */
        public Builder alarm(MetricAlarm alarm, AlarmState state, String reason) {
            Objects.requireNonNull(alarm, "alarm");
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(reason, "reason");
            for (MetricAlarm a : alarms.keySet()) {
                if (a.alarmName().equals(alarm.alarmName())) {
                    throw new IllegalArgumentException("two alarms are named '" + alarm.alarmName() + "'");
                }
            }
            alarms.put(alarm, new InitialState(state, reason));
            return this;
        }

        /** Alarms, each starting in INSUFFICIENT_DATA. */
        public Builder alarms(Collection<MetricAlarm> alarms) {
            alarms.forEach(this::alarm);
            return this;
        }

        /** Told of every alarm transition, after the previously added ones. */
        public Builder alarmListener(AlarmListener listener) {
            alarmListeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /** Told of datapoints, late and rejected events, and failing listeners. */
        public Builder listener(MonitorListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /**
         * Told of every datapoint the log group's metric filters publish and every match, for the events the monitor
         * counts (on time or late; not those it drops), per-minute default values included, as
         * {@link dev.cwfilter.metric.LogGroupMetrics} tells its listener: what a sink of raw datapoints (Embedded
         * Metric Format lines, say) needs. Called on the monitor's thread; a listener that throws is reported as
         * any listener is. Default none.
         */
        public Builder groupListener(LogGroup.Listener listener) {
            this.groupListener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /** The clock. Default {@link MonitorClock#wall()}. */
        public Builder clock(MonitorClock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** How far the watermark trails now. Default one minute. */
        public Builder lateness(Duration lateness) {
            LatenessRule.of(lateness, List.of());
            this.lateness = lateness;
            return this;
        }

        /**
         * The most an event may be ahead of now. Default {@link #CLOUDWATCH_MAX_AHEAD} for wall and manual clocks,
         * none for the event-time clock (whose now is the newest event).
         */
        public Builder maxAhead(Duration maxAhead) {
            LatenessRule.of(Duration.ZERO, List.of()).withMaxAhead(maxAhead);
            this.maxAhead = maxAhead;
            return this;
        }

        /**
         * The first watermark, so that alarms are evaluated at every boundary after it even before any event; by
         * default the first watermark the clock gives.
         */
        public Builder startTime(long watermark) {
            this.startTime = watermark;
            return this;
        }

        /**
         * How many events may wait for the monitor's thread: 1 to 2^30. Default {@value #DEFAULT_QUEUE_CAPACITY}.
         * The queue takes one reference per event of capacity, rounded up to a power of two.
         */
        public Builder queueCapacity(int capacity) {
            if (capacity < 1) {
                throw new IllegalArgumentException("the queue holds at least one event, not " + capacity);
            }
            if (capacity > 1 << 30) {
                throw new IllegalArgumentException("the queue holds at most 2^30 events, not " + capacity);
            }
            this.queueCapacity = capacity;
            return this;
        }

        /** The largest event, in UTF-8 bytes. Default CloudWatch's 1 MiB. */
        public Builder maxEventBytes(int bytes) {
            if (bytes < 1) {
                throw new IllegalArgumentException("the largest event is at least one byte, not " + bytes);
            }
            this.maxEventBytes = bytes;
            return this;
        }

        /**
         * How each metric is stored (resolution and accuracy; dimensions are set per metric). Default
         * {@link MetricAggregator#builder()}: 60-second storage, as metric-filter metrics are stored. The builder is
         * used by the monitor's thread from then on: do not change it afterwards.
         */
        public Builder metricSettings(MetricAggregator.Builder settings) {
            this.metricSettings = Objects.requireNonNull(settings, "settings");
            return this;
        }

        /** The statistics of each published datapoint. Default SampleCount, Sum, Average, Minimum, Maximum. */
        public Builder datapointStatistics(List<Statistic> statistics) {
            if (statistics.isEmpty()) {
                throw new IllegalArgumentException("a datapoint has at least one statistic");
            }
            this.statistics = List.copyOf(statistics);
            return this;
        }

        /** Makes the monitor's thread; default a daemon thread named after the log group. */
        public Builder threadFactory(java.util.function.Function<Runnable, Thread> factory) {
            this.threadFactory = Objects.requireNonNull(factory, "factory");
            return this;
        }

        /**
         * Builds the monitor and starts its thread.
         *
         * @throws IllegalArgumentException if an alarm's period is not a multiple of the storage resolution
         */
        public LogGroupMonitor build() {
            int resolution = metricSettings.build().storageResolutionSeconds();
            for (MetricAlarm alarm : alarms.keySet()) {
                if (alarm.periodSeconds() % resolution != 0) {
                    throw new IllegalArgumentException("alarm '" + alarm.alarmName() + "': its period of "
                            + alarm.periodSeconds() + " s is not a multiple of the storage resolution of " + resolution
                            + " s");
                }
            }
            StatisticsQuery.of(0, resolution * 1000L, resolution, statistics.toArray(Statistic[]::new));
            return new LogGroupMonitor(this);
        }
    }
}
