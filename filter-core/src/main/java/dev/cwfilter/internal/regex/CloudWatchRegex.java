package dev.cwfilter.internal.regex;

/**
 * CloudWatch's regular-expression dialect (SEMANTICS.md section 3): it checks a {@code %...%} body against the
 * documented subset and translates it into RE2 syntax for re2j, which matches in linear time.
 *
 * <p>The subset: ASCII letters and digits, the symbols {@code : _ # = @ / ; , -} and space as literals; the
 * operators {@code ^ $ ? [ ] { } | \ * + .}; the escapes {@code \d \D \s \S \w \W \xhh} and a backslash before any
 * operator or symbol. No groups, no other characters. The translation keeps the meaning the documentation gives
 * (and, where it is silent, java.util.regex's meaning with no flags, which the specification names):
 * <ul>
 *   <li>{@code .} matches any character but a line terminator ({@code \n \r \u0085 \u2028 \u2029});</li>
 *   <li>{@code ^} matches at the start of the text, {@code $} at its end or just before a line terminator that ends it
 *       ({@code \r\n} counting as one);</li>
 *   <li>{@code \s} is exactly tab, space and newline, {@code \w} is {@code [a-zA-Z_0-9]}, {@code \d} is
 *       {@code [0-9]};</li>
 *   <li>{@code {,n}} means {@code {0,n}}.</li>
 * </ul>
 * RE2 has no zero-width assertion for "just before a final line terminator", so {@code $} is translated to the end of
 * the text, and {@code dev.cwfilter.internal.eval.RegexProgram} also tries a text that ends with a line terminator
 * without it. That is exact for every expression in which nothing that consumes characters follows a {@code $} in its
 * branch; {@code a$\s} on {@code "a\n"}, which java.util.regex matches, does not match.
 *  * Stateless and thread-safe.
 */
public final class CloudWatchRegex {

    /** RE2's largest repetition count. */
    public static final int MAX_REPEAT = 1000;

    private static final String DOT = "[^\\n\\r\\x{85}\\x{2028}\\x{2029}]";
    private static final String DOLLAR = "\\z";

    private CloudWatchRegex() {
    }

    /**
     * The outcome of a translation: RE2 syntax, or the first error and its offset within the source.
     *
     * @param re2          the RE2 translation, or null if the source is invalid
     * @param hasDollar    whether the expression has a {@code $}, which can also match before a final line terminator
     * @param errorOffset  the offset of the error within the source, or -1
     * @param errorMessage what is wrong, in the words of an error message, or null
     * @param requiredLiterals texts of which every match contains at least one (one per {@code |} branch, each of at
     *                         least three characters), or empty if there is no such set
     */
    public record Translation(String re2, boolean hasDollar, int errorOffset, String errorMessage,
                              java.util.List<String> requiredLiterals) {
        /** Whether the source is valid. */
        public boolean isValid() {
            return re2 != null;
        }
    }

    /** Checks the body of a {@code %...%} regular expression and translates it to RE2 syntax. */
    public static Translation translate(String source) {
        try {
            Translator translator = new Translator(source);
            String re2 = translator.translate();
            return new Translation(re2, re2.contains(DOLLAR), -1, null, translator.requiredLiterals());
        } catch (RegexError e) {
            return new Translation(null, false, e.offset, e.getMessage(), java.util.List.of());
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
        private final StringBuilder out = new StringBuilder();
        private int pos;
        /** The run of literal characters being read, the longest of the current branch, and each branch's. */
        private final StringBuilder run = new StringBuilder();
        private String longest = "";
        private final java.util.List<String> branchLiterals = new java.util.ArrayList<>();

        Translator(String src) {
            this.src = src;
        }

        String translate() {
            if (src.isEmpty()) {
                throw new RegexError(0, "empty regular expression");
            }
            boolean canRepeat = false;
            boolean atomInRun = false;
            while (pos < src.length()) {
                char c = src.charAt(pos);
                boolean literalAtom = false;
                switch (c) {
                    case '|' -> {
                        out.append('|');
                        pos++;
                        canRepeat = false;
                        endBranch();
                    }
                    case '^' -> {
                        out.append('^');
                        pos++;
                        canRepeat = false;
                        endRun();
                    }
                    case '$' -> {
                        out.append(DOLLAR);
                        pos++;
                        canRepeat = false;
                        endRun();
                    }
                    case '.' -> {
                        out.append(DOT);
                        pos++;
                        canRepeat = true;
                        endRun();
                    }
                    case '[' -> {
                        characterClass();
                        canRepeat = true;
                        endRun();
                    }
                    case '\\' -> {
                        int before = pos;
                        out.append(escape());
                        canRepeat = true;
                        char escaped = src.charAt(before + 1);
                        if (escaped == 'x') {
                            run.append((char) Integer.parseInt(src.substring(before + 2, before + 4), 16));
                            literalAtom = true;
                        } else if ("dDwWsS".indexOf(escaped) < 0) {
                            run.append(escaped);
                            literalAtom = true;
                        } else {
                            endRun();
                        }
                    }
                    case '*', '+', '?' -> {
                        requireRepeatable(canRepeat, c);
                        out.append(c);
                        pos++;
                        lazySuffix();
                        canRepeat = false;
                        repeatedAtom(atomInRun);
                    }
                    case '{' -> {
                        requireRepeatable(canRepeat, c);
                        repetition();
                        lazySuffix();
                        canRepeat = false;
                        repeatedAtom(atomInRun);
                    }
                    case '}' -> throw new RegexError(pos, "unmatched '}': write \\} for a literal brace");
                    case ']' -> throw new RegexError(pos, "unmatched ']': write \\] for a literal bracket");
                    default -> {
                        literal(c, pos);
                        out.append(re2Literal(c));
                        pos++;
                        canRepeat = true;
                        run.append(c);
                        literalAtom = true;
                    }
                }
                atomInRun = literalAtom;
            }
            endBranch();
            return out.toString();
        }

        /**
         * One literal per branch that every match of the branch contains (its longest run of plain characters), if
         * every branch has one of at least three characters; else none.
         */
        java.util.List<String> requiredLiterals() {
            for (String literal : branchLiterals) {
                if (literal.length() < 3) {
                    return java.util.List.of();
                }
            }
            return java.util.List.copyOf(new java.util.LinkedHashSet<>(branchLiterals));
        }

        private void endRun() {
            if (run.length() > longest.length()) {
                longest = run.toString();
            }
            run.setLength(0);
        }

        private void endBranch() {
            endRun();
            branchLiterals.add(longest);
            longest = "";
        }

        /** The atom just read is repeated: it may occur zero or several times, so it ends the run without joining. */
        private void repeatedAtom(boolean atomWasInRun) {
            if (atomWasInRun) {
                run.setLength(run.length() - 1);
            }
            endRun();
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
                out.append('?');
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
            out.append('{').append(Math.max(min, 0)).append(max == min ? "" : ",").append(
                    max == min || max < 0 ? "" : Integer.toString(max)).append('}');
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

        private void characterClass() {
            int start = pos;
            pos++;
            out.append('[');
            if (pos < src.length() && src.charAt(pos) == '^') {
                out.append('^');
                pos++;
            }
            if (pos < src.length() && src.charAt(pos) == ']') {
                throw new RegexError(start, "empty character class: write \\] for a literal bracket");
            }
            int previous = -1;
            while (true) {
                if (pos >= src.length()) {
                    throw new RegexError(start, "unterminated character class: expected ']'");
                }
                char c = src.charAt(pos);
                if (c == ']') {
                    pos++;
                    out.append(']');
                    return;
                }
                if (c == '-' && previous >= 0 && pos + 1 < src.length() && src.charAt(pos + 1) != ']') {
                    int rangeStart = pos;
                    pos++;
                    int high = classChar();
                    if (high < 0) {
                        throw new RegexError(rangeStart, "a range must end with a single character");
                    }
                    if (high < previous) {
                        throw new RegexError(rangeStart, "range " + (char) previous + "-" + (char) high
                                + " has its bounds reversed");
                    }
                    out.append('-').append(re2Literal((char) high));
                    previous = -1;
                    continue;
                }
                int single = classChar();
                if (single >= 0) {
                    out.append(re2Literal((char) single));
                }
                previous = single;
            }
        }

        /** Reads one class member; returns its character, or -1 for a shorthand class such as \d (already written). */
        private int classChar() {
            char c = src.charAt(pos);
            if (c == '\\') {
                int at = pos;
                String shorthand = classShorthand();
                if (shorthand != null) {
                    out.append(shorthand);
                    return -1;
                }
                pos = at;
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

        private String classShorthand() {
            if (pos + 1 >= src.length()) {
                return null;
            }
            String members = switch (src.charAt(pos + 1)) {
                case 'd' -> "0-9";
                case 'D' -> "\\x00-/:-\\x{10FFFF}";
                case 'w' -> "0-9A-Za-z_";
                case 'W' -> "\\x00-/:-@\\[-\\^`{-\\x{10FFFF}";
                case 's' -> "\\t\\n ";
                case 'S' -> "\\x00-\\x08\\x0B-\\x1F!-\\x{10FFFF}";
                default -> null;
            };
            if (members != null) {
                pos += 2;
            }
            return members;
        }

        /** Translates an escape outside a class. */
        private String escape() {
            if (pos + 1 < src.length()) {
                String shorthand = switch (src.charAt(pos + 1)) {
                    case 'd' -> "[0-9]";
                    case 'D' -> "[^0-9]";
                    case 'w' -> "[0-9A-Za-z_]";
                    case 'W' -> "[^0-9A-Za-z_]";
                    case 's' -> "[\\t\\n ]";
                    case 'S' -> "[^\\t\\n ]";
                    default -> null;
                };
                if (shorthand != null) {
                    pos += 2;
                    return shorthand;
                }
            }
            return re2Literal((char) escapedChar());
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

        private static String re2Literal(char c) {
            return (Character.isLetterOrDigit(c) && c < 128) || c == ' ' ? String.valueOf(c)
                    : String.format("\\x{%X}", (int) c);
        }
    }
}
