package dev.cwfilter.testkit.docs;

import dev.cwfilter.MetricFilter;
import dev.cwfilter.metric.AlarmComparisonOperator;
import dev.cwfilter.metric.MetricAlarm;
import dev.cwfilter.metric.Statistic;

/**
 * What the documentation's examples take as given, named as the text names it: a metric filter, an alarm on its
 * metric and an event. Every other name an example uses must come from the imports it shows.
 */
public abstract class DocSnippetContext {

    /** The seed scenario's metric filter, for the examples that refer to "the filter". */
    protected static final MetricFilter FILTER = MetricFilter.builder().filterPattern("{ $.eventName = \"GetSecretValue\" }")
            .metricNamespace("SecurityMetrics").metricName("Secret is accessed").metricValue("1").defaultValue(0)
            .build();

    /** The same filter as an instance field. */
    protected final MetricFilter filter = FILTER;

    /** An alarm on the filter's metric. */
    protected final MetricAlarm alarm = MetricAlarm.builder().alarmName("Secret is accessed")
            .namespace("SecurityMetrics").metricName("Secret is accessed").statistic(Statistic.SUM).periodSeconds(60)
            .evaluationPeriods(1).threshold(1)
            .comparisonOperator(AlarmComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD).build();

    /** A slow call, for the metric value examples. */
    protected final String slowCall = "{\"latency\":250,\"service\":\"orders\"}";
}
