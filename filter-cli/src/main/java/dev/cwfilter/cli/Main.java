package dev.cwfilter.cli;

import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/**
 * The entry point of {@code cwfilter.jar}. Output is UTF-8 whatever the platform's default, so that log messages
 * pass through unchanged; standard output is buffered and flushed at the end.
 *
 * <p>The process entry point; not meant to be shared.
 */
public final class Main {

    private Main() {
    }

    /** Runs the command line and exits with its code. */
    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new BufferedWriter(new OutputStreamWriter(
                new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8), 1 << 16), false);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(
                new FileOutputStream(FileDescriptor.err), StandardCharsets.UTF_8), true);
        CommandLine cmd = Cli.commandLine(new CliEnvironment(System.in, System.getenv(), stderrIsTerminal(),
                System::currentTimeMillis));
        cmd.setOut(out);
        cmd.setErr(err);
        int code = cmd.execute(args);
        out.flush();
        err.flush();
        System.exit(code);
    }

    /**
     * Whether a progress bar may be drawn on standard error. The root script tests standard error itself
     * ({@code [ -t 2 ]}) and passes the answer as {@code cwfilter.stderrIsTerminal}; run directly, the jar looks at
     * what file descriptor 2 is on Linux ({@code /proc/self/fd/2} pointing at a terminal device) and otherwise draws
     * nothing: {@code System.console()} describes standard input and output, not standard error.
     * {@code -Dcwfilter.progress=false} turns the bar off.
     */
    static boolean stderrIsTerminal() {
        if ("false".equals(System.getProperty("cwfilter.progress"))) {
            return false;
        }
        String fromScript = System.getProperty("cwfilter.stderrIsTerminal");
        if (fromScript != null) {
            return Boolean.parseBoolean(fromScript);
        }
        try {
            String target = java.nio.file.Files.readSymbolicLink(java.nio.file.Path.of("/proc/self/fd/2")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (java.io.IOException | UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }
}
