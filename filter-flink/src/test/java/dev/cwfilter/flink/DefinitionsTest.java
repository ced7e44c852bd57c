package dev.cwfilter.flink;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cwfilter.FilterOptions;
import dev.cwfilter.LogGroup;
import dev.cwfilter.MetricFilter;
import dev.cwfilter.definitions.DefinitionFiles;
import dev.cwfilter.definitions.Definitions;
import dev.cwfilter.definitions.MetricFilterDefinition;
import dev.cwfilter.metric.MetricAlarm;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a job ships to its tasks: the filters and alarms as serializable data, compiled again on each task into the same
 * filters and alarms — the describe-* definitions of the command's tests included (ARNs, configuration times, fields
 * set or left to their defaults, dimension order).
 */
class DefinitionsTest {

    @Test
    void definitionsSurviveJavaSerializationAndCompileBackToTheSameFiltersAndAlarms(@TempDir Path dir)
            throws Exception {
        Definitions read = DefinitionFiles.read(JobEqualsCliTest.resource("/definitions/metric-filters.json",
                dir.resolve("f.json")), FilterOptions.defaults()).plus(DefinitionFiles.read(
                JobEqualsCliTest.resource("/definitions/alarms.json", dir.resolve("a.json")),
                FilterOptions.defaults()));
        List<MetricFilter> filters = read.metricFilters().stream().map(MetricFilterDefinition::filter)
                .filter(f -> f.metricNamespace().isPresent()).toList();
        List<MetricAlarm> alarms = new java.util.ArrayList<>(read.alarms().stream().map(d -> d.alarm()).toList());
        java.util.LinkedHashMap<String, String> dimensions = new java.util.LinkedHashMap<>();
        dimensions.put("Zone", "b");
        dimensions.put("Api", "GetSecretValue");
        alarms.add(MetricAlarm.builder().alarmName("From the account").namespace("SecurityMetrics")
                .metricName("Secret is accessed").dimensions(dimensions).statistic("p99").periodSeconds(300)
                .evaluationPeriods(3).threshold(250).comparisonOperator(
                        dev.cwfilter.metric.AlarmComparisonOperator.GREATER_THAN_THRESHOLD)
                .evaluateLowSampleCountPercentile(dev.cwfilter.metric.LowSampleCountPercentile.IGNORE)
                .unit(dev.cwfilter.StandardUnit.MILLISECONDS).alarmDescription("p99 latency")
                .alarmArn("arn:aws:cloudwatch:eu-west-1:123456789012:alarm:From the account")
                .alarmConfigurationUpdatedTimestamp(1795262400123L).build());
        assertThat(alarms).anyMatch(a -> !a.isDatapointsToAlarmSet());
        LogGroup group = LogGroup.builder().name("CloudTrail/DefaultLogGroup").metricFilters(filters).build();

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(dev.cwfilter.flink.Definitions.of(group, alarms));
        }
        dev.cwfilter.flink.Definitions back;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            back = (dev.cwfilter.flink.Definitions) in.readObject();
        }
        assertThat(back.alarms()).isEqualTo(alarms);
        LogGroup again = back.logGroup();
        assertThat(again.name()).isEqualTo(group.name());
        assertThat(again.metricFilters()).hasSameSizeAs(filters);
        for (int i = 0; i < filters.size(); i++) {
            MetricFilter a = filters.get(i);
            MetricFilter b = again.metricFilters().get(i);
            assertThat(b.filterName()).isEqualTo(a.filterName());
            assertThat(b.pattern()).isEqualTo(a.pattern());
            assertThat(b.options()).isEqualTo(a.options());
            assertThat(b.metricValue()).isEqualTo(a.metricValue());
            assertThat(b.defaultValue()).isEqualTo(a.defaultValue());
            assertThat(b.dimensions()).containsExactlyEntriesOf(a.dimensions());
            assertThat(b.unit()).isEqualTo(a.unit());
        }
    }
}
