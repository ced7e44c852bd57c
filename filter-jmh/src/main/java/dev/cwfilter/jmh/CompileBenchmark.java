package dev.cwfilter.jmh;

import dev.cwfilter.FilterPattern;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How long compiling a pattern takes (parse, AST, matcher tree), for a pattern of each syntax.
 *
 * <p>JMH state (one instance per benchmark, read-only after setup).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CompileBenchmark {

    @Param({
        "{ $.eventName = \"GetSecretValue\" }",
        "{ ($.eventName = ConsoleLogin) && ($.additionalEventData.MFAUsed != \"Yes\") && ($.userIdentity.type ="
                + " \"IAMUser\") && ($.responseElements.ConsoleLogin = \"Success\") }",
        "[ip, id, user, timestamp, request, status_code = 4*, size]",
        "ERROR -ARGUMENTS ?\"Task timed out\"",
        "%^starting|^initializing|^shutting down%"
    })
    public String pattern;

    @Benchmark
    public FilterPattern compile() {
        return FilterPattern.compile(pattern);
    }
}
