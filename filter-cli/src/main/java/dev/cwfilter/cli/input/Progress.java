package dev.cwfilter.cli.input;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * A progress bar on standard error, for inputs large enough to make someone wait: it appears only when the input is
 * known to be over {@value #LARGE_BYTES} bytes or reading has taken over a second, redraws at most every
 * {@value #REDRAW_MILLIS} ms, and is erased at the end. Commands use {@link #none()} unless standard error is a
 * terminal. Thread-safe: inputs read in parallel report to one bar.
 */
public final class Progress {

    static final long LARGE_BYTES = 50L * 1000 * 1000;
    static final long REDRAW_MILLIS = 200;
    private static final long SHOW_AFTER_MILLIS = 1000;
    private static final int BAR_WIDTH = 30;

    private static final Progress NONE = new Progress(null, -1, () -> 0);

    private final PrintWriter err;
    private final long total;
    private final LongSupplier clock;
    private final long started;
    private long done;
    private long lastDrawn = Long.MIN_VALUE;
    private boolean drawn;

    private Progress(PrintWriter err, long total, LongSupplier clock) {
        this.err = err;
        this.total = total;
        this.clock = clock;
        this.started = clock.getAsLong();
    }

    /** No progress bar. */
    public static Progress none() {
        return NONE;
    }

    /**
     * A progress bar drawn on {@code err}.
     *
     * @param totalBytes the size of all inputs, or -1 if unknown (standard input)
     * @param millis     the clock, in milliseconds
     */
    public static Progress on(PrintWriter err, long totalBytes, LongSupplier millis) {
        return new Progress(err, totalBytes, millis);
    }

    /** Records that more bytes of the inputs were read. */
    synchronized void advance(long bytes) {
        if (err == null) {
            return;
        }
        done += bytes;
        long now = clock.getAsLong();
        if (lastDrawn != Long.MIN_VALUE && now - lastDrawn < REDRAW_MILLIS) {
            return;
        }
        if (!drawn && total <= LARGE_BYTES && now - started < SHOW_AFTER_MILLIS) {
            return;
        }
        lastDrawn = now;
        drawn = true;
        err.print("\r" + line(now));
        err.flush();
    }

    String line(long now) {
        double seconds = Math.max(0.001, (now - started) / 1000.0);
        String rate = mb(done / seconds) + "/s";
        if (total > 0) {
            double fraction = Math.min(1, (double) done / total);
            int filled = (int) Math.round(fraction * BAR_WIDTH);
            return String.format(Locale.ROOT, "[%s%s] %3d%%  %s of %s  %s ", "#".repeat(filled),
                    ".".repeat(BAR_WIDTH - filled), Math.round(fraction * 100), mb(done), mb(total), rate);
        }
        return String.format(Locale.ROOT, "read %s  %s ", mb(done), rate);
    }

    private static String mb(double bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }

    /** Erases the bar, if it was drawn. */
    public synchronized void finish() {
        if (drawn) {
            err.print("\r" + " ".repeat(line(clock.getAsLong()).length()) + "\r");
            err.flush();
            drawn = false;
        }
    }
}
