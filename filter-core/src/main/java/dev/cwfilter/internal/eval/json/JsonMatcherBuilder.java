package dev.cwfilter.internal.eval.json;

import dev.cwfilter.ast.Selector;
import dev.cwfilter.ast.SelectorStep;
import dev.cwfilter.internal.eval.Clause;
import dev.cwfilter.internal.eval.Prefilter;
import dev.cwfilter.internal.eval.ValueTest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Assembles a {@link JsonMatcher}: leaves (a selector and the test of the value it selects) joined by
 * {@code &&} / {@code ||}, then frozen into a selector trie and a flat formula. Nodes must be added children first;
 * the last node added is the root. Not thread-safe; the matcher it builds is.
 */
public final class JsonMatcherBuilder {

    private final List<Selector> selectors = new ArrayList<>();
    private final List<ValueTest> tests = new ArrayList<>();
    private final List<Clause> clauses = new ArrayList<>();
    private final List<Byte> kinds = new ArrayList<>();
    private final List<Boolean> negations = new ArrayList<>();
    private final List<Integer> leafOfNode = new ArrayList<>();
    private final List<int[]> childrenOfNode = new ArrayList<>();

    /**
     * Adds a leaf: the value the selector selects must pass the test (or, negated, no selected value may exist).
     *
     * @param clause the leaf as explanations name it
     * @return the formula node of the leaf
     */
    public int leaf(Selector selector, ValueTest test, boolean negate, Clause clause) {
        selectors.add(selector);
        tests.add(test);
        clauses.add(clause);
        return addNode(Formula.LEAF, negate, tests.size() - 1, new int[0]);
    }

    /** Adds the conjunction of nodes already added; returns its node. */
    public int and(List<Integer> operands) {
        return addNode(Formula.AND, false, -1, operands.stream().mapToInt(Integer::intValue).toArray());
    }

    /** Adds the disjunction of nodes already added; returns its node. */
    public int or(List<Integer> operands) {
        return addNode(Formula.OR, false, -1, operands.stream().mapToInt(Integer::intValue).toArray());
    }

    private int addNode(byte kind, boolean negate, int leaf, int[] children) {
        kinds.add(kind);
        negations.add(negate);
        leafOfNode.add(leaf);
        childrenOfNode.add(children);
        return kinds.size() - 1;
    }

    /** The matcher; the last node added is the formula's root. */
    public JsonMatcher build(Prefilter prefilter, EventJsonFactory factory, boolean lenientPrefix) {
        int n = kinds.size();
        byte[] kind = new byte[n];
        boolean[] negate = new boolean[n];
        int[] leaf = new int[n];
        int[] childStart = new int[n];
        int[] childEnd = new int[n];
        List<Integer> children = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            kind[i] = kinds.get(i);
            negate[i] = negations.get(i);
            leaf[i] = leafOfNode.get(i);
            childStart[i] = children.size();
            for (int c : childrenOfNode.get(i)) {
                if (c >= i) {
                    throw new IllegalStateException("formula nodes must be added children first");
                }
                children.add(c);
            }
            childEnd[i] = children.size();
        }
        Formula formula = new Formula(kind, negate, leaf, childStart, childEnd,
                children.stream().mapToInt(Integer::intValue).toArray());

        Draft root = new Draft(0, true);
        boolean[] existential = new boolean[tests.size()];
        boolean[] watchesNulls = new boolean[tests.size()];
        for (int l = 0; l < tests.size(); l++) {
            watchesNulls[l] = tests.get(l).onArrayHoldingNull();
        }
        for (int l = 0; l < selectors.size(); l++) {
            Draft node = root;
            for (SelectorStep step : selectors.get(l).steps()) {
                node = node.child(step);
            }
            node.leaves.add(l);
            existential[l] = !node.definite;
        }
        List<TrieNode> frozen = new ArrayList<>();
        TrieNode trieRoot = root.freeze(frozen, watchesNulls);
        int height = frozen.stream().mapToInt(t -> t.depth).max().orElse(0);
        // The walk's frame at depth k holds trie nodes of depth k only: sized by the trie's width there, the frames
        // take as much room as the trie, not its height times its size.
        int[] frameCapacities = new int[height + 2];
        frozen.forEach(t -> frameCapacities[t.depth]++);
        return new JsonMatcher(trieRoot, frozen.toArray(TrieNode[]::new), tests.toArray(ValueTest[]::new),
                clauses.toArray(Clause[]::new), existential, watchesNulls, formula, prefilter, factory, lenientPrefix,
                frameCapacities);
    }

    /** A trie node while the trie is being built. */
    private static final class Draft {
        final int depth;
        final boolean definite;
        final Map<String, Draft> names = new LinkedHashMap<>();
        final Map<Integer, Draft> indexes = new LinkedHashMap<>();
        Draft wildcard;
        final List<Integer> leaves = new ArrayList<>();

        Draft(int depth, boolean definite) {
            this.depth = depth;
            this.definite = definite;
        }

        Draft child(SelectorStep step) {
            if (step instanceof SelectorStep.Property property) {
                return names.computeIfAbsent(property.name(), k -> new Draft(depth + 1, definite));
            }
            if (step instanceof SelectorStep.Index index) {
                return indexes.computeIfAbsent(index.index(), k -> new Draft(depth + 1, definite));
            }
            if (wildcard == null) {
                wildcard = new Draft(depth + 1, false);
            }
            return wildcard;
        }

        TrieNode freeze(List<TrieNode> out, boolean[] watchesNulls) {
            Map<String, TrieNode> frozenNames = new LinkedHashMap<>();
            names.forEach((k, v) -> frozenNames.put(k, v.freeze(out, watchesNulls)));
            Map<Integer, TrieNode> frozenIndexes = new LinkedHashMap<>();
            indexes.forEach((k, v) -> frozenIndexes.put(k, v.freeze(out, watchesNulls)));
            TrieNode frozenWildcard = wildcard == null ? null : wildcard.freeze(out, watchesNulls);
            List<Integer> subtree = new ArrayList<>(leaves);
            frozenNames.values().forEach(c -> addAll(subtree, c.subtreeLeaves));
            frozenIndexes.values().forEach(c -> addAll(subtree, c.subtreeLeaves));
            if (frozenWildcard != null) {
                addAll(subtree, frozenWildcard.subtreeLeaves);
            }
            TrieNode node = new TrieNode(out.size(), depth, definite, frozenNames, frozenIndexes, frozenWildcard,
                    leaves.stream().mapToInt(Integer::intValue).toArray(),
                    subtree.stream().mapToInt(Integer::intValue).toArray(),
                    leaves.stream().anyMatch(l -> watchesNulls[l]));
            out.add(node);
            return node;
        }

        private static void addAll(List<Integer> list, int[] values) {
            for (int v : values) {
                list.add(v);
            }
        }
    }
}
