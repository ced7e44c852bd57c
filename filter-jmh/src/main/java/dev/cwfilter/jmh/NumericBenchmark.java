package dev.cwfilter.jmh;

import static com.fasterxml.jackson.core.JsonToken.VALUE_NUMBER_FLOAT;
import static com.fasterxml.jackson.core.JsonToken.VALUE_NUMBER_INT;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cwfilter.FilterPattern;
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
 * {@code { $.latency > 4000 }}: a numeric comparison on a top-level field every event has, near the end of the event,
 * so no literal can reject an event before it is parsed. Beside it the same question written by hand with jackson-core
 * and asked of a jackson-databind tree; the full token pass is {@link TokenPassBenchmark}, on the same events. Scores
 * are events per second.
 *
 * <p>JMH state (one instance per benchmark, read-only after setup).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class NumericBenchmark extends CloudTrailBenchmark {

    FilterPattern pattern;

    @Setup
    public void compile() {
        pattern = FilterPattern.compile(Family.NUMERIC.pattern());
    }

    @Benchmark
    @OperationsPerInvocation(Corpus.EVENTS)
    public int cwfilterBytes() {
        return Corpus.countMatches(pattern, events);
    }

    @Benchmark
    @OperationsPerInvocation(Corpus.EVENTS)
    public int baselineHandWrittenJackson() {
        return Corpus.count(NumericBenchmark::handWritten, events);
    }

    @Benchmark
    @OperationsPerInvocation(Corpus.EVENTS)
    public int baselineDatabindTree() {
        return Corpus.count(NumericBenchmark::databind, events);
    }

    /**
     * The pattern written by hand with jackson-core: top-level fields only, other subtrees skipped, stop at the
     * answer. Numbers only: the corpus never writes a latency as a string.
     */
    static boolean handWritten(byte[] event) {
        return Baselines.topLevelField(event, "latency",
                (p, value) -> value == VALUE_NUMBER_INT ? p.getLongValue() > 4000
                        : value == VALUE_NUMBER_FLOAT && p.getDoubleValue() > 4000);
    }

    /** The pattern over a jackson-databind tree. */
    static boolean databind(byte[] event) {
        JsonNode latency = Baselines.tree(event).path("latency");
        return latency.isIntegralNumber() ? latency.longValue() > 4000
                : latency.isNumber() && latency.doubleValue() > 4000;
    }
}
