package dev.cwfilter.jmh;

import dev.cwfilter.FilterOptions;
import dev.cwfilter.FilterPattern;
import dev.cwfilter.ast.Pattern;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How long compiling a pattern takes (parse, AST, matcher tree, prefilter): a 200-character pattern of the kind a
 * security team writes, the same pattern's syntax tree (checked and compiled as it is, without parsing), and the seed
 * scenario's short one. Scores are microseconds per pattern.
 *
 * <p>JMH state (stateless).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CompileBenchmark {

    /** KMS keys disabled or scheduled for deletion, or the root user succeeding outside AWS services: 208 characters. */
    static final String LONG_PATTERN = "{ ($.eventSource = \"kms.amazonaws.com\" && ($.eventName = \"DisableKey\""
            + " || $.eventName = \"ScheduleKeyDeletion\")) || ($.userIdentity.type = \"Root\""
            + " && $.errorCode NOT EXISTS && $.eventType != \"AwsServiceEvent\") }";

    @Benchmark
    public FilterPattern compile200CharacterPattern() {
        return FilterPattern.compile(LONG_PATTERN);
    }

    /** The same pattern's syntax tree, as a tool that builds trees compiles it (no text is printed or parsed). */
    static final Pattern LONG_TREE = FilterPattern.compile(LONG_PATTERN).ast();

    @Benchmark
    public FilterPattern compile200CharacterTree() {
        return FilterPattern.compile(LONG_TREE, FilterOptions.defaults());
    }

    @Benchmark
    public FilterPattern compileSeedPattern() {
        return FilterPattern.compile(Family.SEED_EQUALITY.pattern());
    }
}
