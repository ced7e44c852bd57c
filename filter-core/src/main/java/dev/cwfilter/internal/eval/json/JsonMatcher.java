package dev.cwfilter.internal.eval.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.JsonTokenId;
import dev.cwfilter.internal.eval.ByteSearch;
import dev.cwfilter.internal.eval.Clause;
import dev.cwfilter.internal.eval.EventMatcher;
import dev.cwfilter.internal.eval.Explanation;
import dev.cwfilter.internal.eval.Prefilter;
import dev.cwfilter.internal.eval.PrefilterGate;
import dev.cwfilter.internal.eval.ValueTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A JSON pattern evaluated in one pass of jackson-core's streaming parser (SEMANTICS.md section 4.2).
 *
 * <p>The message must be one JSON object (by default after nothing but whitespace; with {@code lenientJsonPrefix},
 * from its first {@code &#123;}) and nothing may follow it: a message that is not JSON, is truncated, holds several
 * values or is nested deeper than the limit matches nothing, and no exception escapes.
 *
 * <p>All selectors share one trie. The walk keeps, for each open container, the trie nodes its children can reach;
 * a subtree no selector reaches is skipped with {@code skipChildren()}, and a value no leaf needs is never decoded.
 * A value reaching a leaf is tested in place from the parser's character buffer. A selector with a wildcard is
 * existential: it holds if it holds for any value it selects. A missing field, an array or an object fails every
 * comparison, {@code !=} included. After each leaf is decided the formula is evaluated in three-valued logic: as
 * soon as it is false, evaluation stops; once it is true, the rest of the message is only checked for well-formedness
 * (without decoding anything), because a malformed message never matches.
 *
 * <p>Where a key appears twice in an object, a plain selector sees its first occurrence and a wildcard sees every
 * occurrence.
 *
 * <p>Immutable and thread-safe; the scratch state lives in a per-thread object reused from event to event.
 */
public final class JsonMatcher implements EventMatcher {

    final TrieNode root;
    private final TrieNode[] nodes;
    private final ValueTest[] tests;
    private final Clause[] clauses;
    private final boolean[] existential;
    private final Formula formula;
    private final Prefilter prefilter;
    private final EventJsonFactory factory;
    private final boolean lenientPrefix;
    private final int[] frameCapacities;
    private final ThreadLocal<JsonState> states;
    private final int maxNesting;

    JsonMatcher(TrieNode root, TrieNode[] nodes, ValueTest[] tests, Clause[] clauses, boolean[] existential,
                Formula formula, Prefilter prefilter, EventJsonFactory factory, boolean lenientPrefix,
                int[] frameCapacities) {
        this.root = root;
        this.nodes = nodes;
        this.tests = tests;
        this.clauses = clauses;
        this.existential = existential;
        this.formula = formula;
        this.prefilter = prefilter;
        this.factory = factory;
        this.lenientPrefix = lenientPrefix;
        this.frameCapacities = frameCapacities;
        this.maxNesting = factory.streamReadConstraints().getMaxNestingDepth();
        this.states = ThreadLocal.withInitial(() -> new JsonState(tests.length, nodes.length, formula.size(),
                frameCapacities));
    }

    /** The literals every matching message contains. */
    public Prefilter prefilter() {
        return prefilter;
    }

    /** The calling thread's prefilter gate (for tests: whether the prefilter is paused). */
    PrefilterGate gate() {
        return states.get().gate;
    }

    @Override
    public boolean matches(String message) {
        int start = jsonStart(message);
        if (start < 0) {
            return false;
        }
        JsonState st = states.get();
        if (prefilter == Prefilter.NONE) {
            return matchesText(message, start, st);
        }
        PrefilterGate gate = st.gate;
        boolean matched = (!gate.begin() || prefilter.mayMatch(message)) && matchesText(message, start, st);
        gate.end();
        return matched;
    }

    /** The text's answer, the prefilter passed or not asked; {@code start} is where its JSON object starts. */
    private boolean matchesText(String message, int start, JsonState st) {
        int length = st.encoded.encode(message, start);
        if (length >= 0) {
            // Valid UTF-8 of the text from its '{': the byte parser's answer is the text's (no decoding fallback).
            byte[] utf8 = st.encoded.bytes();
            int fast = Utf8Walk.evaluate(this, utf8, 0, length, st, maxNesting);
            if (fast != Utf8Walk.UNSURE) {
                return fast == Utf8Walk.TRUE;
            }
            try {
                return evaluate(st.parser(factory).reset(utf8, 0, length), st, null);
            } catch (IOException e) {
                return false;
            }
        }
        // Too long to encode into the reused buffer, or a lone surrogate that UTF-8 cannot carry.
        try (JsonParser parser = factory.createParser(lenientPrefix && start > 0 ? message.substring(start) : message)) {
            return evaluate(parser, st, null);
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public boolean matches(byte[] utf8, int offset, int length) {
        int start = jsonStart(utf8, offset, offset + length);
        if (start < 0) {
            return false;
        }
        JsonState st = states.get();
        if (prefilter == Prefilter.NONE) {
            return matchesUtf8(utf8, offset, length, start, st);
        }
        PrefilterGate gate = st.gate;
        boolean matched = (!gate.begin() || prefilter.mayMatch(utf8, offset, length))
                && matchesUtf8(utf8, offset, length, start, st);
        gate.end();
        return matched;
    }

    /** The event's answer, the prefilter passed or not asked; {@code start} is where its JSON object starts. */
    private boolean matchesUtf8(byte[] utf8, int offset, int length, int start, JsonState st) {
        int fast = Utf8Walk.evaluate(this, utf8, start, offset + length, st, maxNesting);
        if (fast != Utf8Walk.UNSURE) {
            return fast == Utf8Walk.TRUE;
        }
        if (ByteSearch.indexOf(utf8, offset, offset + length, (byte) 0xFF) >= 0) {
            // jackson-core pads the last quad of a field name with 0xFF bytes, so the malformed name "\xFFb" finds
            // the cached name "b". 0xFF never occurs in UTF-8: evaluate the decoded text instead.
            return matchesDecoded(new String(utf8, offset, length, StandardCharsets.UTF_8), st);
        }
        try {
            return evaluate(st.parser(factory).reset(utf8, start, offset + length), st, null);
        } catch (IOException e) {
            // The byte parser rejects malformed UTF-8 that decoding would replace with U+FFFD; answer for the decoded
            // text, as matches(String) would. ASCII decodes to itself and would fail the same way again.
            return !ByteSearch.isAscii(utf8, offset, offset + length)
                    && matchesDecoded(new String(utf8, offset, length, StandardCharsets.UTF_8), st);
        }
    }

    /** The answer for an event's decoded text, inside an evaluation the gate already times. */
    private boolean matchesDecoded(String message, JsonState st) {
        int start = jsonStart(message);
        return start >= 0 && matchesText(message, start, st);
    }

    @Override
    public Map<String, String> extract(String message) {
        return matches(message) ? Map.of() : null;
    }

    @Override
    public Explanation explain(String message) {
        boolean matched = matches(message);
        int start = jsonStart(message);
        if (start < 0) {
            return new Explanation(false, lenientPrefix ? "the message holds no JSON object"
                    : "the message is not a JSON object" + (message.indexOf('{') > 0
                    ? " (it has text before its '{', and lenientJsonPrefix is off)" : ""), List.of());
        }
        JsonState st = new JsonState(tests.length, nodes.length, formula.size(), frameCapacities);
        String[] observed = new String[tests.length];
        try (JsonParser parser = factory.createParser(start == 0 ? message : message.substring(start))) {
            evaluate(parser, st, observed);
        } catch (IOException e) {
            String detail = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
            return new Explanation(false, "the message is not well-formed JSON: " + detail, List.of());
        }
        byte[] values = new byte[formula.size()];
        boolean clausesSayMatch = formula.evaluate(st, values) == Formula.TRUE;
        boolean[] holds = new boolean[tests.length];
        boolean[] deciding = new boolean[tests.length];
        formula.explain(values, matched, holds, deciding);
        List<Explanation.Outcome> outcomes = new ArrayList<>();
        for (int leaf = 0; leaf < tests.length; leaf++) {
            String seen = observed[leaf] != null ? observed[leaf]
                    : existential[leaf] ? "no value selected" : "missing";
            // When the clauses say otherwise, the document's shape decided (two values, trailing text), not a clause.
            outcomes.add(new Explanation.Outcome(clauses[leaf], holds[leaf], seen,
                    deciding[leaf] && clausesSayMatch == matched));
        }
        String reason = clausesSayMatch == matched ? Explanation.reasonOf(outcomes)
                : "the message is not a single well-formed JSON object";
        return new Explanation(matched, reason, outcomes);
    }

    /** Where the JSON object starts, or -1 if the message cannot hold one. */
    private int jsonStart(String s) {
        if (lenientPrefix) {
            return s.indexOf('{');
        }
        int i = 0;
        while (i < s.length() && isJsonBlank(s.charAt(i))) {
            i++;
        }
        return i < s.length() && s.charAt(i) == '{' ? i : -1;
    }

    private int jsonStart(byte[] b, int from, int to) {
        int i = from;
        if (lenientPrefix) {
            while (i < to && b[i] != '{') {
                i++;
            }
        } else {
            while (i < to && isJsonBlank((char) b[i])) {
                i++;
            }
        }
        // A NUL after '{' would make Jackson read the bytes as UTF-16; no JSON text has one there.
        return i < to && b[i] == '{' && (i + 1 >= to || b[i + 1] != 0) ? i : -1;
    }

    private static boolean isJsonBlank(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }

    /**
     * Walks the event. With {@code observed} null this is the hot path; otherwise it records, per leaf, the value it
     * was decided on and does not stop early, so that every leaf is decided.
     */
    private boolean evaluate(JsonParser p, JsonState st, String[] observed) throws IOException {
        if (p.nextToken() != JsonToken.START_OBJECT) {
            return false;
        }
        startWalk(st);
        int depth = 0;
        while (true) {
            JsonToken token = p.nextToken();
            if (token == null) {
                return false;
            }
            int id = token.id();
            if (id == JsonTokenId.ID_END_OBJECT || id == JsonTokenId.ID_END_ARRAY) {
                finishFrame(st, depth);
                if (depth == 0) {
                    return decided(st) == Formula.TRUE && p.nextToken() == null;
                }
                depth--;
                byte verdict = observed == null ? decided(st) : Formula.UNKNOWN;
                if (verdict != Formula.UNKNOWN) {
                    return verdict == Formula.TRUE && finishDocument(p, depth + 1);
                }
                continue;
            }
            if (id == JsonTokenId.ID_FIELD_NAME) {
                selectByName(st, depth, p.currentName());
                token = p.nextToken();
                id = token.id();
            } else {
                selectByIndex(st, depth, st.frameIndex[depth]++);
            }
            if (st.nextSize == 0) {
                if (id == JsonTokenId.ID_START_OBJECT || id == JsonTokenId.ID_START_ARRAY) {
                    p.skipChildren();
                }
                continue;
            }
            boolean container = id == JsonTokenId.ID_START_OBJECT || id == JsonTokenId.ID_START_ARRAY;
            testValue(p, st, id, observed);
            if (container) {
                if (pushChildren(st, depth, id == JsonTokenId.ID_START_ARRAY) > 0) {
                    depth++;
                } else {
                    p.skipChildren();
                }
            } else {
                finishSelected(st);
            }
            byte verdict = observed == null ? decided(st) : Formula.UNKNOWN;
            if (verdict != Formula.UNKNOWN) {
                return verdict == Formula.TRUE && finishDocument(p, depth + 1);
            }
        }
    }

    /** The trie nodes reached by a property name from the current frame, into {@code st.nextNodes}. */
    private void selectByName(JsonState st, int depth, String name) {
        int n = 0;
        if (!st.frameIsArray[depth]) {
            int[] frame = st.frameNodes[depth];
            for (int i = 0; i < st.frameSize[depth]; i++) {
                TrieNode node = nodes[frame[i]];
                n = selectProperty(st, n, node, node.child(name));
            }
        }
        st.nextSize = n;
    }

    /**
     * Adds what a property reaches from {@code node}, its named child (unless it is a definite position already seen:
     * a duplicated key) and its wildcard child, to {@code st.nextNodes} from {@code n}; the new count.
     */
    private static int selectProperty(JsonState st, int n, TrieNode node, TrieNode child) {
        if (child != null && !(child.definite && st.visited(child.id))) {
            st.nextNodes[n++] = child.id;
        }
        if (node.wildcard != null) {
            st.nextNodes[n++] = node.wildcard.id;
        }
        return n;
    }

    /** Starts the walk of a new event at the document's root object. */
    void startWalk(JsonState st) {
        st.reset();
        st.visit(root.id);
        st.frameNodes[0][0] = root.id;
        st.frameSize[0] = 1;
        st.frameIsArray[0] = false;
        st.frameNameLengths[0] = root.selectingLengths;
        st.frameOnly[0] = root;
    }

    /**
     * What a property name reaches from a frame whose only node is {@code node}, given the node's child for the name
     * (or null), into {@code st.nextNodes}. The byte walk looks the child up itself: a call of the general
     * {@link #selectByName(JsonState, int, byte[], int, int)} per property is too large for the JIT to inline.
     */
    void selectChild(JsonState st, TrieNode node, TrieNode child) {
        st.nextSize = selectProperty(st, 0, node, child);
    }

    /** The trie nodes reached by a property name given in UTF-8, into {@code st.nextNodes}. */
    void selectByName(JsonState st, int depth, byte[] b, int off, int len) {
        int n = 0;
        if (!st.frameIsArray[depth]) {
            int[] frame = st.frameNodes[depth];
            for (int i = 0; i < st.frameSize[depth]; i++) {
                TrieNode node = nodes[frame[i]];
                n = selectProperty(st, n, node, node.child(b, off, len));
            }
        }
        st.nextSize = n;
    }

    // ---- the steps of Utf8Walk: the same walk as evaluate(), given values instead of tokens ----

    private static final int TEXT = 0;
    private static final int NUMBER = 1;
    private static final int BOOLEAN_TRUE = 2;
    private static final int BOOLEAN_FALSE = 3;
    private static final int NULL = 4;
    private static final int CONTAINER = 5;

    void testText(JsonState st, char[] chars, int length) {
        testSelected(st, TEXT, chars, length);
    }

    void testNumber(JsonState st, char[] chars, int length) {
        testSelected(st, NUMBER, chars, length);
    }

    void testBoolean(JsonState st, boolean value) {
        testSelected(st, value ? BOOLEAN_TRUE : BOOLEAN_FALSE, null, 0);
    }

    void testNull(JsonState st) {
        testSelected(st, NULL, null, 0);
    }

    void testContainer(JsonState st) {
        testSelected(st, CONTAINER, null, 0);
    }

    private void testSelected(JsonState st, int kind, char[] chars, int length) {
        for (int i = 0; i < st.nextSize; i++) {
            TrieNode node = nodes[st.nextNodes[i]];
            if (node.definite) {
                st.visit(node.id);
            }
            if (node.leaves.length > 0) {
                // Kept apart and rarely called: the walk tests every selected container, and most end no selector.
                testLeaves(st, node, kind, chars, length);
            }
        }
    }

    /** Tests the current value against the node's leaves that are still undecided. */
    private void testLeaves(JsonState st, TrieNode node, int kind, char[] chars, int length) {
        for (int leaf : node.leaves) {
            if (st.resolved(leaf)) {
                continue;
            }
            ValueTest test = tests[leaf];
            boolean result = switch (kind) {
                case TEXT -> test.onText(chars, 0, length);
                case NUMBER -> test.onNumber(chars, 0, length);
                case BOOLEAN_TRUE -> test.onBoolean(true);
                case BOOLEAN_FALSE -> test.onBoolean(false);
                case NULL -> test.onNull();
                default -> test.onContainer();
            };
            if (result || !existential[leaf]) {
                st.resolve(leaf, result);
            }
        }
    }

    /** Opens a frame below {@code depth} for the selected nodes that have children; how many there are. */
    int pushChildren(JsonState st, int depth, boolean array) {
        int pushed = 0;
        long lengths = 0;
        int[] frame = st.frameNodes[depth + 1];
        for (int i = 0; i < st.nextSize; i++) {
            TrieNode node = nodes[st.nextNodes[i]];
            if (node.hasChildren) {
                frame[pushed++] = node.id;
                lengths |= node.selectingLengths;
            }
        }
        if (pushed > 0) {
            st.frameSize[depth + 1] = pushed;
            st.frameNameLengths[depth + 1] = lengths;
            st.frameOnly[depth + 1] = pushed == 1 ? nodes[frame[0]] : null;
            st.frameIsArray[depth + 1] = array;
            st.frameIndex[depth + 1] = 0;
        }
        return pushed;
    }

    void finishSelected(JsonState st) {
        finish(st, st.nextNodes, st.nextSize);
    }

    void finishFrame(JsonState st, int depth) {
        finish(st, st.frameNodes[depth], st.frameSize[depth]);
    }

    /** {@link Utf8Walk#TRUE}, {@link Utf8Walk#FALSE} or, while undecided, {@link Utf8Walk#UNSURE}. */
    int verdict(JsonState st) {
        byte v = decided(st);
        return v == Formula.UNKNOWN ? Utf8Walk.UNSURE : v;
    }

    /** The trie nodes reached by an array index from the current frame, into {@code st.nextNodes}. */
    void selectByIndex(JsonState st, int depth, int index) {
        int n = 0;
        int[] frame = st.frameNodes[depth];
        for (int i = 0; i < st.frameSize[depth]; i++) {
            TrieNode node = nodes[frame[i]];
            TrieNode child = node.child(index);
            if (child != null) {
                st.nextNodes[n++] = child.id;
            }
            if (node.wildcard != null) {
                st.nextNodes[n++] = node.wildcard.id;
            }
        }
        st.nextSize = n;
    }

    /** Tests the current value against the leaves of every selected node. */
    private void testValue(JsonParser p, JsonState st, int id, String[] observed) throws IOException {
        for (int i = 0; i < st.nextSize; i++) {
            TrieNode node = nodes[st.nextNodes[i]];
            if (node.definite) {
                st.visit(node.id);
            }
            for (int leaf : node.leaves) {
                if (st.resolved(leaf)) {
                    continue;
                }
                boolean result = test(p, tests[leaf], id);
                if (result || !existential[leaf]) {
                    st.resolve(leaf, result);
                }
                if (observed != null && (observed[leaf] == null || result)) {
                    observed[leaf] = describe(p, id, nodeText(node));
                }
            }
        }
    }

    private static boolean test(JsonParser p, ValueTest test, int id) throws IOException {
        switch (id) {
            case JsonTokenId.ID_STRING:
                return test.onText(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
            case JsonTokenId.ID_NUMBER_INT:
            case JsonTokenId.ID_NUMBER_FLOAT:
                return test.onNumber(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
            case JsonTokenId.ID_TRUE:
                return test.onBoolean(true);
            case JsonTokenId.ID_FALSE:
                return test.onBoolean(false);
            case JsonTokenId.ID_NULL:
                return test.onNull();
            default:
                return test.onContainer();
        }
    }

    private static String describe(JsonParser p, int id, String where) throws IOException {
        String value = switch (id) {
            case JsonTokenId.ID_STRING -> Explanation.quote(p.getText());
            case JsonTokenId.ID_NUMBER_INT, JsonTokenId.ID_NUMBER_FLOAT -> p.getText();
            case JsonTokenId.ID_TRUE -> "true";
            case JsonTokenId.ID_FALSE -> "false";
            case JsonTokenId.ID_NULL -> "null";
            case JsonTokenId.ID_START_OBJECT -> "an object";
            default -> "an array";
        };
        return where + value;
    }

    private static String nodeText(TrieNode node) {
        return node.definite ? "" : "a selected value is ";
    }

    /**
     * The values of the given (definite) nodes have ended: every leaf at or below them that is still undecided is
     * false (a missing field, or a wildcard that selected nothing that passed).
     */
    private void finish(JsonState st, int[] ids, int size) {
        for (int i = 0; i < size; i++) {
            TrieNode node = nodes[ids[i]];
            if (node.definite) {
                for (int leaf : node.subtreeLeaves) {
                    if (!st.resolved(leaf)) {
                        st.resolve(leaf, false);
                    }
                }
            }
        }
    }

    /** The formula's value for the leaves resolved so far, computed again only after a leaf has been resolved. */
    private byte decided(JsonState st) {
        if (st.leavesChanged) {
            st.verdict = formula.value(st);
            st.leavesChanged = false;
        }
        return st.verdict;
    }

    /** Reads the rest of the document without decoding anything: true if it is well formed and nothing follows. */
    private static boolean finishDocument(JsonParser p, int openContainers) throws IOException {
        if (p instanceof ReusableJsonParser reusable && reusable.finishDocumentFast()) {
            return true;
        }
        int open = openContainers;
        while (open > 0) {
            JsonToken token = p.nextToken();
            if (token == null) {
                return false;
            }
            if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                p.skipChildren();
            } else if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
                open--;
            }
        }
        return p.nextToken() == null;
    }
}
