package dev.cwfilter.testkit.deploy;

import static dev.cwfilter.testkit.FilterAssertions.assertThatMetricFilter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cwfilter.MetricFilter;
import dev.cwfilter.StandardUnit;
import dev.cwfilter.testkit.FileFormatException;
import dev.cwfilter.testkit.events.CloudTrailEvents;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CloudFormationTemplateTest {

    @Test
    void metricFiltersOfAYamlTemplateWithShortFormTags() {
        CloudFormationTemplate t = CloudFormationTemplate.fromClasspath("deploy/security-monitoring.yaml",
                Map.of("TrailLogGroup", "CloudTrail/DefaultLogGroup"));
        assertThat(t.metricFilters()).extracting(MetricFilterResource::name)
                .containsExactly("SecretAccessFilter", "RootUsageFilter", "DeniedCallsByUser");

        MetricFilterResource secret = t.metricFilter("SecretAccessFilter");
        assertThat(secret.line()).isEqualTo(18);
        assertThat(secret.location()).isEqualTo("deploy/security-monitoring.yaml line 18");
        MetricFilter f = secret.filter();
        assertThat(f.pattern().source())
                .isEqualTo("{ $.eventName = \"GetSecretValue\" && $.requestParameters.secretId = \"prod/*\" }");
        assertThat(f.filterName()).contains("prod-secret-access");
        assertThat(f.metricName()).contains("prod-SecretIsAccessed");
        assertThat(f.defaultValue().getAsDouble()).isZero();
        assertThat(secret.logGroupName()).as("a Ref to a resource is not resolved").isEmpty();
        assertThat(t.metricFilter("prod-secret-access")).isSameAs(secret);

        MetricFilter root = t.metricFilter("RootUsageFilter").filter();
        assertThat(root.metricNamespace()).as("${AWS::StackName} is not known offline").isEmpty();
        assertThat(root.unit()).isEqualTo(StandardUnit.COUNT);
        assertThatMetricFilter(root).publishes(1).forEvent(CloudTrailEvents.consoleLogin().root().build());

        MetricFilterResource denied = t.metricFilter("DeniedCallsByUser");
        assertThat(denied.logGroupName()).contains("CloudTrail/DefaultLogGroup");
        assertThatMetricFilter(denied).publishes(1).withDimension("User", "mallory")
                .forEvent(CloudTrailEvents.getSecretValue().user("mallory").accessDenied().build());
    }

    @Test
    void parametersPassedWinOverDefaults() {
        CloudFormationTemplate t = CloudFormationTemplate.fromClasspath("deploy/security-monitoring.yaml",
                Map.of("Environment", "staging", "TrailLogGroup", "x", "AWS::StackName", "sec"));
        assertThat(t.metricFilter("SecretAccessFilter").filter().pattern().source()).contains("\"staging/*\"");
        assertThat(t.metricFilter("RootUsageFilter").filter().metricNamespace()).contains("sec/Security");
    }

    @Test
    void aJsonTemplate() {
        MetricFilterResource r = CloudFormationTemplate.fromClasspath("deploy/security-monitoring.json")
                .metricFilter("ConsoleSignInWithoutMfa");
        assertThat(r.line()).isEqualTo(4);
        assertThat(r.logGroupName()).contains("CloudTrail/DefaultLogGroup");
        assertThatMetricFilter(r).publishes(1).forEvent(CloudTrailEvents.consoleLogin().mfa(false).build())
                .publishesNothingFor(CloudTrailEvents.consoleLogin().mfa(true).build());
    }

    @Test
    void failuresNameTheResourceAndItsLine() {
        MetricFilterResource r = CloudFormationTemplate.fromClasspath("deploy/security-monitoring.json")
                .metricFilter("ConsoleSignInWithoutMfa");
        assertThatThrownBy(() -> assertThatMetricFilter(r).publishesNothingFor(
                CloudTrailEvents.consoleLogin().mfa(false).build()))
                .hasMessageContaining(
                        "\nsource:     ConsoleSignInWithoutMfa (deploy/security-monitoring.json line 4)\n");
    }

    @Test
    void aValueThatIsNotNeededMayStayUnresolved() {
        CloudFormationTemplate t = CloudFormationTemplate.fromClasspath("deploy/security-monitoring.yaml");
        assertThat(t.metricFilter("DeniedCallsByUser").logGroupName()).isEmpty();
    }

    @Test
    void aRequiredValueThatCannotBeResolvedIsAnErrorNamingTheResource() {
        assertTemplateError("""
                Parameters:
                  Service: {Type: String}
                Resources:
                  F:
                    Type: AWS::Logs::MetricFilter
                    Properties:
                      FilterPattern: !Sub '{ $.service = "${Service}" }'
                      MetricTransformations: [{MetricValue: "1"}]
                """, "t.yaml line 7: resource F (AWS::Logs::MetricFilter): FilterPattern cannot be resolved offline:"
                + " it is Fn::Sub variable ${Service} (no parameter value; pass it to read(path, parameters))");
        assertThat(CloudFormationTemplate.parse("""
                Parameters:
                  Service: {Type: String}
                Resources:
                  F:
                    Type: AWS::Logs::MetricFilter
                    Properties:
                      FilterPattern: !Sub '{ $.service = "${Service}" && $.x = "${!Literal}" }'
                      MetricTransformations: [{MetricValue: "1"}]
                """, "t.yaml", Map.of("Service", "orders")).metricFilter("F").filter().pattern().source())
                .isEqualTo("{ $.service = \"orders\" && $.x = \"${Literal}\" }");
    }

    @Test
    void unsupportedShapesAreErrorsNamingTheResource(@TempDir Path dir) throws Exception {
        assertTemplateError("""
                Resources:
                  F:
                    Type: AWS::Logs::MetricFilter
                    Properties:
                      FilterPattern: ERROR
                      MetricTransformations: []
                """, "t.yaml line 6: resource F (AWS::Logs::MetricFilter): MetricTransformations must be a list of"
                + " exactly one mapping");
        assertTemplateError("""
                Resources:
                  F:
                    Type: AWS::Logs::MetricFilter
                    Properties:
                      FilterPattern: !GetAtt Something.Pattern
                      MetricTransformations: [{MetricValue: "1"}]
                """, "t.yaml line 5: resource F (AWS::Logs::MetricFilter): FilterPattern cannot be resolved offline:"
                + " it is Fn::GetAtt (cannot be evaluated offline)");
        assertTemplateError("""
                Resources:
                  F:
                    Type: AWS::Logs::MetricFilter
                    Properties:
                      FilterPattern: '{ $.a = }'
                      MetricTransformations: [{MetricValue: "1"}]
                """, "t.yaml line 2: resource F (AWS::Logs::MetricFilter): the filter pattern is invalid: expected a value after '=', found '}'"
                + " (line 1, column 9)");
        assertTemplateError("""
                Resources:
                  F:
                    Type: AWS::Logs::MetricFilter
                    Properties:
                      FilterPattern: ERROR
                      MetricTransformations: [{MetricValue: "$.latency"}]
                """, "t.yaml line 2: resource F (AWS::Logs::MetricFilter): metricValue '$.latency' selects a JSON field");
        assertTemplateError("""
                Resources:
                  F:
                    Type: AWS::Logs::MetricFilter
                    Properties:
                      FilterPattern: ERROR
                      MetricTransformations: [{MetricValue: "1", Unit: Parsecs}]
                """, "t.yaml line 6: resource F (AWS::Logs::MetricFilter): unknown unit 'Parsecs'");
        assertTemplateError("AWSTemplateFormatVersion: x\n", "t.yaml line 1: a CloudFormation template needs a"
                + " Resources mapping");
        Path file = dir.resolve("t.yaml");
        Files.writeString(file, "Resources:\n  F:\n    Type: AWS::Logs::MetricFilter\n");
        assertThatThrownBy(() -> CloudFormationTemplate.read(file)).hasMessage(file + " line 2: resource F"
                + " (AWS::Logs::MetricFilter): has no Properties");
        assertThatThrownBy(() -> CloudFormationTemplate.fromClasspath("deploy/security-monitoring.json")
                .metricFilter("Nope")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("deploy/security-monitoring.json has no metric filter named Nope; its metric filters are"
                        + " [ConsoleSignInWithoutMfa]");
    }

    @Test
    void readsTemplatesFromFiles(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("t.yml");
        Files.writeString(file, "Resources:\n  F:\n    Type: AWS::Logs::MetricFilter\n    Properties:\n"
                + "      FilterPattern: !Join ['', ['ERR', 'OR']]\n"
                + "      MetricTransformations:\n        - {MetricValue: !Select [1, ['0', '1']], MetricName: E,"
                + " MetricNamespace: N}\n");
        MetricFilter f = CloudFormationTemplate.read(file).metricFilter("F").filter();
        assertThat(f.pattern().source()).isEqualTo("ERROR");
        assertThat(f.metricValue()).isEqualTo("1");
    }

    static void assertTemplateError(String yaml, String messageStart) {
        assertThatThrownBy(() -> CloudFormationTemplate.parse(yaml, "t.yaml", Map.of()))
                .isInstanceOf(FileFormatException.class).hasMessageStartingWith(messageStart);
    }
}
