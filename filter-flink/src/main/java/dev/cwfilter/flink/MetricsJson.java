package dev.cwfilter.flink;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.cwfilter.definitions.MetricsDocument;
import dev.cwfilter.live.Rejection;
import dev.cwfilter.metric.AlarmStateChange;
import dev.cwfilter.metric.Statistic;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.serialization.Encoder;

/**
 * The JSON the job writes, one object per line, in the shapes of {@code cwfilter metrics --output json} (schema
 * {@code cwfilter.metrics/1}): a datapoint line is an element of {@code metrics[].periods[]} with its metric's
 * {@code namespace}, {@code metricName} and {@code dimensions} (and {@code period}); a transition line is an element of
 * {@code alarms[].transitions[]} with its {@code alarmName}. Times are ISO-8601 UTC strings, values JSON numbers, a
 * value that does not exist {@code null}. See docs/flink.md.
 *
 * <p>Stateless and thread-safe.
 */
public final class MetricsJson {

    private static final JsonFactory JSON = JsonFactory.builder().build();

    private MetricsJson() {
    }

    /**
     * A datapoint as one line of JSON (without the newline): the fields of an entry of the document's
     * {@code metrics[].periods[]}, written by {@link MetricsDocument#writePeriodFields}, after its metric's
     * {@code namespace}, {@code metricName}, {@code dimensions} and the {@code period}. The statistics are those the
     * datapoint holds, in the document's order (the basic ones first).
     */
    public static String datapoint(MetricDatapoint d) {
        return write(g -> {
            g.writeStartObject();
            MetricsDocument.writeMetricIdFields(g, d.metric());
            g.writeNumberField("period", d.periodSeconds());
            java.util.Set<Statistic> held = d.statistics().values().keySet();
            List<Statistic> order = new ArrayList<>();
            for (Statistic s : MetricsDocument.periodStatistics(List.copyOf(held))) {
                if (held.contains(s)) {
                    order.add(s);
                }
            }
            MetricsDocument.writePeriodFields(g, d.statistics(), order);
            g.writeEndObject();
        });
    }

    /**
     * A transition as one line of JSON (without the newline): {@code alarmName}, then the fields of an entry of the
     * document's {@code alarms[].transitions[]}, written by {@link MetricsDocument#writeTransitionFields}.
     */
    public static String transition(AlarmStateChange c) {
        return write(g -> {
            g.writeStartObject();
            g.writeStringField("alarmName", c.alarmName());
            MetricsDocument.writeTransitionFields(g, c);
            g.writeEndObject();
        });
    }

    /** A late event as one line of JSON: its time, verdict, the watermark it came after, and the message. */
    public static String late(LateEvent e) {
        return write(g -> {
            g.writeStartObject();
            g.writeStringField("timestamp", time(e.event().timestamp()));
            g.writeStringField("verdict", e.verdict().name());
            g.writeStringField("watermark", time(e.watermark()));
            g.writeStringField("message", e.event().message());
            g.writeEndObject();
        });
    }

    /** A rejection as one line of JSON: reason, time, detail, and the event's message when it was kept. */
    public static String rejection(Rejection r) {
        return write(g -> {
            g.writeStartObject();
            g.writeStringField("reason", r.reason().name());
            g.writeStringField("timestamp", time(r.timestamp()));
            g.writeStringField("detail", r.detail());
            if (r.event().isPresent()) {
                g.writeStringField("message", r.event().get().message());
            }
            g.writeEndObject();
        });
    }

    static String time(long epochMillis) {
        return MetricsDocument.time(epochMillis);
    }

    private interface Body {
        void write(JsonGenerator g) throws IOException;
    }

    private static String write(Body body) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            body.write(g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /**
     * A Flink {@link Encoder} writing each record as one line of UTF-8 JSON, for a {@code FileSink}.
     *
     * @param <T> the record type
     */
    public static final class Lines<T> implements Encoder<T> {
        private static final long serialVersionUID = 1L;
        private final Kind kind;

        private enum Kind { DATAPOINT, TRANSITION, LATE, REJECTION }

        private Lines(Kind kind) {
            this.kind = kind;
        }

        /** Datapoints, one per line. */
        public static Lines<MetricDatapoint> datapoints() {
            return new Lines<>(Kind.DATAPOINT);
        }

        /** Transitions, one per line. */
        public static Lines<AlarmStateChange> transitions() {
            return new Lines<>(Kind.TRANSITION);
        }

        /** Late events, one per line. */
        public static Lines<LateEvent> lateEvents() {
            return new Lines<>(Kind.LATE);
        }

        /** Rejections, one per line. */
        public static Lines<Rejection> rejections() {
            return new Lines<>(Kind.REJECTION);
        }

        @Override
        public void encode(T element, OutputStream stream) throws IOException {
            String line = switch (kind) {
                case DATAPOINT -> datapoint((MetricDatapoint) element);
                case TRANSITION -> transition((AlarmStateChange) element);
                case LATE -> late((LateEvent) element);
                case REJECTION -> rejection((Rejection) element);
            };
            stream.write(line.getBytes(StandardCharsets.UTF_8));
            stream.write('\n');
        }
    }
}
