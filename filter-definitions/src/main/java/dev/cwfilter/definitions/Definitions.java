package dev.cwfilter.definitions;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What definition files hold: the metric filters, the alarms, and every definition that was left out with the reason
 * ({@link DefinitionProblem}). Read one with {@link DefinitionFiles#read(java.nio.file.Path, dev.cwfilter.FilterOptions)} or the reader of its
 * kind ({@link DescribeMetricFilters}, {@link DescribeAlarms}, {@link CloudFormationTemplate},
 * {@link TerraformPlan}); combine several with {@link #plus(Definitions)}.
 *
 * <p>Immutable and thread-safe.
 */
public final class Definitions {

    private static final Definitions EMPTY = new Definitions(List.of(), List.of(), List.of());

    private final List<MetricFilterDefinition> metricFilters;
    private final List<AlarmDefinition> alarms;
    private final List<DefinitionProblem> problems;

    /**
     * Definitions as given.
     *
     * @param metricFilters the metric filters, in the order the files hold them
     * @param alarms        the alarms, in order
     * @param problems      the definitions left out, in order
     */
    public Definitions(List<MetricFilterDefinition> metricFilters, List<AlarmDefinition> alarms,
                       List<DefinitionProblem> problems) {
        this.metricFilters = List.copyOf(metricFilters);
        this.alarms = List.copyOf(alarms);
        this.problems = List.copyOf(problems);
    }

    /** No definitions. */
    public static Definitions empty() {
        return EMPTY;
    }

    /** The metric filters, in the order they are written. */
    public List<MetricFilterDefinition> metricFilters() {
        return metricFilters;
    }

    /**
     * The metric filters by log group name, groups in the order they first appear; filters whose source does not say
     * their log group are under {@link Optional#empty()}.
     */
    public Map<Optional<String>, List<MetricFilterDefinition>> metricFiltersByLogGroup() {
        Map<Optional<String>, List<MetricFilterDefinition>> groups = new LinkedHashMap<>();
        for (MetricFilterDefinition f : metricFilters) {
            groups.computeIfAbsent(f.logGroupName(), k -> new ArrayList<>()).add(f);
        }
        groups.replaceAll((k, v) -> List.copyOf(v));
        return Collections.unmodifiableMap(groups);
    }

    /** The metric alarms, in the order they are written. */
    public List<AlarmDefinition> alarms() {
        return alarms;
    }

    /** Every definition that was left out, with the reason, in the order they are written. */
    public List<DefinitionProblem> problems() {
        return problems;
    }

    /** These definitions followed by the other's. */
    public Definitions plus(Definitions other) {
        Objects.requireNonNull(other, "other");
        List<MetricFilterDefinition> f = new ArrayList<>(metricFilters);
        f.addAll(other.metricFilters);
        List<AlarmDefinition> a = new ArrayList<>(alarms);
        a.addAll(other.alarms);
        List<DefinitionProblem> p = new ArrayList<>(problems);
        p.addAll(other.problems);
        return new Definitions(f, a, p);
    }

    @Override
    public String toString() {
        return "Definitions[" + metricFilters.size() + " metric filters, " + alarms.size() + " alarms, "
                + problems.size() + " problems]";
    }
}
