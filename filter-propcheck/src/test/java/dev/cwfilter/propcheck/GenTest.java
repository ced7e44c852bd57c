package dev.cwfilter.propcheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class GenTest {

    @Test
    void integersStayInRangeAndReachBothBounds() {
        Set<Integer> seen = new HashSet<>();
        SplittableRandom random = new SplittableRandom(1);
        Gen<Integer> gen = Gen.integers(-3, 5);
        for (int i = 0; i < 2000; i++) {
            int v = gen.generate(random);
            assertThat(v).isBetween(-3, 5);
            seen.add(v);
        }
        assertThat(seen).containsExactlyInAnyOrder(-3, -2, -1, 0, 1, 2, 3, 4, 5);
    }

    @Test
    void extremeLongRangesWork() {
        SplittableRandom random = new SplittableRandom(2);
        Gen<Long> all = Gen.longs(Long.MIN_VALUE, Long.MAX_VALUE);
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < 2000; i++) {
            seen.add(all.generate(random));
        }
        assertThat(seen).contains(Long.MIN_VALUE, Long.MAX_VALUE, 0L).hasSizeGreaterThan(1000);
    }

    @Test
    void zeroChoicesGiveTheSimplestValues() {
        Choices zeros = Choices.replay(new long[0]);
        assertThat(Gen.integers(-5, 5).generate(zeros)).isZero();
        assertThat(Gen.integers(3, 9).generate(zeros)).isEqualTo(3);
        assertThat(Gen.integers(-9, -3).generate(zeros)).isEqualTo(-3);
        assertThat(Gen.listOf(Gen.booleans(), 2, 9).generate(zeros)).containsExactly(false, false);
        assertThat(Gen.strings("qrs", 1, 9).generate(zeros)).isEqualTo("q");
        assertThat(Gen.elements("first", "second").generate(zeros)).isEqualTo("first");
        assertThat(Gen.doubles(1.5, 9).generate(zeros)).isEqualTo(1.5);
    }

    @Test
    void boundedDrawsAreMonotoneInTheChoice() {
        long previous = -1;
        for (long choice = 0; choice >= 0 && choice < Long.MAX_VALUE - (1L << 56); choice += 1L << 56) {
            long v = Choices.replay(new long[] {choice}).nextLong(1000);
            assertThat(v).isBetween(0L, 999L).isGreaterThanOrEqualTo(previous);
            previous = v;
        }
        assertThat(Choices.replay(new long[] {-1L}).nextInt(7)).isEqualTo(6);
        assertThat(Choices.replay(new long[] {-1L}).nextInt(-4, 4)).isEqualTo(3);
    }

    @Test
    void frequencyFollowsTheWeights() {
        Gen<String> gen = Gen.frequency(Gen.weighted(9, Gen.constant("often")), Gen.weighted(1, Gen.constant("rare")),
                Gen.weighted(0, Gen.constant("never")));
        SplittableRandom random = new SplittableRandom(3);
        int often = 0;
        for (int i = 0; i < 1000; i++) {
            String v = gen.generate(random);
            assertThat(v).isNotEqualTo("never");
            if (v.equals("often")) {
                often++;
            }
        }
        assertThat(often).isBetween(850, 950);
    }

    @Test
    void bytesAreTheirPiecesOneAfterAnother() {
        Gen<byte[]> piece = Gen.elements(new byte[] {1}, new byte[] {2, 3}, new byte[0]);
        SplittableRandom random = new SplittableRandom(5);
        Set<Integer> lengths = new HashSet<>();
        for (int i = 0; i < 500; i++) {
            byte[] b = Gen.bytes(piece, 1, 3).generate(random);
            assertThat(b.length).isBetween(0, 6);
            lengths.add(b.length);
            for (int k = 0; k < b.length; k++) {
                // A 3 always follows a 2, and a 2 is always followed by a 3: pieces are never cut or interleaved.
                assertThat(b[k] == 3).isEqualTo(k > 0 && b[k - 1] == 2);
            }
        }
        assertThat(lengths).contains(0, 1, 2, 3, 4, 5, 6);
        assertThat(Gen.bytes(piece, 2, 5).generate(Choices.replay(new long[0]))).containsExactly(1, 1);
    }

    @Test
    void listsAndStringsRespectTheirSizes() {
        SplittableRandom random = new SplittableRandom(4);
        Set<Integer> sizes = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            List<Integer> list = Gen.listOf(Gen.integers(0, 1), 2, 6).generate(random);
            sizes.add(list.size());
            assertThat(Gen.strings(Gen.integers(0x1F600, 0x1F64F), 1, 3).generate(random).codePointCount(0, 1))
                    .isEqualTo(1);
        }
        assertThat(sizes).containsExactlyInAnyOrder(2, 3, 4, 5, 6);
    }

    @Test
    void badArgumentsAreRejected() {
        assertThatThrownBy(() -> Gen.integers(2, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Gen.elements(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Gen.strings("", 0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Gen.frequency(Gen.weighted(0, Gen.constant(1))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Gen.weighted(-1, Gen.constant(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Gen.doubles(0, Double.POSITIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aFilterThatNeverPassesSaysSo() {
        assertThatThrownBy(() -> Gen.integers(0, 5).filter(v -> v > 5).generate(new SplittableRandom(5)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("1,000");
    }
}
