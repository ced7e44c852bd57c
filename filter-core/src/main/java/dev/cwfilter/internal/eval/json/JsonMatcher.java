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
    /** One formula per pattern. */
    private final Formula[] formulas;
    private final Prefilter prefilter;
    private final EventJsonFactory factory;
    private final boolean lenientPrefix;
    private final ThreadLocal<JsonState> states;
    private final int captureCount;
    /** The fast path over UTF-8 bytes. */
    private final Utf8Walk walk;
    /** Per formula, the trie nodes on the way to its leaves (the root aside), and its leaves. */
    private final int[][] nodesOf;
    private final int[][] leavesOf;
    /** The trie nodes on the way to a capture (the root aside): every evaluation needs them. */
    private final int[] capturing;
    /** Above this many distinct leaves a set of several patterns is evaluated only once the event has ended. */
    static final int FINAL_ONLY_LEAVES = 16;

    JsonMatcher(TrieNode root, TrieNode[] nodes, ValueTest[] tests, Clause[] clauses, boolean[] existential,
                boolean[] watchesNulls, Formula[] formulas, Prefilter prefilter, EventJsonFactory factory,
                boolean lenientPrefix, int[] frameCapacities, int captureCount) {
        this.root = root;
        this.nodes = nodes;
        this.tests = tests;
        this.clauses = clauses;
        this.existential = existential;
        this.formulas = formulas;
        this.prefilter = prefilter;
        this.factory = factory;
        this.lenientPrefix = lenientPrefix;
        this.captureCount = captureCount;
        // Per leaf, the formulas that hold it and what its being false adds to each one's assignment (twice that if
        // true; see Formula#weight).
        int[] counts = new int[tests.length];
        for (Formula f : formulas) {
            for (int id : f.leafIds) {
                counts[id]++;
            }
        }
        int[][] leafFormulas = new int[tests.length][];
        int[][] leafWeights = new int[tests.length][];
        for (int l = 0; l < tests.length; l++) {
            leafFormulas[l] = new int[counts[l]];
            leafWeights[l] = new int[counts[l]];
            counts[l] = 0;
        }
        int formulaSize = 0;
        for (int f = 0; f < formulas.length; f++) {
            formulaSize = Math.max(formulaSize, formulas[f].size());
            int[] ids = formulas[f].leafIds;
            for (int local = 0; local < ids.length; local++) {
                int id = ids[local];
                leafFormulas[id][counts[id]] = f;
                leafWeights[id][counts[id]++] = Formula.weight(local, false);
            }
        }
        this.nodesOf = new int[formulas.length][];
        this.leavesOf = new int[formulas.length][];
        BitSet capturingNodes = new BitSet();
        BitSet[] formulaNodes = new BitSet[formulas.length];
        for (int f = 0; f < formulas.length; f++) {
            formulaNodes[f] = new BitSet();
            leavesOf[f] = formulas[f].leafIds;
        }
        for (TrieNode node : nodes) {
            if (node == root) {
                continue;
            }
            for (int leaf : node.subtreeLeaves) {
                for (int f : leafFormulas[leaf]) {
                    formulaNodes[f].set(node.id);
                }
            }
            if (node.subtreeCaptures.length > 0) {
                capturingNodes.set(node.id);
            }
        }
        for (int f = 0; f < formulas.length; f++) {
            nodesOf[f] = formulaNodes[f].stream().toArray();
        }
        this.capturing = capturingNodes.stream().toArray();
        int scratchSize = formulaSize;
        // Tracking every formula's three-valued state as leaves are decided lets a walk stop early, but costs work
        // for every leaf decided, false ones included: worth it for a pattern or a few, not for a large set, whose
        // walk reads the whole event anyway (some pattern waits for a field most events lack). A large set records
        // only the leaves that hold, and evaluates the formulas they belong to once the event has ended.
        boolean finalOnly = formulas.length > 1 && tests.length > FINAL_ONLY_LEAVES;
        this.walk = new Utf8Walk(root, nodes, tests, existential, watchesNulls, formulas, finalOnly, captureCount > 0,
                factory.streamReadConstraints().getMaxNestingDepth());
        this.states = ThreadLocal.withInitial(() -> new JsonState(tests.length, nodes.length, scratchSize,
                frameCapacities, leafFormulas, leafWeights, formulas.length, captureCount, finalOnly));
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
        st.unrestricted();
        return evaluate(message, st) == Utf8Walk.TRUE && st.formulaValue[0] == Formula.TRUE;
    }

    @Override
    public boolean matches(byte[] utf8, int offset, int length) {
        JsonState st = states.get();
        st.unrestricted();
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
        return matchAll(message, into, bitOfFormula, null, 0);
    }

    /** {@link #matchAll(String, BitSet, int[])} for the UTF-8 message in {@code utf8[offset, offset+length)}. */
    public boolean matchAll(byte[] utf8, int offset, int length, BitSet into, int[] bitOfFormula) {
        return matchAll(utf8, offset, length, into, bitOfFormula, null, 0);
    }

    /**
     * {@link #matchAll(String, BitSet, int[])} for only the patterns {@code live[0, liveCount)} (all if {@code live}
     * is null): the caller knows the others cannot match (a set's prefilter found a literal they need missing), and
     * their bits are left clear. The walk selects only the fields those patterns read, tests only their clauses,
     * evaluates only their formulas and, for a pattern or a few, stops once those are decided.
     */
    public boolean matchAll(String message, BitSet into, int[] bitOfFormula, int[] live, int liveCount) {
        JsonState st = restricted(live, liveCount);
        return evaluate(message, st) == Utf8Walk.TRUE && setBits(st, into, bitOfFormula);
    }

    /**
     * {@link #matchAll(String, BitSet, int[], int[], int)} for the UTF-8 message in
     * {@code utf8[offset, offset+length)}.
     */
    public boolean matchAll(byte[] utf8, int offset, int length, BitSet into, int[] bitOfFormula, int[] live,
                            int liveCount) {
        JsonState st = restricted(live, liveCount);
        return evaluate(utf8, offset, length, st) == Utf8Walk.TRUE && setBits(st, into, bitOfFormula);
    }

    /** This thread's state, set to evaluate the formulas {@code live[0, liveCount)} (all if {@code live} is null). */
    private JsonState restricted(int[] live, int liveCount) {
        JsonState st = states.get();
        if (live == null) {
            st.unrestricted();
        } else {
            st.restrict(live, liveCount, nodesOf, leavesOf, capturing);
        }
        return st;
    }

    private static boolean setBits(JsonState st, BitSet into, int[] bitOfFormula) {
        byte[] values = st.formulaValue;
        int[] live = st.liveFormulas();
        if (live != null) {
            for (int k = 0, n = st.liveCount(); k < n; k++) {
                if (values[live[k]] == Formula.TRUE) {
                    into.set(bitOfFormula[live[k]]);
                }
            }
            return true;
        }
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
            int fast = walk.evaluate(utf8, 0, length, st);
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
        int fast = walk.evaluate(utf8, start, offset + length, st);
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
        JsonState st = states.get();
        st.unrestricted();
        return start < 0 ? Utf8Walk.FALSE : walk.evaluate(utf8, start, utf8.length, st);
    }

    /** For tests: the exact answer for the UTF-8 event {@code utf8}, read into a tree by jackson-core. */
    boolean exactly(byte[] utf8) {
        int start = jsonStart(utf8, 0, utf8.length);
        JsonState st = states.get();
        st.unrestricted();
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
            if (!st.liveFormula(f)) {
                continue;
            }
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
}
