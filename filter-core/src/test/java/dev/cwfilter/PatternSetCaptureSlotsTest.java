package dev.cwfilter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cwfilter.ast.Selector;
import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A set with captures gives one slot to each distinct selector, whatever the number of patterns that capture it (a
 * log group's metric filters nearly all publish the same {@code $.latency}): the walk fills it once per event, and
 * every pattern reads its value from it.
 */
class PatternSetCaptureSlotsTest {

    private static final Selector LATENCY = Selector.of("latency");
    private static final Selector EVENT_NAME = Selector.of("eventName");
    private static final Selector USER = Selector.of("userIdentity", "userName");

    @Test
    void patternsCapturingTheSameSelectorShareOneSlot() {
        PatternSet set = PatternSet.withCaptures(List.of(
                        FilterPattern.compile("{ $.eventName = \"GetSecretValue\" }"),
                        FilterPattern.compile("{ $.errorCode = \"AccessDenied\" }"),
                        FilterPattern.compile("{ $.latency > 100 }"),
                        FilterPattern.compile("ERROR")),
                List.of(List.of(LATENCY, EVENT_NAME), List.of(LATENCY), List.of(USER, LATENCY), List.of()));

        assertThat(set.captureSlot(1, 0)).isEqualTo(set.captureSlot(0, 0));
        assertThat(set.captureSlot(2, 1)).isEqualTo(set.captureSlot(0, 0));
        assertThat(List.of(set.captureSlot(0, 0), set.captureSlot(0, 1), set.captureSlot(2, 0)))
                .doesNotHaveDuplicates();

        BitSet hits = new BitSet();
        set.matches("{\"eventName\":\"GetSecretValue\",\"errorCode\":\"AccessDenied\",\"latency\":250,"
                + "\"userIdentity\":{\"userName\":\"alice\"}}", hits);
        assertThat(hits.stream().toArray()).containsExactly(0, 1, 2);
        assertThat(set.captured(0, 0)).isEqualTo("250");
        assertThat(set.captured(0, 1)).isEqualTo("GetSecretValue");
        assertThat(set.captured(1, 0)).isEqualTo("250");
        assertThat(set.captured(2, 0)).isEqualTo("alice");
        assertThat(set.captured(2, 1)).isEqualTo("250");
    }
}
