package dev.cwfilter.definitions;

import dev.cwfilter.LogGroup;
import dev.cwfilter.metric.MetricAlarm;
import dev.cwfilter.metric.MetricId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * What of a log group's definitions runs, and what is left out and why: the one rule {@code cwfilter metrics},
 * {@code cwfilter watch} and the Flink job follow, so that they run the same filters and alarms and report the same
 * problems (in the same order, which is the sources' order).
 *
 * <ul>
 *   <li>the metric filters of the filter sources and the alarms of the alarm sources (a template holds both: each
 *       side takes its own kind, and its own kind of reading problems);</li>
 *   <li>one log group: the one asked for, or the only one the filters name (several named and none asked for is an
 *       error, as is asking for one no filter is on);</li>
 *   <li>a filter that publishes no metric (its namespace or name is not known offline) is left out;</li>
 *   <li>an alarm is left out if no filter that runs publishes its metric (same namespace, name and dimension names),
 *       if its period is not a multiple of 60 s, or if an alarm of the same name runs already. An alarm for which
 *       {@code watchesAnything} holds (an account's alarms) is not a problem when it watches another metric: it is
 *       only counted ({@link #alarmsElsewhere()}).</li>
 * </ul>
 *
 * <p>Immutable and thread-safe.
 */
public final class LogGroupSelection {

    /**
     * An alarm that runs and the metric it watches.
     *
     * @param definition the alarm as defined
     * @param metric     its metric
     */
    public record AlarmOn(AlarmDefinition definition, MetricId metric) {
        /** Checks for null. */
        public AlarmOn {
            Objects.requireNonNull(definition, "definition");
            Objects.requireNonNull(metric, "metric");
        }

        /** The alarm. */
        public MetricAlarm alarm() {
            return definition.alarm();
        }
    }

    private final String groupName;
    private final List<MetricFilterDefinition> filters;
    private final List<AlarmOn> alarms;
    private final List<DefinitionProblem> problems;
    private final int alarmsElsewhere;
    private final LogGroup group;
    private final String failure;

    private LogGroupSelection(String groupName, List<MetricFilterDefinition> filters, List<AlarmOn> alarms,
                              List<DefinitionProblem> problems, int alarmsElsewhere, LogGroup group, String failure) {
        this.groupName = groupName;
        this.filters = List.copyOf(filters);
        this.alarms = List.copyOf(alarms);
        this.problems = List.copyOf(problems);
        this.alarmsElsewhere = alarmsElsewhere;
        this.group = group;
        this.failure = failure;
    }

    /**
     * Selects what runs.
     *
     * @param filterSources   the definitions read from each metric filter source, in order
     * @param alarmSources    the definitions read from each alarm source, in order
     * @param logGroup        the log group asked for, or null
     * @param watchesAnything the alarms that may watch metrics no filter publishes without being a problem
     */
    public static LogGroupSelection select(List<Definitions> filterSources, List<Definitions> alarmSources,
                                           String logGroup, Predicate<AlarmDefinition> watchesAnything) {
        Objects.requireNonNull(watchesAnything, "watchesAnything");
        List<DefinitionProblem> problems = new ArrayList<>();
        List<MetricFilterDefinition> allFilters = new ArrayList<>();
        for (Definitions d : filterSources) {
            allFilters.addAll(d.metricFilters());
            d.problems().stream().filter(p -> p.kind() == DefinitionProblem.Kind.METRIC_FILTER).forEach(problems::add);
        }
        List<AlarmDefinition> allAlarms = new ArrayList<>();
        for (Definitions d : alarmSources) {
            allAlarms.addAll(d.alarms());
            d.problems().stream().filter(p -> p.kind() == DefinitionProblem.Kind.ALARM).forEach(problems::add);
        }

        Set<String> named = new LinkedHashSet<>();
        allFilters.forEach(d -> d.logGroupName().ifPresent(named::add));
        String groupName;
        if (logGroup != null) {
            if (!named.isEmpty() && !named.contains(logGroup)) {
                return failed(problems, "--log-group " + logGroup + ": no metric filter of the files is on that log"
                        + " group; they are on " + String.join(", ", named));
            }
            groupName = logGroup;
        } else if (named.size() > 1) {
            Map<String, Long> counts = allFilters.stream().filter(d -> d.logGroupName().isPresent())
                    .collect(Collectors.groupingBy(d -> d.logGroupName().get(), LinkedHashMap::new,
                            Collectors.counting()));
            return failed(problems, "the metric filters are on " + named.size() + " log groups; choose one with"
                    + " --log-group: " + counts.entrySet().stream().map(e -> e.getKey() + " (" + e.getValue()
                    + (e.getValue() == 1 ? " filter)" : " filters)")).collect(Collectors.joining(", ")));
        } else {
            groupName = named.isEmpty() ? "" : named.iterator().next();
        }

        List<MetricFilterDefinition> filters = new ArrayList<>();
        for (MetricFilterDefinition d : allFilters) {
            Optional<String> on = d.logGroupName();
            if (groupName.isEmpty() || on.isEmpty() || on.get().equals(groupName)) {
                if (d.filter().metricNamespace().isEmpty() || d.filter().metricName().isEmpty()) {
                    problems.add(new DefinitionProblem(DefinitionProblem.Kind.METRIC_FILTER, d.name(), d.file(),
                            d.line(), "publishes no metric (its metric namespace or name is not known offline)"));
                } else {
                    filters.add(d);
                }
            }
        }
        LogGroup group;
        try {
            LogGroup.Builder b = LogGroup.builder();
            if (!groupName.isEmpty() && groupName.matches("[.\\-_/#A-Za-z0-9]{1,512}")) {
                b.name(groupName);
            }
            group = b.metricFilters(filters.stream().map(MetricFilterDefinition::filter).toList()).build();
        } catch (IllegalArgumentException e) {
            return failed(problems, e.getMessage());
        }
        if (filters.isEmpty()) {
            return failed(problems, "no metric filter to run" + (groupName.isEmpty() ? "" : " for log group "
                    + groupName) + " (see the problems above)");
        }

        List<AlarmOn> alarms = new ArrayList<>();
        Map<String, AlarmDefinition> byName = new HashMap<>();
        int elsewhere = 0;
        for (AlarmDefinition d : allAlarms) {
            MetricAlarm alarm = d.alarm();
            MetricId id = MetricId.of(alarm);
            boolean published = filters.stream().map(MetricFilterDefinition::filter).anyMatch(f ->
                    f.metricNamespace().orElse("").equals(alarm.namespace())
                            && f.metricName().orElse("").equals(alarm.metricName())
                            && f.dimensions().keySet().equals(alarm.dimensions().keySet()));
            if (!published && watchesAnything.test(d)) {
                elsewhere++;
                continue;
            }
            String reason = null;
            AlarmDefinition same = byName.get(alarm.alarmName());
            if (!published) {
                reason = "its metric " + id + " is published by no metric filter of the log group";
            } else if (alarm.periodSeconds() % 60 != 0) {
                reason = "its period of " + alarm.periodSeconds() + " s is shorter than the minute metric-filter"
                        + " metrics are stored at";
            } else if (same != null) {
                reason = "an alarm of the same name (" + same.location() + ") runs already; alarm names are unique"
                        + " in a region";
            }
            if (reason != null) {
                problems.add(new DefinitionProblem(DefinitionProblem.Kind.ALARM, d.name(), d.file(), d.line(),
                        reason));
                continue;
            }
            byName.put(alarm.alarmName(), d);
            alarms.add(new AlarmOn(d, id));
        }
        return new LogGroupSelection(groupName, filters, alarms, problems, elsewhere, group, null);
    }

    private static LogGroupSelection failed(List<DefinitionProblem> problems, String failure) {
        return new LogGroupSelection("", List.of(), List.of(), problems, 0, null, failure);
    }

    /** Why nothing can run (several log groups and none chosen, no filter left, ...), if so. */
    public Optional<String> failure() {
        return Optional.ofNullable(failure);
    }

    /** The log group's name: asked for, or the only one the filters name; "" when none is known. */
    public String groupName() {
        return groupName;
    }

    /**
     * The log group of the filters that run (its filter {@code i} is {@link #filters()}{@code .get(i)}).
     *
     * @throws IllegalStateException if the selection {@linkplain #failure() failed}
     */
    public LogGroup group() {
        if (group == null) {
            throw new IllegalStateException(failure);
        }
        return group;
    }

    /** The metric filters that run, in the sources' order. */
    public List<MetricFilterDefinition> filters() {
        return filters;
    }

    /** The alarms that run, in the sources' order. */
    public List<AlarmOn> alarms() {
        return alarms;
    }

    /** Every definition left out: reading problems of each source, then the selection's own, in order. */
    public List<DefinitionProblem> problems() {
        return problems;
    }

    /** How many alarms that may watch anything watch metrics no filter of the log group publishes. */
    public int alarmsElsewhere() {
        return alarmsElsewhere;
    }

    /**
     * A problem as front ends print it on standard error: {@code metric filter 'Errors' (filters.json line 14) left
     * out: reason}, the reason's caret lines, if any, following.
     */
    public static String leftOut(DefinitionProblem p) {
        return p.kind().words() + " '" + p.name() + "' (" + p.location() + ") left out: " + p.reason();
    }
}
