package dev.cwfilter.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.cwfilter.FilterPattern;
import dev.cwfilter.FilterPatternException;
import dev.cwfilter.ParsedPattern;
import dev.cwfilter.PatternIssue;

/**
 * Any text given as a pattern either compiles, with a canonical form that compiles to an equal pattern, or is
 * rejected with a {@link FilterPatternException} whose issues point inside the text; nothing else escapes. Runs the
 * seed corpus in {@code mvn verify}; {@code JAZZER_FUZZ=1 mvn test -Dtest=PatternFuzzTest} fuzzes.
 */
class PatternFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void anyPatternTextCompilesOrIsRejectedCleanly(byte[] input) {
        String text = new String(input, java.nio.charset.StandardCharsets.UTF_8);
        ParsedPattern parsed = FilterPattern.parse(text);
        if (parsed.isValid()) {
            FilterPattern pattern = FilterPattern.compile(text);
            assertThat(FilterPattern.compile(pattern.toString())).isEqualTo(pattern);
        } else {
            assertThat(parsed.issues()).isNotEmpty();
            for (PatternIssue issue : parsed.issues()) {
                assertThat(issue.offset()).isBetween(0, text.length());
                assertThat(issue.excerpt(text)).contains("^");
            }
            try {
                FilterPattern.compile(text);
                throw new AssertionError("parse said invalid but compile accepted: " + text);
            } catch (FilterPatternException expected) {
                assertThat(expected.issues()).isEqualTo(parsed.issues());
            }
        }
    }
}
