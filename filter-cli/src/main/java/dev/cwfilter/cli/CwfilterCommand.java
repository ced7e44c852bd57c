package dev.cwfilter.cli;

import java.util.Objects;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code cwfilter}: the top command, which only dispatches to its subcommands.
 *
 * <p>Not thread-safe: picocli creates one instance per command line and fills its options.
 */
@Command(name = "cwfilter", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {
            "Amazon CloudWatch Logs filter patterns, metric filters, metric statistics and alarms, evaluated "
                    + "offline exactly as CloudWatch does.",
            ""},
        subcommands = {DemoCommand.class, TestMetricFilterCommand.class, FilterCommand.class, MetricsCommand.class,
            WatchCommand.class, EventsCommand.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes (every command):%n",
        exitCodeList = {
            "0:success",
            "1:an input could not be read or the output could not be written",
            "2:invalid pattern, rule, option or value"},
        footerHeading = "%nStart here:%n",
        footer = {
            "  cwfilter demo",
            "  cwfilter test-metric-filter --filter-pattern ERROR --log-event-messages '[ERROR] 400' '[INFO] 200 OK'",
            "  cwfilter filter -p '{ $.eventName = \"GetSecretValue\" }' cloudtrail/*.json.gz",
            "  cwfilter metrics -p '{ $.eventName = \"GetSecretValue\" }' --value 1 --default 0 --period 60 "
                    + "--stat Sum --alarm '>= 1 for 1 of 1' --chart secrets.svg cloudtrail/*.json.gz",
            "  cwfilter watch -p '{ $.eventName = \"GetSecretValue\" }' --default 0 --alarm '>= 1 for 1 of 1' "
                    + "trail.jsonl",
            "  cwfilter events --rule '{\"source\":[\"aws.secretsmanager\"],\"detail\":{\"eventName\":"
                    + "[\"DeleteSecret\"]}}' cloudtrail/*.json.gz",
            "",
            "Documentation: docs/cli.md"})
public final class CwfilterCommand implements Callable<Integer> {

    private final CliEnvironment environment;

    @Spec
    private CommandSpec spec;

    /** The command, reading standard input and the environment from {@code environment}. */
    public CwfilterCommand(CliEnvironment environment) {
        this.environment = Objects.requireNonNull(environment, "environment");
    }

    /** What the subcommands take from outside the command line. */
    CliEnvironment environment() {
        return environment;
    }

    @Override
    public Integer call() {
        spec.commandLine().getErr()
                .println("cwfilter: which command? (demo, test-metric-filter, filter, metrics, watch, events)");
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }
}
