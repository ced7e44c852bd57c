package dev.cwfilter;

import dev.cwfilter.ast.DelimitedPattern;
import dev.cwfilter.ast.JsonPattern;
import dev.cwfilter.ast.Pattern;
import dev.cwfilter.ast.Selector;
import dev.cwfilter.internal.eval.json.JsonFieldReader;
import dev.cwfilter.internal.transform.DatapointStream;
import dev.cwfilter.internal.transform.MetricTransformation;
import dev.cwfilter.internal.transform.Resolution;
import dev.cwfilter.internal.transform.ValueSource;
import dev.cwfilter.internal.transform.ValueSources;
import dev.cwfilter.io.JsonString;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Consumer;

/**
 * A CloudWatch Logs metric filter: a filter pattern and the one metric transformation it publishes (value, default
 * value, dimensions, unit), validated as PutMetricFilter validates them.
 *
 * <pre>{@code
 * MetricFilter f = MetricFilter.builder()
 *         .filterPattern("{ $.latency = * }")
 *         .metricNamespace("MyApp").metricName("Latency")
 *         .metricValue("$.latency")
 *         .build();
 * TestMetricFilterResult r = f.test(List.of(m1, m2));    // what TestMetricFilter answers
 * Optional<Datapoint> d = f.datapointFor(logEvent);      // what the filter publishes for one event
 * }</pre>
 *
 * <p>What a filter publishes (SEMANTICS.md section 6): a matching event publishes the metric value, taken from the
 * event for {@code $.field}, {@code $name} or {@code $N}; if that value is missing or not a number the event
 * publishes nothing (U12), and if a dimension's field is missing it publishes nothing (U13). An event that does not
 * match publishes the default value, if there is one, as {@link FilterOptions#defaultValueMode()} says (U2).
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class MetricFilter {

    /** The most messages one TestMetricFilter call accepts. */
    public static final int MAX_TEST_MESSAGES = 50;
    /** The most dimensions a metric transformation may have. */
    public static final int MAX_DIMENSIONS = 3;

    private final String filterName;
    private final FilterPattern pattern;
    private final String metricNamespace;
    private final String metricName;
    private final String metricValue;
    private final Double defaultValue;
    private final Map<String, String> dimensions;
    private final StandardUnit unit;
    /** Where the value and the dimensions come from, and the datapoint they make. */
    private final MetricTransformation transformation;

    private MetricFilter(Builder b, FilterPattern pattern, MetricTransformation transformation) {
        this.filterName = b.filterName;
        this.pattern = pattern;
        this.metricNamespace = b.metricNamespace;
        this.metricName = b.metricName;
        this.metricValue = b.metricValue;
        this.defaultValue = b.defaultValue;
        this.dimensions = Collections.unmodifiableMap(new LinkedHashMap<>(b.dimensions));
        this.unit = b.unit;
        this.transformation = transformation;
    }

    /** A builder; only the filter pattern is required ({@code metricValue} defaults to {@code "1"}). */
    public static Builder builder() {
        return new Builder();
    }

    /** The filter's name, if it has one. */
    public Optional<String> filterName() {
        return Optional.ofNullable(filterName);
    }

    /** The compiled filter pattern. */
    public FilterPattern pattern() {
        return pattern;
    }

    /** The metric's namespace, if set. */
    public Optional<String> metricNamespace() {
        return Optional.ofNullable(metricNamespace);
    }

    /** The metric's name, if set. */
    public Optional<String> metricName() {
        return Optional.ofNullable(metricName);
    }

    /** The metric value expression: a number, {@code $.selector}, {@code $name} or {@code $N}. */
    public String metricValue() {
        return metricValue;
    }

    /** The default value, if set. */
    public OptionalDouble defaultValue() {
        return defaultValue == null ? OptionalDouble.empty() : OptionalDouble.of(defaultValue);
    }

    /** Dimension names to value expressions ({@code $.field}, {@code $name}), in the order they were added. */
    public Map<String, String> dimensions() {
        return dimensions;
    }

    /** The metric's unit; {@link StandardUnit#NONE} if none was set. */
    public StandardUnit unit() {
        return unit;
    }

    /** The options the pattern was compiled with. */
    public FilterOptions options() {
        return pattern.options();
    }

    /**
     * What the filter does, for logs and failure messages: {@code MetricFilter[pattern="{ $.latency = * }",
     * metric=App/Latency, value=$.latency, default=0, dimensions={Service=$.service}, unit=Milliseconds]}; the name
     * comes first when there is one, and what is not set (and options that are the defaults) is left out.
     */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("MetricFilter[");
        if (filterName != null) {
            sb.append("name=");
            JsonString.quote(filterName, sb);
            sb.append(", ");
        }
        sb.append("pattern=");
        JsonString.quote(pattern.source(), sb);
        if (metricNamespace != null || metricName != null) {
            sb.append(", metric=").append(metricNamespace == null ? "?" : metricNamespace).append('/')
                    .append(metricName == null ? "?" : metricName);
        }
        sb.append(", value=").append(metricValue);
        if (defaultValue != null) {
            double d = defaultValue;
            sb.append(", default=").append(d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d)
                    : Double.toString(d));
        }
        if (!dimensions.isEmpty()) {
            sb.append(", dimensions=").append(dimensions);
        }
        if (unit != StandardUnit.NONE) {
            sb.append(", unit=").append(unit.awsName());
        }
        if (!options().equals(FilterOptions.defaults())) {
            sb.append(", ").append(options());
        }
        return sb.append(']').toString();
    }

    /**
     * What the TestMetricFilter API answers for these messages: the matching ones, numbered from
     * {@link FilterOptions#firstEventNumber()}, with the values a space-delimited pattern extracts.
     *
     * @throws IllegalArgumentException as the API does: unless there are 1 to 50 messages, each at least one
     *                                  character long
     */
    public TestMetricFilterResult test(List<String> logEventMessages) {
        Objects.requireNonNull(logEventMessages, "logEventMessages");
        if (logEventMessages.isEmpty() || logEventMessages.size() > MAX_TEST_MESSAGES) {
            throw new IllegalArgumentException("logEventMessages must hold 1 to " + MAX_TEST_MESSAGES
                    + " messages, not " + logEventMessages.size());
        }
        for (int i = 0; i < logEventMessages.size(); i++) {
            if (Objects.requireNonNull(logEventMessages.get(i), "message " + i).isEmpty()) {
                throw new IllegalArgumentException("logEventMessages[" + i + "] is empty: each message needs at"
                        + " least one character");
            }
        }
        return new TestMetricFilterResult(matchRecords(logEventMessages));
    }

    /**
     * The match records for any number of messages, numbered from {@link FilterOptions#firstEventNumber()}: what
     * {@link #test(List)} returns, without the API's limits.
     */
    public List<MetricFilterMatchRecord> matchRecords(Iterable<String> messages) {
        List<MetricFilterMatchRecord> records = new ArrayList<>();
        long number = options().firstEventNumber();
        for (String message : messages) {
            Map<String, String> extracted = pattern.extract(message);
            if (extracted != null) {
                records.add(new MetricFilterMatchRecord(number, message, extracted));
            }
            number++;
        }
        return records;
    }

    /**
     * The datapoint one event publishes by itself: the metric value if the event matches (and its value and
     * dimensions resolve), the default value if it does not match and the default is published for every unmatched
     * event; empty otherwise. Defaults published once per minute come only from {@link #emitter(Consumer)} and
     * {@link #datapoints(Iterable)}, which see whole minutes.
     */
    public Optional<Datapoint> datapointFor(LogEvent event) {
        Resolution r = resolve(event);
        if (r.matched()) {
            return Optional.ofNullable(r.datapoint());
        }
        if (defaultValue != null && options().defaultValueMode() == DefaultValueMode.EVERY_UNMATCHED_EVENT) {
            return Optional.of(new Datapoint(event.timestamp(), defaultValue, unit, Map.of()));
        }
        return Optional.empty();
    }

    /** Every datapoint the filter publishes for these events, in the order an {@link #emitter} sends them. */
    public List<Datapoint> datapoints(Iterable<LogEvent> events) {
        List<Datapoint> out = new ArrayList<>();
        Emitter emitter = emitter(out::add);
        for (LogEvent event : events) {
            emitter.accept(event);
        }
        emitter.flush();
        return out;
    }

    /**
     * A stream of datapoints for events fed one at a time: each matching event's datapoint is sent as soon as it is
     * accepted; defaults are sent as {@link FilterOptions#defaultValueMode()} says, per unmatched event at once, or
     * per minute without a match at {@link Emitter#flush()}.
     */
    public Emitter emitter(Consumer<Datapoint> sink) {
        return new Emitter(Objects.requireNonNull(sink, "sink"));
    }

    /**
     * Feeds log events through a metric filter and sends its datapoints to a consumer. Not thread-safe: use one per
     * thread.
     */
    public final class Emitter implements Consumer<LogEvent> {
        private final DatapointStream stream;

        private Emitter(Consumer<Datapoint> sink) {
            this.stream = new DatapointStream(sink, defaultValue, unit, options().defaultValueMode());
        }

        /** Evaluates one event and sends what it publishes. */
        @Override
        public void accept(LogEvent event) {
            offer(event);
        }

        /** {@link #accept(LogEvent)}, answering whether the event matched the filter's pattern. */
        boolean offer(LogEvent event) {
            return stream.offer(event.timestamp(), resolve(event));
        }

        /**
         * {@link #offer(LogEvent)} for an event already evaluated: whether the pattern matched it and, if it did, the
         * values of {@link #jsonSelectors()} (as {@link JsonFieldReader} reads them). Only for JSON patterns.
         */
        boolean offerEvaluated(LogEvent event, boolean matched, String[] jsonValues) {
            return stream.offer(event.timestamp(), matched
                    ? transformation.resolve(event.timestamp(), MetricTransformation.NO_FIELDS, jsonValues)
                    : Resolution.NO_MATCH);
        }

        /**
         * Sends the per-minute defaults of the minutes seen so far that had events but no match, stamped with the
         * minute's start, and forgets those minutes.
         */
        public void flush() {
            stream.flush();
        }

        /**
         * {@link #flush()} for the minutes that end at or before {@code time} only: a live caller flushes the minutes
         * no event can join any more and keeps the others open.
         */
        public void flushBefore(long time) {
            stream.flushBefore(time);
        }
    }

    /** Whether the event matches and what it publishes if it does. */
    private Resolution resolve(LogEvent event) {
        String message = event.message();
        String[] fields = pattern.fieldValues(message, transformation.fieldRequests());
        return fields == null ? Resolution.NO_MATCH : transformation.resolve(event.timestamp(), message, fields);
    }

    /** The selectors of the JSON fields the value and dimensions read ({@code $.latency}), in order. */
    List<Selector> jsonSelectors() {
        return transformation.jsonSelectors();
    }

    /** Builds a {@link MetricFilter}. Not thread-safe; the filters it builds are. */
    public static final class Builder {
        private String filterName;
        private String filterPattern;
        private FilterOptions options = FilterOptions.defaults();
        private String metricNamespace;
        private String metricName;
        private String metricValue = "1";
        private Double defaultValue;
        private final Map<String, String> dimensions = new LinkedHashMap<>();
        private StandardUnit unit = StandardUnit.NONE;

        private Builder() {
        }

        /** The filter's name: 1 to 512 characters, no {@code :} or {@code *}. */
        public Builder filterName(String value) {
            filterName = value;
            return this;
        }

        /** The filter pattern (required). */
        public Builder filterPattern(String value) {
            filterPattern = value;
            return this;
        }

        /** The options to compile the pattern with and the behaviours to follow. */
        public Builder options(FilterOptions value) {
            options = Objects.requireNonNull(value, "options");
            return this;
        }

        /** The metric's namespace: 1 to 255 characters, none of {@code : * $}. */
        public Builder metricNamespace(String value) {
            metricNamespace = value;
            return this;
        }

        /** The metric's name: 1 to 255 characters, none of {@code : * $}. */
        public Builder metricName(String value) {
            metricName = value;
            return this;
        }

        /**
         * What a match publishes: a number ({@code "1"}), a JSON selector ({@code "$.latency"}) with a JSON pattern,
         * or a field ({@code "$size"}, {@code "$7"}) with a space-delimited pattern. Default {@code "1"}.
         */
        public Builder metricValue(String value) {
            metricValue = value;
            return this;
        }

        /** What an unmatched event publishes; not allowed with dimensions. */
        public Builder defaultValue(double value) {
            defaultValue = value;
            return this;
        }

        /** Adds a dimension whose value comes from a field: {@code $.field} or {@code $name}. At most 3. */
        public Builder dimension(String name, String valueExpression) {
            dimensions.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(valueExpression, "value"));
            return this;
        }

        /** Sets all dimensions, replacing any added before. */
        public Builder dimensions(Map<String, String> value) {
            dimensions.clear();
            value.forEach(this::dimension);
            return this;
        }

        /** The metric's unit. */
        public Builder unit(StandardUnit value) {
            unit = Objects.requireNonNull(value, "unit");
            return this;
        }

        /**
         * Validates everything as PutMetricFilter does and builds the filter.
         *
         * @throws FilterPatternException   if the pattern is invalid
         * @throws IllegalArgumentException if anything else is
         */
        public MetricFilter build() {
            if (filterPattern == null) {
                throw new IllegalArgumentException("a metric filter needs a filter pattern");
            }
            if (filterName != null) {
                checkName("filterName", filterName, 512, ":*");
            }
            if (metricNamespace != null) {
                checkName("metricNamespace", metricNamespace, 255, ":*$");
            }
            if (metricName != null) {
                checkName("metricName", metricName, 255, ":*$");
            }
            if (defaultValue != null && !Double.isFinite(defaultValue)) {
                throw new IllegalArgumentException("defaultValue must be a finite number, not " + defaultValue);
            }
            FilterPattern pattern = FilterPattern.compile(filterPattern, options);
            Pattern ast = pattern.ast();
            if (metricValue == null || metricValue.isEmpty() || metricValue.length() > 100) {
                throw new IllegalArgumentException("metricValue must be 1 to 100 characters");
            }
            if (!dimensions.isEmpty()) {
                if (defaultValue != null) {
                    throw new IllegalArgumentException("a metric filter with dimensions cannot have a default value"
                            + " (CloudWatch does not allow both)");
                }
                if (dimensions.size() > MAX_DIMENSIONS) {
                    throw new IllegalArgumentException("a metric filter has at most " + MAX_DIMENSIONS
                            + " dimensions, not " + dimensions.size());
                }
                if (!(ast instanceof JsonPattern) && !(ast instanceof DelimitedPattern)) {
                    throw new IllegalArgumentException("dimensions need a JSON or space-delimited filter pattern");
                }
            }
            ValueSources sources = new ValueSources(ast);
            ValueSource value = sources.value("metricValue", metricValue);
            List<ValueSource> dims = new ArrayList<>(dimensions.size());
            for (Map.Entry<String, String> dim : dimensions.entrySet()) {
                checkDimensionName(dim.getKey());
                if (dim.getValue().isEmpty() || dim.getValue().length() > 255) {
                    throw new IllegalArgumentException("dimension '" + dim.getKey() + "' needs a value of 1 to 255"
                            + " characters");
                }
                dims.add(sources.field("dimension '" + dim.getKey() + "'", dim.getValue()));
            }
            return new MetricFilter(this, pattern, sources.transformation(value, List.copyOf(dimensions.keySet()),
                    dims, unit, pattern.evalOptions()));
        }

        private static void checkName(String what, String value, int max, String forbidden) {
            if (value.isEmpty() || value.length() > max) {
                throw new IllegalArgumentException(what + " must be 1 to " + max + " characters, not "
                        + value.length());
            }
            for (char c : forbidden.toCharArray()) {
                if (value.indexOf(c) >= 0) {
                    throw new IllegalArgumentException(what + " '" + value + "' may not contain '" + c + "'");
                }
            }
        }

        private static void checkDimensionName(String name) {
            if (name.isEmpty() || name.length() > 255 || name.isBlank()) {
                throw new IllegalArgumentException("dimension name '" + name + "' must be 1 to 255 characters, not"
                        + " all blank");
            }
            if (name.startsWith(":")) {
                throw new IllegalArgumentException("dimension name '" + name + "' may not start with ':'");
            }
            if (!name.chars().allMatch(c -> c < 128)) {
                throw new IllegalArgumentException("dimension name '" + name + "' must be ASCII");
            }
        }
    }
}
