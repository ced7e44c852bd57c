package dev.cwfilter.aws;

import java.util.Objects;

/**
 * An {@code s3://bucket/prefix} location. Immutable and thread-safe.
 *
 * @param bucket the bucket's name
 * @param prefix the key prefix, possibly empty
 */
public record S3Location(String bucket, String prefix) {

    /** Checks the parts. */
    public S3Location {
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(prefix, "prefix");
        if (!bucket.matches("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]")) {
            throw new IllegalArgumentException("'" + bucket + "' is not an S3 bucket name");
        }
    }

    /**
     * Parses {@code s3://bucket} or {@code s3://bucket/prefix}.
     *
     * @throws IllegalArgumentException if it is not such a URI
     */
    public static S3Location parse(String uri) {
        Objects.requireNonNull(uri, "uri");
        if (!uri.startsWith("s3://")) {
            throw new IllegalArgumentException("'" + uri + "' is not an s3://bucket/prefix URI");
        }
        String rest = uri.substring(5);
        int slash = rest.indexOf('/');
        return slash < 0 ? new S3Location(rest, "") : new S3Location(rest.substring(0, slash),
                rest.substring(slash + 1));
    }

    /** Whether a text is an {@code s3://} URI. */
    public static boolean isS3Uri(String text) {
        return text.startsWith("s3://");
    }

    /** The URI of a key of this bucket. */
    public String uri(String key) {
        return "s3://" + bucket + "/" + key;
    }

    @Override
    public String toString() {
        return "s3://" + bucket + "/" + prefix;
    }
}
