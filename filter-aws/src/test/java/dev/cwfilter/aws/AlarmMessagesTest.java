package dev.cwfilter.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cwfilter.StandardUnit;
import dev.cwfilter.metric.AlarmComparisonOperator;
import dev.cwfilter.metric.AlarmState;
import dev.cwfilter.metric.AlarmStateChange;
import dev.cwfilter.metric.LowSampleCountPercentile;
import dev.cwfilter.metric.MetricAlarm;
import dev.cwfilter.metric.Statistic;
import dev.cwfilter.metric.TreatMissingData;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** CloudWatch's SNS message, against the captures of AWS-SHAPES.md section 1. */
class AlarmMessagesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The alarm of the captured HTTP delivery of AWS-SHAPES.md 1.6 (ap-southeast-1, 2024-09-09). */
    static MetricAlarm capturedAlarm() {
        Map<String, String> dims = new LinkedHashMap<>();
        dims.put("path", "/");
        dims.put("InstanceId", "i-0123456789abcdef0");
        dims.put("device", "xvda1");
        dims.put("fstype", "xfs");
        String topic = "arn:aws:sns:ap-southeast-1:123456789012:AlarmTopic";
        return MetricAlarm.builder()
                .alarmName("node_disk_used(i-0123456789abcdef0)")
                .alarmArn("arn:aws:cloudwatch:ap-southeast-1:123456789012:alarm:node_disk_used(i-0123456789abcdef0)")
                .alarmConfigurationUpdatedTimestamp(Instant.parse("2024-09-09T01:58:09.198Z").toEpochMilli())
                .namespace("CWAgent").metricName("disk_used_percent").dimensions(dims)
                .statistic(Statistic.AVERAGE).periodSeconds(300).evaluationPeriods(1).datapointsToAlarm(1)
                .comparisonOperator(AlarmComparisonOperator.GREATER_THAN_THRESHOLD).threshold(30)
                .okActions(List.of(topic)).alarmActions(List.of(topic)).insufficientDataActions(List.of(topic))
                .build();
    }

    static AlarmStateChange capturedChange() {
        return new AlarmStateChange("node_disk_used(i-0123456789abcdef0)",
                Instant.parse("2024-09-09T01:59:07.423Z").toEpochMilli(), AlarmState.OK, AlarmState.ALARM,
                "Threshold Crossed: 1 out of the last 1 datapoints [66.66201000304783 (09/09/24 01:54:00)] was greater"
                        + " than the threshold (30.0) (minimum 1 datapoint for OK -> ALARM transition).",
                AlarmStateChange.Cause.EVALUATION, List.of(),
                List.of("arn:aws:sns:ap-southeast-1:123456789012:AlarmTopic"));
    }

    @Test
    void theBodyIsTheCapturedOneByteForByte() {
        String captured = "{\"AlarmName\":\"node_disk_used(i-0123456789abcdef0)\",\"AlarmDescription\":null,"
                + "\"AWSAccountId\":\"123456789012\",\"AlarmConfigurationUpdatedTimestamp\":"
                + "\"2024-09-09T01:58:09.198+0000\",\"NewStateValue\":\"ALARM\",\"NewStateReason\":\"Threshold"
                + " Crossed: 1 out of the last 1 datapoints [66.66201000304783 (09/09/24 01:54:00)] was greater than"
                + " the threshold (30.0) (minimum 1 datapoint for OK -> ALARM transition).\",\"StateChangeTime\":"
                + "\"2024-09-09T01:59:07.423+0000\",\"Region\":\"Asia Pacific (Singapore)\",\"AlarmArn\":"
                + "\"arn:aws:cloudwatch:ap-southeast-1:123456789012:alarm:node_disk_used(i-0123456789abcdef0)\","
                + "\"OldStateValue\":\"OK\",\"OKActions\":[\"arn:aws:sns:ap-southeast-1:123456789012:AlarmTopic\"],"
                + "\"AlarmActions\":[\"arn:aws:sns:ap-southeast-1:123456789012:AlarmTopic\"],"
                + "\"InsufficientDataActions\":[\"arn:aws:sns:ap-southeast-1:123456789012:AlarmTopic\"],"
                + "\"Trigger\":{\"MetricName\":\"disk_used_percent\",\"Namespace\":\"CWAgent\",\"StatisticType\":"
                + "\"Statistic\",\"Statistic\":\"AVERAGE\",\"Unit\":null,\"Dimensions\":[{\"value\":\"/\",\"name\":"
                + "\"path\"},{\"value\":\"i-0123456789abcdef0\",\"name\":\"InstanceId\"},{\"value\":\"xvda1\","
                + "\"name\":\"device\"},{\"value\":\"xfs\",\"name\":\"fstype\"}],\"Period\":300,"
                + "\"EvaluationPeriods\":1,\"DatapointsToAlarm\":1,\"ComparisonOperator\":\"GreaterThanThreshold\","
                + "\"Threshold\":30.0,\"TreatMissingData\":\"missing\",\"EvaluateLowSampleCountPercentile\":\"\"}}";
        assertThat(AlarmMessages.defaults().body(capturedAlarm(), capturedChange())).isEqualTo(captured);
        assertThat(AlarmMessages.defaults().subject(capturedAlarm(), capturedChange()))
                .isEqualTo("ALARM: \"node_disk_used(i-0123456789abcdef0)\" in Asia Pacific (Singapore)");
    }

    /**
     * The captured alarm as {@code aws cloudwatch describe-alarms} (CLI v2) prints it: read by filter-definitions, it
     * carries its ARN and configuration time, so the message names its own account, region and ARN and its real
     * configuration time, whatever the formatter's defaults.
     */
    @Test
    void anAlarmReadFromDescribeAlarmsWritesItsOwnAccountRegionArnAndConfigurationTime() {
        String json = """
                {"MetricAlarms": [{
                  "AlarmName": "node_disk_used(i-0123456789abcdef0)",
                  "AlarmArn": "arn:aws:cloudwatch:ap-southeast-1:123456789012:alarm:node_disk_used(i-0123456789abcdef0)",
                  "AlarmConfigurationUpdatedTimestamp": "2024-09-09T01:58:09.198000+00:00",
                  "ActionsEnabled": true,
                  "OKActions": ["arn:aws:sns:ap-southeast-1:123456789012:AlarmTopic"],
                  "AlarmActions": ["arn:aws:sns:ap-southeast-1:123456789012:AlarmTopic"],
                  "InsufficientDataActions": ["arn:aws:sns:ap-southeast-1:123456789012:AlarmTopic"],
                  "StateValue": "OK", "StateReason": "Threshold Crossed",
                  "StateUpdatedTimestamp": "2024-09-09T01:54:07.001000+00:00",
                  "MetricName": "disk_used_percent", "Namespace": "CWAgent", "Statistic": "Average",
                  "Dimensions": [{"Name": "path", "Value": "/"}, {"Name": "InstanceId", "Value": "i-0123456789abcdef0"},
                                 {"Name": "device", "Value": "xvda1"}, {"Name": "fstype", "Value": "xfs"}],
                  "Period": 300, "EvaluationPeriods": 1, "DatapointsToAlarm": 1, "Threshold": 30.0,
                  "ComparisonOperator": "GreaterThanThreshold"}], "CompositeAlarms": []}
                """;
        dev.cwfilter.definitions.Definitions d = dev.cwfilter.definitions.DescribeAlarms.parse(json, "alarms.json");
        assertThat(d.problems()).isEmpty();
        MetricAlarm alarm = d.alarms().get(0).alarm();
        assertThat(alarm).isEqualTo(capturedAlarm());
        // A formatter for another region and account: the alarm's ARN decides.
        AlarmMessages elsewhere = AlarmMessages.builder().region("eu-west-1").accountId("999999999999").build();
        String body = elsewhere.body(alarm, capturedChange());
        assertThat(body).isEqualTo(AlarmMessages.defaults().body(capturedAlarm(), capturedChange()));
        assertThat(body).contains("\"AWSAccountId\":\"123456789012\"",
                "\"AlarmConfigurationUpdatedTimestamp\":\"2024-09-09T01:58:09.198+0000\"",
                "\"Region\":\"Asia Pacific (Singapore)\"",
                "\"AlarmArn\":\"arn:aws:cloudwatch:ap-southeast-1:123456789012:alarm:node_disk_used(i-0123456789abcdef0)\"");
        assertThat(elsewhere.subject(alarm, capturedChange()))
                .isEqualTo("ALARM: \"node_disk_used(i-0123456789abcdef0)\" in Asia Pacific (Singapore)");
    }

    @Test
    void fieldsLeftUnsetAreOmittedOrEmptyAsCloudWatchWritesThem() throws Exception {
        MetricAlarm alarm = MetricAlarm.builder().alarmName("plain").namespace("N").metricName("M")
                .statistic(Statistic.SAMPLE_COUNT).periodSeconds(60).evaluationPeriods(2)
                .comparisonOperator(AlarmComparisonOperator.LESS_THAN_OR_EQUAL_TO_THRESHOLD).threshold(2)
                .alarmDescription("a \"quoted\" description").build();
        AlarmStateChange change = new AlarmStateChange("plain", 0, AlarmState.INSUFFICIENT_DATA, AlarmState.OK,
                "r", AlarmStateChange.Cause.SET_ALARM_STATE, List.of(), List.of());
        JsonNode body = JSON.readTree(AlarmMessages.builder().region("eu-west-1").accountId("111122223333").build()
                .body(alarm, change));
        assertThat(fieldNames(body)).containsExactly("AlarmName", "AlarmDescription", "AWSAccountId",
                "NewStateValue", "NewStateReason", "StateChangeTime", "Region", "AlarmArn", "OldStateValue",
                "OKActions", "AlarmActions", "InsufficientDataActions", "Trigger");
        assertThat(body.get("AlarmDescription").asText()).isEqualTo("a \"quoted\" description");
        assertThat(body.get("AWSAccountId").asText()).isEqualTo("111122223333");
        assertThat(body.get("Region").asText()).isEqualTo("EU (Ireland)");
        assertThat(body.get("AlarmArn").asText()).isEqualTo("arn:aws:cloudwatch:eu-west-1:111122223333:alarm:plain");
        assertThat(body.get("StateChangeTime").asText()).isEqualTo("1970-01-01T00:00:00.000+0000");
        assertThat(body.get("OKActions").isArray()).isTrue();
        assertThat(body.get("OKActions")).isEmpty();
        JsonNode trigger = body.get("Trigger");
        assertThat(fieldNames(trigger)).containsExactly("MetricName", "Namespace", "StatisticType", "Statistic",
                "Unit", "Dimensions", "Period", "EvaluationPeriods", "ComparisonOperator", "Threshold",
                "TreatMissingData", "EvaluateLowSampleCountPercentile");
        assertThat(trigger.get("Statistic").asText()).isEqualTo("SAMPLE_COUNT");
        assertThat(trigger.get("Unit").isNull()).isTrue();
        assertThat(trigger.get("Dimensions")).isEmpty();
        assertThat(trigger.get("Threshold").isDouble()).isTrue();
        assertThat(trigger.get("TreatMissingData").asText()).isEqualTo("missing");
        assertThat(trigger.get("EvaluateLowSampleCountPercentile").asText()).isEmpty();
    }

    @Test
    void percentileAlarmsNameTheirExtendedStatisticAndSettingsGiven() throws Exception {
        MetricAlarm alarm = MetricAlarm.builder().alarmName("p").namespace("N").metricName("M")
                .statistic("p99.9").unit(StandardUnit.MILLISECONDS).periodSeconds(60).evaluationPeriods(3)
                .datapointsToAlarm(2).comparisonOperator(AlarmComparisonOperator.GREATER_THAN_THRESHOLD)
                .threshold(250.5).treatMissingData(TreatMissingData.NOT_BREACHING)
                .evaluateLowSampleCountPercentile(LowSampleCountPercentile.IGNORE).build();
        AlarmStateChange change = new AlarmStateChange("p", 0, AlarmState.OK, AlarmState.ALARM, "r",
                AlarmStateChange.Cause.SET_ALARM_STATE, List.of(), List.of());
        JsonNode trigger = JSON.readTree(AlarmMessages.defaults().body(alarm, change)).get("Trigger");
        assertThat(fieldNames(trigger)).containsExactly("MetricName", "Namespace", "StatisticType",
                "ExtendedStatistic", "Unit", "Dimensions", "Period", "EvaluationPeriods", "DatapointsToAlarm",
                "ComparisonOperator", "Threshold", "TreatMissingData", "EvaluateLowSampleCountPercentile");
        assertThat(trigger.get("StatisticType").asText()).isEqualTo("ExtendedStatistic");
        assertThat(trigger.get("ExtendedStatistic").asText()).isEqualTo("p99.9");
        assertThat(trigger.get("Unit").asText()).isEqualTo("Milliseconds");
        assertThat(trigger.get("DatapointsToAlarm").asInt()).isEqualTo(2);
        assertThat(trigger.get("Threshold").asDouble()).isEqualTo(250.5);
        assertThat(trigger.get("TreatMissingData").asText()).isEqualTo("notBreaching");
        assertThat(trigger.get("EvaluateLowSampleCountPercentile").asText()).isEqualTo("ignore");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            // The two captured long subjects of AWS-SHAPES.md 1.2 (A6), 100 characters each.
            "HowToTriggerCloudwatchAlarmFromLambdaStack-howtotriggercloudwatchalarmfromlambdaABCDEF123, us-east-1,"
                    + " 'ALARM: \"HowToTriggerCloudwatchAlarmFromLambdaStack-howtotriggercloudwat...\" in US East"
                    + " (N. Virginia)'",
            "SharedInfra-Alpha-Database-DatabaseInstanceObservabilityHighDatabaseConnectionsAlarm0123, eu-south-1,"
                    + " 'ALARM: \"SharedInfra-Alpha-Database-DatabaseInstanceObservabilityHighDatabaseConnec...\" in"
                    + " EU (Milan)'"})
    void longSubjectsAreCutInTheAlarmNameToExactly100Characters(String name, String region, String expected) {
        MetricAlarm alarm = MetricAlarm.builder().alarmName(name).namespace("N").metricName("M")
                .statistic(Statistic.SUM).periodSeconds(60).evaluationPeriods(1)
                .comparisonOperator(AlarmComparisonOperator.GREATER_THAN_THRESHOLD).threshold(0).build();
        AlarmStateChange change = new AlarmStateChange(name, 0, AlarmState.OK, AlarmState.ALARM, "r",
                AlarmStateChange.Cause.SET_ALARM_STATE, List.of(), List.of());
        String subject = AlarmMessages.builder().region(region).build().subject(alarm, change);
        assertThat(subject).isEqualTo(expected).hasSize(100);
        // The body keeps the whole name.
        assertThat(AlarmMessages.builder().region(region).build().body(alarm, change)).contains(name);
    }

    @Test
    void subjectsAreAsciiAndRegionNamesCanBeOverridden() {
        MetricAlarm alarm = MetricAlarm.builder().alarmName("héllo\tworld").namespace("N").metricName("M")
                .statistic(Statistic.SUM).periodSeconds(60).evaluationPeriods(1)
                .comparisonOperator(AlarmComparisonOperator.GREATER_THAN_THRESHOLD).threshold(0).build();
        AlarmStateChange change = new AlarmStateChange(alarm.alarmName(), 0, AlarmState.ALARM,
                AlarmState.INSUFFICIENT_DATA, "r", AlarmStateChange.Cause.SET_ALARM_STATE, List.of(), List.of());
        AlarmMessages messages = AlarmMessages.builder().region("xx-moon-1").regionName("xx-moon-1", "Moon (Base)")
                .build();
        assertThat(messages.subject(alarm, change)).isEqualTo("INSUFFICIENT_DATA: \"h?llo?world\" in Moon (Base)");
        assertThat(AlarmMessages.builder().region("xx-moon-1").build().subject(alarm, change))
                .endsWith(" in xx-moon-1");
        assertThatThrownBy(() -> AlarmMessages.builder().region("Moon")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AlarmMessages.builder().accountId("12")).isInstanceOf(
                IllegalArgumentException.class);
    }

    @Test
    void theMessageStructureHoldsBodySubjectAndEmail() throws Exception {
        JsonNode structure = JSON.readTree(AlarmMessages.defaults().messageStructure(capturedAlarm(),
                capturedChange()));
        assertThat(fieldNames(structure)).containsExactly("default", "sms", "email");
        assertThat(structure.get("default").asText())
                .isEqualTo(AlarmMessages.defaults().body(capturedAlarm(), capturedChange()));
        assertThat(structure.get("sms").asText())
                .isEqualTo(AlarmMessages.defaults().subject(capturedAlarm(), capturedChange()));
        assertThat(structure.get("email").asText()).startsWith("You are receiving this email because your Amazon"
                + " CloudWatch Alarm \"node_disk_used(i-0123456789abcdef0)\" in the Asia Pacific (Singapore) region"
                + " has entered the ALARM state");
    }

    static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
