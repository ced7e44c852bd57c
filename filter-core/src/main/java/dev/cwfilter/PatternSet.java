package dev.cwfilter;

import dev.cwfilter.ast.JsonPattern;
import dev.cwfilter.ast.Selector;
import dev.cwfilter.internal.compile.Compiler;
import dev.cwfilter.internal.compile.EvalOptions;
import dev.cwfilter.internal.compile.SetLiterals;
import dev.cwfilter.internal.eval.json.JsonMatcher;
import dev.cwfilter.internal.eval.prefilter.SetPrefilter;
import dev.cwfilter.internal.eval.search.ByteSearch;
import dev.cwfilter.internal.eval.search.Utf8Buffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * syntaxes and options.
 *
 * <p>How: the JSON patterns compiled with the same event options ({@code lenientJsonPrefix}, the nesting and size
 * limits) become one matcher, the same evaluator a single JSON pattern runs on: one trie merging all their selectors,
 * one leaf per distinct clause (a clause that 40 patterns hold is tested once), one formula per pattern, and one walk
 * over the event that decides them all, stopping early once every formula is decided. Patterns of the other syntaxes
 * (terms, regular expressions, space-delimited) run one by one on their own matchers; so do the rare JSON patterns
 * whose byte path decodes first (those holding U+FFFD). Before any of that, one literal prefilter for the whole set
 * reads the event once for the literals every pattern's matches need (the quoted values of JSON comparisons, the
 * texts of terms, regular expressions and fields): a JSON group none of whose patterns may match is not walked, a
 * pattern alone that may not match is not evaluated, and a group's walk evaluates only its patterns that may match
 * (it selects only the fields they read, tests only their clauses, evaluates only their formulas).
 *
 * <p>Instances are immutable and thread-safe, and allocate nothing per event (the scratch state is per thread); the
 * {@code BitSet} a call fills belongs to the caller (use one per thread).
 */
public final class PatternSet {

    private final List<FilterPattern> patterns;
    /** The merged JSON matchers, one per distinct set of event options. */
    private final JsonGroup[] groups;
    /** The patterns evaluated one by one, in index order. */
    private final int[] alone;
    /** Per pattern, its JSON group, or -1. */
    private final int[] groupOf;
    /** Per pattern, the capture slot of each of its captured selectors in its group's matcher. */
    private final int[][] captureSlots;

    /**
     * The set's literal prefilter (null if no pattern needs a literal): the patterns that may match an event, from one
     * read of it; a group none of whose patterns may match is not walked, a pattern alone is not evaluated.
     */
    private final SetPrefilter prefilter;
    private final ThreadLocal<Scratch> scratch;

    /**
     * JSON patterns sharing one matcher: formula {@code f} is pattern {@code bitOfFormula[f]}, and pattern {@code i}
     * of the set formula {@code formulaOfBit[i]} (-1 for the patterns of other groups).
     */
    private record JsonGroup(JsonMatcher matcher, int[] bitOfFormula, int[] formulaOfBit, int maxEventBytes,
                             long[] members) {
        /**
         * The formulas of the group's patterns that may match, by the prefilter's {@code survivors}, into
         * {@code live}: how many (0 if none may).
         */
        int survivors(long[] survivors, int[] live) {
            int n = 0;
            for (int w = 0; w < members.length; w++) {
                long m = members[w] & survivors[w];
                while (m != 0) {
                    live[n++] = formulaOfBit[(w << 6) + Long.numberOfTrailingZeros(m)];
                    m &= m - 1;
                }
            }
            return n;
        }
    }

    /**
     * A thread's state: the prefilter's, the buffer a {@code String} event is encoded into for it, and the formulas of
     * a group that survived the prefilter.
     */
    private static final class Scratch {
        final SetPrefilter.Scratch prefilter;
        final Utf8Buffer encoded = new Utf8Buffer();
        final int[] live;

        Scratch(SetPrefilter p, int largestGroup) {
            this.prefilter = p.scratch();
            this.live = new int[largestGroup];
        }
    }

    private PatternSet(List<FilterPattern> patterns, List<List<Selector>> captures) {
        this.patterns = patterns;
        this.groupOf = new int[patterns.size()];
        this.captureSlots = new int[patterns.size()][];
        Arrays.fill(groupOf, -1);
        Map<EvalOptions, List<Integer>> byOptions = new LinkedHashMap<>();
        List<Integer> others = new ArrayList<>();
        for (int i = 0; i < patterns.size(); i++) {
            FilterPattern p = patterns.get(i);
            if (p.ast() instanceof JsonPattern && p.matcher() instanceof JsonMatcher && !p.decodesBytes()) {
                FilterOptions o = p.options();
                byOptions.computeIfAbsent(new EvalOptions(o.lenientJsonPrefix(), false, o.maxEventNestingDepth(),
                        o.maxEventBytes()), k -> new ArrayList<>()).add(i);
            } else {
                others.add(i);
                captureSlots[i] = new int[0];
            }
        }
        List<JsonGroup> built = new ArrayList<>();
        for (Map.Entry<EvalOptions, List<Integer>> entry : byOptions.entrySet()) {
            List<Integer> members = entry.getValue();
            List<JsonPattern> asts = new ArrayList<>();
            // One capture slot per distinct selector: the 96 metric filters publishing $.latency share one slot,
            // which the walk fills once per event rather than 96 times.
            Map<Selector, Integer> slotOf = new LinkedHashMap<>();
            for (int i : members) {
                asts.add((JsonPattern) patterns.get(i).ast());
                List<Selector> own = captures == null ? List.of() : captures.get(i);
                captureSlots[i] = new int[own.size()];
                for (int k = 0; k < own.size(); k++) {
                    captureSlots[i][k] = slotOf.computeIfAbsent(own.get(k), s -> slotOf.size());
                }
                groupOf[i] = built.size();
            }
            List<Selector> captured = new ArrayList<>(slotOf.keySet());
            // A pattern alone keeps its own matcher, prefilter included: a set of one is the pattern.
            JsonMatcher matcher = members.size() == 1 && captured.isEmpty()
                    ? (JsonMatcher) patterns.get(members.get(0)).matcher()
                    : Compiler.jsonSet(asts, captured, entry.getKey());
            long[] bits = new long[(patterns.size() + 63) >>> 6];
            members.forEach(i -> bits[i >>> 6] |= 1L << i);
            int[] formulaOfBit = new int[patterns.size()];
            Arrays.fill(formulaOfBit, -1);
            for (int f = 0; f < members.size(); f++) {
                formulaOfBit[members.get(f)] = f;
            }
            built.add(new JsonGroup(matcher, members.stream().mapToInt(Integer::intValue).toArray(), formulaOfBit,
                    entry.getKey().maxEventBytes(), bits));
        }
        this.groups = built.toArray(JsonGroup[]::new);
        this.alone = others.stream().mapToInt(Integer::intValue).toArray();
        SetPrefilter.Builder literals = SetPrefilter.builder();
        for (FilterPattern p : patterns) {
            // A pattern whose byte path decodes first (it holds U+FFFD) needs no literal: it may always match.
            literals.pattern(p.decodesBytes() ? List.of() : SetLiterals.of(p.ast(), p.matcher()),
                    p.ast() instanceof JsonPattern);
        }
        this.prefilter = patterns.size() > 1 ? literals.build() : null;
        SetPrefilter built0 = prefilter;
        int largestGroup = byOptions.values().stream().mapToInt(List::size).max().orElse(0);
        this.scratch = built0 == null ? null : ThreadLocal.withInitial(() -> new Scratch(built0, largestGroup));
    }

    /**
     * A set of the given patterns, in that order (the bit of a pattern is its index in the list).
     *
     * @throws NullPointerException if the list or a pattern is null
     */
    public static PatternSet of(List<FilterPattern> patterns) {
        return new PatternSet(List.copyOf(Objects.requireNonNull(patterns, "patterns")), null);
    }

    /**
     * A set whose JSON patterns also capture values in the walk that evaluates them: {@code captures.get(i)} are the
     * plain selectors (no wildcards) whose values pattern {@code i} needs when it matches, read with
     * {@link #captured}. Patterns that are not JSON capture nothing.
     */
    static PatternSet withCaptures(List<FilterPattern> patterns, List<List<Selector>> captures) {
        if (captures.size() != patterns.size()) {
            throw new IllegalArgumentException("one list of captured selectors per pattern");
        }
        return new PatternSet(List.copyOf(patterns), captures);
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
        if (prefilter == null) {
            matchesUnfiltered(utf8, offset, length, into, null, null);
            return;
        }
        Scratch t = scratch.get();
        SetPrefilter.Scratch s = t.prefilter;
        if (s.gate.begin()) {
            if (prefilter.mayMatch(utf8, offset, length, s)) {
                matchesUnfiltered(utf8, offset, length, into, s.survivors, t.live);
            }
        } else {
            matchesUnfiltered(utf8, offset, length, into, null, null);
        }
        s.gate.end();
    }

    /**
     * The bytes path for the patterns that may match ({@code survivors}; all if null): a group evaluates only its
     * surviving patterns, listed into {@code live}.
     */
    private void matchesUnfiltered(byte[] utf8, int offset, int length, BitSet into, long[] survivors, int[] live) {
        for (JsonGroup g : groups) {
            if (length > g.maxEventBytes) {
                continue;
            }
            int liveCount = 0;
            if (survivors != null && (liveCount = g.survivors(survivors, live)) == 0) {
                continue;
            }
            int[] only = survivors == null ? null : live;
            if ((long) length * 3 > g.maxEventBytes && !ByteSearch.isAscii(utf8, offset, offset + length)) {
                // Malformed bytes decode to U+FFFD, three bytes each: near the limit, measure the text that is matched.
                String text = decode(utf8, offset, length);
                if (FilterPattern.withinSizeLimit(text, g.maxEventBytes)) {
                    g.matcher.matchAll(text, into, g.bitOfFormula, only, liveCount);
                }
                continue;
            }
            g.matcher.matchAll(utf8, offset, length, into, g.bitOfFormula, only, liveCount);
        }
        for (int i : alone) {
            if ((survivors == null || SetPrefilter.survived(i, survivors)) && patterns.get(i).matches(utf8, offset,
                    length)) {
                into.set(i);
            }
        }
    }

    /** Clears {@code into}, then sets bit {@code i} for each pattern {@code i} that matches the message. */
    public void matches(String message, BitSet into) {
        long[] survivors = matchesShared(message, into);
        for (int i : alone) {
            if ((survivors == null || SetPrefilter.survived(i, survivors)) && patterns.get(i).matches(message)) {
                into.set(i);
            }
        }
        ended();
    }

    /**
     * Clears {@code into}, then sets the bits of the matching patterns that the set evaluates together (those for
     * which {@link #shared} is true); the others are left to the caller, who need evaluate only those the returned
     * survivors hold ({@link SetPrefilter#survived}): the patterns that may match, or null for all of them. The
     * array is this thread's, valid until its next evaluation. Follow it with {@link #ended} once the others are
     * evaluated (the prefilter's gate times the whole event).
     */
    long[] matchesShared(String message, BitSet into) {
        Objects.requireNonNull(message, "message");
        into.clear();
        long[] survivors = null;
        // The set's prefilter reads the text encoded into this thread's buffer; each JSON group then walks those
        // bytes rather than encoding the text again. Without the prefilter (a set of one pattern, or the gate has
        // turned it off) each group takes the text: its own literal search reads the text, and most events are
        // never encoded at all.
        byte[] utf8 = null;
        int length = -1;
        int[] live = null;
        if (prefilter != null) {
            Scratch t = scratch.get();
            live = t.live;
            SetPrefilter.Scratch s = t.prefilter;
            if (s.gate.begin()) {
                length = t.encoded.encode(message, 0);
                if (length >= 0) {
                    utf8 = t.encoded.bytes();
                    if (!prefilter.mayMatch(utf8, 0, length, s)) {
                        return s.survivors;
                    }
                    survivors = s.survivors;
                }
            }
        }
        for (JsonGroup g : groups) {
            int liveCount = 0;
            if (survivors != null && (liveCount = g.survivors(survivors, live)) == 0) {
                continue;
            }
            int[] only = survivors == null ? null : live;
            if (utf8 != null) {
                // Valid UTF-8 of the whole text: its length is the event's size, and the bytes answer as the text.
                if (length <= g.maxEventBytes) {
                    g.matcher.matchAll(utf8, 0, length, into, g.bitOfFormula, only, liveCount);
                }
            } else if (FilterPattern.withinSizeLimit(message, g.maxEventBytes)) {
                g.matcher.matchAll(message, into, g.bitOfFormula, only, liveCount);
            }
        }
        return survivors;
    }

    /** Ends the evaluation {@link #matchesShared} began. */
    void ended() {
        if (prefilter != null) {
            scratch.get().prefilter.gate.end();
        }
    }

    /** Whether pattern {@code i} is evaluated in a merged JSON matcher (and so can capture values). */
    boolean shared(int i) {
        return groupOf[i] >= 0;
    }

    /**
     * The value pattern {@code i}'s captured selector {@code k} took from the last message this thread evaluated, if
     * the pattern matched it (see {@link JsonMatcher#captured}).
     */
    String captured(int i, int k) {
        return groups[groupOf[i]].matcher.captured(captureSlots[i][k]);
    }

    /** The capture slot of pattern {@code i}'s captured selector {@code k} in its group's matcher (for tests). */
    int captureSlot(int i, int k) {
        return captureSlots[i][k];
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
