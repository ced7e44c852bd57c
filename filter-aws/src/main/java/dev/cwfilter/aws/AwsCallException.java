package dev.cwfilter.aws;

/**
 * A call to AWS failed in a way that stops the work asked for (a bucket that cannot be listed, a log group that does
 * not exist, missing credentials): the message is one clear line ({@link AwsErrors}), the cause the SDK's exception.
 */
public final class AwsCallException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** A failure with its message and cause. */
    public AwsCallException(String message, Throwable cause) {
        super(message, cause);
    }
}
