package dev.cwfilter.internal.eval.json;

/**
 * The boolean structure of one JSON pattern ({@code &&}, {@code ||} over leaves), flattened into arrays in post-order
 * and evaluated without recursion in three-valued logic: a leaf is true, false or not yet known, and the whole is
 * known as soon as the known leaves decide it (false {@code &&} anything is false). That is what lets evaluation stop
 * early.
 *
 * <p>A formula over at most {@value #TABLE_LEAVES} leaves is also tabulated: its value for every assignment of the
 * three values to its leaves, indexed by the assignment read as a base-3 number (leaf {@code l} weighs {@code 3^l};
 * unknown 0, false 1, true 2). The walk keeps that number as leaves are decided and looks the value up.
 *
 * <p>A matcher holds one formula per pattern ({@link JsonMatcher} evaluates a set of patterns over one shared trie);
 * leaves are numbered per formula here ({@code leaf[node]} is a local leaf), and {@link #leafIds} maps a local leaf to
 * the matcher's leaf, which formulas of several patterns may share.
 *
 * <p>Immutable and thread-safe.
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
    /** Per local leaf, the matcher's leaf (shared by the formulas that hold the same clause). */
    final int[] leafIds;
    /** The formula's value per assignment, or null if it has more than {@value #TABLE_LEAVES} leaves. */
    private final byte[] table;

    /**
     * The most leaves a formula is tabulated for: 3^5 = 243 assignments, each evaluated once when the pattern is
     * compiled (a few microseconds; at 7 leaves the table cost a 208-character pattern 30 µs of compile time).
     */
    static final int TABLE_LEAVES = 5;
    private static final int[] POWERS_OF_THREE = {1, 3, 9, 27, 81};

    Formula(byte[] kind, boolean[] negate, int[] leaf, int[] childStart, int[] childEnd, int[] children,
            int[] leafIds) {
        this.kind = kind;
        this.leafIds = leafIds;
        this.negate = negate;
        this.leaf = leaf;
        this.childStart = childStart;
        this.childEnd = childEnd;
        this.children = children;
        this.table = tabulate();
    }

    /** What leaf {@code leaf} being decided adds to the assignment's number: its value (1 false, 2 true) times 3^leaf. */
    static int weight(int leaf, boolean value) {
        return leaf >= TABLE_LEAVES ? 0 : POWERS_OF_THREE[leaf] * (value ? 2 : 1);
    }

    /**
     * The value of the whole formula given the leaves known so far: looked up by {@code assignment} (the sum of the
     * decided leaves' {@link #weight}s) when the formula is tabulated, else evaluated over {@code leaves};
     * {@code scratch} holds one byte per node.
     */
    byte value(int assignment, LeafValues leaves, byte[] scratch) {
        return table != null ? table[assignment] : evaluate(leaves, null, scratch);
    }

    private byte[] tabulate() {
        int leaves = leafIds.length;
        if (leaves > TABLE_LEAVES) {
            return null;
        }
        int size = 1;
        for (int l = 0; l < leaves; l++) {
            size *= 3;
        }
        byte[] values = new byte[size];
        byte[] leafValues = new byte[leaves];
        byte[] scratch = new byte[kind.length];
        for (int assignment = 0; assignment < size; assignment++) {
            int rest = assignment;
            for (int l = 0; l < leaves; l++) {
                int digit = rest % 3;
                rest /= 3;
                leafValues[l] = digit == 0 ? UNKNOWN : digit == 1 ? FALSE : TRUE;
            }
            values[assignment] = evaluate(leafValues, scratch);
        }
        return values;
    }

    int size() {
        return kind.length;
    }

    /** The node of each local leaf, for explanations. */
    private int[] nodeOfLeaf() {
        int[] nodes = new int[leafIds.length];
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

    /**
     * The formula's value once the event has ended: a leaf {@code leaves} has not found true is false.
     * {@code scratch} holds one byte per node.
     */
    byte evaluateFinal(LeafValues leaves, byte[] scratch) {
        int n = kind.length;
        for (int i = 0; i < n; i++) {
            byte value;
            switch (kind[i]) {
                case LEAF -> {
                    boolean holds = leaves.leafValue(leafIds[leaf[i]]) == TRUE;
                    value = holds != negate[i] ? TRUE : FALSE;
                }
                case AND -> {
                    value = TRUE;
                    for (int c = childStart[i]; c < childEnd[i]; c++) {
                        if (scratch[children[c]] == FALSE) {
                            value = FALSE;
                            break;
                        }
                    }
                }
                default -> {
                    value = FALSE;
                    for (int c = childStart[i]; c < childEnd[i]; c++) {
                        if (scratch[children[c]] == TRUE) {
                            value = TRUE;
                            break;
                        }
                    }
                }
            }
            scratch[i] = value;
        }
        return scratch[n - 1];
    }

    /** The value of the whole formula given each local leaf's value; {@code scratch} holds one byte per node. */
    byte evaluate(byte[] leafValues, byte[] scratch) {
        return evaluate(null, leafValues, scratch);
    }

    /**
     * The formula's value with the leaves' values read from {@code leaves} (by matcher leaf), or else from
     * {@code leafValues} (by local leaf).
     */
    private byte evaluate(LeafValues leaves, byte[] leafValues, byte[] scratch) {
        int n = kind.length;
        for (int i = 0; i < n; i++) {
            byte value;
            switch (kind[i]) {
                case LEAF -> {
                    byte v = leaves != null ? leaves.leafValue(leafIds[leaf[i]]) : leafValues[leaf[i]];
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
