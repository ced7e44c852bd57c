package dev.cwfilter.cli.input;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cwfilter.cli.CliEnvironment;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The progress bar is drawn on standard error only when it is a terminal. */
class ProgressGateTest {

    private static String drawOnALargeSlowInput(boolean stderrIsTerminal) {
        AtomicLong now = new AtomicLong(1_000_000);
        CliEnvironment env = new CliEnvironment(new ByteArrayInputStream(new byte[0]), Map.of(), stderrIsTerminal,
                now::get);
        StringWriter err = new StringWriter();
        var progress = env.progress(new PrintWriter(err, true), 500_000_000);
        now.addAndGet(2_000);
        progress.advance(100_000_000);
        progress.finish();
        return err.toString();
    }

    @Test
    void aTerminalGetsABar() {
        assertThat(drawOnALargeSlowInput(true)).contains("%").contains("MB of 500.0 MB");
    }

    @Test
    void aRedirectedStandardErrorGetsNothing() {
        assertThat(drawOnALargeSlowInput(false)).isEmpty();
    }
}
