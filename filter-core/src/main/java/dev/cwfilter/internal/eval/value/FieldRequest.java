package dev.cwfilter.internal.eval.value;

/**
 * A space-delimited field a metric filter reads: a field the pattern names ({@code $size}), or the event's N-th field
 * ({@code $7}), named or not.
 *
 * <p>Immutable and thread-safe.
 *
 * @param name     the field's name in the pattern, without the {@code $}, or null for a position
 * @param position the 1-based position in the event, when {@code name} is null
 */
public record FieldRequest(String name, int position) {

    /** A request for the field the pattern names {@code name}. */
    public static FieldRequest named(String name) {
        return new FieldRequest(name, 0);
    }

    /** A request for the event's {@code position}-th field (1-based). */
    public static FieldRequest at(int position) {
        return new FieldRequest(null, position);
    }
}
