package dev.cwfilter.internal.eval.json;

import dev.cwfilter.internal.eval.value.ValueTest;

/** The value tests only JSON patterns have. Immutable and thread-safe. */
public final class JsonTests {

    private JsonTests() {
    }

    /**
     * {@code IS NULL}: true for a JSON null, and for an array that directly holds one (SEMANTICS.md O5, observed on real
     * AWS); not for an object holding one, nor for an array holding one only deeper.
     */
    public static ValueTest isNull() {
        return new Fixed(Kinds.NULL | Kinds.ARRAY_HOLDING_NULL, "IS NULL");
    }

    /** {@code IS TRUE} / {@code IS FALSE}: true only for that JSON boolean (not for the string "true"). */
    public static ValueTest isBoolean(boolean value) {
        return value ? new Fixed(Kinds.TRUE, "IS TRUE") : new Fixed(Kinds.FALSE, "IS FALSE");
    }

    /**
     * Presence: true for any value, null, object and array included. {@code NOT EXISTS} is its negation, so that a
     * field is "not existing" exactly when nothing is selected.
     */
    public static ValueTest exists() {
        return new Fixed(Kinds.STRING | Kinds.NUMBER | Kinds.TRUE | Kinds.FALSE | Kinds.NULL | Kinds.CONTAINER,
                "EXISTS");
    }

    /** The kinds of value a {@link Fixed} test passes, as bits. */
    private static final class Kinds {
        static final int STRING = 1;
        static final int NUMBER = 2;
        static final int TRUE = 4;
        static final int FALSE = 8;
        static final int NULL = 16;
        static final int CONTAINER = 32;
        static final int ARRAY_HOLDING_NULL = 64;
    }

    /** A test whose answer depends only on the kind of value. */
    private static final class Fixed extends ValueTest {
        private final int kinds;
        private final String name;

        Fixed(int kinds, String name) {
            this.kinds = kinds;
            this.name = name;
        }

        private boolean passes(int kind) {
            return (kinds & kind) != 0;
        }

        @Override
        public boolean onString(char[] t, int offset, int length) {
            return passes(Kinds.STRING);
        }

        @Override
        public boolean onField(byte[] utf8, int offset, int length) {
            return passes(Kinds.STRING);
        }

        @Override
        public boolean onNumber(char[] literal, int offset, int length) {
            return passes(Kinds.NUMBER);
        }

        @Override
        public boolean onBoolean(boolean value) {
            return passes(value ? Kinds.TRUE : Kinds.FALSE);
        }

        @Override
        public boolean onNull() {
            return passes(Kinds.NULL);
        }

        @Override
        public boolean onContainer() {
            return passes(Kinds.CONTAINER);
        }

        @Override
        public boolean onArrayHoldingNull() {
            return passes(Kinds.ARRAY_HOLDING_NULL);
        }

        @Override
        public String toString() {
            return name;
        }
    }
}
