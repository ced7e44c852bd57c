package dev.cwfilter.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cwfilter.FilterOptions;
import dev.cwfilter.MetricFilter;
import dev.cwfilter.StandardUnit;
import dev.cwfilter.metric.AlarmComparisonOperator;
import dev.cwfilter.metric.MetricAlarm;
import dev.cwfilter.metric.Statistic;
import dev.cwfilter.metric.TreatMissingData;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cloudwatch.model.ComparisonOperator;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatchlogs.model.MetricTransformation;

/** The account's metric filters and alarms, created in moto and read back as cwfilter objects. */
class AccountDefinitionsTest {

    @RegisterExtension
    static final MotoAccount MOTO = new MotoAccount();

    @Test
    void metricFiltersBecomeMetricFiltersAndBadOnesAreReportedByName() {
        String group = "/cloudtrail/" + UUID.randomUUID();
        MOTO.aws().logs().createLogGroup(b -> b.logGroupName(group));
        MOTO.aws().logs().putMetricFilter(b -> b.logGroupName(group).filterName("GetSecretValue")
                .filterPattern("{ $.eventName = \"GetSecretValue\" }")
                .metricTransformations(MetricTransformation.builder().metricName("GetSecretValueCount")
                        .metricNamespace("CloudTrailMetrics").metricValue("1").defaultValue(0.0).build()));
        Map<String, String> dims = new LinkedHashMap<>();
        dims.put("Service", "$.service");
        dims.put("Host", "$.host");
        MOTO.aws().logs().putMetricFilter(b -> b.logGroupName(group).filterName("Latency")
                .filterPattern("{ $.latency = * }")
                .metricTransformations(MetricTransformation.builder().metricName("Latency").metricNamespace("App")
                        .metricValue("$.latency").dimensions(dims).unit("Milliseconds").build()));
        MOTO.aws().logs().putMetricFilter(b -> b.logGroupName(group).filterName("Broken")
                .filterPattern("{ $.eventName = }")
                .metricTransformations(MetricTransformation.builder().metricName("X").metricNamespace("App")
                        .metricValue("1").build()));
        for (int i = 0; i < 55; i++) {
            String name = "Term" + i;
            MOTO.aws().logs().putMetricFilter(b -> b.logGroupName(group).filterName(name).filterPattern("ERROR " + name)
                    .metricTransformations(MetricTransformation.builder().metricName(name).metricNamespace("App")
                            .metricValue("1").build()));
        }

        AccountDefinitions.Result<MetricFilter> result = AccountDefinitions.metricFilters(MOTO.aws().logs(), group,
                FilterOptions.defaults());
        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo("metric filter");
            assertThat(p.name()).isEqualTo("Broken");
            assertThat(p.describe()).startsWith("metric filter \"Broken\": ");
        });
        assertThat(result.definitions()).hasSize(57);
        MetricFilter seed = result.definitions().stream().filter(f -> f.filterName().orElseThrow()
                .equals("GetSecretValue")).findFirst().orElseThrow();
        assertThat(seed.pattern().toString()).isEqualTo("{ $.eventName = \"GetSecretValue\" }");
        assertThat(seed.metricNamespace()).contains("CloudTrailMetrics");
        assertThat(seed.metricName()).contains("GetSecretValueCount");
        assertThat(seed.metricValue()).isEqualTo("1");
        assertThat(seed.defaultValue()).hasValue(0.0);
        assertThat(seed.unit()).isEqualTo(StandardUnit.NONE);
        MetricFilter latency = result.definitions().stream().filter(f -> f.filterName().orElseThrow()
                .equals("Latency")).findFirst().orElseThrow();
        assertThat(latency.dimensions()).isEqualTo(dims);
        assertThat(latency.unit()).isEqualTo(StandardUnit.MILLISECONDS);
        assertThat(latency.defaultValue()).isEmpty();
    }

    @Test
    void alarmsBecomeMetricAlarmsWithTheirArnAndActionsAndMathAlarmsAreReported() {
        String name = "secrets-" + UUID.randomUUID();
        String topic = MOTO.aws().sns().createTopic(b -> b.name("alarms-" + UUID.randomUUID())).topicArn();
        MOTO.aws().cloudWatch().putMetricAlarm(b -> b.alarmName(name).alarmDescription("GetSecretValue called")
                .namespace("CloudTrailMetrics").metricName("GetSecretValueCount").statistic("Sum").period(60)
                .evaluationPeriods(1).datapointsToAlarm(1).threshold(1.0)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
                .treatMissingData("notBreaching").alarmActions(topic).okActions(topic)
                .dimensions(d -> d.name("Secret").value("prod/db")));
        String math = "math-" + UUID.randomUUID();
        MOTO.aws().cloudWatch().putMetricAlarm(b -> b.alarmName(math).evaluationPeriods(1).threshold(0.0)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD)
                .metrics(MetricDataQuery.builder().id("e1").expression("m1*1").returnData(true).build(),
                        MetricDataQuery.builder().id("m1").metricStat(s -> s.metric(m -> m.namespace("AWS/EC2")
                                .metricName("NetworkOut")).period(60).stat("Average")).returnData(false).build()));

        AccountDefinitions.Result<MetricAlarm> result = AccountDefinitions.alarms(MOTO.aws().cloudWatch());
        MetricAlarm alarm = result.definitions().stream().filter(a -> a.alarmName().equals(name)).findFirst()
                .orElseThrow();
        MetricAlarm expected = MetricAlarm.builder().alarmName(name).alarmDescription("GetSecretValue called")
                .alarmArn("arn:aws:cloudwatch:us-east-1:" + Moto.ACCOUNT + ":alarm:" + name)
                .alarmConfigurationUpdatedTimestamp(alarm.alarmConfigurationUpdatedTimestamp())
                .namespace("CloudTrailMetrics").metricName("GetSecretValueCount").statistic(Statistic.SUM)
                .periodSeconds(60).evaluationPeriods(1).datapointsToAlarm(1).threshold(1)
                .comparisonOperator(AlarmComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
                .treatMissingData(TreatMissingData.NOT_BREACHING).alarmActions(List.of(topic))
                .okActions(List.of(topic)).dimensions(Map.of("Secret", "prod/db")).build();
        assertThat(alarm).isEqualTo(expected);
        assertThat(alarm.alarmConfigurationUpdatedTimestamp()).isPresent();
        assertThat(alarm.accountId()).contains(Moto.ACCOUNT);
        assertThat(result.problems()).anySatisfy(p -> {
            assertThat(p.name()).isEqualTo(math);
            assertThat(p.message()).contains("metric-math");
        });

        MetricFilter filter = MetricFilter.builder().filterPattern("{ $.eventName = \"GetSecretValue\" }")
                .metricNamespace("CloudTrailMetrics").metricName("GetSecretValueCount").build();
        AccountDefinitions.Result<MetricAlarm> on = AccountDefinitions.alarmsOn(List.of(filter), result);
        assertThat(on.definitions()).contains(alarm);
        assertThat(on.problems()).anySatisfy(p -> assertThat(p.name()).isEqualTo(math));
    }

    /** Moto's own JSON answer to a JSON-protocol call: the document the AWS CLI prints for it. */
    private static String rawJson(String service, String target, String version, String body) throws Exception {
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(Moto.endpoint())
                .header("Content-Type", "application/x-amz-json-" + version)
                .header("X-Amz-Target", target)
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=testing/20260101/us-east-1/" + service
                        + "/aws4_request, SignedHeaders=host, Signature=0")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build();
        java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(request,
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    @Test
    void theSdksAnswersGiveTheObjectsTheAwsCliJsonGives() throws Exception {
        String group = "/same/" + UUID.randomUUID();
        MOTO.aws().logs().createLogGroup(b -> b.logGroupName(group));
        Map<String, String> dims = new LinkedHashMap<>();
        dims.put("Service", "$.service");
        MOTO.aws().logs().putMetricFilter(b -> b.logGroupName(group).filterName("Latency")
                .filterPattern("{ $.latency > 100 }")
                .metricTransformations(MetricTransformation.builder().metricName("Slow").metricNamespace("App")
                        .metricValue("$.latency").dimensions(dims).unit("Milliseconds").build()));
        MOTO.aws().logs().putMetricFilter(b -> b.logGroupName(group).filterName("Errors").filterPattern("ERROR")
                .metricTransformations(MetricTransformation.builder().metricName("Errors").metricNamespace("App")
                        .metricValue("1").defaultValue(0.0).build()));
        String name = "same-" + UUID.randomUUID();
        MOTO.aws().cloudWatch().putMetricAlarm(b -> b.alarmName(name).alarmDescription("slow").namespace("App")
                .metricName("Slow").extendedStatistic("p99").period(300).evaluationPeriods(3).datapointsToAlarm(2)
                .threshold(250.0).comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD)
                .treatMissingData("breaching").unit("Milliseconds").alarmActions("arn:aws:sns:us-east-1:"
                        + Moto.ACCOUNT + ":ops").dimensions(d -> d.name("Service").value("api")));

        java.util.List<MetricFilter> sdkFilters = AccountDefinitions.metricFilters(MOTO.aws().logs(), group,
                FilterOptions.defaults()).definitions();
        dev.cwfilter.definitions.Definitions cliFilters = dev.cwfilter.definitions.DefinitionFiles.parse(
                rawJson("logs", "Logs_20140328.DescribeMetricFilters", "1.1", "{\"logGroupName\":\"" + group
                        + "\"}"), "filters.json", FilterOptions.defaults());
        assertThat(cliFilters.problems()).isEmpty();
        assertThat(sdkFilters).hasSize(2).hasSameSizeAs(cliFilters.metricFilters());
        for (int i = 0; i < sdkFilters.size(); i++) {
            MetricFilter sdk = sdkFilters.get(i);
            MetricFilter cli = cliFilters.metricFilters().get(i).filter();
            assertThat(sdk.filterName()).isEqualTo(cli.filterName());
            assertThat(sdk.pattern().toString()).isEqualTo(cli.pattern().toString());
            assertThat(sdk.metricNamespace()).isEqualTo(cli.metricNamespace());
            assertThat(sdk.metricName()).isEqualTo(cli.metricName());
            assertThat(sdk.metricValue()).isEqualTo(cli.metricValue());
            assertThat(sdk.defaultValue()).isEqualTo(cli.defaultValue());
            assertThat(sdk.dimensions()).isEqualTo(cli.dimensions());
            assertThat(sdk.unit()).isEqualTo(cli.unit());
        }

        MetricAlarm sdkAlarm = AccountDefinitions.alarms(MOTO.aws().cloudWatch()).definitions().stream()
                .filter(a -> a.alarmName().equals(name)).findFirst().orElseThrow();
        // The wire's timestamps are epoch seconds; AWS CLI v2 prints them as isoformat (AWS-SHAPES.md section 5).
        com.fasterxml.jackson.databind.ObjectMapper mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        com.fasterxml.jackson.databind.JsonNode answer = mapper.readTree(rawJson("monitoring",
                "GraniteServiceVersion20100801.DescribeAlarms", "1.0", "{\"AlarmNames\":[\"" + name + "\"]}"));
        for (com.fasterxml.jackson.databind.JsonNode alarm : answer.get("MetricAlarms")) {
            for (String field : java.util.List.of("AlarmConfigurationUpdatedTimestamp", "StateUpdatedTimestamp",
                    "StateTransitionedTimestamp")) {
                if (alarm.has(field) && alarm.get(field).isNumber()) {
                    java.time.Instant t = java.time.Instant.ofEpochMilli(Math.round(alarm.get(field).asDouble()
                            * 1000));
                    ((com.fasterxml.jackson.databind.node.ObjectNode) alarm).put(field, java.time.OffsetDateTime
                            .ofInstant(t, java.time.ZoneOffset.UTC).format(java.time.format.DateTimeFormatter
                                    .ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSxxx")));
                }
            }
        }
        dev.cwfilter.definitions.Definitions cliAlarms = dev.cwfilter.definitions.DefinitionFiles.parse(
                mapper.writeValueAsString(answer), "alarms.json", FilterOptions.defaults());
        assertThat(cliAlarms.problems()).isEmpty();
        MetricAlarm cliAlarm = cliAlarms.alarms().get(0).alarm();
        // Both carry the configuration, the ARN and the configuration time (to the millisecond).
        assertThat(sdkAlarm).isEqualTo(cliAlarm);
        assertThat(sdkAlarm.alarmArn()).contains("arn:aws:cloudwatch:us-east-1:" + Moto.ACCOUNT + ":alarm:" + name);
        assertThat(cliAlarm.alarmArn()).isEqualTo(sdkAlarm.alarmArn());
        assertThat(cliAlarm.alarmConfigurationUpdatedTimestamp()).isPresent()
                .isEqualTo(sdkAlarm.alarmConfigurationUpdatedTimestamp());
    }
}
