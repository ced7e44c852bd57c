package dev.cwfilter.dos;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cwfilter.FilterOptions;
import dev.cwfilter.FilterPattern;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A term as long as a pattern allows, against an event that almost holds it at every position: up to 1,023
 * {@code b} and a {@code c}, in 8 MiB of {@code b} (under a raised size limit). Found by this test: the text path searched with
 * {@link String#contains}, whose worst case is the event's length times the term's (11 s of CPU for this event on
 * the build machine); it now searches long terms with Knuth-Morris-Pratt, one pass over the event. The CPU bound is
 * generous for a pass and well below the quadratic search.
 */
class LongTermTest {

    private static final int SIZE = 8 * 1024 * 1024;

    @Test
    void aLongTermIsFoundInOnePassOverTheEvent() {
        String term = "b".repeat(1023) + "c";
        FilterOptions large = FilterOptions.builder().maxEventBytes(SIZE + 1024).build();
        String almost = "b".repeat(SIZE);
        String holding = almost + "c";
        for (String text : List.of(term, "\"" + term.substring(2) + "\"", "-x " + term.substring(3),
                "[a = *" + term.substring(8) + "*]")) {
            FilterPattern pattern = FilterPattern.compile(text, large);
            Cost<Boolean> miss = Cost.warm(() -> pattern.matches(almost));
            Cost<Boolean> hit = Cost.warm(() -> pattern.matches(holding));
            assertThat(miss.result()).as(text.substring(0, 6)).isFalse();
            assertThat(hit.result()).as(text.substring(0, 6)).isTrue();
            assertThat(miss.cpuMillis()).as("%s...: %s", text.substring(0, 6), miss).isLessThan(2_000);
            assertThat(hit.cpuMillis()).as("%s...: %s", text.substring(0, 6), hit).isLessThan(2_000);
            byte[] bytes = almost.getBytes(StandardCharsets.US_ASCII);
            Cost<Boolean> fromBytes = Cost.warm(() -> pattern.matches(bytes, 0, bytes.length));
            assertThat(fromBytes.result()).isFalse();
            assertThat(fromBytes.cpuMillis()).as("bytes, %s...: %s", text.substring(0, 6), fromBytes)
                    .isLessThan(4_000);
        }
    }

    /**
     * The same long literal as a JSON pattern's value: the prefilter looks for it before parsing. Found with this
     * test: the prefilter searched a String event with {@link String#contains} (about 0.4 s of CPU for a MiB); it now
     * uses the terms' linear search.
     */
    @Test
    void aJsonPatternsLongLiteralIsLookedForInOnePass() {
        String literal = "b".repeat(1000) + "c";
        FilterOptions large = FilterOptions.builder().maxEventBytes(SIZE + 1024).build();
        FilterPattern pattern = FilterPattern.compile("{ $.a = \"" + literal + "\" }", large);
        String almost = "{\"a\":\"" + "b".repeat(SIZE) + "\"}";
        String holding = "{\"a\":\"" + literal + "\",\"b\":\"" + "b".repeat(SIZE) + "\"}";
        Cost<Boolean> miss = Cost.warm(() -> pattern.matches(almost));
        Cost<Boolean> hit = Cost.warm(() -> pattern.matches(holding));
        assertThat(miss.result()).isFalse();
        assertThat(hit.result()).isTrue();
        assertThat(miss.cpuMillis()).as("%s", miss).isLessThan(2_000);
        assertThat(hit.cpuMillis()).as("%s", hit).isLessThan(2_000);
    }
}
