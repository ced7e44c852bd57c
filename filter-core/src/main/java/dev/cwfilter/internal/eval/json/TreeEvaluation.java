package dev.cwfilter.internal.eval.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.cwfilter.internal.eval.Explanation;
import dev.cwfilter.internal.eval.value.ValueTest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The exact evaluation of a JSON pattern over jackson-core's tokens: the parts of the event that the selector trie
 * reaches are read into a small tree in which a repeated key replaces its earlier value, at every level, as a reader
 * into maps does (SEMANTICS.md O3, observed on real AWS); then every leaf is decided on that tree. It reads the whole
 * event (a later key can always replace an earlier one), and jackson-core's verdict on well-formedness is the one that
 * counts.
 *
 * <p>This is the path of the events {@link Utf8Walk} is unsure about (a repeated key it selected, malformed or unusual
 * JSON, an escaped name, deep nesting), of {@code String} events too long for the per-thread buffer, and of
 * explanations. It allocates the tree; the byte walk is the hot path.
 *
 * <p>Stateless; one instance per evaluation.
 */
final class TreeEvaluation {

    /**
     * A scalar of the event (a string, a number, a boolean or null), kept as the answers of the tests that select it
     * rather than as its text, which may be long.
     *
     * @param passing     the leaves (of the nodes that selected it) whose test the scalar passes, as a bit set
     * @param description the scalar as an explanation shows it, or null
     * @param text        the scalar's text if a capture selects it (a string's, a number's literal, true, false), or null
     */
    private record Scalar(BitSet passing, String description, String text) {
    }

    /** An object, with the members some selector reaches (the last value of each); empty when none is read. */
    private record ObjectValue(Map<String, Object> members) {
    }

    /** An array, with the elements some selector reaches (null where none does), and whether one is a JSON null. */
    private record ArrayValue(List<Object> elements, boolean holdsNull) {
    }

    private static final ObjectValue UNREAD_OBJECT = new ObjectValue(Map.of());
    private static final ArrayValue UNREAD_ARRAY = new ArrayValue(List.of(), false);
    private static final int[] NO_NODES = new int[0];
    /** A scalar that passes no test, kept once: most scalars a selector reaches in a repeated key fail. */
    private static final Scalar FAILS_ALL = new Scalar(new BitSet(), null, null);

    private final TrieNode[] nodes;
    private final ValueTest[] tests;
    /** Per trie node, the array of its id alone, made when first needed. */
    private final int[][] singles;
    private final boolean[] holds;
    /** Per leaf, the value it was decided on (the first one that passed, else the first selected), or null. */
    private final String[] observed;
    /** Per capture slot, the text of the value it selects (the last one of a repeated key), or null. */
    private final String[] captured;
    private boolean single;

    private TreeEvaluation(TrieNode[] nodes, ValueTest[] tests, int captures, boolean explain) {
        this.captured = new String[captures];
        this.nodes = nodes;
        this.singles = new int[nodes.length][];
        this.tests = tests;
        this.holds = new boolean[tests.length];
        this.observed = explain ? new String[tests.length] : null;
    }

    /**
     * Reads the event and decides every leaf.
     *
     * @param explain whether to keep, per leaf, the value it was decided on
     * @return the evaluation; {@link #holds} is meaningful only if {@link #single} says the event is one object
     * @throws IOException if jackson-core finds the event malformed
     */
    static TreeEvaluation of(TrieNode root, TrieNode[] nodes, ValueTest[] tests, int captures, JsonParser p,
                             boolean explain) throws IOException {
        TreeEvaluation e = new TreeEvaluation(nodes, tests, captures, explain);
        if (p.nextToken() != JsonToken.START_OBJECT) {
            return e;
        }
        Object tree = e.read(p, JsonToken.START_OBJECT, e.plus(NO_NODES, root));
        e.decide(root, tree);
        e.single = p.nextToken() == null;
        return e;
    }

    /** Whether the event is one JSON object with nothing after it. */
    boolean single() {
        return single;
    }

    /** Per leaf, whether a value it selects passes its test. */
    boolean[] holds() {
        return holds;
    }

    /** Per capture slot, the text of the value it selects, or null. */
    String[] captured() {
        return captured;
    }

    /** Per leaf, the value it was decided on (the first that passed, else the first selected), or null; if kept. */
    String[] observed() {
        return observed;
    }

    /** Reads the value whose first token is {@code token}, which the trie nodes {@code selecting} select. */
    private Object read(JsonParser p, JsonToken token, int[] selecting) throws IOException {
        switch (token) {
            case START_OBJECT:
                return readsInto(selecting, false) ? readObject(p, selecting) : skipped(p, UNREAD_OBJECT);
            case START_ARRAY:
                return readsInto(selecting, true) ? readArray(p, selecting) : skipped(p, UNREAD_ARRAY);
            default:
                BitSet passing = null;
                String text = null;
                for (int id : selecting) {
                    if (nodes[id].captures.length > 0) {
                        text = scalarText(p, token);
                    }
                    for (int leaf : nodes[id].leaves) {
                        if (test(tests[leaf], p, token)) {
                            if (passing == null) {
                                passing = new BitSet(tests.length);
                            }
                            passing.set(leaf);
                        }
                    }
                }
                if (observed == null) {
                    return passing == null && text == null ? FAILS_ALL
                            : new Scalar(passing == null ? new BitSet() : passing, null, text);
                }
                return new Scalar(passing == null ? new BitSet() : passing, describe(p, token), text);
        }
    }

    private static Object skipped(JsonParser p, Object unread) throws IOException {
        p.skipChildren();
        return unread;
    }

    /** Whether a container the nodes select must be read: a node selects into it, or watches an array's nulls. */
    private boolean readsInto(int[] selecting, boolean array) {
        for (int id : selecting) {
            if (nodes[id].hasChildren || (array && nodes[id].watchesNulls)) {
                return true;
            }
        }
        return false;
    }

    private ObjectValue readObject(JsonParser p, int[] selecting) throws IOException {
        Map<String, Object> members = new LinkedHashMap<>();
        JsonToken token;
        while ((token = p.nextToken()) == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            int[] next = byName(selecting, name);
            JsonToken value = p.nextToken();
            if (next.length == 0) {
                if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
                    p.skipChildren();
                }
            } else {
                // A repeated key replaces the value read before it, with everything below it.
                members.put(name, read(p, value, next));
            }
        }
        expect(token, JsonToken.END_OBJECT);
        return new ObjectValue(members);
    }

    private ArrayValue readArray(JsonParser p, int[] selecting) throws IOException {
        List<Object> elements = new ArrayList<>();
        boolean holdsNull = false;
        JsonToken token;
        while ((token = p.nextToken()) != JsonToken.END_ARRAY) {
            if (token == null) {
                throw new IOException("the event ends inside an array");
            }
            holdsNull |= token == JsonToken.VALUE_NULL;
            int[] next = byIndex(selecting, elements.size());
            if (next.length == 0) {
                if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                    p.skipChildren();
                }
                elements.add(null);
            } else {
                elements.add(read(p, token, next));
            }
        }
        return new ArrayValue(elements, holdsNull);
    }

    private static void expect(JsonToken token, JsonToken expected) throws IOException {
        if (token != expected) {
            throw new IOException("expected " + expected + ", found " + token);
        }
    }

    private int[] byName(int[] selecting, String name) {
        int[] out = NO_NODES;
        for (int id : selecting) {
            TrieNode node = nodes[id];
            out = plus(out, node.child(name));
            out = plus(out, node.wildcard);
        }
        return out;
    }

    private int[] byIndex(int[] selecting, int index) {
        int[] out = NO_NODES;
        for (int id : selecting) {
            TrieNode node = nodes[id];
            out = plus(out, node.child(index));
            out = plus(out, node.wildcard);
        }
        return out;
    }

    /** The ids with the node's added; a single node's array is made once per evaluation, the common case. */
    private int[] plus(int[] ids, TrieNode node) {
        if (node == null) {
            return ids;
        }
        if (ids.length == 0) {
            int[] single = singles[node.id];
            if (single == null) {
                single = new int[] {node.id};
                singles[node.id] = single;
            }
            return single;
        }
        int[] out = Arrays.copyOf(ids, ids.length + 1);
        out[ids.length] = node.id;
        return out;
    }

    /** Tests the node's leaves on the value, takes its captures, and goes on to the children the trie has for it. */
    private void decide(TrieNode node, Object value) {
        for (int slot : node.captures) {
            captured[slot] = value instanceof Scalar s ? s.text() : null;
        }
        for (int leaf : node.leaves) {
            boolean passedBefore = holds[leaf];
            boolean result = passes(leaf, value);
            holds[leaf] |= result;
            if (observed != null && (observed[leaf] == null || (result && !passedBefore))) {
                observed[leaf] = (node.definite ? "" : "a selected value is ") + describe(value);
            }
        }
        if (value instanceof ObjectValue object) {
            for (int i = 0; i < node.names.length; i++) {
                Object member = object.members().get(node.names[i]);
                if (member != null) {
                    decide(node.nameChildren[i], member);
                }
            }
            if (node.wildcard != null) {
                for (Object member : object.members().values()) {
                    decide(node.wildcard, member);
                }
            }
        } else if (value instanceof ArrayValue array) {
            List<Object> elements = array.elements();
            for (int i = 0; i < node.indexes.length; i++) {
                int index = node.indexes[i];
                if (index < elements.size() && elements.get(index) != null) {
                    decide(node.indexChildren[i], elements.get(index));
                }
            }
            if (node.wildcard != null) {
                for (Object element : elements) {
                    decide(node.wildcard, element);
                }
            }
        }
    }

    /** Whether the leaf passes on the value, a scalar read before or a container. */
    private boolean passes(int leaf, Object value) {
        if (value instanceof Scalar s) {
            return s.passing().get(leaf);
        }
        ValueTest test = tests[leaf];
        if (value instanceof ArrayValue array) {
            return test.onContainer() || (array.holdsNull() && test.onArrayHoldingNull());
        }
        return test.onContainer();
    }

    /** The test on the scalar the parser is at, read in place from jackson-core's buffer. */
    private static boolean test(ValueTest test, JsonParser p, JsonToken token) throws IOException {
        return switch (token) {
            case VALUE_STRING -> test.onString(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT ->
                    test.onNumber(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
            case VALUE_TRUE -> test.onBoolean(true);
            case VALUE_FALSE -> test.onBoolean(false);
            default -> test.onNull();
        };
    }

    /** A scalar's text as a capture takes it: null for a JSON null. */
    private static String scalarText(JsonParser p, JsonToken token) throws IOException {
        return switch (token) {
            case VALUE_STRING, VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> p.getText();
            case VALUE_TRUE -> "true";
            case VALUE_FALSE -> "false";
            default -> null;
        };
    }

    private static String describe(JsonParser p, JsonToken token) throws IOException {
        return switch (token) {
            case VALUE_STRING -> Explanation.quote(p.getText());
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> p.getText();
            case VALUE_TRUE -> "true";
            case VALUE_FALSE -> "false";
            default -> "null";
        };
    }

    private static String describe(Object value) {
        if (value instanceof Scalar s) {
            return s.description();
        }
        if (value instanceof ArrayValue array) {
            return array.holdsNull() ? "an array holding null" : "an array";
        }
        return "an object";
    }
}
