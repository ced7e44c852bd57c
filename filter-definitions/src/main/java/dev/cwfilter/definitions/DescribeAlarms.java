package dev.cwfilter.definitions;

import dev.cwfilter.deploy.DocumentException;
import dev.cwfilter.deploy.Documents;
import dev.cwfilter.deploy.Node;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The alarms in what {@code aws cloudwatch describe-alarms} prints ({@code --output json}):
 * {@code {"MetricAlarms":[...], "CompositeAlarms":[...], "NextToken":"..."}}, the whole output of one call or several
 * pages one after the other in one file. Each metric alarm's fields are mapped by {@link MetricAlarmFields}. Every
 * alarm that cannot be evaluated is a {@link DefinitionProblem} under its {@code AlarmName}, and the others are read
 * all the same: an unknown field, a wrong type or a value out of range, and, as unsupported, composite alarms,
 * metric-math and anomaly-detection alarms.
 *
 * <p>Known fields of a metric alarm (AWS-SHAPES §5.2): {@code AlarmName}, {@code AlarmArn}, {@code AlarmDescription},
 * {@code AlarmConfigurationUpdatedTimestamp}, {@code ActionsEnabled}, {@code OKActions}, {@code AlarmActions},
 * {@code InsufficientDataActions}, {@code StateValue}, {@code StateReason}, {@code StateReasonData},
 * {@code StateUpdatedTimestamp}, {@code StateTransitionedTimestamp}, {@code MetricName}, {@code Namespace},
 * {@code Statistic}, {@code ExtendedStatistic}, {@code Dimensions}, {@code Period}, {@code Unit}, {@code Metrics},
 * {@code ThresholdMetricId}, {@code EvaluationPeriods}, {@code DatapointsToAlarm}, {@code Threshold},
 * {@code ComparisonOperator}, {@code TreatMissingData}, {@code EvaluateLowSampleCountPercentile},
 * {@code EvaluationState}, {@code EvaluationCriteria}, {@code EvaluationInterval}, {@code ActionConfiguration}.
 * {@code AlarmArn} and {@code AlarmConfigurationUpdatedTimestamp} are kept (CloudWatch's SNS message carries the
 * alarm's account, region, ARN and configuration time); the timestamp as the AWS CLI prints it, ISO-8601 with an
 * offset ({@code 2012-12-27T00:49:54.032000+00:00} from CLI v2, {@code 2014-04-09T18:59:06.442Z} from v1), or as the
 * wire's epoch seconds. The state fields describe the alarm in AWS, not its configuration, and are read only for their
 * shape.
 *
 * <p>Stateless and thread-safe.
 */
public final class DescribeAlarms {

    static final Set<String> TOP = Set.of("MetricAlarms", "CompositeAlarms", "NextToken");
    static final Set<String> ALARM = Set.of("AlarmName", "AlarmArn", "AlarmDescription",
            "AlarmConfigurationUpdatedTimestamp", "ActionsEnabled", "OKActions", "AlarmActions",
            "InsufficientDataActions", "StateValue", "StateReason", "StateReasonData", "StateUpdatedTimestamp",
            "StateTransitionedTimestamp", "MetricName", "Namespace", "Statistic", "ExtendedStatistic", "Dimensions",
            "Period", "Unit", "Metrics", "ThresholdMetricId", "EvaluationPeriods", "DatapointsToAlarm", "Threshold",
            "ComparisonOperator", "TreatMissingData", "EvaluateLowSampleCountPercentile", "EvaluationState",
            "EvaluationCriteria", "EvaluationInterval", "ActionConfiguration");
    static final Set<String> DIMENSION = Set.of("Name", "Value");

    private DescribeAlarms() {
    }

    /**
     * Reads a file of describe-alarms output.
     *
     * @throws DocumentException if the file cannot be read or is not such output
     */
    public static Definitions read(Path path) {
        return parse(Documents.readFile(path), path.toString());
    }

    /**
     * Reads describe-alarms output from its text.
     *
     * @param name the file's name, for messages
     * @throws DocumentException if the text is not such output
     */
    public static Definitions parse(String json, String name) {
        Objects.requireNonNull(json, "json");
        List<AlarmDefinition> alarms = new ArrayList<>();
        List<DefinitionProblem> problems = new ArrayList<>();
        int position = 0;
        for (Node page : JsonPages.parseAll(json, name)) {
            if (!(page instanceof Node.Mapping top)
                    || top.get("MetricAlarms") == null && top.get("CompositeAlarms") == null) {
                throw new DocumentException(name, page.line(), "not the output of aws cloudwatch"
                        + " describe-alarms: expected an object with a MetricAlarms or CompositeAlarms list", null);
            }
            List<Node.Mapping> metricAlarms;
            List<Node.Mapping> composite;
            try {
                NodeFields.onlyKnown(top, TOP, "the output");
                metricAlarms = NodeFields.objects(top, "MetricAlarms");
                composite = NodeFields.objects(top, "CompositeAlarms");
            } catch (IllegalArgumentException e) {
                throw new DocumentException(name, top.line(), e.getMessage(), null);
            }
            for (Node.Mapping m : metricAlarms == null ? List.<Node.Mapping>of() : metricAlarms) {
                position++;
                String alarmName = NodeFields.nameOf(m, "AlarmName", position);
                try {
                    alarms.add(new AlarmDefinition(alarmName, name, m.line(), fields(m).toMetricAlarm()));
                } catch (IllegalArgumentException e) {
                    problems.add(new DefinitionProblem(DefinitionProblem.Kind.ALARM, alarmName, name, m.line(),
                            DefinitionProblem.reasonOf(e)));
                }
            }
            for (Node.Mapping m : composite == null ? List.<Node.Mapping>of() : composite) {
                position++;
                problems.add(new DefinitionProblem(DefinitionProblem.Kind.ALARM,
                        NodeFields.nameOf(m, "AlarmName", position), name, m.line(), "unsupported: a composite alarm"
                        + " (it combines other alarms' states with an AlarmRule; cwfilter evaluates alarms on a"
                        + " metric)"));
            }
        }
        return new Definitions(List.of(), alarms, problems);
    }

    /** The API fields of one metric alarm of the JSON, shapes checked. */
    static MetricAlarmFields fields(Node.Mapping m) {
        NodeFields.onlyKnown(m, ALARM, "a metric alarm");
        for (String state : List.of("StateValue", "StateReason", "StateReasonData", "StateUpdatedTimestamp",
                "StateTransitionedTimestamp", "EvaluationState")) {
            NodeFields.string(m, state);
        }
        List<MetricAlarmFields.DimensionFields> dimensions = null;
        List<Node.Mapping> dims = NodeFields.objects(m, "Dimensions");
        if (dims != null) {
            dimensions = new ArrayList<>();
            for (Node.Mapping d : dims) {
                NodeFields.onlyKnown(d, DIMENSION, "Dimensions");
                dimensions.add(new MetricAlarmFields.DimensionFields(NodeFields.string(d, "Name"),
                        NodeFields.string(d, "Value")));
            }
        }
        List<String> metrics = null;
        List<Node.Mapping> queries = NodeFields.objects(m, "Metrics");
        if (queries != null) {
            metrics = new ArrayList<>();
            for (Node.Mapping q : queries) {
                String id = NodeFields.string(q, "Id");
                metrics.add(id == null ? "?" : id);
            }
        }
        return new MetricAlarmFields(NodeFields.string(m, "AlarmName"), NodeFields.string(m, "AlarmArn"),
                NodeFields.string(m, "AlarmDescription"), timestamp(m, "AlarmConfigurationUpdatedTimestamp"),
                NodeFields.bool(m, "ActionsEnabled"), NodeFields.strings(m, "OKActions"),
                NodeFields.strings(m, "AlarmActions"), NodeFields.strings(m, "InsufficientDataActions"),
                NodeFields.string(m, "MetricName"), NodeFields.string(m, "Namespace"),
                NodeFields.string(m, "Statistic"), NodeFields.string(m, "ExtendedStatistic"), dimensions,
                NodeFields.integer(m, "Period"), NodeFields.string(m, "Unit"),
                NodeFields.integer(m, "EvaluationPeriods"), NodeFields.integer(m, "DatapointsToAlarm"),
                NodeFields.number(m, "Threshold"), NodeFields.string(m, "ComparisonOperator"),
                NodeFields.string(m, "TreatMissingData"), NodeFields.string(m, "EvaluateLowSampleCountPercentile"),
                metrics, NodeFields.string(m, "ThresholdMetricId"), m.get("EvaluationCriteria") != null);
    }

    /**
     * A timestamp field as the AWS CLI prints it: ISO-8601 with an offset or {@code Z}, or epoch seconds (the wire's
     * form, which {@code cli_timestamp_format = wire} prints for JSON-protocol services).
     */
    static Instant timestamp(Node.Mapping m, String key) {
        Node n = m.get(key);
        if (n == null) {
            return null;
        }
        if (n instanceof Node.Scalar s && s.type() == Node.ScalarType.NUMBER) {
            try {
                BigDecimal seconds = new BigDecimal(s.text());
                BigDecimal whole = seconds.setScale(0, java.math.RoundingMode.FLOOR);
                return Instant.ofEpochSecond(whole.longValueExact(), seconds.subtract(whole).movePointRight(9)
                        .setScale(0, java.math.RoundingMode.FLOOR).longValueExact());
            } catch (ArithmeticException | NumberFormatException | java.time.DateTimeException e) {
                throw new IllegalArgumentException(key + " " + s.text() + " is not a time in epoch seconds");
            }
        }
        if (n instanceof Node.Scalar s && s.type() == Node.ScalarType.STRING) {
            try {
                return OffsetDateTime.parse(s.text()).toInstant();
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(key + " '" + s.text() + "' is not an ISO-8601 time with an offset"
                        + " (2012-12-27T00:49:54.032000+00:00)");
            }
        }
        throw new IllegalArgumentException(key + " must be a string, not " + n.kind());
    }
}
