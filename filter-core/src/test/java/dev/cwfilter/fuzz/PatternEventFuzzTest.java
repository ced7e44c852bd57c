package dev.cwfilter.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.cwfilter.FilterOptions;
import dev.cwfilter.FilterPattern;
import dev.cwfilter.FilterPatternException;
import dev.cwfilter.MatchExplanation;
import dev.cwfilter.MetricFilter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * A fuzzed pattern against a fuzzed event, under fuzzed options. {@code compile} either succeeds or throws a
 * {@link FilterPatternException}, nothing else; a compiled pattern answers every event without throwing, and its
 * answers agree: the UTF-8 bytes (read from the middle of a larger array) and the decoded text, {@code explain} and
 * {@code matches}, TestMetricFilter's match records and {@code matches}. Any other exception or error, a
 * {@link StackOverflowError} included, is a finding.
 *
 * <p>An input is read as: one byte of option bits, one byte {@code n}, the pattern as the next {@code n} bytes of
 * UTF-8 (fewer if the input ends first), then the event as the remaining bytes. A plain layout keeps the committed
 * seeds writable by hand and readable. Runs the committed corpus in {@code mvn verify};
 * {@code JAZZER_FUZZ=1 mvn test -Dtest=PatternEventFuzzTest} fuzzes (see docs/fuzzing.md).
 */
class PatternEventFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void anyPatternOnAnyEventAnswersConsistentlyWithoutException(byte[] input) {
        if (input.length < 2) {
            return;
        }
        int bits = input[0];
        int patternEnd = Math.min(input.length, 2 + (input[1] & 0xFF));
        FilterOptions options = FilterOptions.builder()
                .lenientJsonPrefix((bits & 1) != 0)
                .exactFieldCount((bits & 2) != 0)
                .lenientTermCharacters((bits & 4) != 0)
                // A small nesting limit lets short inputs reach the limit; the default is exercised too.
                .maxEventNestingDepth((bits & 8) != 0 ? 4 : FilterOptions.DEFAULT_MAX_EVENT_NESTING_DEPTH)
                // And a small size limit lets them cross it, malformed UTF-8 (three bytes once decoded) included.
                .maxEventBytes((bits & 16) != 0 ? 24 : FilterOptions.CLOUDWATCH_MAX_EVENT_BYTES)
                .build();
        String text = new String(input, 2, patternEnd - 2, StandardCharsets.UTF_8);
        byte[] event = Arrays.copyOfRange(input, patternEnd, input.length);

        FilterPattern pattern;
        try {
            pattern = FilterPattern.compile(text, options);
        } catch (FilterPatternException rejected) {
            assertThat(rejected.issues()).isNotEmpty();
            assertThat(FilterPattern.parse(text, options).isValid()).as("parse accepts what compile rejects: %s", text)
                    .isFalse();
            return;
        }

        String message = new String(event, StandardCharsets.UTF_8);
        boolean matched = pattern.matches(message);
        byte[] padded = new byte[event.length + 6];
        padded[0] = '{';
        padded[1] = '"';
        padded[2] = (byte) 0xC3;
        System.arraycopy(event, 0, padded, 3, event.length);
        padded[padded.length - 3] = (byte) 0xE2;
        padded[padded.length - 2] = '}';
        padded[padded.length - 1] = 0;
        assertThat(pattern.matches(padded, 3, event.length))
                .as("bytes and text disagree: pattern %s on %s", pattern, message).isEqualTo(matched);

        MatchExplanation explanation = pattern.explain(message);
        assertThat(explanation.matched()).as("explain and matches disagree: pattern %s on %s", pattern, message)
                .isEqualTo(matched);
        assertThat(explanation.reason()).isNotNull();

        if (!message.isEmpty()) {
            MetricFilter filter = MetricFilter.builder().filterPattern(text).options(options).build();
            assertThat(filter.test(List.of(message)).matches())
                    .as("TestMetricFilter and matches disagree: pattern %s on %s", pattern, message)
                    .hasSize(matched ? 1 : 0);
        }
    }
}
