package dev.cwfilter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A pattern with a warning (a {@code ?} term that CloudWatch ignores beside plain terms) runs as CloudWatch runs it,
 * and the command says so on standard error, with the place of the ignored term; standard output is untouched.
 */
class PatternWarningsCliTest {

    private static final String TRAP = "ERROR ?\"Task timed out\"";
    private static final String WARNING = "cwfilter: warning: the optional term ?\"Task timed out\" is ignored";

    @Test
    void filterWarnsOnStandardErrorAndMatchesAsCloudWatchDoes() {
        Run run = Run.withStdin("Task timed out after 3.00 seconds\nERROR disk full\n", "filter", "-p", TRAP);

        assertThat(run.code()).as(run.toString()).isZero();
        assertThat(run.out()).isEqualTo("ERROR disk full\n");
        assertThat(run.err()).startsWith(WARNING).contains("(line 1, column 7)")
                .contains(TRAP + "\n" + " ".repeat(6) + "^\n");
    }

    @Test
    void testMetricFilterWarnsOnStandardErrorAndKeepsItsOutput() {
        Run run = Run.of("test-metric-filter", "--filter-pattern", TRAP, "--log-event-messages",
                "Task timed out after 3.00 seconds", "ERROR disk full");

        assertThat(run.code()).as(run.toString()).isZero();
        assertThat(run.out()).contains("\"eventMessage\": \"ERROR disk full\"")
                .doesNotContain("Task timed out after").doesNotContain("warning");
        assertThat(run.err()).startsWith(WARNING);
    }

    @Test
    void metricsWarnsOnStandardError() {
        Run run = Run.of("metrics", "-p", "GetSecretValue ?ListSecrets", "--value", "1", "--period", "60",
                "--stat", "Sum", Run.seed().toString());

        assertThat(run.code()).as(run.toString()).isZero();
        assertThat(run.err()).contains("cwfilter: warning: the optional term ?ListSecrets is ignored");
        assertThat(run.out()).doesNotContain("warning");
    }

    @Test
    void aPatternThatDoesWhatItSeemsToPrintsNoWarning() {
        Run run = Run.withStdin("Task timed out after 3.00 seconds\nERROR disk full\n", "filter", "-p",
                "?ERROR ?\"Task timed out\"");

        assertThat(run.code()).as(run.toString()).isZero();
        assertThat(run.out()).isEqualTo("Task timed out after 3.00 seconds\nERROR disk full\n");
        assertThat(run.err()).doesNotContain("warning");
    }
}
