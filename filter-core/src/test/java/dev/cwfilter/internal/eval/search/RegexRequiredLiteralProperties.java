package dev.cwfilter.internal.eval.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cwfilter.internal.regex.CloudWatchRegex;
import dev.cwfilter.propcheck.Gen;
import dev.cwfilter.propcheck.PropCheck;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A regular expression whose every branch contains a run of plain characters is first looked for by those literals:
 * a text with none of them is rejected before the search runs. The literals are right (every match contains one), so
 * the shortcut never changes an answer: over generated expressions and texts, the answer is java.util.regex's (the
 * generated expressions mean the same in both dialects).
 */
class RegexRequiredLiteralProperties {

    @Test
    void eachBranchContributesItsLongestRunOfPlainCharacters() {
        assertThat(literals("[Kk]ali|[Pp]arrot|[Pp]entoo")).containsExactly("ali", "arrot", "entoo");
        assertThat(literals("timeout after [0-9]+ ms")).containsExactly("timeout after ");
        assertThat(literals("ab*cdef")).containsExactly("cdef");
        assertThat(literals("abcd+e")).containsExactly("abc");
        assertThat(literals("\\x41BC\\.DE")).containsExactly("ABC.DE");
        assertThat(literals("err\\d{3}or")).containsExactly("err");
        assertThat(literals("^ERROR|WARN$")).containsExactly("ERROR", "WARN");
    }

    @Test
    void noSetWhenABranchHasNoLiteralOfThreeCharacters() {
        assertThat(literals("error|ab")).isEmpty();
        assertThat(literals("a.b.c")).isEmpty();
        assertThat(literals("abc|\\d+")).isEmpty();
        assertThat(literals("abc?")).isEmpty();
        assertThat(literals("abc+d")).isEmpty();
    }

    private static Gen<String> regexes() {
        Gen<String> atom = Gen.elements("a", "b", "c", "ab", "abc", "bca", "\\.", "\\x41", ".", "\\d", "[ab]",
                "[^c]", " ", "-");
        Gen<String> quantifier = Gen.elements("", "", "", "", "*", "+", "?", "{2}", "{1,2}");
        Gen<String> branch = Gen.listOf(Gen.zip(atom, quantifier, String::concat), 1, 6)
                .map(l -> String.join("", l));
        return Gen.listOf(branch, 1, 3).map(l -> String.join("|", l));
    }

    private static Gen<String> texts() {
        return Gen.strings("abcA.1 -\n", 0, 16);
    }

    @Test
    void theShortcutNeverChangesAnAnswer() {
        PropCheck.tries(5000).forAll(regexes(), texts(), (regex, text) -> {
            CloudWatchRegex.Translation t = CloudWatchRegex.translate(regex);
            assertThat(t.isValid()).as(regex).isTrue();
            boolean expected = Pattern.compile(regex).matcher(text).find();
            RegexProgram program = RegexProgram.compile(regex);
            assertThat(program.find(text)).as("%s on %s", regex, text).isEqualTo(expected);
            char[] padded = ("xx" + text + "y").toCharArray();
            assertThat(program.find(padded, 2, text.length())).as("%s on %s", regex, text).isEqualTo(expected);
        });
    }

    private static List<String> literals(String regex) {
        return CloudWatchRegex.translate(regex).requiredLiterals();
    }
}
