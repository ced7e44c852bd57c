package dev.cwfilter.internal.eval.json;

import dev.cwfilter.internal.eval.search.ByteSearch;
import dev.cwfilter.internal.eval.value.ValueTest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The fast path of {@link JsonMatcher} over UTF-8 bytes: a walk of the selector trie driven by {@link JsonSkipper}'s
 * strict scan. Property names are compared with the trie's as bytes, a value reaching a leaf is decoded into the
 * thread's scratch characters, and everything else is skipped. Every step of the walk lives here: selecting trie
 * nodes by name or index, testing values against leaves, deciding formulas, watching for repeats; the per-event
 * values it reads and writes are the caller's per-thread {@link JsonState}, and the formulas' logic is
 * {@link Formula}'s. Data flows one way: the matcher calls the walk, the walk calls the state, the formulas, the trie
 * and the skipper, and none of them calls back.
 *
 * <p>A key's last value is its value (SEMANTICS.md O3), so no leaf is final before the event ends: a later repeat of
 * its key, or of a key above it, could replace the value it was decided on. The walk decides each leaf on the first
 * value it selects and watches for repeats instead: every key that selects a trie node is stamped with the object it
 * is in, and in an object a wildcard enumerates every name is recorded. A repeat answers {@link #UNSURE}, and
 * {@link TreeEvaluation} reads the event exactly; events without one (nearly all) are answered here. Once the formula
 * is decided by the leaves seen so far, the walk stops testing values and only {@linkplain #watch watches} the rest of
 * the open objects for a repeat, and the rest of the event for well-formedness.
 *
 * <p>It answers {@link #TRUE} only for a document it has read entirely and found strictly well formed and free of
 * repeats of the keys it selected; {@link #FALSE} when the formula is false and it has made sure no such repeat
 * follows (a malformed rest could not make the event match); and {@link #UNSURE} for anything else (a repeat, an
 * escape in a property name, overlong UTF-8, a value over 64 Ki characters, deep nesting, malformed JSON), in which
 * case the caller evaluates the event again with jackson-core, whose answer counts.
 *
 * <p>Immutable and thread-safe: one per matcher; the scratch state is the caller's per-thread {@link JsonState}.
 */
final class Utf8Walk {

    /** The formula's own values for a decided event; UNSURE for "ask jackson-core". */
    static final int FALSE = Formula.FALSE;
    static final int TRUE = Formula.TRUE;
    static final int UNSURE = -1;

    /** The longest string value decoded for a test here; a longer one is left to jackson-core. */
    static final int MAX_DECODED_CHARS = 64 * 1024;

    /** What a selection returns when the name had already selected its node in the same object: a repeated key. */
    private static final int REPEATED = -1;

    private final TrieNode root;
    private final TrieNode[] nodes;
    private final ValueTest[] tests;
    private final boolean[] existential;
    /** Per leaf, whether an array's direct null elements can decide it ({@code IS NULL}). */
    private final boolean[] watchesNulls;
    /** One formula per pattern. */
    private final Formula[] formulas;
    /**
     * Whether formulas are evaluated only once the event has ended (a large set) rather than tracked leaf by leaf,
     * which lets the walk stop as soon as every formula is decided (a pattern, a small set).
     */
    private final boolean finalOnly;
    /** The formulas that hold when all their leaves are false (they hold a {@code NOT EXISTS}). */
    private final int[] holdWithoutTrueLeaves;
    /**
     * The root object's names that select something, quoted ({@code "eventName"}), as they appear in the raw JSON
     * unless an escape spells them; null if a wildcard selects every name of the root.
     */
    private final ByteSearch.Needle[] rootNames;
    private final boolean captures;
    private final int maxNesting;

    /**
     * The walk of a matcher's trie.
     *
     * @param finalOnly  whether formulas are evaluated only once the event has ended (see {@link JsonState})
     * @param captures   whether some node captures a value
     * @param maxNesting the deepest nesting jackson-core accepts
     */
    Utf8Walk(TrieNode root, TrieNode[] nodes, ValueTest[] tests, boolean[] existential, boolean[] watchesNulls,
             Formula[] formulas, boolean finalOnly, boolean captures, int maxNesting) {
        this.root = root;
        this.nodes = nodes;
        this.tests = tests;
        this.existential = existential;
        this.watchesNulls = watchesNulls;
        this.formulas = formulas;
        this.finalOnly = finalOnly;
        this.captures = captures;
        this.maxNesting = maxNesting;
        this.rootNames = root.wildcard != null ? null : Arrays.stream(root.utf8Names)
                .map(name -> {
                    byte[] quoted = new byte[name.length + 2];
                    quoted[0] = '"';
                    System.arraycopy(name, 0, quoted, 1, name.length);
                    quoted[quoted.length - 1] = '"';
                    return ByteSearch.Needle.of(quoted);
                }).toArray(ByteSearch.Needle[]::new);
        List<Integer> always = new ArrayList<>();
        for (int f = 0; f < formulas.length; f++) {
            Formula formula = formulas[f];
            byte[] allFalse = new byte[formula.leafIds.length];
            Arrays.fill(allFalse, Formula.FALSE);
            if (formula.evaluate(allFalse, new byte[formula.size()]) == Formula.TRUE) {
                always.add(f);
            }
        }
        this.holdWithoutTrueLeaves = always.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * Evaluates the JSON object whose {@code '{'} is at {@code open}: on {@link #TRUE}, {@code st.formulaValue} says
     * which formulas hold.
     *
     * @return {@link #TRUE}, {@link #FALSE} or {@link #UNSURE}
     */
    int evaluate(byte[] b, int open, int end, JsonState st) {
        start(st, b);
        int depth = 0;
        int i = open + 1;
        boolean first = true;
        while (true) {
            // An element position in the container of frame `depth`.
            i = JsonSkipper.whitespace(b, i, end);
            if (i >= end) {
                return UNSURE;
            }
            int c = b[i];
            boolean inArray = st.frameIsArray[depth];
            boolean closed = false;
            if (first && c == (inArray ? ']' : '}')) {
                i++;
                closed = true;
            } else {
                if (inArray) {
                    selectByIndex(st, depth, st.frameIndex[depth]++);
                    if (c == 'n' && st.frameWatchesNulls[depth]) {
                        // A null element directly in an array whose IS NULL is open (if it is not a well-formed null,
                        // reading it below finds out and the event goes to jackson-core).
                        nullElement(st, depth);
                    }
                } else {
                    i = property(st, depth, b, i, end);
                    if (i < 0) {
                        return UNSURE;
                    }
                    c = b[i];
                }
                if (st.nextSize == 0) {
                    i = skipValue(b, i, end, c, maxNesting - (depth + 2));
                    if (i < 0) {
                        return UNSURE;
                    }
                } else if (c == '{' || c == '[') {
                    if (depth + 2 > maxNesting) {
                        return UNSURE;
                    }
                    testSelected(st, c == '[' ? ARRAY : OBJECT, null, 0);
                    int pushed = pushChildren(st, depth, c == '[');
                    i++;
                    if (pushed > 0) {
                        depth++;
                        first = true;
                        int verdict = verdict(st);
                        if (verdict != UNSURE) {
                            return watch(st, b, i, end, depth, true, verdict);
                        }
                        continue;
                    }
                    i = JsonSkipper.skipContainer(b, i, end, c == '{', maxNesting - (depth + 2));
                    if (i < 0) {
                        return UNSURE;
                    }
                    int verdict = verdict(st);
                    if (verdict != UNSURE) {
                        return watch(st, b, i, end, depth, false, verdict);
                    }
                } else {
                    i = testScalar(st, b, i, end, c);
                    if (i < 0) {
                        return UNSURE;
                    }
                    if (!finalOnly) {
                        finish(st, st.nextNodes, st.nextSize);
                    }
                    int verdict = verdict(st);
                    if (verdict != UNSURE) {
                        return watch(st, b, i, end, depth, false, verdict);
                    }
                }
            }
            // After a value (or a closing bracket) in the container of frame `depth`.
            while (true) {
                if (!closed) {
                    i = JsonSkipper.whitespace(b, i, end);
                    if (i >= end) {
                        return UNSURE;
                    }
                    c = b[i];
                    if (c == ',') {
                        i++;
                        first = false;
                        break;
                    }
                    if (c != (st.frameIsArray[depth] ? ']' : '}')) {
                        return UNSURE;
                    }
                    i++;
                }
                closed = false;
                finishFrame(st, depth);
                if (depth == 0) {
                    if (verdict(st) != TRUE) {
                        return FALSE;
                    }
                    return JsonSkipper.whitespace(b, i, end) == end ? TRUE : UNSURE;
                }
                depth--;
                int verdict = verdict(st);
                if (verdict != UNSURE) {
                    return watch(st, b, i, end, depth, false, verdict);
                }
            }
        }
    }

    /**
     * Reads the property name at {@code b[i]} of the object of frame {@code depth}, looks it up ({@link #select}) and
     * reads the colon after it: the index of the first byte of its value, or {@link #UNSURE} (a malformed or escaped
     * name, a repeated key).
     */
    private int property(JsonState st, int depth, byte[] b, int i, int end) {
        if (b[i] != '"') {
            return UNSURE;
        }
        // A name with an escape is left to jackson-core, which decodes it before comparing.
        int nameEnd = JsonSkipper.string(b, i + 1, end, JsonSkipper.PLAIN_NAME);
        if (nameEnd < 0 || !select(st, depth, b, i + 1, nameEnd - 1 - (i + 1))) {
            return UNSURE;
        }
        i = JsonSkipper.whitespace(b, nameEnd, end);
        if (i >= end || b[i] != ':') {
            return UNSURE;
        }
        i = JsonSkipper.whitespace(b, i + 1, end);
        return i < end ? i : UNSURE;
    }

    /**
     * Looks up the property name {@code b[off, off+len)} of the object of frame {@code depth}: the nodes it selects go
     * into {@code st.nextNodes}. False if it repeats a key that selected something in this object, or if a wildcard
     * enumerates the object and the name was already read in it (or too many names were).
     */
    private boolean select(JsonState st, int depth, byte[] b, int off, int len) {
        if ((st.frameNameLengths[depth] >>> len & 1) == 0) {
            // No node of the frame has a child, nor a wildcard, for a name of this length.
            st.nextSize = 0;
            return true;
        }
        TrieNode only = st.frameOnly[depth];
        if (only != null) {
            // The byte walk looks the only node's child up itself: the general lookup per property is too large
            // for the JIT to inline.
            st.nextSize = selectProperty(st, st.frameSerial[depth], 0, only, only.child(b, off, len));
        } else {
            selectByName(st, depth, b, off, len);
        }
        return st.nextSize >= 0 && (!st.frameEnumerated[depth] || st.recordKey(b, off, len, st.frameSerial[depth]) > 0);
    }

    /**
     * The formula is decided ({@code verdict}) by the leaves seen so far, and no selected key has repeated yet: reads
     * the rest of the document, testing no value, but looking up every name of the objects still open (frames
     * {@code depth} down to 0) for a repeat of a key that selected something, which could replace a value a leaf was
     * decided on. Values are skipped whole: a key first met here selects only leaves the verdict did not need, so
     * nothing inside it matters. {@code verdict} if the document ends well formed without a repeat, else
     * {@link #UNSURE}.
     *
     * @param justOpened whether {@code i} is just inside the container of frame {@code depth} (else just after one of
     *                   its values)
     */
    private int watch(JsonState st, byte[] b, int i, int end, int depth, boolean justOpened, int verdict) {
        long selecting = 0;
        for (int d = 0; d <= depth; d++) {
            selecting |= st.frameIsArray[d] ? 0 : st.frameNameLengths[d];
        }
        if (selecting == 0) {
            // No open object has a name that could select anything: only well-formedness is left, and only for a match.
            return verdict == FALSE ? FALSE : finish(st, b, i, end, depth, justOpened) ? TRUE : UNSURE;
        }
        if (verdict == FALSE && depth == 0 && noRootNameIn(b, i, end)) {
            // No name of the root that selects anything is spelled in the rest: nothing can undo the miss.
            return FALSE;
        }
        boolean first = justOpened;
        boolean afterValue = !justOpened;
        while (true) {
            if (!afterValue) {
                i = JsonSkipper.whitespace(b, i, end);
                if (i >= end) {
                    return UNSURE;
                }
                int c = b[i];
                boolean inArray = st.frameIsArray[depth];
                if (first && c == (inArray ? ']' : '}')) {
                    i++;
                    if (depth == 0) {
                        return JsonSkipper.whitespace(b, i, end) == end ? verdict : UNSURE;
                    }
                    depth--;
                    afterValue = true;
                    continue;
                }
                if (!inArray) {
                    i = property(st, depth, b, i, end);
                    if (i < 0) {
                        return UNSURE;
                    }
                    c = b[i];
                }
                i = skipValue(b, i, end, c, maxNesting - (depth + 2));
                if (i < 0) {
                    return UNSURE;
                }
            }
            i = JsonSkipper.whitespace(b, i, end);
            if (i >= end) {
                return UNSURE;
            }
            int c = b[i++];
            if (c == ',') {
                first = false;
                afterValue = false;
            } else if (c == (st.frameIsArray[depth] ? ']' : '}')) {
                if (depth == 0) {
                    return JsonSkipper.whitespace(b, i, end) == end ? verdict : UNSURE;
                }
                depth--;
                afterValue = true;
                if (verdict == FALSE && depth == 0 && noRootNameIn(b, i, end)) {
                    // Back in the root, and none of its selecting names is spelled in the rest.
                    return FALSE;
                }
            } else {
                return UNSURE;
            }
        }
    }

    /**
     * Whether {@code b[from, end)} certainly holds no name of the root object that selects something: none is there
     * in its raw spelling, and there is no backslash that could spell one otherwise. Then no key of the root that
     * selects anything can repeat after {@code from}. False if unsure (a wildcard selects every name of the root).
     */
    private boolean noRootNameIn(byte[] b, int from, int end) {
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

    // ---- selecting trie nodes ----

    /** Starts the walk of a new event at the document's root object. */
    private void start(JsonState st, byte[] b) {
        long serial = st.reset();
        if (captures) {
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
     * Adds what a property reaches from {@code node}, its named child and its wildcard child, to {@code st.nextNodes}
     * from {@code n}; the new count, or {@link #REPEATED} if the named child was selected before in the same object.
     *
     * @param object the serial of the object the property is in
     */
    private static int selectProperty(JsonState st, long object, int n, TrieNode node, TrieNode child) {
        if (child != null && st.live(child)) {
            if (!st.firstSelection(child, object)) {
                return REPEATED;
            }
            st.nextNodes[n++] = child.id;
        }
        if (node.wildcard != null && st.live(node.wildcard)) {
            st.nextNodes[n++] = node.wildcard.id;
        }
        return n;
    }

    /**
     * The trie nodes reached by a property name given in UTF-8, into {@code st.nextNodes}; {@code st.nextSize} is
     * {@link #REPEATED} for a repeated key.
     */
    private void selectByName(JsonState st, int depth, byte[] b, int off, int len) {
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

    /** The trie nodes reached by an array index from the current frame, into {@code st.nextNodes}. */
    private void selectByIndex(JsonState st, int depth, int index) {
        int n = 0;
        int[] frame = st.frameNodes[depth];
        for (int i = 0; i < st.frameSize[depth]; i++) {
            TrieNode node = nodes[frame[i]];
            TrieNode child = node.child(index);
            if (child != null && st.live(child)) {
                st.nextNodes[n++] = child.id;
            }
            if (node.wildcard != null && st.live(node.wildcard)) {
                st.nextNodes[n++] = node.wildcard.id;
            }
        }
        st.nextSize = n;
    }

    /**
     * Opens a frame below {@code depth} for the selected nodes that select into the container (or watch an array's
     * nulls); how many there are.
     */
    private int pushChildren(JsonState st, int depth, boolean array) {
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

    // ---- testing values ----

    private static final int TEXT = 0;
    private static final int NUMBER = 1;
    private static final int BOOLEAN_TRUE = 2;
    private static final int BOOLEAN_FALSE = 3;
    private static final int NULL = 4;
    private static final int OBJECT = 5;
    private static final int ARRAY = 6;

    /** Reads the scalar at {@code i} and tests it against the selected leaves; the index after it, or UNSURE. */
    private int testScalar(JsonState st, byte[] b, int i, int end, int c) {
        switch (c) {
            case '"': {
                int after = decodeString(st, b, i + 1, end);
                if (after >= 0) {
                    st.valueStart = i + 1;
                    st.valueEnd = after;
                    testSelected(st, TEXT, st.chars, st.charCount);
                }
                return after;
            }
            case 't':
            case 'f': {
                int after = JsonSkipper.scalar(b, i, end);
                if (after >= 0) {
                    testSelected(st, c == 't' ? BOOLEAN_TRUE : BOOLEAN_FALSE, null, 0);
                }
                return after;
            }
            case 'n': {
                int after = JsonSkipper.scalar(b, i, end);
                if (after >= 0) {
                    testSelected(st, NULL, null, 0);
                }
                return after;
            }
            default: {
                int after = JsonSkipper.scalar(b, i, end);
                if (after < 0 || after - i > MAX_DECODED_CHARS) {
                    return UNSURE;
                }
                char[] chars = st.chars(after - i);
                for (int k = i; k < after; k++) {
                    chars[k - i] = (char) b[k];
                }
                st.valueStart = i;
                st.valueEnd = after;
                testSelected(st, NUMBER, chars, after - i);
                return after;
            }
        }
    }

    /**
     * Decodes the string whose content starts at {@code i} into {@code st.chars} / {@code st.charCount}, as jackson-core
     * decodes it (escapes, surrogate escapes kept as they are, UTF-8 to UTF-16); the index after its closing quote,
     * or UNSURE if it is not strictly well formed or too long.
     */
    private static int decodeString(JsonState st, byte[] b, int i, int end) {
        int close = JsonSkipper.string(b, i, end, JsonSkipper.VALUE);
        if (close < 0 || close - 1 - i > MAX_DECODED_CHARS) {
            return UNSURE;
        }
        char[] out = st.chars(close - 1 - i);
        int stop = close - 1;
        // ASCII without escapes, the common case, byte for char; anything else from where it starts.
        for (int k = i; k < stop; k++) {
            int c = b[k];
            if (c < 0 || c == '\\') {
                st.charCount = JsonSkipper.decode(out, k - i, b, k, stop);
                return close;
            }
            out[k - i] = (char) c;
        }
        st.charCount = stop - i;
        return close;
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
                    if (!st.resolved(leaf) && st.liveLeaf(leaf)) {
                        st.resolve(leaf, true);
                    }
                }
            }
        }
        for (int leaf : node.plainLeaves) {
            if (st.resolved(leaf) || !st.liveLeaf(leaf)) {
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
    private void nullElement(JsonState st, int depth) {
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

    // ---- deciding ----

    /** The container of the frame at {@code depth} has ended. */
    private void finishFrame(JsonState st, int depth) {
        if (!finalOnly) {
            finish(st, st.frameNodes[depth], st.frameSize[depth]);
        } else if (depth == 0) {
            finalVerdict(st);
        }
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

    /** {@link #TRUE}, {@link #FALSE} or, while undecided, {@link #UNSURE}. */
    private int verdict(JsonState st) {
        if (finalOnly) {
            return st.undecided > 0 ? UNSURE : st.trueCount > 0 ? TRUE : FALSE;
        }
        byte v = decided(st);
        return v == Formula.UNKNOWN ? UNSURE : v;
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
                byte v = formulas[f].value(st.assignment[f], st, st.scratch);
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

    /**
     * A large set's evaluation once its root object has ended: every leaf not found true is false, and the formulas
     * evaluated are those a true leaf belongs to and those that hold with every leaf false (a {@code NOT EXISTS}); all
     * the others are false.
     */
    private void finalVerdict(JsonState st) {
        for (int f : holdWithoutTrueLeaves) {
            if (st.liveFormula(f)) {
                st.markCandidate(f);
            }
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

    // ---- skipping ----

    /** Whether the rest of the document, inside the open containers of frames 0 to {@code depth}, is well formed. */
    private boolean finish(JsonState st, byte[] b, int i, int end, int depth, boolean justOpened) {
        if (depth > JsonSkipper.MAX_DEPTH) {
            return false;
        }
        long kinds = 0;
        for (int d = 0; d <= depth; d++) {
            if (!st.frameIsArray[d]) {
                kinds |= 1L << d;
            }
        }
        return JsonSkipper.finishDocument(b, i, end, kinds, depth, justOpened, maxNesting - 1);
    }

    /** Skips a value no selector reaches; the index after it, or UNSURE. */
    private static int skipValue(byte[] b, int i, int end, int c, int deeper) {
        switch (c) {
            case '"':
                return JsonSkipper.string(b, i + 1, end, JsonSkipper.VALUE);
            case '{':
            case '[':
                return deeper < 0 ? UNSURE : JsonSkipper.skipContainer(b, i + 1, end, c == '{', deeper);
            default:
                return JsonSkipper.scalar(b, i, end);
        }
    }
}
