package dev.cwfilter.internal.eval.value;

import java.util.List;

/**
 * The compiled condition of one space-delimited field: an OR of ANDs of value tests (a space-delimited pattern has no
 * parentheses, so this is the whole shape). Immutable and thread-safe.
 *
 * @param anyOf the alternatives; the condition holds when every test of at least one alternative holds
 */
public record FieldCondition(List<List<ValueTest>> anyOf) {

    /** Copies the alternatives. */
    public FieldCondition {
        anyOf = anyOf.stream().map(List::copyOf).toList();
    }

    public boolean test(byte[] utf8, int offset, int length) {
        for (List<ValueTest> allOf : anyOf) {
            boolean all = true;
            for (ValueTest test : allOf) {
                if (!test.onField(utf8, offset, length)) {
                    all = false;
                    break;
                }
            }
            if (all) {
                return true;
            }
        }
        return false;
    }
}
