package dev.cwfilter.jmh;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * The baselines answer the same question as cwfilter on the benchmark corpus, so the benchmark compares equal work;
 * and each benchmark method returns the count it claims to.
 */
class BaselinesTest {

    @Test
    void handWrittenAndDatabindBaselinesAgreeWithTheEventNamePattern() throws IOException {
        JsonPatternBenchmark b = new JsonPatternBenchmark();
        b.setup();
        int expected = b.cwfilterBytes();
        assertThat(expected).isBetween(5, 60);
        assertThat(b.cwfilterString()).isEqualTo(expected);
        assertThat(b.baselineHandWrittenJackson()).isEqualTo(expected);
        assertThat(b.baselineDatabindTree()).isEqualTo(expected);
        assertThat(b.baselineRawByteScan()).isEqualTo(expected);
        assertThat(b.cwfilterBytesEveryEventMatches()).isEqualTo(JsonPatternBenchmark.EVENTS);
        assertThat(b.baselineFullTokenPass()).isGreaterThan(JsonPatternBenchmark.EVENTS * 50);
    }

    @Test
    void handWrittenAndDatabindBaselinesAgreeWithTheRootUsagePattern() {
        JsonCompoundBenchmark b = new JsonCompoundBenchmark();
        b.setup();
        int expected = b.cwfilterBytes();
        assertThat(expected).isBetween(1, 40);
        assertThat(b.baselineHandWrittenJackson()).isEqualTo(expected);
        assertThat(b.baselineDatabindTree()).isEqualTo(expected);
    }

    @Test
    void textBaselinesAgreeWithTheirPatterns() {
        TextPatternBenchmark b = new TextPatternBenchmark();
        b.setup();
        assertThat(b.termsCwfilterBytes()).isEqualTo(b.termsBaselineStringContains()).isPositive();
        assertThat(b.termsCwfilterString()).isEqualTo(b.termsBaselineStringContains());
        assertThat(b.regexCwfilterString()).isPositive().isLessThan(TextPatternBenchmark.LINES / 10);
        assertThat(b.delimitedCwfilterBytes()).isEqualTo(b.delimitedBaselineHandWritten()).isPositive();
    }
}
