package dev.cwfilter.definitions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cwfilter.deploy.DocumentException;
import dev.cwfilter.FilterOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DefinitionFilesTest {

    @TempDir
    Path dir;

    @Test
    void theKindIsToldFromTheContent() throws Exception {
        Path filters = Path.of(getClass().getResource("/aws/describe-metric-filters.json").toURI());
        Path alarms = Path.of(getClass().getResource("/aws/describe-alarms.json").toURI());
        assertThat(DefinitionFiles.read(filters, FilterOptions.defaults()).problems())
                .extracting(DefinitionProblem::name).containsExactly("DemoFilter");
        assertThat(DefinitionFiles.read(alarms, FilterOptions.defaults()).alarms()).hasSize(1);
        Path yaml = Files.writeString(dir.resolve("t.yaml"), "Resources:\n  F:\n    Type: AWS::Logs::MetricFilter\n"
                + "    Properties:\n      LogGroupName: trail\n      FilterPattern: ERROR\n"
                + "      MetricTransformations: [{MetricValue: '1', MetricName: E, MetricNamespace: N}]\n"
                + "  G:\n    Type: AWS::Logs::MetricFilter\n    Properties:\n      FilterPattern: '{ $.a = }'\n"
                + "      MetricTransformations: [{MetricValue: '1', MetricName: E, MetricNamespace: N}]\n");
        Definitions cfn = DefinitionFiles.read(yaml, FilterOptions.defaults());
        assertThat(cfn.metricFilters()).extracting(MetricFilterDefinition::name).containsExactly("F");
        assertThat(cfn.metricFilters().get(0).logGroupName()).contains("trail");
        assertThat(cfn.problems()).singleElement().satisfies(p -> {
            assertThat(p.name()).isEqualTo("G");
            assertThat(p.line()).isEqualTo(8);
            assertThat(p.reason()).startsWith("the filter pattern is invalid: expected a value after '='")
                    .endsWith("\n{ $.a = }\n        ^");
        });
        Path plan = Files.writeString(dir.resolve("plan.json"), "{\"planned_values\":{\"root_module\":{\"resources\":["
                + "{\"address\":\"aws_cloudwatch_log_metric_filter.x\",\"type\":\"aws_cloudwatch_log_metric_filter\","
                + "\"values\":{\"pattern\":\"ERROR\",\"log_group_name\":\"app\",\"metric_transformation\":[{\"value\":"
                + "\"1\",\"name\":\"E\",\"namespace\":\"N\"}]}},"
                + "{\"address\":\"aws_cloudwatch_log_metric_filter.y\",\"type\":\"aws_cloudwatch_log_metric_filter\","
                + "\"values\":{\"metric_transformation\":[{\"value\":\"1\"}]}}]}}}");
        Definitions tf = DefinitionFiles.read(plan, FilterOptions.defaults());
        assertThat(tf.metricFilters()).extracting(MetricFilterDefinition::name)
                .containsExactly("aws_cloudwatch_log_metric_filter.x");
        assertThat(tf.problems()).extracting(DefinitionProblem::name)
                .containsExactly("aws_cloudwatch_log_metric_filter.y");
        assertThat(cfn.plus(tf).metricFiltersByLogGroup()).containsOnlyKeys(java.util.Optional.of("trail"),
                java.util.Optional.of("app"));
        Path other = Files.writeString(dir.resolve("other.json"), "{\"Rules\":[]}");
        assertThatThrownBy(() -> DefinitionFiles.read(other, FilterOptions.defaults()))
                .isInstanceOf(DocumentException.class).hasMessageContaining("not a definitions file");
    }
}
