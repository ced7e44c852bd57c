package dev.cwfilter.internal.eval.json;

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

    final int id;
    final int depth;
    final boolean definite;
    final String[] names;
    /** The UTF-8 encoding of each of {@link #names}, in the same order. */
    final byte[][] utf8Names;
    final TrieNode[] nameChildren;
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
        this.utf8Names = java.util.Arrays.stream(this.names)
                .map(n -> n.getBytes(java.nio.charset.StandardCharsets.UTF_8)).toArray(byte[][]::new);
        this.nameChildren = names.values().toArray(TrieNode[]::new);
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
        byte[][] n = utf8Names;
        for (int i = 0; i < n.length; i++) {
            byte[] name = n[i];
            if (name.length == len && java.util.Arrays.equals(name, 0, len, b, off, off + len)) {
                return nameChildren[i];
            }
        }
        return null;
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
