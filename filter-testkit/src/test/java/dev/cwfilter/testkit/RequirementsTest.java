package dev.cwfilter.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The check of the user's JUnit and AssertJ: a missing or too old library is named, with what to add. */
class RequirementsTest {

    @Test
    void thisBuildsVersionsPass() {
        Requirements.check();
    }

    @Test
    void versionsAreComparedNumericallyPartByPart() {
        assertThat(Requirements.tooOld("5.9.3", "5.10")).isTrue();
        assertThat(Requirements.tooOld("5.10.0", "5.10")).isFalse();
        assertThat(Requirements.tooOld("5.14.4", "5.10")).isFalse();
        assertThat(Requirements.tooOld("6.0.0-M1", "5.10")).isFalse();
        assertThat(Requirements.tooOld("3.24.2", "3.25")).isTrue();
        assertThat(Requirements.tooOld("3.27.7", "3.25")).isFalse();
        assertThat(Requirements.tooOld("", "3.25")).isFalse();
    }

    @Test
    void aTooOldJUnitAndAMissingAssertJAreNamedWithWhatToAdd() {
        String problem = Requirements.problem(null, "5.9.3");

        assertThat(problem).startsWith("filter-testkit needs your test setup to provide these libraries")
                .contains("AssertJ 3.25 or later, found none on the class path: add org.assertj:assertj-core 3.25")
                .contains("JUnit Jupiter 5.10 or later, found 5.9.3: add org.junit.jupiter:junit-jupiter")
                .contains("docs/testkit.md");
        assertThat(Requirements.problem("3.27.7", "5.10.3")).isNull();
        assertThat(Requirements.problem("3.27.7", "5.8.2")).doesNotContain("AssertJ").contains("found 5.8.2");
    }
}
