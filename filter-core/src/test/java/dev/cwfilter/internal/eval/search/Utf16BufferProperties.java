package dev.cwfilter.internal.eval.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cwfilter.propcheck.Gen;
import dev.cwfilter.propcheck.PropCheck;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Bytes are decoded into a reused buffer exactly as {@code new String(bytes, offset, length, UTF_8)} decodes them:
 * ASCII, well-formed sequences of two to four bytes, and every kind of malformed input (stray continuation bytes,
 * truncated sequences, overlong forms, encoded surrogates, bytes above U+10FFFF, 0xC0, 0xC1, 0xF5 to 0xFF), anywhere in
 * the range, one buffer reused from text to text.
 */
class Utf16BufferProperties {

    /** A byte, biased to those that begin, continue or break a sequence. */
    private static final Gen<Integer> BYTES = Gen.frequency(
            Gen.weighted(4, Gen.integers(0x20, 0x7E)),
            Gen.weighted(3, Gen.integers(0x80, 0xBF)),
            Gen.weighted(1, Gen.elements(0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF)),
            Gen.weighted(1, Gen.integers(0xC2, 0xF4)));

    /** Pieces: bytes as generated, and whole characters' encodings (which the bytes around them may cut). */
    private static final Gen<byte[]> PIECES = Gen.frequency(
            Gen.weighted(3, BYTES.map(b -> new byte[] {(byte) (int) b})),
            Gen.weighted(1, Gen.elements("é", "日", "😀", "\uFFFD", "a").map(s -> s.getBytes(StandardCharsets.UTF_8))));

    private static final Gen<byte[]> TEXTS = Gen.bytes(PIECES, 0, 40);

    @Test
    void decodesLikeTheJdk() {
        PropCheck.tries(5000).forAll(Gen.listOf(TEXTS, 1, 4), Gen.integers(0, 3), (texts, cut) -> {
            Utf16Buffer buffer = new Utf16Buffer();
            for (byte[] text : texts) {
                int offset = Math.min(cut, text.length);
                int length = Math.max(0, text.length - offset - cut);
                int n = buffer.decode(text, offset, length);
                assertThat(new String(buffer.chars(), 0, n))
                        .isEqualTo(new String(text, offset, length, StandardCharsets.UTF_8));
            }
        });
    }

    @Test
    void longerInputIsRefusedAndABufferGrowsAsNeeded() {
        Utf16Buffer buffer = new Utf16Buffer();
        byte[] fits = "é".repeat(Utf16Buffer.MAX_BYTES / 2).getBytes(StandardCharsets.UTF_8);
        assertThat(buffer.decode(fits, 0, fits.length)).isEqualTo(fits.length / 2);
        assertThat(new String(buffer.chars(), 0, fits.length / 2)).isEqualTo("é".repeat(Utf16Buffer.MAX_BYTES / 2));
        byte[] longer = new byte[Utf16Buffer.MAX_BYTES + 1];
        assertThat(buffer.decode(longer, 0, longer.length)).isEqualTo(-1);
        assertThat(buffer.decode(longer, 1, Utf16Buffer.MAX_BYTES)).isEqualTo(Utf16Buffer.MAX_BYTES);
    }
}
