package dev.cwfilter.internal.parse;

import dev.cwfilter.ast.ComparisonOperator;
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
import dev.cwfilter.ast.JsonTestKind;
import dev.cwfilter.ast.Lexical;
import dev.cwfilter.ast.MatchAll;
import dev.cwfilter.ast.NumberValue;
import dev.cwfilter.ast.Pattern;
import dev.cwfilter.ast.Regex;
import dev.cwfilter.ast.RegexPattern;
import dev.cwfilter.ast.Selector;
import dev.cwfilter.ast.SourceSpan;
import dev.cwfilter.ast.StringValue;
import dev.cwfilter.ast.Term;
import dev.cwfilter.ast.TermKind;
import dev.cwfilter.ast.TermPattern;
import dev.cwfilter.ast.Value;
import dev.cwfilter.internal.grammar.FilterLexer;
import dev.cwfilter.internal.grammar.FilterParser;
import dev.cwfilter.internal.grammar.FilterParserBaseVisitor;
import dev.cwfilter.internal.regex.CloudWatchRegex;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;

/**
 * Builds the AST from a parse tree that has no syntax errors, and checks what the grammar leaves open: the characters
 * of terms, values and names, quoting escapes, selector steps, the regular-expression dialect, and CloudWatch's limits
 * on regular expressions and wildcards.
 *
 * <p>The builder has no state of its own: it writes each problem to the issue list and each node's source span to
 * the span map it is given, and returns null for a node it could not build, so that one pass reports every problem.
 */
final class AstBuilder extends FilterParserBaseVisitor<Object> {

    private final SourceText source;
    private final ParseLimits limits;
    private final List<Issue> issues;
    private final Map<Object, SourceSpan> spans;

    AstBuilder(SourceText source, ParseLimits limits, List<Issue> issues, Map<Object, SourceSpan> spans) {
        this.source = source;
        this.limits = limits;
        this.issues = issues;
        this.spans = spans;
    }

    /** The pattern, or null when an issue was written: then every problem the tree holds has been written. */
    Pattern build(FilterParser.PatternContext tree) {
        return (Pattern) visit(tree);
    }

    // ---- pattern kinds ----------------------------------------------------------------------------------------

    @Override
    public Pattern visitMatchAllPattern(FilterParser.MatchAllPatternContext ctx) {
        return new MatchAll();
    }

    @Override
    public Pattern visitRegexPattern(FilterParser.RegexPatternContext ctx) {
        Regex regex = regex(ctx.REGEX().getSymbol());
        return regex == null ? null : located(new RegexPattern(regex), ctx);
    }

    /**
     * Terms must be separated by whitespace (the grammar would otherwise accept {@code "a"b} as two terms); each term
     * is checked on its own, so a pattern with several bad terms reports each of them.
     */
    @Override
    public Pattern visitTermPattern(FilterParser.TermPatternContext ctx) {
        List<Term> terms = new ArrayList<>();
        boolean complete = true;
        Token previousEnd = null;
        for (FilterParser.TermContext termCtx : ctx.term()) {
            if (previousEnd != null && source.start(termCtx.getStart()) == source.end(previousEnd)) {
                issue(termCtx.getStart(), "terms must be separated by whitespace");
                complete = false;
            }
            previousEnd = termCtx.getStop();
            Term term = term(termCtx);
            if (term == null) {
                complete = false;
            } else {
                terms.add(term);
            }
        }
        return complete ? located(new TermPattern(terms), ctx) : null;
    }

    @Override
    public Pattern visitJsonPatternTop(FilterParser.JsonPatternTopContext ctx) {
        JsonExpression expression = json(ctx.jsonPattern().jsonOr());
        if (expression == null) {
            return null;
        }
        checkJsonLimits(expression);
        return located(new JsonPattern(expression), ctx.jsonPattern());
    }

    /**
     * A space-delimited pattern: {@code []} alone is the pattern with no fields; otherwise at most one {@code ...}
     * and every field name used once (a name says which field a condition tests and under which name the field's
     * value is extracted). The regular-expression limit is counted over the whole pattern.
     */
    @Override
    public Pattern visitDelimitedPatternTop(FilterParser.DelimitedPatternTopContext ctx) {
        List<FilterParser.DelimitedFieldContext> fieldCtxs = ctx.delimitedPattern().delimitedField();
        List<DelimitedField> fields = new ArrayList<>();
        boolean complete = true;
        if (!(fieldCtxs.size() == 1 && fieldCtxs.get(0) instanceof FilterParser.EmptyFieldContext)) {
            Set<String> names = new HashSet<>();
            boolean ellipsis = false;
            for (FilterParser.DelimitedFieldContext fieldCtx : fieldCtxs) {
                DelimitedField field = field(fieldCtx);
                if (field == null) {
                    complete = false;
                    continue;
                }
                if (field instanceof DelimitedField.Ellipsis) {
                    if (ellipsis) {
                        issue(fieldCtx, "a space-delimited pattern may have only one '...'");
                        complete = false;
                    }
                    ellipsis = true;
                } else if (field instanceof DelimitedField.Named named && !names.add(named.name())) {
                    issue(fieldCtx, "field name '" + named.name() + "' is used twice: each field needs its own"
                            + " name");
                    complete = false;
                }
                fields.add(field);
            }
        }
        if (!complete) {
            return null;
        }
        checkDelimitedLimits(fields);
        return located(new DelimitedPattern(fields), ctx.delimitedPattern());
    }

    // ---- terms ------------------------------------------------------------------------------------------------

    /**
     * One term: {@code ?} and {@code -} bind to the term written directly after them (a space between is an error,
     * not a term {@code ?} followed by another); a quoted term keeps every character, a bare one holds only the
     * characters CloudWatch accepts bare (U11; {@code lenientTermCharacters} widens them).
     */
    private Term term(FilterParser.TermContext ctx) {
        TermKind kind = TermKind.REQUIRED;
        Token prefix = ctx.prefix;
        Token body = ctx.getStop();
        if (prefix != null) {
            kind = prefix.getType() == FilterLexer.QUESTION ? TermKind.OPTIONAL : TermKind.EXCLUDED;
            if (source.end(prefix) != source.start(body)) {
                issue(prefix, "'" + prefix.getText() + "' must be followed directly by its term, with no space");
                return null;
            }
        }
        Term term;
        if (body.getType() == FilterLexer.QUOTED) {
            String text = unquote(body);
            if (text == null) {
                return null;
            }
            term = new Term(kind, text, true);
        } else {
            String text = body.getText();
            if (!checkBareTerm(text, source.start(body))) {
                return null;
            }
            term = new Term(kind, text, false);
        }
        return located(term, ctx);
    }

    /**
     * Whether a bare term holds only bare-term characters; otherwise writes one issue at the first bad character,
     * suggesting the quoted form (or, for text that starts like a selector, a JSON pattern).
     */
    private boolean checkBareTerm(String text, int start) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean allowed = limits.lenientTermCharacters() ? Lexical.isLenientTermChar(c) : Lexical.isStrictTermChar(c);
            if (!allowed) {
                String message = "invalid character " + describe(c) + " in term " + SyntaxErrors.quote(text)
                        + ": terms with characters other than letters, digits and '_' must be quoted, like "
                        + Lexical.quote(text);
                if (text.startsWith("$.") || text.startsWith("$[")) {
                    message = "invalid character " + describe(c) + " in term " + SyntaxErrors.quote(text)
                            + ": a JSON selector must be inside a JSON pattern, like { " + text + " = \"value\" }";
                }
                issues.add(new Issue(start + i, 1, message));
                return false;
            }
        }
        return true;
    }

    /**
     * The text of a quoted token with its escapes resolved, or null after an issue: {@code \"} and {@code \\} are
     * the only escapes CloudWatch's quoted strings have; any other backslash pair is refused rather than guessed at.
     */
    private String unquote(Token token) {
        String raw = token.getText();
        StringBuilder sb = new StringBuilder(raw.length());
        for (int i = 1; i < raw.length() - 1; i++) {
            char c = raw.charAt(i);
            if (c == '\\') {
                char next = raw.charAt(i + 1);
                if (next != '"' && next != '\\') {
                    issues.add(new Issue(source.start(token) + i, 2, "unsupported escape '\\" + next + "' in a quoted"
                            + " string: only \\\" (a quote) and \\\\ (a backslash) are escapes"));
                    return null;
                }
                sb.append(next);
                i++;
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    // ---- JSON ---------------------------------------------------------------------------------------------------

    /**
     * An {@code ||} of {@code &&}s, as the grammar nests them ({@code &&} binds tighter); a single operand is returned
     * as it is, so the tree holds no one-operand {@code JsonOr} or {@code JsonAnd}. Every operand is built, even after
     * one fails, so that every problem is reported.
     */
    private JsonExpression json(FilterParser.JsonOrContext ctx) {
        List<JsonExpression> operands = new ArrayList<>();
        boolean complete = true;
        for (FilterParser.JsonAndContext and : ctx.jsonAnd()) {
            JsonExpression operand = json(and);
            complete &= operand != null;
            operands.add(operand);
        }
        if (!complete) {
            return null;
        }
        return operands.size() == 1 ? operands.get(0) : located(new JsonOr(operands), ctx);
    }

    private JsonExpression json(FilterParser.JsonAndContext ctx) {
        List<JsonExpression> operands = new ArrayList<>();
        boolean complete = true;
        for (FilterParser.JsonPrimaryContext primary : ctx.jsonPrimary()) {
            JsonExpression operand = (JsonExpression) visit(primary);
            complete &= operand != null;
            operands.add(operand);
        }
        if (!complete) {
            return null;
        }
        return operands.size() == 1 ? operands.get(0) : located(new JsonAnd(operands), ctx);
    }

    @Override
    public JsonExpression visitJsonGroup(FilterParser.JsonGroupContext ctx) {
        return json(ctx.jsonOr());
    }

    /**
     * A selector and its condition: a comparison, an {@code IS NULL}/{@code IS TRUE}/{@code IS FALSE} test, or
     * {@code NOT EXISTS}. A bare {@code null} on the right of a comparison is an invalid pattern (O7): JSON's null is
     * tested with {@code IS NULL}, and the message says so.
     */
    @Override
    public JsonExpression visitJsonSelection(FilterParser.JsonSelectionContext ctx) {
        Selector selector = selector(ctx.SELECTOR().getSymbol());
        FilterParser.JsonConditionContext condition = ctx.jsonCondition();
        JsonExpression expression;
        if (condition instanceof FilterParser.JsonComparisonContext comparison) {
            ComparisonOperator operator = operator(comparison.comparisonOperator());
            Value value = value(comparison.value(), operator);
            if (value != null && JsonComparison.isBareNull(value)) {
                // O7 [OBSERVED]: CloudWatch rejects a bare null on the right of '=' or '!='.
                String field = selector == null ? "$.field" : selector.toString();
                issue(comparison.value().getStart(), "a JSON field cannot be compared with null: write " + field
                        + " IS NULL to test for a JSON null, or quote it (\"null\") to compare with the text null");
                value = null;
            }
            expression = selector == null || value == null ? null : new JsonComparison(selector, operator, value);
        } else if (condition instanceof FilterParser.JsonIsTestContext isTest) {
            JsonTestKind kind = switch (isTest.test.getType()) {
                case FilterLexer.NULL -> JsonTestKind.IS_NULL;
                case FilterLexer.TRUE -> JsonTestKind.IS_TRUE;
                default -> JsonTestKind.IS_FALSE;
            };
            expression = selector == null ? null : new JsonTest(selector, kind);
        } else {
            expression = selector == null ? null : new JsonTest(selector, JsonTestKind.NOT_EXISTS);
        }
        return expression == null ? null : located(expression, ctx);
    }

    private Selector selector(Token token) {
        Selector selector = SelectorParser.parse(token.getText(), source.start(token), issues);
        return selector == null ? null : located(selector, token);
    }

    /**
     * CloudWatch's limits on a JSON pattern, counted over all its leaves in source order: steps and wildcards per
     * selector, selectors with wildcards per pattern, regular expressions per pattern ({@link ParseLimits}). A
     * selector over its own limits is reported where it is written; a per-pattern count is reported once, at the
     * first leaf past it.
     */
    private void checkJsonLimits(JsonExpression expression) {
        List<JsonExpression> leaves = new ArrayList<>();
        collectLeaves(expression, leaves);
        int regexes = 0;
        int wildcardSelectors = 0;
        for (JsonExpression leaf : leaves) {
            Selector selector = leaf instanceof JsonComparison c ? c.selector() : ((JsonTest) leaf).selector();
            String limit = SelectorParser.limitBroken(selector);
            if (limit != null) {
                issueAt(selector, limit);
            } else if (selector.wildcardCount() > 0 && ++wildcardSelectors == ParseLimits.MAX_WILDCARD_SELECTORS + 1) {
                issueAt(selector, "too many selectors with wildcards: CloudWatch allows "
                        + ParseLimits.MAX_WILDCARD_SELECTORS + " per pattern");
            }
            if (leaf instanceof JsonComparison c && c.value() instanceof Regex regex
                    && ++regexes == ParseLimits.MAX_REGEXES + 1) {
                issueAt(regex, "too many regular expressions: CloudWatch allows " + ParseLimits.MAX_REGEXES
                        + " in a JSON pattern");
            }
        }
    }

    private static void collectLeaves(JsonExpression expression, List<JsonExpression> leaves) {
        if (expression instanceof JsonAnd and) {
            and.operands().forEach(operand -> collectLeaves(operand, leaves));
        } else if (expression instanceof JsonOr or) {
            or.operands().forEach(operand -> collectLeaves(operand, leaves));
        } else {
            leaves.add(expression);
        }
    }

    // ---- values -------------------------------------------------------------------------------------------------

    private static ComparisonOperator operator(FilterParser.ComparisonOperatorContext ctx) {
        return switch (ctx.getStart().getType()) {
            case FilterLexer.EQ -> ComparisonOperator.EQ;
            case FilterLexer.NE -> ComparisonOperator.NE;
            case FilterLexer.LT -> ComparisonOperator.LT;
            case FilterLexer.LE -> ComparisonOperator.LE;
            case FilterLexer.GT -> ComparisonOperator.GT;
            default -> ComparisonOperator.GE;
        };
    }

    /**
     * The value on the right of a comparison: a number, a quoted string, a regular expression or a bare word. The
     * orderings ({@code <}, {@code <=}, {@code >}, {@code >=}) take numbers only.
     */
    private Value value(FilterParser.ValueContext ctx, ComparisonOperator operator) {
        Token token = ctx.getStart();
        Value value = switch (token.getType()) {
            case FilterLexer.NUMBER -> new NumberValue(token.getText());
            case FilterLexer.QUOTED -> {
                String text = unquote(token);
                yield text == null ? null : new StringValue(text, true);
            }
            case FilterLexer.REGEX -> regex(token);
            default -> bareValue(token);
        };
        if (value != null && operator.isOrdering() && !(value instanceof NumberValue)) {
            issue(token, "'" + operator.symbol() + "' compares numbers: expected a number after '"
                    + operator.symbol() + "', found " + SyntaxErrors.quote(token.getText()));
            return null;
        }
        return value == null ? null : located(value, token);
    }

    /**
     * A bare (unquoted) value: its characters must be ones a bare value may hold, and it must not read as something
     * else (such as an ellipsis); otherwise the message shows it quoted.
     */
    private StringValue bareValue(Token token) {
        String text = token.getText();
        int bad = Lexical.firstNonBareValueChar(text);
        if (bad >= 0) {
            issues.add(new Issue(source.start(token) + bad, 1, "invalid character " + describe(text.charAt(bad))
                    + " in value " + SyntaxErrors.quote(text) + ": quote the value, like " + Lexical.quote(text)));
            return null;
        }
        if (!Lexical.isBareValue(text)) {
            issue(token, "the value " + SyntaxErrors.quote(text) + " must be quoted, like " + Lexical.quote(text)
                    + ": written bare it reads as an ellipsis");
            return null;
        }
        return new StringValue(text, false);
    }

    /**
     * A {@code %...%} regular expression, checked against CloudWatch's dialect ({@link CloudWatchRegex}); an issue
     * points at the offending character inside the expression.
     */
    private Regex regex(Token token) {
        String raw = token.getText();
        String body = raw.substring(1, raw.length() - 1);
        CloudWatchRegex.Translation translation = CloudWatchRegex.translate(body);
        if (!translation.isValid()) {
            issues.add(new Issue(source.start(token) + 1 + translation.errorOffset(), 1,
                    "invalid regular expression " + SyntaxErrors.quote(raw) + ": " + translation.errorMessage()));
            return null;
        }
        return located(new Regex(body), token);
    }

    // ---- space-delimited ----------------------------------------------------------------------------------------

    /**
     * One field of a space-delimited pattern: {@code ...}, an empty place (between two commas), a name, or a name
     * with conditions ({@code status = 4* || status = 5*}) whose comparisons all test that same field.
     */
    private DelimitedField field(FilterParser.DelimitedFieldContext ctx) {
        if (ctx instanceof FilterParser.EllipsisFieldContext) {
            return located(new DelimitedField.Ellipsis(), ctx);
        }
        if (ctx instanceof FilterParser.EmptyFieldContext) {
            DelimitedField.Unnamed unnamed = new DelimitedField.Unnamed();
            spans.put(unnamed, new SourceSpan(source.start(ctx.getStart()), source.start(ctx.getStart())));
            return unnamed;
        }
        if (ctx instanceof FilterParser.PlainFieldContext plain) {
            String name = fieldName(plain.fieldName());
            return name == null ? null : located(DelimitedField.Named.of(name), ctx);
        }
        FilterParser.FieldOrContext or = ((FilterParser.ConditionFieldContext) ctx).fieldOr();
        FilterParser.FieldNameContext first = or.fieldAnd(0).fieldComparison(0).fieldName();
        String name = fieldName(first);
        if (name == null) {
            return null;
        }
        FieldCondition condition = condition(name, or);
        return condition == null ? null : located(DelimitedField.Named.of(name, condition), ctx);
    }

    private String fieldName(FilterParser.FieldNameContext ctx) {
        String name = ctx.getText();
        if (!Lexical.isFieldName(name)) {
            issue(ctx, "invalid field name " + SyntaxErrors.quote(name) + ": field names hold letters, digits, '_'"
                    + " and '-', and are not only digits");
            return null;
        }
        return name;
    }

    private FieldCondition condition(String name, FilterParser.FieldOrContext ctx) {
        List<FieldCondition> operands = new ArrayList<>();
        boolean complete = true;
        for (FilterParser.FieldAndContext andCtx : ctx.fieldAnd()) {
            List<FieldComparison> comparisons = new ArrayList<>();
            for (FilterParser.FieldComparisonContext cmpCtx : andCtx.fieldComparison()) {
                FieldComparison comparison = comparison(name, cmpCtx);
                complete &= comparison != null;
                comparisons.add(comparison);
            }
            if (complete) {
                operands.add(comparisons.size() == 1 ? comparisons.get(0) : located(new FieldAnd(comparisons), andCtx));
            }
        }
        if (!complete) {
            return null;
        }
        return operands.size() == 1 ? operands.get(0) : located(new FieldOr(operands), ctx);
    }

    private FieldComparison comparison(String name, FilterParser.FieldComparisonContext ctx) {
        String other = ctx.fieldName().getText();
        if (!other.equals(name)) {
            issue(ctx.fieldName(), "field '" + name + "' has a condition on " + SyntaxErrors.quote(other)
                    + ": the conditions of a field can only test that field");
            return null;
        }
        ComparisonOperator operator = operator(ctx.comparisonOperator());
        Value value = value(ctx.value(), operator);
        return value == null ? null : located(new FieldComparison(operator, value), ctx);
    }

    /** CloudWatch's limit on regular expressions, counted over every field's conditions in source order. */
    private void checkDelimitedLimits(List<DelimitedField> fields) {
        int regexes = 0;
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i) instanceof DelimitedField.Named named && named.condition().isPresent()) {
                List<FieldComparison> comparisons = new ArrayList<>();
                collectComparisons(named.condition().get(), comparisons);
                for (FieldComparison comparison : comparisons) {
                    if (comparison.value() instanceof Regex regex && ++regexes == ParseLimits.MAX_REGEXES + 1) {
                        issueAt(regex, "too many regular expressions: CloudWatch allows " + ParseLimits.MAX_REGEXES
                                + " in a space-delimited pattern");
                    }
                }
            }
        }
    }

    private static void collectComparisons(FieldCondition condition, List<FieldComparison> out) {
        if (condition instanceof FieldOr or) {
            or.operands().forEach(operand -> collectComparisons(operand, out));
        } else if (condition instanceof FieldAnd and) {
            out.addAll(and.operands());
        } else {
            out.add((FieldComparison) condition);
        }
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    /** Records where the node was written, for issues found later (limits) and for {@code explain()}. */
    private <T> T located(T node, ParserRuleContext ctx) {
        spans.put(node, source.span(ctx));
        return node;
    }

    private <T> T located(T node, Token token) {
        spans.put(node, source.span(token));
        return node;
    }

    private void issue(Token token, String message) {
        int start = source.start(token);
        issues.add(new Issue(start, Math.max(1, source.end(token) - start), message));
    }

    private void issue(ParserRuleContext ctx, String message) {
        SourceSpan span = source.span(ctx);
        issues.add(new Issue(span.start(), Math.max(1, span.end() - span.start()), message));
    }

    private void issueAt(Object node, String message) {
        SourceSpan span = spans.get(node);
        issues.add(new Issue(span.start(), Math.max(1, span.end() - span.start()), message));
    }

    private static String describe(char c) {
        return Character.isISOControl(c) || Character.isWhitespace(c) ? String.format("U+%04X", (int) c)
                : "'" + c + "'";
    }
}
