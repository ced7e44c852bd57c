package dev.cwfilter.cli;

import dev.cwfilter.aws.AwsCallException;
import dev.cwfilter.aws.AwsClients;
import dev.cwfilter.aws.AwsErrors;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import picocli.CommandLine.Option;

/**
 * The AWS CLI's connection options, for the commands that read from or publish to an account: {@code --endpoint-url},
 * {@code --region}, {@code --profile}; credentials from the SDK's default chain (environment, shared files, SSO,
 * container or instance role) or the profile's.
 *
 * <p>Not thread-safe: picocli fills one instance per command invocation; {@link #clients()} is made once.
 */
public final class AwsOptions {

    @Option(names = "--endpoint-url", paramLabel = "URL",
            description = "Call this endpoint instead of AWS's (a VPC endpoint, or a local AWS such as moto).")
    String endpointUrl;

    @Option(names = "--region", paramLabel = "REGION",
            description = "The AWS region (default: AWS_REGION, AWS_DEFAULT_REGION or the profile's).")
    String region;

    @Option(names = "--profile", paramLabel = "NAME",
            description = "A named profile of the AWS config and credentials files (default: the default chain).")
    String profile;

    private AwsClients clients;

    /** The clients, made on first use. */
    AwsClients clients() {
        if (clients == null) {
            AwsClients.Builder b = AwsClients.builder().region(region).profile(profile);
            if (endpointUrl != null) {
                try {
                    URI uri = new URI(endpointUrl);
                    if (uri.getScheme() == null || uri.getHost() == null) {
                        throw new URISyntaxException(endpointUrl, "needs a scheme and a host");
                    }
                    b.endpoint(uri);
                } catch (URISyntaxException e) {
                    throw new UsageError("--endpoint-url '" + endpointUrl + "': not a URL such as"
                            + " http://127.0.0.1:5000 (" + e.getReason() + ")");
                }
            }
            AwsClients made = b.build();
            try {
                made.region();
            } catch (software.amazon.awssdk.core.exception.SdkClientException e) {
                throw new UsageError("cwfilter: no AWS region: give --region, set AWS_REGION, or name a profile"
                        + " that has one (" + e.getMessage() + ")");
            }
            clients = made;
        }
        return clients;
    }

    /** Whether any client was made (and so must be closed). */
    boolean used() {
        return clients != null;
    }

    /** A command's body, which may call AWS. */
    @FunctionalInterface
    interface Body {
        /** Runs the command; returns its exit code. */
        Integer run() throws Exception;
    }

    /**
     * Runs a command's body with these clients: a failed AWS call, or a client that cannot even be made (an unknown
     * profile, no region), becomes one line on {@code err} (not a stack trace) and exit code 1; the clients made are
     * closed after.
     */
    Integer call(PrintWriter err, Body body) throws Exception {
        try {
            return body.run();
        } catch (AwsCallException e) {
            err.println("cwfilter: " + e.getMessage());
            err.flush();
            return ExitCodes.IO_ERROR;
        } catch (software.amazon.awssdk.core.exception.SdkException e) {
            err.println("cwfilter: AWS: " + AwsErrors.describe(e));
            err.flush();
            return ExitCodes.IO_ERROR;
        } finally {
            close();
        }
    }

    /** Closes the clients made, if any. */
    void close() {
        if (clients != null) {
            clients.close();
        }
    }
}
