package dev.cwfilter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class HelpTest {

    @ParameterizedTest
    @ValueSource(strings = {"demo", "test-metric-filter", "filter", "metrics", "watch", "events"})
    void everyCommandHasHelpWithExamplesAndExitCodes(String command) {
        Run run = Run.of(command, "--help");
        assertThat(run.code()).isZero();
        assertThat(run.out()).startsWith("Usage: cwfilter " + command).contains("\nExamples:\n  cwfilter " + command)
                .contains("\nExit codes:\n  0   ");
        assertThat(Run.of("help", command).out()).isEqualTo(run.out());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "demo", "test-metric-filter", "filter", "metrics", "watch", "events"})
    void everyExampleCommandLineIsPrintedAsWrittenNeverWrapped(String command) {
        picocli.CommandLine top = Cli.commandLine(CliEnvironment.of(new java.io.ByteArrayInputStream(new byte[0])));
        picocli.CommandLine cmd = command.isEmpty() ? top : top.getSubcommands().get(command);
        String help = command.isEmpty() ? Run.of("--help").out() : Run.of(command, "--help").out();
        String[] footer = cmd.getCommandSpec().usageMessage().footer();
        long examples = java.util.Arrays.stream(footer).filter(l -> l.startsWith("  ")).count();
        assertThat(examples).isGreaterThan(1);
        for (String line : footer) {
            if (line.startsWith("  ")) {
                assertThat(help).as(command).contains("\n" + String.format(line) + "\n");
            }
        }
    }

    @Test
    void theTopCommandListsTheCommandsAndWhereToStart() {
        Run run = Run.of("--help");
        assertThat(run.code()).isZero();
        assertThat(run.out()).contains("  demo", "  test-metric-filter", "  filter", "  metrics", "  watch",
                "  events")
                .contains("Start here:\n  cwfilter demo");
    }

    @Test
    void withoutACommandItSaysWhichOnesThereAreAndExits2() {
        Run run = Run.of();
        assertThat(run.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).startsWith("cwfilter: which command?").contains("Usage: cwfilter");
    }

    @Test
    void versionNamesTheProjectVersion() {
        Run run = Run.of("--version");
        assertThat(run.code()).isZero();
        assertThat(run.out()).matches("cwfilter \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\nJava .*\n");
        assertThat(Run.of("filter", "--version").out()).isEqualTo(run.out());
    }

    /** A misspelt command is named as an unknown command, with the closest commands, not as "unmatched arguments". */
    @Test
    void anUnknownCommandIsNamedWithTheCommandsAndExits2() {
        Run run = Run.of("fliter", "-p", "x", "app.log");
        assertThat(run.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).isEqualTo("cwfilter: unknown command 'fliter' (did you mean filter?); the commands:"
                + " demo, test-metric-filter, filter, metrics, watch, events\n"
                + "Try 'cwfilter --help' for more information.\n");
        Run far = Run.of("bogus");
        assertThat(far.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(far.err()).startsWith("cwfilter: unknown command 'bogus'; the commands: demo, test-metric-filter,");
    }

    @Test
    void anUnknownOptionPointsToHelpAndExits2() {
        Run run = Run.of("filter", "--colour");
        assertThat(run.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).isEqualTo("cwfilter: Unknown option: '--colour'\n"
                + "Try 'cwfilter filter --help' for more information.\n");
    }
}
