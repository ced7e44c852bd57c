package dev.cwfilter.internal.parse;

import dev.cwfilter.ast.DelimitedField;
import dev.cwfilter.ast.DelimitedPattern;
import dev.cwfilter.ast.FieldAnd;
import dev.cwfilter.ast.FieldComparison;
import dev.cwfilter.ast.FieldCondition;
import dev.cwfilter.ast.FieldOr;
import dev.cwfilter.ast.JsonAnd;
import dev.cwfilter.ast.JsonComparison;
import dev.cwfilter.ast.JsonExpression;
import dev.cwfilter.ast.JsonOr;
import dev.cwfilter.ast.JsonPattern;
import dev.cwfilter.ast.JsonTest;
import dev.cwfilter.ast.Lexical;
import dev.cwfilter.ast.MatchAll;
import dev.cwfilter.ast.NumberValue;
import dev.cwfilter.ast.Pattern;
import dev.cwfilter.ast.Regex;
import dev.cwfilter.ast.RegexPattern;
import dev.cwfilter.ast.Selector;
import dev.cwfilter.ast.SelectorStep;
import dev.cwfilter.ast.StringValue;
import dev.cwfilter.ast.Term;
import dev.cwfilter.ast.TermPattern;
import dev.cwfilter.ast.Value;
import dev.cwfilter.internal.regex.CloudWatchRegex;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * Decides, by walking a syntax tree, whether {@link PatternParser} would accept the tree's canonical text under the
 * given limits and give back an equal tree, so that a tree can be compiled as it is, without being printed and parsed.
 *
 * <p>The AST's constructors already refuse what no text could spell (a bare value that needs quotes, an unpaired
 * surrogate in a string, {@code <} with a string, two {@code ...}); the rest of what the parser checks is checked here,
 * on the tree: the length of the canonical text (in code points, as the parser counts it, computed without building
 * the text), how deeply its parentheses nest (an {@code ||} inside an {@code &&}), the characters of bare terms, the
 * regular-expression dialect, and CloudWatch's limits on selector steps, wildcards and regular expressions. The lexer
 * reads every other node of a valid tree back as the same token: selectors, numbers, quoted and bare strings and field
 * names are each one token of the mode they are printed in.
 *
 * <p>It answers only yes or no: a tree it refuses is one whose text the parser rejects, and the caller parses that
 * text to report each problem, worded and located exactly as for the text. Stateless and thread-safe.
 */
public final class TreeCheck {

    private TreeCheck() {
    }

    /** Whether the parser accepts the tree's canonical text under these limits (and so reads back an equal tree). */
    public static boolean accepts(Pattern pattern, ParseLimits limits) {
        return new Walk(limits).pattern(pattern);
    }

    /** One check of one tree: the counts CloudWatch limits per pattern. */
    private static final class Walk {
        private final ParseLimits limits;
        private int regexes;
        private int wildcardSelectors;

        Walk(ParseLimits limits) {
            this.limits = limits;
        }

        boolean pattern(Pattern pattern) {
            long length;
            if (pattern instanceof MatchAll) {
                return true;
            } else if (pattern instanceof TermPattern terms) {
                length = terms.terms().size() - 1;
                for (Term term : terms.terms()) {
                    if (!term.quoted() && !bareTerm(term.text())) {
                        return false;
                    }
                    length += term.kind().prefix().length() + (term.quoted() ? quotedLength(term.text())
                            : codePoints(term.text()));
                }
            } else if (pattern instanceof RegexPattern regex) {
                if (!regex(regex.regex())) {
                    return false;
                }
                length = valueLength(regex.regex());
            } else if (pattern instanceof JsonPattern json) {
                if (parenthesisDepth(json.expression(), false) > limits.maxNestingDepth()) {
                    return false;
                }
                long condition = json(json.expression(), false);
                length = condition < 0 ? -1 : 4 + condition;
            } else {
                length = delimited((DelimitedPattern) pattern);
            }
            return length >= 0 && length <= limits.maxPatternLength();
        }

        /** Whether the bare term's characters are term characters under the limits' leniency. */
        private boolean bareTerm(String text) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (!(limits.lenientTermCharacters() ? Lexical.isLenientTermChar(c) : Lexical.isStrictTermChar(c))) {
                    return false;
                }
            }
            return true;
        }

        /** Whether a regular expression is valid text of CloudWatch's dialect. */
        private static boolean regex(Regex regex) {
            return Lexical.isWellFormedUnicode(regex.source()) && CloudWatchRegex.translate(regex.source()).isValid();
        }

        /**
         * How deeply the printed condition nests parentheses: the printer parenthesizes an {@code ||} that is an
         * operand of {@code &&}, and nothing else.
         */
        private static int parenthesisDepth(JsonExpression expression, boolean operandOfAnd) {
            if (expression instanceof JsonOr or) {
                int deepest = 0;
                for (JsonExpression operand : or.operands()) {
                    deepest = Math.max(deepest, parenthesisDepth(operand, false));
                }
                return deepest + (operandOfAnd ? 1 : 0);
            }
            if (expression instanceof JsonAnd and) {
                int deepest = 0;
                for (JsonExpression operand : and.operands()) {
                    deepest = Math.max(deepest, parenthesisDepth(operand, true));
                }
                return deepest;
            }
            return 0;
        }

        /** The length of the condition's text as printed (without the braces), or -1 if it breaks a rule. */
        private long json(JsonExpression expression, boolean operandOfAnd) {
            if (expression instanceof JsonOr or) {
                long length = joined(or.operands(), operand -> json(operand, false));
                return length < 0 ? -1 : length + (operandOfAnd ? 2 : 0);
            }
            if (expression instanceof JsonAnd and) {
                return joined(and.operands(), operand -> json(operand, true));
            }
            Selector selector;
            long length;
            if (expression instanceof JsonComparison comparison) {
                selector = comparison.selector();
                if (comparison.value() instanceof Regex regex && (!regex(regex) || ++regexes > ParseLimits.MAX_REGEXES)) {
                    return -1;
                }
                length = 2 + comparison.operator().symbol().length() + valueLength(comparison.value());
            } else {
                JsonTest test = (JsonTest) expression;
                selector = test.selector();
                length = 1 + test.kind().keywords().length();
            }
            int wildcards = selector.wildcardCount();
            if (selector.steps().size() > ParseLimits.MAX_SELECTOR_STEPS
                    || wildcards > ParseLimits.MAX_WILDCARDS_PER_SELECTOR
                    || (wildcards > 0 && ++wildcardSelectors > ParseLimits.MAX_WILDCARD_SELECTORS)) {
                return -1;
            }
            return length + selectorLength(selector);
        }

        private long delimited(DelimitedPattern pattern) {
            long length = 2 + 2L * Math.max(0, pattern.fields().size() - 1);
            for (DelimitedField field : pattern.fields()) {
                if (field instanceof DelimitedField.Ellipsis) {
                    length += 3;
                } else if (field instanceof DelimitedField.Named named) {
                    if (named.condition().isEmpty()) {
                        length += named.name().length();
                    } else {
                        long l = condition(named.name(), named.condition().get());
                        if (l < 0) {
                            return -1;
                        }
                        length += l;
                    }
                }
            }
            return length;
        }

        private long condition(String name, FieldCondition condition) {
            if (condition instanceof FieldOr or) {
                return joined(or.operands(), operand -> condition(name, operand));
            }
            if (condition instanceof FieldAnd and) {
                return joined(and.operands(), operand -> condition(name, operand));
            }
            FieldComparison comparison = (FieldComparison) condition;
            if (comparison.value() instanceof Regex regex && (!regex(regex) || ++regexes > ParseLimits.MAX_REGEXES)) {
                return -1;
            }
            return name.length() + 2 + comparison.operator().symbol().length() + valueLength(comparison.value());
        }

        /**
         * The length of operands joined by {@code " && "} or {@code " || "} (four characters), or -1 if an operand
         * breaks a rule.
         */
        private static <T> long joined(List<T> operands, ToLongFunction<T> length) {
            long total = 4L * (operands.size() - 1);
            for (T operand : operands) {
                long l = length.applyAsLong(operand);
                if (l < 0) {
                    return -1;
                }
                total += l;
            }
            return total;
        }

        private static long selectorLength(Selector selector) {
            long length = 1;
            for (SelectorStep step : selector.steps()) {
                if (step instanceof SelectorStep.Property property) {
                    length += (property.needsBrackets() ? 5 : 1) + codePoints(property.name());
                } else if (step instanceof SelectorStep.Index index) {
                    length += 2 + Integer.toString(index.index()).length();
                } else if (step instanceof SelectorStep.AnyProperty) {
                    length += 2;
                } else {
                    length += 3;
                }
            }
            return length;
        }

        private static long valueLength(Value value) {
            if (value instanceof StringValue string) {
                return string.quoted() ? quotedLength(string.text()) : codePoints(string.text());
            }
            if (value instanceof NumberValue number) {
                return number.text().length();
            }
            return 2 + codePoints(((Regex) value).source());
        }

        /** The length of {@link Lexical#quote}'s text: the quotes, and a backslash before each quote or backslash. */
        private static long quotedLength(String text) {
            long length = 2 + codePoints(text);
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '"' || c == '\\') {
                    length++;
                }
            }
            return length;
        }

        private static long codePoints(String text) {
            return text.codePointCount(0, text.length());
        }
    }
}
