package dev.cwfilter.jmh;

import static com.fasterxml.jackson.core.JsonToken.VALUE_STRING;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cwfilter.FilterPattern;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code { $.errorMessage = "*marked for deletion*" }}: a string wildcard on a top-level field that only failed calls
 * have. Beside it the same question written by hand with jackson-core, asked of a jackson-databind tree, and a raw byte
 * scan for the literal (which also counts the near-misses, whose request parameters hold the words); the full token
 * pass is {@link TokenPassBenchmark}, on the same events. Scores are events per second.
 *
 * <p>JMH state (one instance per benchmark, read-only after setup).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class WildcardBenchmark extends CloudTrailBenchmark {

    private static final byte[] LITERAL = "marked for deletion".getBytes(StandardCharsets.UTF_8);

    FilterPattern pattern;

    @Setup
    public void compile() {
        pattern = FilterPattern.compile(Family.WILDCARD.pattern());
    }

    @Benchmark
    @OperationsPerInvocation(Corpus.EVENTS)
    public int cwfilterBytes() {
        return Corpus.countMatches(pattern, events);
    }

    @Benchmark
    @OperationsPerInvocation(Corpus.EVENTS)
    public int baselineHandWrittenJackson() {
        return Corpus.count(WildcardBenchmark::handWritten, events);
    }

    @Benchmark
    @OperationsPerInvocation(Corpus.EVENTS)
    public int baselineDatabindTree() {
        return Corpus.count(WildcardBenchmark::databind, events);
    }

    @Benchmark
    @OperationsPerInvocation(Corpus.EVENTS)
    public int baselineRawByteScan() {
        return Corpus.count(WildcardBenchmark::rawScan, events);
    }

    /** The pattern written by hand with jackson-core: top-level fields only, other subtrees skipped. */
    static boolean handWritten(byte[] event) {
        return Baselines.topLevelField(event, "errorMessage",
                (p, value) -> value == VALUE_STRING && p.getText().contains("marked for deletion"));
    }

    /** The pattern over a jackson-databind tree. */
    static boolean databind(byte[] event) {
        JsonNode message = Baselines.tree(event).path("errorMessage");
        return message.isTextual() && message.textValue().contains("marked for deletion");
    }

    /** Whether the event holds the literal anywhere. */
    static boolean rawScan(byte[] event) {
        return Baselines.rawScan(event, LITERAL);
    }
}
