package dev.cwfilter.internal.eval;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * The linear-time text search finds exactly what {@link String#indexOf(String)} finds, for short needles (searched
 * directly) and long ones (Knuth-Morris-Pratt), over a two-letter alphabet where needles have many borders and
 * near-matches are everywhere.
 */
class TextSearchProperties {

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.strings().withChars("ab").ofMaxLength(120);
    }

    @Provide
    Arbitrary<String> needles() {
        return Arbitraries.oneOf(Arbitraries.strings().withChars("ab").ofMaxLength(40),
                Arbitraries.strings().withChars("a").ofMinLength(15).ofMaxLength(30).map(s -> s + "b"),
                Arbitraries.strings().withChars("ab").ofMinLength(1).ofMaxLength(6).map(s -> s.repeat(6)));
    }

    @Property(tries = 3000)
    void findsWhatIndexOfFinds(@ForAll("texts") String text, @ForAll("needles") String needle,
                               @ForAll @IntRange(max = 10) int from, @ForAll @IntRange(max = 10) int cut) {
        TextSearch search = new TextSearch(needle);
        assertThat(search.in(text)).isEqualTo(text.contains(needle));
        int start = Math.min(from, text.length());
        int end = Math.max(start, text.length() - cut);
        int expected = text.substring(0, end).indexOf(needle, start);
        assertThat(search.indexIn(text.toCharArray(), start, end)).isEqualTo(expected);
    }
}
