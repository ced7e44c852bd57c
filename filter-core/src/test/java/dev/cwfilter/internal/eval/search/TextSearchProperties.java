package dev.cwfilter.internal.eval.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cwfilter.propcheck.Gen;
import dev.cwfilter.propcheck.PropCheck;
import org.junit.jupiter.api.Test;

/**
 * The linear-time text search finds exactly what {@link String#indexOf(String)} finds, for short needles (searched
 * directly) and long ones (Knuth-Morris-Pratt), over a two-letter alphabet where needles have many borders and
 * near-matches are everywhere.
 */
class TextSearchProperties {

    private static final Gen<String> TEXTS = Gen.strings("ab", 0, 120);

    private static final Gen<String> NEEDLES = Gen.oneOf(Gen.strings("ab", 0, 40),
            Gen.strings("a", 15, 30).map(s -> s + "b"),
            Gen.strings("ab", 1, 6).map(s -> s.repeat(6)));

    /** Where a search starts and how many characters before the end it stops. */
    private record Range(int from, int cut) {
    }

    private static final Gen<Range> RANGES = Gen.zip(Gen.integers(0, 10), Gen.integers(0, 10), Range::new);

    @Test
    void findsWhatIndexOfFinds() {
        PropCheck.tries(3000).forAll(TEXTS, NEEDLES, RANGES, (text, needle, range) -> {
            TextSearch search = new TextSearch(needle);
            assertThat(search.in(text)).isEqualTo(text.contains(needle));
            int start = Math.min(range.from(), text.length());
            int end = Math.max(start, text.length() - range.cut());
            int expected = text.substring(0, end).indexOf(needle, start);
            assertThat(search.indexIn(text.toCharArray(), start, end)).isEqualTo(expected);
        });
    }
}
