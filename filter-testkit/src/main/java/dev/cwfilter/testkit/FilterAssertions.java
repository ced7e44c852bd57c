package dev.cwfilter.testkit;

import dev.cwfilter.FilterOptions;
import dev.cwfilter.FilterPattern;
import dev.cwfilter.LogEvent;
import dev.cwfilter.MetricFilter;
import dev.cwfilter.events.EventRule;
import dev.cwfilter.events.EventRuleException;
import dev.cwfilter.events.definitions.RuleDefinition;
import dev.cwfilter.definitions.Definitions;
import dev.cwfilter.definitions.DescribeAlarms;
import dev.cwfilter.definitions.DescribeMetricFilters;
import dev.cwfilter.events.definitions.RuleDefinitions;
import dev.cwfilter.metric.AlarmState;
import dev.cwfilter.metric.MetricAlarm;
import dev.cwfilter.testkit.deploy.CloudFormationTemplate;
import dev.cwfilter.testkit.deploy.MetricFilterResource;
import dev.cwfilter.testkit.deploy.TerraformPlan;
import dev.cwfilter.testkit.events.SampleEvent;
import dev.cwfilter.testkit.internal.Times;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * The testkit's one static-import entry point: assertions about filter patterns, metric filters, alarms and
 * EventBridge rules, in AssertJ style, whose failures explain themselves in short lines of facts; the alarm states
 * ({@link #ALARM}, {@link #OK}, {@link #INSUFFICIENT_DATA}); events at a time ({@link #at(String, String)}); and the
 * readers of what you deploy ({@link #cloudFormationTemplate(Path)}, {@link #terraformPlan(Path)},
 * {@link #ruleDefinitions(Path)}, {@link #describeMetricFilters(Path)}, {@link #describeAlarms(Path)}). The sample
 * events are in {@code dev.cwfilter.testkit.events.CloudTrailEvents} (a second static import).
 *
 * <pre>{@code
 * import static dev.cwfilter.testkit.FilterAssertions.*;
 *
 * assertThatPattern("{ $.eventName = \"GetSecretValue\" }").matches(event).doesNotMatch(other);
 * assertThatPattern("{ $.a = }").isInvalid().withErrorAt(1, 9);
 * assertThatMetricFilter(filter).publishes(1.0).forEvent(event).publishesDefaultFor(other);
 * assertThatAlarm(alarm).fedBy(filter).givenEvents(at("12:03:14", event)).goesTo(ALARM).at("12:04");
 * assertThatRule(secretChanges).matches(deleteSecret).sendsToTarget("notify-sns", "\"alice deleted prod/db\"");
 * }</pre>
 *
 * <h2>Time conventions</h2>
 * Every time is UTC. {@link #at(String, String)} and the alarm assertions take a time of day ({@code "12:03"},
 * {@code "12:03:14"}, {@code "12:03:14.250"}) or a full timestamp ({@code "2026-11-21T12:03:14Z"}; an offset is
 * converted, no zone means UTC). A time of day given to {@code at} falls on {@link #DEFAULT_DATE}; one given to an
 * alarm assertion falls on the date of the earliest event.
 *
 * <p>Stateless and thread-safe; the assertions it returns are not (use each from one thread).
 */
public final class FilterAssertions {

    /** The date a time of day falls on: 2026-11-21, UTC. */
    public static final LocalDate DEFAULT_DATE = Times.DEFAULT_DATE;

    /** {@link AlarmState#ALARM}, for {@code goesTo(ALARM)} with this class's static import alone. */
    public static final AlarmState ALARM = AlarmState.ALARM;

    /** {@link AlarmState#OK}, for {@code goesTo(OK)} with this class's static import alone. */
    public static final AlarmState OK = AlarmState.OK;

    /** {@link AlarmState#INSUFFICIENT_DATA}, for {@code neverGoesTo(INSUFFICIENT_DATA)} with this import alone. */
    public static final AlarmState INSUFFICIENT_DATA = AlarmState.INSUFFICIENT_DATA;

    static {
        Requirements.check();
    }

    private FilterAssertions() {
    }

    /** Assertions about a pattern, compiled with the default options. */
    public static PatternAssert assertThatPattern(String pattern) {
        return new PatternAssert(pattern, FilterOptions.defaults());
    }

    /** Assertions about a compiled pattern, with the options it was compiled with. */
    public static PatternAssert assertThatPattern(FilterPattern pattern) {
        Objects.requireNonNull(pattern, "pattern");
        return new PatternAssert(pattern.source(), pattern.options());
    }

    /** Assertions about a metric filter. */
    public static MetricFilterAssert assertThatMetricFilter(MetricFilter filter) {
        return new MetricFilterAssert(filter, null);
    }

    /**
     * Assertions about a metric filter read from a CloudFormation template or a Terraform plan; failures name the
     * resource and where it is written.
     */
    public static MetricFilterAssert assertThatMetricFilter(MetricFilterResource resource) {
        Objects.requireNonNull(resource, "resource");
        return new MetricFilterAssert(resource.filter(), resource.name() + " (" + resource.location() + ")");
    }

    /**
     * Assertions about an EventBridge rule: which events EventBridge delivers to it (pattern and state, through
     * event-ruler) and what its targets receive.
     */
    public static RuleAssert assertThatRule(EventRule rule) {
        return new RuleAssert(rule, null);
    }

    /**
     * Assertions about an event pattern, as the pattern of an {@code ENABLED} rule named {@code rule} without targets.
     *
     * @throws EventRuleException naming the offending part, if event-ruler rejects the pattern
     */
    public static RuleAssert assertThatRule(String eventPattern) {
        return new RuleAssert(EventRule.of("rule", Objects.requireNonNull(eventPattern, "eventPattern")), null);
    }

    /**
     * Assertions about a rule read from {@code list-rules} output, a CloudFormation template or a Terraform plan;
     * failures name the resource and where it is written.
     */
    public static RuleAssert assertThatRule(RuleDefinition definition) {
        Objects.requireNonNull(definition, "definition");
        return new RuleAssert(definition.rule(), definition.resource() + " (" + definition.location() + ")");
    }

    /** Assertions about an alarm: feed it with {@code fedBy(filter).givenEvents(...)}, then assert its transitions. */
    public static AlarmAssert assertThatAlarm(MetricAlarm alarm) {
        return new AlarmAssert(alarm);
    }

    /**
     * A log event at a time: a UTC time of day on {@link #DEFAULT_DATE} ({@code "12:03:14"}) or a full timestamp
     * ({@code "2026-11-21T12:03:14Z"}).
     *
     * @throws IllegalArgumentException if the time is neither
     */
    public static LogEvent at(String time, String message) {
        return new LogEvent(instant(time).toEpochMilli(), Objects.requireNonNull(message, "message"));
    }

    /**
     * A sample event at a time, as a log event: the sample's own timestamp (a CloudTrail record's
     * {@code eventTime}, an access log's date) is set to the same time.
     */
    public static LogEvent at(String time, SampleEvent<?> sample) {
        return Objects.requireNonNull(sample, "sample").at(time).toLogEvent();
    }

    /** The instant a time stands for, with a time of day on {@link #DEFAULT_DATE}. */
    public static Instant instant(String time) {
        return Times.parse(Objects.requireNonNull(time, "time"));
    }

    /**
     * The metric filters of a CloudFormation template (YAML or JSON) file, as {@link CloudFormationTemplate#read(Path)}.
     *
     * @throws FileFormatException naming the file, line and column, if the template cannot be read
     */
    public static CloudFormationTemplate cloudFormationTemplate(Path path) {
        return CloudFormationTemplate.read(path);
    }

    /**
     * The metric filters of a CloudFormation template on the test classpath ({@code "infra/monitoring.yaml"}), as
     * {@link CloudFormationTemplate#fromClasspath(String)}.
     *
     * @throws FileFormatException naming the resource, line and column, if the template cannot be read
     */
    public static CloudFormationTemplate cloudFormationTemplateFromClasspath(String resource) {
        return CloudFormationTemplate.fromClasspath(resource);
    }

    /**
     * The metric filters of a Terraform plan ({@code terraform show -json plan.out > plan.json}), as
     * {@link TerraformPlan#read(Path)}.
     *
     * @throws FileFormatException naming the file, if the plan cannot be read
     */
    public static TerraformPlan terraformPlan(Path path) {
        return TerraformPlan.read(path);
    }

    /** The metric filters of a Terraform plan on the test classpath, as {@link TerraformPlan#fromClasspath(String)}. */
    public static TerraformPlan terraformPlanFromClasspath(String resource) {
        return TerraformPlan.fromClasspath(resource);
    }

    /**
     * The EventBridge rules of a file ({@code aws events list-rules} output, a CloudFormation template or a Terraform
     * plan), as {@link RuleDefinitions#read(Path)}; pass {@code rule(name)} to {@link #assertThatRule(RuleDefinition)}.
     */
    public static RuleDefinitions ruleDefinitions(Path path) {
        return RuleDefinitions.read(path);
    }

    /**
     * The metric filters of {@code aws logs describe-metric-filters} output, with the default options, as
     * {@link DescribeMetricFilters#read(Path, FilterOptions)}; a filter that cannot be used is in
     * {@link Definitions#problems()} with the reason.
     */
    public static Definitions describeMetricFilters(Path path) {
        return DescribeMetricFilters.read(path, FilterOptions.defaults());
    }

    /**
     * The alarms of {@code aws cloudwatch describe-alarms} output, as {@link DescribeAlarms#read(Path)}; an alarm that
     * cannot be used is in {@link Definitions#problems()} with the reason.
     */
    public static Definitions describeAlarms(Path path) {
        return DescribeAlarms.read(path);
    }
}
