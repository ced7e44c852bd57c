package dev.cwfilter.flink;

import dev.cwfilter.LogEvent;
import dev.cwfilter.StandardUnit;
import dev.cwfilter.live.LatenessRule;
import dev.cwfilter.live.Rejection;
import dev.cwfilter.metric.AlarmState;
import dev.cwfilter.metric.AlarmStateChange;
import dev.cwfilter.metric.EvaluatedDatapoint;
import dev.cwfilter.metric.MetricId;
import dev.cwfilter.metric.PeriodAccumulator;
import dev.cwfilter.metric.PeriodStatistics;
import dev.cwfilter.metric.Statistic;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.types.StringValue;

/**
 * The Flink types of the records this module's operators exchange and emit, each with a compact serializer of its
 * own: give them to {@code returns(...)}, {@code keyBy(..., type)} or a source when composing a job by hand.
 *
 * <p>Every serializer writes a fixed field layout; its snapshot restores the same serializer, so a savepoint that
 * holds one of these types (in a sink's or a user's own state) reads back with a later release as long as the layout
 * is unchanged. Immutable and thread-safe.
 */
public final class CloudWatchTypes {

    /** {@link LogEvent}: timestamp and message. */
    public static final TypeInformation<LogEvent> LOG_EVENT =
            new SerializerTypeInfo<>(LogEvent.class, LogEventSerializer.INSTANCE, false);
    /** {@link MetricId}: a key type (its hash code is the same in every JVM). */
    public static final TypeInformation<MetricId> METRIC_ID =
            new SerializerTypeInfo<>(MetricId.class, MetricIdSerializer.INSTANCE, true);
    /** {@link MetricUpdate}, between {@link LogGroupOperator} and {@link MetricFunction}. */
    public static final TypeInformation<MetricUpdate> METRIC_UPDATE =
            new SerializerTypeInfo<>(MetricUpdate.class, MetricUpdateSerializer.INSTANCE, false);
    /** {@link MetricDatapoint}. */
    public static final TypeInformation<MetricDatapoint> METRIC_DATAPOINT =
            new SerializerTypeInfo<>(MetricDatapoint.class, MetricDatapointSerializer.INSTANCE, false);
    /** {@link AlarmStateChange}, with its evaluated datapoints and actions. */
    public static final TypeInformation<AlarmStateChange> ALARM_STATE_CHANGE =
            new SerializerTypeInfo<>(AlarmStateChange.class, AlarmStateChangeSerializer.INSTANCE, false);
    /** {@link LateEvent}. */
    public static final TypeInformation<LateEvent> LATE_EVENT =
            new SerializerTypeInfo<>(LateEvent.class, LateEventSerializer.INSTANCE, false);
    /** {@link Rejection}. */
    public static final TypeInformation<Rejection> REJECTION =
            new SerializerTypeInfo<>(Rejection.class, RejectionSerializer.INSTANCE, false);

    private static final StandardUnit[] UNITS = StandardUnit.values();
    private static final AlarmState[] STATES = AlarmState.values();
    private static final Map<String, Statistic> STATISTICS = new ConcurrentHashMap<>();

    private CloudWatchTypes() {
    }

    // ------------------------------------------------------------------------------------------------ field codecs

    static void writeString(String s, DataOutputView out) throws IOException {
        StringValue.writeString(s, out);
    }

    static String readString(DataInputView in) throws IOException {
        return StringValue.readString(in);
    }

    static void writeMetricId(MetricId id, DataOutputView out) throws IOException {
        writeString(id.namespace(), out);
        writeString(id.metricName(), out);
        out.writeInt(id.dimensions().size());
        for (Map.Entry<String, String> d : id.dimensions().entrySet()) {
            writeString(d.getKey(), out);
            writeString(d.getValue(), out);
        }
    }

    static MetricId readMetricId(DataInputView in) throws IOException {
        String namespace = readString(in);
        String name = readString(in);
        int n = in.readInt();
        Map<String, String> dimensions = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            dimensions.put(readString(in), readString(in));
        }
        return new MetricId(namespace, name, dimensions);
    }

    static void writeLogEvent(LogEvent e, DataOutputView out) throws IOException {
        out.writeLong(e.timestamp());
        writeString(e.message(), out);
    }

    static LogEvent readLogEvent(DataInputView in) throws IOException {
        long t = in.readLong();
        return new LogEvent(t, readString(in));
    }

    static StandardUnit unit(int ordinal) throws IOException {
        if (ordinal < 0 || ordinal >= UNITS.length) {
            throw new IOException("no unit has ordinal " + ordinal);
        }
        return UNITS[ordinal];
    }

    static Statistic statistic(String name) {
        return STATISTICS.computeIfAbsent(name, Statistic::parse);
    }

    static void writeBits(long[] bits, DataOutputView out) throws IOException {
        out.writeInt(bits.length);
        for (long b : bits) {
            out.writeLong(b);
        }
    }

    static long[] readBits(DataInputView in) throws IOException {
        long[] bits = new long[in.readInt()];
        for (int i = 0; i < bits.length; i++) {
            bits[i] = in.readLong();
        }
        return bits;
    }

    static void writeBytes(byte[] bytes, DataOutputView out) throws IOException {
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    static byte[] readBytes(DataInputView in) throws IOException {
        byte[] bytes = new byte[in.readInt()];
        in.readFully(bytes);
        return bytes;
    }

    // ------------------------------------------------------------------------------------------------ serializers

    /** Serializer of {@link LogEvent}. */
    public static final class LogEventSerializer extends ImmutableSerializer<LogEvent> {
        private static final long serialVersionUID = 1L;
        /** The instance. */
        public static final LogEventSerializer INSTANCE = new LogEventSerializer();

        @Override
        public void serialize(LogEvent record, DataOutputView target) throws IOException {
            writeLogEvent(record, target);
        }

        @Override
        public LogEvent deserialize(DataInputView source) throws IOException {
            return readLogEvent(source);
        }

        @Override
        public TypeSerializerSnapshot<LogEvent> snapshotConfiguration() {
            return new Snapshot();
        }

        /** Restores {@link #INSTANCE}. */
        public static final class Snapshot extends SimpleTypeSerializerSnapshot<LogEvent> {
            /** For Flink's reflection. */
            public Snapshot() {
                super(() -> INSTANCE);
            }
        }
    }

    /** Serializer of {@link MetricId}. */
    public static final class MetricIdSerializer extends ImmutableSerializer<MetricId> {
        private static final long serialVersionUID = 1L;
        /** The instance. */
        public static final MetricIdSerializer INSTANCE = new MetricIdSerializer();

        @Override
        public void serialize(MetricId record, DataOutputView target) throws IOException {
            writeMetricId(record, target);
        }

        @Override
        public MetricId deserialize(DataInputView source) throws IOException {
            return readMetricId(source);
        }

        @Override
        public TypeSerializerSnapshot<MetricId> snapshotConfiguration() {
            return new Snapshot();
        }

        /** Restores {@link #INSTANCE}. */
        public static final class Snapshot extends SimpleTypeSerializerSnapshot<MetricId> {
            /** For Flink's reflection. */
            public Snapshot() {
                super(() -> INSTANCE);
            }
        }
    }

    /** Serializer of {@link MetricUpdate}. */
    public static final class MetricUpdateSerializer extends ImmutableSerializer<MetricUpdate> {
        private static final long serialVersionUID = 1L;
        /** The instance. */
        public static final MetricUpdateSerializer INSTANCE = new MetricUpdateSerializer();

        @Override
        public void serialize(MetricUpdate u, DataOutputView out) throws IOException {
            out.writeByte(u.kind().ordinal());
            writeMetricId(u.metric(), out);
            switch (u.kind()) {
                case VALUES -> {
                    out.writeLong(u.time());
                    out.writeInt(u.units().length);
                    for (int i = 0; i < u.units().length; i++) {
                        out.writeByte(u.units()[i].ordinal());
                        writeBytes(u.values()[i].toBytes(), out);
                    }
                    writeBits(u.seen(), out);
                    writeBits(u.matched(), out);
                }
                case LATE -> {
                    out.writeLong(u.time());
                    out.writeLong(u.watermark());
                    out.writeByte(u.units()[0].ordinal());
                    out.writeDouble(u.value());
                }
                case START -> {
                }
            }
        }

        @Override
        public MetricUpdate deserialize(DataInputView in) throws IOException {
            int kind = in.readByte();
            if (kind < 0 || kind >= MetricUpdate.Kind.values().length) {
                throw new IOException("no metric update is of kind " + kind);
            }
            MetricId metric = readMetricId(in);
            return switch (MetricUpdate.Kind.values()[kind]) {
                case VALUES -> {
                    long minute = in.readLong();
                    int n = in.readInt();
                    StandardUnit[] units = new StandardUnit[n];
                    PeriodAccumulator[] values = new PeriodAccumulator[n];
                    for (int i = 0; i < n; i++) {
                        units[i] = unit(in.readByte());
                        values[i] = PeriodAccumulator.fromBytes(readBytes(in));
                    }
                    long[] seen = readBits(in);
                    long[] matched = readBits(in);
                    yield MetricUpdate.values(metric, minute, units, values, seen, matched);
                }
                case LATE -> {
                    long t = in.readLong();
                    long w = in.readLong();
                    StandardUnit u = unit(in.readByte());
                    yield MetricUpdate.late(metric, t, u, in.readDouble(), w);
                }
                case START -> MetricUpdate.start(metric);
            };
        }

        @Override
        public TypeSerializerSnapshot<MetricUpdate> snapshotConfiguration() {
            return new Snapshot();
        }

        /** Restores {@link #INSTANCE}. */
        public static final class Snapshot extends SimpleTypeSerializerSnapshot<MetricUpdate> {
            /** For Flink's reflection. */
            public Snapshot() {
                super(() -> INSTANCE);
            }
        }
    }

    /** Serializer of {@link MetricDatapoint}. */
    public static final class MetricDatapointSerializer extends ImmutableSerializer<MetricDatapoint> {
        private static final long serialVersionUID = 1L;
        /** The instance. */
        public static final MetricDatapointSerializer INSTANCE = new MetricDatapointSerializer();

        @Override
        public void serialize(MetricDatapoint d, DataOutputView out) throws IOException {
            writeMetricId(d.metric(), out);
            out.writeInt(d.periodSeconds());
            PeriodStatistics s = d.statistics();
            out.writeLong(s.timestamp());
            out.writeByte(s.unit().ordinal());
            out.writeInt(s.values().size());
            for (Map.Entry<Statistic, Double> e : s.values().entrySet()) {
                writeString(e.getKey().awsName(), out);
                out.writeDouble(e.getValue());
            }
        }

        @Override
        public MetricDatapoint deserialize(DataInputView in) throws IOException {
            MetricId metric = readMetricId(in);
            int period = in.readInt();
            long timestamp = in.readLong();
            StandardUnit unit = unit(in.readByte());
            int n = in.readInt();
            Map<Statistic, Double> values = new LinkedHashMap<>();
            for (int i = 0; i < n; i++) {
                values.put(statistic(readString(in)), in.readDouble());
            }
            return new MetricDatapoint(metric, period, new PeriodStatistics(timestamp, unit, values));
        }

        @Override
        public TypeSerializerSnapshot<MetricDatapoint> snapshotConfiguration() {
            return new Snapshot();
        }

        /** Restores {@link #INSTANCE}. */
        public static final class Snapshot extends SimpleTypeSerializerSnapshot<MetricDatapoint> {
            /** For Flink's reflection. */
            public Snapshot() {
                super(() -> INSTANCE);
            }
        }
    }

    /** Serializer of {@link AlarmStateChange}. */
    public static final class AlarmStateChangeSerializer extends ImmutableSerializer<AlarmStateChange> {
        private static final long serialVersionUID = 1L;
        /** The instance. */
        public static final AlarmStateChangeSerializer INSTANCE = new AlarmStateChangeSerializer();

        @Override
        public void serialize(AlarmStateChange c, DataOutputView out) throws IOException {
            writeString(c.alarmName(), out);
            out.writeLong(c.timestamp());
            out.writeByte(c.oldState().ordinal());
            out.writeByte(c.newState().ordinal());
            writeString(c.reason(), out);
            out.writeByte(c.cause().ordinal());
            out.writeInt(c.evaluatedDatapoints().size());
            for (EvaluatedDatapoint d : c.evaluatedDatapoints()) {
                out.writeLong(d.timestamp());
                out.writeBoolean(d.value().isPresent());
                if (d.value().isPresent()) {
                    out.writeDouble(d.value().getAsDouble());
                }
                out.writeLong(d.sampleCount());
                out.writeByte(d.outcome().ordinal());
            }
            out.writeInt(c.actions().size());
            for (String a : c.actions()) {
                writeString(a, out);
            }
        }

        @Override
        public AlarmStateChange deserialize(DataInputView in) throws IOException {
            String name = readString(in);
            long timestamp = in.readLong();
            AlarmState oldState = state(in.readByte());
            AlarmState newState = state(in.readByte());
            String reason = readString(in);
            AlarmStateChange.Cause cause = AlarmStateChange.Cause.values()[in.readByte()];
            int n = in.readInt();
            List<EvaluatedDatapoint> datapoints = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                long t = in.readLong();
                OptionalDouble value = in.readBoolean() ? OptionalDouble.of(in.readDouble()) : OptionalDouble.empty();
                long count = in.readLong();
                EvaluatedDatapoint.Outcome outcome = EvaluatedDatapoint.Outcome.values()[in.readByte()];
                datapoints.add(new EvaluatedDatapoint(t, value, count, outcome));
            }
            int a = in.readInt();
            List<String> actions = new ArrayList<>(a);
            for (int i = 0; i < a; i++) {
                actions.add(readString(in));
            }
            return new AlarmStateChange(name, timestamp, oldState, newState, reason, cause, datapoints, actions);
        }

        private static AlarmState state(int ordinal) throws IOException {
            if (ordinal < 0 || ordinal >= STATES.length) {
                throw new IOException("no alarm state has ordinal " + ordinal);
            }
            return STATES[ordinal];
        }

        @Override
        public TypeSerializerSnapshot<AlarmStateChange> snapshotConfiguration() {
            return new Snapshot();
        }

        /** Restores {@link #INSTANCE}. */
        public static final class Snapshot extends SimpleTypeSerializerSnapshot<AlarmStateChange> {
            /** For Flink's reflection. */
            public Snapshot() {
                super(() -> INSTANCE);
            }
        }
    }

    /** Serializer of {@link LateEvent}. */
    public static final class LateEventSerializer extends ImmutableSerializer<LateEvent> {
        private static final long serialVersionUID = 1L;
        /** The instance. */
        public static final LateEventSerializer INSTANCE = new LateEventSerializer();

        @Override
        public void serialize(LateEvent e, DataOutputView out) throws IOException {
            writeLogEvent(e.event(), out);
            out.writeByte(e.verdict().ordinal());
            out.writeLong(e.watermark());
        }

        @Override
        public LateEvent deserialize(DataInputView in) throws IOException {
            LogEvent event = readLogEvent(in);
            LatenessRule.Verdict verdict = LatenessRule.Verdict.values()[in.readByte()];
            return new LateEvent(event, verdict, in.readLong());
        }

        @Override
        public TypeSerializerSnapshot<LateEvent> snapshotConfiguration() {
            return new Snapshot();
        }

        /** Restores {@link #INSTANCE}. */
        public static final class Snapshot extends SimpleTypeSerializerSnapshot<LateEvent> {
            /** For Flink's reflection. */
            public Snapshot() {
                super(() -> INSTANCE);
            }
        }
    }

    /** Serializer of {@link Rejection}. */
    public static final class RejectionSerializer extends ImmutableSerializer<Rejection> {
        private static final long serialVersionUID = 1L;
        /** The instance. */
        public static final RejectionSerializer INSTANCE = new RejectionSerializer();

        @Override
        public void serialize(Rejection r, DataOutputView out) throws IOException {
            out.writeByte(r.reason().ordinal());
            out.writeLong(r.timestamp());
            writeString(r.detail(), out);
            out.writeBoolean(r.event().isPresent());
            if (r.event().isPresent()) {
                writeLogEvent(r.event().get(), out);
            }
        }

        @Override
        public Rejection deserialize(DataInputView in) throws IOException {
            Rejection.Reason reason = Rejection.Reason.values()[in.readByte()];
            long timestamp = in.readLong();
            String detail = readString(in);
            Optional<LogEvent> event = in.readBoolean() ? Optional.of(readLogEvent(in)) : Optional.empty();
            return new Rejection(reason, timestamp, detail, event);
        }

        @Override
        public TypeSerializerSnapshot<Rejection> snapshotConfiguration() {
            return new Snapshot();
        }

        /** Restores {@link #INSTANCE}. */
        public static final class Snapshot extends SimpleTypeSerializerSnapshot<Rejection> {
            /** For Flink's reflection. */
            public Snapshot() {
                super(() -> INSTANCE);
            }
        }
    }

    /**
     * Serializer of one minute of a metric in {@link MetricFunction}'s keyed state, in the layout
     * {@code MetricState.Minute} writes (docs/flink.md, "State"). Mutable: copies are deep.
     */
    public static final class MinuteStateSerializer extends MutableStateSerializer<MetricState.Minute> {
        private static final long serialVersionUID = 1L;
        /** The instance. */
        public static final MinuteStateSerializer INSTANCE = new MinuteStateSerializer();

        @Override
        byte[] bytes(MetricState.Minute value) {
            return value.toBytes();
        }

        @Override
        MetricState.Minute of(byte[] bytes) {
            return MetricState.Minute.fromBytes(bytes);
        }

        @Override
        public TypeSerializerSnapshot<MetricState.Minute> snapshotConfiguration() {
            return new Snapshot();
        }

        /** Restores {@link #INSTANCE}. */
        public static final class Snapshot extends SimpleTypeSerializerSnapshot<MetricState.Minute> {
            /** For Flink's reflection. */
            public Snapshot() {
                super(() -> INSTANCE);
            }
        }
    }

    /**
     * Serializer of what a metric has done in {@link MetricFunction}'s keyed state (the boundary up to which it is
     * done, and its alarms' states), in the layout {@code MetricState.Meta} writes. Mutable: copies are deep.
     */
    public static final class MetricMetaSerializer extends MutableStateSerializer<MetricState.Meta> {
        private static final long serialVersionUID = 1L;
        /** The instance. */
        public static final MetricMetaSerializer INSTANCE = new MetricMetaSerializer();

        @Override
        byte[] bytes(MetricState.Meta value) {
            return value.toBytes();
        }

        @Override
        MetricState.Meta of(byte[] bytes) {
            return MetricState.Meta.fromBytes(bytes);
        }

        @Override
        public TypeSerializerSnapshot<MetricState.Meta> snapshotConfiguration() {
            return new Snapshot();
        }

        /** Restores {@link #INSTANCE}. */
        public static final class Snapshot extends SimpleTypeSerializerSnapshot<MetricState.Meta> {
            /** For Flink's reflection. */
            public Snapshot() {
                super(() -> INSTANCE);
            }
        }
    }

    /**
     * A serializer of a mutable state object kept as objects by the heap state backend (no decoding on access) and
     * as its versioned byte layout everywhere else; a copy is a deep copy through the bytes.
     *
     * @param <T> the state type
     */
    abstract static class MutableStateSerializer<T> extends org.apache.flink.api.common.typeutils.base
            .TypeSerializerSingleton<T> {
        private static final long serialVersionUID = 1L;

        abstract byte[] bytes(T value);

        abstract T of(byte[] bytes);

        @Override
        public final boolean isImmutableType() {
            return false;
        }

        @Override
        public final T createInstance() {
            return null;
        }

        @Override
        public final T copy(T from) {
            return from == null ? null : of(bytes(from));
        }

        @Override
        public final T copy(T from, T reuse) {
            return copy(from);
        }

        @Override
        public final int getLength() {
            return -1;
        }

        @Override
        public final void serialize(T record, DataOutputView target) throws IOException {
            writeBytes(bytes(record), target);
        }

        @Override
        public final T deserialize(DataInputView source) throws IOException {
            return of(readBytes(source));
        }

        @Override
        public final T deserialize(T reuse, DataInputView source) throws IOException {
            return deserialize(source);
        }

        @Override
        public final void copy(DataInputView source, DataOutputView target) throws IOException {
            writeBytes(readBytes(source), target);
        }
    }
}
