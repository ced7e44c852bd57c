package dev.cwfilter.internal.eval.json;

/**
 * The scratch state of one JSON evaluation, owned by one thread and reused for every event it evaluates, so that the
 * evaluator allocates nothing per event beyond the parser. Per-event values are stamped with a generation number
 * instead of being cleared.
 */
final class JsonState {

    private int generation;
    private final int[] leafGeneration;
    private final boolean[] leafTrue;
    private final int[] visitedGeneration;
    final byte[] scratch;
    final int[][] frameNodes;
    final int[] frameSize;
    final boolean[] frameIsArray;
    final int[] frameIndex;
    final int[] nextNodes;
    int nextSize;
    private ReusableJsonParser parser;
    private byte[] utf8 = new byte[256];
    /** Scratch characters: a value decoded by {@link Utf8Walk}, {@link #charCount} of them. */
    char[] chars = new char[64];
    int charCount;

    JsonState(int leaves, int nodes, int formulaSize, int maxFrames) {
        leafGeneration = new int[leaves];
        leafTrue = new boolean[leaves];
        visitedGeneration = new int[nodes];
        scratch = new byte[formulaSize];
        frameNodes = new int[maxFrames][nodes];
        frameSize = new int[maxFrames];
        frameIsArray = new boolean[maxFrames];
        frameIndex = new int[maxFrames];
        nextNodes = new int[nodes];
    }

    /** This thread's parser of UTF-8 events, replaced by a fresh one when it has cached too many names. */
    ReusableJsonParser parser(EventJsonFactory factory) {
        if (parser == null || parser.worn()) {
            parser = factory.newReusableParser();
        }
        return parser;
    }

    /** The largest text, in UTF-8 bytes, that {@link #encode} keeps a buffer for. */
    static final int MAX_ENCODED_BYTES = 64 * 1024;

    /**
     * Encodes {@code text} from {@code from} as UTF-8 into this thread's reused buffer ({@link #utf8()}), so that a
     * String event is evaluated by the reused byte parser without allocating.
     *
     * @return the number of bytes, or -1 if the text is too long for the buffer or holds a lone surrogate
     */
    int encode(String text, int from) {
        int n = text.length();
        if ((long) (n - from) * 3 > MAX_ENCODED_BYTES) {
            return -1;
        }
        if (utf8.length < (n - from) * 3) {
            utf8 = new byte[Math.min(MAX_ENCODED_BYTES, Math.max(utf8.length * 2, (n - from) * 3))];
        }
        byte[] b = utf8;
        int j = 0;
        for (int i = from; i < n; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                b[j++] = (byte) c;
            } else if (c < 0x800) {
                b[j++] = (byte) (0xC0 | c >> 6);
                b[j++] = (byte) (0x80 | c & 0x3F);
            } else if (!Character.isSurrogate(c)) {
                b[j++] = (byte) (0xE0 | c >> 12);
                b[j++] = (byte) (0x80 | c >> 6 & 0x3F);
                b[j++] = (byte) (0x80 | c & 0x3F);
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, text.charAt(++i));
                b[j++] = (byte) (0xF0 | cp >> 18);
                b[j++] = (byte) (0x80 | cp >> 12 & 0x3F);
                b[j++] = (byte) (0x80 | cp >> 6 & 0x3F);
                b[j++] = (byte) (0x80 | cp & 0x3F);
            } else {
                return -1;
            }
        }
        return j;
    }

    /** The scratch characters, grown to hold at least {@code capacity}. */
    char[] chars(int capacity) {
        if (chars.length < capacity) {
            chars = new char[Math.max(capacity, chars.length * 2)];
        }
        return chars;
    }

    /** The buffer {@link #encode} wrote to. */
    byte[] utf8() {
        return utf8;
    }

    /** Starts a new event: everything of the previous one becomes unknown. */
    void reset() {
        generation++;
        if (generation == 0) {
            java.util.Arrays.fill(leafGeneration, 0);
            java.util.Arrays.fill(visitedGeneration, 0);
            generation = 1;
        }
    }

    boolean resolved(int leaf) {
        return leafGeneration[leaf] == generation;
    }

    void resolve(int leaf, boolean value) {
        leafGeneration[leaf] = generation;
        leafTrue[leaf] = value;
    }

    byte leafValue(int leaf) {
        return leafGeneration[leaf] != generation ? Formula.UNKNOWN : leafTrue[leaf] ? Formula.TRUE : Formula.FALSE;
    }

    boolean visited(int node) {
        return visitedGeneration[node] == generation;
    }

    void visit(int node) {
        visitedGeneration[node] = generation;
    }
}
