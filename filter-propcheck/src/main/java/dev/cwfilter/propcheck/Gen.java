package dev.cwfilter.propcheck;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * A generator of values: a plain function of a {@link RandomGenerator}.
 *
 * <p>Because a generator only draws from the {@code RandomGenerator} it is handed, it is library-neutral: any
 * property-testing library that can hand out a source of randomness can use it ({@code gen::generate} is a {@code
 * Function<RandomGenerator, T>}), and so can a plain loop over {@code new SplittableRandom(seed)}. {@link PropCheck}
 * hands it a source that records every draw, which is what lets it shrink a failing example without the generator
 * knowing how: it replays smaller draws (fewer, closer to zero) and keeps those that still fail. Generators shrink best when a smaller draw means a smaller value, which every combinator
 * here ensures: {@code integers(0, 100)} gives 0 for a zero draw, {@code listOf} gives its minimum size, {@code
 * oneOf} its first choice.
 *
 * <p>Generators must be pure functions of the draws (no state kept between calls) and are then thread-safe.
 *
 * @param <T> the type of the generated values
 */
@FunctionalInterface
public interface Gen<T> {

    /**
     * Generates one value from the given randomness.
     *
     * @param random the source of every random choice the generator makes
     * @return the value
     */
    T generate(RandomGenerator random);

    /**
     * A generator of the function's image of this generator's values.
     *
     * @param <R> the type of the mapped values
     * @param mapper a pure function
     * @return the mapped generator
     */
    default <R> Gen<R> map(Function<? super T, ? extends R> mapper) {
        Objects.requireNonNull(mapper, "mapper");
        return random -> mapper.apply(generate(random));
    }

    /**
     * A generator whose values come from a generator chosen by this generator's value.
     *
     * @param <R> the type of the values
     * @param next chooses the next generator from this generator's value
     * @return the dependent generator
     */
    default <R> Gen<R> flatMap(Function<? super T, Gen<? extends R>> next) {
        Objects.requireNonNull(next, "next");
        return random -> next.apply(generate(random)).generate(random);
    }

    /**
     * A generator of this generator's values that satisfy the predicate, drawing again when one does not (up to
     * 1,000 times, after which it throws: a filter that rejects that much is a generator that should be rewritten).
     *
     * @param predicate which values to keep
     * @return the filtered generator
     */
    default Gen<T> filter(Predicate<? super T> predicate) {
        Objects.requireNonNull(predicate, "predicate");
        return random -> {
            for (int attempt = 0; attempt < 1000; attempt++) {
                T value = generate(random);
                if (predicate.test(value)) {
                    return value;
                }
            }
            throw new IllegalStateException("a filtered generator rejected 1,000 values in a row");
        };
    }

    /**
     * Always the same value.
     *
     * @param <T> the type of the value
     * @param value the value
     * @return the constant generator
     */
    static <T> Gen<T> constant(T value) {
        return random -> value;
    }

    /**
     * Integers from {@code min} to {@code max} inclusive; a zero draw gives the bound nearest zero, and one draw in
     * eight is a boundary ({@code min}, {@code max}, or zero, -1 and 1 when inside the range).
     *
     * @param min the smallest value
     * @param max the largest value
     * @return the generator
     */
    static Gen<Integer> integers(int min, int max) {
        return longs(min, max).map(Long::intValue);
    }

    /**
     * Longs from {@code min} to {@code max} inclusive, shrinking towards the bound nearest zero; one draw in eight is
     * a boundary ({@code min}, {@code max}, or zero, -1 and 1 when inside the range).
     *
     * @param min the smallest value
     * @param max the largest value
     * @return the generator
     */
    static Gen<Long> longs(long min, long max) {
        if (min > max) {
            throw new IllegalArgumentException("min " + min + " > max " + max);
        }
        long origin = min > 0 ? min : Math.min(0, max);
        long[] edges = Arrays.stream(new long[] {origin, min, max, 0, -1, 1})
                .filter(v -> v >= min && v <= max).distinct().toArray();
        return random -> {
            if (random.nextInt(8) == 7) {
                return edges[random.nextInt(edges.length)];
            }
            // Draw a distance from the origin, so that a smaller draw is a value nearer the origin.
            long above = max - origin;
            if (origin == min) {
                return origin + boundedLong(random, above);
            }
            if (above == 0) {
                long below = origin - min;
                // Only [Long.MIN_VALUE, 0] overflows; its lowest value is then one of the boundaries above.
                return origin - (below >= 0 ? boundedLong(random, below) : random.nextLong() >>> 1);
            }
            // Both sides (the origin is zero): the side below starts at -1, which keeps every distance within a long.
            return random.nextBoolean() ? -1 - boundedLong(random, -1 - min) : boundedLong(random, above);
        };
    }

    /**
     * Doubles from {@code min} to {@code max}, shrinking towards {@code min}; one draw in eight is a boundary ({@code
     * min}, {@code max}, or zero when inside the range).
     *
     * @param min the smallest value
     * @param max the largest value
     * @return the generator
     */
    static Gen<Double> doubles(double min, double max) {
        if (!(min <= max) || Double.isInfinite(max - min)) {
            throw new IllegalArgumentException("need finite min <= max, got " + min + " and " + max);
        }
        return random -> {
            if (random.nextInt(8) == 7) {
                int which = random.nextInt(3);
                return which == 0 ? min : which == 1 ? max : (min <= 0 && max >= 0 ? 0.0 : min);
            }
            return Math.min(max, min + random.nextDouble() * (max - min));
        };
    }

    /**
     * {@code false} or {@code true}, shrinking to {@code false}.
     *
     * @return the generator
     */
    static Gen<Boolean> booleans() {
        return random -> random.nextInt(2) == 1;
    }

    /**
     * One of the given values, shrinking towards the first.
     *
     * @param <T> the type of the values
     * @param values the values, at least one
     * @return the generator
     */
    @SafeVarargs
    static <T> Gen<T> elements(T... values) {
        return elements(List.of(values));
    }

    /**
     * One of the given values, shrinking towards the first.
     *
     * @param <T> the type of the values
     * @param values the values, at least one
     * @return the generator
     */
    static <T> Gen<T> elements(List<? extends T> values) {
        List<? extends T> copy = List.copyOf(values);
        if (copy.isEmpty()) {
            throw new IllegalArgumentException("no values to choose from");
        }
        return random -> copy.get(random.nextInt(copy.size()));
    }

    /**
     * A value from one of the given generators, each chosen equally often, shrinking towards the first.
     *
     * @param <T> the type of the values
     * @param gens the generators, at least one
     * @return the generator
     */
    @SafeVarargs
    static <T> Gen<T> oneOf(Gen<? extends T>... gens) {
        List<Gen<? extends T>> copy = List.of(gens);
        if (copy.isEmpty()) {
            throw new IllegalArgumentException("no generators to choose from");
        }
        return random -> copy.get(random.nextInt(copy.size())).generate(random);
    }

    /**
     * A value from one of the given generators, each chosen in proportion to its weight, shrinking towards the first.
     *
     * @param <T> the type of the values
     * @param choices weights and generators, at least one with a positive weight
     * @return the generator
     */
    @SafeVarargs
    static <T> Gen<T> frequency(Weighted<? extends T>... choices) {
        List<Weighted<? extends T>> copy = List.of(choices);
        int total = copy.stream().mapToInt(Weighted::weight).sum();
        if (total <= 0) {
            throw new IllegalArgumentException("the weights must add up to more than zero");
        }
        return random -> {
            int pick = random.nextInt(total);
            for (Weighted<? extends T> choice : copy) {
                pick -= choice.weight();
                if (pick < 0) {
                    return choice.gen().generate(random);
                }
            }
            throw new AssertionError("unreachable");
        };
    }

    /**
     * A weight and a generator, for {@link #frequency}.
     *
     * @param <T> the type of the values
     * @param weight how often the generator is chosen, relative to the others; not negative
     * @param gen the generator
     * @return the pair
     */
    static <T> Weighted<T> weighted(int weight, Gen<T> gen) {
        return new Weighted<>(weight, gen);
    }

    /**
     * A weight and a generator, for {@link #frequency}.
     *
     * @param <T> the type of the values
     * @param weight how often the generator is chosen, relative to the others; not negative
     * @param gen the generator
     */
    record Weighted<T>(int weight, Gen<T> gen) {
        /** Checks the weight and the generator. */
        public Weighted {
            if (weight < 0) {
                throw new IllegalArgumentException("negative weight " + weight);
            }
            Objects.requireNonNull(gen, "gen");
        }
    }

    /**
     * Lists of {@code min} to {@code max} elements, shrinking towards {@code min} elements.
     *
     * @param <T> the type of the elements
     * @param element the generator of each element
     * @param min the fewest elements
     * @param max the most elements
     * @return the generator of immutable lists
     */
    static <T> Gen<List<T>> listOf(Gen<? extends T> element, int min, int max) {
        Gen<Integer> size = sizes(min, max);
        return random -> {
            int n = size.generate(random);
            List<T> list = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                list.add(element.generate(random));
            }
            return List.copyOf(list);
        };
    }

    /**
     * Byte strings made of {@code min} to {@code max} pieces, one after another, shrinking towards {@code min} pieces:
     * for inputs built from parts that matter whole (a character's UTF-8, a malformed byte, a delimiter).
     *
     * @param piece the generator of each piece (its arrays are copied, never kept)
     * @param min the fewest pieces
     * @param max the most pieces
     * @return the generator of fresh arrays
     */
    static Gen<byte[]> bytes(Gen<byte[]> piece, int min, int max) {
        return listOf(piece, min, max).map(pieces -> {
            int n = 0;
            for (byte[] p : pieces) {
                n += p.length;
            }
            byte[] out = new byte[n];
            int at = 0;
            for (byte[] p : pieces) {
                System.arraycopy(p, 0, out, at, p.length);
                at += p.length;
            }
            return out;
        });
    }

    /**
     * Strings of {@code min} to {@code max} characters, shrinking towards {@code min} characters and towards the
     * alphabet's first character.
     *
     * @param alphabet the characters to draw from, at least one
     * @param min the fewest characters
     * @param max the most characters
     * @return the generator
     */
    static Gen<String> strings(String alphabet, int min, int max) {
        if (alphabet.isEmpty()) {
            throw new IllegalArgumentException("empty alphabet");
        }
        Gen<Integer> size = sizes(min, max);
        return random -> {
            int n = size.generate(random);
            StringBuilder text = new StringBuilder(n);
            for (int i = 0; i < n; i++) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            return text.toString();
        };
    }

    /**
     * Strings of {@code min} to {@code max} code points drawn from the given generator, shrinking towards {@code min}
     * code points.
     *
     * @param codePoint the generator of each code point (valid Unicode scalar values or lone surrogates alike)
     * @param min the fewest code points
     * @param max the most code points
     * @return the generator
     */
    static Gen<String> strings(Gen<Integer> codePoint, int min, int max) {
        Gen<Integer> size = sizes(min, max);
        return random -> {
            int n = size.generate(random);
            StringBuilder text = new StringBuilder(n);
            for (int i = 0; i < n; i++) {
                text.appendCodePoint(codePoint.generate(random));
            }
            return text.toString();
        };
    }

    /**
     * A pair of generators combined into one value.
     *
     * @param <A> the first type
     * @param <B> the second type
     * @param <R> the combined type
     * @param first the first generator
     * @param second the second generator
     * @param combine combines one value of each
     * @return the generator
     */
    static <A, B, R> Gen<R> zip(Gen<A> first, Gen<B> second, BiFunction<? super A, ? super B, ? extends R> combine) {
        return random -> combine.apply(first.generate(random), second.generate(random));
    }

    /**
     * A generator defined later, for recursive generators (a tree whose children are trees).
     *
     * @param <T> the type of the values
     * @param gen supplies the generator on each use
     * @return the generator
     */
    static <T> Gen<T> lazy(Supplier<Gen<T>> gen) {
        return random -> gen.get().generate(random);
    }

    /**
     * Sizes from {@code min} to {@code max}, small ones more often than large ones (half of the draws stay within
     * the first eighth of the range), shrinking towards {@code min}.
     *
     * @param min the smallest size, not negative
     * @param max the largest size
     * @return the generator
     */
    static Gen<Integer> sizes(int min, int max) {
        if (min < 0 || min > max) {
            throw new IllegalArgumentException("need 0 <= min <= max, got " + min + " and " + max);
        }
        int span = max - min;
        int small = span / 8;
        return random -> {
            boolean large = random.nextBoolean();
            return min + (int) boundedLong(random, large ? span : small);
        };
    }

    /** A draw from 0 to {@code bound} inclusive. */
    private static long boundedLong(RandomGenerator random, long bound) {
        if (bound == 0) {
            return 0;
        }
        return bound == Long.MAX_VALUE ? random.nextLong() >>> 1 : random.nextLong(bound + 1);
    }
}
