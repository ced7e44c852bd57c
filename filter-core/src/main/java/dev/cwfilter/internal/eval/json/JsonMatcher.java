package dev.cwfilter.internal.eval.json;

import com.fasterxml.jackson.core.JsonParser;
import dev.cwfilter.internal.eval.Clause;
import dev.cwfilter.internal.eval.EventMatcher;
import dev.cwfilter.internal.eval.Explanation;
import dev.cwfilter.internal.eval.prefilter.Prefilter;
import dev.cwfilter.internal.eval.prefilter.PrefilterGate;
import dev.cwfilter.internal.eval.search.ByteSearch;
import dev.cwfilter.internal.eval.value.ValueTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;

/**
 * One JSON pattern, or a set of JSON patterns evaluated as one (SEMANTICS.md section 4.2 and the rules observed on
 * real AWS that override it). A single pattern is a set of one: {@link dev.cwfilter.FilterPattern} and
 * {@link dev.cwfilter.PatternSet} run this same evaluator.
 *
 * <p>The message must be one JSON object (by default after nothing but whitespace; with {@code lenientJsonPrefix},
 * from its first {@code &#123;}) and nothing may follow it: a message that is not JSON, is truncated, holds several
 * values or is nested deeper than the limit matches nothing, and no exception escapes.
 *
 * <p>The object is read as a map reads it: where a key is repeated in an object, its last value is the value, at every
 * level (O3). The selectors of every pattern share one trie, and a clause several patterns hold is one leaf, tested
 * once. A selector with a wildcard is existential: it holds if it holds for any value it selects. A missing field, an
 * object, an array, a null and a boolean fail every comparison, {@code !=} included (O4); {@code IS NULL} also holds
 * for an array directly holding a null (O5).
 *
 * <p>Evaluation over bytes is {@link Utf8Walk}: one pass over the selector trie that decides each leaf on the first
 * value it selects and every pattern's formula in three-valued logic, and, once every formula is decided, only watches
 * the rest of the event for a repeated key it selected (which could replace a value it decided on) and for
 * well-formedness. The answer is exact when no selected key repeats, and a repeat sends the event to
 * {@link TreeEvaluation}, which reads it with jackson-core into a map-like tree, as does anything else the walk is
 * unsure of.
 *
 * <p>A matcher may also <em>capture</em> the values of plain selectors (a metric filter's {@code $.latency}) in the
 * same walk, for the events some pattern matches: {@link #captured} gives them as {@link JsonFieldReader} would.
 *
 * <p>Immutable and thread-safe; the scratch state lives in a per-thread object reused from event to event.
 */
public final class JsonMatcher implements EventMatcher {

    final TrieNode root;
    private final TrieNode[] nodes;
    private final ValueTest[] tests;
    private final Clause[] clauses;
    private final boolean[] existential;
    /** Per leaf, whether an array's direct null elements can decide it ({@code IS NULL}). */
    private final boolean[] watchesNulls;
    /** One formula per pattern. */
    private final Formula[] formulas;
    private final Prefilter prefilter;
    private final EventJsonFactory factory;
    private final boolean lenientPrefix;
    private final int[] frameCapacities;
    private final ThreadLocal<JsonState> states;
    private final int maxNesting;
    private final int captureCount;
    /**
     * Whether formulas are evaluated only once the event has ended (a large set) rather than tracked leaf by leaf,
     * which lets the walk stop as soon as every formula is decided (a pattern, a small set).
     */
    private final boolean finalOnly;
    /** Above this many distinct leaves a set of several patterns is evaluated {@link #finalOnly}. */
    static final int FINAL_ONLY_LEAVES = 16;
    /** The formulas that hold when all their leaves are false (they hold a {@code NOT EXISTS}). */
    private final int[] holdWithoutTrueLeaves;
    /**
     * The root object's names that select something, quoted ({@code "eventName"}), as they appear in the raw JSON
     * unless an escape spells them; null if a wildcard selects every name of the root.
     */
    private final ByteSearch.Needle[] rootNames;

    JsonMatcher(TrieNode root, TrieNode[] nodes, ValueTest[] tests, Clause[] clauses, boolean[] existential,
                boolean[] watchesNulls, Formula[] formulas, Prefilter prefilter, EventJsonFactory factory,
                boolean lenientPrefix, int[] frameCapacities, int captureCount) {
        this.root = root;
        this.nodes = nodes;
        this.tests = tests;
        this.clauses = clauses;
        this.existential = existential;
        this.watchesNulls = watchesNulls;
        this.formulas = formulas;
        this.prefilter = prefilter;
        this.factory = factory;
        this.lenientPrefix = lenientPrefix;
        this.frameCapacities = frameCapacities;
        this.captureCount = captureCount;
        this.maxNesting = factory.streamReadConstraints().getMaxNestingDepth();
        this.rootNames = root.wildcard != null ? null : java.util.Arrays.stream(root.utf8Names)
                .map(name -> {
                    byte[] quoted = new byte[name.length + 2];
                    quoted[0] = '"';
                    System.arraycopy(name, 0, quoted, 1, name.length);
                    quoted[quoted.length - 1] = '"';
                    return ByteSearch.Needle.of(quoted);
                }).toArray(ByteSearch.Needle[]::new);
        // Per leaf, the formulas that hold it and its local number in each.
        int[] counts = new int[tests.length];
        for (Formula f : formulas) {
            for (int id : f.leafIds) {
                counts[id]++;
            }
        }
        int[][] leafFormulas = new int[tests.length][];
        int[][] leafLocals = new int[tests.length][];
        for (int l = 0; l < tests.length; l++) {
            leafFormulas[l] = new int[counts[l]];
            leafLocals[l] = new int[counts[l]];
            counts[l] = 0;
        }
        int formulaSize = 0;
        for (int f = 0; f < formulas.length; f++) {
            formulaSize = Math.max(formulaSize, formulas[f].size());
            int[] ids = formulas[f].leafIds;
            for (int local = 0; local < ids.length; local++) {
                int id = ids[local];
                leafFormulas[id][counts[id]] = f;
                leafLocals[id][counts[id]++] = local;
            }
        }
        int scratchSize = formulaSize;
        // Tracking every formula's three-valued state as leaves are decided lets a walk stop early, but costs work
        // for every leaf decided, false ones included: worth it for a pattern or a few, not for a large set, whose
        // walk reads the whole event anyway (some pattern waits for a field most events lack). A large set records
        // only the leaves that hold, and evaluates the formulas they belong to once the event has ended.
        this.finalOnly = formulas.length > 1 && tests.length > FINAL_ONLY_LEAVES;
        List<Integer> always = new ArrayList<>();
        for (int f = 0; f < formulas.length; f++) {
            Formula formula = formulas[f];
            byte[] allFalse = new byte[formula.leafIds.length];
            java.util.Arrays.fill(allFalse, Formula.FALSE);
            if (formula.evaluate(allFalse, new byte[formula.size()]) == Formula.TRUE) {
                always.add(f);
            }
        }
        this.holdWithoutTrueLeaves = always.stream().mapToInt(Integer::intValue).toArray();
        boolean finalMode = finalOnly;
        this.states = ThreadLocal.withInitial(() -> new JsonState(tests.length, nodes.length, scratchSize,
                frameCapacities, leafFormulas, leafLocals, formulas.length, captureCount, finalMode));
    }

    /** The literals every matching message contains (for a set, {@link Prefilter#NONE} unless given one). */
    public Prefilter prefilter() {
        return prefilter;
    }

    /** How many patterns (formulas) the matcher evaluates. */
    public int formulaCount() {
        return formulas.length;
    }

    /** How many distinct clauses (leaves) the patterns hold together: each is tested once per selected value. */
    public int leafCount() {
        return tests.length;
    }

    /** The calling thread's prefilter gate (for tests: whether the prefilter is paused). */
    PrefilterGate gate() {
        return states.get().gate;
    }

    @Override
    public boolean matches(String message) {
        JsonState st = states.get();
        return evaluate(message, st) == Utf8Walk.TRUE && st.formulaValue[0] == Formula.TRUE;
    }

    @Override
    public boolean matches(byte[] utf8, int offset, int length) {
        JsonState st = states.get();
        return evaluate(utf8, offset, length, st) == Utf8Walk.TRUE && st.formulaValue[0] == Formula.TRUE;
    }

    /**
     * Evaluates every pattern on the message: sets bit {@code bitOfFormula[f]} of {@code into} for each pattern
     * {@code f} that matches (other bits are left as they are). The captures of the message can then be read with
     * {@link #captured}, on this thread, until its next evaluation.
     *
     * @return whether some pattern matched
     */
    public boolean matchAll(String message, BitSet into, int[] bitOfFormula) {
        JsonState st = states.get();
        return evaluate(message, st) == Utf8Walk.TRUE && setBits(st, into, bitOfFormula);
    }

    /** {@link #matchAll(String, BitSet, int[])} for the UTF-8 message in {@code utf8[offset, offset+length)}. */
    public boolean matchAll(byte[] utf8, int offset, int length, BitSet into, int[] bitOfFormula) {
        JsonState st = states.get();
        return evaluate(utf8, offset, length, st) == Utf8Walk.TRUE && setBits(st, into, bitOfFormula);
    }

    private static boolean setBits(JsonState st, BitSet into, int[] bitOfFormula) {
        byte[] values = st.formulaValue;
        for (int f = 0; f < values.length; f++) {
            if (values[f] == Formula.TRUE) {
                into.set(bitOfFormula[f]);
            }
        }
        return true;
    }

    /**
     * The value capture {@code slot} took from the last message this thread evaluated, if a pattern matched it: the
     * text of a string, the literal of a number, {@code true} or {@code false}; null for a field that is absent, null,
     * an object or an array (what {@link JsonFieldReader} reads). A repeated key gives its last value.
     */
    public String captured(int slot) {
        return states.get().captured(slot);
    }

    /** FALSE if no pattern matches; TRUE if some do (then {@code st.formulaValue} says which). */
    private int evaluate(String message, JsonState st) {
        int start = jsonStart(message);
        if (start < 0) {
            return Utf8Walk.FALSE;
        }
        if (prefilter == Prefilter.NONE) {
            return evaluateText(message, start, st);
        }
        PrefilterGate gate = st.gate;
        int result = !gate.begin() || prefilter.mayMatch(message) ? evaluateText(message, start, st) : Utf8Walk.FALSE;
        gate.end();
        return result;
    }

    /** The text's answer, the prefilter passed or not asked; {@code start} is where its JSON object starts. */
    private int evaluateText(String message, int start, JsonState st) {
        int length = st.encoded.encode(message, start);
        if (length >= 0) {
            // Valid UTF-8 of the text from its '{': the byte parser's answer is the text's (no decoding fallback).
            byte[] utf8 = st.encoded.bytes();
            int fast = Utf8Walk.evaluate(this, utf8, 0, length, st, maxNesting);
            if (fast != Utf8Walk.UNSURE) {
                return fast;
            }
            try {
                return exact(st.parser(factory).reset(utf8, 0, length), st);
            } catch (IOException e) {
                return Utf8Walk.FALSE;
            }
        }
        // Too long to encode into the reused buffer, or a lone surrogate that UTF-8 cannot carry.
        try (JsonParser parser = factory.createParser(lenientPrefix && start > 0 ? message.substring(start) : message)) {
            return exact(parser, st);
        } catch (IOException e) {
            return Utf8Walk.FALSE;
        }
    }

    private int evaluate(byte[] utf8, int offset, int length, JsonState st) {
        int start = jsonStart(utf8, offset, offset + length);
        if (start < 0) {
            return Utf8Walk.FALSE;
        }
        if (prefilter == Prefilter.NONE) {
            return evaluateUtf8(utf8, offset, length, start, st);
        }
        PrefilterGate gate = st.gate;
        int result = !gate.begin() || prefilter.mayMatch(utf8, offset, length)
                ? evaluateUtf8(utf8, offset, length, start, st) : Utf8Walk.FALSE;
        gate.end();
        return result;
    }

    /** The event's answer, the prefilter passed or not asked; {@code start} is where its JSON object starts. */
    private int evaluateUtf8(byte[] utf8, int offset, int length, int start, JsonState st) {
        int fast = Utf8Walk.evaluate(this, utf8, start, offset + length, st, maxNesting);
        if (fast != Utf8Walk.UNSURE) {
            return fast;
        }
        if (ByteSearch.indexOf(utf8, offset, offset + length, (byte) 0xFF) >= 0) {
            // jackson-core pads the last quad of a field name with 0xFF bytes, so the malformed name "\xFFb" finds
            // the cached name "b". 0xFF never occurs in UTF-8: evaluate the decoded text instead.
            return evaluateDecoded(new String(utf8, offset, length, StandardCharsets.UTF_8), st);
        }
        try {
            return exact(st.parser(factory).reset(utf8, start, offset + length), st);
        } catch (IOException e) {
            // The byte parser rejects malformed UTF-8 that decoding would replace with U+FFFD; answer for the decoded
            // text, as matches(String) would. ASCII decodes to itself and would fail the same way again.
            return ByteSearch.isAscii(utf8, offset, offset + length) ? Utf8Walk.FALSE
                    : evaluateDecoded(new String(utf8, offset, length, StandardCharsets.UTF_8), st);
        }
    }

    /** The answer for an event's decoded text, inside an evaluation the gate already times. */
    private int evaluateDecoded(String message, JsonState st) {
        int start = jsonStart(message);
        return start < 0 ? Utf8Walk.FALSE : evaluateText(message, start, st);
    }

    @Override
    public Map<String, String> extract(String message) {
        return matches(message) ? Map.of() : null;
    }

    /** Why a single pattern's matcher matches the message or not (a set is explained pattern by pattern). */
    @Override
    public Explanation explain(String message) {
        if (formulas.length != 1) {
            throw new IllegalStateException("a set of " + formulas.length + " patterns is explained pattern by pattern");
        }
        Formula formula = formulas[0];
        boolean matched = matches(message);
        int start = jsonStart(message);
        if (start < 0) {
            return new Explanation(false, lenientPrefix ? "the message holds no JSON object"
                    : "the message is not a JSON object" + (message.indexOf('{') > 0
                    ? " (it has text before its '{', and lenientJsonPrefix is off)" : ""), List.of());
        }
        TreeEvaluation tree;
        try (JsonParser parser = factory.createParser(start == 0 ? message : message.substring(start))) {
            tree = TreeEvaluation.of(root, nodes, tests, captureCount, parser, true);
        } catch (IOException e) {
            String detail = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
            return new Explanation(false, "the message is not well-formed JSON: " + detail, List.of());
        }
        byte[] values = new byte[formula.size()];
        boolean clausesSayMatch = formula.evaluate(leafValues(formula, tree.holds()), values) == Formula.TRUE;
        boolean[] holds = new boolean[formula.leafIds.length];
        boolean[] deciding = new boolean[formula.leafIds.length];
        formula.explain(values, matched, holds, deciding);
        String[] observed = tree.observed();
        List<Explanation.Outcome> outcomes = new ArrayList<>();
        for (int local = 0; local < formula.leafIds.length; local++) {
            int leaf = formula.leafIds[local];
            String seen = observed[leaf] != null ? observed[leaf]
                    : existential[leaf] ? "no value selected" : "missing";
            // When the clauses say otherwise, the document's shape decided (two values, trailing text), not a clause.
            outcomes.add(new Explanation.Outcome(clauses[leaf], holds[local], seen,
                    deciding[local] && clausesSayMatch == matched));
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
     * For tests: the byte walk's own answer for the UTF-8 event {@code utf8} (whole), without the prefilter and
     * without falling back: {@link Utf8Walk#TRUE}, {@link Utf8Walk#FALSE} or {@link Utf8Walk#UNSURE}.
     */
    int walk(byte[] utf8) {
        int start = jsonStart(utf8, 0, utf8.length);
        return start < 0 ? Utf8Walk.FALSE : Utf8Walk.evaluate(this, utf8, start, utf8.length, states.get(), maxNesting);
    }

    /** For tests: the exact answer for the UTF-8 event {@code utf8}, read into a tree by jackson-core. */
    boolean exactly(byte[] utf8) {
        int start = jsonStart(utf8, 0, utf8.length);
        JsonState st = states.get();
        try (JsonParser parser = factory.createParser(utf8, Math.max(start, 0), utf8.length - Math.max(start, 0))) {
            return start >= 0 && exact(parser, st) == Utf8Walk.TRUE && st.formulaValue[0] == Formula.TRUE;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * The exact answer, read by jackson-core into a tree where a repeated key's last value counts: FALSE if no
     * pattern matches, else TRUE with every formula's value and the captures in {@code st}.
     */
    private int exact(JsonParser p, JsonState st) throws IOException {
        TreeEvaluation tree = TreeEvaluation.of(root, nodes, tests, captureCount, p, false);
        if (!tree.single()) {
            return Utf8Walk.FALSE;
        }
        boolean[] leafHolds = tree.holds();
        boolean[] holds = new boolean[formulas.length];
        boolean any = false;
        for (int f = 0; f < formulas.length; f++) {
            Formula formula = formulas[f];
            holds[f] = formula.evaluate(leafValues(formula, leafHolds), new byte[formula.size()]) == Formula.TRUE;
            any |= holds[f];
        }
        st.decideAll(holds);
        st.capturedTexts(tree.captured());
        return any ? Utf8Walk.TRUE : Utf8Walk.FALSE;
    }

    /** The formula's leaves decided: true where a value passed, false elsewhere; by local leaf. */
    private static byte[] leafValues(Formula formula, boolean[] holds) {
        byte[] values = new byte[formula.leafIds.length];
        for (int local = 0; local < values.length; local++) {
            values[local] = holds[formula.leafIds[local]] ? Formula.TRUE : Formula.FALSE;
        }
        return values;
    }

    // ---- the steps of Utf8Walk ----

    /** What a selection returns when the name had already selected its node in the same object: a repeated key. */
    static final int REPEATED = -1;

    /**
     * Adds what a property reaches from {@code node}, its named child and its wildcard child, to {@code st.nextNodes}
     * from {@code n}; the new count, or {@link #REPEATED} if the named child was selected before in the same object.
     *
     * @param object the serial of the object the property is in
     */
    private static int selectProperty(JsonState st, long object, int n, TrieNode node, TrieNode child) {
        if (child != null) {
            if (!st.firstSelection(child, object)) {
                return REPEATED;
            }
            st.nextNodes[n++] = child.id;
        }
        if (node.wildcard != null) {
            st.nextNodes[n++] = node.wildcard.id;
        }
        return n;
    }

    /**
     * Whether {@code b[from, end)} certainly holds no name of the root object that selects something: none is there
     * in its raw spelling, and there is no backslash that could spell one otherwise. Then no key of the root that
     * selects anything can repeat after {@code from}. False if unsure (a wildcard selects every name of the root).
     */
    boolean noRootNameIn(byte[] b, int from, int end) {
        if (rootNames == null) {
            return false;
        }
        for (ByteSearch.Needle name : rootNames) {
            if (ByteSearch.indexOfUnlessBackslash(b, from, end, name) != -1) {
                return false;
            }
        }
        return true;
    }

    /** Starts the walk of a new event at the document's root object. */
    void startWalk(JsonState st, byte[] b) {
        long serial = st.reset();
        if (captureCount > 0) {
            st.walked = b;
        }
        st.frameNodes[0][0] = root.id;
        st.frameSize[0] = 1;
        st.frameIsArray[0] = false;
        st.frameNameLengths[0] = root.selectingLengths;
        st.frameOnly[0] = root;
        st.frameSerial[0] = serial;
        st.frameEnumerated[0] = root.wildcard != null;
        st.frameWatchesNulls[0] = false;
    }

    /**
     * What a property name reaches from the frame at {@code depth}, whose only node is {@code node}, given the node's
     * child for the name (or null), into {@code st.nextNodes}; {@code st.nextSize} is {@link #REPEATED} for a repeated
     * key. The byte walk looks the child up itself: a call of the general
     * {@link #selectByName(JsonState, int, byte[], int, int)} per property is too large for the JIT to inline.
     */
    void selectChild(JsonState st, int depth, TrieNode node, TrieNode child) {
        st.nextSize = selectProperty(st, st.frameSerial[depth], 0, node, child);
    }

    /**
     * The trie nodes reached by a property name given in UTF-8, into {@code st.nextNodes}; {@code st.nextSize} is
     * {@link #REPEATED} for a repeated key.
     */
    void selectByName(JsonState st, int depth, byte[] b, int off, int len) {
        int n = 0;
        if (!st.frameIsArray[depth]) {
            int[] frame = st.frameNodes[depth];
            long object = st.frameSerial[depth];
            for (int i = 0; i < st.frameSize[depth] && n >= 0; i++) {
                TrieNode node = nodes[frame[i]];
                n = selectProperty(st, object, n, node, node.child(b, off, len));
            }
        }
        st.nextSize = n;
    }

    private static final int TEXT = 0;
    private static final int NUMBER = 1;
    private static final int BOOLEAN_TRUE = 2;
    private static final int BOOLEAN_FALSE = 3;
    private static final int NULL = 4;
    private static final int OBJECT = 5;
    private static final int ARRAY = 6;

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

    void testContainer(JsonState st, boolean array) {
        testSelected(st, array ? ARRAY : OBJECT, null, 0);
    }

    private void testSelected(JsonState st, int kind, char[] chars, int length) {
        for (int i = 0; i < st.nextSize; i++) {
            TrieNode node = nodes[st.nextNodes[i]];
            if (node.leaves.length > 0) {
                // Kept apart and rarely called: the walk tests every selected container, and most end no selector.
                testLeaves(st, node, kind, chars, length);
            }
            if (node.captures.length > 0) {
                capture(st, node, kind);
            }
        }
    }

    /** Records the current value (at {@code st.valueStart}..{@code st.valueEnd} of the walked bytes) for the node's captures. */
    private static void capture(JsonState st, TrieNode node, int kind) {
        byte captured = switch (kind) {
            case TEXT -> JsonState.CAPTURED_STRING;
            case NUMBER -> JsonState.CAPTURED_NUMBER;
            case BOOLEAN_TRUE -> JsonState.CAPTURED_TRUE;
            case BOOLEAN_FALSE -> JsonState.CAPTURED_FALSE;
            default -> JsonState.CAPTURED_NOTHING;
        };
        for (int slot : node.captures) {
            st.capture(slot, captured);
        }
    }

    /** Tests the current value against the node's leaves that are still undecided. */
    private void testLeaves(JsonState st, TrieNode node, int kind, char[] chars, int length) {
        if ((kind == TEXT || kind == NUMBER) && node.indexed()) {
            // The equality leaves that hold: those whose literal is the value. The others are false on it, which
            // the node's end records (finish) or, in a set, the formulas' final evaluation assumes.
            int[] equal = node.exactMatches(chars, length);
            if (equal != null) {
                for (int leaf : equal) {
                    if (!st.resolved(leaf)) {
                        st.resolve(leaf, true);
                    }
                }
            }
        }
        for (int leaf : node.plainLeaves) {
            if (st.resolved(leaf)) {
                continue;
            }
            ValueTest test = tests[leaf];
            boolean result = switch (kind) {
                case TEXT -> test.onString(chars, 0, length);
                case NUMBER -> test.onNumber(chars, 0, length);
                case BOOLEAN_TRUE -> test.onBoolean(true);
                case BOOLEAN_FALSE -> test.onBoolean(false);
                case NULL -> test.onNull();
                default -> test.onContainer();
            };
            if (!result && kind == ARRAY && watchesNulls[leaf]) {
                // Its elements decide: a direct null makes it true (nullElement), the array's end false (finishFrame).
                continue;
            }
            if (result || !existential[leaf]) {
                st.resolve(leaf, result);
            }
        }
    }

    /** The array of the frame at {@code depth} directly holds a null: the {@code IS NULL} leaves of its nodes hold. */
    void nullElement(JsonState st, int depth) {
        int[] frame = st.frameNodes[depth];
        for (int i = 0; i < st.frameSize[depth]; i++) {
            TrieNode node = nodes[frame[i]];
            if (node.watchesNulls) {
                for (int leaf : node.leaves) {
                    if (watchesNulls[leaf] && !st.resolved(leaf)) {
                        st.resolve(leaf, true);
                    }
                }
            }
        }
    }

    /**
     * Opens a frame below {@code depth} for the selected nodes that select into the container (or watch an array's
     * nulls); how many there are.
     */
    int pushChildren(JsonState st, int depth, boolean array) {
        int pushed = 0;
        long lengths = 0;
        boolean enumerated = false;
        boolean watches = false;
        int[] frame = st.frameNodes[depth + 1];
        for (int i = 0; i < st.nextSize; i++) {
            TrieNode node = nodes[st.nextNodes[i]];
            if (node.hasChildren || (array && node.watchesNulls)) {
                frame[pushed++] = node.id;
                lengths |= node.selectingLengths;
                enumerated |= node.wildcard != null;
                watches |= node.watchesNulls;
            }
        }
        if (pushed > 0) {
            st.frameSize[depth + 1] = pushed;
            st.frameNameLengths[depth + 1] = lengths;
            st.frameOnly[depth + 1] = pushed == 1 ? nodes[frame[0]] : null;
            st.frameIsArray[depth + 1] = array;
            st.frameIndex[depth + 1] = 0;
            st.frameSerial[depth + 1] = st.nextSerial();
            st.frameEnumerated[depth + 1] = enumerated && !array;
            st.frameWatchesNulls[depth + 1] = watches && array;
        }
        return pushed;
    }

    void finishSelected(JsonState st) {
        if (!finalOnly) {
            finish(st, st.nextNodes, st.nextSize);
        }
    }

    void finishFrame(JsonState st, int depth) {
        if (!finalOnly) {
            finish(st, st.frameNodes[depth], st.frameSize[depth]);
        } else if (depth == 0) {
            finalVerdict(st);
        }
    }

    /** {@link Utf8Walk#TRUE}, {@link Utf8Walk#FALSE} or, while undecided, {@link Utf8Walk#UNSURE}. */
    int verdict(JsonState st) {
        if (finalOnly) {
            return st.undecided > 0 ? Utf8Walk.UNSURE : st.trueCount > 0 ? Utf8Walk.TRUE : Utf8Walk.FALSE;
        }
        byte v = decided(st);
        return v == Formula.UNKNOWN ? Utf8Walk.UNSURE : v;
    }

    /**
     * A large set's evaluation once its root object has ended: every leaf not found true is false, and the formulas
     * evaluated are those a true leaf belongs to and those that hold with every leaf false (a {@code NOT EXISTS}); all
     * the others are false.
     */
    private void finalVerdict(JsonState st) {
        for (int f : holdWithoutTrueLeaves) {
            st.markCandidate(f);
        }
        int n = st.dirtyCount;
        int[] dirty = st.dirty;
        for (int k = 0; k < n; k++) {
            int f = dirty[k];
            st.cleaned(f);
            if (formulas[f].evaluateFinal(st, st.scratch) == Formula.TRUE) {
                st.formulaValue[f] = Formula.TRUE;
                st.trueCount++;
            }
        }
        st.dirtyCount = 0;
        st.undecided = 0;
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

    /**
     * The values of the given (definite) nodes have ended: every leaf at or below them that is still undecided is
     * false (a missing field, a wildcard that selected nothing that passed, an array without a null).
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
                for (int slot : node.subtreeCaptures) {
                    st.captureMissing(slot);
                }
            }
        }
    }

    /**
     * The set's value for the leaves resolved so far: UNKNOWN while a formula is undecided (or, once one holds, while
     * a capture still waits for its value), else TRUE if some formula holds and FALSE if none does. A formula is
     * evaluated again only after one of its leaves has been resolved, and never again once decided.
     */
    private byte decided(JsonState st) {
        int n = st.dirtyCount;
        if (n > 0) {
            int[] dirty = st.dirty;
            for (int k = 0; k < n; k++) {
                int f = dirty[k];
                st.cleaned(f);
                byte v = formulas[f].value(st, f);
                if (v != Formula.UNKNOWN) {
                    st.decide(f, v);
                }
            }
            st.dirtyCount = 0;
        }
        if (st.undecided > 0) {
            return Formula.UNKNOWN;
        }
        if (st.trueCount == 0) {
            return Formula.FALSE;
        }
        return st.pendingCaptures > 0 ? Formula.UNKNOWN : Formula.TRUE;
    }
}
