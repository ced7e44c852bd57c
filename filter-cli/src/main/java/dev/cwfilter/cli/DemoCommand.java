package dev.cwfilter.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import dev.cwfilter.FilterOptions;
import dev.cwfilter.LogEvent;
import dev.cwfilter.LogGroup;
import dev.cwfilter.MetricFilter;
import dev.cwfilter.cli.input.EventSource;
import dev.cwfilter.cli.input.Input;
import dev.cwfilter.cli.input.InputFormat;
import dev.cwfilter.cli.input.Progress;
import dev.cwfilter.cli.render.Glyphs;
import dev.cwfilter.cli.render.SvgChart;
import dev.cwfilter.cli.render.Table;
import dev.cwfilter.cli.render.TerminalChart;
import dev.cwfilter.cli.render.Values;
import dev.cwfilter.events.EventBridgeEvent;
import dev.cwfilter.events.EventRule;
import dev.cwfilter.events.EventRuleSet;
import dev.cwfilter.events.RuleMatch;
import dev.cwfilter.events.Target;
import dev.cwfilter.events.TargetInput;
import dev.cwfilter.metric.AlarmComparisonOperator;
import dev.cwfilter.metric.AlarmEmailPrinter;
import dev.cwfilter.metric.AlarmEvaluator;
import dev.cwfilter.metric.AlarmState;
import dev.cwfilter.metric.AlarmStateChange;
import dev.cwfilter.metric.FilterMetrics;
import dev.cwfilter.metric.LogGroupMetrics;
import dev.cwfilter.metric.MetricAggregator;
import dev.cwfilter.metric.MetricAlarm;
import dev.cwfilter.metric.MetricId;
import dev.cwfilter.metric.PeriodStatistics;
import dev.cwfilter.metric.Statistic;
import dev.cwfilter.metric.StatisticsQuery;
import dev.cwfilter.metric.TreatMissingData;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code cwfilter demo}: the seed scenario on the hour of CloudTrail events bundled in the jar. Every number it prints
 * is computed from the events by the library, none is written into the text.
 *
 * <p>Not thread-safe: picocli creates one instance per command line and fills its options.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {
            "Runs the seed scenario on an hour of CloudTrail events bundled in the jar (Secrets Manager activity, as "
                    + "in the CloudWatch tutorial): the metric filter { $.eventName = \"GetSecretValue\" } (value 1, "
                    + "default 0), its matches, its metric as a table and a terminal chart, two alarms on it (Sum over "
                    + "1 minute and Average over 5 minutes, both >= 1) with their transitions and notifications, "
                    + "why only one of them ever fires, the second path: an EventBridge rule on DeleteSecret and "
                    + "RotateSecret with the message its SNS target would receive, and beside the first filter, in the "
                    + "same pass through one log group, the AWS guide's AttemptsToAccessDeletedSecrets filter. No "
                    + "arguments, no network.",
            ""},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:the chart file could not be written"},
        footerHeading = "%nExamples:%n",
        footer = {"  cwfilter demo", "  cwfilter demo --ascii | less", "  cwfilter demo --chart secrets.svg"})
public final class DemoCommand implements Callable<Integer> {

    static final String RESOURCE = "demo/cloudtrail-secrets-hour.json";
    static final String JSON_PATTERN = "{ $.eventName = \"GetSecretValue\" }";
    static final String TERM_PATTERN = "GetSecretValue";
    /** The AWS guide's "AttemptsToAccessDeletedSecrets" metric filter, the seed's second. */
    static final String DELETED_PATTERN = "{ $.eventName = \"GetSecretValue\" && $.errorMessage = \"*secret because it"
            + " was marked for deletion*\" }";
    static final String DELETED_FILTER = "AttemptsToAccessDeletedSecrets";
    static final String DELETED_METRIC = "Attempts to access deleted secrets";
    static final String LOG_GROUP = "CloudTrail/DefaultLogGroup";
    static final String NAMESPACE = "SecurityMetrics";
    static final String METRIC = "Secret is accessed";
    static final String TOPIC = "arn:aws:sns:us-east-1:123456789012:SecretAccessAlerts";
    /** The seed scenario's EventBridge rule (issue 18). */
    static final String RULE_NAME = "secret-delete-or-rotate";
    static final String RULE_PATTERN = "{\"source\":[\"aws.secretsmanager\"],\"detail-type\":[\"AWS API Call via"
            + " CloudTrail\"],\"detail\":{\"eventName\":[\"DeleteSecret\",\"RotateSecret\"]}}";
    static final String RULE_TOPIC = "arn:aws:sns:us-east-1:123456789012:SecretChangeAlerts";
    static final String RULE_TEMPLATE = "\"<who> called <name> on <secret> at <time> (rule <aws.events.rule-name>)\"";
    private static final long MINUTE = 60_000;

    @ParentCommand
    private CwfilterCommand parent;

    @Spec
    private CommandSpec spec;

    @Option(names = "--ascii", description = "Draw with plain ASCII instead of Unicode block characters (chosen "
            + "automatically when the locale is not UTF-8).")
    private boolean ascii;

    @Option(names = "--chart", paramLabel = "FILE.svg", description = "Also write the seed's chart as an SVG file: "
            + "the Sum per minute of the metric, the pattern, the Sum alarm's threshold and its states (ALARM, "
            + "INSUFFICIENT_DATA, OK), as `cwfilter metrics --chart` draws them.")
    private Path chart;

    @Override
    public Integer call() throws IOException {
        long started = System.nanoTime();
        PrintWriter out = spec.commandLine().getOut();
        Glyphs g = ascii || !parent.environment().unicode() ? Glyphs.ASCII : Glyphs.UNICODE;
        List<LogEvent> events = bundledEvents();

        MetricFilter jsonFilter = secretIsAccessed(JSON_PATTERN);
        MetricFilter deletedFilter = deletedSecrets();
        MetricFilter termFilter = secretIsAccessed(TERM_PATTERN);
        // Both filters of the log group run together, as CloudWatch runs them: one pass over the events.
        LogGroup group = LogGroup.builder().name(LOG_GROUP).metricFilter(jsonFilter).metricFilter(deletedFilter)
                .build();
        LogGroupMetrics groupMetrics = LogGroupMetrics.of(group).acceptAll(events);
        FilterMetrics termMetrics = FilterMetrics.of(termFilter).acceptAll(events);
        MetricAggregator metric = groupMetrics.metric(MetricId.of(NAMESPACE, METRIC));
        long start = Math.floorDiv(events.get(0).timestamp(), 5 * MINUTE) * 5 * MINUTE;
        long end = Math.floorDiv(events.get(events.size() - 1).timestamp(), 5 * MINUTE) * 5 * MINUTE + 5 * MINUTE;

        MetricAlarm sumAlarm = alarm(Statistic.SUM, 60);
        MetricAlarm averageAlarm = alarm(Statistic.AVERAGE, 300);
        StringBuilder sumMail = new StringBuilder();
        AlarmEvaluator sum = new AlarmEvaluator(sumAlarm, metric, AlarmEmailPrinter.to(sumMail));
        AlarmEvaluator average = new AlarmEvaluator(averageAlarm, metric);
        List<AlarmStateChange> sumChanges = sum.replay();
        List<AlarmStateChange> averageChanges = average.replay();

        String range = hhmm(start) + g.dash() + hhmm(end);
        out.println("cwfilter demo: the seed scenario, offline");
        out.println();
        out.println("An hour of CloudTrail management events (" + events.size() + " events, "
                + CliTime.MINUTE.format(Instant.ofEpochMilli(start)).substring(0, 10) + " " + range + " UTC, bundled "
                + "in the jar) goes through the metric filter");
        out.println("  pattern  " + JSON_PATTERN);
        out.println("  metric   " + NAMESPACE + " / " + METRIC + ", value 1, default value 0");
        out.println("and two alarms on that metric, both " + g.operators(">=") + " 1 for 1 of 1 datapoints, missing "
                + "data treated as missing:");
        out.println("  \"" + sumAlarm.alarmName() + "\"      Sum over 1 minute");
        out.println("  \"" + averageAlarm.alarmName() + "\"  Average over 5 minutes");

        section(out, "1. The events that match (" + count(jsonFilter, events) + " of " + events.size() + ")");
        Table matches = new Table("time (UTC)", "user", "event", "error");
        for (LogEvent e : events) {
            if (jsonFilter.pattern().matches(e.message())) {
                CloudTrailRecord r = CloudTrailRecord.of(e.message());
                matches.row(hhmmss(e.timestamp()), r.user(), r.eventName(), r.errorCode());
            }
        }
        matches.lines("  ").forEach(out::println);

        section(out, "2. The metric: every event publishes 1 if it matches, else the default value 0");
        List<PeriodStatistics> fiveMinutes = metric.getMetricStatistics(StatisticsQuery.of(start, end, 300,
                Statistic.SAMPLE_COUNT, Statistic.SUM, Statistic.AVERAGE));
        Table table = new Table("period (UTC)", ">events (SampleCount)", ">matches (Sum)", ">Average");
        for (PeriodStatistics p : fiveMinutes) {
            table.row(hhmm(p.timestamp()) + g.dash() + hhmm(p.timestamp() + 5 * MINUTE),
                    Values.format(value(p, Statistic.SAMPLE_COUNT)), Values.format(value(p, Statistic.SUM)),
                    round(value(p, Statistic.AVERAGE)));
        }
        table.lines("  ").forEach(out::println);
        out.println();
        out.println("  Sum per minute (" + g.missing() + " = a minute without any event, so without a datapoint):");
        int minutes = (int) ((end - start) / MINUTE);
        double[] perMinute = new double[minutes];
        java.util.Arrays.fill(perMinute, Double.NaN);
        String[] labels = new String[minutes];
        for (PeriodStatistics p : metric.getMetricStatistics(StatisticsQuery.of(start, end, 60, Statistic.SUM))) {
            perMinute[(int) ((p.timestamp() - start) / MINUTE)] = value(p, Statistic.SUM);
        }
        for (int i = 0; i < minutes; i += 10) {
            labels[i] = hhmm(start + i * MINUTE);
        }
        TerminalChart.render(perMinute, labels, g).forEach(line -> out.println("  " + line));

        section(out, "3. Alarm \"" + sumAlarm.alarmName() + "\": Sum over 1 minute " + g.operators(">=") + " 1");
        AlarmLines.transitions(sumChanges, g, CliTime.HH_MM).forEach(line -> out.println("  " + line));
        out.println("  " + count(sumChanges, AlarmState.ALARM) + " times in ALARM");

        section(out, "4. Alarm \"" + averageAlarm.alarmName() + "\": Average over 5 minutes " + g.operators(">=")
                + " 1");
        AlarmLines.transitions(averageChanges, g, CliTime.HH_MM).forEach(line -> out.println("  " + line));
        out.println("  " + count(averageChanges, AlarmState.ALARM) + " times in ALARM");

        section(out, "5. Notifications (the e-mail of the alarm's SNS topic, " + TOPIC + ")");
        String[] mails = sumMail.toString().split("(?=You are receiving this email)");
        List<AlarmStateChange> toAlarm = new ArrayList<>();
        for (AlarmStateChange c : sumChanges) {
            if (c.newState() == AlarmState.ALARM) {
                toAlarm.add(c);
            }
        }
        if (!toAlarm.isEmpty()) {
            out.println("  \"" + sumAlarm.alarmName() + "\" sends " + toAlarm.size() + " e-mails, one per transition "
                    + "to ALARM. The first:");
            out.println();
            for (String line : mails[0].strip().split("\n", -1)) {
                out.println(("    " + line).stripTrailing());
            }
            out.println();
            List<String> others = new ArrayList<>();
            for (int i = 1; i < toAlarm.size(); i++) {
                others.add(hhmm(toAlarm.get(i).timestamp()));
            }
            if (!others.isEmpty()) {
                out.println("  and the same e-mail at " + String.join(", ", others) + ".");
            }
        }
        long averageAlarms = count(averageChanges, AlarmState.ALARM);
        out.println("  \"" + averageAlarm.alarmName() + "\" sends " + (averageAlarms == 0
                ? "none: it never goes to ALARM." : averageAlarms + "."));

        section(out, "6. Why the Average alarm never fires");
        out.println("  Each event publishes 1 (a match) or 0 (the default value), so a period's Average is the share "
                + "of its events");
        out.println("  that matched, and Sum is the number of matches:");
        double highest = 0;
        for (PeriodStatistics p : fiveMinutes) {
            double matched = value(p, Statistic.SUM);
            if (matched > 0) {
                double avg = value(p, Statistic.AVERAGE);
                highest = Math.max(highest, avg);
                out.println("    " + hhmm(p.timestamp()) + g.dash() + hhmm(p.timestamp() + 5 * MINUTE) + ": "
                        + Values.format(matched) + " of " + Values.format(value(p, Statistic.SAMPLE_COUNT))
                        + " events matched " + g.arrow() + " Average " + round(avg) + ", Sum " + Values.format(matched));
            }
        }
        out.println("  Average " + g.operators(">=") + " 1 needs every event of a 5-minute period to match; the highest"
                + " Average was " + round(highest) + ".");
        out.println("  Sum " + g.operators(">=") + " 1 fires on the first match. For a count metric, alarm on Sum (the "
                + "CloudWatch documentation says the same).");

        section(out, "7. A term is not a field: the pattern " + TERM_PATTERN + " matches " + count(termFilter, events)
                + " events, not " + count(jsonFilter, events));
        for (LogEvent e : events) {
            if (termFilter.pattern().matches(e.message()) && !jsonFilter.pattern().matches(e.message())) {
                CloudTrailRecord r = CloudTrailRecord.of(e.message());
                out.println("  " + hhmmss(e.timestamp()) + "  " + r.user() + "  " + r.eventName() + ": its "
                        + CloudTrailRecord.pathOfText(e.message(), TERM_PATTERN).orElse("text")
                        + " mentions " + TERM_PATTERN + ".");
            }
        }
        out.println("  A term matches anywhere in the message; " + JSON_PATTERN + " looks only at the event name.");
        out.println("  With the term, the Sum alarm would also fire at "
                + extraAlarms(termMetrics.metric(), sumChanges) + ".");

        eventBridgeSection(out, g, events);

        section(out, "9. A second filter in the same pass: " + DELETED_FILTER + " (the AWS guide's)");
        out.println("  pattern  " + DELETED_PATTERN);
        out.println("  metric   " + NAMESPACE + " / " + DELETED_METRIC + ", value 1, default value 0");
        out.println("  Both filters of log group " + LOG_GROUP + " read each of the " + groupMetrics.eventCount()
                + " events once, together.");
        out.println("  " + DELETED_FILTER + " matched " + groupMetrics.matchCount(1) + " of them"
                + (groupMetrics.matchCount(1) == 0 ? "." : ":"));
        Table deleted = new Table("time (UTC)", "user", "event", "secret", "error");
        for (LogEvent e : events) {
            if (deletedFilter.pattern().matches(e.message())) {
                CloudTrailRecord r = CloudTrailRecord.of(e.message());
                deleted.row(hhmmss(e.timestamp()), r.user(), r.eventName(), CloudTrailRecord.secretId(e.message()),
                        r.errorCode());
            }
        }
        if (groupMetrics.matchCount(1) > 0) {
            deleted.lines("    ").forEach(out::println);
        }
        MetricAggregator deletedMetric = groupMetrics.metric(MetricId.of(NAMESPACE, DELETED_METRIC));
        List<String> minutes2 = new ArrayList<>();
        for (PeriodStatistics p : deletedMetric.getMetricStatistics(StatisticsQuery.of(start, end, 60,
                Statistic.SUM))) {
            if (value(p, Statistic.SUM) > 0) {
                minutes2.add(hhmm(p.timestamp()) + " (" + Values.format(value(p, Statistic.SUM)) + ")");
            }
        }
        out.println("  Its metric has " + Values.format(deletedMetric.acceptedCount()) + " datapoints; Sum per minute"
                + " above 0 at " + (minutes2.isEmpty() ? "no minute" : String.join(", ", minutes2)) + ".");
        out.println("  A call to read a secret scheduled for deletion deserves its own alarm: something still uses"
                + " the secret.");

        int code = ExitCodes.OK;
        if (chart != null) {
            code = writeChart(out, metric, sumChanges, start, end);
        }
        out.println();
        out.println(String.format(Locale.ROOT, "Done in %.2f s. Next: cwfilter filter --help, cwfilter metrics "
                + "--help, cwfilter events --help, docs/cli.md", (System.nanoTime() - started) / 1e9));
        out.flush();
        return code;
    }

    /** {@code --chart}: the Sum per minute, the pattern, the Sum alarm's threshold and states, as an SVG file. */
    private int writeChart(PrintWriter out, MetricAggregator metric, List<AlarmStateChange> sumChanges, long start,
                           long end) {
        List<PeriodStatistics> perMinute = metric.getMetricStatistics(StatisticsQuery.of(start, end, 60,
                Statistic.SUM));
        long[] times = new long[perMinute.size()];
        double[] values = new double[perMinute.size()];
        for (int i = 0; i < times.length; i++) {
            times[i] = perMinute.get(i).timestamp();
            values[i] = value(perMinute.get(i), Statistic.SUM);
        }
        String svg = SvgChart.render(NAMESPACE + " / " + METRIC + " \u2014 Sum per 60 s",
                "Metric filter: " + JSON_PATTERN + " (value 1, default 0)",
                List.of(new SvgChart.Series(METRIC + " (Sum)", times, values)), MINUTE, 1,
                "\"" + METRIC + "\" threshold >= 1", SvgChart.stateIntervals(sumChanges), start, end);
        try {
            Files.writeString(chart, svg, StandardCharsets.UTF_8);
        } catch (IOException e) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("cwfilter: cannot write the chart '" + chart + "': " + e.getMessage());
            err.flush();
            return ExitCodes.IO_ERROR;
        }
        out.println();
        out.println("Chart written to " + chart);
        return ExitCodes.OK;
    }

    /** The seed scenario's EventBridge rule, with an SNS target whose input transformer writes one sentence. */
    static EventRule secretChangeRule() {
        Map<String, String> paths = new LinkedHashMap<>();
        paths.put("who", "$.detail.userIdentity.arn");
        paths.put("name", "$.detail.eventName");
        paths.put("secret", "$.detail.requestParameters.secretId");
        paths.put("time", "$.time");
        return EventRule.builder(RULE_NAME).eventPattern(RULE_PATTERN)
                .target(Target.of("notify-sns", RULE_TOPIC).withInputTransformer(paths, RULE_TEMPLATE)).build();
    }

    /** Section 8: the second path of the seed story, an EventBridge rule, through event-ruler. */
    private static void eventBridgeSection(PrintWriter out, Glyphs g, List<LogEvent> events) throws IOException {
        EventRule rule = secretChangeRule();
        EventRule reads = EventRule.of("secret-reads", "{\"detail\":{\"eventName\":[\"GetSecretValue\"]}}");
        EventRuleSet rules = EventRuleSet.of(rule, reads);
        List<RuleMatch> matches = new ArrayList<>();
        long readsKeptOut = 0;
        for (LogEvent e : events) {
            for (RuleMatch m : rules.matchPatterns(EventBridgeEvent.fromCloudTrail(e.message()))) {
                if (m.rule() == rule && m.delivered()) {
                    matches.add(m);
                } else if (m.rule() == reads && !m.delivered()) {
                    readsKeptOut++;
                }
            }
        }
        section(out, "8. The second path: an EventBridge rule on DeleteSecret and RotateSecret");
        out.println("  rule     " + rule.name() + " (" + rule.state() + ")");
        out.println("  pattern  " + rule.eventPattern());
        TargetInput.Transformer t = (TargetInput.Transformer) rule.targets().get(0).input();
        out.println("  target   notify-sns " + g.arrow() + " " + RULE_TOPIC + ", with an input transformer:");
        t.inputPathsMap().forEach((k, v) -> out.println("           <" + k + "> = " + v));
        out.println("           template " + t.inputTemplate());
        out.println("  EventBridge wraps each CloudTrail record in its event (source aws.secretsmanager, detail-type "
                + "from eventType, the");
        out.println("  record as detail) and matches it with event-ruler, the library it uses itself. "
                + matches.size() + " of " + events.size() + " events match:");
        Table table = new Table("time (UTC)", "user", "event", "secret");
        for (RuleMatch m : matches) {
            CloudTrailRecord r = CloudTrailRecord.of(m.event().detailJson());
            table.row(m.event().time().substring(11, 19), r.user(), r.eventName(), secretOf(m.event()));
        }
        table.lines("  ").forEach(out::println);
        out.println();
        out.println("  The SNS topic receives, for each (the exact message):");
        for (RuleMatch m : matches) {
            out.println("    " + m.payloads().get(0).payload().orElseThrow());
        }
        if (!matches.isEmpty()) {
            out.println();
            out.println("  Without the input transformer it would receive the whole event, as EventBridge delivers it;"
                    + " the first, indented:");
            for (String line : pretty(matches.get(0).event().toJson()).split("\n")) {
                out.println("    " + line);
            }
        }
        out.println();
        out.println("  A rule on GetSecretValue in state ENABLED would receive none of the " + readsKeptOut + " reads: "
                + "EventBridge keeps");
        out.println("  read-only calls (List*, Get*, Describe*) for rules in state "
                + "ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS.");
        out.println("  Metric filters see every event.");
    }

    private static String secretOf(EventBridgeEvent event) {
        try (JsonParser p = new JsonFactory().createParser(event.detailJson())) {
            p.nextToken();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                if (name.equals("requestParameters") && p.currentToken() == JsonToken.START_OBJECT) {
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String field = p.currentName();
                        p.nextToken();
                        if (field.equals("secretId") && p.currentToken() == JsonToken.VALUE_STRING) {
                            return p.getText();
                        }
                        p.skipChildren();
                    }
                    return "";
                }
                p.skipChildren();
            }
            return "";
        } catch (IOException e) {
            return "";
        }
    }

    /** JSON text indented two spaces per level, keys and values as they are. */
    static String pretty(String json) throws IOException {
        StringWriter out = new StringWriter();
        JsonFactory factory = new JsonFactory();
        try (JsonParser p = factory.createParser(json); JsonGenerator gen = factory.createGenerator(out)) {
            gen.setPrettyPrinter(new DefaultPrettyPrinter().withObjectIndenter(
                    new DefaultIndenter("  ", "\n")).withArrayIndenter(new DefaultIndenter("  ", "\n")));
            p.nextToken();
            gen.copyCurrentStructure(p);
        }
        return out.toString();
    }

    /** The bundled events, read by the same reader as {@code filter} reads a CloudTrail file. */
    static List<LogEvent> bundledEvents() throws IOException {
        InputStream in = DemoCommand.class.getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IOException("the demo's events are missing from the jar: " + RESOURCE);
        }
        List<LogEvent> events = new ArrayList<>();
        EventSource source = new EventSource(List.of(Input.stream(RESOURCE, in)), InputFormat.AUTO,
                FilterOptions.CLOUDWATCH_MAX_EVENT_BYTES, Progress.none());
        source.forEach(e -> events.add(new LogEvent(e.timestamp(), e.message())));
        if (!source.errors().isEmpty() || !source.badEvents().isEmpty() || events.isEmpty()) {
            throw new IOException("the demo's events could not be read: " + source.errors());
        }
        return events;
    }

    static MetricFilter secretIsAccessed(String pattern) {
        return MetricFilter.builder().filterName("SecretIsAccessed").filterPattern(pattern)
                .metricNamespace(NAMESPACE).metricName(METRIC).metricValue("1").defaultValue(0).build();
    }

    static MetricFilter deletedSecrets() {
        return MetricFilter.builder().filterName(DELETED_FILTER).filterPattern(DELETED_PATTERN)
                .metricNamespace(NAMESPACE).metricName(DELETED_METRIC).metricValue("1").defaultValue(0).build();
    }

    static MetricAlarm alarm(Statistic statistic, int periodSeconds) {
        return MetricAlarm.builder().alarmName(METRIC + " (" + statistic.awsName() + ")")
                .namespace(NAMESPACE).metricName(METRIC)
                .statistic(statistic).periodSeconds(periodSeconds).evaluationPeriods(1).datapointsToAlarm(1)
                .threshold(1).comparisonOperator(AlarmComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
                .treatMissingData(TreatMissingData.MISSING).alarmActions(List.of(TOPIC)).build();
    }

    /** The minutes at which the Sum alarm would go to ALARM on the term pattern's metric and does not on the JSON's. */
    private static String extraAlarms(MetricAggregator termMetric, List<AlarmStateChange> jsonChanges) {
        List<AlarmStateChange> termChanges = new AlarmEvaluator(alarm(Statistic.SUM, 60), termMetric).replay();
        List<String> extra = new ArrayList<>();
        for (AlarmStateChange c : termChanges) {
            if (c.newState() == AlarmState.ALARM && jsonChanges.stream().noneMatch(j ->
                    j.newState() == AlarmState.ALARM && j.timestamp() == c.timestamp())) {
                extra.add(hhmm(c.timestamp()));
            }
        }
        return extra.isEmpty() ? "no other time" : String.join(", ", extra);
    }

    private static void section(PrintWriter out, String title) {
        out.println();
        out.println(title);
    }

    private static long count(MetricFilter filter, List<LogEvent> events) {
        return events.stream().filter(e -> filter.pattern().matches(e.message())).count();
    }

    private static long count(List<AlarmStateChange> changes, AlarmState state) {
        return changes.stream().filter(c -> c.newState() == state).count();
    }

    private static double value(PeriodStatistics p, Statistic s) {
        return p.value(s).orElse(Double.NaN);
    }

    private static String round(double v) {
        return Values.format(Math.round(v * 1000) / 1000.0);
    }

    private static String hhmm(long t) {
        return CliTime.HH_MM.format(Instant.ofEpochMilli(t));
    }

    private static String hhmmss(long t) {
        return CliTime.HH_MM_SS.format(Instant.ofEpochMilli(t));
    }
}
