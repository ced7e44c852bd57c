package dev.cwfilter.internal.eval.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cwfilter.propcheck.Gen;
import dev.cwfilter.propcheck.PropCheck;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The word-at-a-time byte search finds exactly what a naive byte-by-byte search finds. */
class ByteSearchProperties {

    /** Byte arrays of {@code min} to {@code max} bytes, each one of the given bytes. */
    private static Gen<byte[]> bytes(Gen<Integer> each, int min, int max) {
        return Gen.listOf(each, min, max).map(list -> {
            byte[] b = new byte[list.size()];
            for (int i = 0; i < b.length; i++) {
                b[i] = (byte) (int) list.get(i);
            }
            return b;
        });
    }

    private static final Gen<byte[]> HAYS = bytes(Gen.integers('a', 'e'), 0, 70);
    private static final Gen<byte[]> NEEDLES = bytes(Gen.integers('a', 'e'), 1, 4);
    private static final Gen<byte[]> MIXED = bytes(Gen.elements(List.of((int) 'a', (int) '\\', 0xFF, 0xFE, 0x5B, 0)),
            0, 40);

    /** Where a search starts and how many bytes before the end it stops. */
    private record Range(int from, int cut) {
    }

    @Test
    void findsTheFirstOccurrenceLikeANaiveSearch() {
        Gen<Range> ranges = Gen.zip(Gen.integers(0, 10), Gen.integers(0, 10), Range::new);
        PropCheck.tries(3000).forAll(HAYS, NEEDLES, ranges, (hay, needle, range) -> {
            int start = Math.min(range.from(), hay.length);
            int end = Math.max(start, hay.length - range.cut());
            assertThat(ByteSearch.Needle.of(needle).indexIn(hay, start, end)).isEqualTo(naive(hay, start, end, needle));
        });
    }

    @Test
    void findsASingleByteLikeANaiveSearch() {
        PropCheck.tries(2000).forAll(HAYS, Gen.integers('a', 'f'), Gen.integers(0, 10), (hay, b, from) -> {
            int start = Math.min(from, hay.length);
            assertThat(ByteSearch.indexOf(hay, start, hay.length, (byte) (int) b))
                    .isEqualTo(naive(hay, start, hay.length, new byte[] {(byte) (int) b}));
        });
    }

    /** Where a backslash replaces a letter (nowhere when beyond the end), and where the search starts. */
    private record Backslash(int at, int from) {
    }

    @Test
    void findsTheNeedleUnlessABackslashComesFirst() {
        Gen<Backslash> backslashes = Gen.zip(Gen.integers(0, 80), Gen.integers(0, 10), Backslash::new);
        PropCheck.tries(3000).forAll(HAYS, NEEDLES, backslashes, (letters, needle, backslash) -> {
            byte[] hay = letters.clone();
            if (backslash.at() < hay.length) {
                hay[backslash.at()] = '\\';
            }
            int start = Math.min(backslash.from(), hay.length);
            int found = naive(hay, start, hay.length, needle);
            int first = naive(hay, start, hay.length, new byte[] {'\\'});
            // The scan stops at whichever it meets first: a backslash, or the byte the needle is anchored on.
            ByteSearch.Needle n = ByteSearch.Needle.of(needle);
            int expected = first >= 0 && (found < 0 || first < found + n.anchor()) ? ByteSearch.BACKSLASH_FIRST
                    : found;
            assertThat(ByteSearch.indexOfUnlessBackslash(hay, start, hay.length, n)).isEqualTo(expected);
        });
    }

    @Test
    void findsEitherByteLikeANaiveSearch() {
        PropCheck.tries(2000).forAll(MIXED, Gen.integers(0, 9), (hay, from) -> {
            int start = Math.min(from, hay.length);
            int expected = -1;
            for (int i = start; i < hay.length && expected < 0; i++) {
                expected = hay[i] == '\\' || hay[i] == (byte) 0xFF ? i : -1;
            }
            assertThat(ByteSearch.indexOfEither(hay, start, hay.length, (byte) '\\', (byte) 0xFF))
                    .isEqualTo(expected);
        });
    }

    /**
     * The scan reads two words a step, then one, then single bytes: a lone byte sought at every position of a
     * message of up to five words, among bytes of every kind it is not, from every start in the first word.
     */
    @Test
    void findsEitherByteWhereverItLiesInTheWordsReadTogether() {
        byte[] fills = {'a', (byte) 0xFE, 0x5B, 0, (byte) 0x80};
        for (int length = 0; length <= 40; length++) {
            for (int at = -1; at < length; at++) {
                for (byte fill : fills) {
                    for (byte sought : new byte[] {'\\', (byte) 0xFF}) {
                        byte[] hay = new byte[length];
                        Arrays.fill(hay, fill);
                        if (at >= 0) {
                            hay[at] = sought;
                        }
                        for (int from = 0; from <= Math.min(length, 8); from++) {
                            assertThat(ByteSearch.indexOfEither(hay, from, length, (byte) '\\', (byte) 0xFF))
                                    .as("byte %d at %d of %d from %d among %d", sought, at, length, from, fill)
                                    .isEqualTo(at >= from ? at : -1);
                        }
                    }
                }
            }
        }
    }

    @Test
    void asciiMeansNoByteAtOrAbove0x80() {
        PropCheck.tries(2000).forAll(MIXED, Gen.integers(0, 9), (hay, from) -> {
            int start = Math.min(from, hay.length);
            boolean expected = true;
            for (int i = start; i < hay.length; i++) {
                expected &= hay[i] >= 0;
            }
            assertThat(ByteSearch.isAscii(hay, start, hay.length)).isEqualTo(expected);
        });
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
