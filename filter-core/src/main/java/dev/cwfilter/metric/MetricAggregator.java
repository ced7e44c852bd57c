package dev.cwfilter.metric;

import dev.cwfilter.Datapoint;
import dev.cwfilter.StandardUnit;
import dev.cwfilter.internal.stats.Periods;
import dev.cwfilter.internal.stats.SketchSettings;
import dev.cwfilter.internal.stats.StatisticCalculator;
import dev.cwfilter.internal.stats.ValueAccumulator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;

/**
 * The datapoints of one metric (one namespace, metric name and dimension set), bucketed by period as CloudWatch
 * buckets them, and the statistics of those periods as GetMetricStatistics reports them.
 *
 * <h2>Storage</h2>
 * Datapoints are stored in buckets of the aggregator's {@linkplain #storageResolutionSeconds() storage resolution}
 * (60 s by default, as for metric-filter metrics; 1 s for high-resolution metrics), each aligned to the epoch and
 * stamped with its start: a datapoint at time t falls in the bucket starting at {@code floor(t / resolution) ·
 * resolution}. Datapoints may arrive in any order; datapoints with equal timestamps all count. Data published with
 * different units is kept apart, as CloudWatch keeps it.
 *
 * <h2>Queries</h2>
 * {@link #getMetricStatistics(StatisticsQuery)} answers for any period that CloudWatch accepts and that is a multiple
 * of the storage resolution, by merging the stored buckets of each period. Merging is exact: the answer is the same
 * as if the datapoints had been bucketed by the query period in the first place.
 *
 * <h2>Accuracy and memory</h2>
 * SampleCount, Sum, Average, Minimum and Maximum are always exact (Sum is the exact sum rounded once). The extended
 * statistics are exact while the period holds at most {@link Builder#exactValueLimit(int) exactValueLimit} values
 * (1,024 by default). Beyond that the values are kept in a DDSketch with relative accuracy
 * {@link Builder#relativeAccuracy(double) α} (1% by default): a percentile is then within α·|exact value| of the
 * exact nearest-rank percentile, and so are trimmed and winsorized means; counts with absolute bounds (TC, TS, PR,
 * TM(x:y)) can misplace only values within α of a bound. The guarantee holds while the period's non-zero values span
 * less than a factor of about 10^17 (2,048 bins at 1%); below that range the smallest values are merged into the
 * lowest bin. One stored bucket thus holds at most {@code 8 · max(exactValueLimit, maxSketchBins)} bytes of values
 * (16 KiB by default) plus well under 1 KiB of bookkeeping.
 *
 * <h2>Rejected values</h2>
 * As PutMetricData does, values whose magnitude exceeds 2^360 are rejected: {@link #add(Datapoint)} returns false and
 * counts them in {@link #rejectedCount()}, so that one absurd log value does not stop a replay.
 *
 * <p>Thread-safe: every method synchronizes on the aggregator.
 */
public final class MetricAggregator {

    /** The largest magnitude PutMetricData accepts, 2^360. */
    public static final double MAX_ABSOLUTE_VALUE = 0x1p360;
    /** The default storage resolution, the resolution of metric-filter metrics. */
    public static final int DEFAULT_STORAGE_RESOLUTION_SECONDS = 60;
    /** The default number of values a bucket keeps exactly. */
    public static final int DEFAULT_EXACT_VALUE_LIMIT = 1024;
    /** The default relative accuracy of the sketch beyond the exact limit. */
    public static final double DEFAULT_RELATIVE_ACCURACY = 0.01;
    /** The default largest number of sketch bins in one bucket. */
    public static final int DEFAULT_MAX_SKETCH_BINS = 2048;

    private static final Comparator<PeriodStatistics> BY_TIME_THEN_UNIT =
            Comparator.comparingLong(PeriodStatistics::timestamp).thenComparing(PeriodStatistics::unit);

    private final int storageResolutionSeconds;
    private final long resolutionMillis;
    private final Map<String, String> dimensions;
    private final SketchSettings settings;
    private final EnumMap<StandardUnit, TreeMap<Long, ValueAccumulator>> buckets = new EnumMap<>(StandardUnit.class);
    private long acceptedCount;
    private long rejectedCount;
    private long earliestTimestamp = Long.MAX_VALUE;
    private long latestTimestamp = Long.MIN_VALUE;
    /** The bucket the last datapoint went to (null when there is none, or it may have been discarded since). */
    private ValueAccumulator lastBucket;
    private StandardUnit lastUnit;
    private long lastStart;

    private MetricAggregator(Builder b) {
        this.storageResolutionSeconds = b.storageResolutionSeconds;
        this.resolutionMillis = b.storageResolutionSeconds * 1000L;
        this.dimensions = Map.copyOf(b.dimensions);
        this.settings = SketchSettings.of(b.exactValueLimit, b.relativeAccuracy, b.maxSketchBins);
    }

    /** An aggregator for a metric without dimensions, with the default resolution (60 s) and accuracy. */
    public static MetricAggregator create() {
        return builder().build();
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Adds one datapoint.
     *
     * @return true if it was stored; false if its magnitude exceeds {@link #MAX_ABSOLUTE_VALUE}, in which case it is
     *         counted in {@link #rejectedCount()} and otherwise ignored
     * @throws IllegalArgumentException if its dimensions are not this aggregator's dimensions (it belongs to another
     *                                  metric)
     */
    public synchronized boolean add(Datapoint datapoint) {
        Objects.requireNonNull(datapoint, "datapoint");
        if (!datapoint.dimensions().equals(dimensions)) {
            throw new IllegalArgumentException("the datapoint's dimensions " + datapoint.dimensions()
                    + " are not this metric's dimensions " + dimensions);
        }
        if (Math.abs(datapoint.value()) > MAX_ABSOLUTE_VALUE) {
            rejectedCount++;
            return false;
        }
        long start = Periods.periodStart(datapoint.timestamp(), resolutionMillis);
        StandardUnit unit = datapoint.unit();
        ValueAccumulator bucket = lastBucket;
        if (bucket == null || start != lastStart || unit != lastUnit) {
            bucket = bucket(unit, start);
        }
        bucket.add(datapoint.value());
        acceptedCount++;
        earliestTimestamp = Math.min(earliestTimestamp, datapoint.timestamp());
        latestTimestamp = Math.max(latestTimestamp, datapoint.timestamp());
        return true;
    }

    /**
     * The bucket of that unit and start, made if there is none, and remembered as the last one: datapoints mostly
     * arrive in the bucket of the one before, which then costs no lookup (no boxed key, no tree walk).
     */
    private ValueAccumulator bucket(StandardUnit unit, long start) {
        TreeMap<Long, ValueAccumulator> byStart = buckets.get(unit);
        if (byStart == null) {
            byStart = new TreeMap<>();
            buckets.put(unit, byStart);
        }
        ValueAccumulator bucket = byStart.get(start);
        if (bucket == null) {
            bucket = new ValueAccumulator(settings);
            byStart.put(start, bucket);
        }
        lastUnit = unit;
        lastStart = start;
        lastBucket = bucket;
        return bucket;
    }

    /**
     * Adds datapoints in order, as {@link #add(Datapoint)} does.
     *
     * @return how many were stored
     */
    public synchronized long addAll(Iterable<Datapoint> datapoints) {
        long stored = 0;
        for (Datapoint d : datapoints) {
            if (add(d)) {
                stored++;
            }
        }
        return stored;
    }

    /**
     * The statistics of every period in the query's range that holds data, ordered by time and then unit. Periods
     * without data yield nothing, as in GetMetricStatistics.
     *
     * @throws IllegalArgumentException if the query's period is not a multiple of the storage resolution
     */
    public synchronized List<PeriodStatistics> getMetricStatistics(StatisticsQuery query) {
        Objects.requireNonNull(query, "query");
        long periodMillis = queryPeriodMillis(query.periodSeconds());
        List<PeriodStatistics> result = new ArrayList<>();
        for (Map.Entry<StandardUnit, TreeMap<Long, ValueAccumulator>> byUnit : buckets.entrySet()) {
            if (query.unit().isPresent() && query.unit().get() != byUnit.getKey()) {
                continue;
            }
            forEachPeriod(byUnit.getValue(), query.startTime(), query.endTime(), periodMillis,
                    (periodStart, values) -> result.add(
                            new PeriodStatistics(periodStart, byUnit.getKey(), compute(query.statistics(), values))));
        }
        result.sort(BY_TIME_THEN_UNIT);
        return result;
    }

    /**
     * One period as an alarm sees it: the period's sample count and the value of {@code statistic} over the period
     * starting at {@code periodStart}, merged across units when {@code unit} is empty; {@link PeriodValue#missing()}
     * when the period holds no data. Computed under the lock because computing sorts stored values.
     *
     * @param periodStart   the period's start, epoch milliseconds (a multiple of the period)
     * @param periodSeconds the period, a multiple of the storage resolution
     * @throws IllegalArgumentException if the period is not one CloudWatch accepts or not a multiple of the storage
     *                                  resolution
     */
    public synchronized PeriodValue periodValue(long periodStart, int periodSeconds, Optional<StandardUnit> unit,
                                                Statistic statistic) {
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(statistic, "statistic");
        long periodMillis = queryPeriodMillis(periodSeconds);
        if (periodMillis == resolutionMillis && Math.floorMod(periodStart, periodMillis) == 0) {
            return storedPeriodValue(periodStart, unit, statistic);
        }
        List<ValueAccumulator> parts = new ArrayList<>();
        for (Map.Entry<StandardUnit, TreeMap<Long, ValueAccumulator>> byUnit : buckets.entrySet()) {
            if (unit.isEmpty() || unit.get() == byUnit.getKey()) {
                forEachPeriod(byUnit.getValue(), periodStart, periodStart + periodMillis, periodMillis,
                        (start, values) -> parts.add(values));
            }
        }
        if (parts.isEmpty()) {
            return PeriodValue.missing();
        }
        ValueAccumulator values = parts.get(0);
        if (parts.size() > 1) {
            values = values.copy();
            for (ValueAccumulator part : parts.subList(1, parts.size())) {
                values.merge(part);
            }
        }
        return new PeriodValue(values.count(), StatisticCalculator.compute(statistic, values));
    }

    /**
     * {@link #periodValue} of a period that is one stored bucket (an alarm's period at the storage resolution, the
     * common case, asked at every evaluation): the bucket itself, looked up, with no range view of the buckets.
     */
    private PeriodValue storedPeriodValue(long periodStart, Optional<StandardUnit> unit, Statistic statistic) {
        ValueAccumulator values = null;
        boolean copied = false;
        for (Map.Entry<StandardUnit, TreeMap<Long, ValueAccumulator>> byUnit : buckets.entrySet()) {
            if (unit.isPresent() && unit.get() != byUnit.getKey()) {
                continue;
            }
            ValueAccumulator part = byUnit.getValue().get(periodStart);
            if (part == null) {
                continue;
            }
            if (values == null) {
                values = part;
            } else {
                if (!copied) {
                    values = values.copy();
                    copied = true;
                }
                values.merge(part);
            }
        }
        return values == null ? PeriodValue.missing()
                : new PeriodValue(values.count(), StatisticCalculator.compute(statistic, values));
    }

    /**
     * Removes every stored bucket that ends at or before {@code time}, to bound the memory of a long-running
     * aggregator (CloudWatch itself keeps sub-minute data for 3 hours and 1-minute data for 15 days).
     *
     * @return how many buckets were removed
     */
    public synchronized int discardBefore(long time) {
        long lastStart = time - resolutionMillis;
        if (lastStart > time) {
            return 0;
        }
        int removed = 0;
        lastBucket = null;
        for (TreeMap<Long, ValueAccumulator> byStart : buckets.values()) {
            Map<Long, ValueAccumulator> old = byStart.headMap(lastStart, true);
            removed += old.size();
            old.clear();
        }
        buckets.values().removeIf(Map::isEmpty);
        return removed;
    }

    /** The start of the earliest stored bucket (of any unit) that starts at or after {@code time}, if any. */
    public synchronized OptionalLong firstBucketAtOrAfter(long time) {
        long first = Long.MAX_VALUE;
        boolean found = false;
        for (TreeMap<Long, ValueAccumulator> byStart : buckets.values()) {
            Long start = byStart.ceilingKey(time);
            if (start != null && start <= first) {
                first = start;
                found = true;
            }
        }
        return found ? OptionalLong.of(first) : OptionalLong.empty();
    }

    /** Whether no bucket is stored (nothing was added, or everything was discarded). */
    public synchronized boolean isEmpty() {
        return buckets.isEmpty();
    }

    /** The storage resolution in seconds: 1, 10, 20, 30 or a multiple of 60. */
    public int storageResolutionSeconds() {
        return storageResolutionSeconds;
    }

    /** The dimensions every datapoint of this metric carries. */
    public Map<String, String> dimensions() {
        return dimensions;
    }

    /** How many values a bucket keeps exactly before it switches to the sketch. */
    public int exactValueLimit() {
        return settings.exactValueLimit();
    }

    /** The relative accuracy of the sketch used beyond {@link #exactValueLimit()}. */
    public double relativeAccuracy() {
        return settings.relativeAccuracy();
    }

    /** The largest number of bins of one bucket's sketch. */
    public int maxSketchBins() {
        return settings.maxSketchBins();
    }

    /** How many datapoints were stored. */
    public synchronized long acceptedCount() {
        return acceptedCount;
    }

    /** How many datapoints were rejected because their magnitude exceeds {@link #MAX_ABSOLUTE_VALUE}. */
    public synchronized long rejectedCount() {
        return rejectedCount;
    }

    /** The earliest timestamp of a stored datapoint, if any (buckets discarded later are not taken into account). */
    public synchronized OptionalLong earliestTimestamp() {
        return acceptedCount == 0 ? OptionalLong.empty() : OptionalLong.of(earliestTimestamp);
    }

    /** The latest timestamp of a stored datapoint, if any. */
    public synchronized OptionalLong latestTimestamp() {
        return acceptedCount == 0 ? OptionalLong.empty() : OptionalLong.of(latestTimestamp);
    }

    /** The units data has been stored with. */
    public synchronized Set<StandardUnit> units() {
        return Set.copyOf(buckets.keySet());
    }

    private long queryPeriodMillis(int periodSeconds) {
        if (!Periods.isMetricPeriod(periodSeconds)) {
            throw new IllegalArgumentException("a period of " + periodSeconds
                    + " s is not one CloudWatch accepts: 1, 5, 10, 20, 30 or a multiple of 60");
        }
        if (periodSeconds % storageResolutionSeconds != 0) {
            throw new IllegalArgumentException("a period of " + periodSeconds + " s cannot be answered from "
                    + storageResolutionSeconds + "-second storage: the period must be a multiple of the resolution");
        }
        return periodSeconds * 1000L;
    }

    private interface PeriodConsumer {
        void accept(long periodStart, ValueAccumulator values);
    }

    /**
     * Calls {@code consumer} for every period of length {@code periodMillis} that starts in
     * {@code [floor(start), end)} and holds data, with the stored bucket itself when one bucket makes the period
     * and with a merged copy otherwise.
     */
    private static void forEachPeriod(TreeMap<Long, ValueAccumulator> byStart, long start, long end,
                                      long periodMillis, PeriodConsumer consumer) {
        long currentPeriod = 0;
        ValueAccumulator current = null;
        boolean copied = false;
        long firstPeriod = Periods.periodStart(start, periodMillis);
        for (Map.Entry<Long, ValueAccumulator> e : byStart.tailMap(firstPeriod).entrySet()) {
            long period = Periods.periodStart(e.getKey(), periodMillis);
            if (period >= end) {
                break;
            }
            if (current != null && period == currentPeriod) {
                if (!copied) {
                    current = current.copy();
                    copied = true;
                }
                current.merge(e.getValue());
                continue;
            }
            if (current != null) {
                consumer.accept(currentPeriod, current);
            }
            currentPeriod = period;
            current = e.getValue();
            copied = false;
        }
        if (current != null) {
            consumer.accept(currentPeriod, current);
        }
    }

    private static Map<Statistic, Double> compute(List<Statistic> statistics, ValueAccumulator values) {
        Map<Statistic, Double> result = new LinkedHashMap<>();
        for (Statistic s : statistics) {
            OptionalDouble v = StatisticCalculator.compute(s, values);
            if (v.isPresent()) {
                result.put(s, v.getAsDouble());
            }
        }
        return result;
    }

    /**
     * Builds a {@link MetricAggregator}. Not thread-safe; the aggregator it builds is.
     */
    public static final class Builder {

        private int storageResolutionSeconds = DEFAULT_STORAGE_RESOLUTION_SECONDS;
        private Map<String, String> dimensions = Map.of();
        private int exactValueLimit = DEFAULT_EXACT_VALUE_LIMIT;
        private double relativeAccuracy = DEFAULT_RELATIVE_ACCURACY;
        private int maxSketchBins = DEFAULT_MAX_SKETCH_BINS;

        private Builder() {
        }

        /**
         * The finest period the aggregator can answer for. Default 60: metric-filter metrics, like every metric
         * PutMetricData publishes at its standard StorageResolution, are stored per minute; 1 for high-resolution
         * metrics (StorageResolution 1). Also accepted, as coarser roll-ups that bound memory: 10, 20, 30 and any
         * multiple of 60 — each of them a period PutMetricAlarm accepts, so an alarm can always be evaluated at the
         * storage resolution itself. Not 5: CloudWatch answers 5-second GetMetricStatistics queries from 1-second
         * data but never stores at 5 s, and no alarm can have a 5-second period; store at 1 s to query at 5 s.
         *
         * @throws IllegalArgumentException for any other value
         */
        public Builder storageResolutionSeconds(int seconds) {
            if (!Periods.isStorageResolution(seconds)) {
                throw new IllegalArgumentException("a storage resolution of " + seconds + " s is not accepted: 1"
                        + " (high resolution), 60 (standard), or a coarser alarm period (10, 20, 30 or a multiple of"
                        + " 60)" + (Periods.isMetricPeriod(seconds) ? "; " + seconds + " s is a query period: store"
                        + " at 1 s and query at " + seconds + " s" : ""));
            }
            this.storageResolutionSeconds = seconds;
            return this;
        }

        /** The metric's dimensions, which every datapoint added must carry. Default none. */
        public Builder dimensions(Map<String, String> dimensions) {
            this.dimensions = Map.copyOf(dimensions);
            return this;
        }

        /**
         * How many values a bucket keeps exactly before it switches to the sketch. Default
         * {@value MetricAggregator#DEFAULT_EXACT_VALUE_LIMIT}; 0 sketches from the first value.
         *
         * @throws IllegalArgumentException if negative or above 2^24
         */
        public Builder exactValueLimit(int limit) {
            if (limit < 0 || limit > (1 << 24)) {
                throw new IllegalArgumentException("the exact value limit must be between 0 and 2^24, not " + limit);
            }
            this.exactValueLimit = limit;
            return this;
        }

        /**
         * The sketch's relative accuracy α: a sketched percentile is within α·|exact value| of the exact one.
         * Default {@value MetricAggregator#DEFAULT_RELATIVE_ACCURACY}.
         *
         * @throws IllegalArgumentException unless 0 &lt; α &lt; 1
         */
        public Builder relativeAccuracy(double alpha) {
            if (!(alpha > 0 && alpha < 1)) {
                throw new IllegalArgumentException("the relative accuracy must be between 0 and 1, not " + alpha);
            }
            this.relativeAccuracy = alpha;
            return this;
        }

        /**
         * The largest number of bins of one bucket's sketch, which bounds its memory (8 bytes a bin) and the range
         * of values it covers at full accuracy. Default {@value MetricAggregator#DEFAULT_MAX_SKETCH_BINS}.
         *
         * @throws IllegalArgumentException if below 16
         */
        public Builder maxSketchBins(int bins) {
            if (bins < 16) {
                throw new IllegalArgumentException("a sketch needs at least 16 bins, not " + bins);
            }
            this.maxSketchBins = bins;
            return this;
        }

        /** The aggregator, empty. */
        public MetricAggregator build() {
            return new MetricAggregator(this);
        }
    }
}
