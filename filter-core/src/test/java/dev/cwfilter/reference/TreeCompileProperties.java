package dev.cwfilter.reference;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cwfilter.FilterOptions;
import dev.cwfilter.FilterPattern;
import dev.cwfilter.FilterPatternException;
import dev.cwfilter.ast.AstGenerators;
import dev.cwfilter.ast.ComparisonOperator;
import dev.cwfilter.ast.DelimitedField;
import dev.cwfilter.ast.DelimitedPattern;
import dev.cwfilter.ast.FieldComparison;
import dev.cwfilter.ast.FieldOr;
import dev.cwfilter.ast.JsonAnd;
import dev.cwfilter.ast.JsonComparison;
import dev.cwfilter.ast.JsonExpression;
import dev.cwfilter.ast.JsonOr;
import dev.cwfilter.ast.JsonPattern;
import dev.cwfilter.ast.JsonTest;
import dev.cwfilter.ast.JsonTestKind;
import dev.cwfilter.ast.NumberValue;
import dev.cwfilter.ast.Pattern;
import dev.cwfilter.ast.PatternPrinter;
import dev.cwfilter.ast.Regex;
import dev.cwfilter.ast.RegexPattern;
import dev.cwfilter.ast.Selector;
import dev.cwfilter.ast.SelectorStep;
import dev.cwfilter.ast.StringValue;
import dev.cwfilter.ast.Term;
import dev.cwfilter.ast.TermKind;
import dev.cwfilter.ast.TermPattern;
import dev.cwfilter.propcheck.Gen;
import dev.cwfilter.propcheck.PropCheck;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Compiling a syntax tree as it is ({@code FilterPattern.compile(tree, options)}, which checks the tree by walking it)
 * gives the pattern that compiling the tree's printed text gives: the same answers for every event, as a
 * {@code String} and as bytes (malformed bytes included), the same explanations, text and equality; and a tree whose
 * text the parser rejects fails with the same exception, the same issues at the same offsets. Trees come from the
 * reference and AST generators, some spoiled so that they break a rule (a bare term's characters, an invalid regular
 * expression, too many regular expressions or wildcards, a selector too long), under options whose length and
 * nesting limits fall on either side of the tree's text.
 */
class TreeCompileProperties {

    private static final Gen<ReferenceGenerators.Case> CASES = Gen.oneOf(
            ReferenceGenerators.anyCases(),
            Gen.zip(AstGenerators.patterns(), ReferenceGenerators.anyCases(),
                    (pattern, other) -> new ReferenceGenerators.Case(pattern, other.event())));

    @Test
    void compilingATreeAsItIsGivesWhatCompilingItsTextGives() {
        int[] outcomes = new int[3];
        PropCheck.tries(3000).forAll(CASES.flatMap(TreeCompileProperties::spoiled), Gen.integers(0, 9),
                Gen.integers(-2, 1), (c, optionKind, slack) -> {
                    Pattern tree = c.pattern();
                    String text = PatternPrinter.print(tree);
                    FilterOptions options = options(optionKind, slack, text);
                    Object fromText = compile(() -> FilterPattern.compile(text, options));
                    Object fromTree = compile(() -> FilterPattern.compile(tree, options));
                    if (fromTree instanceof IllegalArgumentException e && !(e instanceof FilterPatternException)) {
                        // Documented: && and || nested deeper than maxNestingDepth + 1 are refused before any text.
                        assertThat(e).hasMessageContaining("levels deep");
                        outcomes[2]++;
                        return;
                    }
                    if (fromText instanceof FilterPatternException expected) {
                        assertThat(fromTree).as("%s under %s", text, options)
                                .isInstanceOf(FilterPatternException.class);
                        FilterPatternException actual = (FilterPatternException) fromTree;
                        assertThat(actual.getMessage()).isEqualTo(expected.getMessage());
                        assertThat(actual.pattern()).isEqualTo(expected.pattern());
                        assertThat(actual.issues()).isEqualTo(expected.issues());
                        outcomes[0]++;
                        return;
                    }
                    assertThat(fromTree).as("%s under %s", text, options).isInstanceOf(FilterPattern.class);
                    FilterPattern expected = (FilterPattern) fromText;
                    FilterPattern actual = (FilterPattern) fromTree;
                    assertThat(actual).isEqualTo(expected);
                    assertThat(actual.ast()).isEqualTo(tree);
                    assertThat(actual.toString()).isEqualTo(expected.toString());
                    assertThat(actual.source()).isEqualTo(text);
                    String event = c.event();
                    assertThat(actual.matches(event)).as("%s on %s", text, event).isEqualTo(expected.matches(event));
                    for (byte[] bytes : List.of(event.getBytes(StandardCharsets.UTF_8), malformed(event))) {
                        assertThat(actual.matches(bytes, 0, bytes.length)).as("%s on bytes of %s", text, event)
                                .isEqualTo(expected.matches(bytes, 0, bytes.length));
                    }
                    assertThat(actual.explain(event)).isEqualTo(expected.explain(event));
                    outcomes[1]++;
                });
        assertThat(outcomes[0]).as("trees that break a rule").isGreaterThan(300);
        assertThat(outcomes[1]).as("trees compiled").isGreaterThan(1000);
    }

    private static Object compile(java.util.function.Supplier<FilterPattern> compile) {
        try {
            return compile.get();
        } catch (IllegalArgumentException e) {
            return e;
        }
    }

    /**
     * The defaults mostly; sometimes a length limit just around the text's length, a nesting limit of 1 or 2, or
     * lenient term characters.
     */
    private static FilterOptions options(int kind, int slack, String text) {
        int length = text.codePointCount(0, text.length());
        return switch (kind) {
            case 0, 1 -> FilterOptions.builder().maxPatternLength(Math.max(1, length + slack)).build();
            case 2 -> FilterOptions.builder().maxNestingDepth(slack < 0 ? 1 : 2).build();
            case 3 -> FilterOptions.builder().lenientTermCharacters(true).build();
            default -> FilterOptions.defaults();
        };
    }

    /** The event's bytes with a byte that is never UTF-8 (it decodes to U+FFFD) inside. */
    private static byte[] malformed(String event) {
        byte[] utf8 = event.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[utf8.length + 1];
        int at = utf8.length / 2;
        System.arraycopy(utf8, 0, out, 0, at);
        out[at] = (byte) 0xFF;
        System.arraycopy(utf8, at, out, at + 1, utf8.length - at);
        return out;
    }

    /** The case as it is, or with its tree changed so that it (usually) breaks one rule of the text. */
    private static Gen<ReferenceGenerators.Case> spoiled(ReferenceGenerators.Case c) {
        Gen<Pattern> tree = Gen.frequency(Gen.weighted(3, Gen.constant(c.pattern())),
                Gen.weighted(2, spoilers(c.pattern())));
        return tree.map(p -> new ReferenceGenerators.Case(p, c.event()));
    }

    private static final Gen<Regex> BAD_REGEXES = Gen.elements("(", "a{2", "[z-a]", "\\q", "a**", "x\uD800", "(?i)a")
            .map(Regex::new);

    private static Gen<Pattern> spoilers(Pattern pattern) {
        if (pattern instanceof TermPattern terms) {
            Gen<Term> odd = Gen.oneOf(
                    Gen.elements("a.b", "x/y", "\u00e9t\u00e9", "a@b", "k=v", "a-b", "a:b", "0.5")
                            .map(t -> new Term(TermKind.REQUIRED, t, false)),
                    Gen.elements("\uFFFD", "a\uFFFDb").map(t -> new Term(TermKind.OPTIONAL, t, true)));
            return odd.map(t -> {
                List<Term> all = new ArrayList<>(terms.terms());
                all.add(t);
                return new TermPattern(all);
            });
        }
        if (pattern instanceof RegexPattern) {
            return BAD_REGEXES.map(RegexPattern::new);
        }
        if (pattern instanceof JsonPattern json) {
            Gen<List<JsonExpression>> extra = Gen.oneOf(
                    Gen.integers(1, 3).map(n -> Collections.nCopies(n, (JsonExpression) new JsonComparison(
                            Selector.of("r"), ComparisonOperator.EQ, new Regex("a+")))),
                    Gen.integers(1, 4).map(n -> Collections.nCopies(n, (JsonExpression) new JsonTest(
                            new Selector(List.of(new SelectorStep.Property("w"), new SelectorStep.AnyProperty())),
                            JsonTestKind.IS_NULL))),
                    BAD_REGEXES.map(r -> List.of(new JsonComparison(Selector.of("b"), ComparisonOperator.NE, r))),
                    Gen.elements(511, 512, 513).map(n -> List.of(new JsonTest(steps(n), JsonTestKind.NOT_EXISTS))),
                    Gen.constant(List.of(new JsonComparison(new Selector(List.of(new SelectorStep.AnyProperty(),
                            new SelectorStep.AnyIndex())), ComparisonOperator.EQ, new NumberValue("1")))),
                    Gen.constant(List.of(new JsonComparison(Selector.of("f"), ComparisonOperator.EQ,
                            new StringValue("\uFFFD", true)))));
            return Gen.zip(extra, Gen.booleans(), (more, or) -> {
                List<JsonExpression> all = new ArrayList<>();
                all.add(json.expression());
                all.addAll(more);
                return new JsonPattern(or ? new JsonOr(List.of(new JsonAnd(all), new JsonTest(Selector.of("o"),
                        JsonTestKind.IS_TRUE))) : new JsonAnd(all));
            });
        }
        if (pattern instanceof DelimitedPattern delimited
                && delimited.fields().stream().noneMatch(f -> f instanceof DelimitedField.Named n
                && n.name().equals("zq"))) {
            Gen<FieldComparison> regex = Gen.oneOf(Gen.constant(new Regex("b")), BAD_REGEXES)
                    .map(r -> new FieldComparison(ComparisonOperator.EQ, r));
            return Gen.listOf(regex, 2, 3).map(comparisons -> {
                List<DelimitedField> fields = new ArrayList<>(delimited.fields());
                fields.add(DelimitedField.Named.of("zq", new FieldOr(new ArrayList<>(comparisons))));
                return new DelimitedPattern(fields);
            });
        }
        return Gen.constant(pattern);
    }

    /** A selector of {@code n} steps, {@code $.s[0][0]...}. */
    private static Selector steps(int n) {
        List<SelectorStep> steps = new ArrayList<>();
        steps.add(new SelectorStep.Property("s"));
        while (steps.size() < n) {
            steps.add(new SelectorStep.Index(0));
        }
        return new Selector(steps);
    }
}
