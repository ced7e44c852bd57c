package dev.cwfilter.propcheck;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Runs a property — a check that must hold for every generated value — over many generated values, and on failure
 * shrinks the failing value to a small one and throws an {@link AssertionError} that shows it and says how to rerun.
 *
 * <pre>{@code
 * @Test
 * void reversingTwiceIsIdentity() {
 *     PropCheck.forAll(Gen.listOf(Gen.integers(-9, 9), 0, 20), list -> {
 *         assertThat(reverse(reverse(list))).isEqualTo(list);
 *     });
 * }
 * }</pre>
 *
 * <p><b>Reproducible.</b> By default a property's seed is derived from its name (the calling test's class and
 * method), so every run checks the same values and a failure in CI fails the same way on a laptop. {@code
 * -Dpropcheck.seed=N} replaces the seed of every property (the failure message prints the {@code N} to use), {@code
 * -Dpropcheck.seed=random} draws a new one per run to explore further, and {@code -Dpropcheck.triesFactor=F}
 * multiplies every property's number of tries.
 *
 * <p><b>Shrinking.</b> A generator draws every random choice from the {@link java.util.random.RandomGenerator} it is
 * given; the runner records those choices and, once a value fails, replays shorter and smaller choice sequences (whole
 * runs of choices deleted, set to zero, then each choice made as small as it can be), keeping any that still fail
 * with the same kind of exception. Generators need no shrinking code of their own.
 *
 * <p>A check fails by throwing anything: an assertion, an exception of the code under test. It may call {@link
 * #assume(boolean)} to discard a value that does not meet a precondition. The class is stateless and thread-safe.
 */
public final class PropCheck {

    /** Tries per property unless a property says otherwise. */
    public static final int DEFAULT_TRIES = 1000;

    /** The most values the runner tries while shrinking one failure. */
    public static final int DEFAULT_MAX_SHRINK_RUNS = 5000;

    private PropCheck() {
    }

    /**
     * A check of one generated value.
     *
     * @param <T> the type of the value
     */
    @FunctionalInterface
    public interface Check<T> {
        /**
         * Checks the value, throwing if the property does not hold.
         *
         * @param value the generated value
         * @throws Throwable anything, which fails the property
         */
        void check(T value) throws Throwable;
    }

    /**
     * A check of two generated values.
     *
     * @param <A> the type of the first value
     * @param <B> the type of the second value
     */
    @FunctionalInterface
    public interface Check2<A, B> {
        /**
         * Checks the values, throwing if the property does not hold.
         *
         * @param a the first value
         * @param b the second value
         * @throws Throwable anything, which fails the property
         */
        void check(A a, B b) throws Throwable;
    }

    /**
     * A check of three generated values.
     *
     * @param <A> the type of the first value
     * @param <B> the type of the second value
     * @param <C> the type of the third value
     */
    @FunctionalInterface
    public interface Check3<A, B, C> {
        /**
         * Checks the values, throwing if the property does not hold.
         *
         * @param a the first value
         * @param b the second value
         * @param c the third value
         * @throws Throwable anything, which fails the property
         */
        void check(A a, B b, C c) throws Throwable;
    }

    /**
     * Checks the property over {@link #DEFAULT_TRIES} generated values.
     *
     * @param <T> the type of the values
     * @param gen the generator
     * @param check the property
     * @return what was run
     * @throws AssertionError with the minimal failing value, if the property fails
     */
    public static <T> Result forAll(Gen<T> gen, Check<? super T> check) {
        return settings().forAll(gen, check);
    }

    /**
     * Checks the property over {@link #DEFAULT_TRIES} generated pairs.
     *
     * @param <A> the type of the first values
     * @param <B> the type of the second values
     * @param a the first generator
     * @param b the second generator
     * @param check the property
     * @return what was run
     * @throws AssertionError with the minimal failing values, if the property fails
     */
    public static <A, B> Result forAll(Gen<A> a, Gen<B> b, Check2<? super A, ? super B> check) {
        return settings().forAll(a, b, check);
    }

    /**
     * Checks the property over {@link #DEFAULT_TRIES} generated triples.
     *
     * @param <A> the type of the first values
     * @param <B> the type of the second values
     * @param <C> the type of the third values
     * @param a the first generator
     * @param b the second generator
     * @param c the third generator
     * @param check the property
     * @return what was run
     * @throws AssertionError with the minimal failing values, if the property fails
     */
    public static <A, B, C> Result forAll(Gen<A> a, Gen<B> b, Gen<C> c, Check3<? super A, ? super B, ? super C> check) {
        return settings().forAll(a, b, c, check);
    }

    /**
     * Settings with a different number of tries.
     *
     * @param tries how many values to check, at least 1
     * @return the settings
     */
    public static Settings tries(int tries) {
        return settings().tries(tries);
    }

    /**
     * The default settings, to change before running a property.
     *
     * @return the default settings
     */
    public static Settings settings() {
        return new Settings(DEFAULT_TRIES, null, null, DEFAULT_MAX_SHRINK_RUNS);
    }

    /**
     * Discards the current value unless the condition holds: a precondition of the property, not a check. A property
     * that discards more than ten values per try fails, since it then checks too little.
     *
     * @param condition the precondition
     */
    public static void assume(boolean condition) {
        if (!condition) {
            throw Discarded.INSTANCE;
        }
    }

    /**
     * What a successful run checked.
     *
     * @param name the property's name
     * @param seed the seed it ran with
     * @param tries how many values passed the check
     * @param discarded how many values were discarded by {@link #assume(boolean)}
     */
    public record Result(String name, long seed, int tries, int discarded) {
    }

    /**
     * How a property is run: immutable, each setter returns a copy.
     *
     * @param tries how many values to check
     * @param seed the seed, or null for the one derived from the name (or given by {@code -Dpropcheck.seed})
     * @param name the property's name, or null for the calling test's class and method
     * @param maxShrinkRuns the most values to try while shrinking a failure
     */
    public record Settings(int tries, Long seed, String name, int maxShrinkRuns) {

        /** Checks the settings. */
        public Settings {
            if (tries < 1) {
                throw new IllegalArgumentException("tries must be at least 1, got " + tries);
            }
            if (maxShrinkRuns < 0) {
                throw new IllegalArgumentException("maxShrinkRuns must not be negative, got " + maxShrinkRuns);
            }
        }

        /**
         * These settings with another number of tries.
         *
         * @param value how many values to check
         * @return the new settings
         */
        public Settings tries(int value) {
            return new Settings(value, seed, name, maxShrinkRuns);
        }

        /**
         * These settings with a fixed seed, which overrides {@code -Dpropcheck.seed}.
         *
         * @param value the seed
         * @return the new settings
         */
        public Settings seed(long value) {
            return new Settings(tries, value, name, maxShrinkRuns);
        }

        /**
         * These settings with a name for the property (used in messages and to derive the seed).
         *
         * @param value the name
         * @return the new settings
         */
        public Settings name(String value) {
            return new Settings(tries, seed, Objects.requireNonNull(value, "name"), maxShrinkRuns);
        }

        /**
         * These settings with another shrinking budget; 0 turns shrinking off.
         *
         * @param value the most values to try while shrinking
         * @return the new settings
         */
        public Settings maxShrinkRuns(int value) {
            return new Settings(tries, seed, name, value);
        }

        /**
         * Checks the property over generated values.
         *
         * @param <T> the type of the values
         * @param gen the generator
         * @param check the property
         * @return what was run
         * @throws AssertionError with the minimal failing value, if the property fails
         */
        public <T> Result forAll(Gen<T> gen, Check<? super T> check) {
            Objects.requireNonNull(gen, "gen");
            Objects.requireNonNull(check, "check");
            return run(gen, check);
        }

        /**
         * Checks the property over generated pairs.
         *
         * @param <A> the type of the first values
         * @param <B> the type of the second values
         * @param a the first generator
         * @param b the second generator
         * @param check the property
         * @return what was run
         * @throws AssertionError with the minimal failing values, if the property fails
         */
        public <A, B> Result forAll(Gen<A> a, Gen<B> b, Check2<? super A, ? super B> check) {
            Objects.requireNonNull(check, "check");
            return run(Gen.zip(a, b, Values::new), values -> check.check(values.a(), values.b()));
        }

        /**
         * Checks the property over generated triples.
         *
         * @param <A> the type of the first values
         * @param <B> the type of the second values
         * @param <C> the type of the third values
         * @param a the first generator
         * @param b the second generator
         * @param c the third generator
         * @param check the property
         * @return what was run
         * @throws AssertionError with the minimal failing values, if the property fails
         */
        public <A, B, C> Result forAll(Gen<A> a, Gen<B> b, Gen<C> c,
                Check3<? super A, ? super B, ? super C> check) {
            Objects.requireNonNull(check, "check");
            Gen<Values3<A, B, C>> all = random -> new Values3<>(a.generate(random), b.generate(random),
                    c.generate(random));
            return run(all, values -> check.check(values.a(), values.b(), values.c()));
        }

        private <T> Result run(Gen<T> gen, Check<? super T> check) {
            String propertyName = name != null ? name : callerName();
            long base = seed != null ? seed : configuredSeed().orElse(nameSeed(propertyName));
            int total = Math.max(1, (int) Math.round(tries * triesFactor()));
            Runner<T> runner = new Runner<>(gen, check);
            int passed = 0;
            int discarded = 0;
            long attempt = 0;
            while (passed < total) {
                if (discarded > 10L * total + 100) {
                    throw new AssertionError(String.format(Locale.ROOT,
                            "Property %s discarded %d values and checked only %d of %d: its assumptions reject too"
                                    + " much (seed %d)", propertyName, discarded, passed, total, base));
                }
                long trySeed = mix(base + attempt++ * 0x9E3779B97F4A7C15L);
                Choices choices = Choices.random(trySeed);
                Outcome outcome = runner.run(choices);
                if (outcome.discarded()) {
                    discarded++;
                } else if (outcome.failure() != null) {
                    throw failure(propertyName, base, passed, runner, choices.draws(), outcome);
                } else {
                    passed++;
                }
            }
            return new Result(propertyName, base, passed, discarded);
        }

        private <T> AssertionError failure(String propertyName, long base, int passed, Runner<T> runner,
                long[] draws, Outcome original) {
            Shrunk shrunk = new Shrinker(runner, original.failure().getClass(), maxShrinkRuns)
                    .shrink(draws, original);
            Outcome minimal = shrunk.outcome();
            StringBuilder message = new StringBuilder();
            message.append("Property ").append(propertyName).append(" failed after ").append(passed + 1)
                    .append(passed == 0 ? " try" : " tries").append(" (seed ").append(base)
                    .append("; rerun with -Dpropcheck.seed=").append(base).append(')');
            message.append("\nminimal example (").append(shrunk.steps()).append(" shrinking steps, ")
                    .append(shrunk.runs()).append(" runs): ").append(show(minimal.value()));
            if (shrunk.steps() > 0) {
                message.append("\noriginal example: ").append(show(original.value()));
            }
            message.append("\nfailure: ").append(minimal.failure());
            return new AssertionError(message.toString(), minimal.failure());
        }
    }

    /** The values of a property of two generators, shown as {@code (a, b)} in a failure. */
    private record Values<A, B>(A a, B b) {
        @Override
        public String toString() {
            return "(" + show(a) + ", " + show(b) + ")";
        }
    }

    /** The values of a property of three generators, shown as {@code (a, b, c)} in a failure. */
    private record Values3<A, B, C>(A a, B b, C c) {
        @Override
        public String toString() {
            return "(" + show(a) + ", " + show(b) + ", " + show(c) + ")";
        }
    }

    /** The result of checking one generated value. */
    record Outcome(Object value, Throwable failure, boolean discarded) {
        boolean fails(Class<?> kind) {
            return failure != null && failure.getClass() == kind;
        }
    }

    /** Generates a value from the given choices and checks it. */
    static final class Runner<T> {
        private final Gen<T> gen;
        private final Check<? super T> check;

        Runner(Gen<T> gen, Check<? super T> check) {
            this.gen = gen;
            this.check = check;
        }

        /**
         * Generates and checks one value. Returns null when replayed choices generate no value (the generator threw,
         * which while shrinking only means the candidate is not a valid example); a generator that throws on fresh
         * choices is a bug of the test, reported as such.
         */
        Outcome run(Choices choices) {
            T value;
            try {
                value = gen.generate(choices);
            } catch (Discarded e) {
                return new Outcome(null, null, true);
            } catch (RuntimeException | StackOverflowError e) {
                if (choices.replaying()) {
                    return null;
                }
                throw new IllegalStateException("the generator threw while generating a value", e);
            }
            try {
                check.check(value);
                return new Outcome(value, null, false);
            } catch (Discarded e) {
                return new Outcome(value, null, true);
            } catch (Throwable e) {
                if (e instanceof VirtualMachineError && !(e instanceof StackOverflowError)) {
                    throw (VirtualMachineError) e;
                }
                return new Outcome(value, e, false);
            }
        }
    }

    /** The smallest failing example found, and what it took. */
    record Shrunk(Outcome outcome, int steps, int runs) {
    }

    /** Thrown by {@link #assume(boolean)}; carries no stack trace. */
    static final class Discarded extends RuntimeException {
        private static final long serialVersionUID = 1L;
        static final Discarded INSTANCE = new Discarded();

        private Discarded() {
            super("assumption not met", null, false, false);
        }
    }

    static String show(Object value) {
        String text = value instanceof String s ? quote(s)
                : value instanceof Object[] objects ? Arrays.deepToString(objects)
                : value != null && value.getClass().isArray() ? primitiveArray(value)
                : String.valueOf(value);
        return text.length() <= 20_000 ? text : text.substring(0, 20_000) + "… (" + text.length() + " characters)";
    }

    /** An array of a primitive type, element by element ({@code [1, 2]}) rather than as {@code [B@1b6d3586}. */
    private static String primitiveArray(Object array) {
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < java.lang.reflect.Array.getLength(array); i++) {
            out.append(i == 0 ? "" : ", ").append(java.lang.reflect.Array.get(array, i));
        }
        return out.append(']').toString();
    }

    /** A string in Java source form, so that invisible and unusual characters can be seen and copied into a test. */
    static String quote(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || (c >= 0x7f && c < 0xa0) || Character.isSurrogate(c) || c == '\u2028'
                            || c == '\u2029' || c == '\ufeff') {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /** The calling test's class and method, a lambda's frame named after the method that holds it. */
    private static String callerName() {
        return StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE).walk(frames -> frames
                .filter(f -> f.getDeclaringClass().getEnclosingClass() != PropCheck.class
                        && f.getDeclaringClass() != PropCheck.class)
                .findFirst()
                .map(f -> f.getDeclaringClass().getSimpleName() + "."
                        + f.getMethodName().replaceFirst("^lambda\\$(.*)\\$\\d+$", "$1"))
                .orElse("property"));
    }

    private static Optional<Long> configuredSeed() {
        String value = System.getProperty("propcheck.seed");
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        if (value.trim().equalsIgnoreCase("random")) {
            return Optional.of(RandomSeed.VALUE);
        }
        try {
            return Optional.of(Long.parseLong(value.trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("-Dpropcheck.seed must be a long or 'random', got '" + value + "'");
        }
    }

    private static double triesFactor() {
        String value = System.getProperty("propcheck.triesFactor");
        if (value == null || value.isBlank()) {
            return 1.0;
        }
        try {
            double factor = Double.parseDouble(value.trim());
            if (!(factor > 0) || Double.isInfinite(factor)) {
                throw new NumberFormatException();
            }
            return factor;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("-Dpropcheck.triesFactor must be a positive number, got '" + value
                    + "'");
        }
    }

    private static long nameSeed(String name) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < name.length(); i++) {
            h = (h ^ name.charAt(i)) * 0x100000001b3L;
        }
        return mix(h);
    }

    /** SplitMix64's finaliser: spreads nearby seeds apart. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** One random seed per JVM for {@code -Dpropcheck.seed=random}, so the message can name it. */
    private static final class RandomSeed {
        static final long VALUE = new java.security.SecureRandom().nextLong();
    }

    /** Shrinks a failing choice sequence. */
    static final class Shrinker {
        private final Runner<?> runner;
        private final Class<?> kind;
        private final int budget;
        private int runs;
        private int steps;
        private long[] best;
        private Outcome bestOutcome;

        Shrinker(Runner<?> runner, Class<?> kind, int budget) {
            this.runner = runner;
            this.kind = kind;
            this.budget = budget;
        }

        Shrunk shrink(long[] draws, Outcome original) {
            best = draws;
            bestOutcome = original;
            boolean improved = true;
            while (improved && runs < budget) {
                improved = deleteRuns() | zeroRuns() | minimiseEach();
            }
            return new Shrunk(bestOutcome, steps, runs);
        }

        private boolean deleteRuns() {
            boolean improved = false;
            for (int k = 8; k >= 1; k /= 2) {
                for (int i = best.length - k; i >= 0 && runs < budget; i--) {
                    if (i + k > best.length) {
                        continue;
                    }
                    long[] candidate = new long[best.length - k];
                    System.arraycopy(best, 0, candidate, 0, i);
                    System.arraycopy(best, i + k, candidate, i, best.length - i - k);
                    improved |= attempt(candidate);
                }
            }
            return improved;
        }

        private boolean zeroRuns() {
            boolean improved = false;
            for (int k = 8; k >= 1; k /= 2) {
                for (int i = best.length - k; i >= 0 && runs < budget; i--) {
                    if (i + k > best.length || allZero(best, i, i + k)) {
                        continue;
                    }
                    long[] candidate = best.clone();
                    Arrays.fill(candidate, i, i + k, 0);
                    improved |= attempt(candidate);
                }
            }
            return improved;
        }

        private boolean minimiseEach() {
            boolean improved = false;
            for (int i = 0; i < best.length && runs < budget; i++) {
                long current = best[i];
                if (current == 0) {
                    continue;
                }
                // Binary search (as unsigned numbers) for the smallest choice that still fails, assuming monotony.
                long lo = 0;
                long hi = current;
                for (int step = 0; step < 64 && Long.compareUnsigned(lo, hi) < 0 && runs < budget; step++) {
                    long mid = lo + ((hi - lo) >>> 1);
                    long[] candidate = best.clone();
                    if (i >= candidate.length) {
                        break;
                    }
                    candidate[i] = mid;
                    if (attempt(candidate)) {
                        improved = true;
                        if (i >= best.length) {
                            break;
                        }
                        hi = best[i];
                    } else {
                        lo = mid + 1;
                    }
                }
            }
            return improved;
        }

        /** Runs the candidate; keeps it (as the draws it really made) if it fails the same way and is smaller. */
        private boolean attempt(long[] candidate) {
            runs++;
            Choices choices = Choices.replay(candidate);
            Outcome outcome = runner.run(choices);
            if (outcome == null || !outcome.fails(kind)) {
                return false;
            }
            long[] used = choices.draws();
            if (compare(used, best) >= 0) {
                return false;
            }
            best = used;
            bestOutcome = outcome;
            steps++;
            return true;
        }

        private static boolean allZero(long[] values, int from, int to) {
            for (int i = from; i < to; i++) {
                if (values[i] != 0) {
                    return false;
                }
            }
            return true;
        }

        /** Shorter first, then smaller choice by choice as unsigned numbers. */
        static int compare(long[] a, long[] b) {
            if (a.length != b.length) {
                return Integer.compare(a.length, b.length);
            }
            for (int i = 0; i < a.length; i++) {
                int c = Long.compareUnsigned(a[i], b[i]);
                if (c != 0) {
                    return c;
                }
            }
            return 0;
        }
    }
}
