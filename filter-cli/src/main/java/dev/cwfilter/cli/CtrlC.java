package dev.cwfilter.cli;

import java.util.concurrent.atomic.AtomicBoolean;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Turns the first Ctrl-C (SIGINT) into a request to stop: a flag, and an interrupt of the thread that runs the command,
 * so that the command can finish what it is doing and print its summary. A second Ctrl-C ends the JVM as usual.
 * Uses {@code sun.misc.Signal} (module jdk.unsupported, in every JDK since 9); where it is missing, Ctrl-C ends the JVM
 * as it always does.
 *
 * <p>Thread-safe.
 */
final class CtrlC implements AutoCloseable {

    private final AtomicBoolean pressed = new AtomicBoolean();
    private Signal signal;
    private SignalHandler previous;

    private CtrlC() {
    }

    /** Catches Ctrl-C until {@link #close()}: the first one sets {@link #pressed()} and interrupts {@code target}. */
    static CtrlC install(Thread target) {
        CtrlC c = new CtrlC();
        try {
            c.signal = new Signal("INT");
            c.previous = Signal.handle(c.signal, s -> {
                c.pressed.set(true);
                target.interrupt();
                // A second Ctrl-C is the user insisting: let it end the JVM.
                Signal.handle(c.signal, c.previous);
            });
        } catch (IllegalArgumentException | LinkageError e) {
            c.signal = null;
        }
        return c;
    }

    /** Whether Ctrl-C was pressed. */
    boolean pressed() {
        return pressed.get();
    }

    /** Gives Ctrl-C back to the JVM. */
    @Override
    public void close() {
        if (signal != null && !pressed.get()) {
            try {
                Signal.handle(signal, previous);
            } catch (IllegalArgumentException e) {
                // Nothing to give back.
            }
        }
    }
}
