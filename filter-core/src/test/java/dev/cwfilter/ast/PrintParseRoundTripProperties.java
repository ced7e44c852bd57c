package dev.cwfilter.ast;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cwfilter.FilterPattern;
import dev.cwfilter.ParsedPattern;
import dev.cwfilter.propcheck.Gen;
import dev.cwfilter.propcheck.PropCheck;
import org.junit.jupiter.api.Test;

/** Laws of the printer: what it prints parses back to the same tree, and printing is idempotent. */
class PrintParseRoundTripProperties {

    private static final Gen<Pattern> PATTERNS = AstGenerators.patterns();

    @Test
    void parsingThePrintedTreeGivesTheSameTree() {
        PropCheck.tries(1500).forAll(PATTERNS, ast -> {
            String text = PatternPrinter.print(ast);
            ParsedPattern parsed = FilterPattern.parse(text);
            assertThat(parsed.errors()).as("errors of %s", text).isEmpty();
            assertThat(parsed.ast()).as(text).contains(ast);
        });
    }

    @Test
    void printingIsIdempotent() {
        PropCheck.tries(1000).forAll(PATTERNS, ast -> {
            String once = PatternPrinter.print(ast);
            String twice = PatternPrinter.print(FilterPattern.compile(once).ast());
            assertThat(twice).isEqualTo(once);
        });
    }

    @Test
    void compiledPatternsRenderTheirCanonicalText() {
        PropCheck.tries(500).forAll(PATTERNS, ast -> {
            FilterPattern pattern = FilterPattern.compile(PatternPrinter.print(ast));
            assertThat(pattern.toString()).isEqualTo(PatternPrinter.print(ast));
            assertThat(FilterPattern.compile(pattern.toString())).isEqualTo(pattern);
        });
    }
}
