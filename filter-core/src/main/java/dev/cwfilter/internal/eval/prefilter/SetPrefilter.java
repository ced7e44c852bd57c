package dev.cwfilter.internal.eval.prefilter;

import dev.cwfilter.internal.eval.search.ByteSearch;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A set's literal prefilter: from one read of an event, the patterns of the set that may match it. Each pattern
 * brings literals every event it matches contains, as clauses: a pattern may match only if each of its clauses has a
 * literal present (a clause is a disjunction, {@code eventName = A || eventName = B} gives the clause {A, B}). A
 * pattern without clauses may always match.
 *
 * <p>Literals are byte strings found anywhere in the event. The values of JSON string comparisons are looked for with
 * their quotes: a string whose text is the literal ({@link Kind#EXACT}) is the bytes {@code "literal"}, one that starts
 * with it ({@link Kind#PREFIX}) {@code "literal}, one that ends with it ({@link Kind#SUFFIX}) {@code literal"}. Raw JSON
 * without a backslash spells such a string that way (a quoted literal holds no {@code "}, so the two quotes around it
 * are consecutive quotes of the event); bytes that hold {@code "literal} outside a complete string only let a pattern
 * through that the evaluator then rejects.
 *
 * <p>One pass reads the event's four-byte grams at every third offset ({@code offset, offset+3, ...}; every other
 * one if a literal has three bytes), twelve bytes per step, and tests each against a 2^17-bit table of hashed grams.
 * At every third offset the hash leaves out the two high bits of a gram's first and last bytes (the bits that tell
 * ASCII text apart least), so that a gram with a byte outside its literal sets 64 bits of the table, not 256.
 * Each literal sets the grams at three consecutive offsets of its own (two at every other offset), the three least
 * likely to hit the table by a fixed estimate ({@link #gramChance}: byte frequencies in log text, the grams the set's
 * literals share, JSON keys and common log words, the table bits a gram sets): every occurrence of the literal puts
 * one of them at a sampled offset. Near either end of a short literal the gram takes in a byte outside it, and sets
 * the table for each of that byte's values. A gram found in the table and in a second, smaller one set by an
 * independent hash is looked up among the literals that set it, each compared where it would lie. Literals of one or
 * two bytes are not looked for: they count as present. A found literal puts up the patterns that watch it (each
 * watches one of its clauses), which are checked clause by clause after the read. The same eight-byte reads say
 * whether the event may hold a backslash, by a test that every backslash fails and that only bytes outside ASCII fail
 * otherwise (one subtraction per eight bytes); the bytes are read again for an exact answer only if one fails it. The
 * read costs the same whatever the number of literals, and never visits a byte alone: most events of
 * a log meet few of its literals' grams.
 *
 * <p>A literal's UTF-8 is in the bytes wherever the literal is in their decoded text (no character's encoding starts
 * inside another's, and malformed bytes decode to U+FFFD, which no literal holds). A JSON escape could spell a literal
 * differently, so the literals of JSON patterns count as present in an event that holds a backslash.
 *
 * <p>Immutable and thread-safe; the per-event state is the caller's {@link Scratch}.
 */
public final class SetPrefilter {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    /** The bits of the gram table: 2^17 bits (16 KB) keep its false hits rare and the table in the first-level cache. */
    private static final int HASH_BITS = 17;
    /** The bits of the second table: 2^15 (4 KB), read only on a hit in the first. */
    private static final int CONFIRM_BITS = 15;
    private static final long WILD_FIRST = 1L << 32;
    private static final long WILD_LAST = 1L << 33;
    private static final long ONES = 0x0101010101010101L;
    private static final long BACKSLASHES = ('\\' & 0xFFL) * 0x0101010101010101L;
    /** The bits of a gram hashed at every third offset: all but the two high bits of its first and last bytes. */
    private static final int END_MASK = 0x3FFFFF3F;
    /** {@link #END_MASK} for the grams at bytes 0 and 3 of a long. */
    private static final long END_MASK_LONG = 0xFF3FFFFF3FFFFF3FL;

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
    /**
     * Per pattern, the clauses a read decides (those with a literal too short to look for always hold), each as its
     * literals; the first is the pattern's watched clause.
     */
    private final int[][][] patternClauses;
    /**
     * Per literal, the patterns whose watched clause holds it. A pattern is checked, clause by clause, only after an
     * event in which a literal of its watched clause was found: of the clauses, the one whose literals the fewest
     * patterns share, so that a literal many patterns need but few tell apart (the {@code eventSource} of sixty
     * filters that each name their own {@code secretId}) costs one mark when found, not one count per pattern.
     */
    private final int[][] literalWatchers;
    /** Per literal, the bytes looked for (a quoted literal with its quotes). */
    private final byte[][] literalBytes;

    /** Bit {@code hash(gram)} is set if the four bytes at a sampled offset may begin a check. */
    private final long[] grams;
    /**
     * The same grams by a second, independent hash ({@link #confirmHash}): a gram found in {@link #grams} is looked
     * up only if it is found here too, which most grams that hit the first table by a collision are not.
     */
    private final long[] confirm;
    /**
     * Open-addressing table of the grams literals set: keys (-1 empty) and their checks. A key is a gram's value, or
     * {@link #WILD_FIRST} with its last three bytes (a gram whose first byte lies before the literal: any byte), or
     * {@link #WILD_LAST} with its first three.
     */
    private final long[] gramKeys;
    /** Per slot, pairs (literal id, offset of the gram's first byte in the literal). */
    private final int[][] gramChecks;
    private final int gramShift;
    private final boolean anyWildFirst;
    private final boolean anyWildLast;
    /** Grams are read at every {@code stride}-th offset: 2 or 3. */
    private final int stride;
    /** The bits of a gram that {@link #grams} is indexed by: {@link #END_MASK} at stride 3, all at stride 2. */
    private final int hashed;

    private SetPrefilter(int patternCount, List<List<List<Integer>>> clauses, boolean[] json,
                         List<Literal> literals) {
        this.patternCount = patternCount;
        this.words = (patternCount + 63) >>> 6;
        this.always = new long[words];
        this.voidedByBackslash = new long[words];
        this.literalBytes = literals.stream().map(SetPrefilter::searched).toArray(byte[][]::new);
        // Grams are sampled every third byte, or every other one if a literal has three bytes (it would not fit three
        // grams otherwise). A literal of `stride` bytes or fewer is not looked for: it counts as present in every
        // event, so a clause that holds one always holds, and is left out here rather than satisfied per event.
        int stride = 3;
        for (byte[] b : literalBytes) {
            if (b.length == 3) {
                stride = 2;
            }
        }
        this.stride = stride;
        this.hashed = stride == 3 ? END_MASK : -1;
        List<List<List<Integer>>> decided = new ArrayList<>();
        int[] users = new int[literals.size()];
        for (int p = 0; p < patternCount; p++) {
            List<List<Integer>> own = new ArrayList<>();
            for (List<Integer> clause : clauses.get(p)) {
                if (clause.stream().noneMatch(literal -> literalBytes[literal].length <= this.stride)) {
                    own.add(clause);
                }
            }
            decided.add(own);
            own.stream().flatMap(List::stream).distinct().forEach(literal -> users[literal]++);
            if (own.isEmpty()) {
                always[p >>> 6] |= 1L << p;
            } else if (json[p]) {
                voidedByBackslash[p >>> 6] |= 1L << p;
            }
        }
        List<List<Integer>> watchers = new ArrayList<>();
        for (int i = 0; i < literals.size(); i++) {
            watchers.add(new ArrayList<>());
        }
        this.patternClauses = new int[patternCount][][];
        for (int p = 0; p < patternCount; p++) {
            List<List<Integer>> own = new ArrayList<>(decided.get(p));
            // Watched: the clause whose literals the fewest patterns need (the first of those), put first.
            int watched = 0;
            for (int c = 1; c < own.size(); c++) {
                if (sharers(own.get(c), users) < sharers(own.get(watched), users)) {
                    watched = c;
                }
            }
            if (!own.isEmpty()) {
                own.add(0, own.remove(watched));
                for (int literal : own.get(0)) {
                    watchers.get(literal).add(p);
                }
            }
            patternClauses[p] = own.stream().map(c -> c.stream().mapToInt(Integer::intValue).toArray())
                    .toArray(int[][]::new);
        }
        this.literalWatchers = watchers.stream().map(l -> l.stream().mapToInt(Integer::intValue).toArray())
                .toArray(int[][]::new);

        // Each literal's grams: the checks a gram at a sampled offset starts, by gram value.
        // How many literals hold each gram: text that holds several of a set's literals holds their common parts more
        // often than each (the amazonaws.com of kms.amazonaws.com and s3.amazonaws.com).
        Map<Long, Integer> holders = new HashMap<>();
        for (byte[] b : literalBytes) {
            Set<Long> own = new HashSet<>();
            for (int k = 0; k + 4 <= b.length; k++) {
                own.add(gram(b, k, 4));
            }
            own.forEach(g -> holders.merge(g, 1, Integer::sum));
        }
        Map<Long, List<Integer>> checks = new LinkedHashMap<>();
        List<Integer> bits = new ArrayList<>();
        for (int id = 0; id < literalBytes.length; id++) {
            byte[] b = literalBytes[id];
            int n = b.length;
            if (n <= stride) {
                continue;
            }
            // Offsets o (of a gram's first byte in the literal) from -1 (its first byte a byte before the literal)
            // to n - 3 (its last byte one after): of any `stride` consecutive ones, every occurrence of the literal
            // puts one at a sampled offset. A byte outside the literal stands for each of its 256 values.
            boolean[] common = common(b);
            int best = -1;
            double bestCost = Double.MAX_VALUE;
            for (int o = -1; o + stride - 1 <= n - 3; o++) {
                double cost = 0;
                for (int k = o; k < o + stride; k++) {
                    boolean wild = k < 0 || k + 4 > n;
                    cost += (gramChance(b, common, k) + (wild ? 1 << Integer.bitCount(hashed & 0xFF) : 1.0)
                            / (1 << HASH_BITS))
                            * (wild ? 1 : holders.getOrDefault(gram(b, k, 4), 1));
                }
                if (cost < bestCost) {
                    bestCost = cost;
                    best = o;
                }
            }
            for (int o = best; o < best + stride; o++) {
                if (o >= 0 && o + 4 <= n) {
                    check(checks, gram(b, o, 4), id, o);
                    bits.add((int) gram(b, o, 4));
                } else if (o < 0) {
                    check(checks, WILD_FIRST | gram(b, 0, 3), id, o);
                    for (int x = 0; x < 256; x++) {
                        bits.add(x | (int) gram(b, 0, 3) << 8);
                    }
                } else {
                    check(checks, WILD_LAST | gram(b, o, 3), id, o);
                    for (int x = 0; x < 256; x++) {
                        bits.add((int) gram(b, o, 3) | x << 24);
                    }
                }
            }
        }
        this.anyWildFirst = checks.keySet().stream().anyMatch(k -> (k & WILD_FIRST) != 0);
        this.anyWildLast = checks.keySet().stream().anyMatch(k -> (k & WILD_LAST) != 0);
        this.grams = new long[1 << HASH_BITS - 6];
        this.confirm = new long[1 << CONFIRM_BITS - 6];
        int size = 4;
        while (size < checks.size() * 2) {
            size <<= 1;
        }
        this.gramShift = 32 - Integer.numberOfTrailingZeros(size);
        this.gramKeys = new long[size];
        this.gramChecks = new int[size][];
        Arrays.fill(gramKeys, -1L);
        for (int g : bits) {
            int h = hash(g & hashed);
            grams[h >>> 6] |= 1L << h;
            int c = confirmHash(g);
            confirm[c >>> 6] |= 1L << c;
        }
        for (Map.Entry<Long, List<Integer>> e : checks.entrySet()) {
            long key = e.getKey();
            int slot = slot(key);
            while (gramKeys[slot] >= 0) {
                slot = slot + 1 & size - 1;
            }
            gramKeys[slot] = key;
            gramChecks[slot] = e.getValue().stream().mapToInt(Integer::intValue).toArray();
        }
    }

    /** How many patterns need the literals of a clause, together. */
    private static int sharers(List<Integer> clause, int[] users) {
        return clause.stream().mapToInt(literal -> users[literal]).sum();
    }

    /** The {@code n} (up to 4) bytes of {@code b} at {@code at}, little-endian. */
    private static long gram(byte[] b, int at, int n) {
        long g = 0;
        for (int k = n - 1; k >= 0; k--) {
            g = g << 8 | b[at + k] & 0xFF;
        }
        return g;
    }

    /**
     * How often the gram at {@code at} may be expected at an offset of log text, roughly: the chance of its bytes, a
     * byte outside the literal matching every byte and one of a word logs hold throughout ({@link #common}) a quarter
     * of them. A literal's cost for a gram adds the chance of a false hit on the table bits the gram sets (64 for a
     * gram with a byte outside the literal at every third offset, 256 at every other one, one otherwise) and multiplies the sum by how many of the set's literals
     * hold the gram: a gram several literals share is met wherever any of them is, and tells their events apart from
     * none of the others (the {@code prod/orders/} of six secret names, which events about one of them all hold).
     */
    private static double gramChance(byte[] b, boolean[] common, int at) {
        double chance = 1;
        for (int k = at; k < at + 4; k++) {
            chance *= k < 0 || k >= b.length ? 1 : common[k] ? 0.25 : frequency(b[k]) / (double) FREQUENCY_SUM;
        }
        return chance;
    }

    /**
     * Words that structured logs hold in most of their events whatever the events say: the keys of their fields
     * (whose values filters compare), and the vocabulary of their ids and names. A byte frequency estimate takes
     * {@code amazonaws} (a z) or {@code type} (a y and a p) for rare words; a gram inside one of them is met over
     * and over by a log that a literal holding it is otherwise rare in.
     */
    private static final String[] COMMON_WORDS = {"amazonaws", "arn:aws", "aws", "http", "https", "www", "com",
        "type", "Type", "name", "Name", "user", "User", "time", "Time", "event", "Event", "request", "Request",
        "response", "Response", "error", "Error", "message", "Message", "level", "source", "Source", "version",
        "account", "Account", "region", "Region", "status", "Status", "code", "Code", "true", "false", "null",
        "role", "Role", "session", "Session", "Id", "id"};

    private static boolean isJsonPunctuation(byte b) {
        return b == '"' || b == ':' || b == ',';
    }

    /**
     * Per byte of a looked-for literal, whether it is part of a common word ({@link #COMMON_WORDS}), of a JSON key (a
     * quoted string the literal holds right before a {@code :}: the {@code "type"} of {@code "type":"Root"}), or of
     * the punctuation between JSON keys and values ({@code ":"}, {@code ","}).
     */
    private static boolean[] common(byte[] b) {
        boolean[] common = new boolean[b.length];
        for (String word : COMMON_WORDS) {
            byte[] w = word.getBytes(StandardCharsets.US_ASCII);
            for (int at = 0; at + w.length <= b.length; at++) {
                if (Arrays.equals(b, at, at + w.length, w, 0, w.length)) {
                    Arrays.fill(common, at, at + w.length, true);
                }
            }
        }
        for (int colon = 1; colon < b.length; colon++) {
            if (b[colon] == ':' && b[colon - 1] == '"') {
                int open = colon - 2;
                while (open >= 0 && b[open] != '"') {
                    open--;
                }
                Arrays.fill(common, Math.max(open, 0), colon + 1, true);
            }
        }
        for (int k = 0; k + 1 < b.length; k++) {
            if (isJsonPunctuation(b[k]) && isJsonPunctuation(b[k + 1])) {
                common[k] = true;
                common[k + 1] = true;
            }
        }
        return common;
    }

    /** The gram's bit in {@link #grams}. */
    private static int hash(int gram) {
        return gram * 0x9E3779B1 >>> 32 - HASH_BITS;
    }

    /** The gram's bit in {@link #confirm}: from the product's low bits, which the first hash leaves out. */
    private static int confirmHash(int gram) {
        return (gram * 0x85EBCA6B ^ gram >>> 15) * 0xC2B2AE35 >>> 32 - CONFIRM_BITS;
    }

    private int slot(long key) {
        return (int) (key ^ key >>> 29) * 0x85EBCA6B >>> gramShift;
    }

    /** The bytes looked for: a quoted literal's UTF-8 with the quotes its kind implies. */
    private static byte[] searched(Literal l) {
        String q = "\"";
        String text = switch (l.kind()) {
            case EXACT -> q + l.text() + q;
            case PREFIX -> q + l.text();
            case SUFFIX -> l.text() + q;
            case FREE -> l.text();
        };
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static void check(Map<Long, List<Integer>> checks, long gram, int id, int offset) {
        List<Integer> list = checks.computeIfAbsent(gram, k -> new ArrayList<>());
        for (int k = 0; k < list.size(); k += 2) {
            if (list.get(k) == id && list.get(k + 1) == offset) {
                return;
            }
        }
        list.add(id);
        list.add(offset);
    }

    /**
     * A rough frequency of each byte in log text, on one scale: letters by their frequency in English (log text is
     * mostly words and identifiers), capitals above the rarest letters, digits (ids, times, addresses) with the common
     * ones, the punctuation of structured logs above all.
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
            f[c] = 55;
        }
        for (char c : "\":,{}[]-./_ ".toCharArray()) {
            f[c] = 90;
        }
        return f;
    }

    private static final int FREQUENCY_SUM = Arrays.stream(FREQUENCY).sum();

    private static int frequency(int b) {
        return FREQUENCY[b & 0xFF];
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
        private final int[] patternStamp;
        /** The patterns a found literal of their watched clause put up for checking, {@code pending} of them. */
        private final int[] checked;
        private int pending;
        private int stamp;
        /** Times whether consulting the prefilter pays. */
        public final PrefilterGate gate = new PrefilterGate();

        /** A scratch for the prefilter. */
        public Scratch(SetPrefilter prefilter) {
            this.survivors = new long[prefilter.words];
            this.literalStamp = new int[prefilter.literalBytes.length];
            this.patternStamp = new int[prefilter.patternCount];
            this.checked = new int[prefilter.patternCount];
        }

        private int next() {
            if (++stamp == Integer.MAX_VALUE) {
                stamp = 1;
                Arrays.fill(literalStamp, 0);
                Arrays.fill(patternStamp, 0);
            }
            pending = 0;
            return stamp;
        }
    }

    /** A new scratch for this prefilter. */
    public Scratch scratch() {
        return new Scratch(this);
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
        boolean backslash = gramPass(b, offset, offset + length, s, stamp);
        for (int k = 0; k < s.pending; k++) {
            int p = s.checked[k];
            if (holds(patternClauses[p], s.literalStamp, stamp)) {
                out[p >>> 6] |= 1L << p;
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

    /**
     * Reads the grams at every {@code stride}-th offset of {@code b[from, end)} and checks the literals of those in the
     * table; whether the bytes hold a backslash.
     */
    private boolean gramPass(byte[] b, int from, int end, Scratch s, int stamp) {
        long[] table = grams;
        // Bit 7 of a byte of (x ^ BACKSLASHES) - ONES is set where a byte is a backslash, and perhaps where one is not
        // ASCII: the bytes read are read again, exactly, only if a byte is so flagged.
        long backslashes = 0;
        int i = from;
        if (stride == 3) {
            for (; i + 14 <= end; i += 12) {
                long word = (long) LONGS.get(b, i);
                long next = (long) LONGS.get(b, i + 6);
                backslashes |= (word ^ BACKSLASHES) - ONES | (next ^ BACKSLASHES) - ONES;
                long w = word & END_MASK_LONG;
                long x = next & END_MASK_LONG;
                int h0 = hash((int) w);
                int h1 = hash((int) (w >>> 24));
                int h2 = hash((int) x);
                int h3 = hash((int) (x >>> 24));
                // A shift by a hash shifts by its low six bits: its bit in its word of the table.
                if (((table[h0 >>> 6] >>> h0 | table[h1 >>> 6] >>> h1 | table[h2 >>> 6] >>> h2
                        | table[h3 >>> 6] >>> h3) & 1L) != 0) {
                    fourAt(b, from, end, i, 3, (int) word, (int) (word >>> 24), (int) next, (int) (next >>> 24), s,
                            stamp);
                }
            }
        } else {
            for (; i + 10 <= end; i += 8) {
                long word = (long) LONGS.get(b, i);
                long next = (long) LONGS.get(b, i + 2);
                backslashes |= (word ^ BACKSLASHES) - ONES | (next ^ BACKSLASHES) - ONES;
                int h0 = hash((int) word);
                int h1 = hash((int) (word >>> 16));
                int h2 = hash((int) (word >>> 32));
                int h3 = hash((int) (next >>> 32));
                if (((table[h0 >>> 6] >>> h0 | table[h1 >>> 6] >>> h1 | table[h2 >>> 6] >>> h2
                        | table[h3 >>> 6] >>> h3) & 1L) != 0) {
                    fourAt(b, from, end, i, 2, (int) word, (int) (word >>> 16), (int) (word >>> 32),
                            (int) (next >>> 32), s, stamp);
                }
            }
        }
        boolean backslash = (backslashes & ONES << 7) != 0 && ByteSearch.indexOf(b, from, i, (byte) '\\') >= 0;
        for (int k = i; k < end; k++) {
            backslash |= b[k] == '\\';
        }
        for (; i < end; i += stride) {
            // Near the end, the bytes past it read as zero: a literal that ends there set every value of them.
            int g = 0;
            for (int k = Math.min(end - i, 4) - 1; k >= 0; k--) {
                g = g << 8 | b[i + k] & 0xFF;
            }
            gramAt(b, from, end, i, g, s, stamp);
        }
        return backslash;
    }

    /** Checks the four grams from {@code i} on, {@code step} bytes apart: one of them is in the table. */
    private void fourAt(byte[] b, int from, int end, int i, int step, int g0, int g1, int g2, int g3, Scratch s,
                        int stamp) {
        gramAt(b, from, end, i, g0, s, stamp);
        gramAt(b, from, end, i + step, g1, s, stamp);
        gramAt(b, from, end, i + 2 * step, g2, s, stamp);
        gramAt(b, from, end, i + 3 * step, g3, s, stamp);
    }

    /** Checks the literals that gram {@code gram} at {@code i} starts, unless it is not in the table. */
    private void gramAt(byte[] b, int from, int end, int i, int gram, Scratch s, int stamp) {
        int h = hash(gram & hashed);
        if ((grams[h >>> 6] & 1L << h) == 0) {
            return;
        }
        int c = confirmHash(gram);
        if ((confirm[c >>> 6] & 1L << c) == 0) {
            return;
        }
        lookUp(b, from, end, i, gram & 0xFFFFFFFFL, s, stamp);
        if (anyWildFirst) {
            lookUp(b, from, end, i, WILD_FIRST | gram >>> 8, s, stamp);
        }
        if (anyWildLast) {
            lookUp(b, from, end, i, WILD_LAST | gram & 0xFFFFFF, s, stamp);
        }
    }

    /** Checks the literals of key {@code key} for the gram at {@code i}. */
    private void lookUp(byte[] b, int from, int end, int i, long key, Scratch s, int stamp) {
        int mask = gramKeys.length - 1;
        for (int slot = slot(key); gramKeys[slot] >= 0; slot = slot + 1 & mask) {
            if (gramKeys[slot] == key) {
                int[] checks = gramChecks[slot];
                for (int k = 0; k < checks.length; k += 2) {
                    int id = checks[k];
                    if (s.literalStamp[id] == stamp) {
                        continue;
                    }
                    byte[] lit = literalBytes[id];
                    int start = i - checks[k + 1];
                    int last = start + lit.length - 1;
                    if (start >= from && last < end && b[start] == lit[0] && b[last] == lit[lit.length - 1]
                            && Arrays.equals(b, start, last + 1, lit, 0, lit.length)) {
                        present(id, s, stamp);
                    }
                }
                return;
            }
        }
    }

    /** Literal {@code id} is present: the patterns that watch it are put up for checking. */
    private void present(int id, Scratch s, int stamp) {
        if (s.literalStamp[id] == stamp) {
            return;
        }
        s.literalStamp[id] = stamp;
        for (int p : literalWatchers[id]) {
            if (s.patternStamp[p] != stamp) {
                s.patternStamp[p] = stamp;
                s.checked[s.pending++] = p;
            }
        }
    }

    /** Whether each clause has a literal found in the event ({@code found[literal] == stamp}). */
    private static boolean holds(int[][] clauses, int[] found, int stamp) {
        for (int[] clause : clauses) {
            boolean any = false;
            for (int literal : clause) {
                if (found[literal] == stamp) {
                    any = true;
                    break;
                }
            }
            if (!any) {
                return false;
            }
        }
        return true;
    }

    /** How many patterns the prefilter answers for. */
    public int patternCount() {
        return patternCount;
    }
}
