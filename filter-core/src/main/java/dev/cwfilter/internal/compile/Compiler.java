package dev.cwfilter.internal.compile;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.StreamReadConstraints;
import dev.cwfilter.ast.ComparisonOperator;
import dev.cwfilter.ast.DelimitedField;
import dev.cwfilter.ast.DelimitedPattern;
import dev.cwfilter.ast.FieldAnd;
import dev.cwfilter.ast.FieldComparison;
import dev.cwfilter.ast.FieldOr;
import dev.cwfilter.ast.JsonAnd;
import dev.cwfilter.ast.JsonComparison;
import dev.cwfilter.ast.JsonExpression;
import dev.cwfilter.ast.JsonOr;
import dev.cwfilter.ast.JsonPattern;
import dev.cwfilter.ast.JsonTest;
import dev.cwfilter.ast.JsonTestKind;
import dev.cwfilter.ast.MatchAll;
import dev.cwfilter.ast.NumberValue;
import dev.cwfilter.ast.Pattern;
import dev.cwfilter.ast.Regex;
import dev.cwfilter.ast.RegexPattern;
import dev.cwfilter.ast.Selector;
import dev.cwfilter.ast.SelectorStep;
import dev.cwfilter.ast.StringValue;
import dev.cwfilter.ast.TermPattern;
import dev.cwfilter.ast.Value;
import dev.cwfilter.ast.SourceSpan;
import dev.cwfilter.internal.eval.Clause;
import dev.cwfilter.internal.eval.DelimitedMatcher;
import dev.cwfilter.internal.eval.EventMatcher;
import dev.cwfilter.internal.eval.MatchAllMatcher;
import dev.cwfilter.internal.eval.RegexMatcher;
import dev.cwfilter.internal.eval.TermMatcher;
import dev.cwfilter.internal.eval.json.EventJsonFactory;
import dev.cwfilter.internal.eval.json.JsonMatcher;
import dev.cwfilter.internal.eval.json.JsonMatcherBuilder;
import dev.cwfilter.internal.eval.json.JsonTests;
import dev.cwfilter.internal.eval.prefilter.Prefilter;
import dev.cwfilter.internal.eval.search.RegexProgram;
import dev.cwfilter.internal.eval.value.FieldCondition;
import dev.cwfilter.internal.eval.value.NumberTest;
import dev.cwfilter.internal.eval.value.RegexTest;
import dev.cwfilter.internal.eval.value.TextTest;
import dev.cwfilter.internal.eval.value.ValueTest;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Compiles a syntax tree into a matcher tree with every constant precomputed: numbers parsed once, strings encoded
 * once, wildcards turned into specialised comparisons, regular expressions compiled once into linear-time programs,
 * JSON selectors merged into one trie, and the literals every match must contain collected into a prefilter.
 *
 * <p>Stateless and thread-safe.
 */
public final class Compiler {

    private Compiler() {
    }

    /**
     * The matcher of a (valid) pattern.
     *
     * @param ast     the pattern
     * @param options what the matchers need from the options
     * @param spans   where each node of the tree was written (null where unknown), for explanations
     */
    public static EventMatcher compile(Pattern ast, EvalOptions options, Function<Object, SourceSpan> spans) {
        if (ast instanceof MatchAll) {
            return new MatchAllMatcher();
        }
        if (ast instanceof TermPattern terms) {
            return new TermMatcher(terms.terms().stream()
                    .map(t -> new TermMatcher.Term(t.kind(), t.text(), new Clause(t, spans.apply(t))))
                    .toList());
        }
        if (ast instanceof RegexPattern regex) {
            return new RegexMatcher(RegexProgram.compile(regex.regex().source()),
                    new Clause(ast, spans.apply(ast)));
        }
        if (ast instanceof JsonPattern json) {
            return json(json, options, spans);
        }
        return delimited((DelimitedPattern) ast, options, spans);
    }

    // ---- JSON -------------------------------------------------------------------------------------------------

    private static EventMatcher json(JsonPattern pattern, EvalOptions options, Function<Object, SourceSpan> spans) {
        JsonMatcherBuilder builder = new JsonMatcherBuilder();
        add(pattern.expression(), builder, spans);
        List<String> names = new ArrayList<>();
        List<String> values = new ArrayList<>();
        List<JsonExpression> conjuncts = pattern.expression() instanceof JsonAnd and ? and.operands()
                : List.of(pattern.expression());
        for (JsonExpression conjunct : conjuncts) {
            jsonLiterals(conjunct, names, values);
        }
        // A compared value is what selects events; a property name is in nearly every event of a log group, so
        // scanning for it costs a pass and rejects little. Names are scanned for only when no value is required.
        return builder.build(Prefilter.preferring(values, names, true), jsonFactoryFor(options),
                options.lenientJsonPrefix());
    }

    /**
     * One matcher for many JSON patterns compiled with the same options: one trie for all their selectors (and the
     * captured selectors), one leaf per distinct clause, one formula per pattern (formula {@code i} is pattern
     * {@code i}; capture slots are numbered in the order of {@code captures}). It has no prefilter: the walk is the
     * set's one pass over the event, and a pattern whose values the event lacks costs only the tests of the values
     * its selectors reach.
     */
    public static JsonMatcher jsonSet(List<JsonPattern> patterns, List<Selector> captures, EvalOptions options) {
        JsonMatcherBuilder builder = new JsonMatcherBuilder();
        Function<Object, SourceSpan> noSpans = node -> null;
        for (JsonPattern pattern : patterns) {
            add(pattern.expression(), builder, noSpans);
            builder.endFormula();
        }
        captures.forEach(builder::capture);
        return builder.build(Prefilter.NONE, jsonFactoryFor(options), options.lenientJsonPrefix());
    }

    private static int add(JsonExpression expression, JsonMatcherBuilder builder, Function<Object, SourceSpan> spans) {
        if (expression instanceof JsonAnd and) {
            return builder.and(and.operands().stream().map(o -> add(o, builder, spans)).toList());
        }
        if (expression instanceof JsonOr or) {
            return builder.or(or.operands().stream().map(o -> add(o, builder, spans)).toList());
        }
        Clause clause = new Clause(expression, spans.apply(expression));
        if (expression instanceof JsonComparison comparison) {
            return builder.leaf(comparison.selector(), valueTest(comparison.operator(), comparison.value()), false,
                    clause);
        }
        JsonTest test = (JsonTest) expression;
        return switch (test.kind()) {
            case IS_NULL -> builder.leaf(test.selector(), JsonTests.isNull(), false, clause);
            case IS_TRUE -> builder.leaf(test.selector(), JsonTests.isBoolean(true), false, clause);
            case IS_FALSE -> builder.leaf(test.selector(), JsonTests.isBoolean(false), false, clause);
            case NOT_EXISTS -> builder.leaf(test.selector(), JsonTests.exists(), true, clause);
        };
    }

    /**
     * Literals a conjunct needs in the raw text: its selector's property names (as quoted keys, into {@code names})
     * unless it is
     * {@code NOT EXISTS}, and the literal part of an {@code =} string comparison, quoted as a JSON string spells it
     * unless a number could spell it ({@link #asSpelled}; into {@code values}).
     */
    private static void jsonLiterals(JsonExpression conjunct, List<String> names, List<String> values) {
        if (conjunct instanceof JsonTest test && test.kind() == JsonTestKind.NOT_EXISTS) {
            return;
        }
        if (!(conjunct instanceof JsonComparison) && !(conjunct instanceof JsonTest)) {
            return;
        }
        var selector = conjunct instanceof JsonComparison c ? c.selector() : ((JsonTest) conjunct).selector();
        for (SelectorStep step : selector.steps()) {
            if (step instanceof SelectorStep.Property property && spelledVerbatim(property.name())) {
                names.add("\"" + property.name() + "\"");
            }
        }
        if (conjunct instanceof JsonComparison c && c.operator() == ComparisonOperator.EQ
                && c.value() instanceof StringValue) {
            TextTest text = (TextTest) valueTest(c.operator(), c.value());
            if (text.shape() != TextTest.Shape.ANY && spelledVerbatim(text.literal())) {
                values.add(asSpelled(text));
            }
        }
    }

    /**
     * The text every JSON string the test accepts is spelled with in the raw event, unescaped: the literal with the
     * quotes its shape pins ({@code "false"} for {@code = "false"}, {@code "Get} for {@code = "Get*"}), since only a
     * JSON string can equal a text that no number token can spell (a number's text holds only digits, signs, points
     * and exponents, SEMANTICS.md O2, O4); the literal alone if a number could spell it ({@code = "400"} matches the
     * number 400) or the test looks inside the text ({@code "*Get*"}). The quotes make the literal rarer: {@code false}
     * is in most CloudTrail events as a boolean, {@code "false"} only where a string holds it.
     */
    private static String asSpelled(TextTest text) {
        String literal = text.literal();
        if (SetLiterals.numberLike(literal)) {
            return literal;
        }
        return switch (text.shape()) {
            case EXACT -> "\"" + literal + "\"";
            case PREFIX -> "\"" + literal;
            case SUFFIX -> literal + "\"";
            default -> literal;
        };
    }

    /** Whether JSON text holds the string as is, unescaped (else it would hold a backslash, voiding the prefilter). */
    private static boolean spelledVerbatim(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == '"' || c == '\\') {
                return false;
            }
        }
        return true;
    }

    /** A JSON factory whose stream constraints carry the event limits; one per compiled pattern. */
    public static EventJsonFactory jsonFactoryFor(EvalOptions options) {
        return new EventJsonFactory((JsonFactoryBuilder) JsonFactory.builder()
                // Only the event's size and nesting are limits; a long number or name inside an event within them
                // is valid JSON and must not stop the event from matching.
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(options.maxEventNestingDepth())
                        .maxStringLength(Math.max(options.maxEventBytes(), 1))
                        .maxNumberLength(Math.max(options.maxEventBytes(), 1))
                        .maxNameLength(Math.max(options.maxEventBytes(), 1))
                        .maxDocumentLength(Math.max(options.maxEventBytes(), 1))
                        .build()));
    }

    // ---- space-delimited ------------------------------------------------------------------------------------

    private static EventMatcher delimited(DelimitedPattern pattern, EvalOptions options,
                                          Function<Object, SourceSpan> spans) {
        List<DelimitedMatcher.Field> prefix = new ArrayList<>();
        List<DelimitedMatcher.Field> suffix = new ArrayList<>();
        boolean ellipsis = pattern.fields().isEmpty();
        List<String> literals = new ArrayList<>();
        for (DelimitedField field : pattern.fields()) {
            if (field instanceof DelimitedField.Ellipsis) {
                ellipsis = true;
                continue;
            }
            DelimitedMatcher.Field compiled = field(field, literals,
                    new Clause(field, spans.apply(field)));
            (ellipsis ? suffix : prefix).add(compiled);
        }
        return new DelimitedMatcher(prefix, suffix, ellipsis, options.exactFieldCount(), Prefilter.of(literals, false));
    }

    private static DelimitedMatcher.Field field(DelimitedField field, List<String> literals, Clause clause) {
        if (!(field instanceof DelimitedField.Named named)) {
            return new DelimitedMatcher.Field(null, null, clause);
        }
        if (named.condition().isEmpty()) {
            return new DelimitedMatcher.Field(named.name(), null, clause);
        }
        dev.cwfilter.ast.FieldCondition condition = named.condition().get();
        List<List<ValueTest>> anyOf = new ArrayList<>();
        List<dev.cwfilter.ast.FieldCondition> alternatives = condition instanceof FieldOr or ? or.operands()
                : List.of(condition);
        for (dev.cwfilter.ast.FieldCondition alternative : alternatives) {
            List<FieldComparison> comparisons = alternative instanceof FieldAnd and ? and.operands()
                    : List.of((FieldComparison) alternative);
            anyOf.add(comparisons.stream().map(c -> valueTest(c.operator(), c.value())).toList());
        }
        if (anyOf.size() == 1) {
            for (ValueTest test : anyOf.get(0)) {
                if (test instanceof TextTest text && !text.negated() && text.shape() != TextTest.Shape.ANY) {
                    literals.add(text.literal());
                }
            }
        }
        return new DelimitedMatcher.Field(named.name(), new FieldCondition(anyOf), clause);
    }

    // ---- values ---------------------------------------------------------------------------------------------

    /** The test of a comparison's right-hand side. */
    public static ValueTest valueTest(ComparisonOperator operator, Value value) {
        if (value instanceof NumberValue number) {
            return new NumberTest(operator, number.text());
        }
        if (value instanceof Regex regex) {
            return new RegexTest(RegexProgram.compile(regex.source()), operator == ComparisonOperator.NE);
        }
        return new TextTest((StringValue) value, operator == ComparisonOperator.NE);
    }
}
