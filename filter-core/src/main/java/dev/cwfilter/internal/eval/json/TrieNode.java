package dev.cwfilter.internal.eval.json;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * A node of the selector trie: one position reachable from the document root by a sequence of selector steps. All
 * selectors of a pattern share one trie, so a value the event holds is examined once however many selectors reach it.
 *
 * <p>A node is <em>definite</em> when no wildcard step leads to it: such a position is a single value of the event
 * (the last occurrence, if a key is repeated: SEMANTICS.md O3). Immutable once built, and thread-safe.
 */
final class TrieNode {

    private static final int LINEAR_SCAN_LIMIT = 4;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    final int id;
    final int depth;
    final boolean definite;
    final String[] names;
    /** The UTF-8 encoding of each of {@link #names}, in the same order. */
    final byte[][] utf8Names;
    /** Each of {@link #utf8Names} as little-endian words, the last one padded with zeros. */
    private final long[][] nameWords;
    final TrieNode[] nameChildren;
    /**
     * The lengths a property name of this node's object must have to select anything: bit {@code n % 64} is set if some
     * name is {@code n} bytes long in UTF-8, and every bit if a wildcard child selects whatever the name. The walk
     * tests a name's length against its frame's union of these before looking the name up.
     */
    final long selectingLengths;
    final Map<String, TrieNode> nameIndex;
    final int[] indexes;
    final TrieNode[] indexChildren;
    final TrieNode wildcard;
    /** Leaves whose selector ends here. */
    final int[] leaves;
    /** Every leaf at or below this node: what becomes decidable once this (definite) node's value has ended. */
    final int[] subtreeLeaves;
    /**
     * The leaves here that {@link #exactLeaves} does not index: each is tested on every value the node selects.
     * ({@link #leaves} when there is no index.)
     */
    final int[] plainLeaves;
    /**
     * When many leaves here compare the value for equality with a literal ({@code $.eventName = "DeleteTrail"} in
     * many patterns), one hash lookup replaces their tests: an open-addressing table of the literals (null slots are
     * free), with the leaves of each. Null when the node has fewer than {@value #INDEXED_MIN} such leaves.
     */
    private final char[][] exactKeys;
    private final int[][] exactLeaves;
    /** The most equality leaves a node tests one by one; from this many on, they are looked up. */
    static final int INDEXED_MIN = 4;

    /** Capture slots whose selector ends here (never below a wildcard). */
    final int[] captures;
    /** Every capture slot at or below this node: what has no value once this (definite) node's value has ended. */
    final int[] subtreeCaptures;
    final boolean hasChildren;
    /**
     * Whether a leaf here is decided by the elements of an array this node selects ({@code IS NULL}, SEMANTICS.md O5):
     * the walk then opens the array even if no child selects into it.
     */
    final boolean watchesNulls;

    TrieNode(int id, int depth, boolean definite, Map<String, TrieNode> names, Map<Integer, TrieNode> indexes,
             TrieNode wildcard, int[] leaves, int[] subtreeLeaves, int[] captures, int[] subtreeCaptures,
             boolean watchesNulls, Map<String, int[]> exact, int[] plainLeaves) {
        this.plainLeaves = plainLeaves;
        if (exact.isEmpty()) {
            exactKeys = null;
            exactLeaves = null;
        } else {
            int size = Integer.highestOneBit(exact.size() * 4 - 1) << 1;
            exactKeys = new char[size][];
            exactLeaves = new int[size][];
            exact.forEach((literal, ids) -> {
                char[] key = literal.toCharArray();
                int slot = hash(key, key.length) & size - 1;
                while (exactKeys[slot] != null) {
                    slot = slot + 1 & size - 1;
                }
                exactKeys[slot] = key;
                exactLeaves[slot] = ids;
            });
        }
        this.captures = captures;
        this.subtreeCaptures = subtreeCaptures;
        this.id = id;
        this.depth = depth;
        this.definite = definite;
        this.names = names.keySet().stream().map(String::intern).toArray(String[]::new);
        this.utf8Names = Arrays.stream(this.names)
                .map(n -> n.getBytes(java.nio.charset.StandardCharsets.UTF_8)).toArray(byte[][]::new);
        this.nameWords = Arrays.stream(utf8Names).map(TrieNode::words).toArray(long[][]::new);
        this.nameChildren = names.values().toArray(TrieNode[]::new);
        long lengths = 0;
        for (byte[] name : utf8Names) {
            lengths |= 1L << name.length;
        }
        this.selectingLengths = wildcard != null ? -1L : lengths;
        this.nameIndex = names.size() > LINEAR_SCAN_LIMIT ? new HashMap<>(names) : null;
        this.indexes = indexes.keySet().stream().mapToInt(Integer::intValue).toArray();
        this.indexChildren = indexes.values().toArray(TrieNode[]::new);
        this.wildcard = wildcard;
        this.leaves = leaves;
        this.subtreeLeaves = subtreeLeaves;
        this.hasChildren = !names.isEmpty() || !indexes.isEmpty() || wildcard != null;
        this.watchesNulls = watchesNulls;
    }

    /** Whether the node looks its equality leaves up ({@link #exactMatches}) rather than testing them. */
    boolean indexed() {
        return exactKeys != null;
    }

    /** The indexed leaves whose literal is exactly {@code chars[0, length)}, or null if none. */
    int[] exactMatches(char[] chars, int length) {
        char[][] keys = exactKeys;
        int mask = keys.length - 1;
        int slot = hash(chars, length) & mask;
        char[] key;
        while ((key = keys[slot]) != null) {
            if (key.length == length && Arrays.equals(key, 0, length, chars, 0, length)) {
                return exactLeaves[slot];
            }
            slot = slot + 1 & mask;
        }
        return null;
    }

    private static int hash(char[] chars, int length) {
        int h = length;
        for (int i = 0; i < length; i++) {
            h = 31 * h + chars[i];
        }
        return h ^ h >>> 16;
    }

    /** The child for a property name, or null. */
    TrieNode child(String name) {
        if (nameIndex != null) {
            return nameIndex.get(name);
        }
        String[] n = names;
        for (int i = 0; i < n.length; i++) {
            if (n[i].equals(name)) {
                return nameChildren[i];
            }
        }
        return null;
    }

    /**
     * The child for a property name given as the UTF-8 bytes {@code b[off, off+len)}, or null. (Callers have already
     * passed the name's length through {@link #selectingLengths}.)
     */
    TrieNode child(byte[] b, int off, int len) {
        byte[][] n = utf8Names;
        for (int i = 0; i < n.length; i++) {
            if (n[i].length == len && sameBytes(nameWords[i], b, off, len)) {
                return nameChildren[i];
            }
        }
        return null;
    }

    /**
     * Whether {@code b[off, off+len)} holds the name whose words are {@code words} (its length is {@code len}): a word
     * at a time, the last one masked to the name's bytes. The code stays small, so that the JIT inlines the lookup into
     * the walk (a byte loop for short names and {@code Arrays.equals} for long ones did not).
     */
    private static boolean sameBytes(long[] words, byte[] b, int off, int len) {
        if (off + (words.length << 3) > b.length) {
            // The name ends within a word of the end of the bytes: no whole word to read past it.
            return nearEnd(words, b, off, len);
        }
        int whole = len >>> 3;
        for (int w = 0; w < whole; w++) {
            if ((long) LONGS.get(b, off + (w << 3)) != words[w]) {
                return false;
            }
        }
        int rest = len & 7;
        return rest == 0 || (((long) LONGS.get(b, off + (whole << 3)) ^ words[whole]) & (1L << (rest << 3)) - 1) == 0;
    }

    private static boolean nearEnd(long[] words, byte[] b, int off, int len) {
        for (int k = 0; k < len; k++) {
            if (b[off + k] != (byte) (words[k >>> 3] >>> ((k & 7) << 3))) {
                return false;
            }
        }
        return true;
    }

    /** The bytes as little-endian words, the last one padded with zeros. */
    private static long[] words(byte[] bytes) {
        long[] words = new long[(bytes.length + 7) >>> 3];
        for (int k = 0; k < bytes.length; k++) {
            words[k >>> 3] |= (bytes[k] & 0xFFL) << ((k & 7) << 3);
        }
        return words;
    }

    /** The child for an array index, or null. */
    TrieNode child(int index) {
        int[] ix = indexes;
        for (int i = 0; i < ix.length; i++) {
            if (ix[i] == index) {
                return indexChildren[i];
            }
        }
        return null;
    }
}
