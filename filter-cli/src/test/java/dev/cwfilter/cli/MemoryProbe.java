package dev.cwfilter.cli;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Run by {@link FlatMemoryTest} in a JVM of its own with a small heap: feeds {@code blocks} copies of the seed hour,
 * as JSON lines, through {@code cwfilter filter --count} from a generator stream (nothing is ever written to disk),
 * measures the live heap after a full collection at each quarter of the input, and prints what it saw.
 */
final class MemoryProbe {

    private MemoryProbe() {
    }

    public static void main(String[] args) throws Exception {
        long blocks = Long.parseLong(args[0]);
        boolean cloudTrail = args.length > 1 && args[1].equals("cloudtrail");
        byte[] block = cloudTrail ? recordsBlock() : jsonLines();
        List<Long> liveHeap = new ArrayList<>();
        long total = blocks * block.length;
        InputStream generator = new GeneratorStream(block, blocks, total / 4, () -> liveHeap.add(liveHeap()));
        if (cloudTrail) {
            // One CloudTrail document of a gibibyte: {"Records":[{} then ",record" blocks, then ]}.
            generator = new java.io.SequenceInputStream(java.util.Collections.enumeration(List.of(
                    new java.io.ByteArrayInputStream("{\"Records\":[{}".getBytes(StandardCharsets.UTF_8)), generator,
                    new java.io.ByteArrayInputStream("]}".getBytes(StandardCharsets.UTF_8)))));
        }
        long started = System.nanoTime();
        Run run = Run.withStream(generator, "filter", "-p", "{ $.eventName = \"GetSecretValue\" }", "--count");
        long elapsed = (System.nanoTime() - started) / 1_000_000;
        liveHeap.add(liveHeap());
        System.out.println(String.format(Locale.ROOT, "code=%d count=%s bytes=%d millis=%d liveHeap=%s", run.code(),
                run.out().strip(), total, elapsed, liveHeap));
    }

    /** The seed's records as JSON lines, the way `jq -c '.Records[]'` writes them. */
    static byte[] jsonLines() throws Exception {
        StringBuilder sb = new StringBuilder();
        dev.cwfilter.cli.input.EventSource source = new dev.cwfilter.cli.input.EventSource(
                List.of(dev.cwfilter.cli.input.Input.file(Run.seed())), dev.cwfilter.cli.input.InputFormat.AUTO,
                1 << 20, dev.cwfilter.cli.input.Progress.none());
        source.forEach(e -> {
            sb.append(e.message()).append('\n');
            return true;
        });
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The seed's records, each preceded by a comma: a block of a Records array's elements. */
    static byte[] recordsBlock() throws Exception {
        StringBuilder sb = new StringBuilder();
        for (String line : new String(jsonLines(), StandardCharsets.UTF_8).split("\n")) {
            sb.append(',').append(line);
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    static long liveHeap() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** {@code blocks} copies of a block, generated as they are read; calls {@code every} each {@code step} bytes. */
    static final class GeneratorStream extends InputStream {
        private final byte[] block;
        private final long total;
        private final long step;
        private final Runnable every;
        private long position;
        private long nextCall;

        GeneratorStream(byte[] block, long blocks, long step, Runnable every) {
            this.block = block;
            this.total = blocks * block.length;
            this.step = step;
            this.every = every;
            this.nextCall = step;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (position >= total) {
                return -1;
            }
            if (position >= nextCall) {
                nextCall += step;
                every.run();
            }
            int at = (int) (position % block.length);
            int n = (int) Math.min(Math.min(len, block.length - at), total - position);
            System.arraycopy(block, at, b, off, n);
            position += n;
            return n;
        }
    }
}
