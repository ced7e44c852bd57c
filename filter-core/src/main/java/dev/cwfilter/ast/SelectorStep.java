package dev.cwfilter.ast;

import java.util.Objects;

/**
 * One step of a {@link Selector}.
 *
 * <p>Implementations are immutable and thread-safe.
 */
public sealed interface SelectorStep
        permits SelectorStep.Property, SelectorStep.Index, SelectorStep.AnyProperty, SelectorStep.AnyIndex {

    /**
     * {@code .name}, or {@code .['name']} for a name with characters other than ASCII letters, digits, _ and -.
     *
     * @param name the property name
     */
    record Property(String name) implements SelectorStep {
        /** Checks for null and for a quote, which a bracket-quoted name cannot hold. */
        public Property {
            Objects.requireNonNull(name, "name");
            if (!Lexical.isWellFormedUnicode(name)) {
                throw new IllegalArgumentException("not valid Unicode text (an unpaired surrogate): " + name);
            }
            if (name.indexOf('\'') >= 0) {
                throw new IllegalArgumentException("a property name cannot hold a single quote: " + name);
            }
        }

        /** Whether the name must be written bracket-quoted, {@code .['name']}. */
        public boolean needsBrackets() {
            return !Lexical.isPropertyName(name);
        }
    }

    /**
     * {@code [n]}: the element at a 0-based index of an array.
     *
     * @param index the index, 0 or more
     */
    record Index(int index) implements SelectorStep {
        /** Checks that the index is not negative. */
        public Index {
            if (index < 0) {
                throw new IllegalArgumentException("an array index is 0 or more: " + index);
            }
        }
    }

    /** {@code .*}: every child of the selected container: each property value of an object, each element of an array. */
    record AnyProperty() implements SelectorStep {
    }

    /** {@code [*]}: every child of the selected container, like {@code .*}; written for arrays. */
    record AnyIndex() implements SelectorStep {
    }
}
