package dev.cwfilter.internal.eval.json;

/**
 * The boolean structure of a JSON pattern ({@code &&}, {@code ||} over leaves), flattened into arrays in post-order
 * and evaluated without recursion in three-valued logic: a leaf is true, false or not yet known, and the whole is
 * known as soon as the known leaves decide it (false {@code &&} anything is false). That is what lets evaluation stop
 * early. Immutable and thread-safe.
 */
final class Formula {

    static final byte FALSE = 0;
    static final byte TRUE = 1;
    static final byte UNKNOWN = 2;

    static final byte LEAF = 0;
    static final byte AND = 1;
    static final byte OR = 2;

    final byte[] kind;
    final boolean[] negate;
    final int[] leaf;
    final int[] childStart;
    final int[] childEnd;
    final int[] children;

    Formula(byte[] kind, boolean[] negate, int[] leaf, int[] childStart, int[] childEnd, int[] children) {
        this.kind = kind;
        this.negate = negate;
        this.leaf = leaf;
        this.childStart = childStart;
        this.childEnd = childEnd;
        this.children = children;
    }

    int size() {
        return kind.length;
    }

    /** Whether a leaf holds, after evaluation: a decided leaf's value, its negation applied where the formula has one. */
    boolean leafHolds(JsonState state, int leafIndex) {
        for (int i = 0; i < kind.length; i++) {
            if (kind[i] == LEAF && leaf[i] == leafIndex) {
                byte v = state.leafValue(leafIndex);
                return (v == TRUE) != negate[i];
            }
        }
        throw new IllegalArgumentException("no leaf " + leafIndex);
    }

    /**
     * Marks the leaves that decided node {@code node}'s value {@code value} (every leaf decided): for a false
     * {@code &&} its first false operand, for a true {@code ||} its first true operand, otherwise every operand.
     */
    void deciding(JsonState state, int node, boolean value, boolean[] leaves) {
        if (kind[node] == LEAF) {
            leaves[leaf[node]] = true;
            return;
        }
        boolean shortCircuits = (kind[node] == AND) != value;
        for (int c = childStart[node]; c < childEnd[node]; c++) {
            int child = children[c];
            boolean childValue = valueOf(state, child);
            if (shortCircuits) {
                if (childValue == value) {
                    deciding(state, child, value, leaves);
                    return;
                }
            } else {
                deciding(state, child, childValue, leaves);
            }
        }
    }

    private boolean valueOf(JsonState state, int node) {
        byte[] scratch = new byte[kind.length];
        evaluate(state, scratch);
        return scratch[node] == TRUE;
    }

    /** The value of the whole formula given the leaves known so far; {@code scratch} holds one byte per node. */
    byte evaluate(JsonState state, byte[] scratch) {
        int n = kind.length;
        for (int i = 0; i < n; i++) {
            byte value;
            switch (kind[i]) {
                case LEAF -> {
                    byte v = state.leafValue(leaf[i]);
                    value = v == UNKNOWN || !negate[i] ? v : (byte) (1 - v);
                }
                case AND -> {
                    value = TRUE;
                    for (int c = childStart[i]; c < childEnd[i]; c++) {
                        byte v = scratch[children[c]];
                        if (v == FALSE) {
                            value = FALSE;
                            break;
                        }
                        if (v == UNKNOWN) {
                            value = UNKNOWN;
                        }
                    }
                }
                default -> {
                    value = FALSE;
                    for (int c = childStart[i]; c < childEnd[i]; c++) {
                        byte v = scratch[children[c]];
                        if (v == TRUE) {
                            value = TRUE;
                            break;
                        }
                        if (v == UNKNOWN) {
                            value = UNKNOWN;
                        }
                    }
                }
            }
            scratch[i] = value;
        }
        return scratch[n - 1];
    }
}
