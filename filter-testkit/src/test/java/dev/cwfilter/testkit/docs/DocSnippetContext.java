package dev.cwfilter.testkit.docs;

import dev.cwfilter.LogEvent;
import dev.cwfilter.MetricFilter;
import dev.cwfilter.events.EventRule;
import dev.cwfilter.events.EventRuleSet;
import dev.cwfilter.events.EventTarget;
import dev.cwfilter.events.PrintingTarget;
import dev.cwfilter.metric.AlarmComparisonOperator;
import dev.cwfilter.metric.MetricAlarm;
import dev.cwfilter.metric.Statistic;
import java.util.List;

/**
 * What the documentation's examples take as given, named as the text names it: a metric filter, an alarm on its
 * metric, log events and messages, a CloudTrail record, a rule set and a target. Every other name an example uses must
 * come from the imports it shows.
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

    /** A log message. */
    protected final String message = "{\"eventName\":\"GetSecretValue\",\"latency\":12}";

    /** Two messages for TestMetricFilter. */
    protected final String m1 = "{\"latency\":12}";

    /** The second. */
    protected final String m2 = "{\"latency\":250}";

    /** An event time, epoch milliseconds. */
    protected final long timestamp = 1_795_262_400_000L;

    /** Log events. */
    protected final List<LogEvent> events = List.of(new LogEvent(timestamp, message));

    /** A CloudTrail record. */
    protected final String record = "{\"eventVersion\":\"1.09\",\"eventSource\":\"secretsmanager.amazonaws.com\","
            + "\"eventName\":\"DeleteSecret\",\"eventTime\":\"2026-11-21T12:23:00Z\",\"awsRegion\":\"us-east-1\","
            + "\"recipientAccountId\":\"123456789012\",\"eventID\":\"1\",\"eventType\":\"AwsApiCall\"}";

    /** A rule set. */
    protected final EventRuleSet rules = EventRuleSet.of(List.of(EventRule.of("rule",
            "{\"source\":[\"aws.secretsmanager\"]}")));

    /** A target, for the examples that route payloads. */
    protected final EventTarget snsTarget = PrintingTarget.to(System.out);
}
