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

    /** The node of each leaf, for explanations. */
    private int[] nodeOfLeaf() {
        int leaves = 0;
        for (int i = 0; i < kind.length; i++) {
            if (kind[i] == LEAF) {
                leaves = Math.max(leaves, leaf[i] + 1);
            }
        }
        int[] nodes = new int[leaves];
        for (int i = 0; i < kind.length; i++) {
            if (kind[i] == LEAF) {
                nodes[leaf[i]] = i;
            }
        }
        return nodes;
    }

    /**
     * Explains a fully decided evaluation: per leaf, whether its node holds (a negation applied) and whether it is
     * one of the leaves that decided the root. The deciding leaves of a node: for a false {@code &&} its first false
     * operand's, for a true {@code ||} its first true operand's, otherwise every operand's.
     *
     * @param values    the value of every node, from {@link #evaluate}
     * @param rootValue the value the root is explained as having
     * @param holds     filled with whether each leaf holds
     * @param deciding  filled with whether each leaf decided
     */
    void explain(byte[] values, boolean rootValue, boolean[] holds, boolean[] deciding) {
        int[] nodes = nodeOfLeaf();
        for (int l = 0; l < nodes.length; l++) {
            holds[l] = values[nodes[l]] == TRUE;
        }
        markDeciding(values, kind.length - 1, rootValue, deciding);
    }

    private void markDeciding(byte[] values, int node, boolean value, boolean[] deciding) {
        if (kind[node] == LEAF) {
            deciding[leaf[node]] = true;
            return;
        }
        boolean shortCircuits = (kind[node] == AND) != value;
        for (int c = childStart[node]; c < childEnd[node]; c++) {
            int child = children[c];
            boolean childValue = values[child] == TRUE;
            if (!shortCircuits) {
                markDeciding(values, child, childValue, deciding);
            } else if (childValue == value) {
                markDeciding(values, child, value, deciding);
                return;
            }
        }
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
