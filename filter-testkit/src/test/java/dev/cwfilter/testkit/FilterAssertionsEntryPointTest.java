package dev.cwfilter.testkit;

import static dev.cwfilter.testkit.FilterAssertions.*;
import static dev.cwfilter.testkit.events.CloudTrailEvents.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cwfilter.metric.AlarmState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Everything a test needs from one static import of {@link FilterAssertions}: the states and the readers. */
class FilterAssertionsEntryPointTest {

    @Test
    void theAlarmStatesAreTheCoreStates() {
        assertThat(ALARM).isSameAs(AlarmState.ALARM);
        assertThat(OK).isSameAs(AlarmState.OK);
        assertThat(INSUFFICIENT_DATA).isSameAs(AlarmState.INSUFFICIENT_DATA);
    }

    @Test
    void theDeployReadersReadTemplatesPlansAndRules() {
        assertThatMetricFilter(cloudFormationTemplateFromClasspath("infra/monitoring.yaml")
                .metricFilter("SecretAccessFilter")).publishes(1).forEvent(getSecretValue().build());
        assertThatMetricFilter(cloudFormationTemplate(Path.of("src/test/resources/infra/monitoring.yaml"))
                .metricFilter("SecretAccessFilter")).publishesDefaultFor(listSecrets().build());
        assertThat(terraformPlanFromClasspath("infra/plan.json").metricFilter("secret_access").filter().pattern())
                .isEqualTo(terraformPlan(Path.of("src/test/resources/infra/plan.json")).metricFilter("secret_access")
                        .filter().pattern());
        assertThatRule(ruleDefinitions(Path.of("src/test/resources/infra/monitoring.yaml")).rule("SecretChangeRule"))
                .matches(deleteSecret().user("alice").secret("prod/db").build())
                .doesNotMatch(getSecretValue().build());
    }

    @Test
    void theDefinitionReadersReadDescribeOutput(@TempDir Path dir) throws IOException {
        Path filters = dir.resolve("filters.json");
        Files.writeString(filters, "{\"metricFilters\": [{\"filterName\": \"SecretIsAccessed\","
                + " \"filterPattern\": \"{ $.eventName = \\\"GetSecretValue\\\" }\", \"logGroupName\": \"trail\","
                + " \"metricTransformations\": [{\"metricName\": \"Secret is accessed\","
                + " \"metricNamespace\": \"SecurityMetrics\", \"metricValue\": \"1\", \"defaultValue\": 0}]}]}");
        Path alarms = dir.resolve("alarms.json");
        Files.writeString(alarms, "{\"MetricAlarms\": [{\"AlarmName\": \"Secret is accessed\","
                + " \"Namespace\": \"SecurityMetrics\", \"MetricName\": \"Secret is accessed\", \"Statistic\": \"Sum\","
                + " \"Period\": 60, \"EvaluationPeriods\": 1, \"Threshold\": 1.0,"
                + " \"ComparisonOperator\": \"GreaterThanOrEqualToThreshold\", \"Dimensions\": []}]}");

        var deployed = describeMetricFilters(filters);
        var alarmDefinitions = describeAlarms(alarms);

        assertThat(deployed.problems()).isEmpty();
        assertThat(alarmDefinitions.problems()).isEmpty();
        assertThatAlarm(alarmDefinitions.alarms().get(0).alarm()).fedBy(deployed.metricFilters().get(0).filter())
                .givenEvents(at("12:03:14", getSecretValue()), at("12:04:10", listSecrets()))
                .goesTo(ALARM).at("12:04");
    }
}
