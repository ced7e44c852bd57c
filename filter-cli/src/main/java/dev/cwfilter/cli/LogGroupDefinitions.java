package dev.cwfilter.cli;

import dev.cwfilter.FilterOptions;
import dev.cwfilter.LogGroup;
import dev.cwfilter.definitions.AlarmDefinition;
import dev.cwfilter.definitions.DefinitionFiles;
import dev.cwfilter.definitions.DefinitionProblem;
import dev.cwfilter.definitions.Definitions;
import dev.cwfilter.definitions.LogGroupSelection;
import dev.cwfilter.definitions.MetricFilterDefinition;
import dev.cwfilter.deploy.DocumentException;
import dev.cwfilter.metric.MetricAlarm;
import dev.cwfilter.metric.MetricId;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The log group a command line describes with {@code --metric-filters} and {@code --alarms}, as {@code metrics} (a
 * replay) and {@code watch} (live) both run it: the metric filters of the {@code --metric-filters} sources (files, or
 * {@code log-group:NAME} in the account) on one log group, and the alarms of the {@code --alarms} sources (files, or
 * the {@code account}) on the metrics those filters publish, each found by {@link MetricId}. Every definition that
 * cannot run is a {@link DefinitionProblem}, reported by name on standard error and left out; the others run. A
 * filter that runs with a pattern warning (a {@code ?} term beside plain terms) is named with the warning, as
 * {@code -p}'s pattern is.
 *
 * <p>A source named by both options is read once; each option takes its own kind of definition from it (a template
 * holds both).
 *
 * <p>Not thread-safe: one instance per command invocation.
 */
final class LogGroupDefinitions {

    /** The definitions of an AWS account: {@code log-group:NAME}'s metric filters, the {@code account}'s alarms. */
    interface Account {
        /** Whether a source names the account's definitions rather than a file. */
        static boolean isSource(String name) {
            return name.startsWith("log-group:") || name.equals("account");
        }

        /** The metric filters of {@code log-group:NAME}, or the account's alarms for {@code account}. */
        Definitions definitions(String source);
    }

    /** An alarm to run and the metric it watches. */
    record AlarmOn(AlarmDefinition definition, MetricId metric) {

        MetricAlarm alarm() {
            return definition.alarm();
        }
    }

    private final String command;
    private final PrintWriter err;
    private final List<DefinitionProblem> problems = new ArrayList<>();
    private int reported;
    private int code = ExitCodes.OK;
    private String groupName;
    private LogGroup group;
    private final List<MetricFilterDefinition> filters = new ArrayList<>();
    private final List<AlarmOn> alarms = new ArrayList<>();
    private int accountAlarmsElsewhere;
    private LogGroupSelection selection;

    private LogGroupDefinitions(String command, PrintWriter err) {
        this.command = command;
        this.err = err;
    }

    /**
     * Reads the sources and decides what runs.
     *
     * @param command       {@code metrics} or {@code watch}, for messages
     * @param filterSources the {@code --metric-filters} sources
     * @param alarmSources  the {@code --alarms} sources
     * @param logGroup      {@code --log-group}, or null
     * @param options       how patterns are compiled
     * @param account       the account's definitions
     * @param err           where problems and notes are printed
     * @throws UsageError if a source is misplaced, the log group cannot be chosen, or no metric filter can run (the
     *                    problems found so far printed first)
     */
    static LogGroupDefinitions load(String command, List<String> filterSources, List<String> alarmSources,
                                    String logGroup, FilterOptions options, Account account, PrintWriter err) {
        LogGroupDefinitions d = new LogGroupDefinitions(command, err);
        d.load(filterSources, alarmSources, logGroup, options, account);
        return d;
    }

    private void load(List<String> filterSources, List<String> alarmSources, String logGroup, FilterOptions options,
                      Account account) {
        for (String s : filterSources) {
            if (s.equals("account")) {
                throw new UsageError("cwfilter " + command + ": --metric-filters account: the account's metric filters"
                        + " are per log group: --metric-filters log-group:NAME");
            }
        }
        for (String s : alarmSources) {
            if (s.startsWith("log-group:")) {
                throw new UsageError("cwfilter " + command + ": --alarms " + s + ": a log group holds metric filters"
                        + " (--metric-filters " + s + "); the account's alarms are --alarms account");
            }
        }
        Map<String, Definitions> read = new HashMap<>();
        List<Definitions> fromFilterSources = new ArrayList<>();
        for (String source : new LinkedHashSet<>(filterSources)) {
            Definitions defs = read(source, read, options, account);
            fromFilterSources.add(defs);
            if (!defs.alarms().isEmpty() && !alarmSources.contains(source)) {
                err.println(otherKindNote(source, "metric filter", defs.metricFilters().isEmpty(),
                        defs.alarms().size(), "alarm", "--alarms"));
            }
        }
        List<Definitions> fromAlarmSources = new ArrayList<>();
        for (String source : new LinkedHashSet<>(alarmSources)) {
            Definitions defs = read(source, read, options, account);
            fromAlarmSources.add(defs);
            if (!defs.metricFilters().isEmpty() && !filterSources.contains(source)) {
                err.println(otherKindNote(source, "alarm", defs.alarms().isEmpty(),
                        defs.metricFilters().size(), "metric filter", "--metric-filters"));
            }
        }
        // Alarms read from the account watch all sorts of metrics; only those of the log group's are ours.
        selection = LogGroupSelection.select(fromFilterSources, fromAlarmSources, logGroup,
                d -> d.file().equals("account"));
        problems.addAll(selection.problems());
        if (selection.failure().isPresent()) {
            report();
            throw new UsageError("cwfilter " + command + ": " + selection.failure().get());
        }
        groupName = selection.groupName();
        group = selection.group();
        filters.addAll(selection.filters());
        for (MetricFilterDefinition d : selection.filters()) {
            PatternWarnings.print(err, "metric filter '" + d.name() + "' (" + d.location() + "): ",
                    d.filter().pattern().source(), d.filter().options());
        }
        for (LogGroupSelection.AlarmOn a : selection.alarms()) {
            alarms.add(new AlarmOn(a.definition(), a.metric()));
        }
        accountAlarmsElsewhere = selection.alarmsElsewhere();
    }

    /**
     * The note on a file given to the option that takes {@code ownKind} that also holds {@code held} definitions of
     * {@code heldKind}, which only {@code heldOption} reads: if it holds none of its own kind, the files were likely
     * swapped.
     */
    private static String otherKindNote(String source, String ownKind, boolean noneOfOwnKind, int held,
                                        String heldKind, String heldOption) {
        return noneOfOwnKind
                ? "cwfilter: " + source + " holds no " + ownKind + "s but " + count(held, heldKind) + ": " + heldKind
                        + "s are read from " + heldOption + " " + source
                : "cwfilter: " + source + " also holds " + count(held, heldKind) + ", which run only when it is given"
                        + " with " + heldOption + " too";
    }

    private static String count(int n, String what) {
        return n + " " + what + (n == 1 ? "" : "s");
    }

    private Definitions read(String source, Map<String, Definitions> read, FilterOptions options, Account account) {
        String key = Account.isSource(source) ? source : Path.of(source).toAbsolutePath().normalize().toString();
        Definitions cached = read.get(key);
        if (cached != null) {
            return cached;
        }
        Definitions defs = Definitions.empty();
        if (Account.isSource(source)) {
            defs = account.definitions(source);
        } else {
            Path file = Path.of(source);
            try {
                defs = DefinitionFiles.read(file, options);
            } catch (DocumentException e) {
                err.println("cwfilter: " + e.getMessage());
                code = Math.max(code, ExitCodes.USAGE);
            } catch (UncheckedIOException e) {
                err.println("cwfilter: cannot read '" + file + "': " + (e.getCause() instanceof
                        java.nio.file.NoSuchFileException ? "no such file" : e.getCause().getMessage()));
                code = code == ExitCodes.OK ? ExitCodes.IO_ERROR : code;
            }
        }
        read.put(key, defs);
        return defs;
    }

    /** Prints the problems not printed yet on standard error, one per definition, the caret lines following. */
    void report() {
        for (; reported < problems.size(); reported++) {
            DefinitionProblem p = problems.get(reported);
            err.println("cwfilter: " + LogGroupSelection.leftOut(p));
        }
        err.flush();
    }

    /** Prints how many of the account's alarms watch other metrics, if any. */
    void reportAccountAlarmsElsewhere() {
        if (accountAlarmsElsewhere > 0) {
            err.println("cwfilter: " + accountAlarmsElsewhere + " other alarms of the account watch metrics no metric"
                    + " filter of the log group publishes");
        }
    }

    /** The log group's name: asked for, or the only one the files name; "" when none is known. */
    String groupName() {
        return groupName;
    }

    /** The log group of the filters that run. */
    LogGroup group() {
        return group;
    }

    /** The metric filters that run, in the sources' order (the log group's filter {@code i} is {@code i} here). */
    List<MetricFilterDefinition> filters() {
        return filters;
    }

    /** The alarms that run, in the sources' order. */
    List<AlarmOn> alarms() {
        return alarms;
    }

    /** Every definition left out so far. */
    List<DefinitionProblem> problems() {
        return problems;
    }

    /** 0, or the exit status a source that could not be read calls for (1 unreadable, 2 not definitions). */
    int code() {
        return code;
    }
}
