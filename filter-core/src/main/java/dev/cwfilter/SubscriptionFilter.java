package dev.cwfilter;

import java.util.Objects;
import java.util.Optional;

/**
 * A CloudWatch Logs subscription filter: a named filter pattern whose matching events are delivered to a destination
 * (a Kinesis stream, a Firehose stream, a Lambda function, another account's destination). cwfilter does not deliver
 * events itself; a {@link LogGroup} hands each match to its listener.
 *
 * @param filterName     the filter's name: 1 to 512 characters, no {@code :} or {@code *}
 * @param pattern        the compiled filter pattern
 * @param destinationArn the destination's ARN, if known
 */
public record SubscriptionFilter(String filterName, FilterPattern pattern, Optional<String> destinationArn) {

    /** Checks the name as PutSubscriptionFilter does. */
    public SubscriptionFilter {
        Objects.requireNonNull(filterName, "filterName");
        Objects.requireNonNull(pattern, "pattern");
        Objects.requireNonNull(destinationArn, "destinationArn");
        if (filterName.isEmpty() || filterName.length() > 512) {
            throw new IllegalArgumentException("filterName must be 1 to 512 characters, not " + filterName.length());
        }
        if (filterName.indexOf(':') >= 0 || filterName.indexOf('*') >= 0) {
            throw new IllegalArgumentException("filterName '" + filterName + "' may not contain ':' or '*'");
        }
    }

    /** A subscription filter without a known destination. */
    public static SubscriptionFilter of(String filterName, FilterPattern pattern) {
        return new SubscriptionFilter(filterName, pattern, Optional.empty());
    }
}
