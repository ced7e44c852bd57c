package dev.cwfilter.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.function.Predicate;
import picocli.CommandLine;

/** Runs a command in-process on a thread of its own, so that a test can watch its output grow and then stop it. */
final class LiveRun {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final Thread thread;
    private volatile int code = -1;

    private LiveRun(CliEnvironment env, String... args) {
        CommandLine cmd = Cli.commandLine(env);
        cmd.setOut(new PrintWriter(new Synced(out), true));
        cmd.setErr(new PrintWriter(new Synced(err), true));
        thread = new Thread(() -> code = cmd.execute(args), "live-run");
        thread.start();
    }

    static LiveRun start(CliEnvironment env, String... args) {
        return new LiveRun(env, args);
    }

    String out() {
        synchronized (out) {
            return out.toString();
        }
    }

    String err() {
        synchronized (err) {
            return err.toString();
        }
    }

    /** Waits until the output satisfies the condition; fails with the output after the timeout. */
    String awaitOut(Predicate<String> condition, Duration timeout, String what) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            String now = out();
            if (condition.test(now)) {
                return now;
            }
            if (System.nanoTime() > deadline || !thread.isAlive()) {
                throw new AssertionError("waited for " + what + "; out:\n" + now + "\nerr:\n" + err());
            }
            Thread.sleep(5);
        }
    }

    /** Waits until standard error satisfies the condition. */
    String awaitErr(Predicate<String> condition, Duration timeout, String what) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            String now = err();
            if (condition.test(now)) {
                return now;
            }
            if (System.nanoTime() > deadline || !thread.isAlive()) {
                throw new AssertionError("waited for " + what + "; err:\n" + now + "\nout:\n" + out());
            }
            Thread.sleep(5);
        }
    }

    /** Stops the command as Ctrl-C does (its thread is interrupted) and returns its exit code. */
    int stop() throws InterruptedException {
        thread.interrupt();
        return await();
    }

    /** Waits for the command to end by itself and returns its exit code. */
    int await() throws InterruptedException {
        thread.join(30_000);
        if (thread.isAlive()) {
            throw new AssertionError("still running; out:\n" + out() + "\nerr:\n" + err());
        }
        return code;
    }

    /** A writer whose every write holds the target's lock, so that the test can read it while the command writes. */
    private static final class Synced extends java.io.Writer {
        private final StringWriter target;

        Synced(StringWriter target) {
            this.target = target;
        }

        @Override
        public void write(char[] cbuf, int off, int len) {
            synchronized (target) {
                target.write(cbuf, off, len);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
