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
 * (the first occurrence, if a key is duplicated). Immutable once built, and thread-safe.
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
    final TrieNode[] nameChildren;
    /** Bit {@code n % 64} is set if some name is {@code n} bytes long in UTF-8: most names are rejected on length. */
    private final long nameLengths;
    /**
     * The lengths a property name of this node's object must have to select anything: {@link #nameLengths}, or every
     * length (all bits) if a wildcard child selects whatever the name.
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
    final boolean hasChildren;

    TrieNode(int id, int depth, boolean definite, Map<String, TrieNode> names, Map<Integer, TrieNode> indexes,
             TrieNode wildcard, int[] leaves, int[] subtreeLeaves) {
        this.id = id;
        this.depth = depth;
        this.definite = definite;
        this.names = names.keySet().stream().map(String::intern).toArray(String[]::new);
        this.utf8Names = Arrays.stream(this.names)
                .map(n -> n.getBytes(java.nio.charset.StandardCharsets.UTF_8)).toArray(byte[][]::new);
        this.nameChildren = names.values().toArray(TrieNode[]::new);
        long lengths = 0;
        for (byte[] name : utf8Names) {
            lengths |= 1L << name.length;
        }
        this.nameLengths = lengths;
        this.selectingLengths = wildcard != null ? -1L : lengths;
        this.nameIndex = names.size() > LINEAR_SCAN_LIMIT ? new HashMap<>(names) : null;
        this.indexes = indexes.keySet().stream().mapToInt(Integer::intValue).toArray();
        this.indexChildren = indexes.values().toArray(TrieNode[]::new);
        this.wildcard = wildcard;
        this.leaves = leaves;
        this.subtreeLeaves = subtreeLeaves;
        this.hasChildren = !names.isEmpty() || !indexes.isEmpty() || wildcard != null;
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

    /** The child for a property name given as the UTF-8 bytes {@code b[off, off+len)}, or null. */
    TrieNode child(byte[] b, int off, int len) {
        if ((nameLengths >>> len & 1) == 0) {
            return null;
        }
        byte[][] n = utf8Names;
        for (int i = 0; i < n.length; i++) {
            byte[] name = n[i];
            if (name.length == len && sameBytes(name, b, off, len)) {
                return nameChildren[i];
            }
        }
        return null;
    }

    /**
     * Whether {@code b[off, off+len)} holds the bytes of {@code name} (of length {@code len}). Most property names are
     * short: from 8 to 16 bytes they are compared as two overlapping words, below 8 byte by byte.
     */
    private static boolean sameBytes(byte[] name, byte[] b, int off, int len) {
        if (len < 8) {
            for (int k = 0; k < len; k++) {
                if (name[k] != b[off + k]) {
                    return false;
                }
            }
            return true;
        }
        if ((long) LONGS.get(name, 0) != (long) LONGS.get(b, off)
                || (long) LONGS.get(name, len - 8) != (long) LONGS.get(b, off + len - 8)) {
            return false;
        }
        return len <= 16 || Arrays.equals(name, 8, len - 8, b, off + 8, off + len - 8);
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
