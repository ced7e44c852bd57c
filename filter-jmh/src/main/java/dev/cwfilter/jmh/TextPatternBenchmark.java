package dev.cwfilter.jmh;

import dev.cwfilter.FilterPattern;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Patterns over plain text, each beside a baseline doing the least work that can answer: a term pattern
 * ({@code ERROR -ARGUMENTS}) and a regex ({@code %timeout after [0-9]+%}) over application log lines, beside
 * {@code String.contains} and a raw byte scan; a space-delimited pattern
 * ({@code [ip, id, user, timestamp, request, status_code = 4*, size]}) over Apache log lines, beside a hand-written
 * field splitter. Scores are lines per second.
 *
 * <p>JMH state (one instance per benchmark, read-only after setup).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class TextPatternBenchmark {

    static final int LINES = 1000;

    private FilterPattern terms;
    private FilterPattern regex;
    private FilterPattern delimited;
    private String[] appLines;
    private byte[][] appBytes;
    private String[] apacheLines;
    private byte[][] apacheBytes;
    private byte[] error;

    @Setup
    public void setup() {
        List<String> app = Corpus.application(LINES, 7);
        appLines = app.toArray(String[]::new);
        appBytes = Corpus.utf8(app);
        List<String> apache = Corpus.apache(LINES, 7);
        apacheLines = apache.toArray(String[]::new);
        apacheBytes = Corpus.utf8(apache);
        terms = FilterPattern.compile("ERROR -ARGUMENTS");
        regex = FilterPattern.compile("%timeout after [0-9]+%");
        delimited = FilterPattern.compile("[ip, id, user, timestamp, request, status_code = 4*, size]");
        error = "ERROR".getBytes(StandardCharsets.UTF_8);
    }

    @Benchmark
    @OperationsPerInvocation(LINES)
    public int termsCwfilterBytes() {
        return Corpus.countMatches(terms, appBytes);
    }

    @Benchmark
    @OperationsPerInvocation(LINES)
    public int termsCwfilterString() {
        return Corpus.countMatches(terms, appLines);
    }

    @Benchmark
    @OperationsPerInvocation(LINES)
    public int termsBaselineStringContains() {
        int hits = 0;
        for (String line : appLines) {
            if (line.contains("ERROR") && !line.contains("ARGUMENTS")) {
                hits++;
            }
        }
        return hits;
    }

    @Benchmark
    @OperationsPerInvocation(LINES)
    public int termsBaselineRawByteScan() {
        int hits = 0;
        for (byte[] line : appBytes) {
            if (Baselines.rawScan(line, error)) {
                hits++;
            }
        }
        return hits;
    }

    @Benchmark
    @OperationsPerInvocation(LINES)
    public int regexCwfilterString() {
        return Corpus.countMatches(regex, appLines);
    }

    @Benchmark
    @OperationsPerInvocation(LINES)
    public int delimitedCwfilterBytes() {
        return Corpus.countMatches(delimited, apacheBytes);
    }

    @Benchmark
    @OperationsPerInvocation(LINES)
    public int delimitedBaselineHandWritten() {
        int hits = 0;
        for (String line : apacheLines) {
            if (Baselines.handWrittenStatus4xx(line)) {
                hits++;
            }
        }
        return hits;
    }
}
