package dev.cwfilter.propcheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PropCheckTest {

    @Test
    void aPassingPropertyChecksEveryTry() {
        AtomicInteger calls = new AtomicInteger();
        PropCheck.Result result = PropCheck.forAll(Gen.integers(0, 10), v -> {
            calls.incrementAndGet();
            assertThat(v).isBetween(0, 10);
        });
        assertThat(result.tries()).isEqualTo(PropCheck.DEFAULT_TRIES);
        assertThat(calls).hasValue(PropCheck.DEFAULT_TRIES);
        assertThat(result.name()).isEqualTo("PropCheckTest.aPassingPropertyChecksEveryTry");
    }

    @Test
    void aFailingListShrinksToTheSmallestCounterexample() {
        Gen<List<Integer>> lists = Gen.listOf(Gen.integers(0, 1000), 0, 30);
        assertThatThrownBy(() -> PropCheck.forAll(lists, list -> assertThat(list).allMatch(v -> v < 100)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Property PropCheckTest.aFailingListShrinksToTheSmallestCounterexample failed")
                .hasMessageContaining("minimal example (")
                .hasMessageContaining("): [100]\n")
                .hasMessageContaining("rerun with -Dpropcheck.seed=");
    }

    @Test
    void aFailingStringShrinksToTheShortestOne() {
        Gen<String> strings = Gen.strings("abcdef", 0, 40);
        AssertionError error = catchFailure(() -> PropCheck.settings().name("no-ab").forAll(strings,
                s -> assertThat(s).doesNotContain("fe")));
        assertThat(error.getMessage()).contains("minimal example").contains("): \"fe\"\n");
        assertThat(error.getCause()).isInstanceOf(AssertionError.class);
    }

    @Test
    void twoGeneratorsShrinkTogether() {
        AssertionError error = catchFailure(() -> PropCheck.forAll(Gen.integers(0, 500), Gen.integers(0, 500),
                (a, b) -> assertThat(a + b).isLessThan(300)));
        assertThat(error.getMessage()).containsPattern("\\): \\((\\d+), (\\d+)\\)\n");
        String pair = error.getMessage().replaceAll("(?s).*\\): \\((\\d+), (\\d+)\\)\n.*", "$1+$2");
        String[] parts = pair.split("\\+");
        assertThat(Integer.parseInt(parts[0]) + Integer.parseInt(parts[1])).isEqualTo(300);
    }

    @Test
    void shrinkingKeepsTheKindOfFailure() {
        // Values of 50 or more fail with an assertion; values of 10 or more throw an exception from the code under
        // test. Shrinking an exception must stay an exception, and shrink to 10, not wander to the assertion.
        AssertionError error = catchFailure(() -> PropCheck.forAll(Gen.integers(0, 1000), v -> {
            if (v >= 10) {
                throw new IllegalStateException("too big: " + v);
            }
        }));
        assertThat(error.getCause()).isInstanceOf(IllegalStateException.class).hasMessage("too big: 10");
    }

    @Test
    void theSameSeedGeneratesTheSameValues() {
        List<String> first = new ArrayList<>();
        List<String> second = new ArrayList<>();
        Gen<String> strings = Gen.strings("xyz", 0, 10);
        PropCheck.settings().seed(42).tries(50).forAll(strings, first::add);
        PropCheck.settings().seed(42).tries(50).forAll(strings, second::add);
        assertThat(first).hasSize(50).isEqualTo(second);
        List<String> other = new ArrayList<>();
        PropCheck.settings().seed(43).tries(50).forAll(strings, other::add);
        assertThat(other).isNotEqualTo(first);
    }

    @Test
    void theDefaultSeedComesFromTheName() {
        PropCheck.Result a = PropCheck.settings().name("a").tries(1).forAll(Gen.booleans(), v -> { });
        PropCheck.Result a2 = PropCheck.settings().name("a").tries(1).forAll(Gen.booleans(), v -> { });
        PropCheck.Result b = PropCheck.settings().name("b").tries(1).forAll(Gen.booleans(), v -> { });
        assertThat(a.seed()).isEqualTo(a2.seed()).isNotEqualTo(b.seed());
    }

    @Test
    void theSeedPropertyReplacesEverySeed() {
        String old = System.getProperty("propcheck.seed");
        try {
            System.setProperty("propcheck.seed", "1234");
            assertThat(PropCheck.settings().name("x").tries(1).forAll(Gen.booleans(), v -> { }).seed())
                    .isEqualTo(1234);
            System.setProperty("propcheck.seed", "nonsense");
            assertThatThrownBy(() -> PropCheck.settings().name("x").tries(1).forAll(Gen.booleans(), v -> { }))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("propcheck.seed");
        } finally {
            if (old == null) {
                System.clearProperty("propcheck.seed");
            } else {
                System.setProperty("propcheck.seed", old);
            }
        }
    }

    @Test
    void assumptionsDiscardValuesAndAreCounted() {
        PropCheck.Result result = PropCheck.tries(200).forAll(Gen.integers(0, 9), v -> {
            PropCheck.assume(v % 2 == 0);
            assertThat(v % 2).isZero();
        });
        assertThat(result.tries()).isEqualTo(200);
        assertThat(result.discarded()).isPositive();
    }

    @Test
    void aPropertyThatDiscardsEverythingFails() {
        assertThatThrownBy(() -> PropCheck.tries(10).forAll(Gen.integers(0, 9), v -> PropCheck.assume(false)))
                .isInstanceOf(AssertionError.class).hasMessageContaining("assumptions reject too much");
    }

    @Test
    void aGeneratorThatThrowsIsReportedAsABrokenTest() {
        Gen<Integer> broken = random -> {
            throw new UnsupportedOperationException("broken generator");
        };
        assertThatThrownBy(() -> PropCheck.forAll(broken, v -> { }))
                .isInstanceOf(IllegalStateException.class)
                .hasRootCauseInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aFilteredGeneratorThatCannotBeSatisfiedWhileShrinkingStillShrinks() {
        // Zero draws give 0, which the filter rejects; shrinking must treat such candidates as invalid, not crash.
        Gen<Integer> odd = Gen.integers(0, 1000).filter(v -> v % 2 == 1);
        AssertionError error = catchFailure(() -> PropCheck.forAll(odd, v -> assertThat(v).isLessThan(500)));
        assertThat(error.getMessage()).containsPattern("\\): 50[13579]\n");
    }

    @Test
    void invisibleCharactersAreShownInJavaSourceForm() {
        assertThat(PropCheck.show("a\"b\\c\n\u0000\ud800")).isEqualTo("\"a\\\"b\\\\c\\n\\u0000\\ud800\"");
    }

    @Test
    void arraysAreShownElementByElement() {
        assertThat(PropCheck.show(new byte[] {1, -1})).isEqualTo("[1, -1]");
        assertThat(PropCheck.show(new int[0])).isEqualTo("[]");
        assertThat(PropCheck.show(new String[][] {{"a"}, {}})).isEqualTo("[[a], []]");
        AssertionError error = catchFailure(() -> PropCheck.forAll(Gen.listOf(Gen.integers(0, 9), 0, 5).map(l -> {
            byte[] b = new byte[l.size()];
            for (int i = 0; i < b.length; i++) {
                b[i] = (byte) (int) l.get(i);
            }
            return b;
        }), b -> assertThat(b.length).isLessThan(2)));
        assertThat(error.getMessage()).contains("): [0, 0]\n");
    }

    private static AssertionError catchFailure(Runnable run) {
        try {
            run.run();
        } catch (AssertionError e) {
            return e;
        }
        throw new AssertionError("the property did not fail");
    }
}
