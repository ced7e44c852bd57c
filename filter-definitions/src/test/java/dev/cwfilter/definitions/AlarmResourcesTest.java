package dev.cwfilter.definitions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cwfilter.FilterOptions;
import dev.cwfilter.StandardUnit;
import dev.cwfilter.metric.AlarmComparisonOperator;
import dev.cwfilter.metric.LowSampleCountPercentile;
import dev.cwfilter.metric.MetricAlarm;
import dev.cwfilter.metric.Statistic;
import dev.cwfilter.metric.TreatMissingData;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code AWS::CloudWatch::Alarm} resources of CloudFormation templates and {@code aws_cloudwatch_metric_alarm} resources
 * of Terraform plans, as alarm definitions: field by field, through the mapping describe-alarms uses.
 */
class AlarmResourcesTest {

    static final String TEMPLATE = """
            Parameters:
              Environment:
                Type: String
                Default: prod
            Resources:
              SecretAccessFilter:
                Type: AWS::Logs::MetricFilter
                Properties:
                  LogGroupName: CloudTrail/DefaultLogGroup
                  FilterPattern: '{ $.eventName = "GetSecretValue" }'
                  MetricTransformations:
                    - {MetricValue: "1", MetricName: Secret is accessed, MetricNamespace: SecurityMetrics}
              AlertsTopic:
                Type: AWS::SNS::Topic
              SecretAccessAlarm:
                Type: AWS::CloudWatch::Alarm
                Properties:
                  AlarmName: !Sub "${Environment} secret is accessed"
                  AlarmDescription: Someone read a secret
                  ActionsEnabled: false
                  Namespace: SecurityMetrics
                  MetricName: Secret is accessed
                  Dimensions:
                    - Name: Service
                      Value: !Ref Environment
                  Statistic: Sum
                  Period: 300
                  Unit: Count
                  EvaluationPeriods: "3"
                  DatapointsToAlarm: 2
                  Threshold: 1
                  ComparisonOperator: GreaterThanOrEqualToThreshold
                  TreatMissingData: notBreaching
                  EvaluateLowSampleCountPercentile: ignore
                  AlarmActions:
                    - arn:aws:sns:us-east-1:123456789012:SecretAccessAlerts
                    - !Ref AlertsTopic
                  OKActions: [!GetAtt AlertsTopic.TopicArn]
                  InsufficientDataActions: []
                  Tags:
                    - {Key: team, Value: security}
              Unnamed:
                Type: AWS::CloudWatch::Alarm
                Properties:
                  Namespace: SecurityMetrics
                  MetricName: Secret is accessed
                  ExtendedStatistic: p99
                  Period: 60
                  EvaluationPeriods: 1
                  Threshold: 0.5
                  ComparisonOperator: LessThanThreshold
              Misspelt:
                Type: AWS::CloudWatch::Alarm
                Properties:
                  Namespace: N
                  MetricName: M
                  Statistic: Sum
                  Period: 60
                  EvaluationPeriods: 1
                  Threshhold: 1
                  ComparisonOperator: LessThanThreshold
              Math:
                Type: AWS::CloudWatch::Alarm
                Properties:
                  EvaluationPeriods: 1
                  Threshold: 1
                  ComparisonOperator: GreaterThanThreshold
                  Metrics:
                    - Id: e1
                      Expression: m1 * 2
              BadPeriod:
                Type: AWS::CloudWatch::Alarm
                Properties:
                  Namespace: N
                  MetricName: M
                  Statistic: Sum
                  Period: 45
                  EvaluationPeriods: one
                  Threshold: 1
                  ComparisonOperator: LessThanThreshold
              Composite:
                Type: AWS::CloudWatch::CompositeAlarm
                Properties:
                  AlarmRule: ALARM(SecretAccessAlarm)
            """;

    @Test
    void aTemplatesAlarmsAreReadFieldByFieldAndBadOnesAreProblemsByLogicalId() {
        CloudFormationTemplate t = CloudFormationTemplate.parse(TEMPLATE, "monitoring.yaml", Map.of());
        assertThat(t.metricFilters()).extracting(MetricFilterDefinition::name).containsExactly("SecretAccessFilter");
        assertThat(t.alarms()).extracting(AlarmDefinition::name).containsExactly("SecretAccessAlarm", "Unnamed");
        AlarmDefinition d = t.alarm("SecretAccessAlarm");
        assertThat(d.file()).isEqualTo("monitoring.yaml");
        assertThat(d.line()).isEqualTo(15);
        MetricAlarm a = d.alarm();
        assertThat(a.alarmName()).isEqualTo("prod secret is accessed");
        assertThat(t.alarm("prod secret is accessed")).isSameAs(d);
        assertThat(a.alarmDescription()).contains("Someone read a secret");
        assertThat(a.actionsEnabled()).isFalse();
        assertThat(a.namespace()).isEqualTo("SecurityMetrics");
        assertThat(a.metricName()).isEqualTo("Secret is accessed");
        assertThat(a.dimensions()).isEqualTo(Map.of("Service", "prod"));
        assertThat(a.statistic()).isEqualTo(Statistic.SUM);
        assertThat(a.periodSeconds()).isEqualTo(300);
        assertThat(a.unit()).contains(StandardUnit.COUNT);
        assertThat(a.evaluationPeriods()).isEqualTo(3);
        assertThat(a.datapointsToAlarm()).isEqualTo(2);
        assertThat(a.isDatapointsToAlarmSet()).isTrue();
        assertThat(a.threshold()).isEqualTo(1.0);
        assertThat(a.comparisonOperator()).isEqualTo(AlarmComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD);
        assertThat(a.treatMissingData()).isEqualTo(TreatMissingData.NOT_BREACHING);
        assertThat(a.evaluateLowSampleCountPercentile()).isEqualTo(LowSampleCountPercentile.IGNORE);
        // An ARN CloudFormation makes at deployment is kept as what it stands for.
        assertThat(a.alarmActions()).containsExactly("arn:aws:sns:us-east-1:123456789012:SecretAccessAlerts",
                "Ref AlertsTopic");
        assertThat(a.okActions()).containsExactly("GetAtt AlertsTopic.TopicArn");
        assertThat(a.insufficientDataActions()).isEmpty();
        assertThat(a.alarmArn()).isEmpty();
        assertThat(a.alarmConfigurationUpdatedTimestamp()).isEmpty();

        MetricAlarm unnamed = t.alarm("Unnamed").alarm();
        assertThat(unnamed.alarmName()).isEqualTo("Unnamed");
        assertThat(unnamed.statistic()).isEqualTo(Statistic.parse("p99"));
        assertThat(unnamed.isDatapointsToAlarmSet()).isFalse();
        assertThat(unnamed.treatMissingData()).isEqualTo(TreatMissingData.MISSING);

        assertThat(t.problems()).extracting(DefinitionProblem::name).containsExactly("Misspelt", "Math", "BadPeriod",
                "Composite");
        assertThat(t.problems()).extracting(DefinitionProblem::kind).containsOnly(DefinitionProblem.Kind.ALARM);
        assertThat(t.problems().get(0).reason()).startsWith("unknown property Threshhold of AWS::CloudWatch::Alarm"
                + " (known: ActionsEnabled, AlarmActions,");
        assertThat(t.problems().get(0).line()).isEqualTo(60);
        assertThat(t.problems().get(1).reason()).isEqualTo("unsupported: a metric-math alarm (Metrics [e1]); cwfilter"
                + " evaluates alarms on one metric");
        assertThat(t.problems().get(2).reason()).isEqualTo("EvaluationPeriods 'one' is not a whole number");
        assertThat(t.problems().get(3).reason()).startsWith("unsupported: a composite alarm");
        assertThat(t.definitions().alarms()).isEqualTo(t.alarms());
        assertThatThrownBy(() -> t.alarm("Nope")).hasMessage("monitoring.yaml has no alarm named Nope; its alarms"
                + " are [SecretAccessAlarm, Unnamed]");
    }

    @Test
    void aPeriodPutMetricAlarmRefusesIsAProblemWithItsReason() {
        CloudFormationTemplate t = CloudFormationTemplate.parse(TEMPLATE.replace("EvaluationPeriods: one",
                "EvaluationPeriods: 1"), "monitoring.yaml", Map.of());
        assertThat(t.problems()).filteredOn(p -> p.name().equals("BadPeriod")).singleElement()
                .satisfies(p -> assertThat(p.reason()).contains("45"));
    }

    static final String PLAN = """
            {"format_version": "1.2", "planned_values": {"root_module": {"resources": [
              {"address": "aws_cloudwatch_metric_alarm.secret_access", "mode": "managed",
               "type": "aws_cloudwatch_metric_alarm", "name": "secret_access",
               "values": {"alarm_name": "prod secret is accessed", "alarm_description": "Someone read a secret",
                 "actions_enabled": false, "alarm_actions": ["arn:aws:sns:us-east-1:123456789012:SecretAccessAlerts"],
                 "ok_actions": null, "insufficient_data_actions": [],
                 "namespace": "SecurityMetrics", "metric_name": "Secret is accessed",
                 "dimensions": {"Service": "prod"}, "statistic": "Sum", "extended_statistic": "",
                 "period": 300, "unit": "Count", "evaluation_periods": 3, "datapoints_to_alarm": 2, "threshold": 1,
                 "comparison_operator": "GreaterThanOrEqualToThreshold", "treat_missing_data": "notBreaching",
                 "evaluate_low_sample_count_percentiles": "ignore", "metric_query": [], "threshold_metric_id": "",
                 "tags": null, "tags_all": {}}}
            ], "child_modules": [{"address": "module.ops", "resources": [
              {"address": "module.ops.aws_cloudwatch_metric_alarm.math", "mode": "managed",
               "type": "aws_cloudwatch_metric_alarm", "name": "math",
               "values": {"alarm_name": "math", "evaluation_periods": 1, "threshold": 1,
                 "comparison_operator": "GreaterThanThreshold", "treat_missing_data": "missing",
                 "metric_query": [{"id": "e1", "expression": "m1 * 2"}]}},
              {"address": "module.ops.aws_cloudwatch_metric_alarm.later", "mode": "managed",
               "type": "aws_cloudwatch_metric_alarm", "name": "later",
               "values": {"namespace": "N", "metric_name": "M", "statistic": "Average", "period": 60,
                 "evaluation_periods": 2, "threshold": 10.5, "comparison_operator": "LessThanThreshold",
                 "treat_missing_data": "missing", "evaluate_low_sample_count_percentiles": "", "metric_query": []}}
            ]}]}}}
            """;

    @Test
    void aPlansAlarmsAreReadFieldByFieldInEveryModule() {
        TerraformPlan plan = TerraformPlan.parse(PLAN, "plan.json");
        assertThat(plan.alarms()).extracting(AlarmDefinition::name).containsExactly(
                "aws_cloudwatch_metric_alarm.secret_access", "module.ops.aws_cloudwatch_metric_alarm.later");
        MetricAlarm a = plan.alarm("secret_access").alarm();
        assertThat(a.alarmName()).isEqualTo("prod secret is accessed");
        assertThat(a.alarmDescription()).contains("Someone read a secret");
        assertThat(a.actionsEnabled()).isFalse();
        assertThat(a.alarmActions()).containsExactly("arn:aws:sns:us-east-1:123456789012:SecretAccessAlerts");
        assertThat(a.okActions()).isEmpty();
        assertThat(a.insufficientDataActions()).isEmpty();
        assertThat(a.dimensions()).isEqualTo(Map.of("Service", "prod"));
        assertThat(a.statistic()).isEqualTo(Statistic.SUM);
        assertThat(a.periodSeconds()).isEqualTo(300);
        assertThat(a.unit()).contains(StandardUnit.COUNT);
        assertThat(a.evaluationPeriods()).isEqualTo(3);
        assertThat(a.datapointsToAlarm()).isEqualTo(2);
        assertThat(a.threshold()).isEqualTo(1.0);
        assertThat(a.comparisonOperator()).isEqualTo(AlarmComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD);
        assertThat(a.treatMissingData()).isEqualTo(TreatMissingData.NOT_BREACHING);
        assertThat(a.evaluateLowSampleCountPercentile()).isEqualTo(LowSampleCountPercentile.IGNORE);
        assertThat(a.alarmArn()).isEmpty();

        // The plan does not know the name yet (computed): the address names the alarm.
        MetricAlarm later = plan.alarm("later").alarm();
        assertThat(later.alarmName()).isEqualTo("module.ops.aws_cloudwatch_metric_alarm.later");
        assertThat(later.isEvaluateLowSampleCountPercentileSet()).isFalse();
        assertThat(later.statistic()).isEqualTo(Statistic.AVERAGE);

        assertThat(plan.problems()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(DefinitionProblem.Kind.ALARM);
            assertThat(p.name()).isEqualTo("module.ops.aws_cloudwatch_metric_alarm.math");
            assertThat(p.reason()).isEqualTo("unsupported: a metric-math alarm (Metrics [e1]); cwfilter evaluates"
                    + " alarms on one metric");
        });
        assertThat(DefinitionFiles.parse(PLAN, "plan.json", FilterOptions.defaults()).alarms())
                .isEqualTo(plan.alarms());
    }

    @Test
    void stateOutputGivesTheAlarmsArn() {
        TerraformPlan state = TerraformPlan.parse("""
                {"values": {"root_module": {"resources": [
                  {"address": "aws_cloudwatch_metric_alarm.x", "mode": "managed", "type": "aws_cloudwatch_metric_alarm",
                   "name": "x", "values": {"alarm_name": "x", "arn": "arn:aws:cloudwatch:eu-west-1:111122223333:alarm:x",
                     "namespace": "N", "metric_name": "M", "statistic": "Sum", "period": 60, "evaluation_periods": 1,
                     "threshold": 1, "comparison_operator": "GreaterThanThreshold"}}]}}}
                """, "terraform.tfstate.json");
        MetricAlarm x = state.alarm("x").alarm();
        assertThat(x.alarmArn()).contains("arn:aws:cloudwatch:eu-west-1:111122223333:alarm:x");
        assertThat(x.accountId()).contains("111122223333");
    }

    /** One alarm written three ways is one alarm: the readers share {@link MetricAlarmFields}. */
    @Test
    void theSameAlarmFromATemplateAPlanAndDescribeAlarmsIsEqual() {
        MetricAlarm fromTemplate = CloudFormationTemplate.parse(TEMPLATE, "t.yaml", Map.of())
                .alarm("SecretAccessAlarm").alarm();
        MetricAlarm fromPlan = TerraformPlan.parse(PLAN, "plan.json").alarm("secret_access").alarm();
        MetricAlarm fromDescribe = DescribeAlarms.parse("""
                {"MetricAlarms": [{"AlarmName": "prod secret is accessed", "AlarmDescription": "Someone read a secret",
                  "ActionsEnabled": false, "OKActions": [],
                  "AlarmActions": ["arn:aws:sns:us-east-1:123456789012:SecretAccessAlerts"],
                  "InsufficientDataActions": [], "MetricName": "Secret is accessed", "Namespace": "SecurityMetrics",
                  "Statistic": "Sum", "Dimensions": [{"Name": "Service", "Value": "prod"}], "Period": 300,
                  "Unit": "Count", "EvaluationPeriods": 3, "DatapointsToAlarm": 2, "Threshold": 1.0,
                  "ComparisonOperator": "GreaterThanOrEqualToThreshold", "TreatMissingData": "notBreaching",
                  "EvaluateLowSampleCountPercentile": "ignore"}]}
                """, "alarms.json").alarms().get(0).alarm();
        assertThat(fromPlan).isEqualTo(fromDescribe);
        // The template's actions hold what CloudFormation resolves at deployment; the rest is equal.
        assertThat(fromTemplate.toBuilder().alarmActions(fromPlan.alarmActions()).okActions(List.of()).build())
                .isEqualTo(fromDescribe);
    }
}
