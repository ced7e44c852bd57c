package dev.cwfilter.internal.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;

/**
 * A String event is encoded into a reused buffer for the byte matchers: exactly the bytes of
 * {@code getBytes(UTF_8)} from the given offset, or -1 for text UTF-8 cannot carry (a lone surrogate) or too long
 * for the buffer, which then takes the matcher's ordinary path.
 */
class Utf8BufferProperties {

    @Property(tries = 3000)
    void encodesLikeTheJdk(@ForAll @StringLength(max = 200) String text, @ForAll @IntRange(max = 5) int from) {
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
    }

    @Example
    void textTooLongForTheBufferIsNotEncoded() {
        Utf8Buffer state = new Utf8Buffer();
        String fits = "a".repeat(Utf8Buffer.MAX_BYTES / 3);
        assertThat(state.encode(fits, 0)).isEqualTo(fits.length());
        assertThat(state.encode(fits + "a", 0)).isEqualTo(-1);
        assertThat(state.encode("x😀é日\uD800", 0)).isEqualTo(-1);
        assertThat(state.encode("x😀é日", 1)).isEqualTo(4 + 2 + 3);
    }
}
