package dev.cwfilter.live;

import static dev.cwfilter.live.Seed.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.cwfilter.DefaultValueMode;
import dev.cwfilter.FilterOptions;
import dev.cwfilter.FilterPattern;
import dev.cwfilter.LogEvent;
import dev.cwfilter.LogGroup;
import dev.cwfilter.MetricFilter;
import dev.cwfilter.SubscriptionFilter;
import dev.cwfilter.metric.AlarmComparisonOperator;
import dev.cwfilter.metric.AlarmEvaluator;
import dev.cwfilter.metric.AlarmState;
import dev.cwfilter.metric.AlarmStateChange;
import dev.cwfilter.metric.LogGroupMetrics;
import dev.cwfilter.metric.MetricAlarm;
import dev.cwfilter.metric.MetricId;
import dev.cwfilter.metric.Statistic;
import dev.cwfilter.metric.TreatMissingData;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LogGroupMonitorTest {

    private static final long MINUTE = 60_000;

    private static LogGroupMonitor.Builder seedMonitor(Recorder recorder) {
        return LogGroupMonitor.builder(Seed.group()).alarm(Seed.sumAlarm()).alarmListener(recorder)
                .listener(recorder).clock(MonitorClock.eventTime());
    }

    private static List<Object> summary(List<AlarmStateChange> changes) {
        return changes.stream().map(c -> (Object) tuple(c.timestamp(), c.oldState(), c.newState())).toList();
    }

    @Test
    void theSeedHourAtEventTimeMakesTheReplaysTransitions() throws Exception {
        Recorder recorder = new Recorder();
        try (LogGroupMonitor monitor = seedMonitor(recorder).build()) {
            for (LogEvent e : Seed.EVENTS) {
                monitor.put(e);
            }
            monitor.finish();
        }
        LogGroupMetrics replay = LogGroupMetrics.of(Seed.group()).acceptAll(Seed.EVENTS);
        List<AlarmStateChange> expected = new AlarmEvaluator(Seed.sumAlarm(),
                replay.metric(MetricId.of(Seed.sumAlarm()))).replay();
        assertThat(recorder.transitions).isEqualTo(expected);
        assertThat(recorder.transitions).extracting(AlarmStateChange::timestamp, AlarmStateChange::newState)
                .startsWith(tuple(at("12:01"), AlarmState.OK), tuple(at("12:04"), AlarmState.ALARM),
                        tuple(at("12:05"), AlarmState.OK));
        assertThat(recorder.datapoints).hasSize(57);
    }

    @Test
    void aTransitionIsToldAsSoonAsTheEventsThatDecideItAreIn() throws Exception {
        Recorder recorder = new Recorder();
        try (LogGroupMonitor monitor = seedMonitor(recorder).build()) {
            for (LogEvent e : Seed.EVENTS) {
                if (e.timestamp() >= at("12:05")) {
                    monitor.sync();
                    // The watermark is before 12:04: the 12:03 minute may still receive events.
                    assertThat(summary(recorder.transitions)).doesNotContain(
                            tuple(at("12:04"), AlarmState.OK, AlarmState.ALARM));
                    monitor.put(e);
                    monitor.sync();
                    // An event at 12:05 or later moves the watermark past 12:04: the evaluation at 12:04 is told.
                    assertThat(summary(recorder.transitions))
                            .contains(tuple(at("12:04"), AlarmState.OK, AlarmState.ALARM));
                    assertThat(monitor.state("Secret is accessed")).isEqualTo(AlarmState.ALARM);
                    return;
                }
                monitor.put(e);
            }
        }
    }

    @Test
    void afterSyncTheStatsShowTheWatermarkOfTheEventsHandedOverBeforeIt() throws Exception {
        Recorder recorder = new Recorder();
        try (LogGroupMonitor monitor = seedMonitor(recorder).lateness(Duration.ofMinutes(1)).build()) {
            for (String time : new String[] {"12:00:30", "12:07:10", "12:31:00"}) {
                monitor.put(new LogEvent(at(time), "{\"eventName\":\"ListSecrets\"}"));
                monitor.sync();
                assertThat(monitor.stats().watermark()).as("after an event at " + time)
                        .hasValue(at(time) - MINUTE);
            }
            monitor.advanceTo(at("13:00"));
            monitor.sync();
            assertThat(monitor.stats().watermark()).hasValue(at("12:59"));
        }
    }

    @Test
    void handingOverAnEventAllocatesNothingOnTheCallersThread() throws Exception {
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        LogEvent[] events = new LogEvent[20_000];
        for (int i = 0; i < events.length; i++) {
            events[i] = new LogEvent(at("12:00") + i * 100L, "{\"eventName\":\"ListSecrets\",\"n\":" + i + "}");
        }
        long lastOffered = events[4_999].timestamp();
        long perEvent = Long.MAX_VALUE;
        for (int round = 0; round < 5 && perEvent > 0; round++) {
            try (LogGroupMonitor monitor = seedMonitor(new Recorder()).queueCapacity(events.length + 1).build()) {
                long before = threads.getCurrentThreadAllocatedBytes();
                for (LogEvent e : events) {
                    monitor.put(e);
                }
                for (LogEvent e : events) {
                    monitor.offer(e);
                    if (e.timestamp() == lastOffered) {
                        break;
                    }
                }
                perEvent = (threads.getCurrentThreadAllocatedBytes() - before) / (events.length + 5_000);
                monitor.sync();
            }
        }
        assertThat(perEvent).as("bytes allocated per put or offer, once compiled").isZero();
    }

    @Test
    void aWallClockEvaluatesEachBoundaryOnceTheLatenessHasPassed() throws Exception {
        Recorder recorder = new Recorder();
        AtomicLong wall = new AtomicLong(at("12:00"));
        try (LogGroupMonitor monitor = seedMonitor(recorder).clock(MonitorClock.wall(wall::get)).build()) {
            assertThat(monitor.stats().watermark()).hasValue(at("11:59"));
            for (int minute = 0; minute < 60; minute++) {
                long from = at("12:00") + minute * MINUTE;
                for (LogEvent e : Seed.EVENTS) {
                    if (e.timestamp() >= from && e.timestamp() < from + MINUTE) {
                        monitor.put(e);
                    }
                }
                wall.set(from + MINUTE);
                monitor.sync();
                if (from + MINUTE == at("12:05")) {
                    // Now 12:05, watermark 12:04: the 12:04 evaluation has run.
                    assertThat(monitor.state("Secret is accessed")).isEqualTo(AlarmState.ALARM);
                }
            }
            wall.set(at("13:10"));
            monitor.sync();
            assertThat(monitor.stats().late()).isZero();
            assertThat(monitor.stats().onTime()).isEqualTo(127);
        }
        LogGroupMetrics replay = LogGroupMetrics.of(Seed.group()).acceptAll(Seed.EVENTS);
        assertThat(recorder.transitions).isEqualTo(new AlarmEvaluator(Seed.sumAlarm(),
                replay.metric(MetricId.of(Seed.sumAlarm()))).replay());
    }

    @Test
    void aQuietLogGroupIsStillEvaluatedEveryPeriod() throws Exception {
        Recorder recorder = new Recorder();
        MetricAlarm notBreaching = Seed.sumAlarm().toBuilder().alarmName("quiet")
                .treatMissingData(TreatMissingData.NOT_BREACHING).build();
        try (LogGroupMonitor monitor = LogGroupMonitor.builder(Seed.group()).alarm(Seed.sumAlarm())
                .alarm(notBreaching).alarmListener(recorder).clock(MonitorClock.manual()).lateness(Duration.ZERO)
                .build()) {
            monitor.advanceTo(at("12:00:30"));
            monitor.put(new LogEvent(at("12:00:40"), "{\"eventName\":\"GetSecretValue\"}"));
            monitor.advanceTo(at("12:10"));
            monitor.sync();
            // No event after 12:01: the Sum alarm goes to INSUFFICIENT_DATA once its 3 periods are empty.
            assertThat(summary(recorder.transitionsOf("Secret is accessed"))).containsExactly(
                    tuple(at("12:01"), AlarmState.INSUFFICIENT_DATA, AlarmState.ALARM),
                    tuple(at("12:04"), AlarmState.ALARM, AlarmState.INSUFFICIENT_DATA));
            assertThat(summary(recorder.transitionsOf("quiet"))).containsExactly(
                    tuple(at("12:01"), AlarmState.INSUFFICIENT_DATA, AlarmState.ALARM),
                    tuple(at("12:04"), AlarmState.ALARM, AlarmState.OK));
            // A year of silence is decided once, not once a minute.
            monitor.advanceTo(at("12:10") + Duration.ofDays(365).toMillis());
            monitor.sync();
            assertThat(recorder.transitions).hasSize(4);
            assertThat(monitor.states()).containsExactly(Map.entry("Secret is accessed",
                    AlarmState.INSUFFICIENT_DATA), Map.entry("quiet", AlarmState.OK));
        }
    }

    @Test
    void lateEventsAreKeptWithinTheHorizonAndDroppedBeyondItAndEveryOneIsReported() throws Exception {
        Recorder recorder = new Recorder();
        try (LogGroupMonitor monitor = seedMonitor(recorder).clock(MonitorClock.manual()).lateness(Duration.ZERO)
                .build()) {
            monitor.advanceTo(at("12:10:30"));
            String read = "{\"eventName\":\"GetSecretValue\"}";
            monitor.put(new LogEvent(at("12:10:40"), read));
            monitor.put(new LogEvent(at("12:10:20"), read));     // late: the 12:10 minute is not evaluated yet
            monitor.put(new LogEvent(at("12:08:59"), read));     // late: its minute is still in the next range
            monitor.put(new LogEvent(at("12:07:59"), read));     // too late: no evaluation looks at 12:07 again
            monitor.put(new LogEvent(at("14:10:31"), read));     // more than 2 hours ahead
            monitor.sync();
            MonitorStats stats = monitor.stats();
            assertThat(stats.onTime()).isEqualTo(1);
            assertThat(stats.late()).isEqualTo(2);
            assertThat(stats.tooLate()).isEqualTo(1);
            assertThat(stats.tooFarAhead()).isEqualTo(1);
            assertThat(stats.processed()).isEqualTo(stats.received()).isEqualTo(5);
            assertThat(recorder.late).extracting(LogEvent::timestamp).containsExactly(at("12:10:20"), at("12:08:59"));
            assertThat(recorder.rejections).extracting(Rejection::reason, Rejection::timestamp).containsExactly(
                    tuple(Rejection.Reason.TOO_LATE, at("12:07:59")),
                    tuple(Rejection.Reason.TOO_FAR_AHEAD, at("14:10:31")));
            assertThat(recorder.rejections).allMatch(r -> r.event().isPresent());
            assertThat(monitor.metric(MetricId.of(Seed.sumAlarm())).orElseThrow().periodValue(at("12:08"), 60,
                    java.util.Optional.empty(), Statistic.SUM).value()).hasValue(1);
        }
    }

    /**
     * The group listener hears the datapoints and matches of exactly the events the monitor counts, per-minute defaults
     * included: those of a replay over the events that were not dropped. A throwing one is reported and changes
     * nothing else.
     */
    @Test
    void theGroupListenerHearsTheDatapointsOfTheCountedEventsOnly() throws Exception {
        Recorder recorder = new Recorder();
        List<dev.cwfilter.Datapoint> heard = new ArrayList<>();
        AtomicLong matched = new AtomicLong();
        LogGroup.Listener listener = new LogGroup.Listener() {
            @Override
            public void datapoint(int metricFilter, dev.cwfilter.Datapoint datapoint) {
                heard.add(datapoint);
            }

            @Override
            public void metricFilterMatched(int metricFilter, LogEvent event) {
                matched.incrementAndGet();
            }
        };
        String read = "{\"eventName\":\"GetSecretValue\"}";
        List<LogEvent> counted = new ArrayList<>();
        try (LogGroupMonitor monitor = seedMonitor(recorder).clock(MonitorClock.manual()).lateness(Duration.ZERO)
                .groupListener(listener).build()) {
            monitor.advanceTo(at("12:10:30"));
            for (LogEvent e : List.of(new LogEvent(at("12:10:40"), read), new LogEvent(at("12:10:20"), "other"),
                    new LogEvent(at("12:07:59"), read), new LogEvent(at("14:10:31"), read))) {
                monitor.put(e);
            }
            counted.add(new LogEvent(at("12:10:40"), read));
            counted.add(new LogEvent(at("12:10:20"), "other"));
            monitor.advanceTo(at("12:12"));
            monitor.sync();
        }
        List<dev.cwfilter.Datapoint> expected = new ArrayList<>();
        LogGroup.Emitter replay = Seed.group().emitter((filter, d) -> expected.add(d));
        counted.forEach(replay::accept);
        replay.flush();
        assertThat(heard).isEqualTo(expected).hasSize(2);
        assertThat(matched.get()).isEqualTo(1);

        try (LogGroupMonitor monitor = seedMonitor(new Recorder()).groupListener(new LogGroup.Listener() {
            @Override
            public void datapoint(int metricFilter, dev.cwfilter.Datapoint datapoint) {
                throw new IllegalStateException("EMF disk full");
            }
        }).build()) {
            for (LogEvent e : Seed.EVENTS) {
                monitor.put(e);
            }
            monitor.finish();
            assertThat(monitor.stats().listenerFailures()).isEqualTo(Seed.EVENTS.size());
            assertThat(monitor.stats().transitions()).isEqualTo(12);
        }
    }

    @Test
    void badEventsAreCountedAndReportedAndNeverStopTheMonitor() throws Exception {
        Recorder recorder = new Recorder();
        try (LogGroupMonitor monitor = seedMonitor(recorder).maxEventBytes(64).build()) {
            monitor.put(new LogEvent(at("12:00:01"), ""));
            monitor.put(new LogEvent(at("12:00:02"), "x".repeat(65)));
            monitor.put(new LogEvent(at("12:00:02"), "é".repeat(33)));
            byte[] bad = {'{', '"', 'e', '"', ':', (byte) 0xC3, '"', '}'};
            monitor.put(at("12:00:03"), bad, 0, bad.length);
            byte[] tooBig = new byte[100];
            assertThat(monitor.offer(at("12:00:04"), tooBig, 0, tooBig.length)).isTrue();
            byte[] good = "{\"eventName\":\"GetSecretValue\"}".getBytes(StandardCharsets.UTF_8);
            monitor.put(at("12:00:05"), good, 0, good.length);
            monitor.put(at("12:00:06"), good, 0, 0);
            monitor.sync();
            MonitorStats stats = monitor.stats();
            assertThat(stats.malformed()).isEqualTo(2);
            assertThat(stats.oversized()).isEqualTo(3);
            assertThat(stats.invalidUtf8()).isEqualTo(1);
            assertThat(stats.onTime()).isEqualTo(2);
            assertThat(stats.processed()).isEqualTo(stats.received()).isEqualTo(7);
            assertThat(recorder.invalidUtf8).singleElement().extracting(LogEvent::message)
                    .isEqualTo("{\"e\":\uFFFD\"}");
            assertThat(recorder.rejections).extracting(Rejection::reason).containsExactly(
                    Rejection.Reason.MALFORMED, Rejection.Reason.OVERSIZED, Rejection.Reason.OVERSIZED,
                    Rejection.Reason.OVERSIZED, Rejection.Reason.MALFORMED);
            assertThat(monitor.matchCount(0)).isEqualTo(1);
        }
    }

    @Test
    void aThrowingListenerIsReportedAndTheOthersAreStillTold() throws Exception {
        Recorder recorder = new Recorder();
        List<AlarmStateChange> second = new ArrayList<>();
        MonitorListener throwing = new MonitorListener() {
            @Override
            public void datapoint(MetricId metric, dev.cwfilter.metric.PeriodStatistics statistics) {
                throw new IllegalStateException("datapoint sink down");
            }
        };
        try (LogGroupMonitor monitor = LogGroupMonitor.builder(Seed.group()).alarm(Seed.sumAlarm())
                .alarmListener((alarm, change) -> {
                    throw new IllegalStateException("pager down");
                })
                .alarmListener((alarm, change) -> second.add(change))
                .alarmListener(recorder).listener(throwing).clock(MonitorClock.eventTime()).build()) {
            for (LogEvent e : Seed.EVENTS) {
                monitor.put(e);
            }
            monitor.finish();
            assertThat(second).hasSize(12).isEqualTo(recorder.transitions);
            // Every transition's first listener threw, and so did every datapoint.
            assertThat(monitor.stats().listenerFailures()).isEqualTo(12 + 57);
            assertThat(monitor.failure()).isEmpty();
        }
        Recorder reporting = new Recorder();
        try (LogGroupMonitor monitor = LogGroupMonitor.builder(Seed.group()).alarm(Seed.sumAlarm())
                .alarmListener((alarm, change) -> {
                    throw new IllegalStateException("pager down");
                }).listener(reporting).clock(MonitorClock.eventTime()).build()) {
            for (LogEvent e : Seed.EVENTS) {
                monitor.put(e);
            }
            monitor.finish();
        }
        assertThat(reporting.failures).hasSize(12).allMatch(f -> f.getMessage().equals("pager down"));
    }

    @Test
    void aFullQueueRefusesOffersAndPutWaitsAndNothingIsLost() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch stalled = new CountDownLatch(1);
        MonitorListener blocking = new MonitorListener() {
            @Override
            public void rejected(Rejection rejection) {
                stalled.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        try (LogGroupMonitor monitor = LogGroupMonitor.builder(Seed.group()).listener(blocking).queueCapacity(2)
                .clock(MonitorClock.eventTime()).build()) {
            monitor.put(new LogEvent(at("12:00"), ""));                  // its report stalls the monitor's thread
            assertThat(stalled.await(10, TimeUnit.SECONDS)).isTrue();
            LogEvent e = new LogEvent(at("12:00:01"), "plain");
            assertThat(monitor.offer(e)).isTrue();
            assertThat(monitor.offer(e)).isTrue();
            assertThat(monitor.offer(e)).as("the queue is full").isFalse();
            assertThat(monitor.offer(e, 20, TimeUnit.MILLISECONDS)).isFalse();
            Thread putter = new Thread(() -> {
                try {
                    monitor.put(e);
                } catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                }
            });
            putter.start();
            putter.join(200);
            assertThat(putter.isAlive()).as("put waits for room").isTrue();
            release.countDown();
            putter.join(10_000);
            assertThat(putter.isAlive()).isFalse();
            monitor.sync();
            MonitorStats stats = monitor.stats();
            assertThat(stats.refused()).isEqualTo(2);
            assertThat(stats.received()).isEqualTo(4);
            assertThat(stats.processed()).isEqualTo(4);
        }
    }

    /**
     * Producers keep handing events over (put, offer, a timed offer) while another thread closes the monitor: each
     * call either took its event or threw, and every event taken was processed (counted in one outcome) by the time
     * close() and the producers have returned.
     */
    @Test
    void aCloseRacingWithProducersProcessesEveryEventTaken() throws Exception {
        for (int round = 0; round < 40; round++) {
            // Small queues (producers wait for room) and large ones (they do not), a close at various moments.
            LogGroupMonitor monitor = LogGroupMonitor.builder(Seed.group()).alarm(Seed.sumAlarm())
                    .queueCapacity(round % 2 == 0 ? 1 + round % 8 : 4096).clock(MonitorClock.eventTime()).build();
            int producers = 6;
            AtomicLong taken = new AtomicLong();
            List<Throwable> unexpected = java.util.Collections.synchronizedList(new ArrayList<>());
            CountDownLatch started = new CountDownLatch(producers);
            List<Thread> threads = new ArrayList<>();
            for (int p = 0; p < producers; p++) {
                int producer = p;
                Thread t = new Thread(() -> {
                    started.countDown();
                    try {
                        for (int i = 0; ; i++) {
                            LogEvent e = Seed.EVENTS.get(i % Seed.EVENTS.size());
                            boolean took = switch ((producer + i) % 3) {
                                case 0 -> {
                                    monitor.put(e);
                                    yield true;
                                }
                                case 1 -> monitor.offer(e);
                                default -> monitor.offer(e, 1, TimeUnit.MILLISECONDS);
                            };
                            if (took) {
                                taken.incrementAndGet();
                            }
                        }
                    } catch (IllegalStateException closed) {
                        if (!String.valueOf(closed.getMessage()).contains("closed")) {
                            unexpected.add(closed);
                        }
                    } catch (Throwable other) {
                        unexpected.add(other);
                    }
                });
                threads.add(t);
                t.start();
            }
            started.await();
            Thread.sleep(round % 4 * 5);
            monitor.close();
            for (Thread t : threads) {
                t.join(30_000);
                assertThat(t.isAlive()).as("a producer stopped by the close").isFalse();
            }
            assertThat(unexpected).isEmpty();
            MonitorStats stats = monitor.stats();
            assertThat(stats.received()).as("round %d", round).isEqualTo(taken.get());
            assertThat(stats.processed()).as("round %d: every event taken was processed", round)
                    .isEqualTo(stats.received());
            assertThat(stats.queued()).isZero();
        }
    }

    @Test
    void aClosedMonitorTakesNothing() throws Exception {
        LogGroupMonitor monitor = LogGroupMonitor.builder(Seed.group()).clock(MonitorClock.eventTime()).build();
        monitor.close();
        monitor.close();
        assertThatThrownBy(() -> monitor.offer(new LogEvent(1, "x"))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
        assertThatThrownBy(() -> monitor.put(new LogEvent(1, "x"))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(monitor::sync).isInstanceOf(IllegalStateException.class);
        LogGroupMonitor wall = LogGroupMonitor.builder(Seed.group()).build();
        assertThatThrownBy(() -> wall.advanceTo(5)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("wall clock");
        wall.close();
    }

    @Test
    void anAlarmCanStartInAChosenStateWithoutATransition() throws Exception {
        Recorder recorder = new Recorder();
        try (LogGroupMonitor monitor = LogGroupMonitor.builder(Seed.group())
                .alarm(Seed.sumAlarm(), AlarmState.OK, "restored").alarmListener(recorder)
                .clock(MonitorClock.eventTime()).startTime(at("12:00:30")).build()) {
            assertThat(monitor.state("Secret is accessed")).isEqualTo(AlarmState.OK);
            for (LogEvent e : Seed.EVENTS) {
                monitor.put(e);
            }
            monitor.finish();
        }
        // The first evaluation, at 12:01, sees 12:00's 0 and keeps OK: nothing is told until 12:04.
        assertThat(summary(recorder.transitions)).startsWith(tuple(at("12:04"), AlarmState.OK, AlarmState.ALARM));
    }

    @Test
    void aFilterFeedsAtMostTheDimensionLimitAndMetricsNoAlarmWatchesAreForgotten() throws Exception {
        MetricFilter byUser = MetricFilter.builder().filterName("by-user").filterPattern("{ $.user = * }")
                .metricNamespace("App").metricName("Calls").dimension("User", "$.user").build();
        LogGroup group = LogGroup.builder().metricFilter(byUser).build();
        Recorder recorder = new Recorder();
        try (LogGroupMonitor monitor = LogGroupMonitor.builder(group).listener(recorder).lateness(Duration.ZERO)
                .clock(MonitorClock.eventTime()).build()) {
            for (int i = 0; i <= LogGroupMonitor.DIMENSION_COMBINATION_LIMIT; i++) {
                monitor.put(new LogEvent(at("12:00:01") + i, "{\"user\":\"u" + i + "\"}"));
            }
            monitor.sync();
            assertThat(monitor.metrics()).hasSize(LogGroupMonitor.DIMENSION_COMBINATION_LIMIT);
            assertThat(monitor.stats().rejectedDatapoints()).isEqualTo(1);
            assertThat(recorder.rejections).singleElement().extracting(Rejection::reason)
                    .isEqualTo(Rejection.Reason.DIMENSION_LIMIT);
            // Once the minute is complete and published, its metrics are forgotten and new users fit again.
            monitor.put(new LogEvent(at("12:01:30"), "{\"other\":1}"));
            monitor.put(new LogEvent(at("12:01:31"), "{\"user\":\"newcomer\"}"));
            monitor.sync();
            assertThat(monitor.metrics()).containsExactly(new MetricId("App", "Calls", Map.of("User", "newcomer")));
            assertThat(recorder.datapoints).hasSize(LogGroupMonitor.DIMENSION_COMBINATION_LIMIT);
        }
    }

    @Test
    void perMinuteDefaultsArePublishedWhenTheirMinuteIsComplete() throws Exception {
        MetricFilter perMinute = MetricFilter.builder().filterName("reads").filterPattern(
                "{ $.eventName = \"GetSecretValue\" }").metricNamespace("SecurityMetrics").metricName("Reads")
                .defaultValue(0).options(FilterOptions.builder()
                        .defaultValueMode(DefaultValueMode.ONCE_PER_MINUTE_WITHOUT_MATCH).build()).build();
        LogGroup group = LogGroup.builder().metricFilter(perMinute).build();
        MetricAlarm alarm = Seed.sumAlarm().toBuilder().metricName("Reads").build();
        Recorder recorder = new Recorder();
        try (LogGroupMonitor monitor = LogGroupMonitor.builder(group).alarm(alarm).alarmListener(recorder)
                .listener(recorder).clock(MonitorClock.eventTime()).build()) {
            for (LogEvent e : Seed.EVENTS) {
                monitor.put(e);
            }
            monitor.finish();
        }
        LogGroupMetrics replay = LogGroupMetrics.of(group).acceptAll(Seed.EVENTS);
        assertThat(recorder.transitions).isEqualTo(new AlarmEvaluator(alarm, replay.metric(MetricId.of(alarm)))
                .replay());
        assertThat(recorder.datapoints).hasSize(57);
        assertThat(recorder.datapoints).allMatch(p -> p.statistics().value(Statistic.SAMPLE_COUNT).getAsDouble()
                <= 2);
    }

    @Test
    void subscriptionFiltersDeliverWhatTheyMatch() throws Exception {
        LogGroup group = LogGroup.builder().metricFilter(Seed.filter())
                .subscriptionFilter(SubscriptionFilter.of("errors", FilterPattern.compile("{ $.errorCode = * }")))
                .build();
        List<LogEvent> delivered = new ArrayList<>();
        try (LogGroupMonitor monitor = LogGroupMonitor.builder(group).clock(MonitorClock.eventTime())
                .listener(new MonitorListener() {
                    @Override
                    public void delivered(SubscriptionFilter filter, LogEvent event) {
                        delivered.add(event);
                    }
                }).build()) {
            for (LogEvent e : Seed.EVENTS) {
                monitor.put(e);
            }
            monitor.sync();
            long expected = Seed.EVENTS.stream().filter(e -> e.message().contains("\"errorCode\"")).count();
            assertThat(delivered).hasSize((int) expected);
            assertThat(monitor.deliveryCount(0)).isEqualTo(expected);
        }
    }

    @Test
    void anAlarmWhosePeriodTheStorageCannotServeIsRefused() {
        MetricAlarm tenSeconds = Seed.sumAlarm().toBuilder().periodSeconds(10).build();
        assertThatThrownBy(() -> LogGroupMonitor.builder(Seed.group()).alarm(tenSeconds).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("storage resolution of 60 s");
        assertThatThrownBy(() -> LogGroupMonitor.builder(Seed.group()).alarm(Seed.sumAlarm()).alarm(Seed.sumAlarm()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("two alarms");
        assertThat(AlarmComparisonOperator.GREATER_THAN_THRESHOLD).isNotNull();
    }
}
