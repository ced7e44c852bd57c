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
     * ({@code [ -t 2 ]}) and passes the answer as {@code cwfilter.stderrIsTerminal}; run directly, the jar falls back
     * to whether the JVM has a console. {@code -Dcwfilter.progress=false} turns the bar off.
     */
    static boolean stderrIsTerminal() {
        if ("false".equals(System.getProperty("cwfilter.progress"))) {
            return false;
        }
        String fromScript = System.getProperty("cwfilter.stderrIsTerminal");
        return fromScript != null ? Boolean.parseBoolean(fromScript) : System.console() != null;
    }
}
