package dev.cwfilter.testkit.deploy;

import static dev.cwfilter.testkit.FilterAssertions.assertThatMetricFilter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cwfilter.StandardUnit;
import dev.cwfilter.testkit.FileFormatException;
import dev.cwfilter.testkit.events.CloudTrailEvents;
import org.junit.jupiter.api.Test;

class TerraformPlanTest {

    @Test
    void metricFiltersOfTheRootAndChildModules() {
        TerraformPlan plan = TerraformPlan.fromClasspath("deploy/plan.json");
        assertThat(plan.metricFilters()).extracting(MetricFilterResource::name).containsExactly(
                "aws_cloudwatch_log_metric_filter.secret_access",
                "module.app.aws_cloudwatch_log_metric_filter.latency[\"orders\"]");
        MetricFilterResource secret = plan.metricFilter("aws_cloudwatch_log_metric_filter.secret_access");
        assertThat(secret.line()).isEqualTo(7);
        assertThat(secret.logGroupName()).contains("/aws/cloudtrail/prod");
        assertThat(secret.filter().filterName()).contains("secret-access");
        assertThat(secret.filter().defaultValue().getAsDouble()).isZero();
        assertThatMetricFilter(secret).hasMetric("SecurityMetrics", "SecretIsAccessed")
                .publishes(1).forEvent(CloudTrailEvents.getSecretValue().build())
                .publishesDefaultFor(CloudTrailEvents.listSecrets().build());

        MetricFilterResource latency = plan.metricFilter("orders-latency");
        assertThat(latency.filter().defaultValue()).isEmpty();
        assertThatMetricFilter(latency).hasUnit(StandardUnit.MILLISECONDS)
                .publishes(42).withDimension("Service", "orders").forEvent("{\"latency\":42,\"service\":\"orders\"}");
        assertThat(plan.metricFilter("secret_access")).isSameAs(secret);
    }

    @Test
    void unknownShapesAreErrorsNamingTheResource() {
        assertPlanError("{\"format_version\":\"1.2\"}", "plan.json line 1: not a Terraform JSON plan: no"
                + " planned_values.root_module");
        assertPlanError("""
                {"planned_values":{"root_module":{"resources":[
                  {"address":"aws_cloudwatch_log_metric_filter.x","type":"aws_cloudwatch_log_metric_filter",
                   "values":{"metric_transformation":[{"value":"1"}]}}]}}}""",
                "plan.json line 2: resource aws_cloudwatch_log_metric_filter.x: values.pattern is missing: the plan"
                        + " does not know it (computed at apply?)");
        assertPlanError("""
                {"planned_values":{"root_module":{"resources":[
                  {"address":"aws_cloudwatch_log_metric_filter.x","type":"aws_cloudwatch_log_metric_filter",
                   "values":{"pattern":"ERROR","metric_transformation":[]}}]}}}""",
                "plan.json line 3: resource aws_cloudwatch_log_metric_filter.x: values.metric_transformation must"
                        + " hold exactly one block");
        assertPlanError("""
                {"planned_values":{"root_module":{"resources":[
                  {"address":"aws_cloudwatch_log_metric_filter.x","type":"aws_cloudwatch_log_metric_filter",
                   "values":{"pattern":"ERROR","metric_transformation":[{"value":"1","default_value":"zero"}]}}]}}}""",
                "plan.json line 3: resource aws_cloudwatch_log_metric_filter.x: metric_transformation.default_value"
                        + " 'zero' is not a number");
        assertPlanError("{\"planned_values\": [", "plan.json line 1: not well-formed JSON");
    }

    @Test
    void stateOutputIsReadToo() {
        TerraformPlan state = TerraformPlan.parse("""
                {"values":{"root_module":{"resources":[
                  {"address":"aws_cloudwatch_log_metric_filter.x","type":"aws_cloudwatch_log_metric_filter",
                   "values":{"pattern":"ERROR","metric_transformation":[{"value":"1","name":"E","namespace":"N",
                   "unit":"Count","default_value":""}]}}]}}}""", "state.json");
        assertThat(state.metricFilter("x").filter().defaultValue()).isEmpty();
    }

    static void assertPlanError(String json, String messageStart) {
        assertThatThrownBy(() -> TerraformPlan.parse(json, "plan.json")).isInstanceOf(FileFormatException.class)
                .hasMessageStartingWith(messageStart);
    }
}
