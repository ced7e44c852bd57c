package dev.cwfilter.jmh;

import java.util.function.Predicate;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OperationsPerInvocation;

/**
 * What every JSON pattern family measures on the CloudTrail corpus: the family's pattern over UTF-8 bytes
 * ({@link FamilyBenchmark}), beside the same question written by hand with jackson-core (stopping at the field's
 * first occurrence, and read to the event's end so that its last occurrence decides) and asked of a jackson-databind
 * tree. A subclass names its family
 * and its two baselines, and adds the benchmarks only it has (a raw byte scan, String events); JMH runs each inherited
 * method under the subclass's name ({@code CompoundBenchmark.cwfilterBytes}). The full token pass is
 * {@link TokenPassBenchmark}, on the same events. Scores are events per second.
 *
 * <p>JMH state (one instance per benchmark, read-only after setup).
 */
public abstract class JsonFamilyBenchmark extends FamilyBenchmark {

    private final Predicate<byte[]> handWritten;
    private final Predicate<byte[]> handWrittenToEnd;
    private final Predicate<byte[]> databind;

    /**
     * @param family      the pattern family
     * @param handWritten the family's question written by hand with jackson-core, asked of the field's first
     *                    occurrence ({@code baselineHandWrittenJackson}) and, reading to the end, of its last
     *                    ({@code baselineHandWrittenJacksonToEnd})
     * @param databind    the family's question asked of a jackson-databind tree
     */
    JsonFamilyBenchmark(Family family, Baselines.HandWritten handWritten, Predicate<byte[]> databind) {
        super(family);
        this.handWritten = handWritten::first;
        this.handWrittenToEnd = handWritten::last;
        this.databind = databind;
    }

    @Benchmark
    @OperationsPerInvocation(Corpus.EVENTS)
    public int baselineHandWrittenJackson() {
        return Corpus.count(handWritten, events);
    }

    /**
     * The hand-written matcher that gives cwfilter's answer on every event: it reads each event to its end, since a
     * later duplicate of the field would decide.
     */
    @Benchmark
    @OperationsPerInvocation(Corpus.EVENTS)
    public int baselineHandWrittenJacksonToEnd() {
        return Corpus.count(handWrittenToEnd, events);
    }

    @Benchmark
    @OperationsPerInvocation(Corpus.EVENTS)
    public int baselineDatabindTree() {
        return Corpus.count(databind, events);
    }
}
