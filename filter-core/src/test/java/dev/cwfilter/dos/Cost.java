package dev.cwfilter.dos;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * What running something cost the thread that ran it: CPU time and bytes allocated, as the JVM counts them for that
 * thread alone ({@code com.sun.management.ThreadMXBean}). Other threads and other processes on a loaded machine
 * change neither, so bounds on them are robust where wall-clock timers are not; the bounds in this package are
 * generous (ten times or more what the code needs) and still far below what the slow or greedy behaviour they guard
 * against would cost. A wall-clock timeout of a minute only stops a hang.
 *
 * @param cpuNanos       CPU time of the running thread
 * @param allocatedBytes bytes the running thread allocated
 * @param result         what the code returned
 * @param <T>            the result's type
 */
record Cost<T>(long cpuNanos, long allocatedBytes, T result) {

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    /** Runs the code once and measures it, failing if it has not returned within a minute. */
    static <T> Cost<T> of(Supplier<T> code) {
        return assertTimeoutPreemptively(Duration.ofMinutes(1), () -> {
            long allocated = THREADS.getCurrentThreadAllocatedBytes();
            long cpu = THREADS.getCurrentThreadCpuTime();
            T result = code.get();
            long cpuAfter = THREADS.getCurrentThreadCpuTime();
            long allocatedAfter = THREADS.getCurrentThreadAllocatedBytes();
            return new Cost<>(cpuAfter - cpu, allocatedAfter - allocated, result);
        });
    }

    /** Runs the code once to warm it up (class loading, per-thread scratch space), then measures a second run. */
    static <T> Cost<T> warm(Supplier<T> code) {
        return assertTimeoutPreemptively(Duration.ofMinutes(2), () -> {
            code.get();
            long allocated = THREADS.getCurrentThreadAllocatedBytes();
            long cpu = THREADS.getCurrentThreadCpuTime();
            T result = code.get();
            long cpuAfter = THREADS.getCurrentThreadCpuTime();
            long allocatedAfter = THREADS.getCurrentThreadAllocatedBytes();
            return new Cost<>(cpuAfter - cpu, allocatedAfter - allocated, result);
        });
    }

    /** CPU time in milliseconds. */
    long cpuMillis() {
        return cpuNanos / 1_000_000;
    }

    @Override
    public String toString() {
        return String.format("%d ms of CPU, %,d bytes allocated", cpuMillis(), allocatedBytes);
    }
}
