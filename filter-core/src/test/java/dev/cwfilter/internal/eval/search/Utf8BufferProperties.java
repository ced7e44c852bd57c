package dev.cwfilter.internal.eval.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import dev.cwfilter.propcheck.Gen;
import dev.cwfilter.propcheck.PropCheck;
import org.junit.jupiter.api.Test;

/**
 * A String event is encoded into a reused buffer for the byte matchers: exactly the bytes of
 * {@code getBytes(UTF_8)} from the given offset, or -1 for text UTF-8 cannot carry (a lone surrogate) or too long
 * for the buffer, which then takes the matcher's ordinary path.
 */
class Utf8BufferProperties {

    /**
     * Any UTF-16 text: ASCII, characters of two and three UTF-8 bytes, supplementary characters (surrogate pairs) and
     * lone surrogates, each in about one character in five.
     */
    private static final Gen<String> TEXTS = Gen.strings(Gen.frequency(
            Gen.weighted(2, Gen.integers(0, 0x7F)),
            Gen.weighted(1, Gen.integers(0x80, 0x7FF)),
            Gen.weighted(1, Gen.integers(0x800, 0xFFFF)),
            Gen.weighted(1, Gen.integers(0x10000, 0x10FFFF))), 0, 200);

    @Test
    void encodesLikeTheJdk() {
        PropCheck.tries(3000).forAll(TEXTS, Gen.integers(0, 5), (text, from) -> {
            int start = Math.min(from, text.length());
            Utf8Buffer state = new Utf8Buffer();
            int length = state.encode(text, start);
            String rest = text.substring(start);
            boolean loneSurrogate = !rest.codePoints().allMatch(cp -> cp < 0xD800 || cp > 0xDFFF);
            if (loneSurrogate) {
                assertThat(length).isEqualTo(-1);
            } else {
                assertThat(Arrays.copyOf(state.bytes(), length)).isEqualTo(rest.getBytes(StandardCharsets.UTF_8));
            }
        });
    }

    @Test
    void textTooLongForTheBufferIsNotEncoded() {
        Utf8Buffer state = new Utf8Buffer();
        String fits = "a".repeat(Utf8Buffer.MAX_BYTES / 3);
        assertThat(state.encode(fits, 0)).isEqualTo(fits.length());
        assertThat(state.encode(fits + "a", 0)).isEqualTo(-1);
        assertThat(state.encode("x😀é日\uD800", 0)).isEqualTo(-1);
        assertThat(state.encode("x😀é日", 1)).isEqualTo(4 + 2 + 3);
    }
}
