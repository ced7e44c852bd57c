package dev.cwfilter.flink;

import dev.cwfilter.StandardUnit;
import dev.cwfilter.metric.AlarmState;
import dev.cwfilter.metric.PeriodAccumulator;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/**
 * The keyed state of {@link MetricFunction} for one metric, and its byte layout. Each piece is kept in Flink state as
 * bytes in a versioned layout of our own (docs/flink.md, "State"), so that the layout is documented, independent of
 * Flink's serializers, and checked when read back.
 *
 * <p>Not thread-safe: each object belongs to one call of the function.
 */
final class MetricState {

    private static final byte FORMAT = 1;
    /**
     * The layout of the metric's own state ({@link Meta}): 2 adds the start of every stored minute after the alarms.
     * Layout 1, without them (snapshots of earlier 0.1 builds), is refused with a message: start such a job afresh.
     */
    private static final byte META_FORMAT = 2;
    private static final StandardUnit[] UNITS = StandardUnit.values();
    private static final AlarmState[] STATES = AlarmState.values();

    private MetricState() {
    }

    /** One minute of the metric: its values per unit, and the per-minute default markers not yet decided. */
    static final class Minute {
        StandardUnit[] units = new StandardUnit[0];
        PeriodAccumulator[] values = new PeriodAccumulator[0];
        long[] seen = new long[0];
        long[] matched = new long[0];

        boolean hasValues() {
            return units.length > 0;
        }

        boolean hasMarkers() {
            for (long s : seen) {
                if (s != 0) {
                    return true;
                }
            }
            return false;
        }

        void add(StandardUnit unit, double value, Settings settings) {
            accumulator(unit, settings).add(value);
        }

        void merge(StandardUnit unit, PeriodAccumulator other, Settings settings) {
            accumulator(unit, settings).merge(other);
        }

        private PeriodAccumulator accumulator(StandardUnit unit, Settings settings) {
            for (int i = 0; i < units.length; i++) {
                if (units[i] == unit) {
                    return values[i];
                }
            }
            units = Arrays.copyOf(units, units.length + 1);
            values = Arrays.copyOf(values, values.length + 1);
            units[units.length - 1] = unit;
            values[values.length - 1] = settings.newAccumulator();
            return values[values.length - 1];
        }

        void mark(long[] seenBits, long[] matchedBits) {
            seen = or(seen, seenBits);
            matched = or(matched, matchedBits);
        }

        private static long[] or(long[] a, long[] b) {
            if (b.length == 0) {
                return a;
            }
            long[] r = Arrays.copyOf(a, Math.max(a.length, b.length));
            for (int i = 0; i < b.length; i++) {
                r[i] |= b[i];
            }
            return r;
        }

        /** Whether filter {@code f} saw events but no match in this minute. */
        boolean wantsDefault(int f) {
            int w = f >>> 6;
            long bit = 1L << f;
            return w < seen.length && (seen[w] & bit) != 0 && (w >= matched.length || (matched[w] & bit) == 0);
        }

        void clearMarkers() {
            seen = new long[0];
            matched = new long[0];
        }

        byte[] toBytes() {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                out.writeByte(FORMAT);
                out.writeInt(units.length);
                for (int i = 0; i < units.length; i++) {
                    out.writeByte(units[i].ordinal());
                    byte[] v = values[i].toBytes();
                    out.writeInt(v.length);
                    out.write(v);
                }
                writeBits(seen, out);
                writeBits(matched, out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return bytes.toByteArray();
        }

        static Minute fromBytes(byte[] bytes) {
            Minute m = new Minute();
            try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
                checkFormat(in.readByte(), "minute");
                int n = in.readInt();
                m.units = new StandardUnit[n];
                m.values = new PeriodAccumulator[n];
                for (int i = 0; i < n; i++) {
                    m.units[i] = UNITS[in.readByte()];
                    byte[] v = new byte[in.readInt()];
                    in.readFully(v);
                    m.values[i] = PeriodAccumulator.fromBytes(v);
                }
                m.seen = readBits(in);
                m.matched = readBits(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return m;
        }
    }

    /** One alarm's state: its name, its state, its next evaluation and its latest one. */
    static final class AlarmSlot {
        final String name;
        AlarmState state;
        long next;
        long lastEvaluated;

        AlarmSlot(String name, AlarmState state, long next, long lastEvaluated) {
            this.name = name;
            this.state = state;
            this.next = next;
            this.lastEvaluated = lastEvaluated;
        }
    }

    /** What the metric has done: the boundary up to which everything is done, and its alarms' states. */
    static final class Meta {
        long processedUpTo;
        AlarmSlot[] alarms;
        /**
         * The start of every minute stored in the metric's map state, in order. A boundary reads only the minutes it
         * needs through it, however many minutes after the watermark are stored (those a task ahead of the others
         * has sent).
         */
        TreeSet<Long> minutes;

        Meta(long processedUpTo, AlarmSlot[] alarms, TreeSet<Long> minutes) {
            this.processedUpTo = processedUpTo;
            this.alarms = alarms;
            this.minutes = minutes;
        }

        /** A metric that has done nothing yet, with these alarms. */
        static Meta fresh(List<String> alarmNames, long never) {
            return new Meta(Long.MIN_VALUE, new AlarmSlot[0], new TreeSet<>()).aligned(alarmNames, never);
        }

        /**
         * This state aligned with the alarms configured now, by name: an alarm added since the checkpoint starts
         * fresh, one removed is forgotten.
         */
        Meta aligned(List<String> alarmNames, long never) {
            boolean same = alarms.length == alarmNames.size();
            for (int i = 0; same && i < alarms.length; i++) {
                same = alarms[i].name.equals(alarmNames.get(i));
            }
            if (same) {
                return this;
            }
            AlarmSlot[] slots = new AlarmSlot[alarmNames.size()];
            for (AlarmSlot a : alarms) {
                int at = alarmNames.indexOf(a.name);
                if (at >= 0) {
                    slots[at] = a;
                }
            }
            for (int i = 0; i < slots.length; i++) {
                if (slots[i] == null) {
                    slots[i] = new AlarmSlot(alarmNames.get(i), AlarmState.INSUFFICIENT_DATA, never, never);
                }
            }
            return new Meta(processedUpTo, slots, minutes);
        }

        static Meta fromBytes(byte[] bytes) {
            try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
                checkFormat(in.readByte(), META_FORMAT, "metric");
                long processedUpTo = in.readLong();
                AlarmSlot[] slots = new AlarmSlot[in.readInt()];
                for (int i = 0; i < slots.length; i++) {
                    slots[i] = new AlarmSlot(in.readUTF(), STATES[in.readByte()], in.readLong(), in.readLong());
                }
                TreeSet<Long> minutes = new TreeSet<>();
                for (int i = in.readInt(); i > 0; i--) {
                    minutes.add(in.readLong());
                }
                return new Meta(processedUpTo, slots, minutes);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        byte[] toBytes() {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                out.writeByte(META_FORMAT);
                out.writeLong(processedUpTo);
                out.writeInt(alarms.length);
                for (AlarmSlot a : alarms) {
                    out.writeUTF(a.name);
                    out.writeByte(a.state.ordinal());
                    out.writeLong(a.next);
                    out.writeLong(a.lastEvaluated);
                }
                out.writeInt(minutes.size());
                for (long minute : minutes) {
                    out.writeLong(minute);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return bytes.toByteArray();
        }
    }

    /** A late value waiting for the watermark to reach the watermark it was late against. */
    record Held(long timestamp, long watermark, StandardUnit unit, double value) {

        byte[] toBytes() {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(26);
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                out.writeByte(FORMAT);
                out.writeLong(timestamp);
                out.writeLong(watermark);
                out.writeByte(unit.ordinal());
                out.writeDouble(value);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return bytes.toByteArray();
        }

        static Held fromBytes(byte[] bytes) {
            try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
                checkFormat(in.readByte(), "held value");
                return new Held(in.readLong(), in.readLong(), UNITS[in.readByte()], in.readDouble());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static void checkFormat(byte format, String what) {
        checkFormat(format, FORMAT, what);
    }

    private static void checkFormat(byte format, byte expected, String what) {
        if (format != expected) {
            throw new IllegalStateException("cwfilter: the " + what + " state was written in layout " + format
                    + ", which this release does not read (it reads layout " + expected + ")");
        }
    }

    private static void writeBits(long[] bits, DataOutputStream out) throws IOException {
        out.writeInt(bits.length);
        for (long b : bits) {
            out.writeLong(b);
        }
    }

    private static long[] readBits(DataInputStream in) throws IOException {
        long[] bits = new long[in.readInt()];
        for (int i = 0; i < bits.length; i++) {
            bits[i] = in.readLong();
        }
        return bits;
    }
}
