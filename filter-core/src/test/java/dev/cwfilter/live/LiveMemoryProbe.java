package dev.cwfilter.live;

import dev.cwfilter.LogEvent;
import dev.cwfilter.LogGroup;
import dev.cwfilter.MetricFilter;
import dev.cwfilter.metric.AlarmComparisonOperator;
import dev.cwfilter.metric.AlarmListener;
import dev.cwfilter.metric.MetricAlarm;
import dev.cwfilter.metric.Statistic;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Run by {@link LiveMemoryTest} in a JVM of its own with a small heap: streams {@code n} generated events (10 ms
 * apart, pairs swapped, so out of order within the lateness) through a monitor with a dimension filter whose hosts come
 * and go, and two alarms; measures the live heap after a full collection at each quarter, and prints what it saw.
 */
final class LiveMemoryProbe {

    private LiveMemoryProbe() {
    }

    static LogGroup group() {
        return LogGroup.builder()
                .metricFilter(MetricFilter.builder().filterName("reads")
                        .filterPattern("{ $.eventName = \"GetSecretValue\" }").metricNamespace("Security")
                        .metricName("Reads").metricValue("1").defaultValue(0).build())
                .metricFilter(MetricFilter.builder().filterName("latency").filterPattern("[host, status, latency]")
                        .metricNamespace("App").metricName("Latency").metricValue("$latency")
                        .dimension("Host", "$host").build())
                .build();
    }

    static List<MetricAlarm> alarms() {
        return List.of(
                MetricAlarm.builder().alarmName("reads").namespace("Security").metricName("Reads")
                        .statistic(Statistic.SUM).periodSeconds(60).evaluationPeriods(3).datapointsToAlarm(2)
                        .threshold(300).comparisonOperator(AlarmComparisonOperator.GREATER_THAN_THRESHOLD).build(),
                MetricAlarm.builder().alarmName("host 7 latency").namespace("App").metricName("Latency")
                        .dimensions(java.util.Map.of("Host", "h7")).statistic("p99").periodSeconds(300)
                        .evaluationPeriods(2).threshold(900)
                        .comparisonOperator(AlarmComparisonOperator.GREATER_THAN_THRESHOLD).build());
    }

    /** Event {@code i}: pairs swapped, every third a secret read, the others access-log lines of a rotating host. */
    static LogEvent event(long start, long i) {
        long j = (i % 2 == 0) ? i + 1 : i - 1;
        long t = start + j * 10;
        if (j % 3 == 0) {
            return new LogEvent(t, (j % 7 == 0) ? "{\"eventName\":\"GetSecretValue\",\"user\":\"alice\"}"
                    : "{\"eventName\":\"ListSecrets\",\"user\":\"bob\"}");
        }
        // A host lives for 2,000 events (20 s), then the next one takes over: hosts are never seen again.
        return new LogEvent(t, "h" + (j / 2000) + " 200 " + (j % 1000));
    }

    public static void main(String[] args) throws Exception {
        long n = Long.parseLong(args[0]);
        long start = Instant.parse("2026-11-21T12:00:00Z").toEpochMilli();
        List<Long> liveHeap = new ArrayList<>();
        AtomicLong transitions = new AtomicLong();
        AlarmListener counting = (alarm, change) -> transitions.incrementAndGet();
        long started = System.nanoTime();
        MonitorStats stats;
        int metrics;
        try (LogGroupMonitor monitor = LogGroupMonitor.builder(group()).alarms(alarms()).alarmListener(counting)
                .clock(MonitorClock.eventTime()).lateness(Duration.ofMinutes(1)).build()) {
            for (long i = 0; i < n; i++) {
                monitor.put(event(start, i));
                if ((i + 1) % (n / 4) == 0) {
                    monitor.sync();
                    liveHeap.add(liveHeap());
                }
            }
            monitor.finish();
            stats = monitor.stats();
            metrics = monitor.metrics().size();
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.println(String.format(Locale.ROOT, "received=%d processed=%d dropped=%d datapoints=%d"
                        + " rejectedDatapoints=%d transitions=%d told=%d metrics=%d millis=%d liveHeap=%s",
                stats.received(), stats.processed(), stats.dropped() + stats.late(), stats.datapoints(),
                stats.rejectedDatapoints(), stats.transitions(), transitions.get(), metrics, millis, liveHeap));
    }

    static long liveHeap() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
