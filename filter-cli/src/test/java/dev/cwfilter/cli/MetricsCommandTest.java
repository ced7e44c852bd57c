package dev.cwfilter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetricsCommandTest {

    static final String SECRETS = "{ $.eventName = \"GetSecretValue\" }";

    @TempDir
    Path dir;

    static long lines(String text, String containing) {
        return Arrays.stream(text.split("\n")).filter(l -> l.contains(containing)).count();
    }

    @Test
    void sumPerMinuteWithAnAlarmGivesTheSeedScenariosDatapointsAndTransitions() throws IOException {
        Path chart = dir.resolve("secrets.svg");
        Run run = Run.of("metrics", "-p", SECRETS, "--value", "1", "--default", "0", "--period", "60", "--stat",
                "Sum", "--alarm", ">= 1 for 1 of 1", "--chart", chart.toString(), Run.seed().toString());
        assertThat(run.code()).as(run.toString()).isZero();
        assertThat(run.out()).contains("127 events, 127 datapoints published")
                .contains("  2026-11-21 12:03      2            5\n")
                .contains("  2026-11-21 12:41      2            3\n")
                .doesNotContain("2026-11-21 12:31");
        // 57 minutes with events, as the seed scenario test counts them.
        assertThat(Arrays.stream(run.out().split("\n")).filter(l -> l.matches("  2026-11-21 \\d\\d:\\d\\d +\\d+ +\\d+")))
                .hasSize(57);
        assertThat(run.out()).contains("2026-11-21 12:04  OK                → ALARM              Threshold Crossed: "
                + "1 out of the last 1 datapoints [2.0 (21/11/26 12:03:00)] was greater than or equal to the threshold"
                + " (1.0)");
        assertThat(lines(run.out(), "→ ALARM")).isEqualTo(4);
        assertThat(lines(run.out(), " → ")).as("transitions").isEqualTo(12);
        assertThat(run.out()).contains("final state: INSUFFICIENT_DATA").contains("Chart written to " + chart);
        String svg = Files.readString(chart);
        assertThat(svg).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"")
                .contains("class=\"threshold\"").contains("stroke=\"#d13212\"")
                .contains("class=\"metric\"").contains(">12:00<").contains("Time (UTC)").endsWith("</svg>\n");
        assertThat(svg.split("class=\"alarm\"")).hasSize(1 + 4);
        assertThat(svg.split("<circle")).hasSize(1 + 57);
    }

    @Test
    void anAlarmThatFallsBackToInsufficientDataBetweenMatchesHintsAtADefaultValue() {
        String hint = "  hint: a period without a matching event has no datapoint (the metric filter has no default"
                + " value), so the alarm goes to INSUFFICIENT_DATA between matches; --default 0 makes every event"
                + " that does not match publish 0, so that each period with events has a datapoint\n";
        Run without = Run.of("metrics", "-p", SECRETS, "--alarm", ">= 1 for 1 of 1", Run.seed().toString());
        assertThat(without.code()).as(without.toString()).isZero();
        assertThat(without.out()).contains("ALARM             → INSUFFICIENT_DATA")
                .contains("  final state: INSUFFICIENT_DATA\n" + hint);
        Run with = Run.of("metrics", "-p", SECRETS, "--default", "0", "--alarm", ">= 1 for 1 of 1",
                Run.seed().toString());
        assertThat(with.out()).doesNotContain("hint:").doesNotContain("ALARM             → INSUFFICIENT_DATA");
        // An alarm that never leaves INSUFFICIENT_DATA once it had data needs no hint.
        Run never = Run.of("metrics", "-p", SECRETS, "--alarm", ">= 100 for 1 of 1", "--treat-missing-data",
                "notBreaching", Run.seed().toString());
        assertThat(never.out()).doesNotContain("hint:");
    }

    @Test
    void averageOverFiveMinutesIsTheShareOfMatchesAndNeverAlarms() {
        Run run = Run.of("metrics", "-p", SECRETS, "--default", "0", "--period", "300", "--stat", "Average",
                "--alarm", ">= 1", "--notifications", Run.seed().toString());
        assertThat(run.code()).as(run.toString()).isZero();
        assertThat(run.out()).contains("  2026-11-21 12:00            0.125           16\n")
                .contains("  2026-11-21 12:40     0.1666666667           12\n")
                .contains("(no notification: the alarm never went to ALARM)");
        assertThat(lines(run.out(), "→ ALARM")).isZero();
    }

    @Test
    void notificationsPrintCloudWatchsEmail() {
        Run run = Run.of("metrics", "-p", SECRETS, "--default", "0", "--stat", "Sum", "--alarm", ">= 1",
                "--notifications", "--alarm-name", "Secret read", Run.seed().toString());
        assertThat(run.out().split("You are receiving this email")).hasSize(1 + 4);
        assertThat(run.out()).contains("Alarm \"Secret read\"");
    }

    @Test
    void dimensionsGiveOneMetricEachAndValuesComeFromFields() {
        String events = "{\"timestamp\":1795262400000,\"svc\":\"a\",\"ms\":10}\n"
                + "{\"timestamp\":1795262410000,\"svc\":\"b\",\"ms\":30}\n"
                + "{\"timestamp\":1795262420000,\"svc\":\"a\",\"ms\":50}\n"
                + "{\"timestamp\":1795262480000,\"svc\":\"a\",\"ms\":7}\n";
        Run run = Run.withStdin(events, "metrics", "-p", "{ $.ms = * }", "--value", "$.ms", "--dimension",
                "Service=$.svc", "--stat", "Maximum", "--unit", "Milliseconds");
        assertThat(run.code()).as(run.toString()).isZero();
        assertThat(run.out()).contains("Datapoints for Service=a\n  period start (UTC)  Maximum  SampleCount\n"
                + "  2026-11-21 12:00         50            2\n  2026-11-21 12:01          7            1\n")
                .contains("Datapoints for Service=b\n  period start (UTC)  Maximum  SampleCount\n"
                + "  2026-11-21 12:00         30            1\n");
    }

    @Test
    void eventsWithoutTimestampsAreLeftOutAndReported() {
        Run run = Run.withStdin("ERROR one\nERROR two\n", "metrics", "-p", "ERROR");
        assertThat(run.code()).isZero();
        assertThat(run.out()).contains("No datapoints");
        assertThat(run.err()).isEqualTo("cwfilter: 2 events without a timestamp left out (a metric needs "
                + "timestamps) (the first: -, line 1)\n");
    }

    @Test
    void invalidSettingsAreUsageErrors() {
        String seed = Run.seed().toString();
        assertUsage(Run.of("metrics", "-p", SECRETS, "--period", "45", seed), "--period 45");
        assertUsage(Run.of("metrics", "-p", SECRETS, "--stat", "sum", seed), "--stat 'sum'");
        assertUsage(Run.of("metrics", "-p", SECRETS, "--alarm", "=> 1", seed), "expected 'OP THRESHOLD for M of N'");
        assertUsage(Run.of("metrics", "-p", SECRETS, "--alarm", ">= 1 for 2 of 1", seed), "1 <= M <= N");
        assertUsage(Run.of("metrics", "-p", SECRETS, "--alarm", ">= 1", "--treat-missing-data", "zero", seed),
                "unknown TreatMissingData 'zero'");
        // Without --alarm too: an invalid value is refused, not silently ignored (metrics and watch alike).
        assertUsage(Run.of("metrics", "-p", SECRETS, "--treat-missing-data", "zero", seed),
                "cwfilter metrics: --treat-missing-data: unknown TreatMissingData 'zero'");
        assertUsage(Run.of("watch", "--no-follow", "-p", SECRETS, "--treat-missing-data", "zero", seed),
                "cwfilter watch: --treat-missing-data: unknown TreatMissingData 'zero'");
        assertUsage(Run.of("metrics", "-p", SECRETS, "--alarm", ">= 1 for 2 of 2000", "--period", "60", seed),
                "invalid alarm");
        assertUsage(Run.of("metrics", "-p", "{ $.a = 1 }", "--dimension", "A=$.a", "--default", "0", seed),
                "cannot have a default value");
        assertUsage(Run.of("metrics", "-p", "ERROR", "--value", "$.x", seed), "needs a JSON filter pattern");
        assertUsage(Run.of("metrics", "-p", "{ $.a = }", seed), "Invalid filter pattern");
        assertUsage(Run.of("metrics", "-p", SECRETS, "--unit", "Furlongs", seed), "unknown unit 'Furlongs'");
        assertUsage(Run.of("metrics", "-p", SECRETS, "--chart", "out.png", seed), "FILE.svg");
        assertUsage(Run.of("metrics", "-p", SECRETS, "--notifications", seed), "--notifications needs an --alarm");
        // An alarm's name without the alarm would name nothing: refused, not ignored (metrics and watch alike).
        assertUsage(Run.of("metrics", "-p", SECRETS, "--alarm-name", "secret-reads", seed),
                "cwfilter metrics: --alarm-name 'secret-reads' names the alarm of --alarm, and no --alarm is given");
        assertUsage(Run.of("watch", "--no-follow", "-p", SECRETS, "--alarm-name", "secret-reads", seed),
                "cwfilter watch: --alarm-name 'secret-reads' names the alarm of --alarm, and no --alarm is given");
        assertUsage(Run.of("metrics", seed), "Missing required option: '--filter-pattern=PATTERN'");
    }

    static void assertUsage(Run run, String message) {
        assertThat(run.code()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains(message);
        assertThat(run.out()).isEmpty();
    }

    @Test
    void extendedStatisticsAndOtherOperatorsWork() {
        StringBuilder events = new StringBuilder();
        for (int i = 0; i < 100; i++) {
            events.append("{\"timestamp\":").append(1795262400000L + i * 1000L).append(",\"ms\":").append(i + 1)
                    .append("}\n");
        }
        Run run = Run.withStdin(events.toString(), "metrics", "-p", "{ $.ms > 0 }", "--value", "$.ms", "--stat",
                "p90", "--alarm", "< 100 for 1 of 1");
        assertThat(run.code()).as(run.toString()).isZero();
        assertThat(run.out()).contains("  2026-11-21 12:00     54           60\n  2026-11-21 12:01     96           40\n")
                .contains("INSUFFICIENT_DATA → ALARM").contains("was less than the threshold (100.0)");
    }
}
