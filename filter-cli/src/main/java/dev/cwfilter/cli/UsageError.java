package dev.cwfilter.cli;

/**
 * Something the user asked for that cannot be done as asked: an invalid pattern, option value or combination. The
 * message is printed as it is, and the command exits with {@link ExitCodes#USAGE}.
 *
 * <p>Immutable.
 */
public final class UsageError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** An error with the message to print. */
    public UsageError(String message) {
        super(message);
    }

    /** An error with the message to print and its cause. */
    public UsageError(String message, Throwable cause) {
        super(message, cause);
    }
}
