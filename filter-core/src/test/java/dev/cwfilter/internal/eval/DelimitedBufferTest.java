package dev.cwfilter.internal.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cwfilter.ast.DelimitedField;
import dev.cwfilter.internal.eval.prefilter.Prefilter;
import java.lang.reflect.Field;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * DelimitedMatcher keeps each thread's field boundaries between events. Extracting or explaining every field of an
 * event of half a million fields needs room for all of them, but the thread must not keep it afterwards: found while
 * proving flat memory for issue 8, a thread kept 12 bytes per field of the largest event it had ever extracted or
 * explained.
 */
class DelimitedBufferTest {

    private static int retained(DelimitedMatcher matcher) throws ReflectiveOperationException {
        Field buffers = DelimitedMatcher.class.getDeclaredField("buffers");
        buffers.setAccessible(true);
        ThreadLocal<?> local = (ThreadLocal<?>) buffers.get(matcher);
        return ((DelimitedMatcher.Fields) local.get()).start.length;
    }

    @Test
    void aThreadDoesNotKeepTheRoomOfTheLargestEventItExtractedOrExplained() throws Exception {
        Clause clause = new Clause(DelimitedField.Named.of("a"), null);
        DelimitedMatcher matcher = new DelimitedMatcher(List.of(new DelimitedMatcher.Field("a", null, clause)),
                List.of(new DelimitedMatcher.Field("z", null, clause)), true, false, Prefilter.NONE);
        String event = "f ".repeat(500_000);
        assertThat(matcher.extract(event)).hasSize(500_000);
        assertThat(retained(matcher)).isLessThanOrEqualTo(DelimitedMatcher.Fields.RETAINED);
        assertThat(matcher.explain(event).matched()).isTrue();
        assertThat(retained(matcher)).isLessThanOrEqualTo(DelimitedMatcher.Fields.RETAINED);
        assertThat(matcher.explain("f").matched()).isFalse();
        assertThat(matcher.matches(event)).isTrue();
        assertThat(retained(matcher)).isLessThanOrEqualTo(DelimitedMatcher.Fields.RETAINED);
    }
}
