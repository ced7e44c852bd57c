package dev.cwfilter.jmh;

import dev.cwfilter.FilterPattern;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.Threads;

/**
 * One compiled pattern, the seed scenario's, shared by one thread and by two: the two methods run the same loop over
 * the same events, and JMH reports a multi-threaded throughput as the sum over its threads, so the second score
 * divided by the first is the scaling (2.0 is perfect; it needs two otherwise idle cores). Scores are events per
 * second.
 *
 * <p>Measured longer than the other benchmarks, in two forks of ten iterations: on a two-core machine the two threads
 * share the cores with the JIT, the collector and the host, and five iterations in one fork put the ratio anywhere
 * from 1.7 to 2.1 from run to run.
 *
 * <p>JMH state (one instance per benchmark, shared by its threads, read-only after setup).
 */
@Measurement(iterations = 10, time = 1)
@Fork(2)
public class ThreadsBenchmark extends CloudTrailBenchmark {

    FilterPattern pattern;

    @Setup
    public void compile() {
        pattern = FilterPattern.compile(Family.SEED_EQUALITY.pattern());
    }

    @Benchmark
    @Threads(1)
    @OperationsPerInvocation(Corpus.EVENTS)
    public int cwfilterBytesOneThread() {
        return Corpus.countMatches(pattern, events);
    }

    @Benchmark
    @Threads(2)
    @OperationsPerInvocation(Corpus.EVENTS)
    public int cwfilterBytesTwoThreads() {
        return Corpus.countMatches(pattern, events);
    }
}
