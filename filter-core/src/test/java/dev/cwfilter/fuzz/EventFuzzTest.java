package dev.cwfilter.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.cwfilter.FilterOptions;
import dev.cwfilter.FilterPattern;
import dev.cwfilter.MetricFilter;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Any bytes given as an event are evaluated without an exception by a pattern of every syntax, the byte and String
 * forms agree, and TestMetricFilter extraction agrees with matching. Runs the seed corpus in {@code mvn verify};
 * {@code JAZZER_FUZZ=1 mvn test -Dtest=EventFuzzTest} fuzzes.
 */
class EventFuzzTest {

    private static final FilterOptions LENIENT = FilterOptions.builder().lenientJsonPrefix(true)
            .maxEventNestingDepth(64).build();

    private static final List<FilterPattern> PATTERNS = List.of(
            FilterPattern.compile("{ $.eventName = \"GetSecretValue\" }"),
            FilterPattern.compile("{ ($.a.b[0] > 5 || $.c.* = %x+y%) && $.d NOT EXISTS && $.e != \"*z\" }"),
            FilterPattern.compile("{ $.a[*].b IS NULL || $.t IS TRUE }", LENIENT),
            FilterPattern.compile("[ip, user = *x*, ..., status >= 400, size]"),
            FilterPattern.compile("[a, b = %^[0-9]+$% || b = \"q q\", c]"),
            FilterPattern.compile("ERROR -\"dry run\" \"[x]\""),
            FilterPattern.compile("?a ?\"\u00e9\u00e9\" ?\"\""),
            FilterPattern.compile("%^a.b|c\\s+d$%"));

    private static final List<MetricFilter> FILTERS = List.of(
            MetricFilter.builder().filterPattern("{ $.v = * }").metricValue("$.v").dimension("d", "$.d").build(),
            MetricFilter.builder().filterPattern("[a, b, c]").metricValue("$b").dimension("d", "$3").build());

    @FuzzTest(maxDuration = "30s")
    void anyEventIsEvaluatedWithoutException(byte[] event) {
        String text = new String(event, StandardCharsets.UTF_8);
        for (FilterPattern pattern : PATTERNS) {
            boolean bytes = pattern.matches(event, 0, event.length);
            assertThat(pattern.matches(text)).as("%s on %s", pattern, text).isEqualTo(bytes);
        }
        for (MetricFilter filter : FILTERS) {
            boolean matches = filter.pattern().matches(text);
            assertThat(filter.matchRecords(List.of(text))).hasSize(matches ? 1 : 0);
            filter.datapointFor(new dev.cwfilter.LogEvent(0, text));
        }
    }
}
