package dev.cwfilter.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cwfilter.Datapoint;
import dev.cwfilter.DefaultValueMode;
import dev.cwfilter.FilterOptions;
import dev.cwfilter.LogEvent;
import dev.cwfilter.LogGroup;
import dev.cwfilter.MetricFilter;
import dev.cwfilter.metric.AlarmComparisonOperator;
import dev.cwfilter.metric.AlarmEvaluator;
import dev.cwfilter.metric.AlarmStateChange;
import dev.cwfilter.metric.LogGroupMetrics;
import dev.cwfilter.metric.MetricAggregator;
import dev.cwfilter.metric.MetricAlarm;
import dev.cwfilter.metric.MetricId;
import dev.cwfilter.metric.PeriodStatistics;
import dev.cwfilter.metric.Statistic;
import dev.cwfilter.metric.StatisticsQuery;
import dev.cwfilter.metric.TreatMissingData;
import dev.cwfilter.propcheck.Gen;
import dev.cwfilter.propcheck.PropCheck;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Live equals replay: the monitor's datapoints and transitions, over generated streams of events that arrive out of
 * order (and, in the second law, late), are those of the replay API over the same events.
 */
class LiveEqualsReplayTest {

    static final long NOON = Instant.parse("2026-11-21T12:00:00Z").toEpochMilli();
    static final long MINUTE = 60_000;
    static final Duration LATENESS = Duration.ofMinutes(2);
    static final List<Statistic> STATISTICS = List.of(Statistic.SAMPLE_COUNT, Statistic.SUM, Statistic.AVERAGE,
            Statistic.MINIMUM, Statistic.MAXIMUM);

    static final List<String> MESSAGES = List.of(
            "{\"eventName\":\"GetSecretValue\",\"user\":\"alice\",\"latency\":120}",
            "{\"eventName\":\"ListSecrets\",\"user\":\"bob\",\"latency\":340,\"errorCode\":\"AccessDenied\"}",
            "{\"eventName\":\"GetSecretValue\",\"user\":\"alice\",\"errorCode\":\"Throttling\"}",
            "{\"eventName\":\"PutSecretValue\",\"latency\":15}",
            "ERROR request failed",
            "INFO all good");

    static final MetricFilter READS = filter("reads", "{ $.eventName = \"GetSecretValue\" }", "1", 0.0, Map.of(),
            FilterOptions.defaults(), "Security", "Reads");
    static final MetricFilter LATENCY = filter("latency", "{ $.latency = * }", "$.latency", null, Map.of(),
            FilterOptions.defaults(), "App", "Latency");
    static final MetricFilter BY_USER = filter("by-user", "{ $.user = * }", "1", null, Map.of("User", "$.user"),
            FilterOptions.defaults(), "App", "ByUser");
    static final MetricFilter ERRORS = filter("errors", "ERROR", "1", null, Map.of(), FilterOptions.defaults(),
            "App", "Errors");
    static final MetricFilter CODES = filter("codes", "{ $.errorCode = * }", "1", 0.0, Map.of(),
            FilterOptions.builder().defaultValueMode(DefaultValueMode.ONCE_PER_MINUTE_WITHOUT_MATCH).build(), "App",
            "Codes");

    record Ev(long timestamp, int message, long delay) {
        LogEvent event() {
            return new LogEvent(timestamp, MESSAGES.get(message));
        }
    }

    static MetricFilter filter(String name, String pattern, String value, Double defaultValue,
                               Map<String, String> dimensions, FilterOptions options, String namespace, String metric) {
        MetricFilter.Builder b = MetricFilter.builder().filterName(name).filterPattern(pattern).options(options)
                .metricNamespace(namespace).metricName(metric).metricValue(value).dimensions(dimensions);
        if (defaultValue != null) {
            b.defaultValue(defaultValue);
        }
        return b.build();
    }

    static MetricAlarm.Builder alarm(String name, String namespace, String metric, String statistic, int period,
                                     int n, int m, double threshold, AlarmComparisonOperator op) {
        return MetricAlarm.builder().alarmName(name).namespace(namespace).metricName(metric).statistic(statistic)
                .periodSeconds(period).evaluationPeriods(n).datapointsToAlarm(m).threshold(threshold)
                .comparisonOperator(op);
    }

    static List<MetricAlarm> alarms(List<TreatMissingData> t, boolean withCodes) {
        List<MetricAlarm> alarms = new ArrayList<>(List.of(
                alarm("reads", "Security", "Reads", "Sum", 60, 1, 1, 1,
                        AlarmComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD).treatMissingData(t.get(0)).build(),
                alarm("latency", "App", "Latency", "p90", 60, 3, 2, 200,
                        AlarmComparisonOperator.GREATER_THAN_THRESHOLD).treatMissingData(t.get(1)).build(),
                alarm("errors", "App", "Errors", "SampleCount", 120, 2, 1, 2,
                        AlarmComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD).treatMissingData(t.get(2)).build(),
                alarm("alice", "App", "ByUser", "Sum", 60, 1, 1, 2,
                        AlarmComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD).treatMissingData(t.get(3))
                        .dimensions(Map.of("User", "alice")).build()));
        if (withCodes) {
            alarms.add(alarm("codes", "App", "Codes", "Average", 300, 1, 1, 0.5,
                    AlarmComparisonOperator.GREATER_THAN_THRESHOLD).treatMissingData(t.get(4)).build());
        }
        return alarms;
    }

    /** Events over 25 minutes, bunched into some minutes so that others are quiet; delays up to {@code maxDelay}. */
    static Gen<List<Ev>> events(long maxDelay, int lateOneIn) {
        Gen<Integer> minute = Gen.frequency(Gen.weighted(3, Gen.integers(0, 6)), Gen.weighted(2, Gen.integers(0, 24)));
        Gen<Long> delay = lateOneIn == 0 ? Gen.longs(0, maxDelay)
                : Gen.frequency(Gen.weighted(lateOneIn - 1, Gen.longs(0, maxDelay)),
                        Gen.weighted(1, Gen.longs(maxDelay, 12 * MINUTE)));
        Gen<Ev> ev = random -> new Ev(NOON + minute.generate(random) * MINUTE + Gen.longs(0, MINUTE - 1)
                .generate(random), Gen.integers(0, MESSAGES.size() - 1).generate(random), delay.generate(random));
        return Gen.listOf(ev, 0, 60);
    }

    static final Gen<List<TreatMissingData>> TREATMENTS = Gen.listOf(Gen.elements(TreatMissingData.values()), 5, 5);

    /** The order the events arrive in: by timestamp plus delay. */
    static List<LogEvent> arrivals(List<Ev> events) {
        List<Ev> sorted = new ArrayList<>(events);
        sorted.sort(Comparator.comparingLong((Ev e) -> e.timestamp() + e.delay()));
        return sorted.stream().map(Ev::event).toList();
    }

    static Map<String, List<AlarmStateChange>> byAlarm(List<AlarmStateChange> changes, List<MetricAlarm> alarms) {
        Map<String, List<AlarmStateChange>> result = new HashMap<>();
        alarms.forEach(a -> result.put(a.alarmName(), new ArrayList<>()));
        changes.forEach(c -> result.get(c.alarmName()).add(c));
        return result;
    }

    static List<String> published(List<Recorder.Published> datapoints) {
        return datapoints.stream().map(p -> p.statistics().timestamp() + " " + p.metric() + " " + p.statistics())
                .sorted().toList();
    }

    static List<String> replayed(LogGroupMetrics metrics) {
        List<String> result = new ArrayList<>();
        for (Map.Entry<MetricId, MetricAggregator> m : metrics.metrics().entrySet()) {
            for (PeriodStatistics p : m.getValue().getMetricStatistics(StatisticsQuery.of(NOON - 60 * MINUTE,
                    NOON + 120 * MINUTE, 60, STATISTICS.toArray(Statistic[]::new)))) {
                result.add(p.timestamp() + " " + m.getKey() + " " + p);
            }
        }
        Collections.sort(result);
        return result;
    }

    static Map<String, List<AlarmStateChange>> replayTransitions(LogGroupMetrics metrics, List<MetricAlarm> alarms,
                                                                 long start, long end) {
        Map<String, List<AlarmStateChange>> result = new HashMap<>();
        for (MetricAlarm alarm : alarms) {
            result.put(alarm.alarmName(), new AlarmEvaluator(alarm, metrics.metric(MetricId.of(alarm)))
                    .evaluateEachPeriod(start + 1, end));
        }
        return result;
    }

    /**
     * Events that arrive in any order within the lateness: every one is on time, and the monitor publishes exactly the
     * datapoints GetMetricStatistics gives and makes exactly the transitions {@code evaluateEachPeriod} makes, from
     * the monitor's start to its last watermark.
     */
    @Test
    void eventsOutOfOrderWithinTheLatenessGiveTheReplaysDatapointsAndTransitions() {
        LogGroup group = LogGroup.builder().metricFilters(List.of(READS, LATENCY, BY_USER, ERRORS, CODES)).build();
        PropCheck.forAll(events(LATENESS.toMillis(), 0), TREATMENTS, (events, treatments) -> {
            List<MetricAlarm> alarms = alarms(treatments, true);
            List<LogEvent> arrivals = arrivals(events);
            Recorder recorder = new Recorder();
            long end;
            try (LogGroupMonitor monitor = LogGroupMonitor.builder(group).alarms(alarms).alarmListener(recorder)
                    .listener(recorder).clock(MonitorClock.eventTime()).lateness(LATENESS).build()) {
                for (LogEvent e : arrivals) {
                    monitor.put(e);
                }
                monitor.finish();
                MonitorStats stats = monitor.stats();
                assertThat(stats.onTime()).isEqualTo(events.size());
                assertThat(stats.processed()).isEqualTo(events.size());
                end = stats.watermark().orElse(Long.MIN_VALUE);
            }
            if (arrivals.isEmpty()) {
                assertThat(recorder.transitions).isEmpty();
                return;
            }
            LogGroupMetrics replay = LogGroupMetrics.of(group).acceptAll(arrivals);
            long start = arrivals.get(0).timestamp() - LATENESS.toMillis();
            assertThat(byAlarm(recorder.transitions, alarms))
                    .isEqualTo(replayTransitions(replay, alarms, start, end));
            assertThat(published(recorder.datapoints)).isEqualTo(replayed(replay));
        });
    }

    /**
     * Events from four threads at once: with a lateness longer than the stream, every order is on time, so the result
     * is the replay's whatever the interleaving.
     */
    @Test
    void eventsFromManyThreadsGiveTheReplaysDatapointsAndTransitions() {
        LogGroup group = LogGroup.builder().metricFilters(List.of(READS, LATENCY, BY_USER, ERRORS, CODES)).build();
        long start = NOON - 60 * MINUTE;
        PropCheck.tries(150).forAll(events(0, 0), TREATMENTS, Gen.longs(0, Long.MAX_VALUE), (events, treatments,
                                                                                        seed) -> {
            List<MetricAlarm> alarms = alarms(treatments, true);
            List<LogEvent> all = events.stream().map(Ev::event).toList();
            Recorder recorder = new Recorder();
            long end;
            try (LogGroupMonitor monitor = LogGroupMonitor.builder(group).alarms(alarms).alarmListener(recorder)
                    .listener(recorder).clock(MonitorClock.eventTime()).lateness(Duration.ofDays(1))
                    .startTime(start).queueCapacity(8).build()) {
                List<LogEvent> shuffled = new ArrayList<>(all);
                Collections.shuffle(shuffled, new Random(seed));
                List<Thread> threads = new ArrayList<>();
                for (int k = 0; k < 4; k++) {
                    int from = k * shuffled.size() / 4;
                    int to = (k + 1) * shuffled.size() / 4;
                    List<LogEvent> share = shuffled.subList(from, to);
                    Thread t = new Thread(() -> {
                        for (LogEvent e : share) {
                            try {
                                monitor.put(e);
                            } catch (InterruptedException ex) {
                                throw new IllegalStateException(ex);
                            }
                        }
                    });
                    threads.add(t);
                    t.start();
                }
                for (Thread t : threads) {
                    t.join();
                }
                monitor.finish();
                assertThat(monitor.stats().onTime()).isEqualTo(events.size());
                end = monitor.stats().watermark().orElseThrow();
            }
            LogGroupMetrics replay = LogGroupMetrics.of(group).acceptAll(all);
            assertThat(byAlarm(recorder.transitions, alarms)).isEqualTo(replayTransitions(replay, alarms, start, end));
            assertThat(published(recorder.datapoints)).isEqualTo(replayed(replay));
        });
    }

    /**
     * Events that may arrive after the watermark: each is on time, late (kept from then on) or too late (dropped) by
     * the lateness rule, and the transitions are those of the replay API fed event by event, each evaluation made
     * when the watermark passes its boundary: the monitor's bounded memory never loses what an evaluation needs.
     */
    @Test
    void lateEventsCountFromTheirArrivalAndTooLateOnesAreDroppedAndCounted() {
        LogGroup group = LogGroup.builder().metricFilters(List.of(READS, LATENCY, BY_USER, ERRORS)).build();
        long lateness = MINUTE;
        PropCheck.forAll(events(lateness, 4), TREATMENTS, (events, treatments) -> {
            List<MetricAlarm> alarms = alarms(treatments, false);
            List<LogEvent> arrivals = arrivals(events);
            Recorder recorder = new Recorder();
            MonitorStats stats;
            try (LogGroupMonitor monitor = LogGroupMonitor.builder(group).alarms(alarms).alarmListener(recorder)
                    .listener(recorder).clock(MonitorClock.eventTime()).lateness(Duration.ofMillis(lateness))
                    .build()) {
                for (LogEvent e : arrivals) {
                    monitor.put(e);
                }
                monitor.finish();
                stats = monitor.stats();
            }
            Reference reference = new Reference(group, alarms, lateness);
            for (LogEvent e : arrivals) {
                reference.accept(e);
            }
            if (stats.watermark().isPresent()) {
                reference.evaluateTo(stats.watermark().getAsLong());
            }
            assertThat(stats.onTime()).isEqualTo(reference.onTime);
            assertThat(stats.late()).isEqualTo(reference.late);
            assertThat(stats.tooLate()).isEqualTo(reference.tooLate);
            assertThat(stats.processed()).isEqualTo(events.size());
            assertThat(recorder.late).hasSize((int) reference.late);
            assertThat(recorder.rejections).hasSize((int) reference.tooLate);
            assertThat(byAlarm(recorder.transitions, alarms)).isEqualTo(reference.transitions());
        });
    }

    /**
     * The replay API fed one event at a time, with the lateness rule written out again here: keeps every period
     * forever, evaluates each alarm at every boundary the watermark passes.
     */
    static final class Reference {
        final LogGroup group;
        final List<MetricAlarm> alarms;
        final long lateness;
        final Map<MetricId, MetricAggregator> metrics = new HashMap<>();
        final List<AlarmEvaluator> evaluators = new ArrayList<>();
        final LogGroup.Emitter emitter;
        long watermark = Long.MIN_VALUE;
        long start;
        long newest = Long.MIN_VALUE;
        long onTime;
        long late;
        long tooLate;

        Reference(LogGroup group, List<MetricAlarm> alarms, long lateness) {
            this.group = group;
            this.alarms = alarms;
            this.lateness = lateness;
            for (MetricAlarm alarm : alarms) {
                evaluators.add(new AlarmEvaluator(alarm, metric(MetricId.of(alarm))));
            }
            this.emitter = group.emitter((filter, d) -> {
                MetricFilter f = group.metricFilters().get(filter);
                metric(new MetricId(f.metricNamespace().orElseThrow(), f.metricName().orElseThrow(),
                        d.dimensions())).add(d);
            });
        }

        MetricAggregator metric(MetricId id) {
            return metrics.computeIfAbsent(id, k -> MetricAggregator.builder().dimensions(k.dimensions()).build());
        }

        long horizon() {
            long h = watermark;
            for (MetricAlarm a : alarms) {
                long p = a.periodSeconds() * 1000L;
                h = Math.min(h, Math.floorDiv(watermark, p) * p - (a.evaluationPeriods() + 1) * p);
            }
            return h;
        }

        void accept(LogEvent e) {
            long t = e.timestamp();
            boolean onTimeEvent = watermark == Long.MIN_VALUE || t >= watermark;
            if (onTimeEvent) {
                onTime++;
            } else if (t >= horizon()) {
                late++;
            } else {
                tooLate++;
                return;
            }
            emitter.accept(e);
            if (onTimeEvent && t > newest) {
                newest = t;
                if (watermark == Long.MIN_VALUE) {
                    watermark = t - lateness;
                    start = watermark;
                } else {
                    evaluateTo(t - lateness);
                }
            }
        }

        void evaluateTo(long w) {
            if (watermark == Long.MIN_VALUE || w <= watermark) {
                return;
            }
            for (AlarmEvaluator evaluator : evaluators) {
                evaluator.evaluateEachPeriod(Math.max(watermark, start) + 1, w);
            }
            watermark = w;
        }

        Map<String, List<AlarmStateChange>> transitions() {
            Map<String, List<AlarmStateChange>> result = new HashMap<>();
            for (AlarmEvaluator e : evaluators) {
                result.put(e.alarm().alarmName(), e.history());
            }
            return result;
        }
    }

    @Test
    void theReferenceIsNotTrivial() {
        // The laws above are only as good as the streams: the generator makes late, too-late and quiet stretches.
        Reference r = new Reference(LogGroup.builder().metricFilter(READS).build(),
                alarms(List.of(TreatMissingData.MISSING, TreatMissingData.MISSING, TreatMissingData.MISSING,
                        TreatMissingData.MISSING, TreatMissingData.MISSING), false).subList(0, 1), MINUTE);
        r.accept(new LogEvent(NOON + 10 * MINUTE, MESSAGES.get(0)));
        r.accept(new LogEvent(NOON + 8 * MINUTE + 30_000, MESSAGES.get(0)));
        r.accept(new LogEvent(NOON + MINUTE, MESSAGES.get(0)));
        assertThat(List.of(r.onTime, r.late, r.tooLate)).containsExactly(1L, 1L, 1L);
        assertThat(Datapoint.class).isNotNull();
    }
}
