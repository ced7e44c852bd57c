package dev.cwfilter.internal.eval.json;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * A fast, allocation-free well-formedness check of JSON in UTF-8 bytes, for the parts of an event no selector reaches,
 * and the decoding of the strings it has checked.
 *
 * <p>It recognises a strict subset of what jackson-core accepts: RFC 8259 JSON with the four JSON whitespace bytes,
 * strictly valid UTF-8 (no overlong forms, no surrogates), only the standard escapes, and at most
 * {@value #MAX_DEPTH} nested containers. Whatever it accepts, jackson-core accepts too, and ends in the same place.
 * Anything else, malformed or merely unusual, it answers {@link #UNSURE}, and the caller hands the same bytes to
 * jackson-core, whose verdict is the one that counts. So the check can make evaluation faster, never different.
 *
 * <p>Strings are scanned eight bytes at a time (SWAR): a word with no quote, backslash, control byte or non-ASCII
 * byte is passed over in a few instructions.
 *
 * <p>Stateless and thread-safe.
 */
final class JsonSkipper {

    /** The answer when the bytes are not certainly well formed: let jackson-core decide. */
    static final int UNSURE = -1;
    /** The deepest nesting, below the container the scan starts in, that the scan follows itself. */
    static final int MAX_DEPTH = 62;

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    private static final long QUOTES = '"' * ONES;
    private static final long BACKSLASHES = '\\' * ONES;
    private static final long SPACES = 0x20 * ONES;
    private static final byte[] TRUE = {'t', 'r', 'u', 'e'};
    private static final byte[] FALSE = {'f', 'a', 'l', 's', 'e'};
    private static final byte[] NULL = {'n', 'u', 'l', 'l'};

    private JsonSkipper() {
    }

    /**
     * Skips the rest of a container whose opening bracket is just before {@code from}.
     *
     * @param object   whether the container is an object (else an array)
     * @param maxDepth how many containers deeper than this one the scan may follow (at most {@value #MAX_DEPTH})
     * @return the index just past the container's closing bracket, or {@link #UNSURE}
     */
    static int skipContainer(byte[] b, int from, int end, boolean object, int maxDepth) {
        return scan(b, from, end, object ? 1L : 0L, 0, true, false, Math.min(maxDepth, MAX_DEPTH));
    }

    /**
     * Checks that a document ends well: the open containers are completed and nothing but whitespace follows.
     *
     * @param kinds      bit {@code d} set if open container {@code d} (0 is the outermost) is an object
     * @param innermost  the index of the innermost open container
     * @param justOpened whether the innermost container has no element yet (its bracket was the last token)
     * @param maxDepth   the deepest container index the scan may open (at most {@value #MAX_DEPTH})
     * @return true if the rest is certainly well formed; false if unsure
     */
    static boolean finishDocument(byte[] b, int from, int end, long kinds, int innermost, boolean justOpened,
                                  int maxDepth) {
        if (innermost > MAX_DEPTH) {
            return false;
        }
        int i = scan(b, from, end, kinds, innermost, justOpened, !justOpened, Math.min(maxDepth, MAX_DEPTH));
        if (i == UNSURE) {
            return false;
        }
        return whitespace(b, i, end) == end;
    }

    /**
     * The scan: from an element position ({@code afterValue} false; {@code first} if the container is empty so far)
     * or just after a value, in container {@code depth} of the stack {@code kinds}, to just past the closing bracket of
     * container 0.
     */
    private static int scan(byte[] b, int from, int end, long kinds, int depth, boolean first, boolean afterValue,
                            int maxDepth) {
        int i = from;
        while (true) {
            if (!afterValue) {
                i = whitespace(b, i, end);
                if (i >= end) {
                    return UNSURE;
                }
                int c = b[i];
                boolean inObject = (kinds >>> depth & 1) != 0;
                if (first && c == (inObject ? '}' : ']')) {
                    i++;
                    if (depth == 0) {
                        return i;
                    }
                    depth--;
                    afterValue = true;
                    continue;
                }
                if (inObject) {
                    if (c != '"') {
                        return UNSURE;
                    }
                    i = string(b, i + 1, end, NAME);
                    if (i < 0) {
                        return UNSURE;
                    }
                    i = whitespace(b, i, end);
                    if (i >= end || b[i] != ':') {
                        return UNSURE;
                    }
                    i = whitespace(b, i + 1, end);
                    if (i >= end) {
                        return UNSURE;
                    }
                    c = b[i];
                }
                switch (c) {
                    case '"':
                        i = string(b, i + 1, end, VALUE);
                        break;
                    case '{':
                    case '[':
                        if (depth + 1 > maxDepth) {
                            return UNSURE;
                        }
                        depth++;
                        kinds = c == '{' ? kinds | (1L << depth) : kinds & ~(1L << depth);
                        i++;
                        first = true;
                        continue;
                    case 't':
                        i = literal(b, i, end, TRUE);
                        break;
                    case 'f':
                        i = literal(b, i, end, FALSE);
                        break;
                    case 'n':
                        i = literal(b, i, end, NULL);
                        break;
                    default:
                        i = number(b, i, end);
                        break;
                }
                if (i < 0) {
                    return UNSURE;
                }
            }
            i = whitespace(b, i, end);
            if (i >= end) {
                return UNSURE;
            }
            int c = b[i];
            if (c == ',') {
                i++;
                first = false;
                afterValue = false;
            } else if (c == ((kinds >>> depth & 1) != 0 ? '}' : ']')) {
                i++;
                if (depth == 0) {
                    return i;
                }
                depth--;
                afterValue = true;
            } else {
                return UNSURE;
            }
        }
    }

    /** The index of the first byte at or after {@code i} that is not JSON whitespace. */
    static int whitespace(byte[] b, int i, int end) {
        while (i < end) {
            byte c = b[i];
            // Most bytes are above the space (negative ones, non-ASCII, are not whitespace either).
            if (c > ' ' || (c != ' ' && c != '\n' && c != '\r' && c != '\t')) {
                break;
            }
            i++;
        }
        return i;
    }

    /** The index after the number, {@code true}, {@code false} or {@code null} at {@code i}, or {@link #UNSURE}. */
    static int scalar(byte[] b, int i, int end) {
        if (i >= end) {
            return UNSURE;
        }
        switch (b[i]) {
            case 't':
                return literal(b, i, end, TRUE);
            case 'f':
                return literal(b, i, end, FALSE);
            case 'n':
                return literal(b, i, end, NULL);
            default:
                return number(b, i, end);
        }
    }

    /** The index after the literal {@code word} starting at {@code i} (its first byte already checked). */
    private static int literal(byte[] b, int i, int end, byte[] word) {
        int n = word.length;
        if (end - i < n) {
            return UNSURE;
        }
        for (int k = 1; k < n; k++) {
            if (b[i + k] != word[k]) {
                return UNSURE;
            }
        }
        return i + n;
    }

    /** The index after the JSON number starting at {@code i}, or {@link #UNSURE} if none starts there. */
    private static int number(byte[] b, int i, int end) {
        if (i < end && b[i] == '-') {
            i++;
        }
        if (i >= end) {
            return UNSURE;
        }
        if (b[i] == '0') {
            i++;
        } else if (b[i] >= '1' && b[i] <= '9') {
            i = digits(b, i + 1, end);
        } else {
            return UNSURE;
        }
        if (i < end && b[i] == '.') {
            int j = digits(b, i + 1, end);
            if (j == i + 1) {
                return UNSURE;
            }
            i = j;
        }
        if (i < end && (b[i] == 'e' || b[i] == 'E')) {
            i++;
            if (i < end && (b[i] == '+' || b[i] == '-')) {
                i++;
            }
            int j = digits(b, i, end);
            if (j == i) {
                return UNSURE;
            }
            i = j;
        }
        return i;
    }

    private static int digits(byte[] b, int i, int end) {
        while (i < end && b[i] >= '0' && b[i] <= '9') {
            i++;
        }
        return i;
    }

    /** {@link #string} reads a string value. */
    static final int VALUE = 0;
    /** {@link #string} reads a property name, in which a surrogate escape must be part of a pair. */
    static final int NAME = 1;
    /** {@link #string} reads a property name that the caller compares as raw bytes: any escape is unsure. */
    static final int PLAIN_NAME = 2;

    /**
     * The index after the closing quote of the string whose content starts at {@code i}, or {@link #UNSURE}. In a
     * property name jackson-core decodes escapes and rejects a surrogate escape that is not part of a pair; the scan
     * accepts only a high surrogate escape directly followed by a low one there.
     *
     * @param kind {@link #VALUE}, {@link #NAME} or {@link #PLAIN_NAME}
     */
    static int string(byte[] b, int i, int end, int kind) {
        while (true) {
            // Eight bytes at a time to the first quote, backslash, control byte or non-ASCII byte. Below the first
            // such byte every byte is printable ASCII, so no subtraction borrows, and the high bit of a byte of
            // (x - ONES) is set exactly when x's byte is 0 (a quote, a backslash) and of (w - SPACES) when w's is
            // below 0x20. A non-ASCII byte keeps its high bit through the xor and the subtraction, except 0xA2, which
            // the xor with the quote makes 0x80 and the one with the backslash does not. Above the first such byte,
            // borrows may set bits: only the lowest set bit is used.
            while (i + 8 <= end) {
                long w = (long) LONGS.get(b, i);
                long special = ((w ^ QUOTES) - ONES | (w ^ BACKSLASHES) - ONES | w - SPACES) & HIGHS;
                if (special != 0) {
                    i += Long.numberOfTrailingZeros(special) >>> 3;
                    break;
                }
                i += 8;
            }
            if (i >= end) {
                return UNSURE;
            }
            int c = b[i] & 0xFF;
            if (c == '"') {
                return i + 1;
            }
            if (c == '\\') {
                if (kind == PLAIN_NAME) {
                    return UNSURE;
                }
                i = escape(b, i + 1, end, kind == NAME);
            } else if (c < 0x20) {
                return UNSURE;
            } else if (c >= 0x80) {
                i = utf8(b, i, end, c);
            } else {
                i++;
                continue;
            }
            if (i < 0) {
                return UNSURE;
            }
        }
    }

    /** The index after the escape whose letter is at {@code i}. */
    private static int escape(byte[] b, int i, int end, boolean name) {
        if (i >= end) {
            return UNSURE;
        }
        switch (b[i]) {
            case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
                return i + 1;
            case 'u':
                if (end - i < 5) {
                    return UNSURE;
                }
                int value = hex4(b, i + 1);
                if (value < 0) {
                    return UNSURE;
                }
                if (!name || value < 0xD800 || value > 0xDFFF) {
                    return i + 5;
                }
                // In a name: only a high surrogate escape followed by a low one.
                if (value > 0xDBFF || end - i < 11 || b[i + 5] != '\\' || b[i + 6] != 'u') {
                    return UNSURE;
                }
                int low = hex4(b, i + 7);
                return low >= 0xDC00 && low <= 0xDFFF ? i + 11 : UNSURE;
            default:
                return UNSURE;
        }
    }

    /** The value of the four hex digits at {@code i}, or -1. */
    private static int hex4(byte[] b, int i) {
        int value = 0;
        for (int k = 0; k < 4; k++) {
            int h = b[i + k] < 0 ? -1 : Character.digit(b[i + k], 16);
            if (h < 0) {
                return -1;
            }
            value = value << 4 | h;
        }
        return value;
    }

    /** The index after the strictly valid UTF-8 sequence whose lead byte {@code c} is at {@code i}. */
    private static int utf8(byte[] b, int i, int end, int c) {
        if (c < 0xC2 || c > 0xF4) {
            return UNSURE;
        }
        int n = c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        if (end - i < n) {
            return UNSURE;
        }
        int b1 = b[i + 1] & 0xFF;
        int lo = 0x80;
        int hi = 0xBF;
        if (c == 0xE0) {
            lo = 0xA0;
        } else if (c == 0xED) {
            hi = 0x9F;
        } else if (c == 0xF0) {
            lo = 0x90;
        } else if (c == 0xF4) {
            hi = 0x8F;
        }
        if (b1 < lo || b1 > hi) {
            return UNSURE;
        }
        for (int k = 2; k < n; k++) {
            if ((b[i + k] & 0xC0) != 0x80) {
                return UNSURE;
            }
        }
        return i + n;
    }

    /**
     * Decodes {@code b[k, stop)}, a string's content checked by {@link #string}, into {@code out} from {@code n}, as
     * jackson-core decodes it (escapes, surrogate escapes kept as they are, UTF-8 to UTF-16); the number of characters
     * in {@code out} then.
     */
    static int decode(char[] out, int n, byte[] b, int k, int stop) {
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
