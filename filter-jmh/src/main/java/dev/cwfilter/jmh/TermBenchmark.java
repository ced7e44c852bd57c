package dev.cwfilter.jmh;

import java.util.function.Predicate;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OperationsPerInvocation;

/**
 * The term pattern {@code GetSecretValue} over the CloudTrail events, beside a raw byte scan for the literal and
 * {@code String.contains} (which the JDK runs as an intrinsic). A term is a substring anywhere in the event, so the
 * baselines give exactly cwfilter's answer. Scores are events per second.
 *
 * <p>JMH state (one instance per benchmark, read-only after setup).
 */
public class TermBenchmark extends FamilyBenchmark {

    /** Whether the event holds the pattern's literal anywhere. */
    static final Predicate<byte[]> RAW_SCAN = Baselines.rawScan("GetSecretValue");

    public TermBenchmark() {
        super(Family.TERM);
    }

    @Benchmark
    @OperationsPerInvocation(Corpus.EVENTS)
    public int cwfilterString() {
        return Corpus.countMatches(pattern, strings);
    }

    @Benchmark
    @OperationsPerInvocation(Corpus.EVENTS)
    public int baselineRawByteScan() {
        return Corpus.count(RAW_SCAN, events);
    }

    @Benchmark
    @OperationsPerInvocation(Corpus.EVENTS)
    public int baselineStringContains() {
        return Corpus.count(TermBenchmark::contains, strings);
    }

    /** Whether the event holds the literal anywhere, by {@code String.contains}. */
    static boolean contains(String event) {
        return event.contains("GetSecretValue");
    }
}
