package dev.cwfilter.jmh;

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
 * The term pattern {@code GetSecretValue} over the CloudTrail events, beside a raw byte scan for the literal and
 * {@code String.contains} (which the JDK runs as an intrinsic). A term is a substring anywhere in the event, so the
 * baselines give exactly cwfilter's answer. Scores are events per second.
 *
 * <p>JMH state (one instance per benchmark, read-only after setup).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class TermBenchmark extends CloudTrailBenchmark {

    private static final byte[] LITERAL = "GetSecretValue".getBytes(StandardCharsets.UTF_8);

    FilterPattern pattern;

    @Setup
    public void compile() {
        pattern = FilterPattern.compile(Family.TERM.pattern());
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
    public int baselineRawByteScan() {
        return Corpus.count(TermBenchmark::rawScan, events);
    }

    @Benchmark
    @OperationsPerInvocation(Corpus.EVENTS)
    public int baselineStringContains() {
        return Corpus.count(TermBenchmark::contains, strings);
    }

    /** Whether the event holds the literal anywhere. */
    static boolean rawScan(byte[] event) {
        return Baselines.rawScan(event, LITERAL);
    }

    /** Whether the event holds the literal anywhere, by {@code String.contains}. */
    static boolean contains(String event) {
        return event.contains("GetSecretValue");
    }
}
