package dev.cwfilter.internal.parse;

import static dev.cwfilter.internal.grammar.FilterLexer.*;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.InputMismatchException;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.ATNState;
import org.antlr.v4.runtime.TokenStream;
import org.antlr.v4.runtime.misc.IntervalSet;

/**
 * Turns ANTLR's syntax errors into issues in our own words: what was expected, after what, and what was found
 * instead, with targeted hints for the common mistakes ({@code IS NOT NULL}, a selector without {@code $}, a single
 * {@code &}, a regular expression beside terms). No token name or ANTLR message ever reaches the user.
 */
final class SyntaxErrors {

    /** More syntax errors than this after the first are noise from error recovery; later ones are dropped. */
    private static final int MAX_ISSUES = 10;

    private static final int[] VALUE_TOKENS = {NUMBER, QUOTED, REGEX};
    private static final int[] OPERATOR_TOKENS = {EQ, NE, LT, LE, GT, GE};

    private SyntaxErrors() {
    }

    /**
     * The error strategy of the second (full LL) parse: no single-token insertion, which would hide the real mistake
     * behind a guess. When a token does not match, the error is reported against the last point where the parser
     * could still have left a loop or an optional part, so that "expected" lists everything that could have come
     * next ({@code [a b]}: "expected an operator, ',' or ']'"), not only what the final rule wanted.
     */
    static final class Strategy extends DefaultErrorStrategy {
        @Override
        public Token recoverInline(Parser recognizer) {
            if (nextTokensContext == null) {
                throw new InputMismatchException(recognizer);
            }
            throw new InputMismatchException(recognizer, nextTokensState, nextTokensContext);
        }

        /** A token that matched ends the stretch the recorded loop state describes. */
        @Override
        public void reportMatch(Parser recognizer) {
            super.reportMatch(recognizer);
            nextTokensContext = null;
            nextTokensState = ATNState.INVALID_STATE_NUMBER;
        }
    }

    /**
     * Collects syntax errors as issues, each spanning the offending token (zero characters at the end of the
     * pattern), at most {@code MAX_ISSUES}.
     */
    static final class Collector extends BaseErrorListener {
        private final SourceText source;
        private final List<Issue> issues = new ArrayList<>();

        Collector(SourceText source) {
            this.source = source;
        }

        List<Issue> issues() {
            return issues;
        }

        @Override
        public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line, int charPositionInLine,
                                String antlrMessage, RecognitionException e) {
            if (issues.size() >= MAX_ISSUES || !(recognizer instanceof Parser parser)
                    || !(offendingSymbol instanceof Token offending)) {
                return;
            }
            IntervalSet expected = e != null && e.getExpectedTokens() != null ? e.getExpectedTokens()
                    : parser.getExpectedTokens();
            Token previous = previous(parser.getInputStream(), offending);
            int start = source.start(offending);
            int length = Math.max(0, source.end(offending) - start);
            issues.add(new Issue(start, length, message(offending, previous, expected)));
        }
    }

    /** The token before the offending one on the default channel (whitespace skipped), or null at the start. */
    private static Token previous(TokenStream tokens, Token offending) {
        int index = offending.getTokenIndex() - 1;
        while (index >= 0) {
            Token t = tokens.get(index);
            if (t.getChannel() == Token.DEFAULT_CHANNEL) {
                return t;
            }
            index--;
        }
        return null;
    }

    /**
     * The message for one syntax error, most specific first: an unterminated quote or regular expression; a hint for
     * a known mistake ({@link #hint}); text after a complete pattern; otherwise "expected X after Y, found Z".
     */
    static String message(Token offending, Token previous, IntervalSet expected) {
        int type = offending.getType();
        String text = offending.getText();
        int prev = previous == null ? -1 : previous.getType();

        if (type == UNTERMINATED_QUOTED) {
            return "unterminated quoted string: expected a closing '\"'";
        }
        if (type == UNTERMINATED_REGEX) {
            return "unterminated regular expression: expected a closing '%'";
        }
        String hint = hint(offending, prev, expected);
        if (hint != null) {
            return hint;
        }
        String found = type == Token.EOF ? "the end of the pattern" : quote(text);
        if (expected.size() == 1 && expected.contains(Token.EOF)) {
            return "unexpected " + found + " after the end of the pattern: "
                    + (prev == RBRACE ? "a JSON pattern { ... } must be the whole pattern"
                    : prev == RBRACKET ? "a space-delimited pattern [ ... ] must be the whole pattern"
                    : prev == REGEX ? "a regular expression %...% must be the whole pattern"
                    : "nothing may follow");
        }
        String after = previous == null ? "" : " after " + quote(previous.getText());
        return "expected " + describe(expected) + after + ", found " + found;
    }

    /**
     * A message that names the likely mistake instead of listing tokens, or null when none applies. Each case is a
     * mistake users make (a single {@code &}, {@code IS NOT NULL}, a selector without {@code $.}, lower-case
     * keywords, a regular expression or a JSON pattern after terms), pinned by the parse-error tests.
     */
    private static String hint(Token offending, int prev, IntervalSet expected) {
        int type = offending.getType();
        String text = offending.getText();
        if (type == ERROR_CHAR) {
            switch (text) {
                case "&":
                    return "unexpected '&': the 'and' operator is '&&'";
                case "|":
                    return "unexpected '|': the 'or' operator is '||'";
                case "!":
                    return "unexpected '!': the 'not equal' operator is '!='";
                case ",":
                    return "unexpected ',': join conditions with '&&' or '||'";
                default:
                    return "unexpected character " + quote(text) + ", expected " + describe(expected);
            }
        }
        boolean afterTerm = prev == TERM || prev == QUOTED;
        if (type == REGEX && afterTerm) {
            return "a regular expression %...% must be the whole pattern: it cannot be combined with terms";
        }
        if ((type == LBRACE || type == LBRACKET) && afterTerm) {
            return quote(text) + " starts a " + (type == LBRACE ? "JSON" : "space-delimited")
                    + " pattern, which must be the whole pattern: quote the term to match " + quote(text)
                    + " literally";
        }
        if (type == BARE && expected.contains(SELECTOR)) {
            String suggestion = text.startsWith(".") ? "$" + text : "$." + text;
            return "expected a selector such as $.field, found " + quote(text) + ": selectors start with '$.'"
                    + (suggestion.length() <= 40 ? " (did you mean " + quote(suggestion) + "?)" : "");
        }
        if (type == RBRACE && prev == LBRACE) {
            return "empty JSON pattern: expected a condition such as $.field = value";
        }
        if (type == NOT && prev == IS) {
            return "IS NOT is not supported: write NOT EXISTS for a missing field, or $.field = * for a present,"
                    + " non-null value";
        }
        if (type == EXISTS && expected.contains(NOT)) {
            return "EXISTS alone is not supported: write NOT EXISTS for a missing field, or $.field = * for a"
                    + " present, non-null value";
        }
        if (type == BARE && expected.contains(IS) && (text.equals("is") || text.equals("not"))) {
            return "expected an operator, found " + quote(text) + ": the keywords IS and NOT EXISTS are upper case";
        }
        if (prev == IS && expected.contains(NULL)) {
            return "expected NULL, TRUE or FALSE after 'IS', found " + quote(text);
        }
        return null;
    }

    /** What the parser expected, in words: "a value", "'&&', '||' or '}'". */
    static String describe(IntervalSet expected) {
        Set<Integer> remaining = new LinkedHashSet<>(expected.toList());
        List<String> parts = new ArrayList<>();
        if (containsAll(remaining, VALUE_TOKENS)) {
            parts.add("a value");
            remaining.removeAll(List.of(NUMBER, QUOTED, REGEX, BARE, WORD, IS, NOT, NULL, TRUE, FALSE, EXISTS));
        }
        if (containsAll(remaining, OPERATOR_TOKENS)) {
            for (int t : OPERATOR_TOKENS) {
                remaining.remove(t);
            }
            if (remaining.contains(IS) && remaining.contains(NOT)) {
                remaining.remove(IS);
                remaining.remove(NOT);
                parts.add("an operator (=, !=, <, <=, >, >=, IS or NOT EXISTS)");
            } else {
                parts.add("an operator (=, !=, <, <=, >, >=)");
            }
        }
        if (remaining.contains(NULL) && remaining.contains(TRUE) && remaining.contains(FALSE)) {
            remaining.removeAll(List.of(NULL, TRUE, FALSE));
            parts.add("NULL, TRUE or FALSE");
        }
        if (remaining.contains(TERM) && remaining.contains(QUOTED)) {
            remaining.removeAll(List.of(TERM, QUOTED));
            parts.add("a term");
        }
        if (remaining.contains(SELECTOR) && remaining.contains(LPAREN)) {
            remaining.removeAll(List.of(SELECTOR, LPAREN));
            parts.add("a condition such as $.field = value");
        }
        if (remaining.contains(WORD) && remaining.contains(ELLIPSIS)) {
            remaining.removeAll(List.of(WORD, ELLIPSIS, NUMBER));
            parts.add("a field name or '...'");
        }
        for (int t : remaining) {
            parts.add(describe(t));
        }
        return join(parts);
    }

    /** One token type in words, as messages show it. */
    static String describe(int tokenType) {
        return switch (tokenType) {
            case Token.EOF -> "the end of the pattern";
            case LBRACE -> "'{'";
            case RBRACE -> "'}'";
            case LBRACKET -> "'['";
            case RBRACKET -> "']'";
            case LPAREN -> "'('";
            case RPAREN -> "')'";
            case AND -> "'&&'";
            case OR -> "'||'";
            case EQ -> "'='";
            case NE -> "'!='";
            case LT -> "'<'";
            case LE -> "'<='";
            case GT -> "'>'";
            case GE -> "'>='";
            case IS -> "IS";
            case NOT -> "NOT";
            case NULL -> "NULL";
            case TRUE -> "TRUE";
            case FALSE -> "FALSE";
            case EXISTS -> "EXISTS";
            case COMMA -> "','";
            case ELLIPSIS -> "'...'";
            case QUESTION -> "'?'";
            case MINUS -> "'-'";
            case SELECTOR -> "a selector such as $.field";
            case REGEX -> "a regular expression %...%";
            case QUOTED -> "a quoted string";
            case NUMBER -> "a number";
            case BARE -> "a value";
            case WORD -> "a field name";
            case TERM -> "a term";
            default -> "something else";
        };
    }

    private static boolean containsAll(Set<Integer> set, int[] tokens) {
        for (int t : tokens) {
            if (!set.contains(t)) {
                return false;
            }
        }
        return true;
    }

    /** "a", "a or b", "a, b or c". */
    private static String join(List<String> parts) {
        if (parts.isEmpty()) {
            return "something else";
        }
        if (parts.size() == 1) {
            return parts.get(0);
        }
        return String.join(", ", parts.subList(0, parts.size() - 1)) + " or " + parts.get(parts.size() - 1);
    }

    /** Quotes token text for a message, shortening long text. */
    static String quote(String text) {
        String shown = text.length() > 32 ? text.substring(0, 29) + "..." : text;
        return "'" + shown + "'";
    }
}
