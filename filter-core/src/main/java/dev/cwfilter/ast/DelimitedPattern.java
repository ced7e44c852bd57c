package dev.cwfilter.ast;

import java.util.List;
import java.util.Objects;

/**
 * A space-delimited pattern, {@code [field, field, ...]}: one entry per whitespace-separated field of the event
 * (a {@code "quoted"} or {@code [bracketed]} run counts as one field).
 *
 * <p>{@code []} has no fields: it matches every event and extracts every field by position. Immutable and
 * thread-safe.
 *
 * @param fields the fields in order; at most one {@link DelimitedField.Ellipsis}, and not a lone unnamed field (which
 *               has no written form: {@code []} means no fields)
 */
public record DelimitedPattern(List<DelimitedField> fields) implements Pattern {

    /** Checks the fields and takes an immutable copy of them. */
    public DelimitedPattern {
        fields = List.copyOf(Objects.requireNonNull(fields, "fields"));
        if (fields.size() == 1 && fields.get(0) instanceof DelimitedField.Unnamed) {
            throw new IllegalArgumentException("a lone unnamed field cannot be written; [] has no fields");
        }
        long ellipses = fields.stream().filter(f -> f instanceof DelimitedField.Ellipsis).count();
        if (ellipses > 1) {
            throw new IllegalArgumentException("at most one ... per pattern");
        }
        java.util.Set<String> names = new java.util.HashSet<>();
        for (DelimitedField field : fields) {
            if (field instanceof DelimitedField.Named named && !names.add(named.name())) {
                throw new IllegalArgumentException("field name used twice: " + named.name());
            }
        }
    }
}
