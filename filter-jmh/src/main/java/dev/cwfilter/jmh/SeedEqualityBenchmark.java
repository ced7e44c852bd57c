package dev.cwfilter.jmh;

import static com.fasterxml.jackson.core.JsonToken.VALUE_STRING;

import java.util.function.Predicate;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OperationsPerInvocation;

/**
 * The seed scenario's pattern, {@code { $.eventName = "GetSecretValue" }}, beside the same question written by hand
 * with jackson-core, asked of a jackson-databind tree, and a raw byte scan for its literal (which also counts the
 * near-misses: {@code BatchGetSecretValue} calls and policies naming the action). The full token pass is
 * {@link TokenPassBenchmark}, on the same events. Scores are events per second.
 *
 * <p>JMH state (one instance per benchmark, read-only after setup).
 */
public class SeedEqualityBenchmark extends JsonFamilyBenchmark {

    /** Whether the event holds the pattern's literal anywhere. */
    static final Predicate<byte[]> RAW_SCAN = Baselines.rawScan("GetSecretValue");

    public SeedEqualityBenchmark() {
        super(Family.SEED_EQUALITY, HAND_WRITTEN, SeedEqualityBenchmark::databind);
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

    /**
     * The pattern written by hand with jackson-core, as an engineer would for this one pattern: top-level fields only,
     * other subtrees skipped, stop at the answer ({@code first}: it skips the well-formedness check of the rest of the
     * event and the later duplicate keys that CloudWatch's semantics need; {@code last} reads them).
     */
    static final Baselines.HandWritten HAND_WRITTEN = new Baselines.HandWritten("eventName",
            (p, value) -> value == VALUE_STRING && "GetSecretValue".equals(p.getText()));

    /** The pattern over a jackson-databind tree. */
    static boolean databind(byte[] event) {
        return Baselines.isText(Baselines.tree(event).path("eventName"), "GetSecretValue");
    }
}
