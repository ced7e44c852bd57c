package dev.cwfilter;

import java.nio.charset.StandardCharsets;
import java.util.BitSet;
import java.util.List;
import java.util.Objects;

/**
 * Many compiled filter patterns evaluated as one, as CloudWatch evaluates every metric filter and subscription filter
 * of a log group on every event: one call answers for each pattern at once.
 *
 * <pre>{@code
 * PatternSet set = PatternSet.of(List.of(p0, p1, p2));
 * BitSet hits = new BitSet();
 * set.matches(message, hits);          // bit i is set when pattern i matches
 * }</pre>
 *
 * <p>The answer for pattern {@code i} is always exactly {@code pattern(i).matches(message)}, whatever the mix of
 * syntaxes and options. Instances are immutable and thread-safe; the {@code BitSet} a call fills belongs to the
 * caller (use one per thread).
 */
public final class PatternSet {

    private final List<FilterPattern> patterns;

    private PatternSet(List<FilterPattern> patterns) {
        this.patterns = patterns;
    }

    /**
     * A set of the given patterns, in that order (the bit of a pattern is its index in the list).
     *
     * @throws NullPointerException if the list or a pattern is null
     */
    public static PatternSet of(List<FilterPattern> patterns) {
        List<FilterPattern> copy = List.copyOf(Objects.requireNonNull(patterns, "patterns"));
        return new PatternSet(copy);
    }

    /** How many patterns the set holds. */
    public int size() {
        return patterns.size();
    }

    /**
     * The pattern at index {@code i}.
     *
     * @throws IndexOutOfBoundsException unless {@code 0 <= i < size()}
     */
    public FilterPattern pattern(int i) {
        return patterns.get(i);
    }

    /** The patterns, in index order (immutable). */
    public List<FilterPattern> patterns() {
        return patterns;
    }

    /**
     * Clears {@code into}, then sets bit {@code i} for each pattern {@code i} that matches the UTF-8 message in {@code
     * utf8[offset, offset+length)}.
     *
     * @throws IndexOutOfBoundsException if the range is outside the array
     */
    public void matches(byte[] utf8, int offset, int length, BitSet into) {
        Objects.checkFromIndexSize(offset, length, utf8.length);
        into.clear();
        for (int i = 0; i < patterns.size(); i++) {
            if (patterns.get(i).matches(utf8, offset, length)) {
                into.set(i);
            }
        }
    }

    /** Clears {@code into}, then sets bit {@code i} for each pattern {@code i} that matches the message. */
    public void matches(String message, BitSet into) {
        Objects.requireNonNull(message, "message");
        into.clear();
        for (int i = 0; i < patterns.size(); i++) {
            if (patterns.get(i).matches(message)) {
                into.set(i);
            }
        }
    }

    /** The patterns' canonical texts, for diagnostics. */
    @Override
    public String toString() {
        return "PatternSet" + patterns;
    }

    static String decode(byte[] utf8, int offset, int length) {
        return new String(utf8, offset, length, StandardCharsets.UTF_8);
    }
}
