package dev.cwfilter.aws;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * The SDK clients cwfilter uses (SNS, CloudWatch, CloudWatch Logs, S3), configured once as the AWS CLI is: an endpoint
 * URL (for a local endpoint such as moto, or a VPC endpoint), a region, a named profile or the default credential
 * chain, and the SDK's standard retries with timeouts that keep a call from hanging.
 *
 * <pre>{@code
 * try (AwsClients aws = AwsClients.builder().region("eu-west-1").profile("audit").build()) {
 *     SnsClient sns = aws.sns();
 * }
 * }</pre>
 *
 * <p>Each client is made on first use and kept; {@link #close()} closes those made. Every call goes through the
 * Apache HTTP client 5. Retries are the SDK's {@linkplain RetryMode#STANDARD standard mode}: throttling, 5xx answers,
 * timeouts and I/O errors are retried with exponential backoff and jitter, up to {@link Builder#maxAttempts(int)}
 * attempts in all; client errors (4xx other than throttling, missing credentials) are not.
 *
 * <p>Thread-safe: the SDK clients are, and the lazy creation is synchronized.
 */
public final class AwsClients implements AutoCloseable {

    /** The default number of attempts per call, the SDK's standard retry mode's. */
    public static final int DEFAULT_MAX_ATTEMPTS = 3;
    /** The default time to establish a connection. */
    public static final Duration DEFAULT_CONNECTION_TIMEOUT = Duration.ofSeconds(5);
    /** The default time to wait for data on an open connection. */
    public static final Duration DEFAULT_SOCKET_TIMEOUT = Duration.ofSeconds(30);
    /** The default time one attempt of a call may take, transfer of the response body excepted for streams. */
    public static final Duration DEFAULT_ATTEMPT_TIMEOUT = Duration.ofSeconds(30);

    private final Optional<URI> endpoint;
    private final Optional<Region> region;
    private final Optional<String> profile;
    private final Optional<AwsCredentialsProvider> credentials;
    private final int maxAttempts;
    private final Duration connectionTimeout;
    private final Duration socketTimeout;
    private final Duration attemptTimeout;
    private final List<AutoCloseable> made = new ArrayList<>();
    private SnsClient sns;
    private CloudWatchClient cloudWatch;
    private CloudWatchLogsClient logs;
    private S3Client s3;
    private boolean closed;

    private AwsClients(Builder b) {
        endpoint = Optional.ofNullable(b.endpoint);
        region = Optional.ofNullable(b.region);
        profile = Optional.ofNullable(b.profile);
        credentials = Optional.ofNullable(b.credentials);
        maxAttempts = b.maxAttempts;
        connectionTimeout = b.connectionTimeout;
        socketTimeout = b.socketTimeout;
        attemptTimeout = b.attemptTimeout;
    }

    /** A builder: the default credential chain and region chain, AWS's endpoints, standard retries. */
    public static Builder builder() {
        return new Builder();
    }

    /** The SNS client. */
    public synchronized SnsClient sns() {
        if (sns == null) {
            sns = keep(configure(SnsClient.builder()).build());
        }
        return sns;
    }

    /** The CloudWatch client. */
    public synchronized CloudWatchClient cloudWatch() {
        if (cloudWatch == null) {
            cloudWatch = keep(configure(CloudWatchClient.builder()).build());
        }
        return cloudWatch;
    }

    /** The CloudWatch Logs client. */
    public synchronized CloudWatchLogsClient logs() {
        if (logs == null) {
            logs = keep(configure(CloudWatchLogsClient.builder()).build());
        }
        return logs;
    }

    /**
     * The S3 client. With an endpoint URL it addresses buckets by path ({@code http://host/bucket/key}), as local
     * endpoints need.
     */
    public synchronized S3Client s3() {
        if (s3 == null) {
            s3 = keep(configure(S3Client.builder()).forcePathStyle(endpoint.isPresent()).build());
        }
        return s3;
    }

    /** The region the clients use: the one given, else the SDK's region chain's (environment, profile). */
    public Region region() {
        return region.orElseGet(() -> {
            DefaultAwsRegionProviderChain.Builder chain = DefaultAwsRegionProviderChain.builder();
            profile.ifPresent(chain::profileName);
            return chain.build().getRegion();
        });
    }

    /** The endpoint URL, if one was given. */
    public Optional<URI> endpoint() {
        return endpoint;
    }

    /** The most attempts of one call. */
    public int maxAttempts() {
        return maxAttempts;
    }

    private <T extends AutoCloseable> T keep(T client) {
        if (closed) {
            try {
                client.close();
            } catch (Exception e) {
                // closing a client that never made a call
            }
            throw new IllegalStateException("these AWS clients are closed");
        }
        made.add(client);
        return client;
    }

    private <B extends AwsClientBuilder<B, ?>> B configure(B builder) {
        builder.region(region());
        endpoint.ifPresent(builder::endpointOverride);
        builder.credentialsProvider(credentials.orElseGet(this::defaultCredentials));
        builder.overrideConfiguration(ClientOverrideConfiguration.builder()
                .retryStrategy(b -> b.maxAttempts(maxAttempts))
                .apiCallAttemptTimeout(attemptTimeout)
                .build());
        if (builder instanceof software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder<?, ?> sync) {
            sync.httpClientBuilder(Apache5HttpClient.builder()
                    .connectionTimeout(connectionTimeout)
                    .socketTimeout(socketTimeout));
        }
        return builder;
    }

    private AwsCredentialsProvider defaultCredentials() {
        if (profile.isPresent()) {
            return ProfileCredentialsProvider.builder().profileFile(ProfileFile::defaultProfileFile)
                    .profileName(profile.get()).build();
        }
        return DefaultCredentialsProvider.builder().build();
    }

    /** Closes every client made; later calls for a client fail. */
    @Override
    public synchronized void close() {
        closed = true;
        RuntimeException failure = null;
        for (AutoCloseable c : made) {
            try {
                c.close();
            } catch (Exception e) {
                if (failure == null) {
                    failure = new IllegalStateException("could not close an AWS client", e);
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        made.clear();
        if (failure != null) {
            throw failure;
        }
    }

    /** Builds {@link AwsClients}. Not thread-safe. */
    public static final class Builder {

        private URI endpoint;
        private Region region;
        private String profile;
        private AwsCredentialsProvider credentials;
        private int maxAttempts = DEFAULT_MAX_ATTEMPTS;
        private Duration connectionTimeout = DEFAULT_CONNECTION_TIMEOUT;
        private Duration socketTimeout = DEFAULT_SOCKET_TIMEOUT;
        private Duration attemptTimeout = DEFAULT_ATTEMPT_TIMEOUT;

        private Builder() {
        }

        /** The endpoint URL every client calls instead of AWS's (the AWS CLI's {@code --endpoint-url}). */
        public Builder endpoint(URI endpoint) {
            this.endpoint = endpoint;
            return this;
        }

        /**
         * The region, such as {@code eu-west-1} (the AWS CLI's {@code --region}); null for the SDK's region chain.
         */
        public Builder region(String region) {
            this.region = region == null ? null : Region.of(region);
            return this;
        }

        /** The named profile of the shared config and credentials files (the AWS CLI's {@code --profile}). */
        public Builder profile(String profile) {
            this.profile = profile;
            return this;
        }

        /** The credentials; default the SDK's default chain (or the profile's, when a profile is named). */
        public Builder credentials(AwsCredentialsProvider credentials) {
            this.credentials = credentials;
            return this;
        }

        /** The most attempts of one call, retries included: 1 (no retry) or more. Default 3. */
        public Builder maxAttempts(int maxAttempts) {
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("maxAttempts must be at least 1, not " + maxAttempts);
            }
            this.maxAttempts = maxAttempts;
            return this;
        }

        /** The time to establish a connection. Default 5 s. */
        public Builder connectionTimeout(Duration timeout) {
            this.connectionTimeout = positive(timeout, "connectionTimeout");
            return this;
        }

        /** The time to wait for data on an open connection. Default 30 s. */
        public Builder socketTimeout(Duration timeout) {
            this.socketTimeout = positive(timeout, "socketTimeout");
            return this;
        }

        /** The time one attempt of a call may take before it is abandoned (and retried). Default 30 s. */
        public Builder attemptTimeout(Duration timeout) {
            this.attemptTimeout = positive(timeout, "attemptTimeout");
            return this;
        }

        private static Duration positive(Duration d, String what) {
            Objects.requireNonNull(d, what);
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(what + " must be positive, not " + d);
            }
            return d;
        }

        /** The clients' configuration; no client is made until asked for. */
        public AwsClients build() {
            return new AwsClients(this);
        }
    }
}
