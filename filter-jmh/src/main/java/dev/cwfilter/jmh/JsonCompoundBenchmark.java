package dev.cwfilter.jmh;

import dev.cwfilter.FilterPattern;
import java.io.IOException;
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
 * The CIS root-account-usage pattern, {@code { $.userIdentity.type = "Root" && $.userIdentity.invokedBy NOT EXISTS
 * && $.eventType != "AwsServiceEvent" }}: nested selectors, NOT EXISTS and !=, over 1,000 CloudTrail events (1%
 * match), beside the same baselines. Scores are events per second.
 *
 * <p>JMH state (one instance per benchmark, read-only after setup).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class JsonCompoundBenchmark {

    static final int EVENTS = 1000;
    static final String PATTERN = "{ $.userIdentity.type = \"Root\" && $.userIdentity.invokedBy NOT EXISTS"
            + " && $.eventType != \"AwsServiceEvent\" }";

    private FilterPattern pattern;
    private byte[][] events;

    @Setup
    public void setup() {
        List<String> corpus = Corpus.cloudTrail(EVENTS, 42);
        events = Corpus.utf8(corpus);
        pattern = FilterPattern.compile(PATTERN);
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public int cwfilterBytes() {
        return Corpus.countMatches(pattern, events);
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
    public int baselineHandWrittenJackson() {
        int hits = 0;
        for (byte[] e : events) {
            if (Baselines.handWrittenRootUsage(e)) {
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
            if (Baselines.databindRootUsage(e)) {
                hits++;
            }
        }
        return hits;
    }
}
