package dev.cwfilter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cwfilter.FilterOptions;
import dev.cwfilter.LogEvent;
import dev.cwfilter.LogGroup;
import dev.cwfilter.definitions.DefinitionFiles;
import dev.cwfilter.definitions.MetricFilterDefinition;
import dev.cwfilter.metric.LogGroupMetrics;
import dev.cwfilter.propcheck.Gen;
import dev.cwfilter.propcheck.PropCheck;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cwfilter metrics --metric-filters FILE [--alarms FILE]}: a log group from the definitions users have. */
class MetricsFromDefinitionsTest {

    static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path dir;

    static Path definitions(String name) throws Exception {
        return Path.of(MetricsFromDefinitionsTest.class.getResource("/definitions/" + name).toURI());
    }

    /** The seed hour laid out as CloudTrail writes it to S3: gzipped files of 10 records. */
    Path trail() throws IOException {
        List<String> records = CloudTrailTree.records(Files.readAllBytes(Run.seed()));
        CloudTrailTree.write(dir.resolve("s3"), "us-east-1", records, 10,
                Instant.parse("2026-11-21T12:00:00Z").toEpochMilli(), false);
        return dir.resolve("s3");
    }

    /**
     * The JSON document lists metrics in one order (namespace, name, dimensions) whatever the order the events arrive
     * in: the seed hour's records forwards and backwards give the same bytes.
     */
    @Test
    void theDocumentDoesNotDependOnTheOrderTheEventsArriveIn() throws Exception {
        List<String> records = CloudTrailTree.records(Files.readAllBytes(Run.seed()));
        List<String> backwards = new ArrayList<>(records);
        java.util.Collections.reverse(backwards);
        Path forward = dir.resolve("forward.json");
        Path backward = dir.resolve("backward.json");
        Files.write(forward, CloudTrailTree.document(records));
        Files.write(backward, CloudTrailTree.document(backwards));
        String[] common = {"metrics", "--metric-filters", definitions("metric-filters.json").toString(), "--alarms",
            definitions("alarms.json").toString(), "--output", "json"};
        Run a = Run.of(Stream.concat(Stream.of(common), Stream.of(forward.toString())).toArray(String[]::new));
        Run b = Run.of(Stream.concat(Stream.of(common), Stream.of(backward.toString())).toArray(String[]::new));
        List<String> metrics = new ArrayList<>();
        for (JsonNode m : MAPPER.readTree(a.out()).get("metrics")) {
            metrics.add(m.get("metricName").asText() + " " + m.get("dimensions"));
        }
        assertThat(metrics).containsExactly("Attempts to access deleted secrets {}",
                "Errors {\"Event\":\"GetSecretValue\"}", "Errors {\"Event\":\"PutSecretValue\"}",
                "Secret is accessed {}");
        assertThat(b.out()).isEqualTo(a.out());
    }

    @Test
    void everyFilterRunsInOnePassEveryAlarmOnItsMetricAndBadDefinitionsAreNamedOnStandardError() throws Exception {
        Run run = Run.of("metrics", "--metric-filters", definitions("metric-filters.json").toString(), "--alarms",
                definitions("alarms.json").toString(), trail().toString());
        assertThat(run.code()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.out()).startsWith("Log group  CloudTrail/DefaultLogGroup: 3 metric filters, 2 alarms; 127"
                + " events\n")
                .contains("  SecretIsAccessed                      6         127  SecurityMetrics / Secret is"
                        + " accessed\n")
                .contains("  AttemptsToAccessDeletedSecrets        1         127  SecurityMetrics / Attempts to"
                        + " access deleted secrets\n")
                .contains("  ErrorsByUser                          3           3  SecurityMetrics / Errors by Event\n")
                .contains("Metric SecurityMetrics/Errors{Event=GetSecretValue}: Sum per 60 s")
                .contains("Alarm \"Secret is accessed (Sum)\" on SecurityMetrics/Secret is accessed: Sum"
                        + " GreaterThanOrEqualToThreshold 1 for 1 of 1 periods of 60 s; 12 transitions, 4 to ALARM")
                .contains("  2026-11-21 12:04  OK                → ALARM              Threshold Crossed: 1 out of the last 1"
                        + " datapoints [2.0 (21/11/26 12:03:00)]")
                .contains("Alarm \"Deleted secret read\" on SecurityMetrics/Attempts to access deleted secrets:"
                        + " Maximum GreaterThanOrEqualToThreshold 1 for 1 of 1 periods of 300 s;");
        String metricFilters = definitions("metric-filters.json").toString();
        String alarms = definitions("alarms.json").toString();
        assertThat(run.err()).contains("cwfilter: metric filter 'BrokenPattern' (" + metricFilters + " line 33) left"
                        + " out: the filter pattern is invalid: expected a value after '=', found '}' (line 1, column"
                        + " 17)\n{ $.eventName = }\n                ^\n")
                .contains("cwfilter: metric filter 'MisspeltField' (" + metricFilters + " line 64) left out: unknown"
                        + " field logGroup in a metric filter")
                .contains("cwfilter: alarm 'Math' (" + alarms + " line 49) left out: unsupported: a metric-math"
                        + " alarm")
                .contains("cwfilter: alarm 'Any security alarm' (" + alarms + " line 57) left out: unsupported: a"
                        + " composite alarm")
                .contains("cwfilter: alarm 'Nobody publishes this' (" + alarms + " line 38) left out: its metric"
                        + " SecurityMetrics/Root login is published by no metric filter of the log group");
    }

    @Test
    void theJsonDocumentHoldsEveryCountDatapointAndTransition() throws Exception {
        Run run = Run.of("metrics", "--metric-filters", definitions("metric-filters.json").toString(), "--alarms",
                definitions("alarms.json").toString(), "--output", "json", trail().toString());
        assertThat(run.code()).isEqualTo(ExitCodes.USAGE);
        JsonNode doc = MAPPER.readTree(run.out());
        assertThat(doc.get("schema").asText()).isEqualTo("cwfilter.metrics/1");
        assertThat(doc.get("logGroupName").asText()).isEqualTo("CloudTrail/DefaultLogGroup");
        assertThat(doc.get("period").asInt()).isEqualTo(60);
        assertThat(doc.get("events").get("evaluated").asLong()).isEqualTo(127);
        assertThat(doc.get("events").get("withoutTimestamp").asLong()).isZero();
        JsonNode first = doc.get("metricFilters").get(0);
        assertThat(first.get("filterName").asText()).isEqualTo("SecretIsAccessed");
        assertThat(first.get("filterPattern").asText()).isEqualTo("{ $.eventName = \"GetSecretValue\" }");
        assertThat(first.get("defaultValue").asDouble()).isZero();
        assertThat(first.get("unit").asText()).isEqualTo("None");
        assertThat(first.get("matches").asLong()).isEqualTo(6);
        assertThat(first.get("datapoints").asLong()).isEqualTo(127);
        assertThat(doc.get("metricFilters").get(2).get("dimensions").get("Event").asText()).isEqualTo("$.eventName");
        // Metrics by namespace, name and dimensions: Attempts..., Errors (two events), Secret is accessed.
        JsonNode reads = doc.get("metrics").get(3);
        assertThat(reads.get("namespace").asText()).isEqualTo("SecurityMetrics");
        assertThat(reads.get("metricName").asText()).isEqualTo("Secret is accessed");
        assertThat(reads.get("datapoints").asLong()).isEqualTo(127);
        JsonNode p1203 = null;
        double sampleCounts = 0;
        for (JsonNode p : reads.get("periods")) {
            sampleCounts += p.get("sampleCount").asDouble();
            if (p.get("timestamp").asText().equals("2026-11-21T12:03:00Z")) {
                p1203 = p;
            }
        }
        assertThat(sampleCounts).isEqualTo(127);
        assertThat(p1203.get("sum").asDouble()).isEqualTo(2.0);
        assertThat(p1203.get("maximum").asDouble()).isEqualTo(1.0);
        assertThat(p1203.get("unit").asText()).isEqualTo("None");
        assertThat(doc.get("metrics")).anySatisfy(m -> assertThat(m.path("dimensions").path("Event").asText())
                .isEqualTo("PutSecretValue"));
        JsonNode alarm = doc.get("alarms").get(0);
        assertThat(alarm.get("alarmName").asText()).isEqualTo("Secret is accessed (Sum)");
        assertThat(alarm.get("transitions")).hasSize(12);
        JsonNode toAlarm = alarm.get("transitions").get(1);
        assertThat(toAlarm.get("timestamp").asText()).isEqualTo("2026-11-21T12:04:00Z");
        assertThat(toAlarm.get("oldState").asText()).isEqualTo("OK");
        assertThat(toAlarm.get("newState").asText()).isEqualTo("ALARM");
        assertThat(toAlarm.get("reason").asText()).startsWith("Threshold Crossed: 1 out of the last 1 datapoints");
        assertThat(toAlarm.get("actions").get(0).asText()).isEqualTo("arn:aws:sns:us-east-1:123456789012:"
                + "SecretAccessAlerts");
        assertThat(toAlarm.get("evaluatedDatapoints")).anySatisfy(p -> {
            assertThat(p.get("value").asDouble()).isEqualTo(2.0);
            assertThat(p.get("outcome").asText()).isEqualTo("BREACHING");
        });
        assertThat(alarm.get("finalState").asText()).isEqualTo("INSUFFICIENT_DATA");
        assertThat(doc.get("problems")).extracting(p -> p.get("name").asText()).containsExactly("BrokenPattern",
                "MisspeltField", "Math", "Any security alarm", "Nobody publishes this");
        assertThat(doc.get("inputErrors")).isEmpty();
    }

    /** {@code --emf} with {@code --metric-filters}: lines for every metric of the log group, holding every datapoint. */
    @Test
    void emfLinesCarryEveryMetricOfTheLogGroup() throws Exception {
        Path emf = dir.resolve("metrics.emf.jsonl");
        Run run = Run.of("metrics", "--metric-filters", definitions("metric-filters.json").toString(), "--alarms",
                definitions("alarms.json").toString(), "--output", "json", "--emf", emf.toString(),
                trail().toString());
        assertThat(run.code()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
        JsonNode doc = MAPPER.readTree(run.out());
        // Per metric: the sum and the number of the values CloudWatch would extract from the lines.
        java.util.Map<String, double[]> extracted = new java.util.TreeMap<>();
        List<String> lines = Files.readAllLines(emf);
        for (String l : lines) {
            JsonNode line = MAPPER.readTree(l);
            JsonNode directive = line.at("/_aws/CloudWatchMetrics/0");
            String name = directive.at("/Metrics/0/Name").asText();
            java.util.Map<String, String> dims = new java.util.TreeMap<>();
            directive.at("/Dimensions/0").forEach(d -> dims.put(d.asText(), line.get(d.asText()).asText()));
            double[] totals = extracted.computeIfAbsent(directive.get("Namespace").asText() + "/" + name + dims,
                    k -> new double[2]);
            JsonNode values = line.get(name);
            for (JsonNode v : values.isArray() ? values : MAPPER.createArrayNode().add(values)) {
                totals[0] += v.asDouble();
                totals[1]++;
            }
        }
        java.util.Map<String, double[]> reported = new java.util.TreeMap<>();
        for (JsonNode m : doc.get("metrics")) {
            java.util.Map<String, String> dims = new java.util.TreeMap<>();
            m.get("dimensions").fields().forEachRemaining(e -> dims.put(e.getKey(), e.getValue().asText()));
            double[] totals = reported.computeIfAbsent(m.get("namespace").asText() + "/" + m.get("metricName")
                    .asText() + dims, k -> new double[2]);
            for (JsonNode p : m.get("periods")) {
                totals[0] += p.get("sum").asDouble();
                totals[1] += p.get("sampleCount").asDouble();
            }
        }
        assertThat(extracted.keySet()).isEqualTo(reported.keySet()).hasSize(doc.get("metrics").size())
                .contains("SecurityMetrics/Secret is accessed{}", "SecurityMetrics/Errors{Event=GetSecretValue}");
        reported.forEach((k, v) -> assertThat(extracted.get(k)).as(k).containsExactly(v));
        assertThat(extracted.get("SecurityMetrics/Secret is accessed{}")).containsExactly(6, 127);
        assertThat(run.err()).contains("EMF            " + lines.size() + " lines written to " + emf);

        Run text = Run.of("metrics", "--metric-filters", definitions("metric-filters.json").toString(), "--emf",
                emf.toString(), trail().toString());
        assertThat(text.out()).contains("EMF            " + lines.size() + " lines written to " + emf);
        assertThat(Files.readAllLines(emf)).isEqualTo(lines);
        Run unwritable = Run.of("metrics", "--metric-filters", definitions("metric-filters.json").toString(), "--emf",
                dir.resolve("no/such/dir/x.jsonl").toString(), trail().toString());
        assertThat(unwritable.code()).isEqualTo(ExitCodes.IO_ERROR);
        assertThat(unwritable.err()).contains("cannot write the EMF file");
    }

    @Test
    void chartsAreOneSvgPerMetric() throws Exception {
        Path charts = dir.resolve("charts");
        Run run = Run.of("metrics", "--metric-filters", definitions("metric-filters.json").toString(), "--alarms",
                definitions("alarms.json").toString(), "--chart", charts.toString(), trail().toString());
        assertThat(run.out()).contains("charts written to " + charts);
        List<String> names;
        try (Stream<Path> list = Files.list(charts)) {
            names = list.map(p -> p.getFileName().toString()).sorted().toList();
        }
        assertThat(names).contains("SecurityMetrics_Secret_is_accessed.svg",
                "SecurityMetrics_Attempts_to_access_deleted_secrets.svg",
                "SecurityMetrics_Errors_Event=GetSecretValue.svg");
        assertThat(Files.readString(charts.resolve("SecurityMetrics_Secret_is_accessed.svg"))).startsWith("<svg")
                .contains("Secret is accessed (Sum)").contains("threshold");
    }

    @Test
    void aCloudFormationTemplateIsADefinitionsFileToo() throws IOException {
        Path template = Files.writeString(dir.resolve("monitoring.yaml"), """
                Resources:
                  SecretAccessFilter:
                    Type: AWS::Logs::MetricFilter
                    Properties:
                      LogGroupName: CloudTrail/DefaultLogGroup
                      FilterPattern: '{ $.eventName = "GetSecretValue" }'
                      MetricTransformations:
                        - {MetricValue: "1", MetricName: Secret is accessed, MetricNamespace: SecurityMetrics}
                """);
        Run run = Run.of("metrics", "--metric-filters", template.toString(), Run.seed().toString());
        assertThat(run.code()).as(run.toString()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).contains("  SecretAccessFilter        6           6  SecurityMetrics / Secret is"
                + " accessed\n");
    }

    static final String TEMPLATE = """
            Resources:
              SecretAccessFilter:
                Type: AWS::Logs::MetricFilter
                Properties:
                  LogGroupName: CloudTrail/DefaultLogGroup
                  FilterPattern: '{ $.eventName = "GetSecretValue" }'
                  MetricTransformations:
                    - {MetricValue: "1", DefaultValue: 0, MetricName: Secret is accessed, MetricNamespace: SecurityMetrics}
              AlertsTopic:
                Type: AWS::SNS::Topic
              SecretAccessAlarm:
                Type: AWS::CloudWatch::Alarm
                Properties:
                  AlarmName: Secret is accessed
                  Namespace: SecurityMetrics
                  MetricName: Secret is accessed
                  Statistic: Sum
                  Period: 60
                  EvaluationPeriods: 1
                  DatapointsToAlarm: 1
                  Threshold: 1
                  ComparisonOperator: GreaterThanOrEqualToThreshold
                  AlarmActions: [!Ref AlertsTopic]
              CpuAlarm:
                Type: AWS::CloudWatch::Alarm
                Properties:
                  Namespace: AWS/EC2
                  MetricName: CPUUtilization
                  Statistic: Average
                  Period: 300
                  EvaluationPeriods: 1
                  Threshold: 90
                  ComparisonOperator: GreaterThanThreshold
            """;

    /** A template's or a plan's alarms run with {@code --alarms} on the metrics of its filters. */
    @Test
    void theAlarmsOfATemplateOrAPlanRunWhenGivenWithAlarms() throws Exception {
        Path template = Files.writeString(dir.resolve("monitoring.yaml"), TEMPLATE);
        Run run = Run.of("metrics", "--metric-filters", template.toString(), "--alarms", template.toString(),
                "--output", "json", Run.seed().toString());
        assertThat(run.code()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
        JsonNode doc = MAPPER.readTree(run.out());
        assertThat(doc.get("metricFilters")).hasSize(1);
        JsonNode alarm = doc.get("alarms").get(0);
        assertThat(doc.get("alarms")).hasSize(1);
        assertThat(alarm.get("alarmName").asText()).isEqualTo("Secret is accessed");
        assertThat(alarm.get("transitions")).hasSize(12);
        assertThat(alarm.get("transitions").get(1).get("timestamp").asText()).isEqualTo("2026-11-21T12:04:00Z");
        assertThat(alarm.get("transitions").get(1).get("newState").asText()).isEqualTo("ALARM");
        assertThat(alarm.get("transitions").get(1).get("actions").get(0).asText()).isEqualTo("Ref AlertsTopic");
        // The template's alarm on another metric is named, as an alarm of a describe-alarms file would be.
        assertThat(doc.get("problems")).singleElement().satisfies(p -> {
            assertThat(p.get("name").asText()).isEqualTo("CpuAlarm");
            assertThat(p.get("reason").asText()).isEqualTo("its metric AWS/EC2/CPUUtilization is published by no"
                    + " metric filter of the log group");
        });
        assertThat(run.err()).doesNotContain("also holds");

        Run filtersOnly = Run.of("metrics", "--metric-filters", template.toString(), Run.seed().toString());
        assertThat(filtersOnly.code()).as(filtersOnly.toString()).isZero();
        assertThat(filtersOnly.out()).startsWith("Log group  CloudTrail/DefaultLogGroup: 1 metric filter, 0 alarms;");
        assertThat(filtersOnly.err()).isEqualTo("cwfilter: " + template + " also holds 2 alarms, which run only when"
                + " it is given with --alarms too\n");

        // The files swapped (describe-alarms output given as the filters, and the reverse): each note says that the
        // file holds none of the kind its option takes, and which option takes what it holds.
        Path alarmsFile = definitions("alarms.json");
        Path filtersFile = definitions("metric-filters.json");
        Run swapped = Run.of("metrics", "--metric-filters", alarmsFile.toString(), "--alarms",
                filtersFile.toString(), Run.seed().toString());
        assertThat(swapped.code()).as(swapped.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(swapped.err()).startsWith("cwfilter: " + alarmsFile + " holds no metric filters but 3 alarms:"
                + " alarms are read from --alarms " + alarmsFile + "\n"
                + "cwfilter: " + filtersFile + " holds no alarms but 3 metric filters: metric filters are read from"
                + " --metric-filters " + filtersFile + "\n").doesNotContain("also holds");

        Path plan = Files.writeString(dir.resolve("plan.json"), """
                {"planned_values": {"root_module": {"resources": [
                  {"address": "aws_cloudwatch_log_metric_filter.reads", "mode": "managed",
                   "type": "aws_cloudwatch_log_metric_filter", "name": "reads",
                   "values": {"name": "SecretIsAccessed", "log_group_name": "CloudTrail/DefaultLogGroup",
                     "pattern": "{ $.eventName = \\"GetSecretValue\\" }",
                     "metric_transformation": [{"name": "Secret is accessed", "namespace": "SecurityMetrics",
                       "value": "1", "default_value": "0", "dimensions": null, "unit": "None"}]}},
                  {"address": "aws_cloudwatch_metric_alarm.reads", "mode": "managed",
                   "type": "aws_cloudwatch_metric_alarm", "name": "reads",
                   "values": {"alarm_name": "Secret is accessed", "namespace": "SecurityMetrics",
                     "metric_name": "Secret is accessed", "statistic": "Sum", "extended_statistic": "", "period": 60,
                     "evaluation_periods": 1, "datapoints_to_alarm": 1, "threshold": 1,
                     "comparison_operator": "GreaterThanOrEqualToThreshold", "treat_missing_data": "missing",
                     "alarm_actions": ["arn:aws:sns:us-east-1:123456789012:SecretAccessAlerts"], "metric_query": []}}
                ]}}}
                """);
        Run fromPlan = Run.of("metrics", "--metric-filters", plan.toString(), "--alarms", plan.toString(),
                Run.seed().toString());
        assertThat(fromPlan.code()).as(fromPlan.toString()).isZero();
        assertThat(fromPlan.out()).startsWith("Log group  CloudTrail/DefaultLogGroup: 1 metric filter, 1 alarm; 127"
                + " events").contains("Alarm \"Secret is accessed\" on SecurityMetrics/Secret is accessed: Sum"
                + " GreaterThanOrEqualToThreshold 1 for 1 of 1 periods of 60 s; 12 transitions, 4 to ALARM");
        assertThat(fromPlan.err()).isEmpty();

        Run misplaced = Run.of("metrics", "--metric-filters", "account", Run.seed().toString());
        assertThat(misplaced.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(misplaced.err()).contains("--metric-filters log-group:NAME");
    }

    /** Alarms that could not run as CloudWatch runs them are named, not a crash. */
    @Test
    void alarmsOfSecondsPeriodsAndASecondAlarmOfANameAreProblemsByName() throws Exception {
        Path template = Files.writeString(dir.resolve("monitoring.yaml"), TEMPLATE);
        String alarm = "{\"AlarmName\":\"%s\",\"MetricName\":\"Secret is accessed\",\"Namespace\":"
                + "\"SecurityMetrics\",\"Statistic\":\"Sum\",\"Period\":%d,\"EvaluationPeriods\":1,\"Threshold\":1.0,"
                + "\"ComparisonOperator\":\"GreaterThanOrEqualToThreshold\"}";
        Path alarms = Files.writeString(dir.resolve("alarms.json"), "{\"MetricAlarms\":[\n"
                + alarm.formatted("Fast", 10) + ",\n" + alarm.formatted("Secret is accessed", 120) + "]}");
        Run run = Run.of("metrics", "--metric-filters", template.toString(), "--alarms", template.toString(),
                "--alarms", alarms.toString(), Run.seed().toString());
        assertThat(run.code()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.out()).contains("1 metric filter, 1 alarm;");
        assertThat(run.err()).contains("cwfilter: alarm 'Fast' (" + alarms + " line 2) left out: its period of 10 s is"
                        + " shorter than the minute metric-filter metrics are stored at")
                .contains("cwfilter: alarm 'Secret is accessed' (" + alarms + " line 3) left out: an alarm of the same"
                        + " name (" + template + " line 11) runs already; alarm names are unique in a region");
    }

    @Test
    void filtersOfSeveralLogGroupsNeedLogGroupAndOptionsOfOneFilterDoNotMix() throws IOException {
        String filters = "{\"metricFilters\":[" + filter("a", "app") + "," + filter("b", "app") + ","
                + filter("c", "web") + "]}";
        Path file = Files.writeString(dir.resolve("filters.json"), filters);
        Path events = Files.writeString(dir.resolve("events.jsonl"), "{\"timestamp\":1795262400000,\"m\":\"x\"}\n");
        Run ambiguous = Run.of("metrics", "--metric-filters", file.toString(), events.toString());
        assertThat(ambiguous.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(ambiguous.err()).contains("the metric filters are on 2 log groups; choose one with --log-group:"
                + " app (2 filters), web (1 filter)");
        Run web = Run.of("metrics", "--metric-filters", file.toString(), "--log-group", "web", events.toString());
        assertThat(web.code()).as(web.toString()).isZero();
        assertThat(web.out()).startsWith("Log group  web: 1 metric filter, 0 alarms; 1 events");
        Run mixed = Run.of("metrics", "--metric-filters", file.toString(), "-p", "x", events.toString());
        assertThat(mixed.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(mixed.err()).contains("--metric-filters takes the filters and alarms from files");
        Run missing = Run.of("metrics", "--metric-filters", dir.resolve("nope.json").toString(), events.toString());
        assertThat(missing.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(missing.err()).contains("cannot read '" + dir.resolve("nope.json") + "': no such file");
    }

    static String filter(String name, String group) {
        return "{\"filterName\":\"" + name + "\",\"filterPattern\":\"{ $.m = * }\",\"metricTransformations\":[{"
                + "\"metricName\":\"" + name + "\",\"metricNamespace\":\"N\",\"metricValue\":\"1\"}],"
                + "\"logGroupName\":\"" + group + "\"}";
    }

    // ------------------------------------------------------------------------------------------------ property

    static final List<String> NAMES = List.of("GetSecretValue", "ListSecrets", "PutSecretValue", "AssumeRole");
    static final List<String> ERRORS = List.of("", "AccessDenied", "InvalidRequestException");

    /** A CloudTrail-like record at a time within two hours. */
    static final Gen<String[]> RECORD = Gen.zip(Gen.zip(Gen.elements(NAMES), Gen.elements(ERRORS),
            (n, e) -> new String[] {n, e}), Gen.zip(Gen.longs(0, 7_199_999), Gen.elements("alice", "bob", "ops/é"),
            (t, u) -> new String[] {Long.toString(t), u}), (a, b) -> new String[] {a[0], a[1], b[0], b[1]});

    static String record(String[] r) {
        String time = Instant.ofEpochMilli(Instant.parse("2026-11-21T12:00:00Z").toEpochMilli() + Long.parseLong(r[2]))
                .toString();
        return "{\"eventVersion\":\"1.09\",\"userIdentity\":{\"type\":\"IAMUser\",\"userName\":\"" + r[3] + "\"},"
                + "\"eventTime\":\"" + time + "\",\"eventName\":\"" + r[0] + "\""
                + (r[1].isEmpty() ? "" : ",\"errorCode\":\"" + r[1] + "\",\"errorMessage\":\"You can't perform this"
                + " operation on the secret because it was marked for deletion.\"") + ",\"readOnly\":true}";
    }

    static final String FILTERS = "{\"metricFilters\":[" + String.join(",",
            describe("Reads", "{ $.eventName = \\\"GetSecretValue\\\" }", ",\"defaultValue\":0.0"),
            describe("Deleted", "{ $.eventName = \\\"GetSecretValue\\\" && $.errorMessage = \\\"*marked for"
                    + " deletion*\\\" }", ""),
            describe("ErrorsByUser", "{ $.errorCode = * }", ",\"dimensions\":{\"User\":\"$.userIdentity.userName\"}"),
            describe("List", "ListSecrets", ",\"defaultValue\":0.0"),
            describe("Regex", "%[GP][a-z]+SecretValue%", "")) + "]}";

    static String describe(String name, String pattern, String extra) {
        return "{\"filterName\":\"" + name + "\",\"filterPattern\":\"" + pattern + "\",\"metricTransformations\":[{"
                + "\"metricName\":\"" + name + "\",\"metricNamespace\":\"P\",\"metricValue\":\"1\"" + extra + "}],"
                + "\"logGroupName\":\"trail\"}";
    }

    @Test
    void perFilterCountsOverAnS3TreeEqualLogGroupMetricsOverTheSameRecordsInMemory() throws Exception {
        Path filters = Files.writeString(dir.resolve("p-filters.json"), FILTERS);
        List<MetricFilterDefinition> defs = DefinitionFiles.read(filters, FilterOptions.defaults()).metricFilters();
        assertThat(defs).hasSize(5);
        int[] run = {0};
        PropCheck.tries(25).forAll(Gen.listOf(RECORD, 0, 60), Gen.integers(1, 7), Gen.integers(1, 3),
                (records, perFile, readers) -> {
                    Path root = dir.resolve("tree-" + run[0]++);
                    List<String> texts = records.stream().map(MetricsFromDefinitionsTest::record).toList();
                    CloudTrailTree.write(root, "us-east-1", texts, perFile, 0, perFile % 2 == 0);
                    Files.createDirectories(root);
                    LogGroupMetrics expected = LogGroupMetrics.of(LogGroup.builder()
                            .metricFilters(defs.stream().map(MetricFilterDefinition::filter).toList()).build());
                    List<LogEvent> events = new ArrayList<>();
                    for (String t : texts) {
                        events.add(new LogEvent(Instant.parse(MAPPER.readTree(t).get("eventTime").asText())
                                .toEpochMilli(), t));
                    }
                    expected.acceptAll(events);
                    Run cli = Run.of("metrics", "--metric-filters", filters.toString(), "--output", "json",
                            "--readers", Integer.toString(readers), root.toString());
                    assertThat(cli.code()).as(cli.toString()).isZero();
                    JsonNode doc = MAPPER.readTree(cli.out());
                    assertThat(doc.get("events").get("evaluated").asLong()).isEqualTo(expected.eventCount());
                    for (int i = 0; i < defs.size(); i++) {
                        JsonNode f = doc.get("metricFilters").get(i);
                        assertThat(f.get("matches").asLong()).as(defs.get(i).name()).isEqualTo(expected.matchCount(i));
                        assertThat(f.get("datapoints").asLong()).as(defs.get(i).name())
                                .isEqualTo(expected.datapointCount(i));
                    }
                    assertThat(doc.get("metrics")).hasSize(expected.metrics().size());
                });
    }
}
