package dev.cwfilter.internal.eval.json;

import dev.cwfilter.internal.eval.PrefilterGate;

/**
 * The scratch state of one JSON evaluation, owned by one thread and reused for every event it evaluates, so that the
 * evaluator allocates nothing per event beyond the parser. Per-event values are stamped with a generation number
 * instead of being cleared.
 */
final class JsonState {

    private int generation;
    private final int[] leafGeneration;
    private final boolean[] leafTrue;
    private final int[] visitedGeneration;
    final byte[] scratch;
    final int[][] frameNodes;
    final int[] frameSize;
    final boolean[] frameIsArray;
    final int[] frameIndex;
    /**
     * Per frame, the union of its nodes' {@link TrieNode#selectingLengths}: a property name whose length (mod 64) has
     * no bit here selects nothing, and is not looked up.
     */
    final long[] frameNameLengths;
    /** Per frame, its node if it has only one (the common case, without wildcards), else null. */
    final TrieNode[] frameOnly;
    final int[] nextNodes;
    int nextSize;
    private ReusableJsonParser parser;
    /** Scratch characters: a value decoded by {@link Utf8Walk}, {@link #charCount} of them. */
    char[] chars = new char[64];
    int charCount;
    /** The decided leaves' {@link Formula#weight}s summed: the index of their assignment in the formula's table. */
    int assignment;
    /** Whether a leaf has been resolved since {@link #verdict} was last computed. */
    boolean leavesChanged;
    /** The formula's value when it was last computed, valid while {@link #leavesChanged} is false. */
    byte verdict;

    /**
     * Scratch state for a matcher.
     *
     * @param frameCapacities how many trie nodes the frame of each depth may hold (the trie's width at that depth)
     */
    JsonState(int leaves, int nodes, int formulaSize, int[] frameCapacities) {
        int maxFrames = frameCapacities.length;
        leafGeneration = new int[leaves];
        leafTrue = new boolean[leaves];
        visitedGeneration = new int[nodes];
        scratch = new byte[formulaSize];
        frameNodes = new int[maxFrames][];
        for (int k = 0; k < maxFrames; k++) {
            frameNodes[k] = new int[frameCapacities[k]];
        }
        frameSize = new int[maxFrames];
        frameIsArray = new boolean[maxFrames];
        frameIndex = new int[maxFrames];
        frameNameLengths = new long[maxFrames];
        frameOnly = new TrieNode[maxFrames];
        nextNodes = new int[nodes];
    }

    /** This thread's parser of UTF-8 events, replaced by a fresh one when it has cached too many names. */
    ReusableJsonParser parser(EventJsonFactory factory) {
        if (parser == null || parser.worn()) {
            parser = factory.newReusableParser();
        }
        return parser;
    }

    /** Whether this thread consults the prefilter, from how long events take with it and without it. */
    final PrefilterGate gate = new PrefilterGate();

    /** This thread's buffer for String events encoded as UTF-8. */
    final dev.cwfilter.internal.eval.Utf8Buffer encoded = new dev.cwfilter.internal.eval.Utf8Buffer();

    /** The scratch characters, grown to hold at least {@code capacity}. */
    char[] chars(int capacity) {
        if (chars.length < capacity) {
            chars = new char[Math.max(capacity, chars.length * 2)];
        }
        return chars;
    }

    /** Starts a new event: everything of the previous one becomes unknown. */
    void reset() {
        leavesChanged = true;
        assignment = 0;
        generation++;
        if (generation == 0) {
            java.util.Arrays.fill(leafGeneration, 0);
            java.util.Arrays.fill(visitedGeneration, 0);
            generation = 1;
        }
    }

    boolean resolved(int leaf) {
        return leafGeneration[leaf] == generation;
    }

    /** Decides a leaf; each leaf is decided at most once per event. */
    void resolve(int leaf, boolean value) {
        leavesChanged = true;
        assignment += Formula.weight(leaf, value);
        leafGeneration[leaf] = generation;
        leafTrue[leaf] = value;
    }

    byte leafValue(int leaf) {
        return leafGeneration[leaf] != generation ? Formula.UNKNOWN : leafTrue[leaf] ? Formula.TRUE : Formula.FALSE;
    }

    boolean visited(int node) {
        return visitedGeneration[node] == generation;
    }

    void visit(int node) {
        visitedGeneration[node] = generation;
    }
}
