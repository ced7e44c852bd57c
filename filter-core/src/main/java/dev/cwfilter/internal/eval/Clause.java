package dev.cwfilter.internal.eval;

import dev.cwfilter.ast.DelimitedField;
import dev.cwfilter.ast.JsonExpression;
import dev.cwfilter.ast.Pattern;
import dev.cwfilter.ast.PatternPrinter;
import dev.cwfilter.ast.SourceSpan;
import dev.cwfilter.ast.Term;
import dev.cwfilter.ast.TermPattern;
import java.util.List;

/**
 * One clause of a compiled pattern, as explanations name it: a term, a JSON comparison or test, a space-delimited
 * field's condition, or a whole regular-expression pattern.
 *
 * <p>Immutable and thread-safe. Two clauses with equal nodes are the same clause (the nodes are records).
 *
 * @param node the clause's node of the syntax tree: a {@link Term}, a {@link JsonExpression}, a
 *             {@link DelimitedField} or a {@link Pattern}
 * @param span where it was written in the pattern, or null if the pattern was not compiled from text
 */
public record Clause(Object node, SourceSpan span) {

    /** Its canonical text, such as {@code $.eventName = "GetSecretValue"}, printed when an explanation asks. */
    public String text() {
        if (node instanceof Term term) {
            return PatternPrinter.print(new TermPattern(List.of(term)));
        }
        if (node instanceof JsonExpression expression) {
            return PatternPrinter.print(expression);
        }
        if (node instanceof DelimitedField field) {
            return PatternPrinter.print(field);
        }
        return PatternPrinter.print((Pattern) node);
    }
}
