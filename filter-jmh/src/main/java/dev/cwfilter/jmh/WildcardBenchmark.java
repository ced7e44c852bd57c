package dev.cwfilter.jmh;

import static com.fasterxml.jackson.core.JsonToken.VALUE_STRING;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.Predicate;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OperationsPerInvocation;

/**
 * {@code { $.errorMessage = "*marked for deletion*" }}: a string wildcard on a top-level field that only failed calls
 * have. Beside it the same question written by hand with jackson-core, asked of a jackson-databind tree, and a raw byte
 * scan for the literal (which also counts the near-misses, whose request parameters hold the words); the full token
 * pass is {@link TokenPassBenchmark}, on the same events. Scores are events per second.
 *
 * <p>JMH state (one instance per benchmark, read-only after setup).
 */
public class WildcardBenchmark extends JsonFamilyBenchmark {

    /** Whether the event holds the pattern's literal anywhere. */
    static final Predicate<byte[]> RAW_SCAN = Baselines.rawScan("marked for deletion");

    public WildcardBenchmark() {
        super(Family.WILDCARD, HAND_WRITTEN, WildcardBenchmark::databind);
    }

    @Benchmark
    @OperationsPerInvocation(Corpus.EVENTS)
    public int baselineRawByteScan() {
        return Corpus.count(RAW_SCAN, events);
    }

    /** The pattern written by hand with jackson-core: top-level fields only, other subtrees skipped. */
    static final Baselines.HandWritten HAND_WRITTEN = new Baselines.HandWritten("errorMessage",
            (p, value) -> value == VALUE_STRING && p.getText().contains("marked for deletion"));

    /** The pattern over a jackson-databind tree. */
    static boolean databind(byte[] event) {
        JsonNode message = Baselines.tree(event).path("errorMessage");
        return message.isTextual() && message.textValue().contains("marked for deletion");
    }
}
