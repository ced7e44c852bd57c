package dev.cwfilter.aws;

import dev.cwfilter.live.MonitorListener;
import dev.cwfilter.metric.MetricId;
import dev.cwfilter.metric.PeriodStatistics;
import dev.cwfilter.metric.Statistic;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;

/**
 * PutMetricData as a live run goes: each period's statistics, handed over the moment the period is complete (a
 * {@link dev.cwfilter.live.LogGroupMonitor}'s {@link MonitorListener#datapoint}), are published as one
 * {@code StatisticValues} datum (SampleCount, Sum, Minimum, Maximum), as {@link MetricDataPublisher#publishStatistics}
 * publishes a replay's, so that GetMetricStatistics answers what the monitor publishes.
 *
 * <pre>{@code
 * try (MetricDataStream out = MetricDataStream.builder(aws.cloudWatch()).build();
 *      LogGroupMonitor monitor = LogGroupMonitor.builder(group).listener(out).build()) {
 *     ...
 * }
 * }</pre>
 *
 * <p>Publishing never runs on the caller's thread: the data go into the outbox {@link SnsAlarmNotifier} uses (bounded,
 * {@link WhenFull#REJECT} by default), and one sending thread takes what has gathered, up to 1,000 data, and sends it
 * namespace by namespace in requests within PutMetricData's limits, with the SDK's retries. A datum the API would
 * refuse (a timestamp over 14 days old or 2 hours ahead, a dimension value it does not take) is not sent and is
 * reported as {@link DeliveryFailure.Reason#INVALID}, so that it does not fail the others. Every datum ends delivered
 * or reported to the {@link Listener} and counted ({@link #counts()}).
 *
 * <p>A period published here is not published again: an event the monitor takes late counts for later evaluations,
 * not in a period already sent (the monitor's rule).
 *
 * <p>Thread-safe.
 */
public final class MetricDataStream extends QueuedSender<MetricDataStream.Datum> implements MonitorListener {

    /** The default capacity of the outbox, in data. */
    public static final int DEFAULT_CAPACITY = 10_000;

    /**
     * One statistic set to publish.
     *
     * @param metric     its metric (namespace, name, dimension values)
     * @param statistics the period's statistics, with at least SampleCount, Sum, Minimum and Maximum
     */
    public record Datum(MetricId metric, PeriodStatistics statistics) {

        /** Checks for null. */
        public Datum {
            Objects.requireNonNull(metric, "metric");
            Objects.requireNonNull(statistics, "statistics");
        }

        /** {@code Namespace/Name{dims} at 2026-11-21T12:03:00Z}, for messages. */
        public String describe() {
            return metric + " at " + Instant.ofEpochMilli(statistics.timestamp());
        }
    }

    /** Told of each datum's outcome, once. Implementations must be thread-safe. */
    public interface Listener {
        /** A listener that does nothing. */
        Listener NONE = new Listener() {
        };

        /** CloudWatch accepted the datum's request. */
        default void delivered(Datum datum) {
        }

        /** The datum was not published and will not be. */
        default void failed(Datum datum, DeliveryFailure failure) {
        }
    }

    private final int storageResolution;

    private MetricDataStream(Builder b) {
        this.storageResolution = b.storageResolution;
        MetricDataPublisher rules = MetricDataPublisher.builder(b.cloudWatch).clock(b.clock)
                .maxDataPerRequest(b.maxDataPerRequest).build();
        CloudWatchClient cloudWatch = b.cloudWatch;
        Listener listener = b.listener;
        this.outbox = new Outbox<>("the metric data stream", "data", "CloudWatch", "cwfilter-put-metric-data",
                b.capacity, b.whenFull, b.closeTimeout, MetricDataPublisher.MAX_DATA_PER_REQUEST, Datum::describe,
                (batch, outcomes) -> send(cloudWatch, rules, batch, outcomes),
                Outbox.Listener.of((datum, id) -> listener.delivered(datum), listener::failed));
    }

    /** A builder for a stream publishing with {@code cloudWatch}. */
    public static Builder builder(CloudWatchClient cloudWatch) {
        return new Builder(cloudWatch);
    }

    /**
     * Queues the period's statistics; returns without waiting for CloudWatch (unless the outbox is full and the stream
     * {@linkplain WhenFull#WAIT waits}).
     */
    @Override
    public void datapoint(MetricId metric, PeriodStatistics statistics) {
        offer(new Datum(metric, statistics));
    }

    /** Queues a datum, as {@link #datapoint} does. */
    public void offer(Datum datum) {
        Objects.requireNonNull(datum, "datum");
        for (Statistic s : List.of(Statistic.SAMPLE_COUNT, Statistic.SUM, Statistic.MINIMUM, Statistic.MAXIMUM)) {
            if (!datum.statistics().values().containsKey(s)) {
                throw new IllegalArgumentException("a statistic set needs SampleCount, Sum, Minimum and Maximum;"
                        + " the datapoint of " + datum.describe() + " has no " + s.awsName());
            }
        }
        outbox.offer(datum);
    }

    private void send(CloudWatchClient cloudWatch, MetricDataPublisher rules, List<Datum> batch,
                      Outbox.Outcomes<Datum> outcomes) {
        Map<String, List<Datum>> byNamespace = new LinkedHashMap<>();
        for (Datum d : batch) {
            try {
                MetricDataPublisher.checkNames(d.metric().namespace(), d.metric().metricName());
            } catch (IllegalArgumentException e) {
                outcomes.failed(d, DeliveryFailure.Reason.INVALID, "not sent: " + d.describe() + ": "
                        + e.getMessage(), null);
                continue;
            }
            String refusal = rules.refusal(d.metric().dimensions(), d.statistics().timestamp(),
                    new double[] {d.statistics().value(Statistic.SUM).orElse(Double.NaN)});
            if (refusal != null) {
                outcomes.failed(d, DeliveryFailure.Reason.INVALID, "not sent: " + d.describe() + ": " + refusal,
                        null);
                continue;
            }
            byNamespace.computeIfAbsent(d.metric().namespace(), k -> new ArrayList<>()).add(d);
        }
        for (Map.Entry<String, List<Datum>> ns : byNamespace.entrySet()) {
            List<Datum> request = new ArrayList<>();
            List<MetricDatum> data = new ArrayList<>();
            int bytes = 0;
            for (Datum d : ns.getValue()) {
                MetricDatum datum = MetricDataPublisher.statisticDatum(d.metric().metricName(),
                        d.metric().dimensions(), d.statistics(), storageResolution);
                int size = MetricDataPublisher.estimate(datum);
                if (data.size() == rules.maxDataPerRequest() || bytes + size > MetricDataPublisher.MAX_REQUEST_BYTES) {
                    put(cloudWatch, ns.getKey(), request, data, outcomes);
                    request = new ArrayList<>();
                    data = new ArrayList<>();
                    bytes = 0;
                }
                request.add(d);
                data.add(datum);
                bytes += size;
            }
            put(cloudWatch, ns.getKey(), request, data, outcomes);
        }
    }

    private static void put(CloudWatchClient cloudWatch, String namespace, List<Datum> request, List<MetricDatum> data,
                            Outbox.Outcomes<Datum> outcomes) {
        if (data.isEmpty()) {
            return;
        }
        try {
            cloudWatch.putMetricData(r -> r.namespace(namespace).metricData(data));
            for (Datum d : request) {
                outcomes.delivered(d, "");
            }
        } catch (SdkException e) {
            String message = AwsErrors.describe("PutMetricData of " + data.size() + " metric data to " + namespace, e);
            for (Datum d : request) {
                outcomes.failed(d, DeliveryFailure.Reason.PUBLISH_FAILED, message, e);
            }
        }
    }

    /** Builds a {@link MetricDataStream}. Not thread-safe. */
    public static final class Builder extends OutboxBuilder<Builder> {

        private final CloudWatchClient cloudWatch;
        private Listener listener = Listener.NONE;
        private Clock clock = Clock.systemUTC();
        private int maxDataPerRequest = MetricDataPublisher.MAX_DATA_PER_REQUEST;
        private int storageResolution = 60;

        private Builder(CloudWatchClient cloudWatch) {
            super(DEFAULT_CAPACITY);
            this.cloudWatch = Objects.requireNonNull(cloudWatch, "cloudWatch");
        }

        /** Told of each datum's outcome. Default none (the counts still tell). */
        public Builder listener(Listener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /** The clock that decides which timestamps are too old or too far ahead. Default the system clock. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** At most this many metric data per request, 1 to 1,000. Default 1,000. */
        public Builder maxDataPerRequest(int max) {
            if (max < 1 || max > MetricDataPublisher.MAX_DATA_PER_REQUEST) {
                throw new IllegalArgumentException("maxDataPerRequest must be 1 to 1000, not " + max);
            }
            this.maxDataPerRequest = max;
            return this;
        }

        /** The storage resolution the data are published at: 60 (default) or 1 (high resolution). */
        public Builder storageResolution(int seconds) {
            if (seconds != 1 && seconds != 60) {
                throw new IllegalArgumentException("the storage resolution is 1 or 60 seconds, not " + seconds);
            }
            this.storageResolution = seconds;
            return this;
        }

        /** The stream, with its sending thread started. */
        public MetricDataStream build() {
            return new MetricDataStream(this);
        }
    }
}
