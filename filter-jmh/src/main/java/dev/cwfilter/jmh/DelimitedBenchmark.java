package dev.cwfilter.jmh;

import dev.cwfilter.FilterPattern;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Client errors in an Apache combined log, {@code [ip, id, user, timestamp, request, status_code = 4*, size]}, over
 * {@link Corpus#EVENTS} access-log lines of which the hit rate have a 4xx status, beside a hand-written field splitter
 * (quotes and brackets group, stop at the sixth field) over the same bytes and over the same strings. Scores are lines
 * per second.
 *
 * <p>JMH state (one instance per benchmark, read-only after setup).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class DelimitedBenchmark {

    /** The share of lines with a 4xx status. */
    @Param({"0.02", "0.5"})
    public double hitRate;

    Corpus corpus;
    byte[][] lines;
    String[] strings;
    FilterPattern pattern;

    @Setup
    public void setup() {
        corpus = Corpus.accessLog(hitRate);
        lines = Corpus.inMemoryOrder(corpus.utf8());
        strings = Corpus.inMemoryOrder(corpus.strings());
        pattern = FilterPattern.compile(Family.DELIMITED.pattern());
    }

    @Benchmark
    @OperationsPerInvocation(Corpus.EVENTS)
    public int cwfilterBytes() {
        return Corpus.countMatches(pattern, lines);
    }

    @Benchmark
    @OperationsPerInvocation(Corpus.EVENTS)
    public int cwfilterString() {
        return Corpus.countMatches(pattern, strings);
    }

    @Benchmark
    @OperationsPerInvocation(Corpus.EVENTS)
    public int baselineHandWrittenBytes() {
        return Corpus.count(DelimitedBenchmark::handWritten, lines);
    }

    @Benchmark
    @OperationsPerInvocation(Corpus.EVENTS)
    public int baselineHandWrittenString() {
        return Corpus.count(DelimitedBenchmark::handWritten, strings);
    }

    /** The pattern written by hand over bytes: split on spaces ("…" and […] group), test the sixth field. */
    static boolean handWritten(byte[] line) {
        int field = 0;
        int i = 0;
        int n = line.length;
        while (i < n) {
            while (i < n && line[i] == ' ') {
                i++;
            }
            if (i >= n) {
                break;
            }
            int start;
            int end;
            byte c = line[i];
            if (c == '"' || c == '[') {
                byte closer = c == '"' ? (byte) '"' : (byte) ']';
                int close = i + 1;
                while (close < n && line[close] != closer) {
                    close++;
                }
                start = i + 1;
                end = close;
                i = close + 1;
            } else {
                start = i;
                while (i < n && line[i] != ' ') {
                    i++;
                }
                end = i;
            }
            if (field == 5) {
                return end > start && line[start] == '4';
            }
            field++;
        }
        return false;
    }

    /** The pattern written by hand over a String, as {@link #handWritten(byte[])}. */
    static boolean handWritten(String line) {
        int field = 0;
        int i = 0;
        int n = line.length();
        while (i < n) {
            while (i < n && line.charAt(i) == ' ') {
                i++;
            }
            if (i >= n) {
                break;
            }
            int start;
            int end;
            char c = line.charAt(i);
            if (c == '"' || c == '[') {
                int close = line.indexOf(c == '"' ? '"' : ']', i + 1);
                start = i + 1;
                end = close < 0 ? n : close;
                i = close < 0 ? n : close + 1;
            } else {
                start = i;
                while (i < n && line.charAt(i) != ' ') {
                    i++;
                }
                end = i;
            }
            if (field == 5) {
                return end > start && line.charAt(start) == '4';
            }
            field++;
        }
        return false;
    }
}
