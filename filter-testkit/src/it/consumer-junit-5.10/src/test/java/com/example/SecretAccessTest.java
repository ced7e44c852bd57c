package com.example;

import static dev.cwfilter.testkit.FilterAssertions.*;
import static dev.cwfilter.testkit.events.CloudTrailEvents.*;

import dev.cwfilter.MetricFilter;
import dev.cwfilter.metric.AlarmComparisonOperator;
import dev.cwfilter.metric.MetricAlarm;
import dev.cwfilter.metric.Statistic;
import dev.cwfilter.testkit.FilterCase;
import dev.cwfilter.testkit.FilterCases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;

/** A user's test on JUnit 5.10, as docs/testkit.md sets it up. */
class SecretAccessTest {

    static final MetricFilter FILTER = MetricFilter.builder().filterPattern("{ $.eventName = \"GetSecretValue\" }")
            .metricNamespace("SecurityMetrics").metricName("Secret is accessed").metricValue("1").defaultValue(0)
            .build();

    @Test
    void patternMatchesSecretReadsOnly() {
        assertThatPattern("{ $.eventName = \"GetSecretValue\" }")
                .matches(getSecretValue().user("alice").secret("prod/db").build())
                .doesNotMatch(listSecrets().build());
    }

    @Test
    void alarmGoesToAlarmAfterARead() {
        MetricAlarm alarm = MetricAlarm.builder().alarmName("Secret is accessed").namespace("SecurityMetrics")
                .metricName("Secret is accessed").statistic(Statistic.SUM).periodSeconds(60).evaluationPeriods(1)
                .threshold(1).comparisonOperator(AlarmComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD).build();
        assertThatAlarm(alarm).fedBy(FILTER)
                .givenEvents(at("12:01:03", listSecrets()), at("12:03:14", getSecretValue()),
                        at("12:04:10", describeSecret()))
                .goesTo(ALARM).at("12:04")
                .goesTo(OK).at("12:05");
    }

    @ParameterizedTest(name = "{0}")
    @FilterCases("my-filters.yaml")
    void filterCases(FilterCase filterCase) {
        filterCase.verify();
    }
}
