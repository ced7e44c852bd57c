package dev.cwfilter.internal.compile;

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
import java.util.List;

/**
 * What the strings of a syntax tree hold, found by walking the tree: its terms, values, regular expressions, property
 * and field names. The pattern's canonical text holds a character outside ASCII exactly when one of them does (the
 * printer adds only ASCII: keywords, operators, quotes and escapes).
 *
 * <p>Stateless and thread-safe.
 */
public final class PatternStrings {

    private PatternStrings() {
    }

    /** Whether a string of the tree holds the character (and so the pattern's text does). */
    public static boolean contain(Pattern pattern, char c) {
        if (pattern instanceof TermPattern terms) {
            for (Term term : terms.terms()) {
                if (term.text().indexOf(c) >= 0) {
                    return true;
                }
            }
            return false;
        }
        if (pattern instanceof RegexPattern regex) {
            return contain(regex.regex(), c);
        }
        if (pattern instanceof JsonPattern json) {
            return contain(json.expression(), c);
        }
        if (pattern instanceof DelimitedPattern delimited) {
            for (DelimitedField field : delimited.fields()) {
                if (field instanceof DelimitedField.Named named
                        && (named.name().indexOf(c) >= 0 || named.condition().map(f -> contain(f, c)).orElse(false))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean contain(JsonExpression expression, char c) {
        if (expression instanceof JsonComparison comparison) {
            return contain(comparison.selector(), c) || contain(comparison.value(), c);
        }
        if (expression instanceof JsonTest test) {
            return contain(test.selector(), c);
        }
        List<JsonExpression> operands = expression instanceof JsonAnd and ? and.operands()
                : ((JsonOr) expression).operands();
        return operands.stream().anyMatch(operand -> contain(operand, c));
    }

    private static boolean contain(Selector selector, char c) {
        for (SelectorStep step : selector.steps()) {
            if (step instanceof SelectorStep.Property property && property.name().indexOf(c) >= 0) {
                return true;
            }
        }
        return false;
    }

    private static boolean contain(FieldCondition condition, char c) {
        if (condition instanceof FieldComparison comparison) {
            return contain(comparison.value(), c);
        }
        List<? extends FieldCondition> operands = condition instanceof FieldOr or ? or.operands()
                : ((FieldAnd) condition).operands();
        return operands.stream().anyMatch(operand -> contain(operand, c));
    }

    private static boolean contain(Value value, char c) {
        if (value instanceof StringValue string) {
            return string.text().indexOf(c) >= 0;
        }
        if (value instanceof NumberValue number) {
            return number.text().indexOf(c) >= 0;
        }
        return ((Regex) value).source().indexOf(c) >= 0;
    }
}
