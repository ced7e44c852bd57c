package dev.cwfilter.cli.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BytesTest {

    @Test
    void indexOfFindsTheFirstOccurrenceAsAPlainLoopDoes() {
        Random random = new Random(7);
        for (int round = 0; round < 20_000; round++) {
            byte[] a = new byte[random.nextInt(40)];
            for (int i = 0; i < a.length; i++) {
                // Few distinct values, high bytes included, so that matches and near-matches are common.
                a[i] = (byte) new int[] {'\n', 'a', 0x0b, 0x8a, 0xff, 0}[random.nextInt(6)];
            }
            int from = a.length == 0 ? 0 : random.nextInt(a.length + 1);
            int to = from + random.nextInt(a.length - from + 1);
            for (byte b : new byte[] {'\n', 0, (byte) 0x8a}) {
                int expected = -1;
                for (int i = from; i < to; i++) {
                    if (a[i] == b) {
                        expected = i;
                        break;
                    }
                }
                assertThat(Bytes.indexOf(a, from, to, b)).isEqualTo(expected);
            }
        }
    }

    @Test
    void utf8ValidityAgreesWithTheJdksStrictDecoder() {
        Random random = new Random(11);
        for (int round = 0; round < 50_000; round++) {
            byte[] a = new byte[random.nextInt(12)];
            for (int i = 0; i < a.length; i++) {
                int kind = random.nextInt(4);
                a[i] = (byte) (kind == 0 ? random.nextInt(128) : kind == 1 ? 0x80 + random.nextInt(64)
                        : kind == 2 ? 0xC0 + random.nextInt(64) : random.nextInt(256));
            }
            assertThat(Bytes.isValidUtf8(a, 0, a.length)).as("%s", java.util.Arrays.toString(a))
                    .isEqualTo(strictlyDecodes(a));
        }
        byte[] text = "héllo ✓ 𝄞".getBytes(StandardCharsets.UTF_8);
        assertThat(Bytes.isValidUtf8(text, 0, text.length)).isTrue();
        assertThat(Bytes.isValidUtf8(text, 0, 2)).as("cut inside é").isFalse();
    }

    static boolean strictlyDecodes(byte[] a) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(a));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
