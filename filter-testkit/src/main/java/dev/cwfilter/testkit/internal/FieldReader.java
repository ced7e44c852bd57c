package dev.cwfilter.testkit.internal;

import dev.cwfilter.FilterPattern;
import dev.cwfilter.FilterPatternException;
import dev.cwfilter.LogEvent;
import dev.cwfilter.MetricFilter;
import dev.cwfilter.MetricFilterMatchRecord;
import dev.cwfilter.ast.Selector;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads what a metric filter would read from an event, through the public API only: a metric filter whose one
 * dimension is the expression publishes, for a matching event, exactly the text the filter reads for it (the text of
 * a string, the literal of a number, {@code true}/{@code false}; nothing for a missing, null, object or array value).
 * Stateless and thread-safe.
 */
public final class FieldReader {

    private FieldReader() {
    }

    /**
     * The text a metric filter with this pattern reads for {@code expression} ({@code $.latency}, {@code $size},
     * {@code $7}) in the message, or empty if the message does not match or holds no such value.
     *
     * @throws IllegalArgumentException if the expression does not fit the pattern (as PutMetricFilter would say)
     */
    public static Optional<String> read(FilterPattern pattern, String expression, String message) {
        MetricFilter reader = MetricFilter.builder().filterPattern(pattern.source()).options(pattern.options())
                .dimension("value", expression).build();
        return reader.datapointFor(new LogEvent(0, message)).map(d -> d.dimensions().get("value"));
    }

    /** What TestMetricFilter extracts from the message (space-delimited patterns), or null if it does not match. */
    public static Map<String, String> extracted(FilterPattern pattern, String message) {
        List<MetricFilterMatchRecord> records = MetricFilter.builder().filterPattern(pattern.source())
                .options(pattern.options()).build().matchRecords(List.of(message));
        return records.isEmpty() ? null : records.get(0).extractedValues();
    }

    /** The selector of a {@code $.field} expression, or empty if it is not one or is not valid. */
    public static Optional<Selector> selector(String expression) {
        if (expression == null || !(expression.startsWith("$.") || expression.startsWith("$["))) {
            return Optional.empty();
        }
        try {
            return Optional.of(FilterPattern.parseSelector(expression));
        } catch (FilterPatternException e) {
            return Optional.empty();
        }
    }

    /** The selectors among these expressions. */
    public static List<Selector> selectors(Iterable<String> expressions) {
        List<Selector> out = new ArrayList<>();
        for (String e : expressions) {
            selector(e).ifPresent(out::add);
        }
        return out;
    }

    /** Compiles a pattern, or returns the exception CloudWatch's rejection would be. */
    public static Object compile(String pattern, dev.cwfilter.FilterOptions options) {
        try {
            return FilterPattern.compile(pattern, options);
        } catch (FilterPatternException e) {
            return e;
        }
    }
}
