package dev.cwfilter.propcheck;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * The randomness handed to a generator: every draw is a 64-bit choice, recorded so that a run can be replayed, and
 * replayed with smaller choices when a failure is shrunk.
 *
 * <p>Every derived draw is monotone in its choice read as an unsigned number, so that a smaller choice never gives a
 * larger value: a bounded draw is the high part of {@code choice × bound}, a double is the choice's top 53 bits, a
 * boolean its top bit. A choice of zero gives zero, {@code false} and the first alternative. Not thread-safe: one
 * per generated example.
 */
final class Choices implements RandomGenerator {

    /** More draws than any sane example needs; a generator that goes beyond is treated as a failed generation. */
    static final int MAX_DRAWS = 1 << 20;

    private final long[] prefix;
    private final SplittableRandom fresh;
    private long[] recorded = new long[64];
    private int size;

    private Choices(long[] prefix, SplittableRandom fresh) {
        this.prefix = prefix;
        this.fresh = fresh;
    }

    /** Fresh draws from a seed. */
    static Choices random(long seed) {
        return new Choices(new long[0], new SplittableRandom(seed));
    }

    /** The given draws, then zeros. */
    static Choices replay(long[] draws) {
        return new Choices(draws, null);
    }

    /** Whether these choices replay given draws (while shrinking) rather than draw fresh ones. */
    boolean replaying() {
        return fresh == null;
    }

    /** The draws made so far. */
    long[] draws() {
        return Arrays.copyOf(recorded, size);
    }

    @Override
    public long nextLong() {
        if (size == MAX_DRAWS) {
            throw new TooManyDraws();
        }
        long draw = size < prefix.length ? prefix[size] : fresh == null ? 0 : fresh.nextLong();
        if (size == recorded.length) {
            recorded = Arrays.copyOf(recorded, size * 2);
        }
        recorded[size++] = draw;
        return draw;
    }

    @Override
    public int nextInt() {
        return (int) (nextLong() >>> 32);
    }

    @Override
    public boolean nextBoolean() {
        return nextLong() < 0;
    }

    @Override
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    @Override
    public float nextFloat() {
        return (nextLong() >>> 40) * 0x1.0p-24f;
    }

    @Override
    public int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive: " + bound);
        }
        return (int) scaled(nextLong(), bound);
    }

    @Override
    public int nextInt(int origin, int bound) {
        if (origin >= bound) {
            throw new IllegalArgumentException("bound must be greater than origin: " + origin + ", " + bound);
        }
        return (int) (origin + scaled(nextLong(), (long) bound - origin));
    }

    @Override
    public long nextLong(long bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive: " + bound);
        }
        return scaled(nextLong(), bound);
    }

    @Override
    public long nextLong(long origin, long bound) {
        if (origin >= bound) {
            throw new IllegalArgumentException("bound must be greater than origin: " + origin + ", " + bound);
        }
        long span = bound - origin;
        if (span > 0) {
            return origin + scaled(nextLong(), span);
        }
        // A span beyond Long.MAX_VALUE: draw until inside (rare, and still replayable).
        for (;;) {
            long r = nextLong();
            if (r >= origin && r < bound) {
                return r;
            }
        }
    }

    /** {@code floor(choice × bound / 2^64)} with the choice read as unsigned: 0 to {@code bound - 1}, monotone. */
    private static long scaled(long choice, long bound) {
        return Math.multiplyHigh(choice, bound) + ((choice >> 63) & bound);
    }

    /** Thrown when a generator draws more than {@link #MAX_DRAWS} times for one example. */
    static final class TooManyDraws extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TooManyDraws() {
            super("a generator drew more than " + MAX_DRAWS + " random choices for one example", null, false, false);
        }
    }
}
