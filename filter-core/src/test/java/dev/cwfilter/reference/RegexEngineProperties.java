package dev.cwfilter.reference;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cwfilter.FilterPattern;
import dev.cwfilter.propcheck.Gen;
import dev.cwfilter.propcheck.PropCheck;
import org.junit.jupiter.api.Test;

/**
 * The library's own regular-expression search agrees with java.util.regex without flags (the specification's Java
 * mapping, through {@link ReferenceRegex}) on expressions beyond those of {@link ReferenceGenerators#regexes()}:
 * anchors in the middle of an alternative and steps after a {@code $}, empty alternatives, lazy repetitions, counts
 * up to five, characters above U+007F written {@code \xhh}, and texts with supplementary characters and every line
 * terminator.
 */
class RegexEngineProperties {

    private static Gen<String> expressions() {
        Gen<String> atom = Gen.elements("a", "b", "a", "b", ".", "\\d", "\\D", "\\s", "\\S", "\\w", "\\W",
                "[ab]", "[^a]", "[^\\s]", "[a-c\\d]", "[^\\D]", "\\xE9", "[\\x80-\\xFF]", "[^\\x00-\\x7F]", "\\x0A",
                "\\x0D", " ", "1", "-", "^", "$");
        Gen<String> quantifier = Gen.elements("", "", "", "*", "+", "?", "{2}", "{1,3}", "{,2}", "{2,}",
                "{0}", "*?", "+?", "??", "{1,5}?");
        Gen<String> piece = Gen.zip(atom, quantifier, (a, q) -> a.equals("^") || a.equals("$") ? a : a + q);
        Gen<String> branch = Gen.listOf(piece, 0, 5).map(l -> String.join("", l));
        return Gen.listOf(branch, 1, 3).map(l -> String.join("|", l)).filter(s -> !s.isEmpty());
    }

    private static Gen<String> texts() {
        return Gen.zip(
                Gen.listOf(Gen.elements("a", "b", "ab", "1", " ", "\t", "\n", "\r", "\r\n", "\u0085", "\u2028",
                                "\u2029", "\u00e9", "\u00ff", "\u0100", "😀", "-", "_", "aaa"), 0, 12)
                        .map(l -> String.join("", l)),
                Gen.elements("", "", "\n", "\r\n", "\r", "\u2028"),
                String::concat);
    }

    @Test
    void searchAgreesWithJavaUtilRegex() {
        PropCheck.tries(10_000).forAll(expressions(), texts(), (expression, text) -> {
            boolean expected = ReferenceRegex.finds(expression, text);
            FilterPattern pattern = FilterPattern.compile("%" + expression + "%");
            assertThat(pattern.matches(text)).as("%%%s%% on %s", expression, Show.quoted(text)).isEqualTo(expected);
        });
    }
}
