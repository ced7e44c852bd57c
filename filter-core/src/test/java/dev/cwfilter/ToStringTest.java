package dev.cwfilter;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What {@link ParsedPattern} and {@link MetricFilter} print as, in logs and failure messages. */
class ToStringTest {

    @Test
    void aParsedPatternShowsItsTextWhetherItIsValidAndEachIssue() {
        assertThat(FilterPattern.parse("ERROR \"a\\\"b\""))
                .hasToString("ParsedPattern[\"ERROR \\\"a\\\\\\\"b\\\"\", valid]");
        assertThat(FilterPattern.parse("{ $.a = }")).hasToString(
                "ParsedPattern[\"{ $.a = }\", invalid: expected a value after '=', found '}' (line 1, column 9)]");
        String two = FilterPattern.parse("{ $.a = } \n").toString();
        assertThat(two).startsWith("ParsedPattern[\"{ $.a = } \\n\", invalid: ");
    }

    @Test
    void aParsedPatternShowsOptionsOnlyWhenTheyAreNotTheDefaults() {
        FilterOptions lenient = FilterOptions.builder().lenientJsonPrefix(true).build();
        assertThat(FilterPattern.parse("x", lenient).toString()).isEqualTo("ParsedPattern[\"x\", valid, " + lenient
                + "]");
        assertThat(FilterPattern.parse("x", FilterOptions.defaults()).toString())
                .isEqualTo("ParsedPattern[\"x\", valid]");
    }

    @Test
    void aMetricFilterShowsWhatItPublishes() {
        MetricFilter full = MetricFilter.builder().filterName("latency").filterPattern("{ $.latency = * }")
                .metricNamespace("App").metricName("Latency").metricValue("$.latency")
                .dimensions(java.util.Map.of("Service", "$.service")).unit(StandardUnit.MILLISECONDS).build();
        assertThat(full).hasToString("MetricFilter[name=\"latency\", pattern=\"{ $.latency = * }\", metric=App/Latency,"
                + " value=$.latency, dimensions={Service=$.service}, unit=Milliseconds]");
        MetricFilter bare = MetricFilter.builder().filterPattern("ERROR").defaultValue(0).build();
        assertThat(bare).hasToString("MetricFilter[pattern=\"ERROR\", value=1, default=0]");
        assertThat(MetricFilter.builder().filterPattern("ERROR").metricName("Errors").defaultValue(0.5).build())
                .hasToString("MetricFilter[pattern=\"ERROR\", metric=?/Errors, value=1, default=0.5]");
    }
}
