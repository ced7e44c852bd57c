package dev.cwfilter.jmh;

import dev.cwfilter.FilterPattern;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Setup;

/**
 * A pattern family's pattern over the CloudTrail events as UTF-8 bytes; a subclass names the family and adds its
 * baselines. JMH runs the inherited method under the subclass's name ({@code TermBenchmark.cwfilterBytes}).
 *
 * <p>JMH state (one instance per benchmark, read-only after setup).
 */
public abstract class FamilyBenchmark extends CloudTrailBenchmark {

    private final Family family;
    FilterPattern pattern;

    FamilyBenchmark(Family family) {
        this.family = family;
    }

    @Setup
    public void compile() {
        pattern = FilterPattern.compile(family.pattern());
    }

    @Benchmark
    @OperationsPerInvocation(Corpus.EVENTS)
    public int cwfilterBytes() {
        return Corpus.countMatches(pattern, events);
    }
}
