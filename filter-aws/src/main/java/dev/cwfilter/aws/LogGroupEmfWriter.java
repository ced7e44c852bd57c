package dev.cwfilter.aws;

import dev.cwfilter.Datapoint;
import dev.cwfilter.LogGroup;
import dev.cwfilter.MetricFilter;
import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Embedded Metric Format lines for every metric a log group's filters publish: a {@link LogGroup.Listener} that
 * hands each metric filter's datapoints to the {@link EmfWriter} of its metric (namespace and name; filters publishing
 * to the same metric share one), all writing whole lines to one output.
 *
 * <pre>{@code
 * try (LogGroupEmfWriter emf = LogGroupEmfWriter.to(Files.newBufferedWriter(path), group)) {
 *     LogGroupMetrics metrics = LogGroupMetrics.of(group, MetricAggregator.builder(), emf);
 *     metrics.acceptAll(events);
 *     metrics.flush();
 * }
 * }</pre>
 *
 * <p>Each metric's lines are those {@link EmfWriter} writes for it alone (consecutive datapoints of one minute,
 * dimension values and unit share a line), so the lines of different metrics interleave in the order they are
 * complete. A metric EMF cannot carry (a namespace outside the AWS EMF libraries' characters, say) is not written: its
 * datapoints are counted in {@link #skipped()} and the reason is in {@link #problems()}.
 *
 * <p>Thread-safe: every method holds the writer's lock, so that one thread may feed datapoints (a live monitor's)
 * while another flushes.
 */
public final class LogGroupEmfWriter implements LogGroup.Listener, Flushable, Closeable {

    private final Writer out;
    private final EmfWriter[] byFilter;
    private final Map<String, EmfWriter> byMetric = new LinkedHashMap<>();
    private final List<String> problems = new ArrayList<>();
    private long skipped;

    private LogGroupEmfWriter(Writer out, LogGroup group) {
        this.out = Objects.requireNonNull(out, "out");
        List<MetricFilter> filters = group.metricFilters();
        byFilter = new EmfWriter[filters.size()];
        for (int i = 0; i < byFilter.length; i++) {
            MetricFilter f = filters.get(i);
            if (f.metricNamespace().isEmpty() || f.metricName().isEmpty()) {
                problems.add("metric filter " + name(f, i) + " publishes no metric (no namespace or name)");
                continue;
            }
            String namespace = f.metricNamespace().get();
            String metricName = f.metricName().get();
            String key = namespace + '\u0000' + metricName;
            EmfWriter w = byMetric.get(key);
            if (w == null && !byMetric.containsKey(key)) {
                try {
                    w = EmfWriter.to(new Unclosed(out), namespace, metricName);
                } catch (IllegalArgumentException e) {
                    problems.add("metric filter " + name(f, i) + ": " + e.getMessage());
                }
                byMetric.put(key, w);
            }
            byFilter[i] = w;
        }
    }

    /** A writer of the lines of every metric of {@code group} to {@code out}, which {@link #close()} closes. */
    public static LogGroupEmfWriter to(Writer out, LogGroup group) {
        return new LogGroupEmfWriter(out, Objects.requireNonNull(group, "group"));
    }

    private static String name(MetricFilter f, int i) {
        return f.filterName().map(n -> "'" + n + "'").orElse("#" + i);
    }

    /**
     * Adds the datapoint to its metric's current line, or starts a new one.
     *
     * @throws UncheckedIOException if writing fails
     */
    @Override
    public synchronized void datapoint(int metricFilter, Datapoint datapoint) {
        EmfWriter w = byFilter[metricFilter];
        if (w == null) {
            skipped++;
            return;
        }
        w.accept(datapoint);
    }

    /** Writes every metric's current line and flushes the output. */
    @Override
    public synchronized void flush() throws IOException {
        for (EmfWriter w : byMetric.values()) {
            if (w != null) {
                w.flush();
            }
        }
        out.flush();
    }

    /** Writes every metric's current line, flushes and closes the output. */
    @Override
    public synchronized void close() throws IOException {
        try {
            flush();
        } finally {
            out.close();
        }
    }

    /** Lines written so far, every metric's. */
    public synchronized long lines() {
        long n = 0;
        for (EmfWriter w : byMetric.values()) {
            n += w == null ? 0 : w.lines();
        }
        return n;
    }

    /** Datapoints not written: of metrics EMF cannot carry, or that EMF cannot carry themselves. */
    public synchronized long skipped() {
        long n = skipped;
        for (EmfWriter w : byMetric.values()) {
            n += w == null ? 0 : w.skipped();
        }
        return n;
    }

    /** Why datapoints were not written: per metric, then per datapoint (the first 100 of each metric). */
    public synchronized List<String> problems() {
        List<String> all = new ArrayList<>(problems);
        for (EmfWriter w : byMetric.values()) {
            if (w != null) {
                all.addAll(w.problems());
            }
        }
        return all;
    }

    /** The shared output, which one metric's writer must not close for the others. */
    private static final class Unclosed extends Writer {
        private final Writer out;

        Unclosed(Writer out) {
            this.out = out;
        }

        @Override
        public void write(char[] cbuf, int off, int len) throws IOException {
            out.write(cbuf, off, len);
        }

        @Override
        public void write(String str) throws IOException {
            out.write(str);
        }

        @Override
        public void write(int c) throws IOException {
            out.write(c);
        }

        @Override
        public void flush() {
            // The owner flushes once for all metrics.
        }

        @Override
        public void close() {
        }
    }
}
