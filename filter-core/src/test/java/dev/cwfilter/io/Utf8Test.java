package dev.cwfilter.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cwfilter.propcheck.Gen;
import dev.cwfilter.propcheck.PropCheck;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Utf8} against the JDK's strict decoder and encoder. */
class Utf8Test {

    /** Bytes around the boundaries of UTF-8's forms: lead bytes, continuation bytes, overlong and surrogate leads. */
    private static final Gen<Byte> BYTES = Gen.oneOf(Gen.integers(0, 255).map(i -> (byte) (int) i),
            Gen.elements((byte) 0x41, (byte) 0x7F, (byte) 0x80, (byte) 0xBF, (byte) 0xC0, (byte) 0xC1, (byte) 0xC2,
                    (byte) 0xDF, (byte) 0xE0, (byte) 0xED, (byte) 0xEF, (byte) 0xF0, (byte) 0xF4, (byte) 0xF5,
                    (byte) 0xFF, (byte) 0x9F, (byte) 0xA0, (byte) 0x8F, (byte) 0x90));

    private static final Gen<String> TEXTS = Gen.strings(Gen.oneOf(Gen.integers(0, 0x7F), Gen.integers(0x80, 0x7FF),
            Gen.integers(0x800, 0xD7FF), Gen.integers(0xE000, 0xFFFF), Gen.integers(0x10000, 0x10FFFF)), 0, 12);

    @Test
    void bytesAreValidExactlyWhenTheStrictDecoderAcceptsThem() {
        PropCheck.tries(5000).forAll(Gen.listOf(BYTES, 0, 12), Gen.integers(0, 3), (list, margin) -> {
            byte[] a = new byte[list.size() + 2 * margin];
            for (int i = 0; i < list.size(); i++) {
                a[margin + i] = list.get(i);
            }
            // Bytes outside the range never count: fill them with what would make it invalid.
            for (int i = 0; i < margin; i++) {
                a[i] = (byte) 0xFF;
                a[a.length - 1 - i] = (byte) 0x80;
            }
            assertThat(Utf8.isValid(a, margin, margin + list.size())).as("%s", list)
                    .isEqualTo(strictlyDecodes(a, margin, list.size()));
        });
    }

    @Test
    void examples() {
        assertThat(Utf8.isValid("aé日😀".getBytes(StandardCharsets.UTF_8), 0, 10)).isTrue();
        assertThat(Utf8.isValid(new byte[] {(byte) 0xC0, (byte) 0x80}, 0, 2)).as("overlong NUL").isFalse();
        assertThat(Utf8.isValid(new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, 0, 3)).as("surrogate").isFalse();
        assertThat(Utf8.isValid(new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, 0, 4))
                .as("past U+10FFFF").isFalse();
        assertThat(Utf8.isValid(new byte[] {(byte) 0xE6, (byte) 0x97}, 0, 2)).as("cut off").isFalse();
        assertThat(Utf8.isValid(new byte[] {(byte) 0xE6, (byte) 0x97, (byte) 0xA5}, 0, 2)).as("cut at to").isFalse();
        assertThatThrownBy(() -> Utf8.isValid(new byte[2], 1, 3)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void theEncodedLengthOfAWellFormedTextIsItsUtf8ByteCount() {
        PropCheck.forAll(TEXTS, s -> assertThat(Utf8.encodedLength(s))
                .isEqualTo(s.getBytes(StandardCharsets.UTF_8).length));
    }

    @Test
    void aSurrogateWithoutItsPairCountsThreeBytes() {
        for (String s : List.of("\uD800", "\uDC00", "a\uDC00\uD800b", "\uD83D")) {
            long lone = s.chars().filter(c -> Character.isSurrogate((char) c)).count();
            assertThat(Utf8.encodedLength(s)).as(s).isEqualTo(3 * lone + (s.length() - lone));
        }
        assertThat(Utf8.encodedLength("\uD83D\uDE00")).isEqualTo(4);
        assertThat(Utf8.encodedLength(new StringBuilder("aé"))).isEqualTo(3);
    }

    private static boolean strictlyDecodes(byte[] a, int from, int length) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(a, from, length));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
