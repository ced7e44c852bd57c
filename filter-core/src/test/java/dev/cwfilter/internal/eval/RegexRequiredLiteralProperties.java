package dev.cwfilter.internal.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cwfilter.internal.regex.CloudWatchRegex;
import java.util.List;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * A regular expression whose every branch contains a run of plain characters is first looked for by those literals:
 * a text with none of them is rejected before the search runs. The literals are right (every match contains one), so
 * the shortcut never changes an answer: over generated expressions and texts, the answer is java.util.regex's (the
 * generated expressions mean the same in both dialects).
 */
class RegexRequiredLiteralProperties {

    @Example
    void eachBranchContributesItsLongestRunOfPlainCharacters() {
        assertThat(literals("[Kk]ali|[Pp]arrot|[Pp]entoo")).containsExactly("ali", "arrot", "entoo");
        assertThat(literals("timeout after [0-9]+ ms")).containsExactly("timeout after ");
        assertThat(literals("ab*cdef")).containsExactly("cdef");
        assertThat(literals("abcd+e")).containsExactly("abc");
        assertThat(literals("\\x41BC\\.DE")).containsExactly("ABC.DE");
        assertThat(literals("err\\d{3}or")).containsExactly("err");
        assertThat(literals("^ERROR|WARN$")).containsExactly("ERROR", "WARN");
    }

    @Example
    void noSetWhenABranchHasNoLiteralOfThreeCharacters() {
        assertThat(literals("error|ab")).isEmpty();
        assertThat(literals("a.b.c")).isEmpty();
        assertThat(literals("abc|\\d+")).isEmpty();
        assertThat(literals("abc?")).isEmpty();
        assertThat(literals("abc+d")).isEmpty();
    }

    @Provide
    Arbitrary<String> regexes() {
        Arbitrary<String> atom = Arbitraries.of("a", "b", "c", "ab", "abc", "bca", "\\.", "\\x41", ".", "\\d", "[ab]",
                "[^c]", " ", "-");
        Arbitrary<String> quantifier = Arbitraries.of("", "", "", "", "*", "+", "?", "{2}", "{1,2}");
        Arbitrary<String> branch = Combinators.combine(atom, quantifier).as(String::concat).list().ofMinSize(1)
                .ofMaxSize(6).map(l -> String.join("", l));
        return branch.list().ofMinSize(1).ofMaxSize(3).map(l -> String.join("|", l));
    }

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.strings().withChars("abcA.1 -\n").ofMaxLength(16);
    }

    @Property(tries = 5000)
    void theShortcutNeverChangesAnAnswer(@ForAll("regexes") String regex, @ForAll("texts") String text) {
        CloudWatchRegex.Translation t = CloudWatchRegex.translate(regex);
        assertThat(t.isValid()).as(regex).isTrue();
        boolean expected = Pattern.compile(regex).matcher(text).find();
        RegexProgram program = RegexProgram.compile(regex);
        assertThat(program.find(text)).as("%s on %s", regex, text).isEqualTo(expected);
        char[] padded = ("xx" + text + "y").toCharArray();
        assertThat(program.find(padded, 2, text.length())).as("%s on %s", regex, text).isEqualTo(expected);
    }

    private static List<String> literals(String regex) {
        return CloudWatchRegex.translate(regex).requiredLiterals();
    }
}
