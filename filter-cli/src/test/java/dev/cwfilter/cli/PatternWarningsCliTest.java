package dev.cwfilter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A pattern with a warning (a {@code ?} term that CloudWatch ignores beside plain terms) runs as CloudWatch runs it,
 * and the command says so on standard error, with the place of the ignored term; standard output is untouched.
 */
class PatternWarningsCliTest {

    @TempDir
    Path dir;

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
    void watchWarnsOnStandardError() throws Exception {
        Path log = dir.resolve("app.log");
        Files.writeString(log, "Task timed out after 3.00 seconds\nERROR disk full\n");
        Run run = Run.of("watch", "--no-follow", "-p", TRAP, log.toString());

        assertThat(run.code()).as(run.toString()).isZero();
        assertThat(run.err()).startsWith(WARNING);
        assertThat(run.out()).doesNotContain("warning");
    }

    /** The filters of a describe-metric-filters file: one whose pattern has a warning, one whose pattern has none. */
    private Path metricFilters() throws Exception {
        Path file = dir.resolve("filters.json");
        Files.writeString(file, """
                {"metricFilters": [
                  {"filterName": "Plain", "filterPattern": "ERROR",
                   "metricTransformations": [{"metricName": "Errors", "metricNamespace": "App", "metricValue": "1"}]},
                  {"filterName": "Timeouts", "filterPattern": "ERROR ?\\"Task timed out\\"",
                   "metricTransformations": [{"metricName": "Timeouts", "metricNamespace": "App", "metricValue": "1"}]}
                ]}
                """);
        return file;
    }

    @Test
    void metricsWithMetricFiltersNamesTheFilterWhosePatternWarns() throws Exception {
        Path filters = metricFilters();
        Run run = Run.withStdin("Task timed out after 3.00 seconds\nERROR disk full\n", "metrics", "--metric-filters",
                filters.toString(), "-");

        assertThat(run.code()).as(run.toString()).isZero();
        assertThat(run.err()).contains("cwfilter: metric filter 'Timeouts' (" + filters + " line 4): "
                        + WARNING.substring("cwfilter: ".length()))
                .contains(TRAP + "\n" + " ".repeat(6) + "^\n")
                .doesNotContain("'Plain'");
        assertThat(run.out()).doesNotContain("warning");
    }

    @Test
    void watchWithMetricFiltersNamesTheFilterWhosePatternWarns() throws Exception {
        Path filters = metricFilters();
        Path log = dir.resolve("app.log");
        Files.writeString(log, "Task timed out after 3.00 seconds\nERROR disk full\n");
        Run run = Run.of("watch", "--no-follow", "--metric-filters", filters.toString(), log.toString());

        assertThat(run.code()).as(run.toString()).isZero();
        assertThat(run.err()).contains("cwfilter: metric filter 'Timeouts' (" + filters + " line 4): "
                + WARNING.substring("cwfilter: ".length()));
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
