package dev.cwfilter.internal.eval.json;

import dev.cwfilter.internal.eval.ValueTest;

/** The value tests only JSON patterns have. Immutable and thread-safe. */
public final class JsonTests {

    private JsonTests() {
    }

    /** {@code IS NULL}: true only for a JSON null. */
    public static ValueTest isNull() {
        return new Fixed(false, false, false, true, false, "IS NULL");
    }

    /** {@code IS TRUE} / {@code IS FALSE}: true only for that JSON boolean (not for the string "true"). */
    public static ValueTest isBoolean(boolean value) {
        return new ValueTest() {
            @Override
            public boolean onText(char[] text, int offset, int length) {
                return false;
            }

            @Override
            public boolean onText(byte[] utf8, int offset, int length) {
                return false;
            }

            @Override
            public boolean onNumber(char[] literal, int offset, int length) {
                return false;
            }

            @Override
            public boolean onBoolean(boolean b) {
                return b == value;
            }

            @Override
            public boolean onNull() {
                return false;
            }

            @Override
            public String toString() {
                return value ? "IS TRUE" : "IS FALSE";
            }
        };
    }

    /**
     * Presence: true for any value, null, object and array included. {@code NOT EXISTS} is its negation, so that a
     * field is "not existing" exactly when nothing is selected.
     */
    public static ValueTest exists() {
        return new Fixed(true, true, true, true, true, "EXISTS");
    }

    private static final class Fixed extends ValueTest {
        private final boolean text;
        private final boolean number;
        private final boolean bool;
        private final boolean nul;
        private final boolean container;
        private final String name;

        Fixed(boolean text, boolean number, boolean bool, boolean nul, boolean container, String name) {
            this.text = text;
            this.number = number;
            this.bool = bool;
            this.nul = nul;
            this.container = container;
            this.name = name;
        }

        @Override
        public boolean onText(char[] t, int offset, int length) {
            return text;
        }

        @Override
        public boolean onText(byte[] utf8, int offset, int length) {
            return text;
        }

        @Override
        public boolean onNumber(char[] literal, int offset, int length) {
            return number;
        }

        @Override
        public boolean onBoolean(boolean value) {
            return bool;
        }

        @Override
        public boolean onNull() {
            return nul;
        }

        @Override
        public boolean onContainer() {
            return container;
        }

        @Override
        public String toString() {
            return name;
        }
    }
}
