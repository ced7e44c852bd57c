package dev.cwfilter.reference;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cwfilter.FilterPattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The library's own regular-expression search agrees with java.util.regex without flags (the specification's Java
 * mapping, through {@link ReferenceRegex}) on expressions beyond those of {@link ReferenceArbitraries#regexes()}:
 * anchors in the middle of an alternative and steps after a {@code $}, empty alternatives, lazy repetitions, counts
 * up to five, characters above U+007F written {@code \xhh}, and texts with supplementary characters and every line
 * terminator.
 */
class RegexEngineProperties {

    @Provide
    Arbitrary<String> expressions() {
        Arbitrary<String> atom = Arbitraries.of("a", "b", "a", "b", ".", "\\d", "\\D", "\\s", "\\S", "\\w", "\\W",
                "[ab]", "[^a]", "[^\\s]", "[a-c\\d]", "[^\\D]", "\\xE9", "[\\x80-\\xFF]", "[^\\x00-\\x7F]", "\\x0A",
                "\\x0D", " ", "1", "-", "^", "$");
        Arbitrary<String> quantifier = Arbitraries.of("", "", "", "*", "+", "?", "{2}", "{1,3}", "{,2}", "{2,}",
                "{0}", "*?", "+?", "??", "{1,5}?");
        Arbitrary<String> piece = Combinators.combine(atom, quantifier)
                .as((a, q) -> a.equals("^") || a.equals("$") ? a : a + q);
        Arbitrary<String> branch = piece.list().ofMinSize(0).ofMaxSize(5).map(l -> String.join("", l));
        return branch.list().ofMinSize(1).ofMaxSize(3).map(l -> String.join("|", l))
                .filter(s -> !s.isEmpty());
    }

    @Provide
    Arbitrary<String> texts() {
        return Combinators.combine(
                Arbitraries.of("a", "b", "ab", "1", " ", "\t", "\n", "\r", "\r\n", "\u0085", "\u2028", "\u2029",
                                "\u00e9", "\u00ff", "\u0100", "😀", "-", "_", "aaa")
                        .list().ofMaxSize(12).map(l -> String.join("", l)),
                Arbitraries.of("", "", "\n", "\r\n", "\r", "\u2028"))
                .as(String::concat);
    }

    @Property(tries = 10000)
    void searchAgreesWithJavaUtilRegex(@ForAll("expressions") String expression, @ForAll("texts") String text) {
        boolean expected = ReferenceRegex.finds(expression, text);
        FilterPattern pattern = FilterPattern.compile("%" + expression + "%");
        assertThat(pattern.matches(text)).as("%%%s%% on %s", expression, Show.quoted(text)).isEqualTo(expected);
    }
}
