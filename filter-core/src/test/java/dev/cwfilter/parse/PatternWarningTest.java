package dev.cwfilter.parse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cwfilter.FilterPattern;
import dev.cwfilter.ParsedPattern;
import dev.cwfilter.PatternIssue;
import org.junit.jupiter.api.Test;

/**
 * Warnings: valid patterns that CloudWatch accepts but that do not do what they seem to. CloudWatch ignores {@code ?}
 * terms beside plain or {@code -} terms (U17); the pattern stays valid and matches as CloudWatch does, and
 * {@code parse().issues()} says so, with the place of each ignored term.
 */
class PatternWarningTest {

    private static final String README_TRAP = "ERROR -ARGUMENTS ?\"Task timed out\"";

    @Test
    void anOptionalTermBesidePlainTermsIsReportedAsAWarningWithItsPlace() {
        ParsedPattern parsed = FilterPattern.parse(README_TRAP);

        assertThat(parsed.isValid()).isTrue();
        assertThat(parsed.errors()).isEmpty();
        assertThat(parsed.issues()).isEqualTo(parsed.warnings());
        PatternIssue warning = parsed.warnings().get(0);
        assertThat(parsed.warnings()).hasSize(1);
        assertThat(warning.severity()).isEqualTo(PatternIssue.Severity.WARNING);
        assertThat(warning.isWarning()).isTrue();
        assertThat(warning.offset()).isEqualTo(README_TRAP.indexOf('?'));
        assertThat(warning.length()).isEqualTo("?\"Task timed out\"".length());
        assertThat(warning.line()).isEqualTo(1);
        assertThat(warning.column()).isEqualTo(18);
        assertThat(warning.message()).startsWith("the optional term ?\"Task timed out\" is ignored")
                .contains("(here ERROR)").contains("write only '?' terms");
        assertThat(warning.describe()).startsWith("warning: the optional term").endsWith("(line 1, column 18)");
        assertThat(warning.excerpt(README_TRAP)).isEqualTo(README_TRAP + "\n" + " ".repeat(17) + "^");
    }

    @Test
    void theWarnedPatternStillMatchesAsCloudWatchDoesIgnoringTheOptionalTerm() {
        FilterPattern trap = FilterPattern.compile(README_TRAP);
        FilterPattern withoutOptional = FilterPattern.compile("ERROR -ARGUMENTS");

        assertThat(trap.matches("Task timed out after 3.00 seconds")).isFalse();
        assertThat(trap.matches("ERROR: disk full")).isTrue();
        for (String event : new String[] {"ERROR Task timed out", "ERROR ARGUMENTS", "Task timed out", "ERROR"}) {
            assertThat(trap.matches(event)).as(event).isEqualTo(withoutOptional.matches(event));
        }
    }

    @Test
    void everyIgnoredOptionalTermIsReportedAlsoBesideOnlyAnExclusion() {
        String pattern = "?A ?B -C";
        ParsedPattern parsed = FilterPattern.parse(pattern);

        assertThat(parsed.warnings()).extracting(PatternIssue::offset).containsExactly(0, 3);
        assertThat(parsed.warnings()).allSatisfy(w -> assertThat(w.message()).contains("(here -C)"));
    }

    @Test
    void warningsAreOrderedByOffsetAcrossLines() {
        ParsedPattern parsed = FilterPattern.parse("?A\nERROR ?B");

        assertThat(parsed.warnings()).extracting(PatternIssue::line).containsExactly(1, 2);
        assertThat(parsed.warnings()).extracting(PatternIssue::column).containsExactly(1, 7);
    }

    @Test
    void patternsThatDoWhatTheySeemToHaveNoWarnings() {
        for (String pattern : new String[] {"?ERROR ?\"Task timed out\"", "ERROR -ARGUMENTS", "\"Task timed out\"",
                "{ $.a = \"?b\" }", "[a, b = ?c]", "%\\?x%", ""}) {
            ParsedPattern parsed = FilterPattern.parse(pattern);
            assertThat(parsed.isValid()).as(pattern).isTrue();
            assertThat(parsed.issues()).as(pattern).isEmpty();
        }
    }

    @Test
    void anInvalidPatternHasErrorsOnlyEvenBesideAnIgnoredOptionalTerm() {
        ParsedPattern parsed = FilterPattern.parse("ERROR ?timeout a,b");

        assertThat(parsed.isValid()).isFalse();
        assertThat(parsed.warnings()).isEmpty();
        assertThat(parsed.errors()).isEqualTo(parsed.issues()).isNotEmpty()
                .allSatisfy(e -> assertThat(e.severity()).isEqualTo(PatternIssue.Severity.ERROR));
    }
}
