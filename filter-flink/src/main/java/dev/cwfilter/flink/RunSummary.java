package dev.cwfilter.flink;

import dev.cwfilter.definitions.LogGroupSelection;
import dev.cwfilter.definitions.MetricFilterDefinition;
import dev.cwfilter.definitions.MetricsDocument;
import dev.cwfilter.metric.AlarmEvaluator;
import dev.cwfilter.metric.AlarmState;
import dev.cwfilter.metric.AlarmStateChange;
import dev.cwfilter.metric.MetricId;
import dev.cwfilter.metric.PeriodStatistics;
import dev.cwfilter.metric.Statistic;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;

/**
 * What a run did, for the {@code cwfilter.metrics/1} document of a bounded run: how many events were evaluated and
 * left out for want of a timestamp, each filter's matches and datapoints, each metric's stored and rejected datapoints,
 * the datapoints published and the transitions made. Parts made by each task (a count, a datapoint, a transition) are
 * {@linkplain #merge merged} into one, which makes the document ({@link #document}).
 *
 * <p>Crosses the network and sits in Flink's operator state as bytes ({@link #toBytes()}), written with this
 * module's serializers. Mutable; not thread-safe (one per task).
 */
final class RunSummary {

    private static final int VERSION = 1;

    long evaluated;
    long withoutTimestamp;
    long[] matches;
    long[] datapoints;
    /** Per metric: datapoints stored, datapoints rejected. */
    final Map<MetricId, long[]> metrics = new HashMap<>();
    final List<MetricDatapoint> published = new ArrayList<>();
    final List<AlarmStateChange> transitions = new ArrayList<>();

    RunSummary(int filters) {
        matches = new long[filters];
        datapoints = new long[filters];
    }

    /** A published datapoint. */
    static RunSummary of(MetricDatapoint d) {
        RunSummary s = new RunSummary(0);
        s.published.add(d);
        return s;
    }

    /** A transition. */
    static RunSummary of(AlarmStateChange c) {
        RunSummary s = new RunSummary(0);
        s.transitions.add(c);
        return s;
    }

    /** A datapoint filter {@code filter} published to {@code metric} (stored, or rejected). */
    void datapoint(int filter, MetricId metric, boolean stored) {
        datapoints[filter]++;
        long[] counts = metrics.computeIfAbsent(metric, k -> new long[2]);
        counts[stored ? 0 : 1]++;
    }

    boolean isEmpty() {
        return evaluated == 0 && withoutTimestamp == 0 && metrics.isEmpty() && published.isEmpty()
                && transitions.isEmpty() && Arrays.stream(matches).allMatch(m -> m == 0)
                && Arrays.stream(datapoints).allMatch(d -> d == 0);
    }

    /** Adds everything of {@code other} to this. */
    RunSummary merge(RunSummary other) {
        evaluated += other.evaluated;
        withoutTimestamp += other.withoutTimestamp;
        matches = add(matches, other.matches);
        datapoints = add(datapoints, other.datapoints);
        for (Map.Entry<MetricId, long[]> e : other.metrics.entrySet()) {
            long[] counts = metrics.computeIfAbsent(e.getKey(), k -> new long[2]);
            counts[0] += e.getValue()[0];
            counts[1] += e.getValue()[1];
        }
        published.addAll(other.published);
        transitions.addAll(other.transitions);
        return this;
    }

    private static long[] add(long[] a, long[] b) {
        long[] sum = a.length >= b.length ? a : Arrays.copyOf(a, b.length);
        for (int i = 0; i < b.length; i++) {
            sum[i] += b[i];
        }
        return sum;
    }

    byte[] toBytes() {
        try {
            DataOutputSerializer out = new DataOutputSerializer(64 + 64 * (published.size() + metrics.size()));
            out.writeInt(VERSION);
            out.writeLong(evaluated);
            out.writeLong(withoutTimestamp);
            CloudWatchTypes.writeBits(matches, out);
            CloudWatchTypes.writeBits(datapoints, out);
            out.writeInt(metrics.size());
            for (Map.Entry<MetricId, long[]> e : metrics.entrySet()) {
                CloudWatchTypes.writeMetricId(e.getKey(), out);
                out.writeLong(e.getValue()[0]);
                out.writeLong(e.getValue()[1]);
            }
            out.writeInt(published.size());
            for (MetricDatapoint d : published) {
                CloudWatchTypes.MetricDatapointSerializer.INSTANCE.serialize(d, out);
            }
            out.writeInt(transitions.size());
            for (AlarmStateChange c : transitions) {
                CloudWatchTypes.AlarmStateChangeSerializer.INSTANCE.serialize(c, out);
            }
            return out.getCopyOfBuffer();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static RunSummary fromBytes(byte[] bytes) {
        try {
            DataInputDeserializer in = new DataInputDeserializer(bytes);
            int version = in.readInt();
            if (version != VERSION) {
                throw new IOException("a run summary of version " + version + "; this release reads " + VERSION);
            }
            RunSummary s = new RunSummary(0);
            s.evaluated = in.readLong();
            s.withoutTimestamp = in.readLong();
            s.matches = CloudWatchTypes.readBits(in);
            s.datapoints = CloudWatchTypes.readBits(in);
            int n = in.readInt();
            for (int i = 0; i < n; i++) {
                MetricId id = CloudWatchTypes.readMetricId(in);
                s.metrics.put(id, new long[] {in.readLong(), in.readLong()});
            }
            n = in.readInt();
            for (int i = 0; i < n; i++) {
                s.published.add(CloudWatchTypes.MetricDatapointSerializer.INSTANCE.deserialize(in));
            }
            n = in.readInt();
            for (int i = 0; i < n; i++) {
                s.transitions.add(CloudWatchTypes.AlarmStateChangeSerializer.INSTANCE.deserialize(in));
            }
            return s;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The document of the run: the filters and alarms that ran and the problems of {@code selection}, this summary's
     * counts, each metric's published periods and each alarm's transitions, its final state that of its last
     * transition (INSUFFICIENT_DATA, {@value AlarmEvaluator#INITIAL_STATE_REASON}, without one).
     */
    MetricsDocument document(LogGroupSelection selection, int period, List<Statistic> statistics) {
        List<MetricFilterDefinition> defs = selection.filters();
        List<MetricsDocument.Filter> filters = new ArrayList<>();
        for (int i = 0; i < defs.size(); i++) {
            filters.add(new MetricsDocument.Filter(defs.get(i), i < matches.length ? matches[i] : 0,
                    i < datapoints.length ? datapoints[i] : 0));
        }
        Map<MetricId, List<PeriodStatistics>> periods = new HashMap<>();
        for (MetricDatapoint d : published) {
            periods.computeIfAbsent(d.metric(), k -> new ArrayList<>()).add(d.statistics());
        }
        Set<MetricId> ids = new LinkedHashSet<>(metrics.keySet());
        ids.addAll(periods.keySet());
        List<MetricsDocument.Metric> metricEntries = new ArrayList<>();
        for (MetricId id : ids) {
            long[] counts = metrics.getOrDefault(id, new long[2]);
            metricEntries.add(new MetricsDocument.Metric(id, counts[0], counts[1],
                    periods.getOrDefault(id, List.of())));
        }
        List<MetricsDocument.Alarm> alarms = new ArrayList<>();
        for (LogGroupSelection.AlarmOn a : selection.alarms()) {
            List<AlarmStateChange> changes = transitions.stream()
                    .filter(c -> c.alarmName().equals(a.alarm().alarmName()))
                    .sorted(Comparator.comparingLong(AlarmStateChange::timestamp)).toList();
            AlarmState state = AlarmState.INSUFFICIENT_DATA;
            String reason = AlarmEvaluator.INITIAL_STATE_REASON;
            if (!changes.isEmpty()) {
                AlarmStateChange last = changes.get(changes.size() - 1);
                state = last.newState();
                reason = last.reason();
            }
            alarms.add(new MetricsDocument.Alarm(a.alarm(), a.metric(), state, reason, changes));
        }
        return new MetricsDocument(selection.groupName(), period, statistics, evaluated, withoutTimestamp, filters,
                metricEntries, alarms, selection.problems(), List.of());
    }
}
