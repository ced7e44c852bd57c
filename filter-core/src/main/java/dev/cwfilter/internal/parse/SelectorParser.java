package dev.cwfilter.internal.parse;

import dev.cwfilter.ast.Lexical;
import dev.cwfilter.ast.Selector;
import dev.cwfilter.ast.SelectorStep;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the steps of a selector token ({@code $.a.b[0].['c.d'].*[*]}), reporting the first malformed step with its
 * offset. The lexer keeps a selector as one token so that no whitespace can hide inside it.
 */
final class SelectorParser {

    private final String text;
    private int pos;

    private SelectorParser(String text) {
        this.text = text;
    }

    /**
     * The selector, or null after adding an issue.
     *
     * @param text   the token text, starting with {@code $}
     * @param base   the UTF-16 offset of the token in the pattern
     * @param issues where problems go
     */
    static Selector parse(String text, int base, List<Issue> issues) {
        try {
            return new SelectorParser(text).selector();
        } catch (SelectorError e) {
            issues.add(new Issue(base + e.at, 1, e.getMessage()));
            return null;
        }
    }

    /**
     * The limit of one selector that it breaks, in the words of the issue, or null: more steps than
     * {@link ParseLimits#MAX_SELECTOR_STEPS}, or more wildcards than CloudWatch allows in a selector.
     */
    static String limitBroken(Selector selector) {
        int wildcards = selector.wildcardCount();
        if (selector.steps().size() > ParseLimits.MAX_SELECTOR_STEPS) {
            return "selector " + SyntaxErrors.quote(selector.toString()) + " has " + selector.steps().size()
                    + " steps: the limit is " + ParseLimits.MAX_SELECTOR_STEPS;
        }
        if (wildcards > ParseLimits.MAX_WILDCARDS_PER_SELECTOR) {
            return "selector " + SyntaxErrors.quote(selector.toString()) + " has " + wildcards
                    + " wildcards: CloudWatch allows " + ParseLimits.MAX_WILDCARDS_PER_SELECTOR + " per selector";
        }
        return null;
    }

    /**
     * The steps after {@code $}, left to right; at least one. An index step must follow a property (CloudWatch has no
     * {@code $[0]} at the root), and double-quoted keys, which other JSONPath dialects allow, are refused with the
     * bracket form to use instead.
     */
    private Selector selector() {
        pos = 1;
        if (pos >= text.length()) {
            throw new SelectorError(0, "expected '.' after '$': selectors look like $.field");
        }
        List<SelectorStep> steps = new ArrayList<>();
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '.') {
                steps.add(propertyStep());
            } else if (c == '[') {
                if (steps.isEmpty()) {
                    throw new SelectorError(pos, "an array index must follow a property, as in $.items[0]");
                }
                steps.add(indexStep());
            } else if (c == '"') {
                throw new SelectorError(pos, "double-quoted keys are not supported: write .['key']");
            } else {
                throw new SelectorError(pos, "unexpected " + describe(c) + " in selector " + quote()
                        + ": steps are .name, .['key'], [0], .* or [*]");
            }
        }
        return new Selector(steps);
    }

    /**
     * A step that starts with {@code .}: {@code .*} (any property), {@code .['key']} (a key with any characters but a
     * single quote, taken as written), or {@code .name} (letters, digits, {@code _} and {@code -}, which must be
     * followed by the end, {@code .} or {@code [}).
     */
    private SelectorStep propertyStep() {
        int dot = pos;
        pos++;
        if (pos >= text.length()) {
            throw new SelectorError(dot, "expected a property name after '.'");
        }
        char c = text.charAt(pos);
        if (c == '*') {
            pos++;
            return new SelectorStep.AnyProperty();
        }
        if (c == '[') {
            if (pos + 1 < text.length() && text.charAt(pos + 1) == '\'') {
                int quote = text.indexOf('\'', pos + 2);
                if (quote < 0) {
                    throw new SelectorError(pos, "unterminated bracket-quoted key: expected \"']\"");
                }
                if (quote + 1 >= text.length() || text.charAt(quote + 1) != ']') {
                    throw new SelectorError(quote, "a bracket-quoted key ends at its second quote, which must be"
                            + " followed by ']'; a key cannot hold a single quote");
                }
                String name = text.substring(pos + 2, quote);
                pos = quote + 2;
                return new SelectorStep.Property(name);
            }
            throw new SelectorError(pos, "an index follows the property name directly, as in $.items[0]; a"
                    + " bracket after '.' holds a quoted key, as in .['cluster.name']");
        }
        int start = pos;
        while (pos < text.length() && Lexical.isNameChar(text.charAt(pos))) {
            pos++;
        }
        if (pos == start) {
            if (c == '"') {
                throw new SelectorError(pos, "double-quoted keys are not supported: write .['key']");
            }
            throw new SelectorError(pos, "unexpected " + describe(c) + " after '.': property names hold letters,"
                    + " digits, '_' and '-'; write other keys as .['key']");
        }
        if (pos < text.length() && text.charAt(pos) != '.' && text.charAt(pos) != '[') {
            throw new SelectorError(pos, "unexpected " + describe(text.charAt(pos)) + " in property name: names hold"
                    + " letters, digits, '_' and '-'; write other keys as .['key']");
        }
        return new SelectorStep.Property(text.substring(start, pos));
    }

    /**
     * A step that starts with {@code [}: {@code [*]} (any element) or {@code [n]}, n in ASCII digits and at most
     * {@link Integer#MAX_VALUE} (U20); the digits are accumulated with a cap, so no index text can overflow.
     */
    private SelectorStep indexStep() {
        int open = pos;
        pos++;
        if (pos < text.length() && text.charAt(pos) == '*') {
            pos++;
            expectClose(open);
            return new SelectorStep.AnyIndex();
        }
        if (pos < text.length() && text.charAt(pos) == '\'') {
            throw new SelectorError(open, "a bracket-quoted key follows a dot: write .['key']");
        }
        int start = pos;
        long value = 0;
        while (pos < text.length() && Character.isDigit(text.charAt(pos)) && text.charAt(pos) < 128) {
            value = Math.min(value * 10 + (text.charAt(pos) - '0'), Integer.MAX_VALUE + 1L);
            pos++;
        }
        if (pos == start) {
            throw new SelectorError(open, "an array index is a number or '*', as in [0] or [*]");
        }
        if (value > Integer.MAX_VALUE) {
            throw new SelectorError(start, "array index " + text.substring(start, pos) + " is too large: the largest"
                    + " is " + Integer.MAX_VALUE);
        }
        expectClose(open);
        return new SelectorStep.Index((int) value);
    }

    private void expectClose(int open) {
        if (pos >= text.length() || text.charAt(pos) != ']') {
            throw new SelectorError(open, "an array index is a number or '*' followed by ']', as in [0] or [*]");
        }
        pos++;
    }

    private String quote() {
        return SyntaxErrors.quote(text);
    }

    private static String describe(char c) {
        return Character.isISOControl(c) ? String.format("U+%04X", (int) c) : "'" + c + "'";
    }

    /** The first malformed step: where (in the token) and why. Stackless: it is control flow, not a fault. */
    private static final class SelectorError extends RuntimeException {
        final int at;

        SelectorError(int at, String message) {
            super(message, null, false, false);
            this.at = at;
        }
    }
}
