package dev.cwfilter.internal.transform;

/**
 * Where a metric filter's value or a dimension's value comes from in a matched event: a literal number, a JSON field
 * ({@code $.latency}) or a space-delimited field ({@code $size}, {@code $7}).
 *
 * <p>Immutable and thread-safe.
 */
public sealed interface ValueSource permits ValueSource.Literal, ValueSource.JsonField, ValueSource.RequestedField {

    /**
     * The text, or null if the event does not have it.
     *
     * @param fields     the values of the filter's field requests, in order
     * @param jsonValues the values of the filter's JSON selectors, in order
     */
    String text(String[] fields, String[] jsonValues);

    /** A number written in the filter ({@code "1"}): the same text for every event. */
    record Literal(String text) implements ValueSource {
        @Override
        public String text(String[] fields, String[] jsonValues) {
            return text;
        }
    }

    /** {@code $.selector}: the value of one of the filter's JSON selectors. */
    record JsonField(int index) implements ValueSource {
        @Override
        public String text(String[] fields, String[] jsonValues) {
            return jsonValues[index];
        }
    }

    /** {@code $name} or {@code $N}: the value of one of the filter's field requests. */
    record RequestedField(int request) implements ValueSource {
        @Override
        public String text(String[] fields, String[] jsonValues) {
            return fields[request];
        }
    }
}
