package dev.cwfilter.testoutput;

import java.io.ByteArrayOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Shows a failing test's output on the console, and nothing of a passing one. The build sends every test's output
 * to {@code target/surefire-reports/<class>-output.txt} ({@code redirectTestOutputToFile}) and sets {@value #ENABLED};
 * this listener then also records what the tests print, from any thread, and when a test or a class fails, writes
 * what was printed since it started to the test JVM's own standard error, which Maven shows as is. Registered for
 * every module's tests through {@code META-INF/services/org.junit.platform.launcher.TestExecutionListener} in
 * filter-propcheck's test jar. Without the property (an IDE run, where output is shown anyway), it does nothing.
 *
 * <p>Tests run one at a time in each JVM (no JUnit parallel execution is configured), so one recording is enough.
 */
public final class OutputOnFailureListener implements TestExecutionListener {

    /** The system property that turns the listener on. */
    public static final String ENABLED = "cwfilter.test.outputOnFailure";

    /** The most output kept per test: the end of it, where a failure's cause usually is. */
    static final int LIMIT = 256 * 1024;

    /** The test JVM's standard error, which no redirection of {@code System.err} touches. */
    private static final PrintStream CONSOLE = new PrintStream(new FileOutputStream(FileDescriptor.err), true,
            StandardCharsets.UTF_8);

    private final Recording recording = new Recording();
    private PrintStream originalOut;
    private PrintStream originalErr;

    /**
     * Writes a line to the console whatever the build does with test output: for summaries a build must show.
     *
     * @param line the line
     */
    public static void console(String line) {
        CONSOLE.println(line);
    }

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        if (!Boolean.getBoolean(ENABLED)) {
            return;
        }
        originalOut = System.out;
        originalErr = System.err;
        System.setOut(new PrintStream(new Tee(originalOut, recording), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new Tee(originalErr, recording), true, StandardCharsets.UTF_8));
    }

    @Override
    public void executionStarted(TestIdentifier id) {
        if (originalOut != null && id.isTest()) {
            recording.reset();
        }
    }

    @Override
    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
        if (originalOut == null || result.getStatus() != TestExecutionResult.Status.FAILED) {
            return;
        }
        System.out.flush();
        System.err.flush();
        String output = recording.text();
        if (output.isBlank()) {
            return;
        }
        CONSOLE.println("---- output of " + id.getDisplayName() + " (" + id.getUniqueId() + ")"
                + (recording.truncated() ? ", its last " + LIMIT / 1024 + " KB" : "") + " ----");
        CONSOLE.print(output.endsWith("\n") ? output : output + "\n");
        CONSOLE.println("---- end of output ----");
        recording.reset();
    }

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        if (originalOut != null) {
            System.out.flush();
            System.err.flush();
            System.setOut(originalOut);
            System.setErr(originalErr);
            originalOut = null;
            originalErr = null;
        }
    }

    /** The bytes printed since the last reset, up to {@link #LIMIT} (the latest kept). */
    static final class Recording extends OutputStream {
        private ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private boolean truncated;

        @Override
        public synchronized void write(int b) {
            bytes.write(b);
            trim();
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            bytes.write(b, off, len);
            trim();
        }

        private void trim() {
            if (bytes.size() > 2 * LIMIT) {
                byte[] all = bytes.toByteArray();
                bytes = new ByteArrayOutputStream(2 * LIMIT);
                bytes.write(all, all.length - LIMIT, LIMIT);
                truncated = true;
            }
        }

        synchronized void reset() {
            bytes = new ByteArrayOutputStream();
            truncated = false;
        }

        synchronized boolean truncated() {
            return truncated || bytes.size() > LIMIT;
        }

        synchronized String text() {
            byte[] all = bytes.toByteArray();
            int from = Math.max(0, all.length - LIMIT);
            return new String(all, from, all.length - from, StandardCharsets.UTF_8);
        }
    }

    /** Writes to the stream the build redirects, and to the recording. */
    private static final class Tee extends OutputStream {
        private final OutputStream first;
        private final OutputStream second;

        Tee(OutputStream first, OutputStream second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public void write(int b) throws IOException {
            first.write(b);
            second.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            first.write(b, off, len);
            second.write(b, off, len);
        }

        @Override
        public void flush() throws IOException {
            first.flush();
            second.flush();
        }
    }
}
