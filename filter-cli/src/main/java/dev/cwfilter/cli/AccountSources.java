package dev.cwfilter.cli;

import dev.cwfilter.FilterOptions;
import dev.cwfilter.MetricFilter;
import dev.cwfilter.aws.AccountDefinitions;
import dev.cwfilter.definitions.AlarmDefinition;
import dev.cwfilter.definitions.DefinitionProblem;
import dev.cwfilter.definitions.Definitions;
import dev.cwfilter.definitions.MetricFilterDefinition;
import dev.cwfilter.metric.MetricAlarm;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The definitions of an account as the command line names them, for {@code metrics} and {@code watch}:
 * {@code log-group:NAME}, the metric filters of the log group (DescribeMetricFilters), and {@code account}, the
 * account's metric alarms (DescribeAlarms). Stateless.
 */
final class AccountSources {

    private AccountSources() {
    }

    /**
     * The definitions {@code source} names. A metric filter that cannot be converted is a problem by name; the
     * account's other alarms (metric math, anomaly bands) are not definitions the command line gave, so they are said
     * on {@code err}, not counted as problems.
     *
     * @throws dev.cwfilter.aws.AwsCallException if a call fails
     */
    static Definitions definitions(AwsOptions aws, String source, FilterOptions options, PrintWriter err) {
        List<MetricFilterDefinition> filters = new ArrayList<>();
        List<AlarmDefinition> alarms = new ArrayList<>();
        List<DefinitionProblem> problems = new ArrayList<>();
        if (source.startsWith("log-group:")) {
            String group = source.substring("log-group:".length());
            AccountDefinitions.Result<MetricFilter> r = AccountDefinitions.metricFilters(aws.clients().logs(), group,
                    options);
            for (MetricFilter f : r.definitions()) {
                filters.add(new MetricFilterDefinition(f.filterName().orElse("(unnamed)"), source, 0, f,
                        Optional.of(group)));
            }
            for (AccountDefinitions.Problem p : r.problems()) {
                problems.add(new DefinitionProblem(DefinitionProblem.Kind.METRIC_FILTER, p.name(), source, 0,
                        p.message()));
            }
        } else {
            AccountDefinitions.Result<MetricAlarm> r = AccountDefinitions.alarms(aws.clients().cloudWatch());
            for (MetricAlarm a : r.definitions()) {
                alarms.add(new AlarmDefinition(a.alarmName(), "account", 0, a));
            }
            for (AccountDefinitions.Problem p : r.problems()) {
                err.println("cwfilter: left out " + p.describe());
            }
        }
        return new Definitions(filters, alarms, problems);
    }
}
