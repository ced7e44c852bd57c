package dev.cwfilter.internal.eval.json;


/**
 * The fast path of {@link JsonMatcher} over UTF-8 bytes: a walk of the selector trie driven by {@link JsonSkipper}'s
 * strict scan. Property names are compared with the trie's as bytes, a value reaching a leaf is decoded into the
 * thread's scratch characters, and everything else is skipped.
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
 * <p>Stateless; the scratch state is the caller's per-thread {@link JsonState}.
 */
final class Utf8Walk {

    /** The formula's own values for a decided event; UNSURE for "ask jackson-core". */
    static final int FALSE = Formula.FALSE;
    static final int TRUE = Formula.TRUE;
    static final int UNSURE = -1;

    /** The longest string value decoded for a test here; a longer one is left to jackson-core. */
    static final int MAX_DECODED_CHARS = 64 * 1024;

    private Utf8Walk() {
    }

    /**
     * Evaluates the JSON object whose {@code '{'} is at {@code open}.
     *
     * @return {@link #TRUE}, {@link #FALSE} or {@link #UNSURE}
     */
    static int evaluate(JsonMatcher m, byte[] b, int open, int end, JsonState st, int maxNesting) {
        m.startWalk(st, b);
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
                    m.selectByIndex(st, depth, st.frameIndex[depth]++);
                    if (c == 'n' && st.frameWatchesNulls[depth]) {
                        // A null element directly in an array whose IS NULL is open (if it is not a well-formed null,
                        // reading it below finds out and the event goes to jackson-core).
                        m.nullElement(st, depth);
                    }
                } else {
                    if (c != '"') {
                        return UNSURE;
                    }
                    // A name with an escape is left to jackson-core, which decodes it before comparing.
                    int nameEnd = JsonSkipper.string(b, i + 1, end, JsonSkipper.PLAIN_NAME);
                    if (nameEnd < 0 || !select(m, st, depth, b, i + 1, nameEnd - 1 - (i + 1))) {
                        return UNSURE;
                    }
                    i = JsonSkipper.whitespace(b, nameEnd, end);
                    if (i >= end || b[i] != ':') {
                        return UNSURE;
                    }
                    i = JsonSkipper.whitespace(b, i + 1, end);
                    if (i >= end) {
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
                    m.testContainer(st, c == '[');
                    int pushed = m.pushChildren(st, depth, c == '[');
                    i++;
                    if (pushed > 0) {
                        depth++;
                        first = true;
                        int verdict = m.verdict(st);
                        if (verdict != UNSURE) {
                            return watch(m, st, b, i, end, depth, true, verdict, maxNesting);
                        }
                        continue;
                    }
                    i = JsonSkipper.skipContainer(b, i, end, c == '{', maxNesting - (depth + 2));
                    if (i < 0) {
                        return UNSURE;
                    }
                    int verdict = m.verdict(st);
                    if (verdict != UNSURE) {
                        return watch(m, st, b, i, end, depth, false, verdict, maxNesting);
                    }
                } else {
                    i = testScalar(m, st, b, i, end, c);
                    if (i < 0) {
                        return UNSURE;
                    }
                    m.finishSelected(st);
                    int verdict = m.verdict(st);
                    if (verdict != UNSURE) {
                        return watch(m, st, b, i, end, depth, false, verdict, maxNesting);
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
                m.finishFrame(st, depth);
                if (depth == 0) {
                    if (m.verdict(st) != TRUE) {
                        return FALSE;
                    }
                    return JsonSkipper.whitespace(b, i, end) == end ? TRUE : UNSURE;
                }
                depth--;
                int verdict = m.verdict(st);
                if (verdict != UNSURE) {
                    return watch(m, st, b, i, end, depth, false, verdict, maxNesting);
                }
            }
        }
    }

    /**
     * Looks up the property name {@code b[off, off+len)} of the object of frame {@code depth}: the nodes it selects go
     * into {@code st.nextNodes}. False if it repeats a key that selected something in this object, or if a wildcard
     * enumerates the object and the name was already read in it (or too many names were).
     */
    private static boolean select(JsonMatcher m, JsonState st, int depth, byte[] b, int off, int len) {
        if ((st.frameNameLengths[depth] >>> len & 1) == 0) {
            // No node of the frame has a child, nor a wildcard, for a name of this length.
            st.nextSize = 0;
            return true;
        }
        TrieNode only = st.frameOnly[depth];
        if (only != null) {
            m.selectChild(st, depth, only, only.child(b, off, len));
        } else {
            m.selectByName(st, depth, b, off, len);
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
    private static int watch(JsonMatcher m, JsonState st, byte[] b, int i, int end, int depth, boolean justOpened,
                             int verdict, int maxNesting) {
        long selecting = 0;
        for (int d = 0; d <= depth; d++) {
            selecting |= st.frameIsArray[d] ? 0 : st.frameNameLengths[d];
        }
        if (selecting == 0) {
            // No open object has a name that could select anything: only well-formedness is left, and only for a match.
            return verdict == FALSE ? FALSE : finish(st, b, i, end, depth, justOpened, maxNesting) ? TRUE : UNSURE;
        }
        if (verdict == FALSE && depth == 0 && m.noRootNameIn(b, i, end)) {
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
                    if (c != '"') {
                        return UNSURE;
                    }
                    int nameEnd = JsonSkipper.string(b, i + 1, end, JsonSkipper.PLAIN_NAME);
                    if (nameEnd < 0 || !select(m, st, depth, b, i + 1, nameEnd - 1 - (i + 1))) {
                        return UNSURE;
                    }
                    i = JsonSkipper.whitespace(b, nameEnd, end);
                    if (i >= end || b[i] != ':') {
                        return UNSURE;
                    }
                    i = JsonSkipper.whitespace(b, i + 1, end);
                    if (i >= end) {
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
                if (verdict == FALSE && depth == 0 && m.noRootNameIn(b, i, end)) {
                    // Back in the root, and none of its selecting names is spelled in the rest.
                    return FALSE;
                }
            } else {
                return UNSURE;
            }
        }
    }

    /** Whether the rest of the document, inside the open containers of frames 0 to {@code depth}, is well formed. */
    private static boolean finish(JsonState st, byte[] b, int i, int end, int depth, boolean justOpened,
                                  int maxNesting) {
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

    /** Reads the scalar at {@code i} and tests it against the selected leaves; the index after it, or UNSURE. */
    private static int testScalar(JsonMatcher m, JsonState st, byte[] b, int i, int end, int c) {
        switch (c) {
            case '"': {
                int after = decodeString(st, b, i + 1, end);
                if (after >= 0) {
                    st.valueStart = i + 1;
                    st.valueEnd = after;
                    m.testText(st, st.chars, st.charCount);
                }
                return after;
            }
            case 't':
            case 'f': {
                int after = JsonSkipper.scalar(b, i, end);
                if (after >= 0) {
                    m.testBoolean(st, c == 't');
                }
                return after;
            }
            case 'n': {
                int after = JsonSkipper.scalar(b, i, end);
                if (after >= 0) {
                    m.testNull(st);
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
                m.testNumber(st, chars, after - i);
                return after;
            }
        }
    }

    /**
     * Decodes the string whose content starts at {@code i} into {@code st.chars} / {@code st.charCount}, as jackson-core
     * decodes it (escapes, surrogate escapes kept as they are, UTF-8 to UTF-16); the index after its closing quote,
     * or UNSURE if it is not strictly well formed or too long.
     */
    static int decodeString(JsonState st, byte[] b, int i, int end) {
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
                st.charCount = decodeFrom(out, k - i, b, k, stop);
                return close;
            }
            out[k - i] = (char) c;
        }
        st.charCount = stop - i;
        return close;
    }

    /**
     * Decodes {@code b[k, stop)}, a string's content checked by {@link JsonSkipper#string}, into {@code out} from
     * {@code n}; the number of characters in {@code out} then.
     */
    private static int decodeFrom(char[] out, int n, byte[] b, int k, int stop) {
        while (k < stop) {
            int c = b[k] & 0xFF;
            if (c < 0x80) {
                if (c != '\\') {
                    out[n++] = (char) c;
                    k++;
                    continue;
                }
                int e = b[k + 1];
                switch (e) {
                    case 'b' -> out[n++] = '\b';
                    case 'f' -> out[n++] = '\f';
                    case 'n' -> out[n++] = '\n';
                    case 'r' -> out[n++] = '\r';
                    case 't' -> out[n++] = '\t';
                    case 'u' -> {
                        out[n++] = (char) (Character.digit(b[k + 2], 16) << 12 | Character.digit(b[k + 3], 16) << 8
                                | Character.digit(b[k + 4], 16) << 4 | Character.digit(b[k + 5], 16));
                        k += 4;
                    }
                    default -> out[n++] = (char) e; // '"', '\\', '/'
                }
                k += 2;
            } else if (c < 0xE0) {
                out[n++] = (char) ((c & 0x1F) << 6 | (b[k + 1] & 0x3F));
                k += 2;
            } else if (c < 0xF0) {
                out[n++] = (char) ((c & 0x0F) << 12 | (b[k + 1] & 0x3F) << 6 | (b[k + 2] & 0x3F));
                k += 3;
            } else {
                int cp = (c & 0x07) << 18 | (b[k + 1] & 0x3F) << 12 | (b[k + 2] & 0x3F) << 6 | (b[k + 3] & 0x3F);
                out[n++] = Character.highSurrogate(cp);
                out[n++] = Character.lowSurrogate(cp);
                k += 4;
            }
        }
        return n;
    }
}
