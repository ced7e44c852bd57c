package dev.cwfilter.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.cwfilter.FilterOptions;
import dev.cwfilter.LogGroup;
import dev.cwfilter.MetricFilter;
import dev.cwfilter.cli.input.BadEvents;
import dev.cwfilter.cli.input.Event;
import dev.cwfilter.cli.input.EventSource;
import dev.cwfilter.cli.input.Input;
import dev.cwfilter.cli.input.InputFormat;
import dev.cwfilter.cli.input.Progress;
import dev.cwfilter.cli.render.Glyphs;
import dev.cwfilter.cli.render.SvgChart;
import dev.cwfilter.cli.render.Table;
import dev.cwfilter.cli.render.Values;
import dev.cwfilter.definitions.AlarmDefinition;
import dev.cwfilter.definitions.DefinitionProblem;
import dev.cwfilter.definitions.MetricFilterDefinition;
import dev.cwfilter.metric.AlarmEvaluator;
import dev.cwfilter.metric.AlarmState;
import dev.cwfilter.metric.AlarmStateChange;
import dev.cwfilter.metric.EvaluatedDatapoint;
import dev.cwfilter.metric.LogGroupMetrics;
import dev.cwfilter.metric.MetricAggregator;
import dev.cwfilter.metric.MetricAlarm;
import dev.cwfilter.metric.MetricId;
import dev.cwfilter.metric.PeriodStatistics;
import dev.cwfilter.metric.Statistic;
import dev.cwfilter.metric.StatisticsQuery;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code cwfilter metrics --metric-filters FILE [--alarms FILE] INPUT...}: a log group's metric filters, read from the
 * definitions users already have, run over the inputs in one pass through one {@link LogGroup} and its
 * {@link LogGroupMetrics}, and every alarm on those metrics replayed on them; printed as a summary, as JSON, and as
 * one SVG chart per metric.
 *
 * <p>Not thread-safe: one instance per command invocation.
 */
final class LogGroupRun {

    /** The identifier of the JSON document's schema; changes only when a field changes meaning or goes away. */
    static final String SCHEMA = "cwfilter.metrics/1";

    private static final JsonFactory JSON = JsonFactory.builder().build();
    private static final List<Statistic> BASIC = List.of(Statistic.SAMPLE_COUNT, Statistic.SUM, Statistic.MINIMUM,
            Statistic.MAXIMUM, Statistic.AVERAGE);

    /** What the command line asks for. */
    record Settings(List<String> metricFilterFiles, List<String> alarmFiles, String logGroup, boolean json, Path chartDir,
                    int period, Statistic statistic, FilterOptions options) {
    }

    private final Settings settings;
    private final PrintWriter out;
    private final PrintWriter err;
    private final Glyphs glyphs;
    private final Aws aws;
    private LogGroupDefinitions definitions;
    private int code = ExitCodes.OK;

    /**
     * What the run takes from an AWS account, when the command line asks: definitions ({@code log-group:NAME},
     * {@code account}), events ({@code s3://} inputs, a log group), alarm listeners (SNS notifications), and what is
     * done with the metrics afterwards (PutMetricData). Each returns an exit code (0 when all went well).
     */
    interface Aws extends LogGroupDefinitions.Account {
        /** Reads the events from AWS into {@code sink}. */
        int events(java.util.function.Consumer<dev.cwfilter.LogEvent> sink);

        /** Listeners of every alarm's transitions. */
        List<dev.cwfilter.metric.AlarmListener> alarmListeners();

        /** Told of every datapoint the log group's filters publish (EMF lines, say); null for none. */
        default LogGroup.Listener datapoints(LogGroup group) {
            return null;
        }

        /** After the alarms ran and the summary was printed. */
        int after(LogGroupMetrics metrics);
    }

    LogGroupRun(Settings settings, PrintWriter out, PrintWriter err, Glyphs glyphs, Aws aws) {
        this.aws = aws;
        this.settings = settings;
        this.out = out;
        this.err = err;
        this.glyphs = glyphs;
    }

    /** One alarm, its metric and what it did. */
    private record AlarmRun(AlarmDefinition definition, MetricId metric, AlarmEvaluator evaluator,
                            List<AlarmStateChange> changes) {
    }

    int run(List<Input> inputs, InputFormat format, Progress progress, int readers) throws IOException {
        definitions = LogGroupDefinitions.load("metrics", settings.metricFilterFiles, settings.alarmFiles,
                settings.logGroup, settings.options, aws, err);
        code = definitions.code();
        String groupName = definitions.groupName();
        List<MetricFilterDefinition> chosen = definitions.filters();
        LogGroup group = definitions.group();

        LogGroup.Listener datapoints = aws.datapoints(group);
        LogGroupMetrics metrics = datapoints == null ? LogGroupMetrics.of(group)
                : LogGroupMetrics.of(group, dev.cwfilter.metric.MetricAggregator.builder(), datapoints);
        EventSource source = new EventSource(inputs, format, settings.options.maxEventBytes(), progress, readers);
        BadEvents bad = source.badEvents();
        long[] withoutTime = new long[1];
        source.forEach(event -> {
            long t = event.timestamp();
            if (t == Event.NO_TIMESTAMP) {
                bad.add(BadEvents.Kind.NO_TIMESTAMP, event.source(), event.position(), null);
                withoutTime[0]++;
            } else {
                metrics.accept(t, event.bytes(), event.offset(), event.length());
            }
            return true;
        });
        code = Math.max(code, aws.events(metrics::accept));
        metrics.flush();

        List<AlarmRun> alarms = evaluateAlarms(metrics);
        definitions.reportAccountAlarmsElsewhere();
        if (settings.json) {
            writeJson(groupName, chosen, metrics, alarms, withoutTime[0], source.errors());
        } else {
            printSummary(groupName, chosen, metrics, alarms);
        }
        if (settings.chartDir != null) {
            writeCharts(metrics, alarms, chosen);
        }
        code = Math.max(code, aws.after(metrics));
        out.flush();
        definitions.report();
        int read = Reports.print(err, source, settings.options.maxEventBytes(), "left out (a metric needs"
                + " timestamps)");
        // A bad definition is the command line's fault (exit 2) even though everything else ran; then inputs.
        if (code == ExitCodes.USAGE || !definitions.problems().isEmpty()) {
            return ExitCodes.USAGE;
        }
        return code == ExitCodes.IO_ERROR ? code : read;
    }

    private List<AlarmRun> evaluateAlarms(LogGroupMetrics metrics) {
        List<AlarmRun> runs = new ArrayList<>();
        for (LogGroupDefinitions.AlarmOn a : definitions.alarms()) {
            AlarmEvaluator evaluator = new AlarmEvaluator(a.alarm(), metrics.metric(a.metric()),
                    aws.alarmListeners().toArray(new dev.cwfilter.metric.AlarmListener[0]));
            runs.add(new AlarmRun(a.definition(), a.metric(), evaluator, evaluator.replay()));
        }
        return runs;
    }

    // ------------------------------------------------------------------------------------------------ text summary

    private void printSummary(String groupName, List<MetricFilterDefinition> filters, LogGroupMetrics metrics,
                              List<AlarmRun> alarms) {
        out.println("Log group  " + (groupName.isEmpty() ? "(not named)" : groupName) + ": " + filters.size()
                + (filters.size() == 1 ? " metric filter, " : " metric filters, ") + alarms.size()
                + (alarms.size() == 1 ? " alarm" : " alarms") + "; " + metrics.eventCount() + " events");
        out.println();
        Table table = new Table("metric filter", ">matches", ">datapoints", "metric");
        for (int i = 0; i < filters.size(); i++) {
            MetricFilter f = filters.get(i).filter();
            table.row(filters.get(i).name(), Long.toString(metrics.matchCount(i)),
                    Long.toString(metrics.datapointCount(i)), f.metricNamespace().orElseThrow() + " / "
                            + f.metricName().orElseThrow() + (f.dimensions().isEmpty() ? "" : " by "
                            + String.join(", ", f.dimensions().keySet())));
        }
        table.lines("  ").forEach(out::println);

        Statistic stat = settings.statistic;
        for (Map.Entry<MetricId, MetricAggregator> e : metrics.metrics().entrySet()) {
            out.println();
            out.println("Metric " + e.getKey() + ": " + stat.awsName() + " per " + settings.period + " s");
            Table t = new Table("period start (UTC)", ">" + stat.awsName(), ">SampleCount");
            for (PeriodStatistics p : periods(e.getValue(), stat)) {
                t.row(CliTime.MINUTE.format(Instant.ofEpochMilli(p.timestamp())),
                        p.value(stat).isPresent() ? Values.format(p.value(stat).getAsDouble()) : "(unavailable)",
                        Values.format(p.value(Statistic.SAMPLE_COUNT).orElse(0)));
            }
            t.lines("  ").forEach(out::println);
        }
        for (AlarmRun a : alarms) {
            MetricAlarm alarm = a.definition.alarm();
            long toAlarm = a.changes.stream().filter(c -> c.newState() == AlarmState.ALARM).count();
            out.println();
            out.println("Alarm \"" + alarm.alarmName() + "\" on " + a.metric + ": " + alarm.statistic().awsName()
                    + " " + alarm.comparisonOperator().awsName() + " " + Values.format(alarm.threshold()) + " for "
                    + alarm.datapointsToAlarm() + " of " + alarm.evaluationPeriods() + " periods of "
                    + alarm.periodSeconds() + " s; " + a.changes.size() + (a.changes.size() == 1 ? " transition"
                    : " transitions") + ", " + toAlarm + " to ALARM");
            for (String line : AlarmLines.transitions(a.changes, glyphs, CliTime.MINUTE)) {
                out.println("  " + line);
            }
            out.println("  final state: " + a.evaluator.state().awsName());
        }
    }

    /** The metric's periods with data, at the summary's period, with the basic statistics and the chosen one. */
    private List<PeriodStatistics> periods(MetricAggregator metric, Statistic stat) {
        if (metric.earliestTimestamp().isEmpty()) {
            return List.of();
        }
        long periodMillis = settings.period * 1000L;
        long from = Math.floorDiv(metric.earliestTimestamp().getAsLong(), periodMillis) * periodMillis;
        long to = metric.latestTimestamp().getAsLong() + 1;
        List<Statistic> stats = new ArrayList<>(BASIC);
        if (!stats.contains(stat)) {
            stats.add(stat);
        }
        // Without a unit, data of several units comes back as one datapoint per unit, as GetMetricStatistics does.
        return metric.getMetricStatistics(new StatisticsQuery(from, to, settings.period, stats, Optional.empty()));
    }

    // ------------------------------------------------------------------------------------------------ JSON

    private void writeJson(String groupName, List<MetricFilterDefinition> filters, LogGroupMetrics metrics,
                           List<AlarmRun> alarms, long withoutTime, List<String> inputErrors) throws IOException {
        JsonGenerator g = JSON.createGenerator(out);
        g.useDefaultPrettyPrinter();
        g.writeStartObject();
        g.writeStringField("schema", SCHEMA);
        if (groupName.isEmpty()) {
            g.writeNullField("logGroupName");
        } else {
            g.writeStringField("logGroupName", groupName);
        }
        g.writeNumberField("period", settings.period);
        g.writeObjectFieldStart("events");
        g.writeNumberField("evaluated", metrics.eventCount());
        g.writeNumberField("withoutTimestamp", withoutTime);
        g.writeEndObject();

        g.writeArrayFieldStart("metricFilters");
        for (int i = 0; i < filters.size(); i++) {
            MetricFilterDefinition d = filters.get(i);
            MetricFilter f = d.filter();
            g.writeStartObject();
            g.writeStringField("name", d.name());
            g.writeStringField("filterName", f.filterName().orElse(d.name()));
            nullable(g, "logGroupName", d.logGroupName().orElse(null));
            g.writeStringField("filterPattern", f.pattern().source());
            g.writeStringField("metricNamespace", f.metricNamespace().orElseThrow());
            g.writeStringField("metricName", f.metricName().orElseThrow());
            g.writeStringField("metricValue", f.metricValue());
            if (f.defaultValue().isPresent()) {
                g.writeNumberField("defaultValue", f.defaultValue().getAsDouble());
            } else {
                g.writeNullField("defaultValue");
            }
            g.writeObjectFieldStart("dimensions");
            for (Map.Entry<String, String> e : f.dimensions().entrySet()) {
                g.writeStringField(e.getKey(), e.getValue());
            }
            g.writeEndObject();
            g.writeStringField("unit", f.unit().awsName());
            g.writeNumberField("matches", metrics.matchCount(i));
            g.writeNumberField("datapoints", metrics.datapointCount(i));
            g.writeEndObject();
        }
        g.writeEndArray();

        g.writeArrayFieldStart("metrics");
        for (Map.Entry<MetricId, MetricAggregator> e : metrics.metrics().entrySet()) {
            MetricAggregator m = e.getValue();
            g.writeStartObject();
            writeMetricId(g, e.getKey());
            g.writeNumberField("datapoints", m.acceptedCount());
            g.writeNumberField("rejected", m.rejectedCount());
            g.writeArrayFieldStart("periods");
            for (PeriodStatistics p : periods(m, settings.statistic)) {
                g.writeStartObject();
                g.writeStringField("timestamp", Instant.ofEpochMilli(p.timestamp()).toString());
                g.writeStringField("unit", p.unit().awsName());
                for (Statistic s : BASIC) {
                    number(g, key(s), p.value(s));
                }
                if (!BASIC.contains(settings.statistic)) {
                    number(g, settings.statistic.awsName(), p.value(settings.statistic));
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();

        g.writeArrayFieldStart("alarms");
        for (AlarmRun a : alarms) {
            MetricAlarm alarm = a.definition.alarm();
            g.writeStartObject();
            g.writeStringField("alarmName", alarm.alarmName());
            writeMetricId(g, a.metric);
            g.writeStringField("statistic", alarm.statistic().awsName());
            g.writeNumberField("period", alarm.periodSeconds());
            g.writeNumberField("evaluationPeriods", alarm.evaluationPeriods());
            g.writeNumberField("datapointsToAlarm", alarm.datapointsToAlarm());
            g.writeNumberField("threshold", alarm.threshold());
            g.writeStringField("comparisonOperator", alarm.comparisonOperator().awsName());
            g.writeStringField("treatMissingData", alarm.treatMissingData().awsName());
            g.writeStringField("finalState", a.evaluator.state().awsName());
            g.writeStringField("finalStateReason", a.evaluator.stateReason());
            g.writeArrayFieldStart("transitions");
            for (AlarmStateChange c : a.changes) {
                g.writeStartObject();
                g.writeStringField("timestamp", Instant.ofEpochMilli(c.timestamp()).toString());
                g.writeStringField("oldState", c.oldState().awsName());
                g.writeStringField("newState", c.newState().awsName());
                g.writeStringField("reason", c.reason());
                g.writeArrayFieldStart("evaluatedDatapoints");
                for (EvaluatedDatapoint p : c.evaluatedDatapoints()) {
                    g.writeStartObject();
                    g.writeStringField("timestamp", Instant.ofEpochMilli(p.timestamp()).toString());
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
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();

        g.writeArrayFieldStart("problems");
        for (DefinitionProblem p : definitions.problems()) {
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
        g.flush();
        out.println();
    }

    private static String key(Statistic s) {
        String name = s.awsName();
        return Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }

    private static void writeMetricId(JsonGenerator g, MetricId id) throws IOException {
        g.writeStringField("namespace", id.namespace());
        g.writeStringField("metricName", id.metricName());
        g.writeObjectFieldStart("dimensions");
        for (Map.Entry<String, String> e : id.dimensions().entrySet()) {
            g.writeStringField(e.getKey(), e.getValue());
        }
        g.writeEndObject();
    }

    private static void nullable(JsonGenerator g, String field, String value) throws IOException {
        if (value == null) {
            g.writeNullField(field);
        } else {
            g.writeStringField(field, value);
        }
    }

    private static void number(JsonGenerator g, String field, java.util.OptionalDouble value) throws IOException {
        if (value.isPresent()) {
            g.writeNumberField(field, value.getAsDouble());
        } else {
            g.writeNullField(field);
        }
    }

    // ------------------------------------------------------------------------------------------------ charts

    /** The chart's subtitle: the pattern of each filter that publishes the metric, or null for none. */
    private static String patterns(List<MetricFilterDefinition> filters, MetricId id) {
        List<String> out = new ArrayList<>();
        for (MetricFilterDefinition d : filters) {
            MetricFilter f = d.filter();
            if (f.metricNamespace().filter(id.namespace()::equals).isPresent()
                    && f.metricName().filter(id.metricName()::equals).isPresent()) {
                out.add(d.name() + ": " + f.pattern());
            }
        }
        return out.isEmpty() ? null : (out.size() == 1 ? "Metric filter " : "Metric filters ") + String.join("; ", out);
    }

    private void writeCharts(LogGroupMetrics metrics, List<AlarmRun> alarms, List<MetricFilterDefinition> filters) {
        try {
            Files.createDirectories(settings.chartDir);
        } catch (IOException e) {
            err.println("cwfilter: cannot create the chart directory '" + settings.chartDir + "': " + e.getMessage());
            code = Math.max(code, ExitCodes.IO_ERROR);
            return;
        }
        Set<String> names = new HashSet<>();
        List<String> written = new ArrayList<>();
        for (Map.Entry<MetricId, MetricAggregator> e : metrics.metrics().entrySet()) {
            MetricId id = e.getKey();
            MetricAggregator metric = e.getValue();
            AlarmRun alarm = alarms.stream().filter(a -> a.metric.equals(id)).findFirst().orElse(null);
            Statistic stat = alarm == null ? settings.statistic : alarm.definition.alarm().statistic();
            int period = alarm == null ? settings.period : alarm.definition.alarm().periodSeconds();
            long periodMillis = period * 1000L;
            long from = Math.floorDiv(metric.earliestTimestamp().getAsLong(), periodMillis) * periodMillis;
            long to = Math.floorDiv(metric.latestTimestamp().getAsLong(), periodMillis) * periodMillis + periodMillis;
            List<Long> times = new ArrayList<>();
            List<Double> values = new ArrayList<>();
            for (PeriodStatistics p : metric.getMetricStatistics(StatisticsQuery.of(from, to, period, stat))) {
                if (p.value(stat).isPresent()) {
                    times.add(p.timestamp());
                    values.add(p.value(stat).getAsDouble());
                }
            }
            List<SvgChart.Interval> intervals = new ArrayList<>();
            double threshold = Double.NaN;
            String label = "";
            if (alarm != null) {
                MetricAlarm a = alarm.definition.alarm();
                threshold = a.threshold();
                label = "\"" + a.alarmName() + "\" threshold " + a.comparisonOperator().awsName() + " "
                        + Values.format(a.threshold());
                intervals.addAll(SvgChart.stateIntervals(alarm.changes));
            }
            String svg = SvgChart.render(id + " " + glyphs.dash() + " " + stat.awsName() + " per " + period + " s",
                    patterns(filters, id), List.of(new SvgChart.Series(id.metricName() + " (" + stat.awsName() + ")",
                            times.stream().mapToLong(Long::longValue).toArray(),
                            values.stream().mapToDouble(Double::doubleValue).toArray())),
                    periodMillis, threshold, label, intervals, from, to);
            String name = fileName(id, names);
            Path file = settings.chartDir.resolve(name);
            try {
                Files.writeString(file, svg, StandardCharsets.UTF_8);
                written.add(file.toString());
            } catch (IOException ex) {
                err.println("cwfilter: cannot write the chart '" + file + "': " + ex.getMessage());
                code = Math.max(code, ExitCodes.IO_ERROR);
            }
        }
        if (!settings.json && !written.isEmpty()) {
            out.println();
            out.println(written.size() + (written.size() == 1 ? " chart" : " charts") + " written to "
                    + settings.chartDir);
        }
    }

    /** {@code Namespace_Metric_Name[_Dim=value...].svg}, safe on every file system and unique in the directory. */
    static String fileName(MetricId id, Set<String> taken) {
        StringBuilder sb = new StringBuilder(id.namespace()).append('_').append(id.metricName());
        id.dimensions().forEach((k, v) -> sb.append('_').append(k).append('=').append(v));
        String base = sb.toString().replaceAll("[^A-Za-z0-9._=-]+", "_");
        if (base.length() > 120) {
            base = base.substring(0, 120);
        }
        String name = base + ".svg";
        for (int n = 2; !taken.add(name.toLowerCase(java.util.Locale.ROOT)); n++) {
            name = base + "-" + n + ".svg";
        }
        return name;
    }
}
