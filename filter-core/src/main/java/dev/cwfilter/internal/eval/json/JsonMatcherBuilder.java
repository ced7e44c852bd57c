package dev.cwfilter.internal.eval.json;

import dev.cwfilter.ast.Selector;
import dev.cwfilter.ast.SelectorStep;
import dev.cwfilter.internal.eval.Clause;
import dev.cwfilter.internal.eval.prefilter.Prefilter;
import dev.cwfilter.internal.eval.value.TextTest;
import dev.cwfilter.internal.eval.value.ValueTest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Assembles a {@link JsonMatcher}: per pattern, leaves (a selector and the test of the value it selects) joined by
 * {@code &&} / {@code ||}, then frozen into one selector trie shared by every pattern and one flat formula per pattern.
 * Nodes must be added children first; the last node added before {@link #endFormula()} (or {@link #build}) is the
 * root of that pattern's formula. A clause that several patterns hold (an equal node, so the same canonical text) becomes one leaf, tested
 * once per event for all of them. Not thread-safe; the matcher it builds is.
 */
public final class JsonMatcherBuilder {

    private final List<Selector> selectors = new ArrayList<>();
    private final List<ValueTest> tests = new ArrayList<>();
    private final List<Clause> clauses = new ArrayList<>();
    /** Per leaf key (negation and clause node, which equal each other when their canonical texts do), the leaf. */
    private final Map<List<Object>, Integer> leafByKey = new HashMap<>();
    /** Per leaf, the last formula that used it (a formula holding a clause twice keeps two leaves, for explanations). */
    private final List<Integer> lastFormulaOfLeaf = new ArrayList<>();
    private final List<Formula> formulas = new ArrayList<>();
    private final List<Selector> captureSelectors = new ArrayList<>();
    // The formula being built.
    private final List<Byte> kinds = new ArrayList<>();
    private final List<Boolean> negations = new ArrayList<>();
    private final List<Integer> leafOfNode = new ArrayList<>();
    private final List<int[]> childrenOfNode = new ArrayList<>();
    private final List<Integer> leafIds = new ArrayList<>();

    /**
     * Adds a leaf: the value the selector selects must pass the test (or, negated, no selected value may exist).
     *
     * @param clause the leaf as explanations name it
     * @return the formula node of the leaf
     */
    public int leaf(Selector selector, ValueTest test, boolean negate, Clause clause) {
        List<Object> key = List.of(negate, clause.node());
        Integer shared = leafByKey.get(key);
        int id;
        if (shared != null && lastFormulaOfLeaf.get(shared) != formulas.size()) {
            id = shared;
            lastFormulaOfLeaf.set(id, formulas.size());
        } else {
            selectors.add(selector);
            tests.add(test);
            clauses.add(clause);
            lastFormulaOfLeaf.add(formulas.size());
            id = tests.size() - 1;
            leafByKey.putIfAbsent(key, id);
        }
        leafIds.add(id);
        return addNode(Formula.LEAF, negate, leafIds.size() - 1, new int[0]);
    }

    /**
     * Adds a capture: the walk takes the value the selector (without wildcards) selects, for the events some pattern
     * matches (see {@link JsonMatcher#captured}).
     *
     * @return the capture's slot
     * @throws IllegalArgumentException if the selector has a wildcard
     */
    public int capture(Selector selector) {
        if (selector.wildcardCount() > 0) {
            throw new IllegalArgumentException("a captured selector selects one value, without wildcards: " + selector);
        }
        captureSelectors.add(selector);
        return captureSelectors.size() - 1;
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

    /**
     * Ends the current pattern's formula (its root is the last node added); the next nodes belong to the next one.
     *
     * @return the formula's index in the matcher
     */
    public int endFormula() {
        int n = kinds.size();
        if (n == 0) {
            throw new IllegalStateException("a formula needs at least one node");
        }
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
        formulas.add(new Formula(kind, negate, leaf, childStart, childEnd,
                children.stream().mapToInt(Integer::intValue).toArray(),
                leafIds.stream().mapToInt(Integer::intValue).toArray()));
        kinds.clear();
        negations.clear();
        leafOfNode.clear();
        childrenOfNode.clear();
        leafIds.clear();
        return formulas.size() - 1;
    }

    /** The matcher; a formula still open is ended first. */
    public JsonMatcher build(Prefilter prefilter, EventJsonFactory factory, boolean lenientPrefix) {
        if (!kinds.isEmpty()) {
            endFormula();
        }
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
        for (int c = 0; c < captureSelectors.size(); c++) {
            Draft node = root;
            for (SelectorStep step : captureSelectors.get(c).steps()) {
                node = node.child(step);
            }
            node.captures.add(c);
        }
        List<TrieNode> frozen = new ArrayList<>();
        TrieNode trieRoot = root.freeze(frozen, watchesNulls, tests);
        int height = frozen.stream().mapToInt(t -> t.depth).max().orElse(0);
        // The walk's frame at depth k holds trie nodes of depth k only: sized by the trie's width there, the frames
        // take as much room as the trie, not its height times its size.
        int[] frameCapacities = new int[height + 2];
        frozen.forEach(t -> frameCapacities[t.depth]++);
        return new JsonMatcher(trieRoot, frozen.toArray(TrieNode[]::new), tests.toArray(ValueTest[]::new),
                clauses.toArray(Clause[]::new), existential, watchesNulls, formulas.toArray(Formula[]::new), prefilter,
                factory, lenientPrefix, frameCapacities, captureSelectors.size());
    }

    /** A trie node while the trie is being built. */
    private static final class Draft {
        final int depth;
        final boolean definite;
        final Map<String, Draft> names = new LinkedHashMap<>();
        final Map<Integer, Draft> indexes = new LinkedHashMap<>();
        Draft wildcard;
        final List<Integer> leaves = new ArrayList<>();
        final List<Integer> captures = new ArrayList<>();

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

        TrieNode freeze(List<TrieNode> out, boolean[] watchesNulls, List<ValueTest> tests) {
            Map<String, TrieNode> frozenNames = new LinkedHashMap<>();
            names.forEach((k, v) -> frozenNames.put(k, v.freeze(out, watchesNulls, tests)));
            Map<Integer, TrieNode> frozenIndexes = new LinkedHashMap<>();
            indexes.forEach((k, v) -> frozenIndexes.put(k, v.freeze(out, watchesNulls, tests)));
            TrieNode frozenWildcard = wildcard == null ? null : wildcard.freeze(out, watchesNulls, tests);
            List<Integer> subtree = new ArrayList<>(leaves);
            frozenNames.values().forEach(c -> addAll(subtree, c.subtreeLeaves));
            frozenIndexes.values().forEach(c -> addAll(subtree, c.subtreeLeaves));
            if (frozenWildcard != null) {
                addAll(subtree, frozenWildcard.subtreeLeaves);
            }
            List<Integer> subtreeCaptures = new ArrayList<>(captures);
            frozenNames.values().forEach(c -> addAll(subtreeCaptures, c.subtreeCaptures));
            frozenIndexes.values().forEach(c -> addAll(subtreeCaptures, c.subtreeCaptures));
            // Equality leaves: looked up by their literal when there are enough of them.
            Map<String, List<Integer>> byLiteral = new LinkedHashMap<>();
            for (int l : leaves) {
                if (tests.get(l) instanceof TextTest t && t.shape() == TextTest.Shape.EXACT && !t.negated()) {
                    byLiteral.computeIfAbsent(t.literal(), k -> new ArrayList<>()).add(l);
                }
            }
            int equalities = byLiteral.values().stream().mapToInt(List::size).sum();
            Map<String, int[]> exact = new LinkedHashMap<>();
            List<Integer> plain = new ArrayList<>(leaves);
            if (equalities >= TrieNode.INDEXED_MIN) {
                byLiteral.forEach((k, v) -> exact.put(k, v.stream().mapToInt(Integer::intValue).toArray()));
                byLiteral.values().forEach(plain::removeAll);
            }
            TrieNode node = new TrieNode(out.size(), depth, definite, frozenNames, frozenIndexes, frozenWildcard,
                    leaves.stream().mapToInt(Integer::intValue).toArray(),
                    subtree.stream().mapToInt(Integer::intValue).toArray(),
                    captures.stream().mapToInt(Integer::intValue).toArray(),
                    subtreeCaptures.stream().mapToInt(Integer::intValue).toArray(),
                    leaves.stream().anyMatch(l -> watchesNulls[l]), exact,
                    plain.stream().mapToInt(Integer::intValue).toArray());
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
