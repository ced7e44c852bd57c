package dev.cwfilter.flink;

import dev.cwfilter.DefaultValueMode;
import dev.cwfilter.FilterOptions;
import dev.cwfilter.LogEvent;
import dev.cwfilter.LogGroup;
import dev.cwfilter.MetricFilter;
import dev.cwfilter.live.LogGroupMonitor;
import dev.cwfilter.live.MonitorClock;
import dev.cwfilter.live.MonitorListener;
import dev.cwfilter.live.MonitorStats;
import dev.cwfilter.live.Rejection;
import dev.cwfilter.metric.AlarmComparisonOperator;
import dev.cwfilter.metric.AlarmStateChange;
import dev.cwfilter.metric.MetricAlarm;
import dev.cwfilter.metric.MetricId;
import dev.cwfilter.metric.PeriodStatistics;
import dev.cwfilter.metric.Statistic;
import dev.cwfilter.metric.TreatMissingData;
import dev.cwfilter.propcheck.Gen;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Generated streams for the differential tests: a log group of five metric filters (a default on every unmatched
 * event, a JSON value, a dimension, a term, a once-per-minute default) and alarms on each metric (Sum, p90, SampleCount
 * over two minutes, a dimension, Average over five minutes), and events spread over 25 minutes that arrive out of
 * order; the single-JVM monitor run over them as the reference.
 */
final class Scenarios {

    static final long NOON = Instant.parse("2026-11-21T12:00:00Z").toEpochMilli();
    static final long MINUTE = 60_000;
    static final List<Statistic> STATISTICS = List.of(Statistic.SAMPLE_COUNT, Statistic.SUM, Statistic.AVERAGE,
            Statistic.MINIMUM, Statistic.MAXIMUM, Statistic.parse("p90"));

    static final List<String> MESSAGES = List.of(
            "{\"eventName\":\"GetSecretValue\",\"user\":\"alice\",\"latency\":120}",
            "{\"eventName\":\"ListSecrets\",\"user\":\"bob\",\"latency\":340,\"errorCode\":\"AccessDenied\"}",
            "{\"eventName\":\"GetSecretValue\",\"user\":\"alice\",\"errorCode\":\"Throttling\"}",
            "{\"eventName\":\"PutSecretValue\",\"latency\":15}",
            "{\"eventName\":\"GetSecretValue\",\"user\":\"carol\",\"latency\":-4}",
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

    /** Every filter. */
    static final LogGroup GROUP = LogGroup.builder().name("app").metricFilters(List.of(READS, LATENCY, BY_USER,
            ERRORS, CODES)).build();
    /** Without the once-per-minute default (whose late events the monitor treats otherwise, see semantics). */
    static final LogGroup GROUP_WITHOUT_CODES = LogGroup.builder().name("app").metricFilters(List.of(READS, LATENCY,
            BY_USER, ERRORS)).build();

    static final Gen<List<TreatMissingData>> TREATMENTS = Gen.listOf(Gen.elements(TreatMissingData.values()), 6, 6);

    /** An event, when it happened and how long after that it arrives. */
    record Ev(long timestamp, int message, long delay) {
        LogEvent event() {
            return new LogEvent(timestamp, MESSAGES.get(message));
        }
    }

    private Scenarios() {
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
                .comparisonOperator(op).alarmActions(List.of("arn:aws:sns:us-east-1:123456789012:" + name));
    }

    /** An alarm on each metric, treating missing data as given; the last one on a metric that never has data. */
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
                        .dimensions(Map.of("User", "alice")).build(),
                alarm("silent", "App", "Nothing", "Sum", 60, 2, 2, 1,
                        AlarmComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD).treatMissingData(t.get(5))
                        .build()));
        if (withCodes) {
            alarms.add(alarm("codes", "App", "Codes", "Average", 300, 1, 1, 0.5,
                    AlarmComparisonOperator.GREATER_THAN_THRESHOLD).treatMissingData(t.get(4)).build());
        }
        return alarms;
    }

    /** Events over 25 minutes, bunched into some minutes so that others are quiet, each delayed up to maxDelay. */
    static Gen<List<Ev>> onTime(long maxDelay) {
        Gen<Integer> minute = Gen.frequency(Gen.weighted(3, Gen.integers(0, 6)), Gen.weighted(2, Gen.integers(0, 24)));
        Gen<Ev> ev = random -> new Ev(NOON + minute.generate(random) * MINUTE
                + Gen.longs(0, MINUTE - 1).generate(random), Gen.integers(0, MESSAGES.size() - 1).generate(random),
                Gen.longs(0, maxDelay).generate(random));
        return Gen.listOf(ev, 1, 60);
    }

    /**
     * Events of which about one in {@code lateOneIn} is delayed beyond the lateness (up to 12 minutes), over a backbone
     * of one undelayed event in every minute — so that, as in any busy log group, every minute has something to publish
     * when the watermark passes its end.
     */
    static Gen<List<Ev>> withLate(long lateness, int lateOneIn) {
        Gen<Long> delay = Gen.frequency(Gen.weighted(lateOneIn - 1, Gen.longs(0, lateness)),
                Gen.weighted(1, Gen.longs(lateness, 12 * MINUTE)));
        Gen<Ev> ev = random -> new Ev(NOON + Gen.integers(0, 24).generate(random) * MINUTE
                + Gen.longs(0, MINUTE - 1).generate(random), Gen.integers(0, MESSAGES.size() - 1).generate(random),
                delay.generate(random));
        return Gen.listOf(ev, 0, 60).map(events -> {
            List<Ev> all = new ArrayList<>(events);
            for (int m = 0; m < 25; m++) {
                all.add(new Ev(NOON + m * MINUTE + 30_000, 6, 0));
            }
            return all;
        });
    }

    /** The order the events arrive in: by timestamp plus delay (stable for ties). */
    static List<LogEvent> arrivals(List<Ev> events) {
        List<Ev> sorted = new ArrayList<>(events);
        sorted.sort(Comparator.comparingLong((Ev e) -> e.timestamp() + e.delay()));
        return sorted.stream().map(Ev::event).toList();
    }

    /** What the single-JVM monitor did with a stream. */
    record MonitorOutput(List<String> datapoints, Map<String, List<AlarmStateChange>> transitions,
                         List<LogEvent> late, List<Rejection> rejections, MonitorStats stats,
                         List<String> datapointJson, List<String> transitionJson) {
    }

    /** Runs the events through {@link LogGroupMonitor} on the event-time clock, from {@code start}, and finishes. */
    static MonitorOutput monitor(LogGroup group, List<MetricAlarm> alarms, List<LogEvent> arrivals, Duration lateness,
                                 long start) throws InterruptedException {
        List<String> datapoints = Collections.synchronizedList(new ArrayList<>());
        List<String> datapointJson = Collections.synchronizedList(new ArrayList<>());
        List<AlarmStateChange> transitions = Collections.synchronizedList(new ArrayList<>());
        List<LogEvent> late = Collections.synchronizedList(new ArrayList<>());
        List<Rejection> rejections = Collections.synchronizedList(new ArrayList<>());
        MonitorStats stats;
        try (LogGroupMonitor monitor = LogGroupMonitor.builder(group).alarms(alarms)
                .alarmListener((alarm, change) -> transitions.add(change))
                .listener(new MonitorListener() {
                    @Override
                    public void datapoint(MetricId metric, PeriodStatistics statistics) {
                        datapoints.add(line(metric, statistics));
                        datapointJson.add(MetricsJson.datapoint(new MetricDatapoint(metric, 60, statistics)));
                    }

                    @Override
                    public void late(LogEvent event, long watermark) {
                        late.add(event);
                    }

                    @Override
                    public void rejected(Rejection rejection) {
                        rejections.add(rejection);
                    }
                })
                .clock(MonitorClock.eventTime()).lateness(lateness).startTime(start)
                .datapointStatistics(STATISTICS).build()) {
            for (LogEvent e : arrivals) {
                monitor.put(e);
            }
            monitor.finish();
            stats = monitor.stats();
        }
        Map<String, List<AlarmStateChange>> byAlarm = new LinkedHashMap<>();
        alarms.forEach(a -> byAlarm.put(a.alarmName(), new ArrayList<>()));
        transitions.forEach(c -> byAlarm.get(c.alarmName()).add(c));
        return new MonitorOutput(datapoints.stream().sorted().toList(), byAlarm, List.copyOf(late),
                List.copyOf(rejections), stats, datapointJson.stream().sorted().toList(),
                transitions.stream().map(MetricsJson::transition).sorted().toList());
    }

    static String line(MetricId metric, PeriodStatistics statistics) {
        return statistics.timestamp() + " " + metric + " " + statistics;
    }

    static List<String> names(List<MetricAlarm> alarms) {
        return alarms.stream().map(MetricAlarm::alarmName).toList();
    }
}
