package dev.cwfilter.jmh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/**
 * The report reads JMH's JSON result format and turns scores into MB/s, ratios and target marks. The events here are
 * taken to be 1,000 bytes, so 1 M events/s is 1,000 MB/s.
 */
class ReportTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final ArrayNode json = MAPPER.createArrayNode();

    private ObjectNode result(String benchmark, String rate, double eventsPerSecond) {
        ObjectNode r = json.addObject();
        r.put("jmhVersion", "1.37").put("benchmark", "dev.cwfilter.jmh." + benchmark).put("mode", "thrpt")
                .put("threads", 1).put("forks", 1).put("jdkVersion", "17.0.15").put("vmName", "OpenJDK 64-Bit")
                .put("warmupIterations", 5).put("warmupTime", "1 s").put("measurementIterations", 5)
                .put("measurementTime", "1 s");
        if (rate != null) {
            r.putObject("params").put("hitRate", rate);
        }
        r.putObject("primaryMetric").put("score", eventsPerSecond).put("scoreError", eventsPerSecond / 10)
                .put("scoreUnit", "ops/s");
        return r;
    }

    private void allocation(ObjectNode result, double bytesPerOp) {
        result.putObject("secondaryMetrics").putObject("gc.alloc.rate.norm").put("score", bytesPerOp)
                .put("scoreError", "NaN").put("scoreUnit", "B/op");
    }

    private String render() {
        return new Report(Report.parse(json), (family, rate) -> 1000).render();
    }

    @Test
    void aFamilyRowGivesEventsPerSecondMegabytesPerSecondAllocationAndARatioPerBaseline() {
        allocation(result("SeedEqualityBenchmark.cwfilterBytes", "0.02", 1_500_000), 0.0123);
        result("SeedEqualityBenchmark.baselineHandWrittenJackson", "0.02", 1_000_000);
        result("SeedEqualityBenchmark.baselineDatabindTree", "0.02", 250_000);
        result("TokenPassBenchmark.baselineFullTokenPass", "0.02", 600_000);
        String report = render();
        assertThat(report).contains("- seed equality: `{ $.eventName = \"GetSecretValue\" }`");
        assertThat(report).contains("| seed equality | 2% | bytes"
                + " | 1.50 M ± 150 k | 1,500 | 0.01 | full jackson-core token pass | 600 | 2.50× |");
        assertThat(report).contains("|  |  |  |  |  |  | hand-written jackson-core | 1,000 | 1.50× |");
        assertThat(report).contains("| databind readTree | 250 | 6.00× |");
        assertThat(report).contains("| seed equality at 2% hits: at least 1.0× the hand-written jackson-core | 1.50×"
                + " | ✓ |");
        assertThat(report).contains("| seed equality at 2% hits: aiming for 1.4× the hand-written jackson-core"
                + " | 1.50× | ✓ |");
        assertThat(report).contains("| seed equality over bytes at 2% hits: at most 64 bytes allocated per event"
                + " (98% do not match) | 0.01 B | ✓ |");
        assertThat(report).contains("CloudTrail events at 2%: 1,000 bytes");
    }

    @Test
    void benchmarksMeasuredUnderAnotherConfigurationAreNamedInTheHeader() {
        result("SeedEqualityBenchmark.cwfilterBytes", "0.02", 1_500_000);
        result("NumericBenchmark.cwfilterBytes", "0.02", 1_500_000);
        result("ThreadsBenchmark.cwfilterBytesOneThread", "0.02", 1_000_000).put("forks", 2)
                .put("measurementIterations", 10);
        result("ThreadsBenchmark.cwfilterBytesTwoThreads", "0.02", 2_000_000).put("forks", 2)
                .put("measurementIterations", 10);
        assertThat(render()).startsWith("Run: JMH 1.37, JDK 17.0.15 (OpenJDK 64-Bit), 1 fork, warmup 5 × 1 s,"
                + " measurement 5 × 1 s; ThreadsBenchmark: JMH 1.37, JDK 17.0.15 (OpenJDK 64-Bit), 2 forks,"
                + " warmup 5 × 1 s, measurement 10 × 1 s.\n");
    }

    @Test
    void targetsBelowTheirRatioAreMarkedAndMissingMeasurementsSaidSo() {
        allocation(result("NumericBenchmark.cwfilterBytes", "0.02", 500_000), 312);
        result("NumericBenchmark.baselineHandWrittenJackson", "0.02", 800_000);
        result("TokenPassBenchmark.baselineFullTokenPass", "0.02", 400_000);
        result("TermBenchmark.cwfilterBytes", "0.5", 700_000);
        result("TermBenchmark.baselineRawByteScan", "0.5", 1_000_000);
        String report = render();
        assertThat(report).contains("| numeric at 2% hits: at least 1.0× the hand-written jackson-core | 0.63× | ✗ |");
        assertThat(report).contains("| numeric at 2% hits: never below 1.0× the full jackson-core token pass | 1.25×"
                + " | ✓ |");
        assertThat(report).contains("| term at 50% hits: at least 0.8× the raw byte scan for the literal | 0.70×"
                + " | ✗ |");
        assertThat(report).contains("| numeric over bytes at 2% hits: at most 64 bytes allocated per event"
                + " (98% do not match) | 312 B | ✗ |");
        assertThat(report).contains("| seed equality at 2% hits: at least 1.0× the hand-written jackson-core"
                + " | not measured | — |");
        assertThat(report).contains("| compound at 50% hits: at least 1.0× the hand-written jackson-core"
                + " | not measured | — |");
    }

    @Test
    void stringInputsAreComparedWithStringBaselinesOnly() {
        result("TermBenchmark.cwfilterBytes", "0.02", 2_000_000);
        result("TermBenchmark.cwfilterString", "0.02", 3_000_000);
        result("TermBenchmark.baselineRawByteScan", "0.02", 1_000_000);
        result("TermBenchmark.baselineStringContains", "0.02", 4_000_000);
        String report = render();
        assertThat(report).contains("| bytes | 2.00 M ± 200 k | 2,000 |  | raw byte scan for the literal | 1,000"
                + " | 2.00× |");
        assertThat(report).contains("| String | 3.00 M ± 300 k | 3,000 |  | String.contains | 4,000 | 0.75× |");
        assertThat(report).doesNotContain("| full jackson-core token pass |").doesNotContain("| numeric |");
    }

    @Test
    void compileThreadsAndTheCommandLineHaveTheirOwnRows() {
        ObjectNode compile = result("CompileBenchmark.compile200CharacterPattern", null, 42.5);
        compile.put("mode", "avgt");
        ((ObjectNode) compile.get("primaryMetric")).put("scoreUnit", "us/op").put("scoreError", "NaN");
        ObjectNode tree = result("CompileBenchmark.compile200CharacterTree", null, 12.5);
        tree.put("mode", "avgt");
        ((ObjectNode) tree.get("primaryMetric")).put("scoreUnit", "us/op").put("scoreError", "NaN");
        result("ThreadsBenchmark.cwfilterBytesOneThread", "0.5", 1_000_000);
        result("ThreadsBenchmark.cwfilterBytesTwoThreads", "0.5", 1_700_000).put("threads", 2);
        result("CliFilterBenchmark.cliFilterPipelineOnAFile", null, 900_000);
        result("CliFilterBenchmark.libraryMatchesBytes", null, 1_800_000);
        String report = render();
        assertThat(report).contains("| compile, 208-character pattern | 42.5 µs | | |");
        assertThat(report).contains("| compile, the 208-character pattern's syntax tree | 12.5 µs | | |");
        assertThat(report).contains("| compile a 208-character pattern in under 100 µs | 42.5 µs | ✓ |");
        assertThat(report).contains("| two threads sharing one pattern, 50% hits: close to 2× one thread"
                + " (at least 1.8×) | 1.70× | ✗ |");
        assertThat(report).contains("| `cwfilter filter` pipeline on a file, seed pattern, 2% hits"
                + " | 900 k ± 90 k events/s | the library: 1.80 M ± 180 k | 0.50× |");
    }

    @Test
    void compilingALogGroupIsReportedInMillisecondsWhateverTheUnitOfTheRun() {
        ObjectNode compile = result("LogGroupBenchmark.compile100", null, 5.54);
        compile.put("mode", "avgt");
        ((ObjectNode) compile.get("primaryMetric")).put("scoreUnit", "ms/op").put("scoreError", "NaN");
        assertThat(render()).contains("| compile 100 filters and their set in under 20 ms | 5.54 ms | ✓ |");
        json.removeAll();
        ObjectNode slow = result("LogGroupBenchmark.compile100", null, 25_000);
        slow.put("mode", "avgt");
        ((ObjectNode) slow.get("primaryMetric")).put("scoreUnit", "us/op").put("scoreError", "NaN");
        assertThat(render()).contains("| compile 100 filters and their set in under 20 ms | 25 ms | ✗ |");
    }

    @Test
    void aRunWithoutWarmupIsFlaggedAsASmokeTest() {
        result("TermBenchmark.cwfilterBytes", "0.02", 2_000_000).put("warmupIterations", 0);
        assertThat(render()).contains("warmup 0 × 1 s").contains("a smoke test, not a measurement");
        json.removeAll();
        result("TermBenchmark.cwfilterBytes", "0.02", 2_000_000);
        assertThat(render()).contains("warmup 5 × 1 s").doesNotContain("smoke test");
    }

    @Test
    void scoresInOtherTimeUnitsAreConverted() {
        assertThat(Report.toReportUnit("ops/s")).isEqualTo(1);
        assertThat(Report.toReportUnit("ops/ms")).isEqualTo(1e3);
        assertThat(Report.toReportUnit("ops/us")).isCloseTo(1e6, within(1e-6));
        assertThat(Report.toReportUnit("us/op")).isCloseTo(1, within(1e-12));
        assertThat(Report.toReportUnit("ns/op")).isCloseTo(1e-3, within(1e-15));
        assertThat(Report.toReportUnit("ms/op")).isEqualTo(1e3);
        assertThatThrownBy(() -> Report.toReportUnit("B/op")).isInstanceOf(IllegalArgumentException.class);
        ObjectNode r = result("TermBenchmark.cwfilterBytes", "0.02", 2_000);
        ((ObjectNode) r.get("primaryMetric")).put("scoreUnit", "ops/ms");
        result("TermBenchmark.baselineRawByteScan", "0.02", 1_000_000);
        assertThat(render()).contains("| bytes | 2.00 M ± 200 k | 2,000 |  | raw byte scan for the literal | 1,000"
                + " | 2.00× |");
    }

    @Test
    void somethingElseThanAResultArrayIsRefused() {
        assertThatThrownBy(() -> Report.parse(MAPPER.createObjectNode()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theMeanSizeIsTheCorpusOwn() {
        Corpus small = Corpus.cloudTrail(0.02);
        assertThat(Report.generatedMeanBytes(Family.NUMERIC, 0.02)).isEqualTo(small.meanUtf8Bytes());
        assertThat(Report.generatedMeanBytes(Family.DELIMITED, 0.02))
                .isEqualTo(Corpus.accessLog(0.02).meanUtf8Bytes()).isLessThan(small.meanUtf8Bytes());
    }
}
