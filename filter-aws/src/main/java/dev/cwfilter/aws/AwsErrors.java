package dev.cwfilter.aws;

import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * One clear line for a failed AWS call: what went wrong (no credentials, cannot connect, timed out, throttled, an
 * error answer with its code and status) and how many attempts the SDK made, instead of the SDK's exception chain.
 *
 * <p>Stateless and thread-safe.
 */
public final class AwsErrors {

    private AwsErrors() {
    }

    /** The line for a failure of a call, such as {@code PutMetricData: throttled (Throttling, HTTP 400) after 3 attempts}. */
    public static String describe(String call, Throwable failure) {
        return call + ": " + describe(failure);
    }

    /** The line for a failure, without the call's name. */
    public static String describe(Throwable failure) {
        String what = what(failure);
        Integer attempts = failure instanceof SdkException sdk ? sdk.numAttempts() : null;
        return attempts != null && attempts > 1 ? what + " (after " + attempts + " attempts)" : what;
    }

    /** Whether the failure is one of missing or unusable credentials. */
    public static boolean isCredentialsProblem(Throwable failure) {
        String m = String.valueOf(failure.getMessage());
        return failure instanceof SdkClientException
                && (m.contains("Unable to load credentials") || m.contains("credentials")
                && (m.contains("Profile") || m.contains("profile")));
    }

    private static String what(Throwable failure) {
        if (failure instanceof AwsServiceException service) {
            String code = service.awsErrorDetails() == null ? null : service.awsErrorDetails().errorCode();
            String message = service.awsErrorDetails() == null ? null : service.awsErrorDetails().errorMessage();
            String kind = service.isThrottlingException() ? "throttled" : service.statusCode() >= 500
                    ? "the service failed" : "refused";
            return kind + " (" + (code == null ? "no error code" : code) + ", HTTP " + service.statusCode() + ")"
                    + (message == null || message.isBlank() ? "" : ": " + message);
        }
        if (isCredentialsProblem(failure)) {
            return "no usable AWS credentials: " + firstLine(failure.getMessage())
                    + " (set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, name a profile, or run where a role"
                    + " provides them)";
        }
        if (failure instanceof ApiCallAttemptTimeoutException || failure instanceof ApiCallTimeoutException
                || has(failure, SocketTimeoutException.class) || has(failure, InterruptedIOException.class)
                && String.valueOf(rootCause(failure).getMessage()).contains("timed out")) {
            return "timed out: " + firstLine(rootCause(failure).getMessage());
        }
        if (has(failure, ConnectException.class)) {
            return "cannot connect: " + firstLine(rootCause(failure).getMessage());
        }
        if (has(failure, UnknownHostException.class)) {
            return "unknown host: " + firstLine(rootCause(failure).getMessage());
        }
        Throwable root = rootCause(failure);
        String message = firstLine(failure.getMessage());
        if (root != failure && root.getMessage() != null && !message.contains(root.getMessage())) {
            message += " (" + root.getClass().getSimpleName() + ": " + firstLine(root.getMessage()) + ")";
        }
        return message;
    }

    private static boolean has(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
            if (c.getCause() == c) {
                break;
            }
        }
        return false;
    }

    private static Throwable rootCause(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
        }
        return c;
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "(no message)";
        }
        String line = s.strip();
        int nl = line.indexOf('\n');
        line = nl < 0 ? line : line.substring(0, nl);
        // The SDK appends its own attempt count; ours is said once, at the end.
        return line.replaceAll(" ?\\(SDK Attempt Count: \\d+\\)", "");
    }
}
