package dev.cwfilter.cli;

import dev.cwfilter.cli.input.Progress;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * What the commands take from the world outside the command line: standard input, the environment variables, whether
 * standard error is a terminal, and the clock. {@link Main} builds the real one; tests build their own.
 *
 * <p>Immutable; the streams it holds are used by one thread.
 *
 * @param stdin            standard input
 * @param env              the environment variables (for the locale's character set)
 * @param stderrIsTerminal whether standard error is a terminal, so that a progress bar may be drawn there
 * @param millis           the clock, in milliseconds
 */
public record CliEnvironment(InputStream stdin, Map<String, String> env, boolean stderrIsTerminal,
                             LongSupplier millis) {

    /** Checks for null and copies the map. */
    public CliEnvironment {
        Objects.requireNonNull(stdin, "stdin");
        env = Map.copyOf(env);
        Objects.requireNonNull(millis, "millis");
    }

    /** An environment for tests and embedding: this standard input, no terminal, a UTF-8 locale. */
    public static CliEnvironment of(InputStream stdin) {
        return new CliEnvironment(stdin, Map.of("LANG", "C.UTF-8"), false, System::currentTimeMillis);
    }

    /**
     * Whether the terminal shows Unicode: the locale variables (LC_ALL, then LC_CTYPE, then LANG, the first one set)
     * name UTF-8.
     */
    public boolean unicode() {
        for (String name : new String[] {"LC_ALL", "LC_CTYPE", "LANG"}) {
            String value = env.get(name);
            if (value != null && !value.isEmpty()) {
                String v = value.toUpperCase(Locale.ROOT);
                return v.contains("UTF-8") || v.contains("UTF8");
            }
        }
        return false;
    }

    /** A progress bar on {@code err} if standard error is a terminal, none otherwise. */
    public Progress progress(PrintWriter err, long totalBytes) {
        return stderrIsTerminal ? Progress.on(err, totalBytes, millis) : Progress.none();
    }
}
