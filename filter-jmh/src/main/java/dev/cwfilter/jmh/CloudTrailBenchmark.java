package dev.cwfilter.jmh;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The state every CloudTrail benchmark shares: the corpus at the benchmark's hit rate ({@link Corpus#EVENTS} events
 * from {@link Corpus#SEED}), as UTF-8 bytes and as strings. Every method of every subclass therefore runs on the same
 * events at a given hit rate, and each method's score is events per second (one invocation reads the whole corpus and
 * is declared {@code @OperationsPerInvocation(Corpus.EVENTS)}). The measurement settings here (throughput, one fork,
 * five warmup and five measured iterations of a second) are every subclass's unless it declares its own.
 *
 * <p>The events are laid out in memory in corpus order ({@link Corpus#inMemoryOrder}) in every fork: where the
 * collector happened to leave them otherwise decided how fast cwfilter's walk ran, and forks fell into two modes.
 *
 * <p>JMH state (one instance per benchmark, shared by its threads, read-only after setup).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public abstract class CloudTrailBenchmark {

    /** The share of events each family's pattern matches. */
    @Param({"0.02", "0.5"})
    public double hitRate;

    Corpus corpus;
    byte[][] events;
    String[] strings;

    @Setup
    public void generateCorpus() {
        corpus = Corpus.cloudTrail(hitRate);
        events = Corpus.inMemoryOrder(corpus.utf8());
        strings = Corpus.inMemoryOrder(corpus.strings());
    }
}
