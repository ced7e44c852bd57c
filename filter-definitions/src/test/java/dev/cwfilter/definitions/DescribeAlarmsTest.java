package dev.cwfilter.definitions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cwfilter.deploy.DocumentException;
import dev.cwfilter.StandardUnit;
import dev.cwfilter.metric.AlarmComparisonOperator;
import dev.cwfilter.metric.LowSampleCountPercentile;
import dev.cwfilter.metric.MetricAlarm;
import dev.cwfilter.metric.Statistic;
import dev.cwfilter.metric.TreatMissingData;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DescribeAlarmsTest {

    static Definitions parse(String json) {
        return DescribeAlarms.parse(json, "alarms.json");
    }

    static String alarm(String name, String extra) {
        return "{\"AlarmName\":\"" + name + "\",\"MetricName\":\"Secret is accessed\",\"Namespace\":\"SecurityMetrics\","
                + "\"Statistic\":\"Sum\",\"Period\":60,\"EvaluationPeriods\":1,\"Threshold\":1.0,"
                + "\"ComparisonOperator\":\"GreaterThanOrEqualToThreshold\",\"OKActions\":[],\"AlarmActions\":[],"
                + "\"InsufficientDataActions\":[]" + extra + "}";
    }

    @Test
    void theAwsCliExampleIsReadFieldByFieldAndTheMathAlarmIsUnsupportedByName() throws Exception {
        Definitions d = DescribeAlarms.read(Path.of(getClass().getResource("/aws/describe-alarms.json").toURI()));
        assertThat(d.metricFilters()).isEmpty();
        assertThat(d.alarms()).hasSize(1);
        AlarmDefinition def = d.alarms().get(0);
        assertThat(def.name()).isEqualTo("myalarm");
        assertThat(def.line()).isEqualTo(3);
        MetricAlarm a = def.alarm();
        assertThat(a.alarmName()).isEqualTo("myalarm");
        assertThat(a.alarmDescription()).contains("CPU usage exceeds 70 percent");
        assertThat(a.actionsEnabled()).isTrue();
        assertThat(a.okActions()).isEmpty();
        assertThat(a.alarmActions()).containsExactly("arn:aws:sns:us-east-1:123456789012:myHighCpuAlarm");
        assertThat(a.insufficientDataActions()).isEmpty();
        assertThat(a.metricName()).isEqualTo("CPUUtilization");
        assertThat(a.namespace()).isEqualTo("AWS/EC2");
        assertThat(a.statistic()).isEqualTo(Statistic.AVERAGE);
        assertThat(a.dimensions()).isEqualTo(Map.of("InstanceId", "i-0c986c72"));
        assertThat(a.periodSeconds()).isEqualTo(300);
        assertThat(a.evaluationPeriods()).isEqualTo(2);
        assertThat(a.datapointsToAlarm()).isEqualTo(2);
        assertThat(a.threshold()).isEqualTo(70.0);
        assertThat(a.comparisonOperator()).isEqualTo(AlarmComparisonOperator.GREATER_THAN_THRESHOLD);
        assertThat(a.treatMissingData()).isEqualTo(TreatMissingData.MISSING);
        assertThat(a.unit()).isEmpty();
        assertThat(a.alarmArn()).contains("arn:aws:cloudwatch:us-east-1:123456789012:alarm:myalarm");
        assertThat(a.accountId()).contains("123456789012");
        assertThat(a.region()).contains("us-east-1");
        assertThat(a.alarmConfigurationUpdatedTimestamp()).hasValue(java.time.Instant.parse(
                "2012-12-27T00:49:54.032Z").toEpochMilli());
        assertThat(d.problems()).singleElement().satisfies(p -> {
            assertThat(p.name()).isEqualTo("NetworkOutMath");
            assertThat(p.kind()).isEqualTo(DefinitionProblem.Kind.ALARM);
            assertThat(p.reason()).isEqualTo("unsupported: a metric-math alarm (Metrics [e1, m1]); cwfilter"
                    + " evaluates alarms on one metric");
        });
    }

    @Test
    void everyOptionalFieldIsMapped() {
        Definitions d = parse("{\"MetricAlarms\":[" + alarm("a", ",\"DatapointsToAlarm\":1,\"EvaluationPeriods\":3,"
                + "\"TreatMissingData\":\"notBreaching\",\"EvaluateLowSampleCountPercentile\":\"ignore\","
                + "\"Unit\":\"Count\",\"ActionsEnabled\":false").replace("\"EvaluationPeriods\":1,", "")
                .replace("\"OKActions\":[]", "\"OKActions\":[\"arn:ok\"]")
                .replace("\"InsufficientDataActions\":[]", "\"InsufficientDataActions\":[\"arn:insufficient\"]")
                + "," + alarm("p99", "").replace("\"Statistic\":\"Sum\"", "\"ExtendedStatistic\":\"p99\"")
                + "],\"CompositeAlarms\":[]}");
        assertThat(d.problems()).isEmpty();
        MetricAlarm a = d.alarms().get(0).alarm();
        assertThat(a.datapointsToAlarm()).isEqualTo(1);
        assertThat(a.evaluationPeriods()).isEqualTo(3);
        assertThat(a.treatMissingData()).isEqualTo(TreatMissingData.NOT_BREACHING);
        assertThat(a.evaluateLowSampleCountPercentile()).isEqualTo(LowSampleCountPercentile.IGNORE);
        assertThat(a.unit()).contains(StandardUnit.COUNT);
        assertThat(a.actionsEnabled()).isFalse();
        assertThat(a.okActions()).containsExactly("arn:ok");
        assertThat(a.insufficientDataActions()).containsExactly("arn:insufficient");
        assertThat(d.alarms().get(1).alarm().statistic()).isEqualTo(Statistic.parse("p99"));
    }

    @Test
    void compositeAndBadAlarmsAreReportedByNameAndNeverStopTheOthers() {
        Definitions d = parse("{\"MetricAlarms\":[\n"
                + alarm("ok1", "") + ",\n"
                + alarm("unknown", ",\"Colour\":\"red\"") + ",\n"
                + alarm("both-stats", ",\"ExtendedStatistic\":\"p99\"") + ",\n"
                + alarm("bad-period", "").replace("\"Period\":60", "\"Period\":45") + ",\n"
                + alarm("band", "").replace("GreaterThanOrEqualToThreshold", "LessThanLowerOrGreaterThanUpperThreshold")
                + ",\n"
                + alarm("dup-dims", ",\"Dimensions\":[{\"Name\":\"A\",\"Value\":\"1\"},{\"Name\":\"A\",\"Value\":\"2\"}]")
                + ",\n"
                + alarm("ok2", "") + "],\n\"CompositeAlarms\":[\n"
                + "{\"AlarmName\":\"composite\",\"AlarmRule\":\"ALARM(ok1)\"}]}");
        assertThat(d.alarms()).extracting(AlarmDefinition::name).containsExactly("ok1", "ok2");
        assertThat(d.problems()).extracting(DefinitionProblem::name).containsExactly("unknown", "both-stats",
                "bad-period", "band", "dup-dims", "composite");
        assertThat(d.problems()).extracting(DefinitionProblem::line).containsExactly(3, 4, 5, 6, 7, 10);
        assertThat(d.problems().get(0).reason()).startsWith("unknown field Colour in a metric alarm");
        assertThat(d.problems().get(1).reason()).isEqualTo("exactly one of Statistic and ExtendedStatistic is"
                + " required");
        assertThat(d.problems().get(2).reason()).contains("45");
        assertThat(d.problems().get(3).reason()).startsWith("unsupported: an anomaly-detection alarm");
        assertThat(d.problems().get(4).reason()).isEqualTo("dimension 'A' is given twice");
        assertThat(d.problems().get(5).reason()).startsWith("unsupported: a composite alarm");
    }

    @Test
    void pagesOneAfterTheOtherAreOneOutput() {
        Definitions d = parse("{\"MetricAlarms\":[" + alarm("a", "") + "],\"CompositeAlarms\":[],\"NextToken\":\"t\"}"
                + "{\"MetricAlarms\":[" + alarm("b", "") + "],\"CompositeAlarms\":[]}");
        assertThat(d.alarms()).extracting(AlarmDefinition::name).containsExactly("a", "b");
    }

    @Test
    void aFileThatIsNotSuchOutputIsAnError() {
        assertThatThrownBy(() -> parse("{\"metricFilters\":[]}")).isInstanceOf(DocumentException.class)
                .hasMessageContaining("not the output of aws cloudwatch describe-alarms");
        assertThatThrownBy(() -> parse("{\"MetricAlarms\":{}}")).hasMessageContaining("MetricAlarms must be a list");
    }

    @Test
    void theFieldsRecordIsTheMappingAnSdkResponseUsesToo() {
        MetricAlarmFields f = new MetricAlarmFields("a", null, null, null, null, null, List.of("arn:topic"), null,
                "M", "N",
                "Maximum", null, List.of(new MetricAlarmFields.DimensionFields("Service", "api")), 300, null, 2, null,
                5.0, "LessThanThreshold", "breaching", null, null, null, false);
        MetricAlarm a = f.toMetricAlarm();
        assertThat(a.statistic()).isEqualTo(Statistic.MAXIMUM);
        assertThat(a.dimensions()).isEqualTo(Map.of("Service", "api"));
        assertThat(a.treatMissingData()).isEqualTo(TreatMissingData.BREACHING);
        assertThatThrownBy(() -> new MetricAlarmFields("a", null, null, null, null, null, null, null, "M", "N", "p99",
                null, null,
                60, null, 1, null, 1.0, "LessThanThreshold", null, null, null, null, false).toMetricAlarm())
                .hasMessageContaining("percentiles go in ExtendedStatistic");
    }

    @Test
    void theArnAndTheConfigurationTimeAreReadInEveryFormTheAwsCliPrints() {
        Definitions d = parse("{\"MetricAlarms\":["
                + alarm("v2", ",\"AlarmArn\":\"arn:aws:cloudwatch:eu-west-1:111122223333:alarm:v2\","
                        + "\"AlarmConfigurationUpdatedTimestamp\":\"2026-11-21T11:58:09.198000+00:00\"") + ","
                + alarm("v1", ",\"AlarmConfigurationUpdatedTimestamp\":\"2026-11-21T11:58:09.198Z\"") + ","
                + alarm("offset", ",\"AlarmConfigurationUpdatedTimestamp\":\"2026-11-21T13:58:09.198+02:00\"") + ","
                + alarm("wire", ",\"AlarmConfigurationUpdatedTimestamp\":1795262289.198") + ","
                + alarm("none", "") + ","
                + alarm("china", ",\"AlarmArn\":\"arn:aws-cn:cloudwatch:cn-north-1:111122223333:alarm:china\"")
                + "]}");
        assertThat(d.problems()).isEmpty();
        long t = java.time.Instant.parse("2026-11-21T11:58:09.198Z").toEpochMilli();
        MetricAlarm v2 = d.alarms().get(0).alarm();
        assertThat(v2.alarmArn()).contains("arn:aws:cloudwatch:eu-west-1:111122223333:alarm:v2");
        assertThat(v2.accountId()).contains("111122223333");
        assertThat(v2.region()).contains("eu-west-1");
        assertThat(v2.alarmConfigurationUpdatedTimestamp()).hasValue(t);
        for (int i = 1; i <= 3; i++) {
            assertThat(d.alarms().get(i).alarm().alarmConfigurationUpdatedTimestamp()).as(d.alarms().get(i).name())
                    .hasValue(t);
            assertThat(d.alarms().get(i).alarm().alarmArn()).isEmpty();
        }
        assertThat(d.alarms().get(4).alarm().alarmConfigurationUpdatedTimestamp()).isEmpty();
        assertThat(d.alarms().get(5).alarm().region()).contains("cn-north-1");
    }

    @Test
    void anArnOfAnotherAlarmOrATimeThatIsNoTimeIsAProblemByName() {
        Definitions d = parse("{\"MetricAlarms\":[\n"
                + alarm("a", ",\"AlarmArn\":\"arn:aws:cloudwatch:us-east-1:123456789012:alarm:b\"") + ",\n"
                + alarm("c", ",\"AlarmArn\":\"arn:aws:sns:us-east-1:123456789012:c\"") + ",\n"
                + alarm("d", ",\"AlarmConfigurationUpdatedTimestamp\":\"yesterday\"") + ",\n"
                + alarm("e", ",\"AlarmConfigurationUpdatedTimestamp\":\"2026-11-21T11:58:09\"") + ",\n"
                + alarm("f", ",\"AlarmConfigurationUpdatedTimestamp\":true") + ",\n"
                + alarm("ok", "") + "]}");
        assertThat(d.alarms()).extracting(AlarmDefinition::name).containsExactly("ok");
        assertThat(d.problems()).extracting(DefinitionProblem::reason).containsExactly(
                "the alarm ARN 'arn:aws:cloudwatch:us-east-1:123456789012:alarm:b' names the alarm 'b', not 'a'",
                "'arn:aws:sns:us-east-1:123456789012:c' is not an alarm ARN such as"
                        + " arn:aws:cloudwatch:us-east-1:123456789012:alarm:NAME",
                "AlarmConfigurationUpdatedTimestamp 'yesterday' is not an ISO-8601 time with an offset"
                        + " (2012-12-27T00:49:54.032000+00:00)",
                "AlarmConfigurationUpdatedTimestamp '2026-11-21T11:58:09' is not an ISO-8601 time with an offset"
                        + " (2012-12-27T00:49:54.032000+00:00)",
                "AlarmConfigurationUpdatedTimestamp must be a string, not a boolean");
    }
}
