package dev.cwfilter.testkit;

import dev.cwfilter.Datapoint;
import dev.cwfilter.LogEvent;
import dev.cwfilter.MatchExplanation;
import dev.cwfilter.MetricFilter;
import dev.cwfilter.StandardUnit;
import dev.cwfilter.testkit.internal.Explaining;
import dev.cwfilter.testkit.internal.Facts;
import dev.cwfilter.testkit.internal.FieldReader;
import dev.cwfilter.testkit.internal.FilterDescription;
import dev.cwfilter.testkit.internal.Times;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions about what a metric filter publishes. Start with
 * {@link FilterAssertions#assertThatMetricFilter(MetricFilter)}:
 *
 * <pre>{@code
 * assertThatMetricFilter(filter)
 *         .publishes(1.0).forEvent(getSecretValue)
 *         .publishesDefaultFor(listSecrets)
 *         .publishes(250).withDimension("Service", "orders").withUnit(StandardUnit.MILLISECONDS).forEvent(slow);
 * }</pre>
 *
 * <p>An event given as text is stamped {@code 2026-11-21T12:00:00Z}; give a {@link LogEvent} (for example
 * {@link FilterAssertions#at(String, String)}) where its time matters. Each event is judged alone, as
 * {@link MetricFilter#datapointFor(LogEvent)} judges it.
 *
 * <p>A failure names the filter (and the template and line it came from), the event, what it published and why,
 * and the clauses that decided whether it matched. Not thread-safe, like every AssertJ assertion.
 */
public final class MetricFilterAssert extends AbstractAssert<MetricFilterAssert, MetricFilter> {

    private static final long DEFAULT_TIME = Times.parse("12:00").toEpochMilli();

    private final String source;

    MetricFilterAssert(MetricFilter filter, String source) {
        super(filter, MetricFilterAssert.class);
        this.source = source;
    }

    /** Starts an expectation that an event publishes this value; finish it with {@link Publication#forEvent}. */
    public Publication publishes(double value) {
        isNotNull();
        return new Publication(value);
    }

    /** Asserts that the event publishes the filter's default value (it does not match and the filter has one). */
    public MetricFilterAssert publishesDefaultFor(String event) {
        return publishesDefaultFor(new LogEvent(DEFAULT_TIME, event));
    }

    /** Asserts that the event publishes the filter's default value (it does not match and the filter has one). */
    public MetricFilterAssert publishesDefaultFor(LogEvent event) {
        isNotNull();
        OptionalDouble defaultValue = actual.defaultValue();
        if (defaultValue.isEmpty()) {
            throw new IllegalStateException("publishesDefaultFor: the filter has no default value; use"
                    + " publishesNothingFor(event)");
        }
        Optional<Datapoint> d = actual.datapointFor(event);
        MatchExplanation why = actual.pattern().explain(event.message());
        if (why.matched() || d.isEmpty() || d.get().value() != defaultValue.getAsDouble()) {
            fail(facts("to publish the default value " + defaultValue.getAsDouble(), event, d, why));
        }
        return this;
    }

    /** Asserts that the event publishes nothing. */
    public MetricFilterAssert publishesNothingFor(String event) {
        return publishesNothingFor(new LogEvent(DEFAULT_TIME, event));
    }

    /** Asserts that the event publishes nothing. */
    public MetricFilterAssert publishesNothingFor(LogEvent event) {
        isNotNull();
        Optional<Datapoint> d = actual.datapointFor(event);
        if (d.isPresent()) {
            fail(facts("to publish nothing", event, d, actual.pattern().explain(event.message())));
        }
        return this;
    }

    /** Asserts that the filter's pattern matches the event. */
    public MetricFilterAssert matches(String event) {
        pattern().matches(event);
        return this;
    }

    /** Asserts that the filter's pattern does not match the event. */
    public MetricFilterAssert doesNotMatch(String event) {
        pattern().doesNotMatch(event);
        return this;
    }

    /** Assertions about the filter's pattern, compiled with the filter's options. */
    public PatternAssert pattern() {
        isNotNull();
        return new PatternAssert(actual.pattern().source(), actual.options());
    }

    /** Asserts the metric's namespace and name. */
    public MetricFilterAssert hasMetric(String namespace, String name) {
        isNotNull();
        String actualMetric = actual.metricNamespace().orElse("(none)") + "/" + actual.metricName().orElse("(none)");
        if (!actualMetric.equals(namespace + "/" + name)) {
            fail(new Facts().add("expected", "metric " + namespace + "/" + name).add("filter", describe())
                    .add("source", source).add("actual", "metric " + actualMetric));
        }
        return this;
    }

    /** Asserts the metric's unit ({@link StandardUnit#NONE} if the filter sets none). */
    public MetricFilterAssert hasUnit(StandardUnit unit) {
        isNotNull();
        if (actual.unit() != unit) {
            fail(new Facts().add("expected", "unit " + unit).add("filter", describe()).add("source", source)
                    .add("actual", "unit " + actual.unit()));
        }
        return this;
    }

    /** Asserts the default value. */
    public MetricFilterAssert hasDefaultValue(double value) {
        isNotNull();
        if (actual.defaultValue().isEmpty() || actual.defaultValue().getAsDouble() != value) {
            fail(new Facts().add("expected", "default value " + value).add("filter", describe())
                    .add("source", source).add("actual", actual.defaultValue().isPresent()
                            ? "default value " + actual.defaultValue().getAsDouble() : "no default value"));
        }
        return this;
    }

    /** Asserts that the filter has no default value. */
    public MetricFilterAssert hasNoDefaultValue() {
        isNotNull();
        if (actual.defaultValue().isPresent()) {
            fail(new Facts().add("expected", "no default value").add("filter", describe()).add("source", source)
                    .add("actual", "default value " + actual.defaultValue().getAsDouble()));
        }
        return this;
    }

    /** Asserts the dimension names, in any order. */
    public MetricFilterAssert hasDimensions(String... names) {
        isNotNull();
        if (!new java.util.HashSet<>(List.of(names)).equals(actual.dimensions().keySet())
                || names.length != actual.dimensions().size()) {
            fail(new Facts().add("expected", "dimensions " + List.of(names)).add("filter", describe())
                    .add("source", source).add("actual", "dimensions " + actual.dimensions().keySet()));
        }
        return this;
    }

    private String describe() {
        return FilterDescription.describe(actual);
    }

    private Facts facts(String expectation, LogEvent event, Optional<Datapoint> d, MatchExplanation why) {
        List<String> expressions = new ArrayList<>(actual.dimensions().values());
        expressions.add(actual.metricValue());
        Facts facts = new Facts().add("expected", expectation)
                .add("filter", describe())
                .add("source", source)
                .add("options", Explaining.nonDefaultOptions(actual.options()))
                .add("event", Explaining.event(event.message(), actual.pattern().ast(),
                        FieldReader.selectors(expressions), why))
                .add("published", FilterDescription.published(actual, event, d, why));
        Explaining.addDecision(facts, why);
        return facts;
    }

    private void fail(Facts facts) {
        failWithMessage("%s", facts.toString());
    }

    /**
     * An expectation that an event publishes a value, optionally with dimensions and a unit; checked by
     * {@link #forEvent}. Not thread-safe.
     */
    public final class Publication {
        private final double value;
        private final Map<String, String> dimensions = new LinkedHashMap<>();
        private StandardUnit unit;

        private Publication(double value) {
            this.value = value;
        }

        /** Also expects this dimension value; once any is given, the datapoint's dimensions must be exactly those. */
        public Publication withDimension(String name, String dimensionValue) {
            dimensions.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(dimensionValue, "value"));
            return this;
        }

        /** Also expects exactly these dimension values. */
        public Publication withDimensions(Map<String, String> values) {
            dimensions.clear();
            values.forEach(this::withDimension);
            return this;
        }

        /** Also expects this unit. */
        public Publication withUnit(StandardUnit expected) {
            unit = Objects.requireNonNull(expected, "unit");
            return this;
        }

        /** Checks the expectation for an event stamped {@code 2026-11-21T12:00:00Z}. */
        public MetricFilterAssert forEvent(String event) {
            return forEvent(new LogEvent(DEFAULT_TIME, event));
        }

        /** Checks the expectation for the event. */
        public MetricFilterAssert forEvent(LogEvent event) {
            Optional<Datapoint> d = actual.datapointFor(Objects.requireNonNull(event, "event"));
            boolean ok = d.isPresent() && Double.compare(d.get().value(), value) == 0
                    && (dimensions.isEmpty() || dimensions.equals(d.get().dimensions()))
                    && (unit == null || d.get().unit() == unit);
            if (!ok) {
                fail(facts("to publish " + expectation(), event, d, actual.pattern().explain(event.message())));
            }
            return MetricFilterAssert.this;
        }

        private String expectation() {
            StringBuilder sb = new StringBuilder(String.valueOf(value));
            if (!dimensions.isEmpty()) {
                sb.append(" with dimensions ").append(new java.util.TreeMap<>(dimensions));
            }
            if (unit != null) {
                sb.append(", unit ").append(unit);
            }
            return sb.toString();
        }
    }
}
