package dev.cwfilter.ast;

import java.util.List;

/**
 * Renders a {@link Pattern} as canonical pattern text: single spaces between terms and around operators,
 * {@code { ... }} and {@code [a, b]} spacing, quotes only where a term or value needs them, parentheses only where
 * precedence needs them. Parsing the output gives back an equal tree, and printing is idempotent.
 *
 * <p>Stateless and thread-safe.
 */
public final class PatternPrinter {

    private PatternPrinter() {
    }

    /** The canonical text of the pattern. */
    public static String print(Pattern pattern) {
        StringBuilder sb = new StringBuilder();
        if (pattern instanceof MatchAll) {
            return "";
        } else if (pattern instanceof TermPattern terms) {
            printTerms(terms.terms(), sb);
        } else if (pattern instanceof RegexPattern regex) {
            printValue(regex.regex(), sb);
        } else if (pattern instanceof JsonPattern json) {
            sb.append("{ ");
            printJson(json.expression(), false, sb);
            sb.append(" }");
        } else if (pattern instanceof DelimitedPattern delimited) {
            printDelimited(delimited.fields(), sb);
        } else {
            throw new AssertionError(pattern);
        }
        return sb.toString();
    }

    /** The canonical text of a JSON condition, without the enclosing braces. */
    public static String print(JsonExpression expression) {
        StringBuilder sb = new StringBuilder();
        printJson(expression, false, sb);
        return sb.toString();
    }

    /** The canonical text of a selector, such as {@code $.objectList[1].id}. */
    public static String print(Selector selector) {
        StringBuilder sb = new StringBuilder();
        printSelector(selector, sb);
        return sb.toString();
    }

    /** The canonical text of a value: quoted or bare string, number, or {@code %regex%}. */
    public static String print(Value value) {
        StringBuilder sb = new StringBuilder();
        printValue(value, sb);
        return sb.toString();
    }

    /** The canonical text of one space-delimited field, such as {@code status_code = 404 || status_code = 410}. */
    public static String print(DelimitedField field) {
        StringBuilder sb = new StringBuilder();
        printField(field, sb);
        return sb.toString();
    }

    private static void printTerms(List<Term> terms, StringBuilder sb) {
        for (int i = 0; i < terms.size(); i++) {
            Term term = terms.get(i);
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(term.kind().prefix());
            sb.append(term.quoted() ? Lexical.quote(term.text()) : term.text());
        }
    }

    private static void printJson(JsonExpression expression, boolean parenthesizeOr, StringBuilder sb) {
        if (expression instanceof JsonOr or) {
            if (parenthesizeOr) {
                sb.append('(');
            }
            join(or.operands(), " || ", sb, (operand, out) -> printJson(operand, false, out));
            if (parenthesizeOr) {
                sb.append(')');
            }
        } else if (expression instanceof JsonAnd and) {
            join(and.operands(), " && ", sb, (operand, out) -> printJson(operand, true, out));
        } else if (expression instanceof JsonComparison comparison) {
            printSelector(comparison.selector(), sb);
            sb.append(' ').append(comparison.operator().symbol()).append(' ');
            printValue(comparison.value(), sb);
        } else if (expression instanceof JsonTest test) {
            printSelector(test.selector(), sb);
            sb.append(' ').append(test.kind().keywords());
        } else {
            throw new AssertionError(expression);
        }
    }

    private static void printSelector(Selector selector, StringBuilder sb) {
        sb.append('$');
        for (SelectorStep step : selector.steps()) {
            if (step instanceof SelectorStep.Property property) {
                sb.append(property.needsBrackets() ? ".['" + property.name() + "']" : "." + property.name());
            } else if (step instanceof SelectorStep.Index index) {
                sb.append('[').append(index.index()).append(']');
            } else if (step instanceof SelectorStep.AnyProperty) {
                sb.append(".*");
            } else if (step instanceof SelectorStep.AnyIndex) {
                sb.append("[*]");
            } else {
                throw new AssertionError(step);
            }
        }
    }

    private static void printValue(Value value, StringBuilder sb) {
        if (value instanceof StringValue string) {
            sb.append(string.quoted() ? Lexical.quote(string.text()) : string.text());
        } else if (value instanceof NumberValue number) {
            sb.append(number.text());
        } else if (value instanceof Regex regex) {
            sb.append('%').append(regex.source()).append('%');
        } else {
            throw new AssertionError(value);
        }
    }

    private static void printDelimited(List<DelimitedField> fields, StringBuilder sb) {
        sb.append('[');
        join(fields, ", ", sb, PatternPrinter::printField);
        sb.append(']');
    }

    private static void printField(DelimitedField field, StringBuilder sb) {
        if (field instanceof DelimitedField.Ellipsis) {
            sb.append("...");
        } else if (field instanceof DelimitedField.Named named) {
            if (named.condition().isEmpty()) {
                sb.append(named.name());
            } else {
                printCondition(named.name(), named.condition().get(), sb);
            }
        } else if (!(field instanceof DelimitedField.Unnamed)) {
            throw new AssertionError(field);
        }
    }

    private static void printCondition(String name, FieldCondition condition, StringBuilder sb) {
        if (condition instanceof FieldOr or) {
            join(or.operands(), " || ", sb, (operand, out) -> printCondition(name, operand, out));
        } else if (condition instanceof FieldAnd and) {
            join(and.operands(), " && ", sb, (operand, out) -> printCondition(name, operand, out));
        } else if (condition instanceof FieldComparison comparison) {
            sb.append(name).append(' ').append(comparison.operator().symbol()).append(' ');
            printValue(comparison.value(), sb);
        } else {
            throw new AssertionError(condition);
        }
    }

    private interface Printer<T> {
        void print(T item, StringBuilder sb);
    }

    private static <T> void join(List<? extends T> items, String separator, StringBuilder sb, Printer<T> printer) {
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                sb.append(separator);
            }
            printer.print(items.get(i), sb);
        }
    }
}
