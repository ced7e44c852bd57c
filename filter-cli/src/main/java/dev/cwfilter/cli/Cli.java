package dev.cwfilter.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.IFactory;

/**
 * Builds the {@code cwfilter} command line, with the error handling every command shares: a usage error prints its
 * message (an invalid pattern with its caret) and exits 2; a picocli parse error adds a pointer to {@code --help}; a
 * failure to write the output exits 1.
 *
 * <p>Stateless and thread-safe; each command line it builds is used by one thread.
 */
public final class Cli {

    private Cli() {
    }

    /** The command line, its commands taking standard input and the environment from {@code environment}. */
    public static CommandLine commandLine(CliEnvironment environment) {
        IFactory defaults = CommandLine.defaultFactory();
        IFactory factory = new IFactory() {
            @Override
            public <K> K create(Class<K> cls) throws Exception {
                if (cls == CwfilterCommand.class) {
                    return cls.cast(new CwfilterCommand(environment));
                }
                return defaults.create(cls);
            }
        };
        CommandLine cmd = new CommandLine(CwfilterCommand.class, factory);
        examplesAsWritten(cmd);
        cmd.setParameterExceptionHandler((ex, args) -> {
            CommandLine failed = ex.getCommandLine();
            PrintWriter err = failed.getErr();
            if (ex instanceof CommandLine.UnmatchedArgumentException unmatched && failed.getParent() == null
                    && !unmatched.getUnmatched().isEmpty() && !unmatched.getUnmatched().get(0).startsWith("-")) {
                // The first word is no command: say so, rather than picocli's "Unmatched arguments from index 0".
                String name = unmatched.getUnmatched().get(0);
                List<String> commands = failed.getSubcommands().keySet().stream().filter(c -> !c.equals("help"))
                        .toList();
                // picocli's suggestions, closest first.
                List<String> close = unmatched.getSuggestions().stream().filter(commands::contains).limit(1).toList();
                err.println("cwfilter: unknown command '" + name + "'" + (close.isEmpty() ? ""
                        : " (did you mean " + close.get(0) + "?)") + "; the commands: "
                        + String.join(", ", commands));
            } else {
                // picocli says "Value for option option '--targets' ..." of a map option's malformed KEY=VALUE.
                err.println("cwfilter: " + ex.getMessage().replace("for option option '", "for option '"));
            }
            err.println("Try '" + failed.getCommandSpec().qualifiedName() + " --help' for more information.");
            err.flush();
            return ExitCodes.USAGE;
        });
        cmd.setExecutionExceptionHandler((ex, failed, parseResult) -> {
            PrintWriter err = failed.getErr();
            if (ex instanceof UsageError) {
                err.println(ex.getMessage());
                err.flush();
                return ExitCodes.USAGE;
            }
            if (ex instanceof UncheckedIOException) {
                err.println("cwfilter: cannot write the output: " + ex.getCause().getMessage());
                err.flush();
                return ExitCodes.IO_ERROR;
            }
            throw ex;
        });
        return cmd;
    }

    /**
     * Makes the footer of the command and of every subcommand print its example command lines (those indented by two
     * spaces or more) exactly as written, one per line, so that each can be copied into a shell; picocli would wrap a
     * long one in the middle of the command. Other footer lines are wrapped to the usage width as picocli wraps them.
     */
    static void examplesAsWritten(CommandLine cmd) {
        cmd.getHelpSectionMap().put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_FOOTER, help -> {
            CommandLine.Model.UsageMessageSpec usage = help.commandSpec().usageMessage();
            StringBuilder sb = new StringBuilder();
            for (String line : usage.footer()) {
                String text = String.format(line);
                if (text.startsWith("  ")) {
                    sb.append(text).append(System.lineSeparator());
                } else {
                    CommandLine.Help.TextTable prose = CommandLine.Help.TextTable.forColumnWidths(help.colorScheme(),
                            usage.width());
                    prose.addRowValues(text);
                    sb.append(prose);
                }
            }
            return sb.toString();
        });
        for (CommandLine sub : cmd.getSubcommands().values()) {
            examplesAsWritten(sub);
        }
    }
}
