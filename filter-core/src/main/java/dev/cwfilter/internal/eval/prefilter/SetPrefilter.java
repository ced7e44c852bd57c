package dev.cwfilter.internal.eval.prefilter;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A set's literal prefilter: from one read of an event, the patterns of the set that may match it. Each pattern
 * brings literals every event it matches contains, as clauses: a pattern may match only if each of its clauses has a
 * literal present (a clause is a disjunction, {@code eventName = A || eventName = B} gives the clause {A, B}). A
 * pattern without clauses may always match.
 *
 * <p>Two kinds of literals, found by two passes over the bytes:
 * <ul>
 *   <li><em>quoted</em> literals, the values of JSON string comparisons: a string whose text is the literal
 *       ({@link Kind#EXACT}), starts with it ({@link Kind#PREFIX}) or ends with it ({@link Kind#SUFFIX}). Raw JSON
 *       without a backslash spells such a string {@code "literal"} (or {@code "literal...}, {@code ...literal"}), so it
 *       occurs between two consecutive {@code "} of the event. One pass visits each stretch between consecutive quotes
 *       and looks its length and first (or last) eight bytes up in a hash table of all the quoted literals, so that
 *       their number costs nothing per byte;</li>
 *   <li><em>free</em> literals, anywhere in the bytes (terms, regular expressions' required texts, space-delimited
 *       fields, {@code *x*}): one pass looks for a set of anchor bytes eight at a time, chosen so that every free
 *       literal holds one, and checks the literals anchored on a byte where it finds one.</li>
 * </ul>
 * A literal's UTF-8 is in the bytes wherever the literal is in their decoded text (no character's encoding starts
 * inside another's, and malformed bytes decode to U+FFFD, which no literal holds). A JSON escape could spell a literal
 * differently, so the literals of JSON patterns count as present in an event that holds a backslash.
 *
 * <p>Immutable and thread-safe; the per-event state is the caller's {@link Scratch}.
 */
public final class SetPrefilter {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    private static final long QUOTES = ('"' & 0xFFL) * ONES;
    private static final long BACKSLASHES = ('\\' & 0xFFL) * ONES;

    /** How a literal must occur. */
    public enum Kind {
        /** As a whole JSON string: {@code "literal"}. */
        EXACT,
        /** At the start of a JSON string: {@code "literal}. */
        PREFIX,
        /** At the end of a JSON string: {@code literal"}. */
        SUFFIX,
        /** Anywhere. */
        FREE
    }

    /** A literal a pattern needs. The quoted kinds hold no {@code "}, no backslash and no control character. */
    public record Literal(Kind kind, String text) {
    }

    private final int patternCount;
    private final int words;
    /** Patterns without clauses: they may always match. */
    private final long[] always;
    /** The patterns whose literals a backslash voids (JSON patterns). */
    private final long[] voidedByBackslash;
    private final boolean anyVoidable;
    /** Per pattern, its number of clauses. */
    private final int[] clauseCount;
    /** Per clause, its pattern. */
    private final int[] clausePattern;
    /** Per literal, the clauses it satisfies. */
    private final int[][] literalClauses;
    private final byte[][] literalBytes;

    // Quoted literals: open-addressing tables keyed by (length, up to 8 bytes), entries are literal ids, -1 empty.
    private final int[] exactTable;
    private final long[] exactKeys;
    private final int exactMask;
    /** Bit L set if some exact literal has L bytes (L < 64); bit 63 also stands for every longer length. */
    private final long exactLengths;
    private final Affixes prefixes;
    private final Affixes suffixes;
    private final int minQuoted;
    /** Per (length, first byte) of the exact quoted literals, a bit: 4 longs per length below 63 and for 63+. */
    private final long[] exactStarts;
    /** The first bytes of the prefix literals: a stretch starting otherwise holds none. */
    private final long[] prefixFirsts;
    /** The last bytes of the suffix literals: a stretch ending otherwise holds none. */
    private final long[] suffixLasts;
    private final boolean anyQuoted;

    // Free literals.
    private final long[] anchorPatterns;
    /** Per byte value, the free literals anchored on it: pairs (literal id, offset of the anchor in it). */
    private final int[][] anchored;
    /**
     * The byte pairs an anchor must begin (bit {@code anchor << 8 | next}) or end (bit {@code previous << 8 | anchor})
     * for a literal anchored on it to be there: each anchored literal sets the pair it holds after its anchor byte or
     * the one before, whichever is rarer. An anchor byte found in neither pair is passed over without checking its
     * literals; most anchor bytes in log text are ({@code p} in {@code "type"} is not {@code pa} of {@code parrot}).
     */
    private final long[] anchorNext;
    private final long[] anchorPrevious;
    /** Per byte value, whether one of its literals is that byte alone (it has no pair: every occurrence is checked). */
    private final boolean[] anchorAlone;

    private SetPrefilter(int patternCount, List<List<List<Integer>>> clauses, boolean[] json,
                         List<Literal> literals) {
        this.patternCount = patternCount;
        this.words = (patternCount + 63) >>> 6;
        this.always = new long[words];
        this.voidedByBackslash = new long[words];
        this.clauseCount = new int[patternCount];
        List<Integer> clauseOwners = new ArrayList<>();
        List<List<Integer>> byLiteral = new ArrayList<>();
        for (int i = 0; i < literals.size(); i++) {
            byLiteral.add(new ArrayList<>());
        }
        boolean voidable = false;
        for (int p = 0; p < patternCount; p++) {
            List<List<Integer>> own = clauses.get(p);
            if (own.isEmpty()) {
                always[p >>> 6] |= 1L << p;
            } else if (json[p]) {
                voidedByBackslash[p >>> 6] |= 1L << p;
                voidable = true;
            }
            clauseCount[p] = own.size();
            for (List<Integer> clause : own) {
                int c = clauseOwners.size();
                clauseOwners.add(p);
                for (int literal : clause) {
                    if (!byLiteral.get(literal).contains(c)) {
                        byLiteral.get(literal).add(c);
                    }
                }
            }
        }
        this.anyVoidable = voidable;
        this.clausePattern = clauseOwners.stream().mapToInt(Integer::intValue).toArray();
        this.literalClauses = byLiteral.stream().map(l -> l.stream().mapToInt(Integer::intValue).toArray())
                .toArray(int[][]::new);
        this.literalBytes = literals.stream().map(l -> l.text().getBytes(StandardCharsets.UTF_8))
                .toArray(byte[][]::new);

        // Quoted literals.
        List<Integer> exact = new ArrayList<>();
        Map<Integer, List<Integer>> prefixIds = new LinkedHashMap<>();
        Map<Integer, List<Integer>> suffixIds = new LinkedHashMap<>();
        List<Integer> free = new ArrayList<>();
        long lengths = 0;
        int shortest = Integer.MAX_VALUE;
        for (int id = 0; id < literals.size(); id++) {
            int n = literalBytes[id].length;
            switch (literals.get(id).kind()) {
                case EXACT -> {
                    exact.add(id);
                    lengths |= 1L << Math.min(n, 63);
                    shortest = Math.min(shortest, n);
                }
                case PREFIX -> {
                    prefixIds.computeIfAbsent(n, k -> new ArrayList<>()).add(id);
                    shortest = Math.min(shortest, n);
                }
                case SUFFIX -> {
                    suffixIds.computeIfAbsent(n, k -> new ArrayList<>()).add(id);
                    shortest = Math.min(shortest, n);
                }
                default -> free.add(id);
            }
        }
        this.anyQuoted = shortest != Integer.MAX_VALUE;
        this.minQuoted = anyQuoted ? shortest : 0;
        this.exactLengths = lengths;
        this.exactStarts = new long[64 * 4];
        for (int id : exact) {
            byte[] b = literalBytes[id];
            int first = b[0] & 0xFF;
            exactStarts[Math.min(b.length, 63) << 2 | first >>> 6] |= 1L << first;
        }
        int exactSize = tableSize(exact.size());
        this.exactTable = new int[exactSize];
        this.exactKeys = new long[exactSize];
        this.exactMask = exactSize - 1;
        Arrays.fill(exactTable, -1);
        for (int id : exact) {
            byte[] b = literalBytes[id];
            put(exactTable, exactKeys, key(b.length, head(b, 0, b.length)), id);
        }
        this.prefixes = new Affixes(prefixIds, false, literalBytes);
        this.suffixes = new Affixes(suffixIds, true, literalBytes);
        this.prefixFirsts = prefixes.edges;
        this.suffixLasts = suffixes.edges;

        // Free literals: each anchored on one of its bytes. The pass costs a little per distinct anchor byte and per
        // occurrence of one, so the anchors are chosen greedily among each literal's rarer bytes (by a fixed estimate
        // of byte frequencies in log text), the byte serving the most literals first, the rarer of two serving as many.
        Map<Integer, List<int[]>> byAnchor = new LinkedHashMap<>();
        List<Integer> left = new ArrayList<>(free);
        while (!left.isEmpty()) {
            int[] serves = new int[256];
            for (int id : left) {
                boolean[] seen = new boolean[256];
                for (int c : candidates(literalBytes[id])) {
                    if (!seen[c]) {
                        seen[c] = true;
                        serves[c]++;
                    }
                }
            }
            int anchor = 0;
            for (int c = 1; c < 256; c++) {
                if (serves[c] > serves[anchor] || serves[c] == serves[anchor] && serves[c] > 0
                        && frequency(c) < frequency(anchor)) {
                    anchor = c;
                }
            }
            for (java.util.Iterator<Integer> it = left.iterator(); it.hasNext(); ) {
                int id = it.next();
                byte[] b = literalBytes[id];
                for (int c : candidates(b)) {
                    if (c == anchor) {
                        int offset = 0;
                        while ((b[offset] & 0xFF) != anchor) {
                            offset++;
                        }
                        byAnchor.computeIfAbsent(anchor, k -> new ArrayList<>()).add(new int[] {id, offset});
                        it.remove();
                        break;
                    }
                }
            }
        }
        this.anchorPatterns = byAnchor.keySet().stream().mapToLong(a -> (a & 0xFFL) * ONES).toArray();
        this.anchored = new int[256][];
        this.anchorNext = new long[1 << 10];
        this.anchorPrevious = new long[1 << 10];
        this.anchorAlone = new boolean[256];
        for (Map.Entry<Integer, List<int[]>> e : byAnchor.entrySet()) {
            int anchor = e.getKey();
            for (int[] literal : e.getValue()) {
                byte[] b = literalBytes[literal[0]];
                int at = literal[1];
                boolean hasNext = at + 1 < b.length;
                boolean hasPrevious = at > 0;
                if (hasNext && (!hasPrevious || frequency(b[at + 1]) <= frequency(b[at - 1]))) {
                    int pair = anchor << 8 | b[at + 1] & 0xFF;
                    anchorNext[pair >>> 6] |= 1L << pair;
                } else if (hasPrevious) {
                    int pair = (b[at - 1] & 0xFF) << 8 | anchor;
                    anchorPrevious[pair >>> 6] |= 1L << pair;
                } else {
                    anchorAlone[anchor] = true;
                }
            }
        }
        for (Map.Entry<Integer, List<int[]>> e : byAnchor.entrySet()) {
            int[] pairs = new int[e.getValue().size() * 2];
            for (int k = 0; k < e.getValue().size(); k++) {
                pairs[2 * k] = e.getValue().get(k)[0];
                pairs[2 * k + 1] = e.getValue().get(k)[1];
            }
            anchored[e.getKey()] = pairs;
        }
    }

    /**
     * A rough frequency of each byte in log text, on one scale: letters by their frequency in English (log text is
     * mostly words and identifiers), capitals, digits and the punctuation of structured logs above the rarest letters.
     */
    private static final int[] FREQUENCY = frequencies();

    private static int[] frequencies() {
        int[] f = new int[256];
        Arrays.fill(f, 10);
        // Per mille in English text, plus 20: e t a o i n s h r d l c u m w f g y p b v k j x q z.
        String letters = "etaoinshrdlcumwfgypbvkjxqz";
        int[] perMille = {127, 91, 82, 75, 70, 67, 63, 61, 60, 43, 40, 28, 28, 24, 24, 22, 20, 20, 19, 15, 10, 8, 2, 2,
            1, 1};
        for (int i = 0; i < letters.length(); i++) {
            f[letters.charAt(i)] = 20 + perMille[i] / 3;
        }
        for (char c = 'A'; c <= 'Z'; c++) {
            f[c] = 22;
        }
        for (char c = '0'; c <= '9'; c++) {
            f[c] = 40;
        }
        for (char c : "\":,{}[]-./_ ".toCharArray()) {
            f[c] = 90;
        }
        return f;
    }

    private static int frequency(int b) {
        return FREQUENCY[b & 0xFF];
    }

    /** The bytes of a free literal fit to anchor it: its rarest, and those nearly as rare. */
    private static int[] candidates(byte[] literal) {
        int rarest = Integer.MAX_VALUE;
        for (byte c : literal) {
            rarest = Math.min(rarest, frequency(c));
        }
        List<Integer> out = new ArrayList<>();
        for (byte c : literal) {
            if (frequency(c) <= rarest + 5) {
                out.add(c & 0xFF);
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * The quoted prefix literals (or suffix literals): per length, an open-addressing table keyed by (length, first
     * (last) up to 8 bytes) whose entries are literal ids, -1 empty.
     */
    private static final class Affixes {
        private final boolean atEnd;
        /** The lengths, ascending. */
        private final int[] lengths;
        private final int[][] tables;
        private final long[][] keys;
        private final int[] masks;
        /** The literals' first (last) bytes, a bit each. */
        final long[] edges = new long[4];

        Affixes(Map<Integer, List<Integer>> byLength, boolean atEnd, byte[][] literalBytes) {
            this.atEnd = atEnd;
            this.lengths = byLength.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
            this.tables = new int[lengths.length][];
            this.keys = new long[lengths.length][];
            this.masks = new int[lengths.length];
            for (int k = 0; k < lengths.length; k++) {
                List<Integer> ids = byLength.get(lengths[k]);
                int size = tableSize(ids.size());
                tables[k] = new int[size];
                keys[k] = new long[size];
                masks[k] = size - 1;
                Arrays.fill(tables[k], -1);
                for (int id : ids) {
                    byte[] b = literalBytes[id];
                    put(tables[k], keys[k], key(b.length, atEnd ? tail(b, b.length, b.length) : head(b, 0, b.length)),
                            id);
                    int edge = b[atEnd ? b.length - 1 : 0] & 0xFF;
                    edges[edge >>> 6] |= 1L << edge;
                }
            }
        }

        /** Marks present the literals that start (end) the stretch {@code b[start, end)}. */
        void lookUp(SetPrefilter owner, byte[] b, int start, int end, Scratch s, int stamp) {
            int n = end - start;
            for (int k = 0; k < lengths.length; k++) {
                int p = lengths[k];
                if (p > n) {
                    break;
                }
                int at = atEnd ? end - p : start;
                long bytes = atEnd ? tail(b, end, p) : head(b, start, p);
                int id = owner.find(tables[k], keys[k], masks[k], key(p, bytes), b, at, p);
                if (id >= 0) {
                    owner.present(id, s, stamp);
                }
            }
        }
    }

    /** Builds a set prefilter: patterns are numbered in the order they are added. */
    public static final class Builder {
        private final List<Literal> literals = new ArrayList<>();
        private final Map<Literal, Integer> ids = new HashMap<>();
        private final List<List<List<Integer>>> clauses = new ArrayList<>();
        private final List<Boolean> json = new ArrayList<>();

        /**
         * Adds the next pattern.
         *
         * @param clauses       its clauses (each a non-empty disjunction of literals); none if it may always match
         * @param jsonLiterals  whether its literals are in JSON text, where an escape could spell them otherwise
         */
        public Builder pattern(List<List<Literal>> clauses, boolean jsonLiterals) {
            List<List<Integer>> own = new ArrayList<>();
            for (List<Literal> clause : clauses) {
                if (clause.isEmpty()) {
                    throw new IllegalArgumentException("an empty clause");
                }
                own.add(clause.stream().map(l -> ids.computeIfAbsent(l, k -> {
                    literals.add(k);
                    return literals.size() - 1;
                })).distinct().toList());
            }
            this.clauses.add(own);
            json.add(jsonLiterals);
            return this;
        }

        /** The prefilter, or null if no pattern has a clause (every pattern may always match). */
        public SetPrefilter build() {
            if (clauses.stream().allMatch(List::isEmpty)) {
                return null;
            }
            boolean[] j = new boolean[json.size()];
            for (int i = 0; i < j.length; i++) {
                j[i] = json.get(i);
            }
            return new SetPrefilter(clauses.size(), clauses, j, literals);
        }
    }

    /** A builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** A thread's state for {@link #mayMatch}; not thread-safe. */
    public static final class Scratch {
        /** Bit {@code p} is set if pattern {@code p} may match the last event. */
        public final long[] survivors;
        private final int[] literalStamp;
        private final int[] clauseStamp;
        private final int[] patternStamp;
        private final int[] satisfied;
        private int stamp;
        /** Times whether consulting the prefilter pays. */
        public final PrefilterGate gate = new PrefilterGate();

        /** A scratch for the prefilter. */
        public Scratch(SetPrefilter prefilter) {
            this.survivors = new long[prefilter.words];
            this.literalStamp = new int[prefilter.literalBytes.length];
            this.clauseStamp = new int[prefilter.clausePattern.length];
            this.patternStamp = new int[prefilter.patternCount];
            this.satisfied = new int[prefilter.patternCount];
        }

        private int next() {
            if (++stamp == Integer.MAX_VALUE) {
                stamp = 1;
                Arrays.fill(literalStamp, 0);
                Arrays.fill(clauseStamp, 0);
                Arrays.fill(patternStamp, 0);
            }
            return stamp;
        }
    }

    /** A new scratch for this prefilter. */
    public Scratch scratch() {
        return new Scratch(this);
    }

    /** Marks every pattern as one that may match (the prefilter not consulted). */
    public void all(Scratch s) {
        Arrays.fill(s.survivors, -1L);
    }

    /**
     * Sets {@code s.survivors} to the patterns that may match the UTF-8 event {@code b[offset, offset+length)}: every
     * pattern that matches it is among them.
     *
     * @return whether any pattern may match
     */
    public boolean mayMatch(byte[] b, int offset, int length, Scratch s) {
        int stamp = s.next();
        long[] out = s.survivors;
        System.arraycopy(always, 0, out, 0, words);
        int end = offset + length;
        boolean backslash;
        if (anchorPatterns.length > 0 && anchorPatterns.length <= 4) {
            backslash = onePass(b, offset, end, s, stamp);
        } else {
            backslash = quotedPass(b, offset, end, s, stamp);
            if (anchorPatterns.length > 0) {
                freePass(b, offset, end, s, stamp);
            }
        }
        if (backslash) {
            for (int w = 0; w < words; w++) {
                out[w] |= voidedByBackslash[w];
            }
        }
        long any = 0;
        for (int w = 0; w < words; w++) {
            any |= out[w];
        }
        return any != 0;
    }

    /** Whether pattern {@code p} is among the survivors ({@link Scratch#survivors}). */
    public static boolean survived(int p, long[] survivors) {
        return (survivors[p >>> 6] & 1L << p) != 0;
    }

    /** Finds the quoted literals present; whether the bytes hold a backslash (then stops: JSON literals are void). */
    private boolean quotedPass(byte[] b, int from, int end, Scratch s, int stamp) {
        int previous = -1;
        int i = from;
        boolean quoted = anyQuoted;
        for (; i + 8 <= end; i += 8) {
            long word = (long) LONGS.get(b, i);
            long found = zeroBytes(word ^ QUOTES) | zeroBytes(word ^ BACKSLASHES);
            while (found != 0) {
                int at = i + (Long.numberOfTrailingZeros(found) >>> 3);
                found &= found - 1;
                if (b[at] == '\\') {
                    return true;
                }
                if (quoted && previous >= 0 && at - previous - 1 >= minQuoted && mayHold(b, previous + 1, at)) {
                    stretch(b, previous + 1, at, s, stamp);
                }
                previous = at;
            }
        }
        for (; i < end; i++) {
            if (b[i] == '\\') {
                return true;
            }
            if (b[i] == '"') {
                if (quoted && previous >= 0 && i - previous - 1 >= minQuoted) {
                    stretch(b, previous + 1, i, s, stamp);
                }
                previous = i;
            }
        }
        return false;
    }

    /**
     * Both passes in one read, for up to four anchor bytes: the quoted literals until a backslash (whether there is
     * one is the answer), the free literals throughout.
     */
    private boolean onePass(byte[] b, int from, int end, Scratch s, int stamp) {
        long[] anchors = anchorPatterns;
        long a0 = anchors[0];
        long a1 = anchors[Math.min(1, anchors.length - 1)];
        long a2 = anchors[Math.min(2, anchors.length - 1)];
        long a3 = anchors[Math.min(3, anchors.length - 1)];
        boolean quoted = anyQuoted;
        boolean backslash = false;
        int previous = -1;
        int i = from;
        for (; i + 8 <= end; i += 8) {
            long word = (long) LONGS.get(b, i);
            long free = zeroBytes(word ^ a0) | zeroBytes(word ^ a1) | zeroBytes(word ^ a2) | zeroBytes(word ^ a3);
            while (free != 0) {
                int at = i + (Long.numberOfTrailingZeros(free) >>> 3);
                free &= free - 1;
                anchoredAt(b, from, end, at, s, stamp);
            }
            if (quoted) {
                if (zeroBytes(word ^ BACKSLASHES) != 0) {
                    // JSON literals are void from here on; the quotes before the backslash no longer matter.
                    backslash = true;
                    quoted = false;
                    continue;
                }
                long quotes = zeroBytes(word ^ QUOTES);
                while (quotes != 0) {
                    int at = i + (Long.numberOfTrailingZeros(quotes) >>> 3);
                    quotes &= quotes - 1;
                    if (previous >= 0 && at - previous - 1 >= minQuoted && mayHold(b, previous + 1, at)) {
                        stretch(b, previous + 1, at, s, stamp);
                    }
                    previous = at;
                }
            } else if (!backslash && zeroBytes(word ^ BACKSLASHES) != 0) {
                backslash = true;
            }
        }
        for (; i < end; i++) {
            byte c = b[i];
            if (anchored[c & 0xFF] != null) {
                anchoredAt(b, from, end, i, s, stamp);
            }
            if (c == '\\') {
                backslash = true;
                quoted = false;
            } else if (c == '"' && quoted) {
                if (previous >= 0 && i - previous - 1 >= minQuoted) {
                    stretch(b, previous + 1, i, s, stamp);
                }
                previous = i;
            }
        }
        return backslash;
    }

    /** The high bit of each byte of {@code x} that is zero, exactly (no borrow from a lower byte). */
    private static long zeroBytes(long x) {
        long t = (x & 0x7F7F7F7F7F7F7F7FL) + 0x7F7F7F7F7F7F7F7FL;
        return ~(t | x | 0x7F7F7F7F7F7F7F7FL);
    }

    /**
     * Whether the stretch {@code b[start, end)} (not empty) may hold a quoted literal, by its length and first byte
     * (an exact literal), its first byte (a prefix) or its last byte (a suffix): most stretches of an event do not,
     * and are passed over without a call to {@link #stretch}.
     */
    private boolean mayHold(byte[] b, int start, int end) {
        int first = b[start] & 0xFF;
        int last = b[end - 1] & 0xFF;
        long byFirst = exactStarts[Math.min(end - start, 63) << 2 | first >>> 6] | prefixFirsts[first >>> 6];
        return ((byFirst >>> first | suffixLasts[last >>> 6] >>> last) & 1L) != 0;
    }

    /** Looks the stretch {@code b[start, end)} between two consecutive quotes up among the quoted literals. */
    private void stretch(byte[] b, int start, int end, Scratch s, int stamp) {
        int n = end - start;
        int first = b[start] & 0xFF;
        if ((exactStarts[Math.min(n, 63) << 2 | first >>> 6] & 1L << first) != 0) {
            int id = find(exactTable, exactKeys, exactMask, key(n, head(b, start, n)), b, start, n);
            if (id >= 0) {
                present(id, s, stamp);
            }
        }
        if ((prefixFirsts[first >>> 6] & 1L << first) != 0) {
            prefixes.lookUp(this, b, start, end, s, stamp);
        }
        int last = b[end - 1] & 0xFF;
        if ((suffixLasts[last >>> 6] & 1L << last) != 0) {
            suffixes.lookUp(this, b, start, end, s, stamp);
        }
    }

    /** Finds the free literals present, anchor byte by anchor byte. */
    private void freePass(byte[] b, int from, int end, Scratch s, int stamp) {
        long[] anchors = anchorPatterns;
        int i = from;
        boolean few = anchors.length <= 4;
        // Up to four anchors, unrolled (a repeated anchor finds the same bytes again).
        long a0 = anchors[0];
        long a1 = anchors[Math.min(1, anchors.length - 1)];
        long a2 = anchors[Math.min(2, anchors.length - 1)];
        long a3 = anchors[Math.min(3, anchors.length - 1)];
        for (; i + 8 <= end; i += 8) {
            long word = (long) LONGS.get(b, i);
            long found;
            if (few) {
                found = zeroBytes(word ^ a0) | zeroBytes(word ^ a1) | zeroBytes(word ^ a2) | zeroBytes(word ^ a3);
            } else {
                found = 0;
                for (long a : anchors) {
                    found |= zeroBytes(word ^ a);
                }
            }
            while (found != 0) {
                int at = i + (Long.numberOfTrailingZeros(found) >>> 3);
                found &= found - 1;
                anchoredAt(b, from, end, at, s, stamp);
            }
        }
        for (; i < end; i++) {
            if (anchored[b[i] & 0xFF] != null) {
                anchoredAt(b, from, end, i, s, stamp);
            }
        }
    }

    /** Checks the free literals anchored on the byte at {@code at}, unless the bytes around it rule them all out. */
    private void anchoredAt(byte[] b, int from, int end, int at, Scratch s, int stamp) {
        int anchor = b[at] & 0xFF;
        if (!anchorAlone[anchor]) {
            int next = anchor << 8 | (at + 1 < end ? b[at + 1] & 0xFF : 0);
            int previous = (at > from ? b[at - 1] & 0xFF : 0) << 8 | anchor;
            // A pair cut by either end of the range is read with a zero byte for the missing one: a literal whose
            // pair it is could not fit there, so at worst its bytes are compared for nothing.
            if ((anchorNext[next >>> 6] & 1L << next | anchorPrevious[previous >>> 6] & 1L << previous) == 0) {
                return;
            }
        }
        int[] pairs = anchored[anchor];
        for (int k = 0; k < pairs.length; k += 2) {
            int id = pairs[k];
            if (s.literalStamp[id] == stamp) {
                continue;
            }
            byte[] lit = literalBytes[id];
            int start = at - pairs[k + 1];
            int last = start + lit.length - 1;
            if (start >= from && last < end && b[start] == lit[0] && b[last] == lit[lit.length - 1]
                    && Arrays.equals(b, start, last + 1, lit, 0, lit.length)) {
                present(id, s, stamp);
            }
        }
    }

    /** Literal {@code id} is present: the clauses it is in hold; a pattern all of whose clauses hold may match. */
    private void present(int id, Scratch s, int stamp) {
        if (s.literalStamp[id] == stamp) {
            return;
        }
        s.literalStamp[id] = stamp;
        for (int c : literalClauses[id]) {
            if (s.clauseStamp[c] == stamp) {
                continue;
            }
            s.clauseStamp[c] = stamp;
            int p = clausePattern[c];
            if (s.patternStamp[p] != stamp) {
                s.patternStamp[p] = stamp;
                s.satisfied[p] = 0;
            }
            if (++s.satisfied[p] == clauseCount[p]) {
                s.survivors[p >>> 6] |= 1L << p;
            }
        }
    }

    private static int nextQuoteOrBackslash(byte[] b, int from, int to) {
        int i = from;
        for (; i + 8 <= to; i += 8) {
            long word = (long) LONGS.get(b, i);
            long x = word ^ QUOTES;
            long y = word ^ BACKSLASHES;
            long found = ((x - ONES) & ~x | (y - ONES) & ~y) & HIGHS;
            if (found != 0) {
                return i + (Long.numberOfTrailingZeros(found) >>> 3);
            }
        }
        for (; i < to; i++) {
            if (b[i] == '"' || b[i] == '\\') {
                return i;
            }
        }
        return -1;
    }

    /** The first {@code min(n, 8)} bytes at {@code at}, little-endian, zero above. */
    private static long head(byte[] b, int at, int n) {
        if (n >= 8) {
            return (long) LONGS.get(b, at);
        }
        if (at + 8 <= b.length) {
            return (long) LONGS.get(b, at) & (1L << (n << 3)) - 1;
        }
        long v = 0;
        for (int k = n - 1; k >= 0; k--) {
            v = v << 8 | b[at + k] & 0xFF;
        }
        return v;
    }

    /** The last {@code min(n, 8)} bytes before {@code end}, little-endian, zero above. */
    private static long tail(byte[] b, int end, int n) {
        if (n >= 8) {
            return (long) LONGS.get(b, end - 8);
        }
        return head(b, end - n, n);
    }

    private static long key(int length, long bytes) {
        return bytes * 0x9E3779B97F4A7C15L + length;
    }

    private static int slot(long key, int mask) {
        long h = key * 0xC2B2AE3D27D4EB4FL;
        return (int) (h ^ h >>> 29) & mask;
    }

    private static int tableSize(int entries) {
        int size = 4;
        while (size < entries * 2) {
            size <<= 1;
        }
        return size;
    }

    private static void put(int[] table, long[] keys, long key, int id) {
        int mask = table.length - 1;
        int i = slot(key, mask);
        while (table[i] >= 0) {
            i = i + 1 & mask;
        }
        table[i] = id;
        keys[i] = key;
    }

    /** The literal of the table whose key is {@code key} and whose bytes are {@code b[start, start+n)}, or -1. */
    private int find(int[] table, long[] keys, int mask, long key, byte[] b, int start, int n) {
        int i = slot(key, mask);
        while (true) {
            int id = table[i];
            if (id < 0) {
                return -1;
            }
            if (keys[i] == key) {
                byte[] lit = literalBytes[id];
                if (lit.length == n && Arrays.equals(b, start, start + n, lit, 0, n)) {
                    return id;
                }
            }
            i = i + 1 & mask;
        }
    }

    /** How many patterns the prefilter answers for. */
    public int patternCount() {
        return patternCount;
    }
}
