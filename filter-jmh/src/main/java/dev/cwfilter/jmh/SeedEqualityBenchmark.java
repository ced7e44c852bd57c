package dev.cwfilter.jmh;

import static com.fasterxml.jackson.core.JsonToken.VALUE_STRING;

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
 * The seed scenario's pattern, {@code { $.eventName = "GetSecretValue" }}, beside the same question written by hand
 * with jackson-core, asked of a jackson-databind tree, and a raw byte scan for its literal (which also counts the
 * near-misses: {@code BatchGetSecretValue} calls and policies naming the action). The full token pass is
 * {@link TokenPassBenchmark}, on the same events. Scores are events per second.
 *
 * <p>JMH state (one instance per benchmark, read-only after setup).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SeedEqualityBenchmark extends CloudTrailBenchmark {

    private static final byte[] LITERAL = "GetSecretValue".getBytes(StandardCharsets.UTF_8);

    FilterPattern pattern;

    @Setup
    public void compile() {
        pattern = FilterPattern.compile(Family.SEED_EQUALITY.pattern());
    }

    @Benchmark
    @OperationsPerInvocation(Corpus.EVENTS)
    public int cwfilterBytes() {
        return Corpus.countMatches(pattern, events);
    }

    @Benchmark
    @OperationsPerInvocation(Corpus.EVENTS)
    public int cwfilterString() {
        return Corpus.countMatches(pattern, strings);
    }

    @Benchmark
    @OperationsPerInvocation(Corpus.EVENTS)
    public int baselineHandWrittenJackson() {
        return Corpus.count(SeedEqualityBenchmark::handWritten, events);
    }

    @Benchmark
    @OperationsPerInvocation(Corpus.EVENTS)
    public int baselineDatabindTree() {
        return Corpus.count(SeedEqualityBenchmark::databind, events);
    }

    @Benchmark
    @OperationsPerInvocation(Corpus.EVENTS)
    public int baselineRawByteScan() {
        return Corpus.count(SeedEqualityBenchmark::rawScan, events);
    }

    /**
     * The pattern written by hand with jackson-core, as an engineer would for this one pattern: top-level fields only,
     * other subtrees skipped, stop at the answer. (It skips the well-formedness check of the rest of the event that
     * CloudWatch's semantics need.)
     */
    static boolean handWritten(byte[] event) {
        return Baselines.topLevelField(event, "eventName",
                (p, value) -> value == VALUE_STRING && "GetSecretValue".equals(p.getText()));
    }

    /** The pattern over a jackson-databind tree. */
    static boolean databind(byte[] event) {
        return Baselines.isText(Baselines.tree(event).path("eventName"), "GetSecretValue");
    }

    /** Whether the event holds the literal anywhere. */
    static boolean rawScan(byte[] event) {
        return Baselines.rawScan(event, LITERAL);
    }
}
