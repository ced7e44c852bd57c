package dev.cwfilter.ast;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Generators of valid syntax trees: every tree they produce is one CloudWatch accepts (within its limits), so that
 * printing and parsing it must give it back.
 */
public final class AstArbitraries {

    private AstArbitraries() {
    }

    /** Any valid pattern: match-all, terms, regex, JSON or space-delimited. */
    public static Arbitrary<Pattern> patterns() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(1, Arbitraries.just(new MatchAll())),
                net.jqwik.api.Tuple.of(3, termPatterns()),
                net.jqwik.api.Tuple.of(2, regexes().map(r -> (Pattern) new RegexPattern(r))),
                net.jqwik.api.Tuple.of(6, jsonPatterns()),
                net.jqwik.api.Tuple.of(4, delimitedPatterns()))
                .filter(p -> PatternPrinter.print(p).codePointCount(0, PatternPrinter.print(p).length()) <= 1024);
    }

    // ---- terms ----

    public static Arbitrary<Pattern> termPatterns() {
        return terms().list().ofMinSize(1).ofMaxSize(5).map(t -> (Pattern) new TermPattern(t));
    }

    static Arbitrary<Term> terms() {
        Arbitrary<TermKind> kinds = Arbitraries.of(TermKind.class);
        Arbitrary<Term> bare = Combinators.combine(kinds, bareWords()).as((k, t) -> new Term(k, t, false));
        Arbitrary<Term> quoted = Combinators.combine(kinds, quotedText()).as((k, t) -> new Term(k, t, true));
        return Arbitraries.oneOf(bare, quoted);
    }

    static Arbitrary<String> bareWords() {
        return Arbitraries.strings().withChars("abcXYZ019_").ofMinLength(1).ofMaxLength(10);
    }

    /** Text for quoted terms and values: anything, including quotes, backslashes, blanks and other scripts. */
    static Arbitrary<String> quotedText() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withChars("ab \"\\*:{}[]%?-,.()&|=!<>$'\t").ofMaxLength(12),
                Arbitraries.strings().all().ofMaxLength(8).filter(s -> s.codePoints().allMatch(Character::isDefined))
                        .filter(Lexical::isWellFormedUnicode),
                Arbitraries.of("", " ", "GetSecretValue", "Ev*ent", "*Trail", "Update*", "*sso*", "\u00e9t\u00e9",
                        "\uD83D\uDE00"));
    }

    // ---- regex ----

    public static Arbitrary<Regex> regexes() {
        Arbitrary<String> atom = Arbitraries.of("a", "Z", "7", ":", "_", "#", "=", "@", "/", ";", ",", "-", " ", ".",
                "\\d", "\\D", "\\s", "\\S", "\\w", "\\W", "\\x3A", "\\.", "\\[", "\\]", "\\*", "\\\\", "[a-z]",
                "[^0-9]", "[\\d_]", "[A-Fa-f0-9-]", "[.*]");
        Arbitrary<String> quantifier = Arbitraries.of("", "", "", "*", "+", "?", "{2}", "{1,3}", "{2,}", "{,3}", "*?");
        Arbitrary<String> piece = Combinators.combine(atom, quantifier).as(String::concat);
        Arbitrary<String> branch = Combinators.combine(Arbitraries.of("", "", "^"), piece.list().ofMinSize(1)
                        .ofMaxSize(4).map(l -> String.join("", l)), Arbitraries.of("", "", "$"))
                .as((a, b, c) -> a + b + c);
        return branch.list().ofMinSize(1).ofMaxSize(3).map(l -> new Regex(String.join("|", l)));
    }

    // ---- values ----

    static Arbitrary<Value> values() {
        return Arbitraries.oneOf(numbers(), quotedStrings(), bareStrings(), regexes().map(r -> (Value) r));
    }

    static Arbitrary<Value> numbers() {
        Arbitrary<String> sign = Arbitraries.of("", "", "-", "+");
        Arbitrary<String> digits = Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(6);
        Arbitrary<String> fraction = Arbitraries.oneOf(Arbitraries.just(""),
                Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(3).map(f -> "." + f));
        Arbitrary<String> exponent = Arbitraries.of("", "", "e3", "E-2", "e+10");
        return Combinators.combine(sign, digits, fraction, exponent).as((s, d, f, e) -> new NumberValue(s + d + f + e));
    }

    static Arbitrary<Value> quotedStrings() {
        return quotedText().map(t -> new StringValue(t, true));
    }

    static Arbitrary<Value> bareStrings() {
        return Arbitraries.oneOf(
                        Arbitraries.strings().withChars("abcXYZ019_.*-:/@'#").ofMinLength(1).ofMaxLength(12),
                        Arbitraries.of("123.123.*", "kms.amazonaws.com", "AccessDenied*", "NULL", "TRUE", "IS", "*",
                                "10.0.1.0", "4*", "*.html*"))
                .filter(Lexical::isBareValue)
                .map(t -> new StringValue(t, false));
    }

    static Arbitrary<ComparisonOperator> operators() {
        return Arbitraries.of(ComparisonOperator.class);
    }

    // ---- JSON ----

    public static Arbitrary<Pattern> jsonPatterns() {
        return jsonExpressions(3).map(e -> (Pattern) new JsonPattern(e)).filter(AstArbitraries::withinJsonLimits);
    }

    static Arbitrary<JsonExpression> jsonExpressions(int depth) {
        Arbitrary<JsonExpression> leaf = Arbitraries.oneOf(jsonComparisons(), jsonTests());
        if (depth == 0) {
            return leaf;
        }
        Arbitrary<List<JsonExpression>> children = Arbitraries.lazy(() -> jsonExpressions(depth - 1))
                .list().ofMinSize(2).ofMaxSize(3);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, leaf),
                net.jqwik.api.Tuple.of(1, children.map(JsonAnd::new)),
                net.jqwik.api.Tuple.of(1, children.map(JsonOr::new)));
    }

    static Arbitrary<JsonExpression> jsonComparisons() {
        return Combinators.combine(selectors(), operators(), values())
                .as((s, op, v) -> op.isOrdering() && !(v instanceof NumberValue)
                        ? new JsonComparison(s, ComparisonOperator.EQ, v)
                        : (JsonExpression) new JsonComparison(s, op, v));
    }

    static Arbitrary<JsonExpression> jsonTests() {
        return Combinators.combine(selectors(), Arbitraries.of(JsonTestKind.class)).as(JsonTest::new);
    }

    public static Arbitrary<Selector> selectors() {
        Arbitrary<SelectorStep> property = Arbitraries.oneOf(
                Arbitraries.strings().withChars("abcXYZ019_-").ofMinLength(1).ofMaxLength(8)
                        .map(SelectorStep.Property::new),
                Arbitraries.of("cluster.name", "@timestamp", "a b", "", "x]y", "\u00fc").map(SelectorStep.Property::new));
        Arbitrary<SelectorStep> index = Arbitraries.integers().between(0, 12).map(SelectorStep.Index::new);
        Arbitrary<SelectorStep> wildcard = Arbitraries.of(new SelectorStep.AnyProperty(), new SelectorStep.AnyIndex());
        Arbitrary<SelectorStep> first = Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(6, property),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(new SelectorStep.AnyProperty())));
        Arbitrary<SelectorStep> next = Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(4, property),
                net.jqwik.api.Tuple.of(3, index), net.jqwik.api.Tuple.of(1, wildcard));
        return Combinators.combine(first, next.list().ofMaxSize(3)).as((f, rest) -> {
            List<SelectorStep> steps = new ArrayList<>();
            steps.add(f);
            steps.addAll(rest);
            return new Selector(steps);
        }).filter(s -> s.wildcardCount() <= 1);
    }

    static boolean withinJsonLimits(Pattern pattern) {
        List<JsonExpression> leaves = new ArrayList<>();
        collect(((JsonPattern) pattern).expression(), leaves);
        long regexes = leaves.stream().filter(l -> l instanceof JsonComparison c && c.value() instanceof Regex).count();
        long wildcards = leaves.stream().filter(l -> selectorOf(l).wildcardCount() > 0).count();
        return regexes <= 2 && wildcards <= 3;
    }

    private static Selector selectorOf(JsonExpression leaf) {
        return leaf instanceof JsonComparison c ? c.selector() : ((JsonTest) leaf).selector();
    }

    private static void collect(JsonExpression e, List<JsonExpression> leaves) {
        if (e instanceof JsonAnd and) {
            and.operands().forEach(o -> collect(o, leaves));
        } else if (e instanceof JsonOr or) {
            or.operands().forEach(o -> collect(o, leaves));
        } else {
            leaves.add(e);
        }
    }

    // ---- space-delimited ----

    public static Arbitrary<Pattern> delimitedPatterns() {
        Arbitrary<DelimitedField> named = Combinators.combine(fieldNames(), fieldConditions().optional())
                .as((name, condition) -> new DelimitedField.Named(name, condition));
        Arbitrary<DelimitedField> field = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, named),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(new DelimitedField.Ellipsis())),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(new DelimitedField.Unnamed())));
        return field.list().ofMaxSize(7)
                .filter(AstArbitraries::withinDelimitedLimits)
                .map(fields -> (Pattern) new DelimitedPattern(fields));
    }

    static Arbitrary<String> fieldNames() {
        return Arbitraries.strings().withChars("abwXYZ019_-").ofMinLength(1).ofMaxLength(8).filter(Lexical::isFieldName);
    }

    static Arbitrary<FieldCondition> fieldConditions() {
        Arbitrary<FieldComparison> comparison = Combinators.combine(operators(), values())
                .as((op, v) -> op.isOrdering() && !(v instanceof NumberValue)
                        ? new FieldComparison(ComparisonOperator.NE, v) : new FieldComparison(op, v));
        Arbitrary<FieldCondition> and = comparison.list().ofMinSize(2).ofMaxSize(3).map(FieldAnd::new);
        Arbitrary<FieldCondition> conjunct = Arbitraries.oneOf(comparison.map(c -> (FieldCondition) c), and);
        Arbitrary<FieldCondition> or = conjunct.list().ofMinSize(2).ofMaxSize(3).map(FieldOr::new);
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(4, comparison.map(c -> (FieldCondition) c)),
                net.jqwik.api.Tuple.of(1, and), net.jqwik.api.Tuple.of(1, or));
    }

    /**
     * Whether space-delimited fields form a pattern CloudWatch accepts: not a lone unnamed field, unique names, at
     * most one {@code ...} and at most two regular expressions.
     */
    public static boolean withinDelimitedLimits(List<DelimitedField> fields) {
        if (fields.size() == 1 && fields.get(0) instanceof DelimitedField.Unnamed) {
            return false;
        }
        Set<String> names = new HashSet<>();
        int ellipses = 0;
        int regexes = 0;
        for (DelimitedField f : fields) {
            if (f instanceof DelimitedField.Ellipsis) {
                ellipses++;
            } else if (f instanceof DelimitedField.Named n) {
                if (!names.add(n.name())) {
                    return false;
                }
                regexes += n.condition().map(AstArbitraries::regexCount).orElse(0);
            }
        }
        return ellipses <= 1 && regexes <= 2;
    }

    private static int regexCount(FieldCondition c) {
        if (c instanceof FieldComparison cmp) {
            return cmp.value() instanceof Regex ? 1 : 0;
        }
        if (c instanceof FieldAnd and) {
            return and.operands().stream().mapToInt(AstArbitraries::regexCount).sum();
        }
        return ((FieldOr) c).operands().stream().mapToInt(AstArbitraries::regexCount).sum();
    }
}
