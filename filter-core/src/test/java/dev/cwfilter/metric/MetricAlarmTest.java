package dev.cwfilter.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** PutMetricAlarm's checks and defaults. */
class MetricAlarmTest {

    private static MetricAlarm.Builder valid() {
        return MetricAlarm.builder()
                .alarmName("HighErrors")
                .namespace("MyApp")
                .metricName("Errors")
                .statistic(Statistic.SUM)
                .periodSeconds(60)
                .evaluationPeriods(3)
                .threshold(1)
                .comparisonOperator(AlarmComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD);
    }

    @Test
    void defaultsAreThoseOfPutMetricAlarm() {
        MetricAlarm alarm = valid().build();
        assertThat(alarm.datapointsToAlarm()).isEqualTo(3);
        assertThat(alarm.treatMissingData()).isEqualTo(TreatMissingData.MISSING);
        assertThat(alarm.evaluateLowSampleCountPercentile()).isEqualTo(LowSampleCountPercentile.EVALUATE);
        assertThat(alarm.actionsEnabled()).isTrue();
        assertThat(alarm.unit()).isEmpty();
        assertThat(alarm.alarmDescription()).isEmpty();
        assertThat(alarm.dimensions()).isEmpty();
        assertThat(alarm.evaluationRangePeriods()).isEqualTo(5);
        assertThat(alarm.actionsFor(AlarmState.ALARM)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {10, 20, 30, 60, 120, 300, 3600, 86400})
    void alarmPeriodsAre10And20And30AndMultiplesOf60(int period) {
        assertThat(valid().periodSeconds(period).evaluationPeriods(1).build().periodSeconds()).isEqualTo(period);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 5, 15, 45, 90, -60})
    void otherPeriodsAreRejected(int period) {
        assertThatThrownBy(() -> valid().periodSeconds(period).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("10, 20, 30 or a multiple of 60");
    }

    @ParameterizedTest(name = "period {0} × {1} periods accepted: {2}")
    @CsvSource({
            "60, 1440, true",
            "60, 1441, false",
            "30, 2880, true",
            "30, 2881, false",
            "10, 8640, true",
            "10, 8641, false",
            "1800, 48, true",
            "1800, 49, false",
            "3600, 168, true",
            "3600, 169, false",
            "86400, 7, true",
            "86400, 8, false"})
    void periodTimesEvaluationPeriodsIsLimitedToADayOrAWeek(int period, int n, boolean accepted) {
        MetricAlarm.Builder builder = valid().periodSeconds(period).evaluationPeriods(n);
        if (accepted) {
            assertThat(builder.build().evaluationPeriods()).isEqualTo(n);
        } else {
            assertThatThrownBy(builder::build).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("exceeds the limit");
        }
    }

    @Test
    void datapointsToAlarmIsBetweenOneAndEvaluationPeriods() {
        assertThat(valid().datapointsToAlarm(1).build().datapointsToAlarm()).isEqualTo(1);
        assertThat(valid().datapointsToAlarm(3).build().datapointsToAlarm()).isEqualTo(3);
        assertThatThrownBy(() -> valid().datapointsToAlarm(4).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("between 1 and evaluationPeriods");
        assertThatThrownBy(() -> valid().datapointsToAlarm(-1).build()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> valid().evaluationPeriods(0).build()).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void requiredSettingsAreRequired() {
        assertThatThrownBy(() -> MetricAlarm.builder().build()).hasMessage("alarmName is required");
        MetricAlarm.Builder noThreshold = MetricAlarm.builder().alarmName("a").namespace("n").metricName("m")
                .statistic(Statistic.SUM).periodSeconds(60).evaluationPeriods(1)
                .comparisonOperator(AlarmComparisonOperator.LESS_THAN_THRESHOLD);
        assertThatThrownBy(noThreshold::build).hasMessage("threshold is required");
        assertThatThrownBy(() -> valid().threshold(Double.NaN).build()).hasMessageContaining("finite");
    }

    @Test
    void namesDescriptionsDimensionsAndActionsAreLimited() {
        assertThatThrownBy(() -> valid().alarmName("").build()).hasMessageContaining("1 to 255");
        assertThatThrownBy(() -> valid().alarmName("a".repeat(256)).build()).hasMessageContaining("1 to 255");
        assertThatThrownBy(() -> valid().alarmDescription("d".repeat(1025)).build())
                .hasMessageContaining("0 to 1024");
        Map<String, String> tooMany = IntStream.range(0, 31).boxed()
                .collect(Collectors.toMap(i -> "d" + i, i -> "v"));
        assertThatThrownBy(() -> valid().dimensions(tooMany).build()).hasMessageContaining("at most 30");
        assertThatThrownBy(() -> valid().alarmActions(List.of("1", "2", "3", "4", "5", "6")).build())
                .hasMessageContaining("at most 5");
        assertThat(valid().alarmActions(List.of("1", "2", "3", "4", "5")).build().alarmActions()).hasSize(5);
    }

    @Test
    void extendedStatisticsAreAcceptedByName() {
        MetricAlarm alarm = valid().statistic("p99.9").build();
        assertThat(alarm.statistic()).isEqualTo(Statistic.parse("p99.9"));
        assertThat(alarm.statistic().isExtended()).isTrue();
        assertThatThrownBy(() -> valid().statistic("p999")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void toBuilderRoundTripsAndEqualityIsByValue() {
        MetricAlarm alarm = valid().alarmDescription("errors").dimensions(Map.of("Service", "api"))
                .okActions(List.of("ok")).treatMissingData(TreatMissingData.NOT_BREACHING).build();
        assertThat(alarm.toBuilder().build()).isEqualTo(alarm).hasSameHashCodeAs(alarm);
        assertThat(alarm.toBuilder().threshold(2).build()).isNotEqualTo(alarm);
        assertThat(alarm.toString()).contains("HighErrors", "MyApp/Errors", "Sum", "GreaterThanOrEqualToThreshold");
    }

    @Test
    void enumsParseCloudWatchNames() {
        assertThat(AlarmComparisonOperator.fromAwsName("LessThanOrEqualToThreshold"))
                .isEqualTo(AlarmComparisonOperator.LESS_THAN_OR_EQUAL_TO_THRESHOLD);
        assertThatThrownBy(() -> AlarmComparisonOperator.fromAwsName("LessThanLowerThreshold"))
                .hasMessageContaining("unsupported comparison operator");
        assertThat(TreatMissingData.fromAwsName("notBreaching")).isEqualTo(TreatMissingData.NOT_BREACHING);
        assertThatThrownBy(() -> TreatMissingData.fromAwsName("NotBreaching")).isInstanceOf(
                IllegalArgumentException.class);
        assertThat(LowSampleCountPercentile.fromAwsName("ignore")).isEqualTo(LowSampleCountPercentile.IGNORE);
        assertThat(AlarmState.fromAwsName("INSUFFICIENT_DATA")).isEqualTo(AlarmState.INSUFFICIENT_DATA);
    }

    @ParameterizedTest(name = "{1} {0} 2.0 -> {2}")
    @CsvSource({
            "GreaterThanOrEqualToThreshold, 2.0, true",
            "GreaterThanOrEqualToThreshold, 1.9, false",
            "GreaterThanThreshold, 2.0, false",
            "GreaterThanThreshold, 2.1, true",
            "LessThanThreshold, 2.0, false",
            "LessThanThreshold, 1.9, true",
            "LessThanOrEqualToThreshold, 2.0, true",
            "LessThanOrEqualToThreshold, 2.1, false"})
    void comparisonOperatorsCompareWithTheThreshold(String operator, double value, boolean breaches) {
        assertThat(AlarmComparisonOperator.fromAwsName(operator).breaches(value, 2.0)).isEqualTo(breaches);
    }

    @Test
    void theArnNamesTheAccountAndRegionAndMustNameThisAlarm() {
        MetricAlarm alarm = valid().alarmArn("arn:aws:cloudwatch:eu-west-1:111122223333:alarm:HighErrors").build();
        assertThat(alarm.alarmArn()).contains("arn:aws:cloudwatch:eu-west-1:111122223333:alarm:HighErrors");
        assertThat(alarm.region()).contains("eu-west-1");
        assertThat(alarm.accountId()).contains("111122223333");
        assertThat(valid().build().alarmArn()).isEmpty();
        assertThat(valid().build().region()).isEmpty();
        assertThat(valid().build().accountId()).isEmpty();
        MetricAlarm china = valid().alarmName("a:b c")
                .alarmArn("arn:aws-cn:cloudwatch:cn-north-1:111122223333:alarm:a:b c").build();
        assertThat(china.region()).contains("cn-north-1");
        assertThatThrownBy(() -> valid().alarmArn("arn:aws:cloudwatch:eu-west-1:111122223333:alarm:Other").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("names the alarm 'Other'");
        assertThatThrownBy(() -> valid().alarmArn("arn:aws:sns:eu-west-1:111122223333:HighErrors").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is not an alarm ARN");
        assertThatThrownBy(() -> valid().alarmArn("arn:aws:cloudwatch:eu-west-1:1111:alarm:HighErrors").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is not an alarm ARN");
    }

    @Test
    void theConfigurationTimestampIsKeptAndCompared() {
        MetricAlarm alarm = valid().alarmConfigurationUpdatedTimestamp(1_700_000_000_123L).build();
        assertThat(alarm.alarmConfigurationUpdatedTimestamp()).hasValue(1_700_000_000_123L);
        assertThat(valid().build().alarmConfigurationUpdatedTimestamp()).isEmpty();
        assertThat(alarm).isNotEqualTo(valid().build());
        assertThat(alarm.toBuilder().build()).isEqualTo(alarm).hasSameHashCodeAs(alarm);
    }

    @Test
    void settingsLeftToTheirDefaultsAreToldApartFromSettingsGivenTheDefaultValue() {
        MetricAlarm unset = valid().build();
        MetricAlarm set = valid().datapointsToAlarm(3).evaluateLowSampleCountPercentile(
                LowSampleCountPercentile.EVALUATE).build();
        assertThat(unset.datapointsToAlarm()).isEqualTo(set.datapointsToAlarm()).isEqualTo(3);
        assertThat(unset.isDatapointsToAlarmSet()).isFalse();
        assertThat(set.isDatapointsToAlarmSet()).isTrue();
        assertThat(unset.isEvaluateLowSampleCountPercentileSet()).isFalse();
        assertThat(set.isEvaluateLowSampleCountPercentileSet()).isTrue();
        assertThat(set).isNotEqualTo(unset);
        assertThat(set.toBuilder().build()).isEqualTo(set);
        assertThat(unset.toBuilder().build()).isEqualTo(unset);
        // An unset M follows N when N changes, as PutMetricAlarm's default does.
        assertThat(unset.toBuilder().evaluationPeriods(5).build().datapointsToAlarm()).isEqualTo(5);
        assertThat(set.toBuilder().evaluationPeriods(5).build().datapointsToAlarm()).isEqualTo(3);
    }

    @Test
    void dimensionsKeepTheirOrder() {
        Map<String, String> dims = new java.util.LinkedHashMap<>();
        for (String name : List.of("path", "InstanceId", "device", "fstype", "a", "z", "m")) {
            dims.put(name, name + "-value");
        }
        MetricAlarm alarm = valid().dimensions(dims).build();
        assertThat(alarm.dimensions().keySet()).containsExactly("path", "InstanceId", "device", "fstype", "a", "z",
                "m");
        assertThat(alarm.toBuilder().build().dimensions().keySet()).containsExactlyElementsOf(dims.keySet());
        assertThatThrownBy(() -> alarm.dimensions().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
        assertThat(alarm).isEqualTo(valid().dimensions(new java.util.TreeMap<>(dims)).build());
    }
}
