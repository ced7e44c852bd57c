package dev.cwfilter.ast;

import dev.cwfilter.propcheck.Gen;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Generators of valid syntax trees: every tree they produce is one CloudWatch accepts (within its limits), so that
 * printing and parsing it must give it back.
 */
public final class AstGenerators {

    private AstGenerators() {
    }

    /** Any valid pattern: match-all, terms, regex, JSON or space-delimited. */
    public static Gen<Pattern> patterns() {
        return Gen.<Pattern>frequency(
                Gen.weighted(1, Gen.constant(new MatchAll())),
                Gen.weighted(3, termPatterns()),
                Gen.weighted(2, regexes().map(r -> (Pattern) new RegexPattern(r))),
                Gen.weighted(6, jsonPatterns()),
                Gen.weighted(4, delimitedPatterns()))
                .filter(p -> PatternPrinter.print(p).codePointCount(0, PatternPrinter.print(p).length()) <= 1024);
    }

    // ---- terms ----

    public static Gen<Pattern> termPatterns() {
        return Gen.listOf(terms(), 1, 5).map(t -> (Pattern) new TermPattern(t));
    }

    static Gen<Term> terms() {
        Gen<TermKind> kinds = Gen.elements(TermKind.values());
        Gen<Term> bare = Gen.zip(kinds, bareWords(), (k, t) -> new Term(k, t, false));
        Gen<Term> quoted = Gen.zip(kinds, quotedText(), (k, t) -> new Term(k, t, true));
        return Gen.oneOf(bare, quoted);
    }

    static Gen<String> bareWords() {
        return Gen.strings("abcXYZ019_", 1, 10);
    }

    /** Text for quoted terms and values: anything, including quotes, backslashes, blanks and other scripts. */
    static Gen<String> quotedText() {
        return Gen.oneOf(
                Gen.strings("ab \"\\*:{}[]%?-,.()&|=!<>$'\t", 0, 12),
                Gen.strings(definedCodePoints(), 0, 8),
                Gen.elements("", " ", "GetSecretValue", "Ev*ent", "*Trail", "Update*", "*sso*", "\u00e9t\u00e9",
                        "\uD83D\uDE00"));
    }

    /**
     * Any assigned Unicode scalar value: mostly from the Basic Multilingual Plane (ASCII, Latin, other scripts,
     * controls), some beyond it.
     */
    static Gen<Integer> definedCodePoints() {
        return Gen.frequency(
                Gen.weighted(2, Gen.integers(0, 0x7F)),
                Gen.weighted(6, Gen.integers(0x80, 0xFFFF)),
                Gen.weighted(1, Gen.integers(0x10000, 0x10FFFF)))
                .filter(cp -> Character.isDefined(cp) && (cp < Character.MIN_SURROGATE
                        || cp > Character.MAX_SURROGATE));
    }

    // ---- regex ----

    public static Gen<Regex> regexes() {
        Gen<String> atom = Gen.elements("a", "Z", "7", ":", "_", "#", "=", "@", "/", ";", ",", "-", " ", ".",
                "\\d", "\\D", "\\s", "\\S", "\\w", "\\W", "\\x3A", "\\.", "\\[", "\\]", "\\*", "\\\\", "[a-z]",
                "[^0-9]", "[\\d_]", "[A-Fa-f0-9-]", "[.*]");
        Gen<String> quantifier = Gen.elements("", "", "", "*", "+", "?", "{2}", "{1,3}", "{2,}", "{,3}", "*?");
        Gen<String> piece = Gen.zip(atom, quantifier, String::concat);
        Gen<String> pieces = Gen.listOf(piece, 1, 4).map(l -> String.join("", l));
        Gen<String> start = Gen.elements("", "", "^");
        Gen<String> end = Gen.elements("", "", "$");
        Gen<String> branch = random -> start.generate(random) + pieces.generate(random) + end.generate(random);
        return Gen.listOf(branch, 1, 3).map(l -> new Regex(String.join("|", l)));
    }

    // ---- values ----

    static Gen<Value> values() {
        return Gen.oneOf(numbers(), quotedStrings(), bareStrings(), regexes().map(r -> (Value) r));
    }

    static Gen<Value> numbers() {
        Gen<String> sign = Gen.elements("", "", "-", "+");
        Gen<String> digits = Gen.strings("0123456789", 1, 6);
        Gen<String> fraction = Gen.oneOf(Gen.constant(""), Gen.strings("0123456789", 1, 3).map(f -> "." + f));
        Gen<String> exponent = Gen.elements("", "", "e3", "E-2", "e+10");
        return random -> new NumberValue(sign.generate(random) + digits.generate(random) + fraction.generate(random)
                + exponent.generate(random));
    }

    static Gen<Value> quotedStrings() {
        return quotedText().map(t -> new StringValue(t, true));
    }

    static Gen<Value> bareStrings() {
        return Gen.oneOf(
                        Gen.strings("abcXYZ019_.*-:/@'#", 1, 12),
                        Gen.elements("123.123.*", "kms.amazonaws.com", "AccessDenied*", "NULL", "TRUE", "IS", "*",
                                "10.0.1.0", "4*", "*.html*"))
                .filter(Lexical::isBareValue)
                .map(t -> new StringValue(t, false));
    }

    static Gen<ComparisonOperator> operators() {
        return Gen.elements(ComparisonOperator.values());
    }

    // ---- JSON ----

    public static Gen<Pattern> jsonPatterns() {
        return jsonExpressions(3).map(e -> (Pattern) new JsonPattern(e)).filter(AstGenerators::withinJsonLimits);
    }

    static Gen<JsonExpression> jsonExpressions(int depth) {
        Gen<JsonExpression> leaf = Gen.oneOf(jsonComparisons(), jsonTests());
        if (depth == 0) {
            return leaf;
        }
        Gen<List<JsonExpression>> children = Gen.listOf(Gen.lazy(() -> jsonExpressions(depth - 1)), 2, 3);
        return Gen.frequency(
                Gen.weighted(3, leaf),
                Gen.weighted(1, children.map(JsonAnd::new)),
                Gen.weighted(1, children.map(JsonOr::new)));
    }

    static Gen<JsonExpression> jsonComparisons() {
        Gen<Selector> selectors = selectors();
        Gen<ComparisonOperator> operators = operators();
        Gen<Value> values = values();
        return random -> {
            Selector s = selectors.generate(random);
            ComparisonOperator op = operators.generate(random);
            Value v = values.generate(random);
            return op.isOrdering() && !(v instanceof NumberValue)
                    ? new JsonComparison(s, ComparisonOperator.EQ, v)
                    : new JsonComparison(s, op, v);
        };
    }

    static Gen<JsonExpression> jsonTests() {
        return Gen.zip(selectors(), Gen.elements(JsonTestKind.values()), JsonTest::new);
    }

    public static Gen<Selector> selectors() {
        Gen<SelectorStep> property = Gen.oneOf(
                Gen.strings("abcXYZ019_-", 1, 8).map(SelectorStep.Property::new),
                Gen.elements("cluster.name", "@timestamp", "a b", "", "x]y", "\u00fc").map(SelectorStep.Property::new));
        Gen<SelectorStep> index = Gen.integers(0, 12).map(SelectorStep.Index::new);
        Gen<SelectorStep> wildcard = Gen.elements(new SelectorStep.AnyProperty(), new SelectorStep.AnyIndex());
        Gen<SelectorStep> first = Gen.frequency(Gen.weighted(6, property),
                Gen.weighted(1, Gen.constant(new SelectorStep.AnyProperty())));
        Gen<SelectorStep> next = Gen.frequency(Gen.weighted(4, property), Gen.weighted(3, index),
                Gen.weighted(1, wildcard));
        return Gen.zip(first, Gen.listOf(next, 0, 3), (f, rest) -> {
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

    public static Gen<Pattern> delimitedPatterns() {
        Gen<Optional<FieldCondition>> condition = optional(fieldConditions(), 0.95);
        Gen<DelimitedField> named = Gen.zip(fieldNames(), condition, DelimitedField.Named::new);
        Gen<DelimitedField> field = Gen.frequency(
                Gen.weighted(6, named),
                Gen.weighted(1, Gen.constant(new DelimitedField.Ellipsis())),
                Gen.weighted(1, Gen.constant(new DelimitedField.Unnamed())));
        return Gen.listOf(field, 0, 7)
                .filter(AstGenerators::withinDelimitedLimits)
                .map(fields -> (Pattern) new DelimitedPattern(fields));
    }

    static Gen<String> fieldNames() {
        return Gen.strings("abwXYZ019_-", 1, 8).filter(Lexical::isFieldName);
    }

    static Gen<FieldCondition> fieldConditions() {
        Gen<ComparisonOperator> operators = operators();
        Gen<Value> values = values();
        Gen<FieldComparison> comparison = random -> {
            ComparisonOperator op = operators.generate(random);
            Value v = values.generate(random);
            return op.isOrdering() && !(v instanceof NumberValue)
                    ? new FieldComparison(ComparisonOperator.NE, v) : new FieldComparison(op, v);
        };
        Gen<FieldCondition> and = Gen.listOf(comparison, 2, 3).map(FieldAnd::new);
        Gen<FieldCondition> conjunct = Gen.oneOf(comparison.map(c -> (FieldCondition) c), and);
        Gen<FieldCondition> or = Gen.listOf(conjunct, 2, 3).map(FieldOr::new);
        return Gen.frequency(Gen.weighted(4, comparison.map(c -> (FieldCondition) c)),
                Gen.weighted(1, and), Gen.weighted(1, or));
    }

    /**
     * A value present with the given probability, otherwise empty; shrinks to empty.
     *
     * @param <T> the type of the value
     * @param gen the value's generator
     * @param presence how often the value is present, from 0 to 1
     * @return the generator
     */
    public static <T> Gen<Optional<T>> optional(Gen<T> gen, double presence) {
        return random -> random.nextDouble() < 1 - presence ? Optional.empty() : Optional.of(gen.generate(random));
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
                regexes += n.condition().map(AstGenerators::regexCount).orElse(0);
            }
        }
        return ellipses <= 1 && regexes <= 2;
    }

    private static int regexCount(FieldCondition c) {
        if (c instanceof FieldComparison cmp) {
            return cmp.value() instanceof Regex ? 1 : 0;
        }
        if (c instanceof FieldAnd and) {
            return and.operands().stream().mapToInt(AstGenerators::regexCount).sum();
        }
        return ((FieldOr) c).operands().stream().mapToInt(AstGenerators::regexCount).sum();
    }
}
