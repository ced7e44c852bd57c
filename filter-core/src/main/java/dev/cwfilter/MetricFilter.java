package dev.cwfilter;

import dev.cwfilter.ast.DelimitedField;
import dev.cwfilter.ast.DelimitedPattern;
import dev.cwfilter.ast.JsonPattern;
import dev.cwfilter.ast.JsonTest;
import dev.cwfilter.ast.Lexical;
import dev.cwfilter.ast.Pattern;
import dev.cwfilter.ast.Selector;
import dev.cwfilter.internal.compile.Compiler;
import dev.cwfilter.internal.compile.EvalOptions;
import dev.cwfilter.internal.eval.FieldRequest;
import dev.cwfilter.internal.eval.Numbers;
import dev.cwfilter.internal.eval.json.JsonFieldReader;
import dev.cwfilter.io.JsonString;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;
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

    private static final long MINUTE_MILLIS = 60_000;

    private final String filterName;
    private final FilterPattern pattern;
    private final String metricNamespace;
    private final String metricName;
    private final String metricValue;
    private final Double defaultValue;
    private final Map<String, String> dimensions;
    private final StandardUnit unit;
    private final Source valueSource;
    private final Source[] dimensionSources;
    private final List<FieldRequest> fieldRequests;
    private final JsonFieldReader jsonFields;

    private MetricFilter(Builder b, FilterPattern pattern, Source valueSource, Source[] dimensionSources,
                         List<FieldRequest> fieldRequests, JsonFieldReader jsonFields) {
        this.filterName = b.filterName;
        this.pattern = pattern;
        this.metricNamespace = b.metricNamespace;
        this.metricName = b.metricName;
        this.metricValue = b.metricValue;
        this.defaultValue = b.defaultValue;
        this.dimensions = Collections.unmodifiableMap(new LinkedHashMap<>(b.dimensions));
        this.unit = b.unit;
        this.valueSource = valueSource;
        this.dimensionSources = dimensionSources;
        this.fieldRequests = List.copyOf(fieldRequests);
        this.jsonFields = jsonFields;
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
        if (r.matched) {
            return Optional.ofNullable(r.datapoint);
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
        private final Consumer<Datapoint> sink;
        private final TreeMap<Long, Boolean> minuteHadMatch = new TreeMap<>();

        private Emitter(Consumer<Datapoint> sink) {
            this.sink = sink;
        }

        /** Evaluates one event and sends what it publishes. */
        @Override
        public void accept(LogEvent event) {
            offer(event);
        }

        /** {@link #accept(LogEvent)}, answering whether the event matched the filter's pattern. */
        boolean offer(LogEvent event) {
            Resolution r = resolve(event);
            if (r.datapoint != null) {
                sink.accept(r.datapoint);
            }
            if (defaultValue == null) {
                return r.matched;
            }
            if (options().defaultValueMode() == DefaultValueMode.EVERY_UNMATCHED_EVENT) {
                if (!r.matched) {
                    sink.accept(new Datapoint(event.timestamp(), defaultValue, unit, Map.of()));
                }
            } else {
                minuteHadMatch.merge(Math.floorDiv(event.timestamp(), MINUTE_MILLIS) * MINUTE_MILLIS, r.matched,
                        Boolean::logicalOr);
            }
            return r.matched;
        }

        /**
         * Sends the per-minute defaults of the minutes seen so far that had events but no match, stamped with the
         * minute's start, and forgets those minutes.
         */
        public void flush() {
            flush(minuteHadMatch.entrySet().iterator());
        }

        /**
         * {@link #flush()} for the minutes that end at or before {@code time} only: a live caller flushes the minutes
         * no event can join any more and keeps the others open.
         */
        public void flushBefore(long time) {
            if (time - MINUTE_MILLIS > time) {
                return;
            }
            flush(minuteHadMatch.headMap(time - MINUTE_MILLIS, true).entrySet().iterator());
        }

        private void flush(Iterator<Map.Entry<Long, Boolean>> minutes) {
            while (minutes.hasNext()) {
                Map.Entry<Long, Boolean> minute = minutes.next();
                if (!minute.getValue()) {
                    sink.accept(new Datapoint(minute.getKey(), defaultValue, unit, Map.of()));
                }
                minutes.remove();
            }
        }
    }

    private Resolution resolve(LogEvent event) {
        String message = event.message();
        String[] fields = pattern.fieldValues(message, fieldRequests);
        if (fields == null) {
            return Resolution.NO_MATCH;
        }
        String[] json = jsonFields == null ? null : jsonFields.read(message);
        String valueText = valueSource.text(fields, json);
        if (valueText == null) {
            return Resolution.MATCH_WITHOUT_DATAPOINT;
        }
        char[] chars = valueText.toCharArray();
        double value = Numbers.parseDouble(chars, 0, chars.length);
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return Resolution.MATCH_WITHOUT_DATAPOINT;
        }
        Map<String, String> dims = new LinkedHashMap<>();
        int i = 0;
        for (String name : dimensions.keySet()) {
            String text = dimensionSources[i++].text(fields, json);
            if (text == null) {
                return Resolution.MATCH_WITHOUT_DATAPOINT;
            }
            dims.put(name, text);
        }
        return new Resolution(true, new Datapoint(event.timestamp(), value, unit, dims));
    }

    private record Resolution(boolean matched, Datapoint datapoint) {
        static final Resolution NO_MATCH = new Resolution(false, null);
        static final Resolution MATCH_WITHOUT_DATAPOINT = new Resolution(true, null);
    }

    /** Where a metric value or dimension value comes from. */
    private interface Source {
        /**
         * The text, or null if the event does not have it.
         *
         * @param fields     the values of the filter's field requests, in order
         * @param jsonValues the values of the filter's JSON selectors, in order
         */
        String text(String[] fields, String[] jsonValues);
    }

    private record Literal(String text) implements Source {
        @Override
        public String text(String[] fields, String[] jsonValues) {
            return text;
        }
    }

    private record JsonField(int index) implements Source {
        @Override
        public String text(String[] fields, String[] jsonValues) {
            return jsonValues[index];
        }
    }

    /** {@code $name} or {@code $N}: the value of one of the filter's field requests. */
    private record RequestedField(int request) implements Source {
        @Override
        public String text(String[] fields, String[] jsonValues) {
            return fields[request];
        }
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
            List<Selector> selectors = new ArrayList<>();
            List<FieldRequest> requests = new ArrayList<>();
            Source value = Lexical.isNumber(metricValue) && Double.isFinite(Numbers.parseDouble(metricValue))
                    ? new Literal(metricValue)
                    : fieldSource("metricValue", metricValue, ast, selectors, requests);
            Source[] dims = new Source[dimensions.size()];
            int i = 0;
            for (Map.Entry<String, String> dim : dimensions.entrySet()) {
                checkDimensionName(dim.getKey());
                if (dim.getValue().isEmpty() || dim.getValue().length() > 255) {
                    throw new IllegalArgumentException("dimension '" + dim.getKey() + "' needs a value of 1 to 255"
                            + " characters");
                }
                dims[i++] = fieldSource("dimension '" + dim.getKey() + "'", dim.getValue(), ast, selectors,
                        requests);
            }
            JsonFieldReader reader = selectors.isEmpty() ? null : new JsonFieldReader(selectors,
                    Compiler.jsonFactoryFor(new EvalOptions(options.lenientJsonPrefix(), options.exactFieldCount(),
                            options.maxEventNestingDepth(), options.maxEventBytes())),
                    options.lenientJsonPrefix());
            return new MetricFilter(this, pattern, value, dims, requests, reader);
        }

        private static Source fieldSource(String what, String expression, Pattern ast, List<Selector> selectors,
                                          List<FieldRequest> requests) {
            if (expression.startsWith("$.") || expression.startsWith("$[")) {
                if (!(ast instanceof JsonPattern)) {
                    throw new IllegalArgumentException(what + " '" + expression + "' selects a JSON field: it needs"
                            + " a JSON filter pattern");
                }
                ParsedPattern parsed = FilterPattern.parse("{ " + expression + " NOT EXISTS }");
                if (!parsed.isValid() || !(parsed.ast().get() instanceof JsonPattern json)
                        || !(json.expression() instanceof JsonTest test)) {
                    throw new IllegalArgumentException(what + " '" + expression + "' is not a valid JSON selector"
                            + (parsed.isValid() ? "" : ": " + parsed.issues().get(0).message()));
                }
                if (test.selector().wildcardCount() > 0) {
                    throw new IllegalArgumentException(what + " '" + expression + "' has a wildcard: it must select"
                            + " one field");
                }
                selectors.add(test.selector());
                return new JsonField(selectors.size() - 1);
            }
            if (expression.startsWith("$") && expression.length() > 1) {
                String name = expression.substring(1);
                if (!(ast instanceof DelimitedPattern delimited)) {
                    throw new IllegalArgumentException(what + " '" + expression + "' names a space-delimited field:"
                            + " it needs a space-delimited filter pattern");
                }
                if (name.chars().allMatch(c -> c >= '0' && c <= '9')) {
                    int position = Integer.parseInt(name.length() > 9 ? "999999999" : name);
                    if (position < 1) {
                        throw new IllegalArgumentException(what + " '" + expression + "': fields count from $1");
                    }
                    requests.add(FieldRequest.at(position));
                    return new RequestedField(requests.size() - 1);
                }
                boolean named = delimited.fields().stream()
                        .anyMatch(f -> f instanceof DelimitedField.Named n && n.name().equals(name));
                if (!named) {
                    throw new IllegalArgumentException(what + " '" + expression + "' names no field of the pattern");
                }
                requests.add(FieldRequest.named(name));
                return new RequestedField(requests.size() - 1);
            }
            throw new IllegalArgumentException(what + " '" + expression + "' must be a number, a JSON selector such"
                    + " as $.latency, or a space-delimited field such as $size or $7");
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
