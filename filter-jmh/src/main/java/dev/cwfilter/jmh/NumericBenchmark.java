package dev.cwfilter.jmh;

import static com.fasterxml.jackson.core.JsonToken.VALUE_NUMBER_FLOAT;
import static com.fasterxml.jackson.core.JsonToken.VALUE_NUMBER_INT;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code { $.latency > 4000 }}: a numeric comparison on a top-level field every event has, near the end of the event,
 * so no literal can reject an event before it is parsed. Beside it the same question written by hand with jackson-core
 * and asked of a jackson-databind tree; the full token pass is {@link TokenPassBenchmark}, on the same events. Scores
 * are events per second.
 *
 * <p>JMH state (one instance per benchmark, read-only after setup).
 */
public class NumericBenchmark extends JsonFamilyBenchmark {

    public NumericBenchmark() {
        super(Family.NUMERIC, HAND_WRITTEN, NumericBenchmark::databind);
    }

    /**
     * The pattern written by hand with jackson-core: top-level fields only, other subtrees skipped, stop at the
     * answer. Numbers only: the corpus never writes a latency as a string.
     */
    static final Baselines.HandWritten HAND_WRITTEN = new Baselines.HandWritten("latency",
            (p, value) -> value == VALUE_NUMBER_INT ? p.getLongValue() > 4000
                    : value == VALUE_NUMBER_FLOAT && p.getDoubleValue() > 4000);

    /** The pattern over a jackson-databind tree. */
    static boolean databind(byte[] event) {
        JsonNode latency = Baselines.tree(event).path("latency");
        return latency.isIntegralNumber() ? latency.longValue() > 4000
                : latency.isNumber() && latency.doubleValue() > 4000;
    }
}
