package dev.cwfilter.internal.eval.search;

/**
 * A reusable buffer that a {@code String} event is encoded into as UTF-8, so that the byte matchers can evaluate it
 * without allocating. Texts of up to {@value #MAX_BYTES} bytes are encoded; a longer one, or one holding a lone
 * surrogate (which UTF-8 cannot carry), is refused and the caller takes its ordinary path.
 *
 * <p>Not thread-safe: each thread keeps its own, in a matcher's per-thread state.
 */
public final class Utf8Buffer {

    /** The largest encoding kept, in bytes. */
    public static final int MAX_BYTES = 64 * 1024;

    private byte[] bytes = new byte[256];

    /**
     * Encodes {@code text} from {@code from} into {@link #bytes()}.
     *
     * @return the number of bytes, or -1 if the text is too long or holds a lone surrogate
     */
    public int encode(String text, int from) {
        int n = text.length();
        if ((long) (n - from) * 3 > MAX_BYTES) {
            return -1;
        }
        if (bytes.length < (n - from) * 3) {
            bytes = new byte[Math.min(MAX_BYTES, Math.max(bytes.length * 2, (n - from) * 3))];
        }
        byte[] b = bytes;
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

    /** The buffer {@link #encode} last wrote to. */
    public byte[] bytes() {
        return bytes;
    }
}
