package dev.cwfilter.definitions;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.cwfilter.MetricFilter;
import dev.cwfilter.metric.AlarmState;
import dev.cwfilter.metric.AlarmStateChange;
import dev.cwfilter.metric.EvaluatedDatapoint;
import dev.cwfilter.metric.MetricAlarm;
import dev.cwfilter.metric.MetricId;
import dev.cwfilter.metric.PeriodStatistics;
import dev.cwfilter.metric.Statistic;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * The JSON document of a log group's run, schema {@value #SCHEMA}: what {@code cwfilter metrics --output json} writes
 * and what the Flink job writes for bounded input, through this one writer, so that the two compare with
 * {@code diff}. The fields are described in docs/cli.md; times are ISO-8601 UTC strings, values JSON numbers, a value
 * that does not exist {@code null}.
 *
 * <p>The entry writers ({@link #writePeriodFields}, {@link #writeTransitionFields}, {@link #writeMetricIdFields}) are
 * public for front ends that stream the document's entries one by one (the Flink job's JSON lines).
 *
 * <p>Immutable and thread-safe.
 *
 * @param logGroupName           the log group run, or empty when not named (written as {@code null})
 * @param period                 the seconds of each entry of {@code metrics[].periods}
 * @param statistics             the statistics of each period entry besides the basic five (SampleCount, Sum,
 *                               Minimum, Maximum, Average, always written), each under its own name
 * @param eventsEvaluated        events that went through the log group
 * @param eventsWithoutTimestamp events left out for want of a timestamp
 * @param metricFilters          one per filter run, in the definitions' order
 * @param metrics                one per metric that received a datapoint, in {@link #METRIC_ORDER} whatever the
 *                               order given (so that the document does not depend on the order events arrived in)
 * @param alarms                 one per alarm evaluated, in the definitions' order
 * @param problems               every definition left out
 * @param inputErrors            inputs that could not be read
 */
public record MetricsDocument(String logGroupName, int period, List<Statistic> statistics, long eventsEvaluated,
                              long eventsWithoutTimestamp, List<Filter> metricFilters, List<Metric> metrics,
                              List<Alarm> alarms, List<DefinitionProblem> problems, List<String> inputErrors) {

    /** The identifier of the document's schema; changes only when a field changes meaning or goes away. */
    public static final String SCHEMA = "cwfilter.metrics/1";

    /** The statistics every period entry holds, in the document's order. */
    public static final List<Statistic> BASIC = List.of(Statistic.SAMPLE_COUNT, Statistic.SUM, Statistic.MINIMUM,
            Statistic.MAXIMUM, Statistic.AVERAGE);

    /**
     * The order of {@code metrics}: by namespace, then metric name, then dimensions compared name by name and value by
     * value in name order (a metric whose dimensions are a prefix of another's first). Strings compare as
     * {@link String#compareTo}.
     */
    public static final Comparator<MetricId> METRIC_ORDER = Comparator.comparing(MetricId::namespace)
            .thenComparing(MetricId::metricName).thenComparing(MetricsDocument::compareDimensions);

    /** The order of a metric's {@code periods}: by start time, then unit (as GetMetricStatistics returns them). */
    public static final Comparator<PeriodStatistics> PERIOD_ORDER = Comparator
            .comparingLong(PeriodStatistics::timestamp).thenComparing(PeriodStatistics::unit);

    /** Checks for null, copies the lists and puts {@code metrics} in {@link #METRIC_ORDER}. */
    public MetricsDocument {
        Objects.requireNonNull(logGroupName, "logGroupName");
        statistics = List.copyOf(statistics);
        metricFilters = List.copyOf(metricFilters);
        metrics = metrics.stream().sorted(Comparator.comparing(Metric::id, METRIC_ORDER)).toList();
        alarms = List.copyOf(alarms);
        problems = List.copyOf(problems);
        inputErrors = List.copyOf(inputErrors);
    }

    /**
     * A metric filter run and what it did.
     *
     * @param definition the filter as defined
     * @param matches    events its pattern matched
     * @param datapoints datapoints it published (values on a match and default values)
     */
    public record Filter(MetricFilterDefinition definition, long matches, long datapoints) {
        /** Checks for null. */
        public Filter {
            Objects.requireNonNull(definition, "definition");
        }
    }

    /**
     * A metric that received datapoints.
     *
     * @param id         its namespace, name and dimension values
     * @param datapoints datapoints stored
     * @param rejected   datapoints refused (a value out of CloudWatch's range)
     * @param periods    each period with data (one per unit), in {@link #PERIOD_ORDER} whatever the order given
     */
    public record Metric(MetricId id, long datapoints, long rejected, List<PeriodStatistics> periods) {
        /** Checks for null, copies the list and puts it in {@link #PERIOD_ORDER}. */
        public Metric {
            Objects.requireNonNull(id, "id");
            periods = periods.stream().sorted(PERIOD_ORDER).toList();
        }
    }

    /**
     * An alarm evaluated and what it did.
     *
     * @param alarm            the alarm
     * @param metric           its metric
     * @param finalState       its state at the end
     * @param finalStateReason the reason of that state
     * @param transitions      every state change, in order
     */
    public record Alarm(MetricAlarm alarm, MetricId metric, AlarmState finalState, String finalStateReason,
                        List<AlarmStateChange> transitions) {
        /** Checks for null and copies the list. */
        public Alarm {
            Objects.requireNonNull(alarm, "alarm");
            Objects.requireNonNull(metric, "metric");
            Objects.requireNonNull(finalState, "finalState");
            Objects.requireNonNull(finalStateReason, "finalStateReason");
            transitions = List.copyOf(transitions);
        }
    }

    private static int compareDimensions(MetricId a, MetricId b) {
        java.util.Iterator<Map.Entry<String, String>> i = a.dimensions().entrySet().iterator();
        java.util.Iterator<Map.Entry<String, String>> j = b.dimensions().entrySet().iterator();
        while (i.hasNext() && j.hasNext()) {
            Map.Entry<String, String> x = i.next();
            Map.Entry<String, String> y = j.next();
            int c = x.getKey().compareTo(y.getKey());
            if (c == 0) {
                c = x.getValue().compareTo(y.getValue());
            }
            if (c != 0) {
                return c;
            }
        }
        return Boolean.compare(i.hasNext(), j.hasNext());
    }

    /** Writes the document as one JSON object (the generator's pretty printer, if any, applies). */
    public void write(JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeStringField("schema", SCHEMA);
        nullable(g, "logGroupName", logGroupName.isEmpty() ? null : logGroupName);
        g.writeNumberField("period", period);
        g.writeObjectFieldStart("events");
        g.writeNumberField("evaluated", eventsEvaluated);
        g.writeNumberField("withoutTimestamp", eventsWithoutTimestamp);
        g.writeEndObject();

        g.writeArrayFieldStart("metricFilters");
        for (Filter filter : metricFilters) {
            writeFilter(g, filter);
        }
        g.writeEndArray();

        List<Statistic> periodStatistics = periodStatistics(statistics);
        g.writeArrayFieldStart("metrics");
        for (Metric m : metrics) {
            g.writeStartObject();
            writeMetricIdFields(g, m.id());
            g.writeNumberField("datapoints", m.datapoints());
            g.writeNumberField("rejected", m.rejected());
            g.writeArrayFieldStart("periods");
            for (PeriodStatistics p : m.periods()) {
                g.writeStartObject();
                writePeriodFields(g, p, periodStatistics);
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();

        g.writeArrayFieldStart("alarms");
        for (Alarm a : alarms) {
            writeAlarm(g, a);
        }
        g.writeEndArray();

        g.writeArrayFieldStart("problems");
        for (DefinitionProblem p : problems) {
            g.writeStartObject();
            g.writeStringField("kind", p.kind().words());
            g.writeStringField("name", p.name());
            g.writeStringField("file", p.file());
            g.writeNumberField("line", p.line());
            g.writeStringField("reason", p.reason());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("inputErrors");
        for (String e : inputErrors) {
            g.writeString(e);
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void writeFilter(JsonGenerator g, Filter filter) throws IOException {
        MetricFilterDefinition d = filter.definition();
        MetricFilter f = d.filter();
        g.writeStartObject();
        g.writeStringField("name", d.name());
        g.writeStringField("filterName", f.filterName().orElse(d.name()));
        nullable(g, "logGroupName", d.logGroupName().orElse(null));
        g.writeStringField("filterPattern", f.pattern().source());
        g.writeStringField("metricNamespace", f.metricNamespace().orElseThrow());
        g.writeStringField("metricName", f.metricName().orElseThrow());
        g.writeStringField("metricValue", f.metricValue());
        number(g, "defaultValue", f.defaultValue());
        g.writeObjectFieldStart("dimensions");
        for (Map.Entry<String, String> e : f.dimensions().entrySet()) {
            g.writeStringField(e.getKey(), e.getValue());
        }
        g.writeEndObject();
        g.writeStringField("unit", f.unit().awsName());
        g.writeNumberField("matches", filter.matches());
        g.writeNumberField("datapoints", filter.datapoints());
        g.writeEndObject();
    }

    private static void writeAlarm(JsonGenerator g, Alarm a) throws IOException {
        MetricAlarm alarm = a.alarm();
        g.writeStartObject();
        g.writeStringField("alarmName", alarm.alarmName());
        writeMetricIdFields(g, a.metric());
        g.writeStringField("statistic", alarm.statistic().awsName());
        g.writeNumberField("period", alarm.periodSeconds());
        g.writeNumberField("evaluationPeriods", alarm.evaluationPeriods());
        g.writeNumberField("datapointsToAlarm", alarm.datapointsToAlarm());
        g.writeNumberField("threshold", alarm.threshold());
        g.writeStringField("comparisonOperator", alarm.comparisonOperator().awsName());
        g.writeStringField("treatMissingData", alarm.treatMissingData().awsName());
        g.writeStringField("finalState", a.finalState().awsName());
        g.writeStringField("finalStateReason", a.finalStateReason());
        g.writeArrayFieldStart("transitions");
        for (AlarmStateChange c : a.transitions()) {
            g.writeStartObject();
            writeTransitionFields(g, c);
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    /**
     * The statistics of a period entry, in the document's order: the basic five, then each other one of
     * {@code statistics} in its order, once.
     */
    public static List<Statistic> periodStatistics(List<Statistic> statistics) {
        List<Statistic> all = new ArrayList<>(BASIC);
        for (Statistic s : statistics) {
            if (!all.contains(s)) {
                all.add(s);
            }
        }
        return List.copyOf(all);
    }

    /**
     * Writes the fields of a period entry ({@code metrics[].periods[]}) into the current object: {@code timestamp}
     * (the period's start), {@code unit}, then each of {@code statistics} in its order, the basic ones in lower
     * camel case ({@code sampleCount}), the others by their name ({@code p99}); {@code null} when the period has no
     * value for it.
     */
    public static void writePeriodFields(JsonGenerator g, PeriodStatistics p, List<Statistic> statistics)
            throws IOException {
        g.writeStringField("timestamp", time(p.timestamp()));
        g.writeStringField("unit", p.unit().awsName());
        for (Statistic s : statistics) {
            number(g, fieldName(s), p.value(s));
        }
    }

    /**
     * Writes the fields of a transition entry ({@code alarms[].transitions[]}) into the current object:
     * {@code timestamp}, {@code oldState}, {@code newState}, {@code reason}, {@code evaluatedDatapoints},
     * {@code actions}.
     */
    public static void writeTransitionFields(JsonGenerator g, AlarmStateChange c) throws IOException {
        g.writeStringField("timestamp", time(c.timestamp()));
        g.writeStringField("oldState", c.oldState().awsName());
        g.writeStringField("newState", c.newState().awsName());
        g.writeStringField("reason", c.reason());
        g.writeArrayFieldStart("evaluatedDatapoints");
        for (EvaluatedDatapoint p : c.evaluatedDatapoints()) {
            g.writeStartObject();
            g.writeStringField("timestamp", time(p.timestamp()));
            number(g, "value", p.value());
            g.writeNumberField("sampleCount", p.sampleCount());
            g.writeStringField("outcome", p.outcome().name());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("actions");
        for (String action : c.actions()) {
            g.writeString(action);
        }
        g.writeEndArray();
    }

    /** Writes {@code namespace}, {@code metricName} and {@code dimensions} (name → value) into the current object. */
    public static void writeMetricIdFields(JsonGenerator g, MetricId id) throws IOException {
        g.writeStringField("namespace", id.namespace());
        g.writeStringField("metricName", id.metricName());
        g.writeObjectFieldStart("dimensions");
        for (Map.Entry<String, String> e : id.dimensions().entrySet()) {
            g.writeStringField(e.getKey(), e.getValue());
        }
        g.writeEndObject();
    }

    /** The field name of a statistic in a period entry: the basic ones in lower camel case, others by their name. */
    public static String fieldName(Statistic s) {
        String name = s.awsName();
        return BASIC.contains(s) ? Character.toLowerCase(name.charAt(0)) + name.substring(1) : name;
    }

    /** An ISO-8601 UTC time, as the document writes times. */
    public static String time(long epochMillis) {
        return Instant.ofEpochMilli(epochMillis).toString();
    }

    private static void nullable(JsonGenerator g, String field, String value) throws IOException {
        if (value == null) {
            g.writeNullField(field);
        } else {
            g.writeStringField(field, value);
        }
    }

    private static void number(JsonGenerator g, String field, OptionalDouble value) throws IOException {
        if (value.isPresent()) {
            g.writeNumberField(field, value.getAsDouble());
        } else {
            g.writeNullField(field);
        }
    }
}
