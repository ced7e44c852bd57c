package dev.cwfilter.metric;

import static dev.cwfilter.metric.TestMetrics.MINUTE;
import static dev.cwfilter.metric.TestMetrics.NOON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cwfilter.Datapoint;
import dev.cwfilter.StandardUnit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlarmEmailPrinterTest {

    private static final Map<String, String> DIMENSIONS = Map.of("Service", "api", "Env", "prod");

    private static MetricAlarm alarm() {
        return MetricAlarm.builder()
                .alarmName("api errors")
                .alarmDescription("Errors in the API")
                .namespace("MyApp")
                .metricName("Errors")
                .dimensions(DIMENSIONS)
                .statistic(Statistic.SUM)
                .periodSeconds(60)
                .evaluationPeriods(1)
                .threshold(1)
                .comparisonOperator(AlarmComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
                .alarmActions(List.of("arn:aws:sns:eu-west-1:111122223333:ops"))
                .build();
    }

    private static MetricAggregator oneError() {
        MetricAggregator metric = MetricAggregator.builder().dimensions(DIMENSIONS).build();
        metric.add(new Datapoint(NOON + 3 * MINUTE + 12_000, 2, StandardUnit.COUNT, DIMENSIONS));
        return metric;
    }

    @Test
    void aNotificationHasTheShapeOfCloudWatchsEmail() {
        StringBuilder out = new StringBuilder();
        AlarmEmailPrinter printer = AlarmEmailPrinter.builder(out).region("eu-west-1").accountId("111122223333")
                .build();
        new AlarmEvaluator(alarm(), oneError(), printer).evaluate(NOON + 4 * MINUTE);
        assertThat(out.toString()).isEqualTo("""
                You are receiving this email because your Amazon CloudWatch Alarm "api errors" in the EU \
                (Ireland) region has entered the ALARM state, because "Threshold Crossed: 1 out of the last 1 \
                datapoints [2.0 (21/11/26 12:03:00)] was greater than or equal to the threshold (1.0) (minimum 1 \
                datapoint for OK -> ALARM transition)." at "Saturday 21 November, 2026 12:04:00 UTC".

                View this alarm in the AWS Management Console:
                https://eu-west-1.console.aws.amazon.com/cloudwatch/deeplink.js?region=eu-west-1#alarmsV2:alarm/\
                api%20errors

                Alarm Details:
                - Name:                       api errors
                - Description:                Errors in the API
                - State Change:               INSUFFICIENT_DATA -> ALARM
                - Reason for State Change:    Threshold Crossed: 1 out of the last 1 datapoints \
                [2.0 (21/11/26 12:03:00)] was greater than or equal to the threshold (1.0) (minimum 1 datapoint \
                for OK -> ALARM transition).
                - Timestamp:                  Saturday 21 November, 2026 12:04:00 UTC
                - AWS Account:                111122223333
                - Alarm Arn:                  arn:aws:cloudwatch:eu-west-1:111122223333:alarm:api errors

                Threshold:
                - The alarm is in the ALARM state when the metric is GreaterThanOrEqualToThreshold 1.0 for at \
                least 1 of the last 1 period(s) of 60 seconds.

                Monitored Metric:
                - MetricNamespace:                     MyApp
                - MetricName:                          Errors
                - Dimensions:                          [Env = prod, Service = api]
                - Period:                              60 seconds
                - Statistic:                           Sum
                - Unit:                                not specified
                - TreatMissingData:                    missing

                State Change Actions:
                - OK:
                - ALARM: [arn:aws:sns:eu-west-1:111122223333:ops]
                - INSUFFICIENT_DATA:

                """);
    }

    @Test
    void defaultsAreUsEast1AndTheDocumentationAccount() {
        StringBuilder out = new StringBuilder();
        new AlarmEvaluator(alarm(), oneError(), AlarmEmailPrinter.to(out)).evaluate(NOON + 4 * MINUTE);
        assertThat(out.toString())
                .contains("in the US East (N. Virginia) region has entered the ALARM state")
                .contains("- AWS Account:                123456789012")
                .contains("arn:aws:cloudwatch:us-east-1:123456789012:alarm:api errors");
    }

    @Test
    void extendedStatisticsAndUnitsAreNamed() {
        MetricAlarm p99 = alarm().toBuilder().statistic("p99").unit(StandardUnit.MILLISECONDS).build();
        AlarmStateChange change = new AlarmStateChange("api errors", NOON, AlarmState.OK, AlarmState.ALARM,
                "manual", AlarmStateChange.Cause.SET_ALARM_STATE, List.of(), List.of("page"));
        String text = AlarmEmailPrinter.to(new StringBuilder()).format(p99, change);
        assertThat(text).contains("- ExtendedStatistic:                   p99\n")
                .contains("- Unit:                                Milliseconds\n")
                .contains("- State Change:               OK -> ALARM\n");
    }

    @Test
    void onlyTransitionsThatTriggerActionsArePrintedUnlessAskedOtherwise() {
        StringBuilder quiet = new StringBuilder();
        StringBuilder chatty = new StringBuilder();
        AlarmEvaluator evaluator = new AlarmEvaluator(alarm(), oneError(), AlarmEmailPrinter.to(quiet),
                AlarmEmailPrinter.builder(chatty).everyTransition(true).build());
        evaluator.evaluate(NOON + 4 * MINUTE);
        evaluator.evaluate(NOON + 10 * MINUTE);
        assertThat(evaluator.history()).hasSize(2);
        assertThat(quiet.toString().split("You are receiving")).hasSize(2);
        assertThat(quiet.toString()).doesNotContain("entered the INSUFFICIENT_DATA state");
        assertThat(chatty.toString()).contains("entered the ALARM state", "entered the INSUFFICIENT_DATA state");
    }

    @Test
    void regionAndAccountAreChecked() {
        StringBuilder out = new StringBuilder();
        assertThatThrownBy(() -> AlarmEmailPrinter.builder(out).region("Ireland"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AlarmEmailPrinter.builder(out).accountId("1234"))
                .isInstanceOf(IllegalArgumentException.class);
        String unknownRegion = AlarmEmailPrinter.builder(out).region("xx-moon-1").build().format(alarm(),
                new AlarmStateChange("api errors", NOON, AlarmState.OK, AlarmState.ALARM, "r",
                        AlarmStateChange.Cause.SET_ALARM_STATE, List.of(), List.of()));
        assertThat(unknownRegion).contains("in the xx-moon-1 region");
    }

    @Test
    void outputFailuresSurfaceAsUncheckedIoExceptions() {
        Writer broken = new Writer() {
            @Override
            public void write(char[] buffer, int offset, int length) throws IOException {
                throw new IOException("disk full");
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        AlarmEvaluator evaluator = new AlarmEvaluator(alarm(), oneError(), AlarmEmailPrinter.to(broken));
        assertThatThrownBy(() -> evaluator.evaluate(NOON + 4 * MINUTE)).isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("api errors");
    }

    @Test
    void anAlarmsOwnArnNamesItsRegionAndAccountAndRegionsUseCloudWatchsLegacyNames() {
        MetricAlarm alarm = alarm().toBuilder()
                .alarmArn("arn:aws:cloudwatch:ap-southeast-1:444455556666:alarm:api errors")
                .alarmActions(List.of("arn:aws:sns:ap-southeast-1:444455556666:a",
                        "arn:aws:sns:ap-southeast-1:444455556666:b"))
                .build();
        AlarmStateChange change = new AlarmStateChange("api errors", NOON, AlarmState.OK, AlarmState.ALARM,
                "manual", AlarmStateChange.Cause.SET_ALARM_STATE, List.of(), alarm.alarmActions());
        String text = AlarmEmailPrinter.builder(new StringBuilder()).region("eu-west-1").accountId("111122223333")
                .build().format(alarm, change);
        assertThat(text).contains("in the Asia Pacific (Singapore) region has entered the ALARM state")
                .contains("- AWS Account:                444455556666\n")
                .contains("- Alarm Arn:                  arn:aws:cloudwatch:ap-southeast-1:444455556666:alarm:api"
                        + " errors\n")
                .contains("- ALARM: [arn:aws:sns:ap-southeast-1:444455556666:a, "
                        + "arn:aws:sns:ap-southeast-1:444455556666:b]\n");
        assertThat(RegionNames.longName("eu-central-1")).contains("EU (Frankfurt)");
        assertThat(RegionNames.longName("sa-east-1")).contains("South America (Sao Paulo)");
        assertThat(RegionNames.longName("xx-moon-1")).isEmpty();
        assertThat(RegionNames.longNameOrCode("xx-moon-1")).isEqualTo("xx-moon-1");
        assertThat(RegionNames.all()).containsEntry("us-east-1", "US East (N. Virginia)");
    }
}
