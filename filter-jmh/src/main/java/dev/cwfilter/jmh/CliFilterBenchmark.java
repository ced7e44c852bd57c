package dev.cwfilter.jmh;

import dev.cwfilter.FilterOptions;
import dev.cwfilter.FilterPattern;
import dev.cwfilter.cli.FilterPipeline;
import dev.cwfilter.cli.input.EventSource;
import dev.cwfilter.cli.input.Input;
import dev.cwfilter.cli.input.InputFormat;
import dev.cwfilter.cli.input.Progress;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code cwfilter filter} on a file against the library's own figure for the same pattern, measured in one run: the
 * command's pipeline ({@code EventSource} → {@code FilterPipeline}, exactly what {@code FilterCommand} runs, matches
 * printed to a writer that discards them) over the JSON corpus written as lines, beside
 * {@link FilterPattern#matches(byte[], int, int)} over the same events already split (as
 * {@code SeedEqualityBenchmark.cwfilterBytes} measures it). The pattern is the seed scenario's,
 * {@code { $.eventName = "GetSecretValue" }}, on the CloudTrail corpus at a 2% hit rate. Scores are events per second;
 * the requirement is that the pipeline stay within 2x of the library.
 *
 * <p>JMH state (one instance per benchmark, read-only after setup).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CliFilterBenchmark {

    private FilterPattern pattern;
    private byte[][] events;
    private byte[] file;
    private Path onDisk;

    @Setup
    public void setup() throws IOException {
        events = Corpus.cloudTrail(0.02).utf8();
        ByteArrayOutputStream lines = new ByteArrayOutputStream();
        for (byte[] e : events) {
            lines.write(e);
            lines.write('\n');
        }
        file = lines.toByteArray();
        onDisk = Files.createTempFile("cwfilter-benchmark", ".jsonl");
        Files.write(onDisk, file);
        pattern = FilterPattern.compile(Family.SEED_EQUALITY.pattern());
    }

    @TearDown
    public void deleteFile() throws IOException {
        Files.deleteIfExists(onDisk);
    }

    /** The command's whole path: format detection, line splitting, UTF-8 checks, matching, printing. */
    @Benchmark
    @OperationsPerInvocation(Corpus.EVENTS)
    public long cliFilterPipeline() throws IOException {
        EventSource source = new EventSource(List.of(Input.stream("corpus", new ByteArrayInputStream(file))),
                InputFormat.AUTO, FilterOptions.CLOUDWATCH_MAX_EVENT_BYTES, Progress.none());
        FilterPipeline pipeline = new FilterPipeline(pattern, false, FilterPipeline.Output.TEXT, Long.MIN_VALUE,
                Long.MAX_VALUE, Writer.nullWriter(), source.badEvents());
        source.forEach(pipeline);
        pipeline.finish();
        return pipeline.selected();
    }

    /** The same pipeline reading the corpus from a file, as {@code cwfilter filter FILE} does. */
    @Benchmark
    @OperationsPerInvocation(Corpus.EVENTS)
    public long cliFilterPipelineOnAFile() throws IOException {
        EventSource source = new EventSource(List.of(Input.file(onDisk)), InputFormat.AUTO,
                FilterOptions.CLOUDWATCH_MAX_EVENT_BYTES, Progress.none());
        FilterPipeline pipeline = new FilterPipeline(pattern, false, FilterPipeline.Output.TEXT, Long.MIN_VALUE,
                Long.MAX_VALUE, Writer.nullWriter(), source.badEvents());
        source.forEach(pipeline);
        pipeline.finish();
        return pipeline.selected();
    }

    /** The library alone on the same events, already split: the figure the pipeline is held to. */
    @Benchmark
    @OperationsPerInvocation(Corpus.EVENTS)
    public int libraryMatchesBytes() {
        return Corpus.countMatches(pattern, events);
    }
}
