package dev.cwfilter.internal.regex;

import java.util.ArrayList;
import java.util.List;

/**
 * CloudWatch's regular-expression dialect (SEMANTICS.md section 3): it checks a {@code %...%} body against the
 * documented subset and compiles it into a {@link Program}, which {@code dev.cwfilter.internal.eval.search.RegexProgram}
 * runs in time linear in the text.
 *
 * <p>The subset: ASCII letters and digits, the symbols {@code : _ # = @ / ; , -} and space as literals; the
 * operators {@code ^ $ ? [ ] { } | \ * + .}; the escapes {@code \d \D \s \S \w \W \xhh} and a backslash before any
 * operator or symbol. No groups, no other characters. So an expression is a list of alternatives, each a sequence of
 * anchors ({@code ^}, {@code $}) and of single-character sets each repeated between a minimum and a maximum number of
 * times; that shape is what lets every expression run in linear time. The meaning is the one the documentation gives
 * (and, where it is silent, java.util.regex's meaning with no flags, which the specification names):
 * <ul>
 *   <li>{@code .} matches any character but a line terminator ({@code \n \r \u0085 \u2028 \u2029});</li>
 *   <li>{@code ^} matches at the start of the text, {@code $} at its end or just before a line terminator that ends it
 *       ({@code \r\n} counting as one);</li>
 *   <li>{@code \s} is exactly tab, space and newline, {@code \w} is {@code [a-zA-Z_0-9]}, {@code \d} is
 *       {@code [0-9]};</li>
 *   <li>{@code {,n}} means {@code {0,n}}; a {@code ?} after a repetition (lazy) changes nothing about whether the
 *       expression is found;</li>
 *   <li>a character is a Unicode code point: a surrogate pair is one character.</li>
 * </ul>
 * Stateless and thread-safe.
 */
public final class CloudWatchRegex {

    /** The largest repetition count (RE2's and CloudWatch's largest). */
    public static final int MAX_REPEAT = 1000;

    private CloudWatchRegex() {
    }

    /** The shortest required literal worth looking for before a search. */
    private static final int MIN_REQUIRED_LITERAL = 3;

    /**
     * The outcome of a compilation: the program, or the first error and its offset within the source.
     *
     * @param program      the compiled expression, or null if the source is invalid
     * @param errorOffset  the offset of the error within the source, or -1
     * @param errorMessage what is wrong, in the words of an error message, or null
     */
    public record Translation(Program program, int errorOffset, String errorMessage) {
        /** Whether the source is valid. */
        public boolean isValid() {
            return program != null;
        }

        /**
         * Texts of which every match contains at least one: each alternative's longest run of plain characters
         * (characters that must occur once each, one after the other), if every alternative has one of at least
         * three characters; otherwise none. Empty for an invalid source.
         */
        public List<String> requiredLiterals() {
            if (program == null) {
                return List.of();
            }
            java.util.Set<String> literals = new java.util.LinkedHashSet<>();
            for (List<Step> branch : program.branches()) {
                String longest = "";
                StringBuilder run = new StringBuilder();
                for (Step step : branch) {
                    int c = step.literal();
                    if (c >= 0) {
                        run.append((char) c);
                    } else {
                        run.setLength(0);
                    }
                    if (run.length() > longest.length()) {
                        longest = run.toString();
                    }
                }
                if (longest.length() < MIN_REQUIRED_LITERAL) {
                    return List.of();
                }
                literals.add(longest);
            }
            return List.copyOf(literals);
        }
    }

    /**
     * A compiled expression: its alternatives, any of which may be found.
     *
     * @param branches the alternatives, in order; each a sequence of steps (an empty one, as in {@code a|}, matches
     *                 the empty text, so is found in every text)
     */
    public record Program(List<List<Step>> branches) {
        /** Copies the lists. */
        public Program {
            branches = branches.stream().map(List::copyOf).toList();
        }
    }

    /** What a step of an alternative does. */
    public enum StepKind {
        /** {@code ^}: the start of the text. */
        START,
        /** {@code $}: the end of the text, or just before a line terminator that ends it. */
        END,
        /** A run of characters of one set, as long as the step's bounds allow. */
        REPEAT
    }

    /**
     * One step of an alternative.
     *
     * @param kind an anchor or a repetition
     * @param set  the characters a repetition consumes; null for an anchor
     * @param min  the fewest characters a repetition consumes (0 for an anchor)
     * @param max  the most, or -1 for no limit (0 for an anchor)
     */
    public record Step(StepKind kind, CharSet set, int min, int max) {
        /** The one character this step stands for, once (a literal character of the expression), or -1. */
        public int literal() {
            return kind == StepKind.REPEAT && min == 1 && max == 1 ? set.single() : -1;
        }
    }

    /** Compiles the body of a {@code %...%} regular expression, or says what is wrong with it. */
    public static Translation translate(String source) {
        try {
            return new Translation(new Translator(source).translate(), -1, null);
        } catch (RegexError e) {
            return new Translation(null, e.offset, e.getMessage());
        }
    }

    /** Whether the character may stand for itself in a regular expression. */
    static boolean isLiteral(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || ":_#=@/;,- ".indexOf(c) >= 0;
    }

    private static boolean isOperator(char c) {
        return "^$?[]{}|\\*+.".indexOf(c) >= 0;
    }

    private static final class RegexError extends RuntimeException {
        final int offset;

        RegexError(int offset, String message) {
            super(message, null, false, false);
            this.offset = offset;
        }
    }

    private static final class Translator {
        private final String src;
        private final List<List<Step>> branches = new ArrayList<>();
        private List<Step> branch = new ArrayList<>();
        private int pos;

        Translator(String src) {
            this.src = src;
        }

        Program translate() {
            if (src.isEmpty()) {
                throw new RegexError(0, "empty regular expression");
            }
            boolean canRepeat = false;
            while (pos < src.length()) {
                char c = src.charAt(pos);
                switch (c) {
                    case '|' -> {
                        branches.add(branch);
                        branch = new ArrayList<>();
                        pos++;
                        canRepeat = false;
                    }
                    case '^' -> {
                        branch.add(new Step(StepKind.START, null, 0, 0));
                        pos++;
                        canRepeat = false;
                    }
                    case '$' -> {
                        branch.add(new Step(StepKind.END, null, 0, 0));
                        pos++;
                        canRepeat = false;
                    }
                    case '.' -> {
                        once(CharSet.DOT);
                        pos++;
                        canRepeat = true;
                    }
                    case '[' -> {
                        once(characterClass());
                        canRepeat = true;
                    }
                    case '\\' -> {
                        once(escape());
                        canRepeat = true;
                    }
                    case '*', '+', '?' -> {
                        requireRepeatable(canRepeat, c);
                        repeatLast(c == '+' ? 1 : 0, c == '?' ? 1 : -1);
                        pos++;
                        lazySuffix();
                        canRepeat = false;
                    }
                    case '{' -> {
                        requireRepeatable(canRepeat, c);
                        repetition();
                        lazySuffix();
                        canRepeat = false;
                    }
                    case '}' -> throw new RegexError(pos, "unmatched '}': write \\} for a literal brace");
                    case ']' -> throw new RegexError(pos, "unmatched ']': write \\] for a literal bracket");
                    default -> {
                        literal(c, pos);
                        once(CharSet.of(c));
                        pos++;
                        canRepeat = true;
                    }
                }
            }
            branches.add(branch);
            return new Program(branches);
        }

        /** Appends a step that consumes exactly one character of the set (until a repetition follows). */
        private void once(CharSet set) {
            branch.add(new Step(StepKind.REPEAT, set, 1, 1));
        }

        /** Gives the last step, a single character set, the bounds of the repetition that follows it. */
        private void repeatLast(int min, int max) {
            Step last = branch.remove(branch.size() - 1);
            branch.add(new Step(StepKind.REPEAT, last.set(), min, max));
        }

        private void requireRepeatable(boolean canRepeat, char c) {
            if (!canRepeat) {
                throw new RegexError(pos, "'" + c + "' has nothing to repeat: escape it (\\" + c
                        + ") to match it literally");
            }
        }

        /** A single '?' after a repetition makes it lazy, which cannot change whether the expression matches. */
        private void lazySuffix() {
            if (pos < src.length() && src.charAt(pos) == '?') {
                pos++;
            }
            if (pos < src.length() && "*+?{".indexOf(src.charAt(pos)) >= 0) {
                throw new RegexError(pos, "'" + src.charAt(pos) + "' cannot follow a repetition: escape it to match it"
                        + " literally");
            }
        }

        private void repetition() {
            int start = pos;
            pos++;
            int min = number();
            int max;
            if (pos < src.length() && src.charAt(pos) == ',') {
                pos++;
                max = number();
                if (min < 0 && max < 0) {
                    throw new RegexError(start, "a repetition needs a count, like {2}, {1,3}, {2,} or {,3}");
                }
            } else {
                if (min < 0) {
                    throw new RegexError(start, "'{' must start a repetition like {2} or {1,3}: write \\{ for a"
                            + " literal brace");
                }
                max = min;
            }
            if (pos >= src.length() || src.charAt(pos) != '}') {
                throw new RegexError(start, "unterminated repetition: expected '}' to close " + src.substring(start,
                        Math.min(pos + 1, src.length())));
            }
            pos++;
            if (max >= 0 && min > max) {
                throw new RegexError(start, "repetition " + src.substring(start, pos) + " has its bounds reversed");
            }
            if (Math.max(min, max) > MAX_REPEAT) {
                throw new RegexError(start, "repetition counts above " + MAX_REPEAT + " are not supported");
            }
            repeatLast(Math.max(min, 0), max);
        }

        /** Reads decimal digits; -1 if there are none. Values past MAX_REPEAT are capped just above it. */
        private int number() {
            int value = -1;
            while (pos < src.length() && src.charAt(pos) >= '0' && src.charAt(pos) <= '9') {
                value = Math.min((value < 0 ? 0 : value) * 10 + (src.charAt(pos) - '0'), MAX_REPEAT + 1);
                pos++;
            }
            return value;
        }

        private CharSet characterClass() {
            int start = pos;
            pos++;
            boolean negated = false;
            if (pos < src.length() && src.charAt(pos) == '^') {
                negated = true;
                pos++;
            }
            if (pos < src.length() && src.charAt(pos) == ']') {
                throw new RegexError(start, "empty character class: write \\] for a literal bracket");
            }
            CharSet.Builder members = new CharSet.Builder();
            int previous = -1;
            while (true) {
                if (pos >= src.length()) {
                    throw new RegexError(start, "unterminated character class: expected ']'");
                }
                char c = src.charAt(pos);
                if (c == ']') {
                    pos++;
                    return negated ? members.buildComplement() : members.build();
                }
                if (c == '-' && previous >= 0 && pos + 1 < src.length() && src.charAt(pos + 1) != ']') {
                    int rangeStart = pos;
                    pos++;
                    int high = classChar(members);
                    if (high < 0) {
                        throw new RegexError(rangeStart, "a range must end with a single character");
                    }
                    if (high < previous) {
                        throw new RegexError(rangeStart, "range " + (char) previous + "-" + (char) high
                                + " has its bounds reversed");
                    }
                    members.addRange(previous, high);
                    previous = -1;
                    continue;
                }
                int single = classChar(members);
                if (single >= 0) {
                    members.addRange(single, single);
                }
                previous = single;
            }
        }

        /**
         * Reads one class member; returns its character, or -1 for a shorthand class such as \d (already added to
         * the members).
         */
        private int classChar(CharSet.Builder members) {
            char c = src.charAt(pos);
            if (c == '\\') {
                CharSet shorthand = shorthand();
                if (shorthand != null) {
                    members.addAll(shorthand);
                    return -1;
                }
                return escapedChar();
            }
            if (c == '[') {
                throw new RegexError(pos, "'[' inside a character class: write \\[ for a literal bracket");
            }
            if (!isOperator(c)) {
                literal(c, pos);
            }
            pos++;
            return c;
        }

        /** Reads \d \D \w \W \s \S if the backslash at {@code pos} starts one; null (and nothing read) otherwise. */
        private CharSet shorthand() {
            if (pos + 1 >= src.length()) {
                return null;
            }
            CharSet set = switch (src.charAt(pos + 1)) {
                case 'd' -> CharSet.DIGIT;
                case 'D' -> CharSet.DIGIT.complement();
                case 'w' -> CharSet.WORD;
                case 'W' -> CharSet.WORD.complement();
                case 's' -> CharSet.SPACE;
                case 'S' -> CharSet.SPACE.complement();
                default -> null;
            };
            if (set != null) {
                pos += 2;
            }
            return set;
        }

        /** Reads an escape outside a class. */
        private CharSet escape() {
            CharSet shorthand = shorthand();
            return shorthand != null ? shorthand : CharSet.of((char) escapedChar());
        }

        /** Reads \xhh or a backslash before an operator or symbol; returns the character it stands for. */
        private int escapedChar() {
            int at = pos;
            if (pos + 1 >= src.length()) {
                throw new RegexError(at, "the regular expression ends with a lone '\\'");
            }
            char c = src.charAt(pos + 1);
            if (c == 'x') {
                if (pos + 3 < src.length() && isHex(src.charAt(pos + 2)) && isHex(src.charAt(pos + 3))) {
                    pos += 4;
                    return Integer.parseInt(src.substring(at + 2, at + 4), 16);
                }
                throw new RegexError(at, "\\x must be followed by two hexadecimal digits, like \\x3A");
            }
            if (isOperator(c) || (isLiteral(c) && !Character.isLetterOrDigit(c))) {
                pos += 2;
                return c;
            }
            if (c > 127) {
                throw new RegexError(at + 1, "multi-byte characters are not supported in regular expressions: use"
                        + " \\xhh for ASCII symbols");
            }
            throw new RegexError(at, "unsupported escape '\\" + c + "': the escapes are \\d \\D \\s \\S \\w \\W,"
                    + " \\xhh, and a backslash before an operator or symbol");
        }

        private void literal(char c, int at) {
            if (isLiteral(c)) {
                return;
            }
            if (c == '(' || c == ')') {
                throw new RegexError(at, "regular expressions have no groups: '" + c + "' is not supported (write "
                        + (c == '(' ? "\\x28" : "\\x29") + " to match it)");
            }
            if (c > 127) {
                throw new RegexError(at, "multi-byte characters are not supported in regular expressions");
            }
            throw new RegexError(at, "character " + describe(c) + " is not supported in regular expressions: write "
                    + String.format("\\x%02X", (int) c) + " to match it");
        }

        private static String describe(char c) {
            return c < 32 || c == 127 ? String.format("U+%04X", (int) c) : "'" + c + "'";
        }

        private static boolean isHex(char c) {
            return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
        }
    }
}
