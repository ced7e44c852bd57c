package dev.cwfilter.internal.eval.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cwfilter.FilterPattern;
import dev.cwfilter.propcheck.Gen;
import dev.cwfilter.propcheck.PropCheck;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * An expression whose every alternative is a literal text ({@code %kali|parrot|pentoo%}) is searched as those texts:
 * as substrings of the text, and their UTF-8 as substrings of a message's bytes, which are never decoded. Over generated
 * alternations and messages (malformed UTF-8 next to the UTF-8 of é included), the answer is java.util.regex's on the
 * decoded text.
 */
class RegexLiteralAlternativesProperties {

    @Test
    void onlyAlternativesOfLiteralTextsAreSearchedAsTexts() {
        assertThat(RegexProgram.compile("kali|parrot|pentoo").literals()).containsExactly("kali", "parrot", "pentoo");
        assertThat(RegexProgram.compile("a\\.b|\\x41").literals()).containsExactly("a.b", "A");
        assertThat(RegexProgram.compile("[Kk]ali|parrot").literals()).isNull();
        assertThat(RegexProgram.compile("^kali").literals()).isNull();
        assertThat(RegexProgram.compile("kali$").literals()).isNull();
        assertThat(RegexProgram.compile("kal+i").literals()).isNull();
        assertThat(RegexProgram.compile("ka.i").literals()).isNull();
        assertThat(RegexProgram.compile("a{2}").literals()).isNull();
    }

    /** Alternations of literal texts over a few characters, one of them (written as an escape) outside ASCII. */
    private static final Gen<String> ALTERNATIONS = Gen.listOf(Gen.listOf(Gen.elements("a", "b", "\\.", "\\x41",
            "\\xe9", "-"), 1, 4).map(l -> String.join("", l)), 1, 3).map(l -> String.join("|", l));

    /** Messages as bytes: ASCII, the UTF-8 of é, its bytes alone, and bytes never in UTF-8. */
    private static final Gen<byte[]> MESSAGES = Gen.bytes(Gen.elements(new byte[] {'a'}, new byte[] {'b'},
            new byte[] {'.'}, new byte[] {'A'}, new byte[] {'-'}, new byte[] {' '}, new byte[] {(byte) 0xC3, (byte) 0xA9},
            new byte[] {(byte) 0xC3}, new byte[] {(byte) 0xA9}, new byte[] {(byte) 0xFF}), 0, 10);

    @Test
    void aSearchForTheTextsAnswersAsTheExpression() {
        PropCheck.tries(5000).forAll(ALTERNATIONS, MESSAGES, (regex, utf8) -> {
            String text = new String(utf8, StandardCharsets.UTF_8);
            boolean expected = Pattern.compile(regex).matcher(text).find();
            RegexProgram program = RegexProgram.compile(regex);
            assertThat(program.literals()).as(regex).isNotNull();
            assertThat(program.find(text)).as("%s on %s", regex, text).isEqualTo(expected);
            char[] padded = ("xx" + text + "y").toCharArray();
            assertThat(program.find(padded, 2, text.length())).as("%s on %s", regex, text).isEqualTo(expected);
            FilterPattern pattern = FilterPattern.compile("%" + regex + "%");
            assertThat(pattern.matches(text)).as("%s on %s", regex, text).isEqualTo(expected);
            byte[] framed = new byte[utf8.length + 3];
            System.arraycopy(utf8, 0, framed, 2, utf8.length);
            framed[0] = 'b';
            framed[1] = '.';
            framed[framed.length - 1] = 'a';
            assertThat(pattern.matches(framed, 2, utf8.length)).as("%s on bytes of %s", regex, text)
                    .isEqualTo(expected);
        });
    }

    @Test
    void literalTextsOfTheBenchmarkKind() {
        FilterPattern pattern = FilterPattern.compile("%kali|parrot|pentoo%");
        for (String message : List.of("ua Kali", "ua kali-rolling", "parrot os", "x pentoo", "\u00e9 pentoo",
                "nothing here")) {
            byte[] utf8 = message.getBytes(StandardCharsets.UTF_8);
            boolean expected = Pattern.compile("kali|parrot|pentoo").matcher(message).find();
            assertThat(pattern.matches(utf8, 0, utf8.length)).as(message).isEqualTo(expected);
        }
    }
}
