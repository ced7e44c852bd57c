package dev.cwfilter.internal.eval.json;

import dev.cwfilter.internal.eval.prefilter.PrefilterGate;
import dev.cwfilter.internal.eval.search.Utf8Buffer;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * The scratch state of one JSON evaluation, owned by one thread and reused for every event it evaluates, so that the
 * evaluator allocates nothing per event beyond the parser. Per-event values are stamped with a generation number
 * instead of being cleared.
 *
 * <p>Open objects are told apart by a serial number that grows with every container the walk opens, over all the
 * events this thread evaluates: a trie node stamped with the serial of the object it was last selected in has been
 * selected there before, which is how a repeated key is noticed (SEMANTICS.md O3).
 */
final class JsonState implements LeafValues {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    /** The most names the table of objects enumerated by a wildcard holds; an event with more is left to jackson-core. */
    static final int MAX_KEYS = 1 << 16;
    /**
     * The most slots one lookup in that table probes: names made to collide cost at most this many comparisons each
     * before the event is left to jackson-core, whose time is linear in the event.
     */
    static final int MAX_PROBES = 64;

    private int generation;
    private final int[] leafGeneration;
    private final boolean[] leafTrue;
    /** Per trie node, the serial of the object in which a name last selected it. */
    private final long[] nodeStamp;
    /** The last serial given to an opened object or array; never repeats for this thread. */
    private long serial;
    /** The serial of the current event's root object: stamps below it belong to earlier events. */
    private long eventSerial;
    final byte[] scratch;
    final int[][] frameNodes;
    final int[] frameSize;
    final boolean[] frameIsArray;
    final int[] frameIndex;
    /** Per frame, the serial of its object or array. */
    final long[] frameSerial;
    /** Per frame, whether a node of it has a wildcard child: every name of its object selects, and each is recorded. */
    final boolean[] frameEnumerated;
    /** Per frame, whether it is an array whose direct null elements decide an {@code IS NULL} of its own nodes. */
    final boolean[] frameWatchesNulls;
    /**
     * Per frame, the union of its nodes' {@link TrieNode#selectingLengths}: a property name whose length (mod 64) has
     * no bit here selects nothing, and is not looked up.
     */
    final long[] frameNameLengths;
    /** Per frame, its node if it has only one (the common case, without wildcards), else null. */
    final TrieNode[] frameOnly;
    final int[] nextNodes;
    int nextSize;
    private ReusableJsonParser parser;
    /** Scratch characters: a value decoded by the walk, {@link #charCount} of them. */
    char[] chars = new char[64];
    int charCount;
    /**
     * Per formula, its decided leaves' {@link Formula#weight}s summed: the index of their assignment in the formula's
     * table.
     */
    final int[] assignment;
    /** Per formula, its value for this event: {@link Formula#UNKNOWN} until its leaves decide it (then it stays). */
    final byte[] formulaValue;
    /** How many formulas are still {@link Formula#UNKNOWN}; how many are true. */
    int undecided;
    int trueCount;
    /** The undecided formulas a leaf has been resolved in since they were last evaluated, {@link #dirtyCount} of them. */
    final int[] dirty;
    int dirtyCount;
    private final boolean[] isDirty;

    /*
     * The restriction of the current event to some formulas (a set's prefilter has ruled the others out): a formula,
     * trie node or leaf is live when its stamp is at least liveFloor. Unrestricted, liveFloor is 0 and everything is
     * live; restricted, it is the event's stamp, given to the live formulas, the nodes on the way to their leaves (and
     * to every capture), and their leaves.
     */
    private final int[] formulaLive;
    private final int[] nodeLive;
    private final int[] leafLive;
    private int liveFloor;
    private int liveStamp;
    /** The live formulas, {@link #liveCount} of them, or null for all. */
    private int[] live;
    private int liveCount;
    /** Whether formulas are evaluated only at the end of the event (see {@link JsonMatcher}). */
    private final boolean finalOnly;
    /**
     * Per leaf, the formulas that hold it, and what its being false adds to each one's {@link #assignment} (its being
     * true adds twice that: {@link Formula#weight}).
     */
    private final int[][] leafFormulas;
    private final int[][] leafWeights;

    /*
     * The names read so far in objects a wildcard enumerates, as an open-addressing table over the event's bytes:
     * per slot the serial of the object, the name's hash, offset and length. A slot stamped before this event is free.
     */
    private long[] keySerial = new long[64];
    private int[] keyHash = new int[64];
    private int[] keyOffset = new int[64];
    private int[] keyLength = new int[64];
    private int keyCount;

    /**
     * Scratch state for a matcher.
     *
     * @param frameCapacities how many trie nodes the frame of each depth may hold (the trie's width at that depth)
     */
    JsonState(int leaves, int nodes, int formulaSize, int[] frameCapacities, int[][] leafFormulas,
              int[][] leafWeights, int formulas, int captures, boolean finalOnly) {
        this.finalOnly = finalOnly;
        int maxFrames = frameCapacities.length;
        this.leafFormulas = leafFormulas;
        this.leafWeights = leafWeights;
        assignment = new int[formulas];
        formulaValue = new byte[formulas];
        dirty = new int[formulas];
        isDirty = new boolean[formulas];
        captureGeneration = new int[captures];
        captureKind = new byte[captures];
        captureStart = new int[captures];
        captureEnd = new int[captures];
        captureText = new String[captures];
        leafGeneration = new int[leaves];
        leafTrue = new boolean[leaves];
        nodeStamp = new long[nodes];
        formulaLive = new int[formulas];
        nodeLive = new int[nodes];
        leafLive = new int[leaves];
        scratch = new byte[formulaSize];
        frameNodes = new int[maxFrames][];
        for (int k = 0; k < maxFrames; k++) {
            frameNodes[k] = new int[frameCapacities[k]];
        }
        frameSize = new int[maxFrames];
        frameIsArray = new boolean[maxFrames];
        frameIndex = new int[maxFrames];
        frameSerial = new long[maxFrames];
        frameEnumerated = new boolean[maxFrames];
        frameWatchesNulls = new boolean[maxFrames];
        frameNameLengths = new long[maxFrames];
        frameOnly = new TrieNode[maxFrames];
        nextNodes = new int[nodes];
    }

    /** This thread's parser of UTF-8 events, replaced by a fresh one when it has cached too many names. */
    ReusableJsonParser parser(EventJsonFactory factory) {
        if (parser == null || parser.worn()) {
            parser = factory.newReusableParser();
        }
        return parser;
    }

    /** Whether this thread consults the prefilter, from how long events take with it and without it. */
    final PrefilterGate gate = new PrefilterGate();

    /** This thread's buffer for String events encoded as UTF-8. */
    final Utf8Buffer encoded = new Utf8Buffer();

    /** The scratch characters, grown to hold at least {@code capacity}. */
    char[] chars(int capacity) {
        if (chars.length < capacity) {
            chars = new char[Math.max(capacity, chars.length * 2)];
        }
        return chars;
    }

    /** The next events are evaluated for every formula. */
    void unrestricted() {
        live = null;
        liveFloor = 0;
    }

    /**
     * The next events are evaluated only for the formulas {@code formulas[0, count)}: the others are false whatever the
     * event holds. Only the trie nodes on the way to their leaves ({@code nodesOf}, per formula), and the nodes that
     * capture ({@code capturing}), are selected; only their leaves are tested.
     */
    void restrict(int[] formulas, int count, int[][] nodesOf, int[][] leavesOf, int[] capturing) {
        if (liveStamp == Integer.MAX_VALUE) {
            Arrays.fill(formulaLive, 0);
            Arrays.fill(nodeLive, 0);
            Arrays.fill(leafLive, 0);
            liveStamp = 0;
        }
        int stamp = ++liveStamp;
        for (int k = 0; k < count; k++) {
            int f = formulas[k];
            formulaLive[f] = stamp;
            for (int node : nodesOf[f]) {
                nodeLive[node] = stamp;
            }
            for (int leaf : leavesOf[f]) {
                leafLive[leaf] = stamp;
            }
        }
        for (int node : capturing) {
            nodeLive[node] = stamp;
        }
        live = formulas;
        liveCount = count;
        liveFloor = stamp;
    }

    /** Whether the current evaluation needs the trie node (see {@link #restrict}). */
    boolean live(TrieNode node) {
        return nodeLive[node.id] >= liveFloor;
    }

    /** Whether the current evaluation needs the leaf. */
    boolean liveLeaf(int leaf) {
        return leafLive[leaf] >= liveFloor;
    }

    /** Whether the current evaluation needs the formula. */
    boolean liveFormula(int f) {
        return formulaLive[f] >= liveFloor;
    }

    /** The live formulas of a restricted evaluation, {@link #liveCount()} of them; null if every formula is. */
    int[] liveFormulas() {
        return live;
    }

    int liveCount() {
        return liveCount;
    }

    /** Starts a new event: everything of the previous one becomes unknown. Returns the root object's serial. */
    long reset() {
        for (int i = 0; i < dirtyCount; i++) {
            isDirty[dirty[i]] = false;
        }
        dirtyCount = 0;
        if (finalOnly) {
            Arrays.fill(formulaValue, Formula.FALSE);
            undecided = formulaValue.length;
        } else {
            Arrays.fill(assignment, 0);
            if (live == null) {
                Arrays.fill(formulaValue, Formula.UNKNOWN);
                undecided = formulaValue.length;
            } else {
                // The formulas ruled out are decided false already: the walk may stop once the live ones are decided.
                Arrays.fill(formulaValue, Formula.FALSE);
                for (int k = 0; k < liveCount; k++) {
                    formulaValue[live[k]] = Formula.UNKNOWN;
                }
                undecided = liveCount;
            }
        }
        trueCount = 0;
        pendingCaptures = captureGeneration.length;
        generation++;
        if (generation == 0) {
            Arrays.fill(leafGeneration, 0);
            Arrays.fill(captureGeneration, 0);
            generation = 1;
        }
        keyCount = 0;
        eventSerial = ++serial;
        return eventSerial;
    }

    /** A serial for a container just opened. */
    long nextSerial() {
        return ++serial;
    }

    boolean resolved(int leaf) {
        return leafGeneration[leaf] == generation;
    }

    /** Decides a leaf; each leaf is decided at most once per event. */
    void resolve(int leaf, boolean value) {
        leafGeneration[leaf] = generation;
        leafTrue[leaf] = value;
        if (finalOnly) {
            if (value) {
                for (int f : leafFormulas[leaf]) {
                    if (liveFormula(f)) {
                        markCandidate(f);
                    }
                }
            }
            return;
        }
        int[] formulas = leafFormulas[leaf];
        int[] weights = leafWeights[leaf];
        for (int k = 0; k < formulas.length; k++) {
            int f = formulas[k];
            if (formulaValue[f] == Formula.UNKNOWN) {
                assignment[f] += value ? weights[k] << 1 : weights[k];
                if (!isDirty[f]) {
                    isDirty[f] = true;
                    dirty[dirtyCount++] = f;
                }
            }
        }
    }

    // ---- captures ----

    static final byte CAPTURED_NOTHING = 0;
    static final byte CAPTURED_STRING = 1;
    static final byte CAPTURED_NUMBER = 2;
    static final byte CAPTURED_TRUE = 3;
    static final byte CAPTURED_FALSE = 4;
    static final byte CAPTURED_TEXT = 5;

    /** Per capture slot, the generation of the event it was taken in (else it is pending), and what it took. */
    private final int[] captureGeneration;
    private final byte[] captureKind;
    private final int[] captureStart;
    private final int[] captureEnd;
    private final String[] captureText;
    /** How many captures of this event still wait for their value. */
    int pendingCaptures;
    /** The bytes the walk reads: where captured strings and numbers lie. */
    byte[] walked;
    /** Where the scalar being tested lies in {@link #walked}: a number's literal, or a string's content and quote. */
    int valueStart;
    int valueEnd;

    /** Takes a capture: the current value ({@link #valueStart}) as {@code kind}, unless it was taken already. */
    void capture(int slot, byte kind) {
        if (captureGeneration[slot] != generation) {
            captureGeneration[slot] = generation;
            captureKind[slot] = kind;
            captureStart[slot] = valueStart;
            captureEnd[slot] = valueEnd;
            pendingCaptures--;
        }
    }

    /** The capture's value has ended without being taken: nothing to take. */
    void captureMissing(int slot) {
        capture(slot, CAPTURED_NOTHING);
    }

    /** The captures of an exact evaluation, as texts (null for nothing). */
    void capturedTexts(String[] texts) {
        for (int slot = 0; slot < texts.length; slot++) {
            captureGeneration[slot] = generation;
            captureKind[slot] = CAPTURED_TEXT;
            captureText[slot] = texts[slot];
        }
        pendingCaptures = 0;
    }

    /** What capture {@code slot} took from this thread's last event (see {@link JsonMatcher#captured}). */
    String captured(int slot) {
        if (captureGeneration[slot] != generation) {
            return null;
        }
        int start = captureStart[slot];
        int end = captureEnd[slot];
        return switch (captureKind[slot]) {
            case CAPTURED_STRING -> {
                // start is just after the opening quote, end just after the closing one.
                char[] out = chars(end - 1 - start);
                yield new String(out, 0, JsonSkipper.decode(out, 0, walked, start, end - 1));
            }
            case CAPTURED_NUMBER -> new String(walked, start, end - start, java.nio.charset.StandardCharsets.US_ASCII);
            case CAPTURED_TRUE -> "true";
            case CAPTURED_FALSE -> "false";
            case CAPTURED_TEXT -> captureText[slot];
            default -> null;
        };
    }

    /** Adds a formula to those to evaluate at the end of the event ({@link #finalOnly} evaluation). */
    void markCandidate(int f) {
        if (!isDirty[f]) {
            isDirty[f] = true;
            dirty[dirtyCount++] = f;
        }
    }

    /** Takes the formulas to evaluate again off the dirty list. */
    void cleaned(int f) {
        isDirty[f] = false;
    }

    /** Records a formula's value once its leaves decide it. */
    void decide(int f, byte value) {
        formulaValue[f] = value;
        undecided--;
        if (value == Formula.TRUE) {
            trueCount++;
        }
    }

    /** Sets every formula's value at once (from an exact evaluation): how many hold. */
    void decideAll(boolean[] holds) {
        trueCount = 0;
        for (int f = 0; f < holds.length; f++) {
            formulaValue[f] = holds[f] ? Formula.TRUE : Formula.FALSE;
            trueCount += holds[f] ? 1 : 0;
        }
        undecided = 0;
    }

    @Override
    public byte leafValue(int leaf) {
        return leafGeneration[leaf] != generation ? Formula.UNKNOWN : leafTrue[leaf] ? Formula.TRUE : Formula.FALSE;
    }

    /**
     * Records that a name selected {@code node} in the object whose serial is {@code object}; false if a name had
     * already selected it there (a repeated key).
     */
    boolean firstSelection(TrieNode node, long object) {
        if (nodeStamp[node.id] == object) {
            return false;
        }
        nodeStamp[node.id] = object;
        return true;
    }

    /**
     * Records the name {@code b[off, off+len)} of the object whose serial is {@code object}, one a wildcard enumerates:
     * 1 if it is new there, 0 if the object already had it (a repeated key), -1 if the table is full or the name's
     * slot too far from its hash.
     */
    int recordKey(byte[] b, int off, int len, long object) {
        if (keyCount >= keySerial.length >>> 1) {
            if (keySerial.length >= MAX_KEYS) {
                return -1;
            }
            grow();
        }
        int mask = keySerial.length - 1;
        int hash = hash(b, off, len, object);
        int slot = hash & mask;
        int probes = 0;
        while (keySerial[slot] >= eventSerial) {
            if (keyHash[slot] == hash && keySerial[slot] == object && keyLength[slot] == len
                    && Arrays.equals(b, keyOffset[slot], keyOffset[slot] + len, b, off, off + len)) {
                return 0;
            }
            if (++probes == MAX_PROBES) {
                return -1;
            }
            slot = slot + 1 & mask;
        }
        keySerial[slot] = object;
        keyHash[slot] = hash;
        keyOffset[slot] = off;
        keyLength[slot] = len;
        keyCount++;
        return 1;
    }

    /** Doubles the table, keeping this event's entries; their names are read from the bytes they were recorded in. */
    private void grow() {
        long[] oldSerial = keySerial;
        int[] oldHash = keyHash;
        int[] oldOffset = keyOffset;
        int[] oldLength = keyLength;
        int size = oldSerial.length * 2;
        keySerial = new long[size];
        keyHash = new int[size];
        keyOffset = new int[size];
        keyLength = new int[size];
        for (int s = 0; s < oldSerial.length; s++) {
            if (oldSerial[s] >= eventSerial) {
                int slot = oldHash[s] & size - 1;
                while (keySerial[slot] != 0) {
                    slot = slot + 1 & size - 1;
                }
                keySerial[slot] = oldSerial[s];
                keyHash[slot] = oldHash[s];
                keyOffset[slot] = oldOffset[s];
                keyLength[slot] = oldLength[s];
            }
        }
    }

    /** A hash of a name and the object it is in: the whole name up to 16 bytes, its first and last 8 beyond. */
    private static int hash(byte[] b, int off, int len, long object) {
        long h = (object * 0x9E3779B97F4A7C15L) ^ len;
        if (len >= 8) {
            h = (h ^ (long) LONGS.get(b, off)) * 0xC2B2AE3D27D4EB4FL;
            h = (h ^ (long) LONGS.get(b, off + len - 8)) * 0xC2B2AE3D27D4EB4FL;
        } else {
            for (int k = 0; k < len; k++) {
                h = (h ^ b[off + k]) * 0xC2B2AE3D27D4EB4FL;
            }
        }
        return (int) (h ^ h >>> 29);
    }
}
