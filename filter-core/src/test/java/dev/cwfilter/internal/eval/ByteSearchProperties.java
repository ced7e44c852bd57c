package dev.cwfilter.internal.eval;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** The word-at-a-time byte search finds exactly what a naive byte-by-byte search finds. */
class ByteSearchProperties {

    @Provide
    Arbitrary<byte[]> hays() {
        return Arbitraries.bytes().between((byte) 'a', (byte) 'e').array(byte[].class).ofMaxSize(70);
    }

    @Provide
    Arbitrary<byte[]> needles() {
        return Arbitraries.bytes().between((byte) 'a', (byte) 'e').array(byte[].class).ofMinSize(1).ofMaxSize(4);
    }

    @Property(tries = 3000)
    void findsTheFirstOccurrenceLikeANaiveSearch(@ForAll("hays") byte[] hay, @ForAll("needles") byte[] needle,
                                                 @ForAll @IntRange(max = 10) int from, @ForAll @IntRange(max = 10) int cut) {
        int start = Math.min(from, hay.length);
        int end = Math.max(start, hay.length - cut);
        assertThat(ByteSearch.Needle.of(needle).indexIn(hay, start, end)).isEqualTo(naive(hay, start, end, needle));
    }

    @Property(tries = 2000)
    void findsASingleByteLikeANaiveSearch(@ForAll("hays") byte[] hay, @ForAll @IntRange(min = 'a', max = 'f') int b,
                                          @ForAll @IntRange(max = 10) int from) {
        int start = Math.min(from, hay.length);
        assertThat(ByteSearch.indexOf(hay, start, hay.length, (byte) b))
                .isEqualTo(naive(hay, start, hay.length, new byte[] {(byte) b}));
    }

    @Property(tries = 3000)
    void findsTheNeedleUnlessABackslashComesFirst(@ForAll("hays") byte[] letters, @ForAll("needles") byte[] needle,
                                                  @ForAll @IntRange(max = 80) int backslashAt,
                                                  @ForAll @IntRange(max = 10) int from) {
        byte[] hay = letters.clone();
        if (backslashAt < hay.length) {
            hay[backslashAt] = '\\';
        }
        int start = Math.min(from, hay.length);
        int found = naive(hay, start, hay.length, needle);
        int backslash = naive(hay, start, hay.length, new byte[] {'\\'});
        // The scan stops at whichever it meets first: a backslash, or the byte the needle is anchored on.
        ByteSearch.Needle n = ByteSearch.Needle.of(needle);
        int expected = backslash >= 0 && (found < 0 || backslash < found + n.anchor()) ? ByteSearch.BACKSLASH_FIRST
                : found;
        assertThat(ByteSearch.indexOfUnlessBackslash(hay, start, hay.length, n)).isEqualTo(expected);
    }

    @Property(tries = 2000)
    void findsEitherByteLikeANaiveSearch(@ForAll("mixed") byte[] hay, @ForAll @IntRange(max = 9) int from) {
        int start = Math.min(from, hay.length);
        int expected = -1;
        for (int i = start; i < hay.length && expected < 0; i++) {
            expected = hay[i] == '\\' || hay[i] == (byte) 0xFF ? i : -1;
        }
        assertThat(ByteSearch.indexOfEither(hay, start, hay.length, (byte) '\\', (byte) 0xFF)).isEqualTo(expected);
    }

    @Property(tries = 2000)
    void asciiMeansNoByteAtOrAbove0x80(@ForAll("mixed") byte[] hay, @ForAll @IntRange(max = 9) int from) {
        int start = Math.min(from, hay.length);
        boolean expected = true;
        for (int i = start; i < hay.length; i++) {
            expected &= hay[i] >= 0;
        }
        assertThat(ByteSearch.isAscii(hay, start, hay.length)).isEqualTo(expected);
    }

    @Provide
    Arbitrary<byte[]> mixed() {
        return Arbitraries.of((byte) 'a', (byte) '\\', (byte) 0xFF, (byte) 0xFE, (byte) 0x5B, (byte) 0)
                .array(byte[].class).ofMaxSize(40);
    }

    private static int naive(byte[] hay, int from, int to, byte[] needle) {
        outer:
        for (int i = from; i + needle.length <= to; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
