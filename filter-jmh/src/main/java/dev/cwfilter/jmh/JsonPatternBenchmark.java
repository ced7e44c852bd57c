package dev.cwfilter.jmh;

import dev.cwfilter.FilterPattern;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
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
 * The seed scenario's pattern, {@code { $.eventName = "GetSecretValue" }}, over 1,000 CloudTrail events (2% match),
 * beside its baselines: a full jackson-core token pass, the same pattern written by hand with jackson-core, a
 * jackson-databind tree, and a raw byte scan. Scores are events per second.
 *
 * <p>JMH state (one instance per benchmark, read-only after setup).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class JsonPatternBenchmark {

    static final int EVENTS = 1000;

    private FilterPattern pattern;
    private FilterPattern unselectivePattern;
    private byte[][] events;
    private String[] strings;
    private byte[] needle;

    @Setup
    public void setup() {
        List<String> corpus = Corpus.cloudTrail(EVENTS, 42);
        strings = corpus.toArray(String[]::new);
        events = Corpus.utf8(corpus);
        pattern = FilterPattern.compile("{ $.eventName = \"GetSecretValue\" }");
        unselectivePattern = FilterPattern.compile("{ $.eventVersion = \"1.09\" }");
        needle = "GetSecretValue".getBytes(StandardCharsets.UTF_8);
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public int cwfilterBytes() {
        return Corpus.countMatches(pattern, events);
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public int cwfilterString() {
        return Corpus.countMatches(pattern, strings);
    }

    /** A pattern every event matches: no prefilter can help, every event is parsed and checked to its end. */
    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public int cwfilterBytesEveryEventMatches() {
        return Corpus.countMatches(unselectivePattern, events);
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public int baselineFullTokenPass() throws IOException {
        int tokens = 0;
        for (byte[] e : events) {
            tokens += Baselines.fullTokenPass(e);
        }
        return tokens;
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public int baselineHandWrittenJackson() throws IOException {
        int hits = 0;
        for (byte[] e : events) {
            if (Baselines.handWrittenEventName(e)) {
                hits++;
            }
        }
        return hits;
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public int baselineDatabindTree() {
        int hits = 0;
        for (byte[] e : events) {
            if (Baselines.databindEventName(e)) {
                hits++;
            }
        }
        return hits;
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public int baselineRawByteScan() {
        int hits = 0;
        for (byte[] e : events) {
            if (Baselines.rawScan(e, needle)) {
                hits++;
            }
        }
        return hits;
    }
}
