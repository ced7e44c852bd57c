package dev.cwfilter.ast;

import java.util.Objects;
import java.util.Optional;

/**
 * One entry of a {@link DelimitedPattern}.
 *
 * <p>Implementations are immutable and thread-safe.
 */
public sealed interface DelimitedField permits DelimitedField.Ellipsis, DelimitedField.Unnamed, DelimitedField.Named {

    /** {@code ...}: zero or more fields, extracted by position. */
    record Ellipsis() implements DelimitedField {
    }

    /** An empty entry (as in {@code [..., status_code=4*,]}): one field, extracted by position. */
    record Unnamed() implements DelimitedField {
    }

    /**
     * A named field, with or without a condition: {@code ip}, {@code status_code = 4*},
     * {@code w1 != ERROR && w1 != WARNING}.
     *
     * @param name      the field name; extracted as {@code $name}
     * @param condition what the field must satisfy, if anything
     */
    record Named(String name, Optional<FieldCondition> condition) implements DelimitedField {
        /** Checks the name and for null. */
        public Named {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(condition, "condition");
            if (!Lexical.isFieldName(name)) {
                throw new IllegalArgumentException("not a field name: " + name);
            }
        }

        /** A field with no condition. */
        public static Named of(String name) {
            return new Named(name, Optional.empty());
        }

        /** A field with a condition. */
        public static Named of(String name, FieldCondition condition) {
            return new Named(name, Optional.of(condition));
        }
    }
}
