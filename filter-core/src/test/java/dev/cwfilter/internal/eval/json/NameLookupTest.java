package dev.cwfilter.internal.eval.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cwfilter.FilterPattern;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Property names are compared as UTF-8 bytes, after a filter on their length (one bit per length, modulo 64) and,
 * as words (the last one masked to the name's bytes): every length class, names of equal length that differ in one
 * byte anywhere, names ending within a word of the event's end, and lengths 64 apart (which share a filter bit) are
 * told apart.
 */
class NameLookupTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 7, 8, 9, 15, 16, 17, 24, 63, 64, 65, 68, 130})
    void aNameIsFoundOnlyWhereEveryByteIsTheSame(int length) {
        String name = name(length);
        FilterPattern pattern = FilterPattern.compile("{ $." + name + " = \"yes\" || $.other" + name + " = \"yes\" }");
        assertMatches(pattern, "{\"" + name + "\":\"yes\"}", true);
        for (int at = 0; at < length; at++) {
            char[] changed = name.toCharArray();
            changed[at] = changed[at] == 'x' ? 'y' : 'x';
            assertMatches(pattern, "{\"" + new String(changed) + "\":\"yes\"}", false);
        }
        assertMatches(pattern, "{\"" + name + "z\":\"yes\"}", false);
        assertMatches(pattern, "{\"" + name.substring(1) + "\":\"yes\"}", false);
        // A name 64 bytes longer shares the length filter's bit and must still be compared.
        assertMatches(pattern, "{\"" + name + name(64) + "\":\"yes\"}", false);
        FilterPattern longer = FilterPattern.compile("{ $." + name + name(64) + " = \"yes\" }");
        assertMatches(longer, "{\"" + name + "\":\"yes\", \"" + name + name(64) + "\":\"yes\"}", true);
        assertMatches(longer, "{\"" + name + "\":\"yes\"}", false);
    }

    /** The last word of a name that ends a few bytes before the event does cannot be read whole: it is still compared. */
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 9, 10, 11, 17})
    void aNameNearTheEndOfTheEventIsComparedInFull(int length) {
        String name = name(length);
        // The disjunction leaves the pattern no literal to prefilter on: every event is walked.
        FilterPattern pattern = FilterPattern.compile("{ $." + name + " = 1 || $.other = 1 }");
        assertMatches(pattern, "{\"" + name + "\":1}", true);
        for (int at = 0; at < length; at++) {
            char[] changed = name.toCharArray();
            changed[at] = changed[at] == 'x' ? 'y' : 'x';
            assertMatches(pattern, "{\"" + new String(changed) + "\":1}", false);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"é", "naïve", "日本語のキー", "emoji😀key", "ключ-длиной-больше-шестнадцати"})
    void namesBeyondAsciiAreComparedByTheirUtf8Bytes(String name) {
        FilterPattern pattern = FilterPattern.compile("{ $.['" + name + "'] = 1 }");
        assertMatches(pattern, "{\"" + name + "\":1}", true);
        assertMatches(pattern, "{\"" + name + "x\":1}", false);
        assertMatches(pattern, "{\"" + name.substring(0, name.length() - 1) + "\":1}", false);
    }

    private static String name(int length) {
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            s.append((char) ('a' + i % 23));
        }
        return s.toString();
    }

    private static void assertMatches(FilterPattern pattern, String event, boolean expected) {
        byte[] bytes = event.getBytes(StandardCharsets.UTF_8);
        assertThat(pattern.matches(bytes, 0, bytes.length)).as("%s on %s, as bytes", pattern, event)
                .isEqualTo(expected);
        assertThat(pattern.matches(event)).as("%s on %s, as text", pattern, event).isEqualTo(expected);
    }
}
