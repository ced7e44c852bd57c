package dev.cwfilter.reference;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cwfilter.FilterPattern;
import dev.cwfilter.ast.JsonAnd;
import dev.cwfilter.ast.JsonExpression;
import dev.cwfilter.ast.JsonOr;
import dev.cwfilter.ast.JsonPattern;
import dev.cwfilter.ast.Pattern;
import dev.cwfilter.ast.PatternPrinter;
import dev.cwfilter.ast.Term;
import dev.cwfilter.ast.TermKind;
import dev.cwfilter.ast.TermPattern;
import dev.cwfilter.propcheck.Gen;
import dev.cwfilter.propcheck.PropCheck;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The boolean laws the library's answers must obey, checked on the library alone (no reference involved).
 *
 * <p>JSON: {@code { P || Q }} matches iff {@code { P }} or {@code { Q }} does, and {@code { P && Q }} iff both do.
 *
 * <p>Terms: concatenating term lists is not plain conjunction, because {@code ?} terms are ignored as soon as any
 * plain or {@code -} term is present (SEMANTICS.md 2.2). The laws that do hold, for every term, blank and empty ones
 * included (SEMANTICS.md O1: a quoted blank term is an ordinary substring, and {@code ""} occurs in every message):
 * <ul>
 *   <li>plain and {@code -} terms conjoin: {@code A B} matches iff {@code A} and {@code B} do;</li>
 *   <li>{@code ?} terms disjoin: {@code ?a ?b} matches iff {@code ?a} or {@code ?b} does;</li>
 *   <li>{@code ?} terms beside a plain or {@code -} term change nothing: {@code A ?b} matches iff {@code A} does;</li>
 *   <li>De Morgan: {@code -a -b} matches iff {@code ?a ?b} does not.</li>
 * </ul>
 * A conjunction law for arbitrary term lists would be false ({@code ?x} and {@code y} each match {@code "x y"}, and
 * so does {@code ?x y}, but {@code ?x} and {@code -y} do not conjoin: {@code ?x -y} ignores {@code ?x}).
 */
class DeMorganProperties {

    private static final Gen<List<Term>> PLAIN_TERMS = terms(Gen.elements(TermKind.REQUIRED, TermKind.EXCLUDED));
    private static final Gen<List<Term>> OPTIONAL_TERMS = terms(Gen.constant(TermKind.OPTIONAL));
    private static final Gen<String> EVENTS = ReferenceGenerators.termEvents();

    @Test
    void deMorganForJson() {
        PropCheck.tries(1500).forAll(ReferenceGenerators.jsonPairs(), pair -> {
            boolean p = matches(new JsonPattern(pair.p()), pair.event());
            boolean q = matches(new JsonPattern(pair.q()), pair.event());
            JsonExpression or = JsonOr.of(pair.p(), pair.q());
            JsonExpression and = JsonAnd.of(pair.p(), pair.q());
            assertThat(matches(new JsonPattern(or), pair.event())).as("P || Q for %s", pair).isEqualTo(p || q);
            assertThat(matches(new JsonPattern(and), pair.event())).as("P && Q for %s", pair).isEqualTo(p && q);
        });
    }

    @Test
    void plainAndExcludedTermsConjoin() {
        PropCheck.tries(1000).forAll(PLAIN_TERMS, PLAIN_TERMS, EVENTS, (a, b, event) -> {
            assertThat(matches(concat(a, b), event)).as("%s on %s", print(concat(a, b)), Show.quoted(event))
                    .isEqualTo(matches(new TermPattern(a), event) && matches(new TermPattern(b), event));
        });
    }

    @Test
    void optionalTermsDisjoin() {
        PropCheck.tries(1000).forAll(OPTIONAL_TERMS, OPTIONAL_TERMS, EVENTS, (a, b, event) -> {
            assertThat(matches(concat(a, b), event)).as("%s on %s", print(concat(a, b)), Show.quoted(event))
                    .isEqualTo(matches(new TermPattern(a), event) || matches(new TermPattern(b), event));
        });
    }

    @Test
    void optionalTermsBesidePlainTermsAreIgnored() {
        PropCheck.tries(1000).forAll(PLAIN_TERMS, OPTIONAL_TERMS, EVENTS, (a, b, event) -> {
            assertThat(matches(concat(b, a), event)).as("%s on %s", print(concat(b, a)), Show.quoted(event))
                    .isEqualTo(matches(new TermPattern(a), event));
        });
    }

    @Test
    void excludingEveryTermIsNotMatchingAny() {
        PropCheck.tries(1000).forAll(OPTIONAL_TERMS, EVENTS, (optional, event) -> {
            TermPattern excluded = new TermPattern(optional.stream()
                    .map(t -> new Term(TermKind.EXCLUDED, t.text(), t.quoted())).toList());
            assertThat(matches(excluded, event)).as("%s on %s", print(excluded), Show.quoted(event))
                    .isEqualTo(!matches(new TermPattern(optional), event));
        });
    }

    private static Gen<List<Term>> terms(Gen<TermKind> kinds) {
        Gen<Term> term = Gen.zip(kinds, ReferenceGenerators.terms(), (kind, t) -> new Term(kind, t.text(), t.quoted()));
        return Gen.listOf(term, 1, 3);
    }

    private static TermPattern concat(List<Term> a, List<Term> b) {
        List<Term> all = new ArrayList<>(a);
        all.addAll(b);
        return new TermPattern(all);
    }

    private static String print(Pattern pattern) {
        return PatternPrinter.print(pattern);
    }

    private static boolean matches(Pattern pattern, String event) {
        return FilterPattern.compile(PatternPrinter.print(pattern)).matches(event);
    }
}
