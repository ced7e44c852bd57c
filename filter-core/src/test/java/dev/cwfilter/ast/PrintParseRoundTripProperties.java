package dev.cwfilter.ast;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cwfilter.FilterPattern;
import dev.cwfilter.ParsedPattern;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Laws of the printer: what it prints parses back to the same tree, and printing is idempotent. */
class PrintParseRoundTripProperties {

    @Provide
    Arbitrary<Pattern> patterns() {
        return AstArbitraries.patterns();
    }

    @Property(tries = 1500)
    void parsingThePrintedTreeGivesTheSameTree(@ForAll("patterns") Pattern ast) {
        String text = PatternPrinter.print(ast);
        ParsedPattern parsed = FilterPattern.parse(text);
        assertThat(parsed.errors()).as("errors of %s", text).isEmpty();
        assertThat(parsed.ast()).as(text).contains(ast);
    }

    @Property(tries = 1000)
    void printingIsIdempotent(@ForAll("patterns") Pattern ast) {
        String once = PatternPrinter.print(ast);
        String twice = PatternPrinter.print(FilterPattern.compile(once).ast());
        assertThat(twice).isEqualTo(once);
    }

    @Property(tries = 500)
    void compiledPatternsRenderTheirCanonicalText(@ForAll("patterns") Pattern ast) {
        FilterPattern pattern = FilterPattern.compile(PatternPrinter.print(ast));
        assertThat(pattern.toString()).isEqualTo(PatternPrinter.print(ast));
        assertThat(FilterPattern.compile(pattern.toString())).isEqualTo(pattern);
    }
}
