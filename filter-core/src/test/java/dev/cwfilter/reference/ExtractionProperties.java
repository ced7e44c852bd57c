package dev.cwfilter.reference;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cwfilter.FilterOptions;
import dev.cwfilter.MetricFilter;
import dev.cwfilter.MetricFilterMatchRecord;
import dev.cwfilter.ast.DelimitedPattern;
import dev.cwfilter.ast.PatternPrinter;
import dev.cwfilter.propcheck.Gen;
import dev.cwfilter.propcheck.PropCheck;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What TestMetricFilter extracts from a space-delimited event ({@code $name} for named fields, {@code $N} for
 * unnamed and {@code ...}-covered ones, in event order) is what the reference tokenizer extracts, with and without
 * {@code exactFieldCount}; and term, regex and JSON patterns extract nothing from the events they match.
 */
class ExtractionProperties {

    private static final Gen<DelimitedPattern> PATTERNS = ReferenceGenerators.delimitedPatterns();
    private static final Gen<String> EVENTS = ReferenceGenerators.delimitedEvents().filter(e -> !e.isEmpty());

    @Test
    void extraction() {
        PropCheck.tries(2000).forAll(PATTERNS, EVENTS,
                (pattern, event) -> extractionAgrees(pattern, event, FilterOptions.defaults()));
    }

    @Test
    void extractionWithExactFieldCount() {
        PropCheck.tries(1000).forAll(PATTERNS, EVENTS, (pattern, event) -> extractionAgrees(pattern, event,
                FilterOptions.builder().exactFieldCount(true).build()));
    }

    @Test
    void otherSyntaxesExtractNothing() {
        Gen<ReferenceGenerators.Case> otherCases = ReferenceGenerators.anyCases()
                .filter(c -> !(c.pattern() instanceof DelimitedPattern) && !c.event().isEmpty());
        PropCheck.tries(1000).forAll(otherCases, c -> {
            List<MetricFilterMatchRecord> matches = MetricFilter.builder()
                    .filterPattern(PatternPrinter.print(c.pattern())).build()
                    .test(List.of(c.event())).matches();
            matches.forEach(m -> assertThat(m.extractedValues()).as("%s", c).isEmpty());
        });
    }

    private static void extractionAgrees(DelimitedPattern pattern, String event, FilterOptions options) {
        String text = PatternPrinter.print(pattern);
        Optional<Map<String, String>> expected = new ReferenceEvaluator(options).extract(pattern, event);
        List<MetricFilterMatchRecord> matches = MetricFilter.builder().filterPattern(text).options(options).build()
                .test(List.of(event)).matches();
        String what = String.format("%s on %s with %s", text, Show.quoted(event), options);
        if (expected.isEmpty()) {
            assertThat(matches).as(what).isEmpty();
            return;
        }
        assertThat(matches).as(what).hasSize(1);
        assertThat(new ArrayList<>(matches.get(0).extractedValues().entrySet())).as(what)
                .isEqualTo(new ArrayList<>(expected.get().entrySet()));
    }
}
