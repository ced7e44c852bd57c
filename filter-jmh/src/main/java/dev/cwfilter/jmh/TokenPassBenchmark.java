package dev.cwfilter.jmh;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OperationsPerInvocation;

/**
 * A full jackson-core token pass over the CloudTrail events: every token read, nothing decoded, the least work a
 * streaming JSON evaluator that reads an event to its end can do. The corpus at a given hit rate is the same for
 * every JSON family, so this one measurement is the token-pass baseline of all of them; run it in the same JMH run
 * as the families it is compared with. Scores are events per second.
 *
 * <p>JMH state (one instance per benchmark, read-only after setup).
 */
public class TokenPassBenchmark extends CloudTrailBenchmark {

    @Benchmark
    @OperationsPerInvocation(Corpus.EVENTS)
    public long baselineFullTokenPass() {
        long tokens = 0;
        for (byte[] e : events) {
            tokens += Baselines.fullTokenPass(e);
        }
        return tokens;
    }
}
