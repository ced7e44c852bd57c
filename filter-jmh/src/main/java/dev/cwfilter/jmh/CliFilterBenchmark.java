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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
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
 * <p>CloudTrail as it lies in S3: the same records written as CloudTrail writes them, {@value #RECORDS_PER_FILE}
 * records per {@code {"Records":[...]}} file under {@code AWSLogs/<account>/CloudTrail/<region>/yyyy/mm/dd/}, read by
 * the command's pipeline from the directory with as many readers as processors ({@code cloudTrailTree*}; the pattern
 * matched on the reader threads, as {@code FilterCommand} runs it), beside the same records as one JSON-lines file
 * ({@code jsonLines*}, the baseline, through the same pipeline), plain and gzipped; the target is the tree at
 * 0.8x the JSON lines or better. Both are measured in two configurations: as the command runs by default, with as
 * many readers as processors (one JSON-lines file has one reader thread, which splits and matches, beside the printing
 * thread; the tree has a reader thread per processor, each on its own file), and with one reader
 * ({@code *OneReader}: everything on the calling thread, like against like). {@code cloudTrailTreeGzipOneReader}
 * shows what reading files in parallel adds to the gzipped tree.
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

    static final int RECORDS_PER_FILE = 250;

    private FilterPattern pattern;
    private byte[][] events;
    private byte[] file;
    private Path onDisk;
    private Path trees;
    private int readers;

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
        readers = Runtime.getRuntime().availableProcessors();
        trees = Files.createTempDirectory("cwfilter-benchmark-trees");
        Files.write(trees.resolve("events.jsonl"), file);
        Files.write(trees.resolve("events.jsonl.gz"), gzip(file));
        for (boolean gz : new boolean[] {false, true}) {
            Path day = Files.createDirectories(trees.resolve(gz ? "gz" : "plain")
                    .resolve("AWSLogs/123456789012/CloudTrail/us-east-1/2026/11/21"));
            for (int i = 0, n = 0; i < events.length; i += RECORDS_PER_FILE, n++) {
                ByteArrayOutputStream doc = new ByteArrayOutputStream();
                doc.write("{\"Records\":[".getBytes(StandardCharsets.UTF_8));
                for (int k = i; k < Math.min(events.length, i + RECORDS_PER_FILE); k++) {
                    if (k > i) {
                        doc.write(',');
                    }
                    doc.write(events[k]);
                }
                doc.write("]}".getBytes(StandardCharsets.UTF_8));
                String name = String.format(Locale.ROOT, "123456789012_CloudTrail_us-east-1_20261121T%04dZ_%03d.json",
                        n, n);
                Files.write(day.resolve(gz ? name + ".gz" : name), gz ? gzip(doc.toByteArray()) : doc.toByteArray());
            }
        }
    }

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }

    @TearDown
    public void deleteFile() throws IOException {
        Files.deleteIfExists(onDisk);
        if (trees != null) {
            try (Stream<Path> all = Files.walk(trees)) {
                for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    private long pipeline(List<Input> inputs, int readerThreads) throws IOException {
        EventSource source = new EventSource(inputs, InputFormat.AUTO, FilterOptions.CLOUDWATCH_MAX_EVENT_BYTES,
                Progress.none(), readerThreads);
        FilterPipeline pipeline = new FilterPipeline(pattern, false, FilterPipeline.Output.TEXT, Long.MIN_VALUE,
                Long.MAX_VALUE, Writer.nullWriter(), source.badEvents());
        source.forEach(pipeline.selector(), pipeline.selectedSink());
        pipeline.finish();
        return pipeline.selected();
    }

    private static List<Input> tree(Path root) {
        List<Input> inputs = new ArrayList<>();
        Input.directory(root, inputs);
        return inputs;
    }

    /** Baseline: the records as one JSON-lines file, as {@code cwfilter filter events.jsonl} reads it. */
    @Benchmark
    @OperationsPerInvocation(Corpus.EVENTS)
    public long jsonLinesFile() throws IOException {
        return pipeline(List.of(Input.file(trees.resolve("events.jsonl"))), readers);
    }

    /**
     * Baseline: the JSON-lines file read on the calling thread ({@code --readers 1}): splitting, matching and printing
     * on one thread, beside {@link #cloudTrailTreeOneReader()}.
     */
    @Benchmark
    @OperationsPerInvocation(Corpus.EVENTS)
    public long jsonLinesFileOneReader() throws IOException {
        return pipeline(List.of(Input.file(trees.resolve("events.jsonl"))), 1);
    }

    /** Baseline: the records as one gzipped JSON-lines file. */
    @Benchmark
    @OperationsPerInvocation(Corpus.EVENTS)
    public long jsonLinesGzipFile() throws IOException {
        return pipeline(List.of(Input.file(trees.resolve("events.jsonl.gz"))), readers);
    }

    /** The same records as CloudTrail files in S3's layout, read from the directory, one reader per processor. */
    @Benchmark
    @OperationsPerInvocation(Corpus.EVENTS)
    public long cloudTrailTree() throws IOException {
        return pipeline(tree(trees.resolve("plain")), readers);
    }

    /**
     * The plain tree read one file after the other on the calling thread ({@code --readers 1}): the record scanner
     * against the line splitter with nothing else different, beside {@link #jsonLinesFileOneReader()}.
     */
    @Benchmark
    @OperationsPerInvocation(Corpus.EVENTS)
    public long cloudTrailTreeOneReader() throws IOException {
        return pipeline(tree(trees.resolve("plain")), 1);
    }

    /** The same, gzipped as CloudTrail writes them. */
    @Benchmark
    @OperationsPerInvocation(Corpus.EVENTS)
    public long cloudTrailTreeGzip() throws IOException {
        return pipeline(tree(trees.resolve("gz")), readers);
    }

    /** The gzipped tree read one file after the other on the sink's thread ({@code --readers 1}). */
    @Benchmark
    @OperationsPerInvocation(Corpus.EVENTS)
    public long cloudTrailTreeGzipOneReader() throws IOException {
        return pipeline(tree(trees.resolve("gz")), 1);
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
