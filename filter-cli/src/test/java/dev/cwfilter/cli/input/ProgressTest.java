package dev.cwfilter.cli.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressTest {

    final AtomicLong now = new AtomicLong(1_000_000);
    final StringWriter err = new StringWriter();

    @Test
    void aSmallInputReadQuicklyDrawsNothing() {
        Progress p = Progress.on(new PrintWriter(err), 10_000_000, now::get);
        p.advance(5_000_000);
        now.addAndGet(900);
        p.advance(5_000_000);
        p.finish();
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void aLargeInputDrawsABarAtOnceAndErasesItAtTheEnd() {
        Progress p = Progress.on(new PrintWriter(err), 200_000_000, now::get);
        now.addAndGet(250);
        p.advance(50_000_000);
        assertThat(err.toString()).isEqualTo("\r[########......................]  25%  50.0 MB of 200.0 MB  200.0 MB/s ");
        now.addAndGet(100);
        p.advance(1);
        assertThat(err.toString()).as("no redraw within 200 ms").doesNotContain("50.0 MB of 200.0 MB  142");
        p.finish();
        assertThat(err.toString()).endsWith("\r" + " ".repeat(71) + "\r");
    }

    @Test
    void aSlowInputOfUnknownSizeShowsWhatWasReadAfterASecond() {
        Progress p = Progress.on(new PrintWriter(err), -1, now::get);
        p.advance(1000);
        assertThat(err.toString()).isEmpty();
        now.addAndGet(2000);
        p.advance(3_999_000);
        assertThat(err.toString()).isEqualTo("\rread 4.0 MB  2.0 MB/s ");
    }

    @Test
    void noneDrawsNothing() {
        Progress.none().advance(1L << 40);
        Progress.none().finish();
        assertThat(err.toString()).isEmpty();
    }
}
