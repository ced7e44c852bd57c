package dev.cwfilter.internal.eval;

import dev.cwfilter.internal.eval.value.FieldRequest;
import java.util.List;
import java.util.Map;

/**
 * A compiled pattern's evaluation over one log event message, as a {@code String} or as UTF-8 bytes. The two forms
 * answer the same for the same text (bytes that are not valid UTF-8 are read as the replacement character, as
 * decoding them would).
 *
 * <p>Implementations are immutable and thread-safe; any per-evaluation scratch state is per thread.
 */
public interface EventMatcher {

    /** Whether the message matches. */
    boolean matches(String message);

    /** Whether the UTF-8 message in {@code utf8[offset, offset+length)} matches. */
    boolean matches(byte[] utf8, int offset, int length);

    /**
     * The values TestMetricFilter extracts from a matching message ({@code $ip}, {@code $1}, ...), or null if the
     * message does not match; empty for patterns that extract nothing.
     */
    Map<String, String> extract(String message);

    /**
     * The values of the requested space-delimited fields if the message matches, or null if it does not: for a named
     * field the value {@link #extract} gives it, for a position N the N-th value {@link #extract} gives (the event's
     * N-th field, named or not), null where there is no such field. Unlike {@link #extract}, it keeps nothing per field
     * of the event, so a metric filter can read an event of any number of fields. Patterns without fields answer
     * nulls.
     */
    default String[] fieldValues(String message, List<FieldRequest> requests) {
        return matches(message) ? new String[requests.size()] : null;
    }

    /** Why the message matches or not, clause by clause; agrees with {@link #matches(String)}. Not the hot path. */
    Explanation explain(String message);
}
