package dev.cwfilter.flink;

import dev.cwfilter.DefaultValueMode;
import dev.cwfilter.FilterOptions;
import dev.cwfilter.FilterPattern;
import dev.cwfilter.LogGroup;
import dev.cwfilter.MetricFilter;
import dev.cwfilter.StandardUnit;
import dev.cwfilter.SubscriptionFilter;
import dev.cwfilter.metric.AlarmComparisonOperator;
import dev.cwfilter.metric.LowSampleCountPercentile;
import dev.cwfilter.metric.MetricAlarm;
import dev.cwfilter.metric.TreatMissingData;
import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;

/**
 * A log group's filters and the alarms on its metrics as plain serializable data: what a Flink function carries from
 * the client to its tasks, where each task compiles them again ({@link #logGroup()}, {@link #alarms()}). Compiled
 * patterns, filters and alarms are not {@link Serializable}; their definitions are, and recompiling a definition gives
 * the same filter (the round trip is checked when the definitions are made).
 *
 * <p>Immutable and thread-safe.
 */
final class Definitions implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    private final String logGroupName;
    private final List<Filter> metricFilters;
    private final List<Subscription> subscriptionFilters;
    private final List<Alarm> alarms;

    private Definitions(String logGroupName, List<Filter> metricFilters, List<Subscription> subscriptionFilters,
                        List<Alarm> alarms) {
        this.logGroupName = logGroupName;
        this.metricFilters = metricFilters;
        this.subscriptionFilters = subscriptionFilters;
        this.alarms = alarms;
    }

    /**
     * The definitions of a log group and alarms.
     *
     * @throws IllegalArgumentException if two alarms share a name
     */
    static Definitions of(LogGroup group, List<MetricAlarm> alarms) {
        Objects.requireNonNull(group, "group");
        List<Filter> filters = new ArrayList<>();
        for (MetricFilter f : group.metricFilters()) {
            filters.add(Filter.of(f));
        }
        List<Subscription> subscriptions = new ArrayList<>();
        for (SubscriptionFilter s : group.subscriptionFilters()) {
            subscriptions.add(new Subscription(s.filterName(), s.pattern().source(), Options.of(s.pattern().options()),
                    s.destinationArn().orElse(null)));
        }
        List<Alarm> alarmDefinitions = new ArrayList<>();
        java.util.Set<String> names = new java.util.HashSet<>();
        for (MetricAlarm a : alarms) {
            if (!names.add(a.alarmName())) {
                throw new IllegalArgumentException("two alarms are named '" + a.alarmName() + "'");
            }
            alarmDefinitions.add(Alarm.of(a));
        }
        Definitions d = new Definitions(group.name().orElse(null), List.copyOf(filters), List.copyOf(subscriptions),
                List.copyOf(alarmDefinitions));
        if (!d.alarms().equals(List.copyOf(alarms))) {
            throw new IllegalStateException("an alarm's definition does not compile back to the same alarm");
        }
        return d;
    }

    /** The log group, compiled again. */
    LogGroup logGroup() {
        LogGroup.Builder b = LogGroup.builder();
        if (logGroupName != null) {
            b.name(logGroupName);
        }
        for (Filter f : metricFilters) {
            b.metricFilter(f.compile());
        }
        for (Subscription s : subscriptionFilters) {
            b.subscriptionFilter(new SubscriptionFilter(s.name, FilterPattern.compile(s.pattern, s.options.build()),
                    java.util.Optional.ofNullable(s.destinationArn)));
        }
        return b.build();
    }

    /** The alarms, built again, in the order given. */
    List<MetricAlarm> alarms() {
        List<MetricAlarm> result = new ArrayList<>(alarms.size());
        for (Alarm a : alarms) {
            result.add(a.build());
        }
        return List.copyOf(result);
    }

    /** How many metric filters the log group has. */
    int metricFilterCount() {
        return metricFilters.size();
    }

    /** The log group's name, or null. */
    String logGroupName() {
        return logGroupName;
    }

    private record Options(boolean lenientJsonPrefix, boolean exactFieldCount, boolean lenientTermCharacters,
                           int firstEventNumber, DefaultValueMode defaultValueMode, int maxPatternLength,
                           int maxNestingDepth, int maxEventBytes, int maxEventNestingDepth) implements Serializable {

        static Options of(FilterOptions o) {
            return new Options(o.lenientJsonPrefix(), o.exactFieldCount(), o.lenientTermCharacters(),
                    o.firstEventNumber(), o.defaultValueMode(), o.maxPatternLength(), o.maxNestingDepth(),
                    o.maxEventBytes(), o.maxEventNestingDepth());
        }

        FilterOptions build() {
            return FilterOptions.builder().lenientJsonPrefix(lenientJsonPrefix).exactFieldCount(exactFieldCount)
                    .lenientTermCharacters(lenientTermCharacters).firstEventNumber(firstEventNumber)
                    .defaultValueMode(defaultValueMode).maxPatternLength(maxPatternLength)
                    .maxNestingDepth(maxNestingDepth).maxEventBytes(maxEventBytes)
                    .maxEventNestingDepth(maxEventNestingDepth).build();
        }
    }

    private record Filter(String name, String pattern, Options options, String namespace, String metricName,
                          String value, Double defaultValue, LinkedHashMap<String, String> dimensions,
                          StandardUnit unit) implements Serializable {

        static Filter of(MetricFilter f) {
            return new Filter(f.filterName().orElse(null), f.pattern().source(), Options.of(f.options()),
                    f.metricNamespace().orElse(null), f.metricName().orElse(null), f.metricValue(),
                    f.defaultValue().isPresent() ? f.defaultValue().getAsDouble() : null,
                    new LinkedHashMap<>(f.dimensions()), f.unit());
        }

        MetricFilter compile() {
            MetricFilter.Builder b = MetricFilter.builder().filterPattern(pattern).options(options.build())
                    .metricValue(value).dimensions(dimensions).unit(unit);
            if (name != null) {
                b.filterName(name);
            }
            if (namespace != null) {
                b.metricNamespace(namespace);
            }
            if (metricName != null) {
                b.metricName(metricName);
            }
            if (defaultValue != null) {
                b.defaultValue(defaultValue);
            }
            return b.build();
        }
    }

    private record Subscription(String name, String pattern, Options options, String destinationArn)
            implements Serializable {
    }

    private record Alarm(String name, String description, String namespace, String metricName,
                         LinkedHashMap<String, String> dimensions, String statistic, int period, int evaluationPeriods,
                         int datapointsToAlarm, double threshold, AlarmComparisonOperator operator,
                         TreatMissingData treatMissingData, LowSampleCountPercentile lowSampleCount,
                         StandardUnit unit, boolean actionsEnabled, ArrayList<String> okActions,
                         ArrayList<String> alarmActions, ArrayList<String> insufficientDataActions, String alarmArn,
                         Long configurationUpdated)
            implements Serializable {

        static Alarm of(MetricAlarm a) {
            return new Alarm(a.alarmName(), a.alarmDescription().orElse(null), a.namespace(), a.metricName(),
                    new LinkedHashMap<>(a.dimensions()), a.statistic().awsName(), a.periodSeconds(),
                    a.evaluationPeriods(), a.isDatapointsToAlarmSet() ? a.datapointsToAlarm() : 0, a.threshold(),
                    a.comparisonOperator(), a.treatMissingData(),
                    a.isEvaluateLowSampleCountPercentileSet() ? a.evaluateLowSampleCountPercentile() : null,
                    a.unit().orElse(null), a.actionsEnabled(), new ArrayList<>(a.okActions()),
                    new ArrayList<>(a.alarmActions()), new ArrayList<>(a.insufficientDataActions()),
                    a.alarmArn().orElse(null), a.alarmConfigurationUpdatedTimestamp().isPresent()
                            ? a.alarmConfigurationUpdatedTimestamp().getAsLong() : null);
        }

        MetricAlarm build() {
            MetricAlarm.Builder b = MetricAlarm.builder().alarmName(name).namespace(namespace).metricName(metricName)
                    .dimensions(dimensions).statistic(statistic).periodSeconds(period)
                    .evaluationPeriods(evaluationPeriods).threshold(threshold)
                    .comparisonOperator(operator).treatMissingData(treatMissingData).actionsEnabled(actionsEnabled)
                    .okActions(okActions).alarmActions(alarmActions).insufficientDataActions(insufficientDataActions);
            if (datapointsToAlarm != 0) {
                b.datapointsToAlarm(datapointsToAlarm);
            }
            if (lowSampleCount != null) {
                b.evaluateLowSampleCountPercentile(lowSampleCount);
            }
            if (description != null) {
                b.alarmDescription(description);
            }
            if (unit != null) {
                b.unit(unit);
            }
            if (alarmArn != null) {
                b.alarmArn(alarmArn);
            }
            if (configurationUpdated != null) {
                b.alarmConfigurationUpdatedTimestamp(configurationUpdated);
            }
            return b.build();
        }
    }
}
