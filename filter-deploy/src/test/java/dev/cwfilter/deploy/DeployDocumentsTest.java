package dev.cwfilter.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeployDocumentsTest {

    static final String TEMPLATE = """
            Parameters:
              Env:
                Type: String
                Default: prod
            Resources:
              Topic:
                Type: AWS::SNS::Topic
              Rule:
                Type: AWS::Events::Rule
                Properties:
                  Name: !Sub "${Env}-secrets"
                  EventPattern:
                    source: [aws.secretsmanager]
                    detail:
                      requestParameters:
                        secretId: [!Sub "${Env}/db", !Join ["/", [!Ref Env, "api"]]]
                  Targets:
                    - Id: t
                      Arn: !Ref Topic
                      Other: !GetAtt Queue.Arn
            """;

    @Test
    void resourcesOfATypeWithShortFormTagsAsLongForms() {
        Node.Mapping template = CloudFormation.template(TEMPLATE, "t.yaml");
        List<CloudFormation.Resource> rules = CloudFormation.resources(template, "AWS::Events::Rule", "t.yaml");
        assertThat(rules).extracting(CloudFormation.Resource::logicalId).containsExactly("Rule");
        CloudFormation.Resource rule = rules.get(0);
        assertThat(rule.line()).isEqualTo(8);
        Node.Mapping target = (Node.Mapping) ((Node.Sequence) rule.properties().get("Targets")).items().get(0);
        assertThat(Documents.toJson(target.get("Arn"))).isEqualTo("{\"Ref\":\"Topic\"}");
        assertThat(Documents.toJson(target.get("Other"))).isEqualTo("{\"Fn::GetAtt\":[\"Queue\",\"Arn\"]}");
        assertThat(CloudFormation.isIntrinsic(target.get("Arn"))).isTrue();
        assertThat(CloudFormation.isIntrinsic(target)).isFalse();
    }

    @Test
    void theResolverEvaluatesWhatCanBeEvaluatedOfflineAndNamesWhatCannot() {
        Node.Mapping template = CloudFormation.template(TEMPLATE, "t.yaml");
        Node.Mapping props = CloudFormation.resources(template, "AWS::Events::Rule", "t.yaml").get(0).properties();
        CloudFormation.Resolver defaults = new CloudFormation.Resolver(template, Map.of(), "pass it with -P");
        assertThat(defaults.resolve(props.get("Name"))).isEqualTo("prod-secrets");
        assertThat(Documents.toJson(defaults.resolveDeep(props.get("EventPattern")))).isEqualTo(
                "{\"source\":[\"aws.secretsmanager\"],\"detail\":{\"requestParameters\":{\"secretId\":"
                        + "[\"prod/db\",\"prod/api\"]}}}");
        CloudFormation.Resolver given = new CloudFormation.Resolver(template, Map.of("Env", "dev"), "pass it with -P");
        assertThat(given.resolve(props.get("Name"))).isEqualTo("dev-secrets");
        Node.Mapping target = (Node.Mapping) ((Node.Sequence) props.get("Targets")).items().get(0);
        assertThatThrownBy(() -> defaults.resolve(target.get("Arn")))
                .isInstanceOf(CloudFormation.Unresolvable.class)
                .hasMessage("Ref Topic (no parameter value or default; pass it with -P)");
        assertThatThrownBy(() -> defaults.resolveDeep(target))
                .hasMessage("Ref Topic (no parameter value or default; pass it with -P)");
    }

    @Test
    void malformedDocumentsNameTheFileAndLine() {
        assertThatThrownBy(() -> Documents.parse("a: [1, 2\nb: 3\n", "x.yaml", true))
                .isInstanceOf(DocumentException.class)
                .hasMessageStartingWith("x.yaml line 2: not well-formed YAML:");
        assertThatThrownBy(() -> Documents.parse("{\"a\": 1}\n{}", "x.json", false))
                .isInstanceOf(DocumentException.class)
                .hasMessage("x.json line 2: unexpected text after the end of the JSON document");
        assertThatThrownBy(() -> CloudFormation.template("[1]", "t.json"))
                .hasMessage("t.json line 1: a CloudFormation template is a mapping, not a list");
        assertThatThrownBy(() -> CloudFormation.template("Parameters: {}\n", "t.yaml"))
                .hasMessage("t.yaml line 1: a CloudFormation template needs a Resources mapping");
        assertThatThrownBy(() -> CloudFormation.resources(CloudFormation.template(
                "Resources:\n  R:\n    Type: X\n", "t.yaml"), "X", "t.yaml"))
                .hasMessage("t.yaml line 2: resource R (X): has no Properties");
    }

    @Test
    void terraformResourcesAtAnyDepthOfModules() {
        String plan = """
                {"planned_values": {"root_module": {
                  "resources": [
                    {"address": "aws_x.a", "mode": "managed", "type": "aws_x", "name": "a", "values": {"v": "1"}},
                    {"address": "data.aws_x.d", "mode": "data", "type": "aws_x", "name": "d", "values": {}}],
                  "child_modules": [{"resources": [
                    {"address": "module.m.aws_x.b", "mode": "managed", "type": "aws_x", "name": "b",
                     "values": {"v": null}}]}]}}}
                """;
        List<Node.Mapping> found = Terraform.resources(Terraform.rootModule(plan, "plan.json"), "aws_x");
        assertThat(found).extracting(r -> Terraform.address(r, "aws_x")).containsExactly("aws_x.a", "module.m.aws_x.b");
        assertThat(Terraform.text((Node.Mapping) found.get(0).get("values"), "v")).contains("1");
        assertThat(Terraform.text((Node.Mapping) found.get(1).get("values"), "v")).isEmpty();
        assertThatThrownBy(() -> Terraform.rootModule("{}", "plan.json"))
                .hasMessageStartingWith("plan.json line 1: not a Terraform JSON plan");
    }
}
