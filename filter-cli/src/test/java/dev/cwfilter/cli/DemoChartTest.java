package dev.cwfilter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cwfilter.cli.render.SvgChart;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cwfilter demo --chart FILE}: the seed's chart, which says what it shows — the pattern under the title, a
 * legend for every state the background shows (ALARM, INSUFFICIENT_DATA, OK as white) and a note on where ALARM
 * shading starts; the datapoints are drawn over the threshold line, so those at the threshold stay visible.
 */
class DemoChartTest {

    @Test
    void demoWritesTheSeedsChartThatExplainsItself(@TempDir Path dir) throws Exception {
        Path chart = dir.resolve("secrets.svg");
        Run run = Run.of("demo", "--chart", chart.toString());

        assertThat(run.code()).as(run.toString()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).contains("Chart written to " + chart);
        String svg = Files.readString(chart);
        assertThat(svg).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"").endsWith("</svg>\n")
                .contains("SecurityMetrics / Secret is accessed")
                .contains("class=\"subtitle\"")
                .contains("Metric filter: { $.eventName = &quot;GetSecretValue&quot; } (value 1, default 0)")
                .contains(">ALARM</text>").contains(">INSUFFICIENT_DATA</text>").contains(">OK (white)</text>")
                .contains(SvgChart.SHADING_NOTE);
        // The Sum alarm: ALARM at 12:04, 12:18, 12:42 and 12:59, INSUFFICIENT_DATA before 12:02 and from 12:33.
        assertThat(svg.split("class=\"alarm\"")).hasSize(1 + 4);
        assertThat(svg.split("class=\"insufficient-data\"")).hasSize(1 + 2);
        // ALARM shading starts at the evaluation, one period after the breaching datapoint: the 12:03 datapoint
        // (Sum 2) is at x 113.0 of the 12:00-13:00 axis (860 pixels from x 70), its ALARM from 12:04, x 127.3.
        assertThat(svg).contains("<circle cx=\"113.0\"").contains("class=\"alarm\" x=\"127.3\"");
        // Dashed, and drawn before every line and point: a datapoint at the threshold is drawn over it.
        int threshold = svg.indexOf("class=\"threshold\"");
        assertThat(threshold).isPositive().isLessThan(svg.indexOf("class=\"metric\""))
                .isLessThan(svg.indexOf("<circle"));
        assertThat(svg.substring(threshold, svg.indexOf('\n', threshold))).contains("stroke-dasharray");
    }

    @Test
    void aChartThatCannotBeWrittenIsAnInputOutputError(@TempDir Path dir) {
        Run run = Run.of("demo", "--chart", dir.resolve("missing/secrets.svg").toString());

        assertThat(run.code()).isEqualTo(ExitCodes.IO_ERROR);
        assertThat(run.err()).startsWith("cwfilter: cannot write the chart");
    }
}
