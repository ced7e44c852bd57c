package dev.cwfilter.jmh;

import dev.cwfilter.FilterOptions;
import dev.cwfilter.cli.input.EventSource;
import dev.cwfilter.cli.input.Input;
import dev.cwfilter.cli.input.InputFormat;
import dev.cwfilter.cli.input.Progress;
import dev.cwfilter.io.CloudTrailRecordReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
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
 * What delimiting events costs, without matching them: the 20,000 CloudTrail records of {@link CliFilterBenchmark}
 * as CloudTrail documents of {@value CliFilterBenchmark#RECORDS_PER_FILE} records one after the other, against the
 * same records as JSON lines, in memory, in one run. Two levels:
 * <ul>
 *   <li>the scanners alone: {@link CloudTrailRecordReader} ({@code recordScanner}) against a newline scan that reads
 *       through a 256 KiB buffer as the CLI's line splitter does, eight bytes at a time ({@code newlineScanner});</li>
 *   <li>the CLI's readers ({@code EventSource} with the format given, every event handed to a sink that counts it):
 *       records ({@code cloudTrailEvents}) against lines ({@code jsonLinesEvents}), UTF-8 checks included.</li>
 * </ul>
 * Scores are records (lines) per second; the ratio of the record scanner to the newline scan is what the CloudTrail
 * path costs over the JSON-lines path before any pattern runs.
 *
 * <p>JMH state (one instance per benchmark, read-only after setup).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RecordScannerBenchmark {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;
    private static final long NEWLINES = '\n' * ONES;

    private byte[] lines;
    private byte[] documents;
    private final byte[] buffer = new byte[256 * 1024];
    private boolean nonAscii;

    @Setup
    public void setup() throws IOException {
        byte[][] events = Corpus.cloudTrail(0.02).utf8();
        ByteArrayOutputStream l = new ByteArrayOutputStream();
        ByteArrayOutputStream d = new ByteArrayOutputStream();
        for (int i = 0; i < events.length; i += CliFilterBenchmark.RECORDS_PER_FILE) {
            d.write("{\"Records\":[".getBytes(StandardCharsets.UTF_8));
            for (int k = i; k < Math.min(events.length, i + CliFilterBenchmark.RECORDS_PER_FILE); k++) {
                if (k > i) {
                    d.write(',');
                }
                d.write(events[k]);
            }
            d.write("]}\n".getBytes(StandardCharsets.UTF_8));
        }
        for (byte[] e : events) {
            l.write(e);
            l.write('\n');
        }
        lines = l.toByteArray();
        documents = d.toByteArray();
        if (recordScanner() != newlineScanner() || cloudTrailEvents() != jsonLinesEvents()
                || recordScanner() != Corpus.EVENTS) {
            throw new IllegalStateException("the scanners do not find the same events");
        }
    }

    /** The records of the documents, delimited by filter-core's reader through a reused 256 KiB buffer. */
    @Benchmark
    @OperationsPerInvocation(Corpus.EVENTS)
    public long recordScanner() throws IOException {
        long n = 0;
        try (CloudTrailRecordReader r = new CloudTrailRecordReader(new ByteArrayInputStream(documents),
                FilterOptions.CLOUDWATCH_MAX_EVENT_BYTES, buffer)) {
            while (r.next()) {
                n++;
            }
        }
        return n;
    }

    /**
     * Baseline: the lines, delimited as the CLI's line splitter does (a 256 KiB buffer refilled from the stream, the
     * newline found eight bytes at a time, the bytes before it ORed together to note non-ASCII ones).
     */
    @Benchmark
    @OperationsPerInvocation(Corpus.EVENTS)
    public long newlineScanner() throws IOException {
        InputStream in = new ByteArrayInputStream(lines);
        byte[] buf = buffer;
        long n = 0;
        long high = 0;
        int limit = 0;
        int pos = 0;
        while (true) {
            int i = pos;
            long acc = 0;
            int nl = -1;
            for (; i + 8 <= limit; i += 8) {
                long word = (long) LONGS.get(buf, i);
                long x = word ^ NEWLINES;
                long found = (x - ONES) & ~x & HIGH_BITS;
                if (found != 0) {
                    int bits = Long.numberOfTrailingZeros(found) & ~7;
                    acc |= bits == 0 ? 0 : word & (-1L >>> (64 - bits));
                    nl = i + (bits >>> 3);
                    break;
                }
                acc |= word;
            }
            if (nl < 0) {
                for (; i < limit; i++) {
                    if (buf[i] == '\n') {
                        nl = i;
                        break;
                    }
                    acc |= buf[i];
                }
            }
            if (nl >= 0) {
                n++;
                high |= acc;
                pos = nl + 1;
                continue;
            }
            System.arraycopy(buf, pos, buf, 0, limit - pos);
            limit -= pos;
            pos = 0;
            int r = in.read(buf, limit, buf.length - limit);
            if (r < 0) {
                // Kept, as the splitter keeps it per line, so that the OR is not optimised away.
                nonAscii = (high & HIGH_BITS) != 0;
                return limit > 0 ? n + 1 : n;
            }
            limit += r;
        }
    }

    private static long count(byte[] bytes, InputFormat format) {
        EventSource source = new EventSource(List.of(Input.stream("corpus", new ByteArrayInputStream(bytes))),
                format, FilterOptions.CLOUDWATCH_MAX_EVENT_BYTES, Progress.none(), 1);
        long[] n = {0};
        source.forEach(event -> {
            n[0] += event.length() > 0 ? 1 : 0;
            return true;
        });
        return n[0];
    }

    /** The records through the CLI's CloudTrail reader, each handed to a sink that counts it. */
    @Benchmark
    @OperationsPerInvocation(Corpus.EVENTS)
    public long cloudTrailEvents() {
        return count(documents, InputFormat.CLOUDTRAIL);
    }

    /** Baseline: the lines through the CLI's line reader, each handed to a sink that counts it. */
    @Benchmark
    @OperationsPerInvocation(Corpus.EVENTS)
    public long jsonLinesEvents() {
        return count(lines, InputFormat.LINES);
    }
}
