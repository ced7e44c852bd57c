package dev.cwfilter.aws;

import dev.cwfilter.Datapoint;
import dev.cwfilter.MetricFilter;
import dev.cwfilter.StandardUnit;
import dev.cwfilter.metric.FilterMetrics;
import dev.cwfilter.metric.MetricAggregator;
import dev.cwfilter.metric.MetricId;
import dev.cwfilter.metric.PeriodStatistics;
import dev.cwfilter.metric.Statistic;
import dev.cwfilter.metric.StatisticsQuery;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;
import software.amazon.awssdk.services.cloudwatch.model.StatisticSet;

/**
 * Publishes cwfilter's datapoints as CloudWatch metrics with {@code PutMetricData}, within the API's limits
 * (AWS-SHAPES.md section 4.1): at most 1,000 metric data per request and well under 1 MB per request, timestamps from
 * two weeks back to two hours ahead, dimension names and values of printable ASCII of the allowed lengths, values
 * within ±2^360.
 *
 * <ul>
 *   <li>{@link #publishStatistics} sends one {@code StatisticValues} datum (SampleCount, Sum, Minimum, Maximum) per
 *       period, dimension combination and unit: GetMetricStatistics then answers the basic statistics of those
 *       periods (and of any multiple of them) exactly as cwfilter does.</li>
 *   <li>{@link #publishDatapoints} sends the values themselves, as {@code Values} and {@code Counts} per minute,
 *       dimension combination and unit (at most 150 distinct values per datum): CloudWatch keeps percentiles too.</li>
 * </ul>
 *
 * <p>A datum the API would refuse is not sent: it is counted and named in the {@link Result}, so that one bad
 * dimension value does not fail the other 999 of its request. A request that fails after the SDK's retries is
 * reported in the result with its data counted as failed; after {@link Builder#maxConsecutiveFailures(int)} failed
 * requests in a row the rest is not attempted (and counted as such).
 *
 * <p>Thread-safe: it holds no state between calls.
 */
public final class MetricDataPublisher {

    /** PutMetricData's limit on metric data per request. */
    public static final int MAX_DATA_PER_REQUEST = 1000;
    /** The payload budget of one request, below the API's 1 MB limit. */
    public static final int MAX_REQUEST_BYTES = 900_000;
    /** PutMetricData's limit on distinct values per datum. */
    public static final int MAX_VALUES_PER_DATUM = 150;
    /** How far back PutMetricData takes a timestamp. */
    public static final Duration MAX_AGE = Duration.ofDays(14);
    /** How far ahead PutMetricData takes a timestamp. */
    public static final Duration MAX_AHEAD = Duration.ofHours(2);

    private static final long MINUTE_MILLIS = 60_000;
    private static final int MAX_REPORTED = 100;

    private final CloudWatchClient cloudWatch;
    private final Clock clock;
    private final int maxDataPerRequest;
    private final int maxConsecutiveFailures;

    private MetricDataPublisher(Builder b) {
        this.cloudWatch = b.cloudWatch;
        this.clock = b.clock;
        this.maxDataPerRequest = b.maxDataPerRequest;
        this.maxConsecutiveFailures = b.maxConsecutiveFailures;
    }

    /** A publisher with the API's limits and the system clock. */
    public static Builder builder(CloudWatchClient cloudWatch) {
        return new Builder(cloudWatch);
    }

    /**
     * What a publication did. {@code sent + skipped + failed + notAttempted} is the number of data made.
     *
     * @param requests     PutMetricData calls that succeeded
     * @param sent         data those calls carried
     * @param skipped      data the API would have refused, not sent
     * @param failed       data of requests that failed
     * @param notAttempted data not sent because too many requests in a row had failed
     * @param problems     one line per skipped datum and failed request (the first 100)
     */
    public record Result(long requests, long sent, long skipped, long failed, long notAttempted,
                         List<String> problems) {

        /** Whether everything was sent. */
        public boolean complete() {
            return skipped == 0 && failed == 0 && notAttempted == 0;
        }
    }

    /**
     * Publishes a filter's metrics as one statistic set per period.
     *
     * @throws IllegalArgumentException if the filter has no namespace or metric name, or the period is not a
     *                                  multiple of the metrics' resolution
     */
    public Result publishStatistics(FilterMetrics metrics, int periodSeconds) {
        MetricFilter filter = metrics.filter();
        return publishStatistics(filter.metricNamespace().orElseThrow(() -> new IllegalArgumentException(
                        "the metric filter has no metric namespace")),
                filter.metricName().orElseThrow(() -> new IllegalArgumentException(
                        "the metric filter has no metric name")),
                metrics.metrics(), periodSeconds);
    }

    /**
     * Publishes every metric of a log group's filters (as {@link dev.cwfilter.metric.LogGroupMetrics#metrics()} gives
     * them) as one statistic set per period, namespace by namespace.
     */
    public Result publishStatistics(Map<MetricId, MetricAggregator> metrics, int periodSeconds) {
        Map<String, Map<String, Map<Map<String, String>, MetricAggregator>>> byName = new LinkedHashMap<>();
        metrics.forEach((id, metric) -> byName.computeIfAbsent(id.namespace(), n -> new LinkedHashMap<>())
                .computeIfAbsent(id.metricName(), n -> new LinkedHashMap<>()).put(id.dimensions(), metric));
        long requests = 0;
        long sent = 0;
        long skipped = 0;
        long failed = 0;
        long notAttempted = 0;
        List<String> problems = new ArrayList<>();
        for (var ns : byName.entrySet()) {
            for (var name : ns.getValue().entrySet()) {
                Result r = publishStatistics(ns.getKey(), name.getKey(), name.getValue(), periodSeconds);
                requests += r.requests();
                sent += r.sent();
                skipped += r.skipped();
                failed += r.failed();
                notAttempted += r.notAttempted();
                problems.addAll(r.problems().subList(0, Math.min(r.problems().size(),
                        Math.max(0, MAX_REPORTED - problems.size()))));
            }
        }
        return new Result(requests, sent, skipped, failed, notAttempted, List.copyOf(problems));
    }

    /**
     * Publishes metrics (by dimension values) as one {@code StatisticValues} datum per period with data, per unit.
     *
     * @param namespace     the namespace (not {@code AWS/...})
     * @param metricName    the metric's name
     * @param metrics       the metrics by dimension values, as {@link FilterMetrics#metrics()} gives them
     * @param periodSeconds the period of each statistic set, a multiple of the metrics' storage resolution
     */
    public Result publishStatistics(String namespace, String metricName,
                                    Map<Map<String, String>, MetricAggregator> metrics, int periodSeconds) {
        checkNames(namespace, metricName);
        Batches batches = new Batches(namespace);
        for (Map.Entry<Map<String, String>, MetricAggregator> e : metrics.entrySet()) {
            MetricAggregator metric = e.getValue();
            if (metric.earliestTimestamp().isEmpty()) {
                continue;
            }
            long periodMillis = periodSeconds * 1000L;
            long from = Math.floorDiv(metric.earliestTimestamp().getAsLong(), periodMillis) * periodMillis;
            List<PeriodStatistics> periods = metric.getMetricStatistics(StatisticsQuery.of(from,
                    metric.latestTimestamp().getAsLong() + 1, periodSeconds, Statistic.SAMPLE_COUNT, Statistic.SUM,
                    Statistic.MINIMUM, Statistic.MAXIMUM));
            int resolution = metric.storageResolutionSeconds() < 60 ? 1 : 60;
            for (PeriodStatistics p : periods) {
                batches.add(statisticDatum(metricName, e.getKey(), p, resolution), e.getKey(), p.timestamp(),
                        new double[] {p.value(Statistic.SUM).orElse(Double.NaN)});
            }
        }
        return batches.finish();
    }

    /**
     * Publishes datapoints as values: per minute, dimension combination and unit, one datum of {@code Values} and
     * {@code Counts} (a new datum after 150 distinct values), stamped with the minute's start.
     */
    public Result publishDatapoints(String namespace, String metricName, Iterable<Datapoint> datapoints) {
        checkNames(namespace, metricName);
        record Key(Map<String, String> dimensions, StandardUnit unit, long minute) {
        }
        Map<Key, TreeMap<Double, Integer>> groups = new LinkedHashMap<>();
        Batches batches = new Batches(namespace);
        for (Datapoint d : datapoints) {
            Key key = new Key(d.dimensions(), d.unit(), Math.floorDiv(d.timestamp(), MINUTE_MILLIS) * MINUTE_MILLIS);
            TreeMap<Double, Integer> values = groups.computeIfAbsent(key, k -> new TreeMap<>());
            values.merge(d.value(), 1, Integer::sum);
            if (values.size() == MAX_VALUES_PER_DATUM) {
                batches.add(valuesDatum(metricName, key.dimensions, key.unit, key.minute, values), key.dimensions,
                        key.minute, keys(values));
                groups.remove(key);
            }
        }
        groups.forEach((key, values) -> batches.add(valuesDatum(metricName, key.dimensions, key.unit, key.minute,
                values), key.dimensions, key.minute, keys(values)));
        return batches.finish();
    }

    /**
     * One {@code StatisticValues} datum: the period's SampleCount, Sum, Minimum and Maximum (which must be among its
     * statistics), stamped with its start, in its unit.
     */
    static MetricDatum statisticDatum(String metricName, Map<String, String> dims, PeriodStatistics p,
                                      int storageResolution) {
        return MetricDatum.builder().metricName(metricName).dimensions(dimensions(dims))
                .timestamp(Instant.ofEpochMilli(p.timestamp())).unit(p.unit().awsName())
                .storageResolution(storageResolution)
                .statisticValues(StatisticSet.builder()
                        .sampleCount(p.value(Statistic.SAMPLE_COUNT).orElse(0))
                        .sum(p.value(Statistic.SUM).orElse(Double.NaN))
                        .minimum(p.value(Statistic.MINIMUM).orElse(Double.NaN))
                        .maximum(p.value(Statistic.MAXIMUM).orElse(Double.NaN)).build())
                .build();
    }

    private static double[] keys(TreeMap<Double, Integer> values) {
        return values.keySet().stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static MetricDatum valuesDatum(String metricName, Map<String, String> dims, StandardUnit unit,
                                           long minute, TreeMap<Double, Integer> values) {
        return MetricDatum.builder().metricName(metricName).dimensions(dimensions(dims))
                .timestamp(Instant.ofEpochMilli(minute)).unit(unit.awsName())
                .values(new ArrayList<>(values.keySet()))
                .counts(values.values().stream().map(Integer::doubleValue).toList())
                .build();
    }

    private static List<Dimension> dimensions(Map<String, String> dims) {
        List<Dimension> list = new ArrayList<>(dims.size());
        dims.forEach((n, v) -> list.add(Dimension.builder().name(n).value(v).build()));
        return list;
    }

    static void checkNames(String namespace, String metricName) {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(metricName, "metricName");
        if (namespace.isEmpty() || namespace.length() > 255 || !printableAscii(namespace)
                || namespace.startsWith(":")) {
            throw new IllegalArgumentException("namespace '" + namespace + "': PutMetricData takes 1 to 255"
                    + " printable ASCII characters, not starting with ':'");
        }
        if (namespace.startsWith("AWS/")) {
            throw new IllegalArgumentException("namespace '" + namespace + "': the AWS/ namespaces are AWS's own");
        }
        if (metricName.isEmpty() || metricName.length() > 255) {
            throw new IllegalArgumentException("metric name '" + metricName + "': PutMetricData takes 1 to 255"
                    + " characters");
        }
    }

    private static boolean printableAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                return false;
            }
        }
        return true;
    }

    /** Why the API would refuse a datum, or null. */
    String refusal(Map<String, String> dims, long timestamp, double[] values) {
        long now = clock.millis();
        if (timestamp < now - MAX_AGE.toMillis()) {
            return "timestamp " + Instant.ofEpochMilli(timestamp) + " is more than 14 days old";
        }
        if (timestamp > now + MAX_AHEAD.toMillis()) {
            return "timestamp " + Instant.ofEpochMilli(timestamp) + " is more than 2 hours ahead";
        }
        if (dims.size() > 30) {
            return dims.size() + " dimensions (at most 30)";
        }
        for (Map.Entry<String, String> d : dims.entrySet()) {
            String name = d.getKey();
            String value = d.getValue();
            if (name.isBlank() || name.length() > 255 || !printableAscii(name) || name.startsWith(":")) {
                return "dimension name '" + name + "' (1 to 255 printable ASCII characters, not starting with ':')";
            }
            if (value.isBlank() || value.length() > 1024 || !printableAscii(value)) {
                return "dimension " + name + " value '" + value + "' (1 to 1024 printable ASCII characters, not"
                        + " blank)";
            }
        }
        for (double v : values) {
            if (!Double.isFinite(v) || Math.abs(v) > MetricAggregator.MAX_ABSOLUTE_VALUE) {
                return "value " + v + " (PutMetricData takes finite values within ±2^360)";
            }
        }
        return null;
    }

    /** Data gathered into requests within the limits, sent as each fills. */
    private final class Batches {
        private final String namespace;
        private final List<MetricDatum> batch = new ArrayList<>();
        private final List<String> problems = new ArrayList<>();
        private int bytes;
        private long requests;
        private long sent;
        private long skipped;
        private long failed;
        private long notAttempted;
        private int consecutiveFailures;

        Batches(String namespace) {
            this.namespace = namespace;
        }

        void add(MetricDatum datum, Map<String, String> dims, long timestamp, double[] values) {
            String refusal = refusal(dims, timestamp, values);
            if (refusal != null) {
                skipped++;
                problem("not sent: " + datum.metricName() + dims + " at " + Instant.ofEpochMilli(timestamp) + ": "
                        + refusal);
                return;
            }
            int size = estimate(datum);
            if (batch.size() == maxDataPerRequest || bytes + size > MAX_REQUEST_BYTES) {
                send();
            }
            batch.add(datum);
            bytes += size;
        }

        Result finish() {
            if (!batch.isEmpty()) {
                send();
            }
            return new Result(requests, sent, skipped, failed, notAttempted, List.copyOf(problems));
        }

        private void send() {
            List<MetricDatum> data = List.copyOf(batch);
            batch.clear();
            bytes = 0;
            if (consecutiveFailures >= maxConsecutiveFailures) {
                notAttempted += data.size();
                return;
            }
            try {
                cloudWatch.putMetricData(r -> r.namespace(namespace).metricData(data));
                requests++;
                sent += data.size();
                consecutiveFailures = 0;
            } catch (SdkException e) {
                failed += data.size();
                consecutiveFailures++;
                problem(AwsErrors.describe("PutMetricData of " + data.size() + " metric data to " + namespace, e)
                        + (consecutiveFailures == maxConsecutiveFailures ? "; " + consecutiveFailures
                        + " requests in a row failed, the rest is not attempted" : ""));
            }
        }

        private void problem(String line) {
            if (problems.size() < MAX_REPORTED) {
                problems.add(line);
            }
        }

    }

    /** A generous estimate of a datum's share of a request's payload. */
    static int estimate(MetricDatum d) {
        int size = 200 + d.metricName().length() * 2;
        for (Dimension dim : d.dimensions()) {
            size += 40 + 2 * (dim.name().getBytes(StandardCharsets.UTF_8).length
                    + dim.value().getBytes(StandardCharsets.UTF_8).length);
        }
        size += 40 * (d.values().size() + d.counts().size());
        return size;
    }

    /** The most data of one request this publisher sends. */
    int maxDataPerRequest() {
        return maxDataPerRequest;
    }

    /** Builds a {@link MetricDataPublisher}. Not thread-safe. */
    public static final class Builder {

        private final CloudWatchClient cloudWatch;
        private Clock clock = Clock.systemUTC();
        private int maxDataPerRequest = MAX_DATA_PER_REQUEST;
        private int maxConsecutiveFailures = 3;

        private Builder(CloudWatchClient cloudWatch) {
            this.cloudWatch = Objects.requireNonNull(cloudWatch, "cloudWatch");
        }

        /** The clock that decides which timestamps are too old or too far ahead. Default the system clock. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** At most this many metric data per request, 1 to 1,000. Default 1,000. */
        public Builder maxDataPerRequest(int max) {
            if (max < 1 || max > MAX_DATA_PER_REQUEST) {
                throw new IllegalArgumentException("maxDataPerRequest must be 1 to 1000, not " + max);
            }
            this.maxDataPerRequest = max;
            return this;
        }

        /** After this many failed requests in a row, the rest is not attempted. Default 3. */
        public Builder maxConsecutiveFailures(int max) {
            if (max < 1) {
                throw new IllegalArgumentException("maxConsecutiveFailures must be at least 1, not " + max);
            }
            this.maxConsecutiveFailures = max;
            return this;
        }

        /** The publisher. */
        public MetricDataPublisher build() {
            return new MetricDataPublisher(this);
        }
    }
}
