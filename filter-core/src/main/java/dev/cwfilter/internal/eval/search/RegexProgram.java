package dev.cwfilter.internal.eval.search;

import dev.cwfilter.internal.regex.CharSet;
import dev.cwfilter.internal.regex.CloudWatchRegex;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * A CloudWatch regular expression compiled for an unanchored search, in time linear in the text whatever the
 * expression: at most one pass over the text doing a constant amount of work per character and step, so at most
 * (characters + 1) × (steps) units of work, where a step is an anchor or one character set with its repetition. A
 * repetition count does not multiply the work ({@code .{1000}} is one step, not a thousand), and nothing backtracks.
 *
 * <p>The dialect has no groups, so each alternative is a sequence of steps, and a repeated step consumes a run of
 * characters of one set. The search keeps, for every step, whether the steps before it can match ending at the
 * current position ({@code A}); step {@code i} with bounds {@code [min, max]} can match ending at {@code j} if some
 * position {@code s} with {@code A} true lies in {@code [j - max, j - min]} and every character from {@code s} to
 * {@code j} is in its set, which needs only the latest such {@code s} and where the current run of its set began.
 * Positions are code points, so a surrogate pair is one character. {@code $} is java.util.regex's without flags: the
 * end, or just before a final line terminator ({@code \r\n} counting as one).
 *
 * <p>Whenever nothing is under way the search jumps to where the next match could start: with {@link String#indexOf}
 * when every alternative starts with literal text (as in {@code %timeout after [0-9]+%}), else to the next character
 * some alternative can start with (as in {@code %[Ee]rror|[Ff]ail%}), so that a selective expression costs little more
 * than a substring search. A jump compares at most 16 characters per character of the text, which keeps the bound
 * linear.
 *
 * <p>Immutable and thread-safe; the per-search state (a few integers per step, and for a step with a minimum count
 * above one a ring of that many positions) lives in a per-thread object reused from search to search.
 */
public final class RegexProgram {

    private static final byte START = 0;
    private static final byte END = 1;
    private static final byte REPEAT = 2;
    private static final int NEVER = Integer.MIN_VALUE;
    /**
     * The longest start of a leading literal looked for when skipping ahead: {@link String#indexOf} costs at most this
     * many comparisons per character, and a longer literal is still found by the search itself.
     */
    private static final int MAX_SKIP_LITERAL = 16;

    /** Step indexes of each branch: branch b holds steps {@code [branchStart[b], branchStart[b + 1])}. */
    private final int[] branchStart;
    /** Whether a branch starts with {@code ^}: once past the start, it can only go on with what it already has. */
    private final boolean[] anchored;
    private final byte[] kind;
    private final CharSet[] sets;
    private final int[] min;
    private final int[] max;
    /** Where each step's ring of pending positions starts in the shared ring; a ring has {@code min} slots. */
    private final int[] ringOffset;
    /**
     * Where a match can start, when every alternative starts with a literal text: any match starts where the start
     * of one of these occurs, so the search jumps there whenever nothing is under way. Null otherwise.
     */
    private final String[] leadingLiterals;
    /**
     * Otherwise, when every alternative starts by consuming a character (no anchor, no optional first step): the
     * characters a match can start with, below U+0100 as a 256-bit map, and whether any above; null otherwise.
     */
    private final long[] firstChars;
    private final boolean firstCharsAbove;
    /** Texts of which every match contains one: a text with none of them is rejected before the search. */
    private final List<String> required;
    private final TextSearch[] requiredSearches;
    /**
     * When every alternative is a literal text (as in {@code %kali|parrot|pentoo%}): those texts, of which the
     * expression occurs wherever one does, so that a search is a substring search for each; null otherwise.
     */
    private final List<String> literals;
    private final TextSearch[] literalSearches;
    private final String written;
    private final ThreadLocal<Scratch> scratch;
    /** Each thread's buffer the bytes {@link #find(byte[], int, int)} searches are decoded into (any program's). */
    private static final ThreadLocal<Utf16Buffer> DECODED = ThreadLocal.withInitial(Utf16Buffer::new);

    private RegexProgram(CloudWatchRegex.Program program, List<String> required, String written) {
        this.written = written;
        this.required = required;
        this.requiredSearches = required.stream().map(TextSearch::new).toArray(TextSearch[]::new);
        List<List<CloudWatchRegex.Step>> branches = program.branches();
        int steps = branches.stream().mapToInt(List::size).sum();
        branchStart = new int[branches.size() + 1];
        anchored = new boolean[branches.size()];
        kind = new byte[steps];
        sets = new CharSet[steps];
        min = new int[steps];
        max = new int[steps];
        ringOffset = new int[steps];
        int i = 0;
        int ring = 0;
        for (int b = 0; b < branches.size(); b++) {
            branchStart[b] = i;
            List<CloudWatchRegex.Step> branch = branches.get(b);
            anchored[b] = !branch.isEmpty() && branch.get(0).kind() == CloudWatchRegex.StepKind.START;
            for (CloudWatchRegex.Step step : branch) {
                kind[i] = switch (step.kind()) {
                    case START -> START;
                    case END -> END;
                    case REPEAT -> REPEAT;
                };
                sets[i] = step.set();
                min[i] = step.min();
                max[i] = step.max();
                ringOffset[i] = ring;
                ring += step.min();
                i++;
            }
        }
        branchStart[branches.size()] = i;
        leadingLiterals = leadingLiterals(branches);
        literals = literals(branches);
        literalSearches = literals == null ? null : literals.stream().map(TextSearch::new).toArray(TextSearch[]::new);
        long[] first = new long[4];
        boolean above = false;
        for (List<CloudWatchRegex.Step> branch : branches) {
            if (branch.isEmpty() || branch.get(0).kind() != CloudWatchRegex.StepKind.REPEAT
                    || branch.get(0).min() == 0) {
                first = null;
                break;
            }
            branch.get(0).set().addLowTo(first);
            above |= branch.get(0).set().holdsAnyAbove();
        }
        firstChars = leadingLiterals == null ? first : null;
        firstCharsAbove = above;
        int ringSize = ring;
        scratch = ThreadLocal.withInitial(() -> new Scratch(steps, branches.size(), ringSize));
    }

    /** The branches' texts if each is a non-empty literal (one given character per step, no anchor), else null. */
    private static List<String> literals(List<List<CloudWatchRegex.Step>> branches) {
        String[] texts = new String[branches.size()];
        for (int b = 0; b < branches.size(); b++) {
            List<CloudWatchRegex.Step> branch = branches.get(b);
            if (branch.isEmpty()) {
                return null;
            }
            StringBuilder text = new StringBuilder();
            for (CloudWatchRegex.Step step : branch) {
                int c = step.literal();
                if (c < 0) {
                    return null;
                }
                text.append((char) c);
            }
            texts[b] = text.toString();
        }
        return List.of(texts);
    }

    private static String[] leadingLiterals(List<List<CloudWatchRegex.Step>> branches) {
        String[] literals = new String[branches.size()];
        for (int b = 0; b < branches.size(); b++) {
            StringBuilder literal = new StringBuilder();
            for (CloudWatchRegex.Step step : branches.get(b)) {
                if (literal.length() == MAX_SKIP_LITERAL) {
                    break;
                }
                int c = step.literal();
                if (c < 0) {
                    break;
                }
                literal.append((char) c);
            }
            if (literal.isEmpty()) {
                return null;
            }
            literals[b] = literal.toString();
        }
        return literals;
    }

    /**
     * Compiles the body of a {@code %...%} expression.
     *
     * @throws IllegalArgumentException if it is not valid in CloudWatch's dialect
     */
    public static RegexProgram compile(String source) {
        CloudWatchRegex.Translation t = CloudWatchRegex.translate(source);
        if (!t.isValid()) {
            throw new IllegalArgumentException("invalid regular expression %" + source + "%: " + t.errorMessage());
        }
        return new RegexProgram(t.program(), t.requiredLiterals(), "%" + source + "%");
    }

    /** The number of steps, which bounds the work per character of a search. */
    public int steps() {
        return kind.length;
    }

    /** The literals every match contains, one per alternative (empty if the expression has no such set). */
    public List<String> requiredLiterals() {
        return required;
    }

    /**
     * The texts the expression's alternatives are, when each is a literal text: it occurs exactly where one of them
     * does. Null for any other expression.
     */
    public List<String> literals() {
        return literals;
    }

    /** Whether the expression occurs anywhere in the text. */
    public boolean find(String text) {
        if (literalSearches != null) {
            return holdsAny(literalSearches, text);
        }
        if (requiredSearches.length > 0 && !holdsAny(requiredSearches, text)) {
            return false;
        }
        return search(text, scratch.get());
    }

    /** Whether the expression occurs anywhere in {@code text[offset, offset+length)}. */
    public boolean find(char[] text, int offset, int length) {
        if (literalSearches != null) {
            return holdsAny(literalSearches, text, offset, offset + length);
        }
        if (requiredSearches.length > 0 && !holdsAny(requiredSearches, text, offset, offset + length)) {
            return false;
        }
        // One per-thread lookup for the view and the search's state (a thread holding many patterns has many).
        Scratch st = scratch.get();
        CharsView view = st.view;
        view.set(text, offset, length);
        try {
            return search(view, st);
        } finally {
            view.set(null, 0, 0);
        }
    }

    /**
     * Whether the expression occurs anywhere in the UTF-8 text {@code utf8[offset, offset+length)}, decoded as
     * {@code new String(utf8, offset, length, UTF_8)} decodes it (malformed bytes are U+FFFD): into this thread's
     * buffer rather than a new {@code String}, unless the text is too long for it.
     */
    public boolean find(byte[] utf8, int offset, int length) {
        Utf16Buffer buffer = DECODED.get();
        int n = buffer.decode(utf8, offset, length);
        return n >= 0 ? find(buffer.chars(), 0, n) : find(new String(utf8, offset, length, StandardCharsets.UTF_8));
    }

    /** Whether the text holds one of the searched texts. */
    private static boolean holdsAny(TextSearch[] searches, String text) {
        for (TextSearch literal : searches) {
            if (literal.in(text)) {
                return true;
            }
        }
        return false;
    }

    private static boolean holdsAny(TextSearch[] searches, char[] text, int from, int to) {
        for (TextSearch literal : searches) {
            if (literal.indexIn(text, from, to) >= 0) {
                return true;
            }
        }
        return false;
    }

    private boolean search(CharSequence text, Scratch st) {
        int n = text.length();
        int base = st.begin(n);
        int[] last = st.last;
        int[] latest = st.latest;
        int[] runStart = st.runStart;
        int[] ring = st.ring;
        boolean[] live = st.live;
        Arrays.fill(last, NEVER);
        Arrays.fill(latest, NEVER);
        Arrays.fill(runStart, 0);
        Arrays.fill(live, true);
        int liveBranches = anchored.length;
        int pos = 0;
        boolean underWay = false;
        for (int j = 0; ; j++) {
            if (!underWay && (leadingLiterals != null || firstChars != null)) {
                // Nothing started before can still match: go to where the next match could start.
                pos = leadingLiterals != null ? nextStart(text, pos) : nextFirstChar(text, pos, n);
                if (pos < 0) {
                    return false;
                }
            }
            underWay = false;
            // The character at j, consumed once every step has been decided at j; -1 at the end of the text.
            int c = pos < n ? Character.codePointAt(text, pos) : -1;
            for (int b = 0; b < anchored.length; b++) {
                if (!live[b]) {
                    continue;
                }
                boolean a = true;
                boolean canGoOn = false;
                for (int i = branchStart[b]; i < branchStart[b + 1]; i++) {
                    byte k = kind[i];
                    if (k == START) {
                        a &= pos == 0;
                        continue;
                    }
                    if (k == END) {
                        a &= endsAt(text, pos, n);
                        continue;
                    }
                    if (!a && latest[i] < runStart[i]) {
                        // Nothing enters the step and nothing in it is alive: it is false, and its run need not be
                        // followed until something enters again (a break before an entry never matters to it).
                        continue;
                    }
                    int m = min[i];
                    if (m == 0) {
                        if (a) {
                            last[i] = j;
                            latest[i] = j;
                        }
                    } else {
                        // The ring holds, at slot j mod m, the position j - m if the steps before were matched
                        // there; positions are stored offset by base, so that a stale value from an earlier search
                        // never equals a position of this one.
                        int slot = m == 1 ? ringOffset[i] : ringOffset[i] + j % m;
                        if (j >= m && ring[slot] == base + j - m) {
                            last[i] = j - m;
                        }
                        if (a) {
                            ring[slot] = base + j;
                            latest[i] = j;
                        }
                    }
                    int lo = max[i] < 0 ? runStart[i] : Math.max(runStart[i], j - max[i]);
                    a = last[i] >= lo;
                    if (c >= 0 && !sets[i].contains(c)) {
                        runStart[i] = j + 1;
                    }
                    canGoOn |= latest[i] >= runStart[i] && (max[i] < 0 || j + 1 - latest[i] <= max[i]);
                }
                if (a) {
                    return true;
                }
                underWay |= canGoOn;
                if (anchored[b] && !canGoOn) {
                    live[b] = false;
                    liveBranches--;
                }
            }
            if (liveBranches == 0 || c < 0) {
                return false;
            }
            pos += c < Character.MIN_SUPPLEMENTARY_CODE_POINT ? 1 : 2;
        }
    }

    /** The first position at or after {@code from} where a leading literal occurs, or -1. */
    private int nextStart(CharSequence text, int from) {
        int best = -1;
        for (String literal : leadingLiterals) {
            int at = indexOf(text, literal, from);
            if (at >= 0 && (best < 0 || at < best)) {
                best = at;
            }
        }
        return best;
    }

    /** The first position at or after {@code from} holding a character a match can start with, or -1. */
    private int nextFirstChar(CharSequence text, int from, int n) {
        for (int i = from; i < n; i++) {
            char ch = text.charAt(i);
            if (ch < 256 ? (firstChars[ch >>> 6] & (1L << ch)) != 0 : firstCharsAbove) {
                return i;
            }
        }
        return -1;
    }

    private static int indexOf(CharSequence text, String literal, int from) {
        if (text instanceof String s) {
            return s.indexOf(literal, from);
        }
        char first = literal.charAt(0);
        int last = text.length() - literal.length();
        for (int i = from; i <= last; i++) {
            if (text.charAt(i) == first && regionMatches(text, i, literal)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean regionMatches(CharSequence text, int at, String literal) {
        for (int k = 1; k < literal.length(); k++) {
            if (text.charAt(at + k) != literal.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@code $} at {@code pos}, as java.util.regex without flags: the end of the text, or just before a line terminator
     * that ends it, where {@code \r\n} is one terminator (so not between its two characters).
     */
    private static boolean endsAt(CharSequence text, int pos, int n) {
        if (pos == n) {
            return true;
        }
        if (pos == n - 2) {
            return text.charAt(pos) == '\r' && text.charAt(pos + 1) == '\n';
        }
        if (pos == n - 1) {
            char c = text.charAt(pos);
            if (c == '\n') {
                return pos == 0 || text.charAt(pos - 1) != '\r';
            }
            return c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029';
        }
        return false;
    }

    /** The expression as written, {@code %...%}. */
    @Override
    public String toString() {
        return written;
    }

    /** A reusable read-only view of a slice of a char array; owned by one thread. */
    private static final class CharsView implements CharSequence {
        private char[] chars;
        private int offset;
        private int length;

        void set(char[] chars, int offset, int length) {
            this.chars = chars;
            this.offset = offset;
            this.length = length;
        }

        @Override
        public int length() {
            return length;
        }

        @Override
        public char charAt(int index) {
            if (index < 0 || index >= length) {
                throw new IndexOutOfBoundsException(index);
            }
            return chars[offset + index];
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new String(chars, offset + start, end - start);
        }

        @Override
        public String toString() {
            return new String(chars, offset, length);
        }
    }

    /** The state of one search, reused by its thread. */
    private static final class Scratch {
        /** Per step: the latest position s with the steps before matched at s and s at most j - min, or NEVER. */
        final int[] last;
        /** Per step: the latest position at which the steps before it matched, or NEVER. */
        final int[] latest;
        /** Per step: where the current run of characters of its set began. */
        final int[] runStart;
        final int[] ring;
        final boolean[] live;
        /** The view a search of a slice of a char array reads. */
        final CharsView view = new CharsView();
        private int clock;

        Scratch(int steps, int branches, int ringSize) {
            last = new int[steps];
            latest = new int[steps];
            runStart = new int[steps];
            ring = new int[ringSize];
            live = new boolean[branches];
            Arrays.fill(ring, NEVER);
        }

        /** Starts a search of a text of n characters; returns the offset its positions are stored with. */
        int begin(int n) {
            if (clock > Integer.MAX_VALUE - n - 1) {
                Arrays.fill(ring, NEVER);
                clock = 0;
            }
            int base = clock;
            clock += n + 1;
            return base;
        }
    }
}
