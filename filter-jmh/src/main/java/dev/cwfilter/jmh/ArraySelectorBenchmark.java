package dev.cwfilter.jmh;

import static com.fasterxml.jackson.core.JsonToken.END_ARRAY;
import static com.fasterxml.jackson.core.JsonToken.FIELD_NAME;
import static com.fasterxml.jackson.core.JsonToken.START_ARRAY;
import static com.fasterxml.jackson.core.JsonToken.START_OBJECT;
import static com.fasterxml.jackson.core.JsonToken.VALUE_STRING;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.function.Predicate;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OperationsPerInvocation;

/**
 * Any use of one KMS key, {@code { $.resources[*].ARN = "arn:aws:kms:...:key/1234abcd-..." }}: a wildcard over the
 * array of resources CloudTrail lists. Beside it the same question written by hand with jackson-core (into
 * {@code resources}, element by element, stopping at the key), asked of a jackson-databind tree, and a raw byte scan
 * for the ARN (which also counts the near-misses, whose request parameters name the key); the full token pass is
 * {@link TokenPassBenchmark}, on the same events. Scores are events per second.
 *
 * <p>JMH state (one instance per benchmark, read-only after setup).
 */
public class ArraySelectorBenchmark extends JsonFamilyBenchmark {

    /** Whether the event holds the pattern's literal anywhere. */
    static final Predicate<byte[]> RAW_SCAN = Baselines.rawScan(Corpus.WATCHED_KEY_ARN);

    public ArraySelectorBenchmark() {
        super(Family.ARRAY, HAND_WRITTEN, ArraySelectorBenchmark::databind);
    }

    @Benchmark
    @OperationsPerInvocation(Corpus.EVENTS)
    public int baselineRawByteScan() {
        return Corpus.count(RAW_SCAN, events);
    }

    /**
     * The pattern written by hand with jackson-core: find {@code resources}, look at each element's {@code ARN} (its
     * last occurrence in the element, as in CloudWatch), skip everything else, stop after the first element that names
     * the key, or at the array's end.
     */
    static final Baselines.HandWritten HAND_WRITTEN = new Baselines.HandWritten("resources",
            (p, value) -> value == START_ARRAY && holdsWatchedKey(p));

    private static boolean holdsWatchedKey(JsonParser p) throws IOException {
        JsonToken element;
        while ((element = p.nextToken()) != END_ARRAY && element != null) {
            if (element != START_OBJECT) {
                p.skipChildren();
                continue;
            }
            boolean watched = false;
            while (p.nextToken() == FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if ("ARN".equals(name)) {
                    watched = value == VALUE_STRING && Corpus.WATCHED_KEY_ARN.equals(p.getText());
                }
                p.skipChildren();
            }
            if (watched) {
                return true;
            }
        }
        return false;
    }

    /** The pattern over a jackson-databind tree. */
    static boolean databind(byte[] event) {
        for (JsonNode resource : Baselines.tree(event).path("resources")) {
            if (Baselines.isText(resource.path("ARN"), Corpus.WATCHED_KEY_ARN)) {
                return true;
            }
        }
        return false;
    }
}
