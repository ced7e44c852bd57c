package dev.cwfilter.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cwfilter watch} in a process of its own, stopped the way a person stops it: Ctrl-C (SIGINT). It prints its
 * summary and exits 0, as the other commands exit when they have done their work.
 */
class WatchCtrlCIT {

    @Test
    void ctrlCStopsWatchCleanlyWithASummary(@TempDir Path dir) throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/bin/kill")) || Files.isExecutable(Path.of("/usr/bin/kill")),
                "kill is not installed");
        assumeTrue(!sigintIgnored(), "SIGINT is ignored in this process (Maven was started as a background job of a"
                + " non-interactive shell), and a child started from here inherits that: Ctrl-C cannot reach it");
        Path trail = dir.resolve("trail.jsonl");
        Files.write(trail, MemoryProbe.jsonLines());
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(List.of(java, "-jar",
                System.getProperty("cwfilter.jar", "target/cwfilter.jar"), "watch", "--clock", "event",
                "--poll-interval", "20", "-p", "{ $.eventName = \"GetSecretValue\" }", "--default", "0",
                "--alarm", ">= 1 for 1 of 1", "--alarm-name", "Secret is accessed", trail.toString()));
        builder.environment().put("LANG", "C.UTF-8");
        Process process = builder.start();
        StringBuffer out = new StringBuffer();
        StringBuffer err = new StringBuffer();
        Thread outReader = pump(process.getInputStream(), out);
        Thread errReader = pump(process.getErrorStream(), err);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!out.toString().contains("2026-11-21 12:43  Secret is accessed: ALARM → OK")
                && System.nanoTime() < deadline && process.isAlive()) {
            Thread.sleep(20);
        }
        assertThat(out.toString()).as("err: %s", err).contains("12:04  Secret is accessed: OK → ALARM");
        new ProcessBuilder("kill", "-INT", String.valueOf(process.pid())).start().waitFor();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("stopped by Ctrl-C").isTrue();
        outReader.join(5_000);
        errReader.join(5_000);
        assertThat(process.exitValue()).as("out: %s%nerr: %s", out, err).isZero();
        assertThat(out.toString()).contains("Summary (stopped): 1 file, 127 events, 6 matched, 127 datapoints")
                .contains("alarm \"Secret is accessed\": OK since 2026-11-21 12:43, 9 transitions");
        assertThat(err.toString()).startsWith("cwfilter: watching " + trail + " (from the start); event time");
    }

    /**
     * Whether this JVM ignores SIGINT (signal 2: mask bit {@code 1 << 1} of {@code SigIgn} in
     * {@code /proc/self/status}). A process that starts with SIGINT ignored (a background job of a shell without job
     * control) keeps it ignored, as does every process it starts; the JVM then installs no handler for it, and
     * {@code watch} rightly cannot be stopped by Ctrl-C.
     */
    static boolean sigintIgnored() throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.isReadable(status)) {
            return false;
        }
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("SigIgn:")) {
                return (Long.parseUnsignedLong(line.substring("SigIgn:".length()).trim(), 16) & (1L << 1)) != 0;
            }
        }
        return false;
    }

    private static Thread pump(InputStream in, StringBuffer into) {
        Thread t = new Thread(() -> {
            byte[] buffer = new byte[8192];
            try {
                int n;
                while ((n = in.read(buffer)) > 0) {
                    into.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                into.append("\n(read failed: ").append(e).append(')');
            }
        });
        t.setDaemon(true);
        t.start();
        return t;
    }
}
