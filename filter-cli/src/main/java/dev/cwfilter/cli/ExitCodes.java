package dev.cwfilter.cli;

/**
 * The exit codes of every command.
 *
 * <p>Constants only; thread-safe.
 */
public final class ExitCodes {

    /** The command did what was asked (for {@code filter}, whether or not any event matched). */
    public static final int OK = 0;
    /** An input could not be opened or read, or the output could not be written; everything else was done. */
    public static final int IO_ERROR = 1;
    /** The command line was wrong: an invalid pattern (with the caret message), option or value. */
    public static final int USAGE = 2;

    private ExitCodes() {
    }
}
