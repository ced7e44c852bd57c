package dev.cwfilter.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.cwfilter.FilterPattern;
import dev.cwfilter.cli.input.BadEvents;
import dev.cwfilter.cli.input.Event;
import dev.cwfilter.cli.input.EventSelector;
import dev.cwfilter.cli.input.EventSink;
import dev.cwfilter.cli.input.EventSource;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.Objects;

/**
 * What {@code cwfilter filter} does with each event: the time range, the pattern (on the event's UTF-8 bytes, never
 * decoded unless printed), {@code --invert}, and printing or counting. {@code EventSource.forEach(pipeline.selector(),
 * pipeline)} then {@link #finish()} is the whole command (the selector deciding on the reader threads, the pipeline
 * printing on the caller's); the throughput benchmark runs exactly that. {@code forEach(pipeline)} alone decides and
 * prints on the caller's thread. The pipeline is not thread-safe; its {@link #selector()} is.
 */
public final class FilterPipeline implements EventSink {

    /** What to print for each selected event. */
    public enum Output {
        /** The message, one per line. */
        TEXT,
        /** One JSON object per line: timestamp, message, file, and line (record, for a CloudTrail record). */
        JSON,
        /** Nothing per event; the caller prints {@link #selected()}. */
        COUNT
    }

    /** How often to ask a PrintWriter whether its output still works (asking flushes it). */
    private static final int CHECK_OUTPUT_EVERY = 4096;

    private final FilterPattern pattern;
    private final boolean invert;
    private final Output output;
    private final long startTime;
    private final long endTime;
    private final boolean timeRange;
    private final Writer out;
    private final BadEvents bad;
    private final PipelineOutput printed;
    private final JsonGenerator json;
    private long selected;

    /**
     * A pipeline.
     *
     * @param startTime the earliest timestamp selected (inclusive), or {@code Long.MIN_VALUE} for no limit
     * @param endTime   the latest timestamp selected (inclusive, as FilterLogEvents' endTime), or
     *                  {@code Long.MAX_VALUE} for no limit
     * @param bad       where events without a timestamp are counted when there is a time range
     * @throws IOException if the JSON writer cannot be created
     */
    public FilterPipeline(FilterPattern pattern, boolean invert, Output output, long startTime, long endTime,
                          Writer out, BadEvents bad) throws IOException {
        this.pattern = Objects.requireNonNull(pattern, "pattern");
        this.invert = invert;
        this.output = Objects.requireNonNull(output, "output");
        this.startTime = startTime;
        this.endTime = endTime;
        this.timeRange = startTime != Long.MIN_VALUE || endTime != Long.MAX_VALUE;
        this.out = Objects.requireNonNull(out, "out");
        this.bad = Objects.requireNonNull(bad, "bad");
        this.printed = new PipelineOutput(out, output == Output.JSON);
        this.json = printed.json;
    }

    /**
     * The decision alone — time range, pattern, {@code --invert} — for {@link EventSource#forEach(EventSelector,
     * EventSink)} to run on its reader threads. Thread-safe.
     */
    public EventSelector selector() {
        return this::selects;
    }

    private boolean selects(Event event, BadEvents badEvents) {
        if (timeRange) {
            long t = event.timestamp();
            if (t == Event.NO_TIMESTAMP) {
                badEvents.add(BadEvents.Kind.NO_TIMESTAMP, event.source(), event.position(), null);
                return false;
            }
            if (t < startTime || t > endTime) {
                return false;
            }
        }
        return pattern.matches(event.bytes(), event.offset(), event.length()) != invert;
    }

    /**
     * Decides and, if selected, prints or counts; when {@link #selector()} already decided on a reader thread, use
     * {@link #selected(Event)} instead.
     */
    @Override
    public boolean accept(Event event) throws IOException {
        return !selects(event, bad) || selected(event);
    }

    /** An event the {@link #selector()} selected: prints or counts it. */
    public EventSink selectedSink() {
        return this::selected;
    }

    private boolean selected(Event event) throws IOException {
        selected++;
        if (output == Output.TEXT) {
            out.write(event.message());
            out.write('\n');
        } else if (output == Output.JSON) {
            writeJson(event);
        } else {
            return true;
        }
        return selected % CHECK_OUTPUT_EVERY != 0 || !printed.failed();
    }

    private void writeJson(Event event) throws IOException {
        json.writeStartObject();
        long t = event.timestamp();
        if (t == Event.NO_TIMESTAMP) {
            json.writeNullField("timestamp");
        } else {
            json.writeNumberField("timestamp", t);
        }
        json.writeStringField("message", event.message());
        json.writeStringField("file", event.source());
        json.writeNumberField(event.isRecord() ? "record" : "line", event.line());
        json.writeEndObject();
        json.writeRaw('\n');
    }

    /** Writes out what is buffered; call once after the last event. */
    public void finish() throws IOException {
        printed.flush();
    }

    /** How many events were selected: matched, or with {@code --invert} not matched, within the time range. */
    public long selected() {
        return selected;
    }
}
