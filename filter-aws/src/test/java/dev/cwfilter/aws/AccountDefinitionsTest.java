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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatch.model.ComparisonOperator;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatchlogs.model.MetricTransformation;

/** The account's metric filters and alarms, created in moto and read back as cwfilter objects. */
class AccountDefinitionsTest {

    private static LocalAws proxy;
    private static AwsClients aws;

    @BeforeAll
    static void clients() {
        proxy = LocalAws.shared();
        aws = AwsClients.builder().endpoint(proxy.endpoint()).region("us-east-1").credentials(Moto.CREDENTIALS)
                .build();
    }

    @AfterAll
    static void close() {
        aws.close();
        proxy.close();
    }

    @Test
    void metricFiltersBecomeMetricFiltersAndBadOnesAreReportedByName() {
        String group = "/cloudtrail/" + UUID.randomUUID();
        aws.logs().createLogGroup(b -> b.logGroupName(group));
        aws.logs().putMetricFilter(b -> b.logGroupName(group).filterName("GetSecretValue")
                .filterPattern("{ $.eventName = \"GetSecretValue\" }")
                .metricTransformations(MetricTransformation.builder().metricName("GetSecretValueCount")
                        .metricNamespace("CloudTrailMetrics").metricValue("1").defaultValue(0.0).build()));
        Map<String, String> dims = new LinkedHashMap<>();
        dims.put("Service", "$.service");
        dims.put("Host", "$.host");
        aws.logs().putMetricFilter(b -> b.logGroupName(group).filterName("Latency")
                .filterPattern("{ $.latency = * }")
                .metricTransformations(MetricTransformation.builder().metricName("Latency").metricNamespace("App")
                        .metricValue("$.latency").dimensions(dims).unit("Milliseconds").build()));
        aws.logs().putMetricFilter(b -> b.logGroupName(group).filterName("Broken")
                .filterPattern("{ $.eventName = }")
                .metricTransformations(MetricTransformation.builder().metricName("X").metricNamespace("App")
                        .metricValue("1").build()));
        for (int i = 0; i < 55; i++) {
            String name = "Term" + i;
            aws.logs().putMetricFilter(b -> b.logGroupName(group).filterName(name).filterPattern("ERROR " + name)
                    .metricTransformations(MetricTransformation.builder().metricName(name).metricNamespace("App")
                            .metricValue("1").build()));
        }

        AccountDefinitions.Result<MetricFilter> result = AccountDefinitions.metricFilters(aws.logs(), group,
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
        String topic = aws.sns().createTopic(b -> b.name("alarms-" + UUID.randomUUID())).topicArn();
        aws.cloudWatch().putMetricAlarm(b -> b.alarmName(name).alarmDescription("GetSecretValue called")
                .namespace("CloudTrailMetrics").metricName("GetSecretValueCount").statistic("Sum").period(60)
                .evaluationPeriods(1).datapointsToAlarm(1).threshold(1.0)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
                .treatMissingData("notBreaching").alarmActions(topic).okActions(topic)
                .dimensions(d -> d.name("Secret").value("prod/db")));
        String math = "math-" + UUID.randomUUID();
        aws.cloudWatch().putMetricAlarm(b -> b.alarmName(math).evaluationPeriods(1).threshold(0.0)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD)
                .metrics(MetricDataQuery.builder().id("e1").expression("m1*1").returnData(true).build(),
                        MetricDataQuery.builder().id("m1").metricStat(s -> s.metric(m -> m.namespace("AWS/EC2")
                                .metricName("NetworkOut")).period(60).stat("Average")).returnData(false).build()));

        AccountDefinitions.Result<MetricAlarm> result = AccountDefinitions.alarms(aws.cloudWatch());
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
}
