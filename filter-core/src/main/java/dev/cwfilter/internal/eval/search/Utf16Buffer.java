package dev.cwfilter.internal.eval.search;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A reusable buffer that UTF-8 bytes are decoded into as UTF-16 chars, exactly as {@code new String(bytes, UTF_8)}
 * decodes them (each malformed sequence one U+FFFD), so that a matcher searching text can read an event's bytes
 * without allocating a {@code String}. ASCII is copied char by char; other text goes through a reused
 * {@link CharsetDecoder} that replaces malformed input, from a reused copy of the bytes. Texts of up to
 * {@value #MAX_BYTES} bytes are decoded; a longer one is refused and the caller takes its ordinary path.
 *
 * <p>Not thread-safe: each thread keeps its own.
 */
public final class Utf16Buffer {

    /** The longest input decoded, in bytes. */
    public static final int MAX_BYTES = 64 * 1024;

    private char[] chars = new char[256];
    private CharBuffer out = CharBuffer.wrap(chars);
    private byte[] bytes = new byte[0];
    private ByteBuffer in = ByteBuffer.wrap(bytes);
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);

    /**
     * Decodes {@code utf8[offset, offset+length)} into {@link #chars()}.
     *
     * @return the number of chars, or -1 if the input is longer than {@value #MAX_BYTES} bytes
     */
    public int decode(byte[] utf8, int offset, int length) {
        if (length > MAX_BYTES) {
            return -1;
        }
        if (chars.length < length) {
            // One char per byte at most: a sequence of four bytes is two chars, a malformed byte one.
            chars = new char[Math.min(MAX_BYTES, Math.max(chars.length * 2, length))];
            out = CharBuffer.wrap(chars);
        }
        char[] c = chars;
        int i = 0;
        for (; i < length; i++) {
            byte b = utf8[offset + i];
            if (b < 0) {
                break;
            }
            c[i] = (char) b;
        }
        if (i == length) {
            return length;
        }
        if (bytes.length < length - i) {
            bytes = new byte[Math.min(MAX_BYTES, Math.max(bytes.length * 2, length - i))];
            in = ByteBuffer.wrap(bytes);
        }
        System.arraycopy(utf8, offset + i, bytes, 0, length - i);
        in.clear().limit(length - i);
        out.clear().position(i);
        decoder.reset();
        decoder.decode(in, out, true);
        decoder.flush(out);
        return out.position();
    }

    /** The buffer {@link #decode} last wrote to. */
    public char[] chars() {
        return chars;
    }
}
