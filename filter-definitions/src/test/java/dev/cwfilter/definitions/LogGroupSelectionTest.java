package dev.cwfilter.definitions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cwfilter.MetricFilter;
import dev.cwfilter.metric.AlarmComparisonOperator;
import dev.cwfilter.metric.MetricAlarm;
import dev.cwfilter.metric.MetricId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What of a log group's definitions runs, and what is left out and why: the rule every front end follows. */
class LogGroupSelectionTest {

    static MetricFilterDefinition filter(String name, String group, String namespace, Map<String, String> dims) {
        MetricFilter.Builder b = MetricFilter.builder().filterName(name).filterPattern("{ $.level = \"ERROR\" }")
                .metricValue("1").dimensions(dims);
        if (namespace != null) {
            b.metricNamespace(namespace).metricName("Errors");
        }
        return new MetricFilterDefinition(name, "filters.json", 3, b.build(), Optional.ofNullable(group));
    }

    static AlarmDefinition alarm(String name, String file, String namespace, int period, Map<String, String> dims) {
        return new AlarmDefinition(name, file, 7, MetricAlarm.builder().alarmName(name).namespace(namespace)
                .metricName("Errors").dimensions(dims).statistic("Sum").periodSeconds(period).evaluationPeriods(1)
                .threshold(1).comparisonOperator(AlarmComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD).build());
    }

    static DefinitionProblem problem(DefinitionProblem.Kind kind, String name) {
        return new DefinitionProblem(kind, name, "x.json", 1, "unknown field");
    }

    @Test
    void eachSideTakesItsOwnKindAndEveryDefinitionLeftOutIsAProblemInTheSourcesOrder() {
        Definitions filters = new Definitions(List.of(filter("a", "app", "App", Map.of()),
                filter("unpublished", "app", null, Map.of()), filter("by-user", null, "App", Map.of("User", "$.u"))),
                List.of(alarm("in the filter file", "filters.json", "App", 60, Map.of())),
                List.of(problem(DefinitionProblem.Kind.METRIC_FILTER, "bad filter"),
                        problem(DefinitionProblem.Kind.ALARM, "bad alarm of the filter file")));
        Definitions alarms = new Definitions(List.of(), List.of(
                alarm("ok", "alarms.json", "App", 60, Map.of()),
                alarm("nobody", "alarms.json", "Other", 60, Map.of()),
                alarm("30 s", "alarms.json", "App", 30, Map.of()),
                alarm("ok", "alarms.json", "App", 120, Map.of()),
                alarm("by user", "alarms.json", "App", 60, Map.of("User", "alice")),
                alarm("account's", "account", "Elsewhere", 60, Map.of())),
                List.of(problem(DefinitionProblem.Kind.ALARM, "bad alarm"),
                        problem(DefinitionProblem.Kind.METRIC_FILTER, "bad filter of the alarm file")));

        LogGroupSelection s = LogGroupSelection.select(List.of(filters), List.of(alarms), null,
                d -> d.file().equals("account"));

        assertThat(s.failure()).isEmpty();
        assertThat(s.groupName()).isEqualTo("app");
        assertThat(s.group().name()).contains("app");
        assertThat(s.filters()).extracting(MetricFilterDefinition::name).containsExactly("a", "by-user");
        assertThat(s.group().metricFilters()).hasSize(2);
        assertThat(s.alarms()).extracting(a -> a.alarm().alarmName()).containsExactly("ok", "by user");
        assertThat(s.alarms().get(1).metric()).isEqualTo(new MetricId("App", "Errors", Map.of("User", "alice")));
        assertThat(s.alarmsElsewhere()).isEqualTo(1);
        assertThat(s.problems()).extracting(p -> p.name() + ": " + p.reason()).containsExactly(
                "bad filter: unknown field",
                "bad alarm: unknown field",
                "unpublished: publishes no metric (its metric namespace or name is not known offline)",
                "nobody: its metric Other/Errors is published by no metric filter of the log group",
                "30 s: its period of 30 s is shorter than the minute metric-filter metrics are stored at",
                "ok: an alarm of the same name (alarms.json line 7) runs already; alarm names are unique in a region");
        assertThat(LogGroupSelection.leftOut(s.problems().get(2))).isEqualTo("metric filter 'unpublished'"
                + " (filters.json line 3) left out: publishes no metric (its metric namespace or name is not known"
                + " offline)");
    }

    @Test
    void oneLogGroupRunsAndNoneIsAFailure() {
        Definitions two = new Definitions(List.of(filter("a", "app", "App", Map.of()),
                filter("b", "web", "App", Map.of()), filter("c", "web", "App", Map.of())), List.of(), List.of());
        assertThat(LogGroupSelection.select(List.of(two), List.of(), null, d -> false).failure()).contains(
                "the metric filters are on 2 log groups; choose one with --log-group: app (1 filter), web (2 filters)");
        LogGroupSelection web = LogGroupSelection.select(List.of(two), List.of(), "web", d -> false);
        assertThat(web.filters()).extracting(MetricFilterDefinition::name).containsExactly("b", "c");
        assertThat(LogGroupSelection.select(List.of(two), List.of(), "db", d -> false).failure()).contains(
                "--log-group db: no metric filter of the files is on that log group; they are on app, web");

        Definitions none = new Definitions(List.of(filter("x", "app", null, Map.of())), List.of(), List.of());
        LogGroupSelection nothing = LogGroupSelection.select(List.of(none), List.of(), null, d -> false);
        assertThat(nothing.failure()).contains("no metric filter to run for log group app (see the problems above)");
        assertThat(nothing.problems()).extracting(DefinitionProblem::name).containsExactly("x");
    }
}
