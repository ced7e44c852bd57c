package dev.cwfilter.aws;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.cwfilter.Datapoint;
import dev.cwfilter.StandardUnit;
import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Writes datapoints as CloudWatch Embedded Metric Format log events, one JSON object per line (AWS-SHAPES.md section
 * 4.2), for users who ship metrics through logs: CloudWatch Logs extracts the metric from each line.
 *
 * <pre>{@code
 * {"_aws":{"Timestamp":1763726580000,"CloudWatchMetrics":[{"Namespace":"CloudTrailMetrics",
 *   "Dimensions":[["Service"]],"Metrics":[{"Name":"Errors","Unit":"Count","StorageResolution":60}]}]},
 *   "Service":"api","Errors":[1.0,3.0]}
 * }</pre>
 *
 * <p>Consecutive datapoints of the same minute, dimension values and unit share one line, their values an array of at
 * most 100 (the EMF limit), stamped with the first one's time (the same one-minute bucket, so the same statistics
 * and percentiles as one line per datapoint). A datapoint EMF cannot carry (a dimension named like the metric or
 * {@code _aws}, a dimension name over 250 or value over 1,024 characters) is not written and is counted in
 * {@link #skipped()}.
 *
 * <p>Not thread-safe: feed it from one thread.
 */
public final class EmfWriter implements Consumer<Datapoint>, Flushable, Closeable {

    /** The most values one EMF line carries for a metric. */
    public static final int MAX_VALUES_PER_LINE = 100;
    /** The namespaces the AWS EMF libraries accept: at most 256 of these characters. */
    private static final Pattern NAMESPACE = Pattern.compile("[a-zA-Z0-9._#:/-]{1,256}");
    private static final long MINUTE_MILLIS = 60_000;
    private static final JsonFactory JSON = JsonFactory.builder().build();

    private final Writer out;
    private final String namespace;
    private final String metricName;
    private final List<Double> values = new ArrayList<>();
    private Map<String, String> dimensions;
    private StandardUnit unit;
    private long minute;
    private long timestamp;
    private long lines;
    private long skipped;
    private final List<String> problems = new ArrayList<>();

    private EmfWriter(Writer out, String namespace, String metricName) {
        this.out = Objects.requireNonNull(out, "out");
        this.namespace = Objects.requireNonNull(namespace, "namespace");
        this.metricName = Objects.requireNonNull(metricName, "metricName");
        if (!NAMESPACE.matcher(namespace).matches()) {
            throw new IllegalArgumentException("namespace '" + namespace + "': EMF takes 1 to 256 characters of"
                    + " letters, digits and . _ # : / -");
        }
        if (metricName.isEmpty() || metricName.length() > 1024 || metricName.equals("_aws")) {
            throw new IllegalArgumentException("metric name '" + metricName + "': EMF takes 1 to 1024 characters,"
                    + " not _aws");
        }
    }

    /** A writer of the lines of one metric to {@code out}. */
    public static EmfWriter to(Writer out, String namespace, String metricName) {
        return new EmfWriter(out, namespace, metricName);
    }

    /**
     * Adds a datapoint to the current line, or starts a new one.
     *
     * @throws java.io.UncheckedIOException if writing fails
     */
    @Override
    public void accept(Datapoint d) {
        String refusal = refusal(d.dimensions());
        if (refusal != null) {
            skipped++;
            if (problems.size() < 100) {
                problems.add("not written: " + metricName + d.dimensions() + ": " + refusal);
            }
            return;
        }
        long m = Math.floorDiv(d.timestamp(), MINUTE_MILLIS);
        if (!values.isEmpty() && (m != minute || d.unit() != unit || !d.dimensions().equals(dimensions)
                || values.size() == MAX_VALUES_PER_LINE)) {
            writeLine();
        }
        if (values.isEmpty()) {
            minute = m;
            unit = d.unit();
            dimensions = d.dimensions();
            timestamp = d.timestamp();
        }
        values.add(d.value());
    }

    /** Adds every datapoint, in order. */
    public EmfWriter writeAll(Iterable<Datapoint> datapoints) {
        datapoints.forEach(this);
        return this;
    }

    private String refusal(Map<String, String> dims) {
        if (dims.size() > 30) {
            return dims.size() + " dimensions (at most 30)";
        }
        for (Map.Entry<String, String> e : dims.entrySet()) {
            if (e.getKey().equals(metricName) || e.getKey().equals("_aws")) {
                return "dimension '" + e.getKey() + "' has the name of " + (e.getKey().equals("_aws")
                        ? "EMF's metadata" : "the metric");
            }
            if (e.getKey().isEmpty() || e.getKey().length() > 250) {
                return "dimension name of " + e.getKey().length() + " characters (1 to 250)";
            }
            if (e.getValue().isEmpty() || e.getValue().length() > 1024) {
                return "dimension " + e.getKey() + " value of " + e.getValue().length() + " characters (1 to 1024)";
            }
        }
        return null;
    }

    private void writeLine() {
        StringWriter line = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(line)) {
            g.writeStartObject();
            g.writeObjectFieldStart("_aws");
            g.writeNumberField("Timestamp", timestamp);
            g.writeArrayFieldStart("CloudWatchMetrics");
            g.writeStartObject();
            g.writeStringField("Namespace", namespace);
            g.writeArrayFieldStart("Dimensions");
            g.writeStartArray();
            for (String name : dimensions.keySet()) {
                g.writeString(name);
            }
            g.writeEndArray();
            g.writeEndArray();
            g.writeArrayFieldStart("Metrics");
            g.writeStartObject();
            g.writeStringField("Name", metricName);
            g.writeStringField("Unit", unit.awsName());
            g.writeNumberField("StorageResolution", 60);
            g.writeEndObject();
            g.writeEndArray();
            g.writeEndObject();
            g.writeEndArray();
            g.writeEndObject();
            for (Map.Entry<String, String> d : dimensions.entrySet()) {
                g.writeStringField(d.getKey(), d.getValue());
            }
            g.writeFieldName(metricName);
            if (values.size() == 1) {
                g.writeNumber(values.get(0));
            } else {
                g.writeStartArray();
                for (double v : values) {
                    g.writeNumber(v);
                }
                g.writeEndArray();
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot happen: writing to a string", e);
        }
        values.clear();
        try {
            out.write(line.toString());
            out.write('\n');
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("could not write EMF: " + e.getMessage(), e);
        }
        lines++;
    }

    /** Writes the current line, if any, and flushes the output. */
    @Override
    public void flush() throws IOException {
        if (!values.isEmpty()) {
            writeLine();
        }
        out.flush();
    }

    /** Flushes and closes the output. */
    @Override
    public void close() throws IOException {
        try {
            flush();
        } finally {
            out.close();
        }
    }

    /** Lines written so far. */
    public long lines() {
        return lines;
    }

    /** Datapoints not written because EMF cannot carry them. */
    public long skipped() {
        return skipped;
    }

    /** Why datapoints were not written (the first 100). */
    public List<String> problems() {
        return List.copyOf(problems);
    }
}
