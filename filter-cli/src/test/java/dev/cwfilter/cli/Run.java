package dev.cwfilter.cli;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine;

/** Runs the command line in-process, as {@code cwfilter ARGS < stdin}, and keeps what it printed. */
record Run(int code, String out, String err) {

    static Run of(String... args) {
        return withStdin(new byte[0], args);
    }

    static Run withStdin(String stdin, String... args) {
        return withStdin(stdin.getBytes(StandardCharsets.UTF_8), args);
    }

    static Run withStdin(byte[] stdin, String... args) {
        return in(CliEnvironment.of(new ByteArrayInputStream(stdin)), args);
    }

    static Run withStream(InputStream stdin, String... args) {
        return in(CliEnvironment.of(stdin), args);
    }

    static Run withLocale(String lang, String... args) {
        return in(new CliEnvironment(new ByteArrayInputStream(new byte[0]), Map.of("LANG", lang), false,
                System::currentTimeMillis), args);
    }

    static Run in(CliEnvironment env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cmd = Cli.commandLine(env);
        cmd.setOut(new PrintWriter(out));
        cmd.setErr(new PrintWriter(err));
        int code = cmd.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    /** The seed scenario's hour of CloudTrail events, as CloudTrail writes a log file. */
    static Path seed() {
        return Path.of(System.getProperty("user.dir"), "..", "filter-core", "src", "test", "resources", "seed",
                "cloudtrail-secrets-hour.json").normalize();
    }

    static String seedText() throws java.io.IOException {
        return Files.readString(seed());
    }

    @Override
    public String toString() {
        return "exit " + code + "\n--- out\n" + out + "--- err\n" + err;
    }
}
