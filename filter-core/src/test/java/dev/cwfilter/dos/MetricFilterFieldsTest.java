package dev.cwfilter.dos;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cwfilter.Datapoint;
import dev.cwfilter.LogEvent;
import dev.cwfilter.MetricFilter;
import dev.cwfilter.MetricFilterMatchRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A metric filter reads the space-delimited fields its value and dimensions name, and nothing else. Found by this
 * test: every event went through TestMetricFilter's extraction, a map of every field of the event, so one event of
 * 1 MiB (half a million fields) cost 115 MB and half a second in {@code datapointFor}, the emitter and the command
 * line's {@code metrics}; the filter now asks the pattern for the fields it needs only.
 */
class MetricFilterFieldsTest {

    // MetricFilter: "$N ... names the N-th field of the event whether the pattern named it or not"; "$name" a named
    // field. The values read equal what TestMetricFilter extracts, for every field and shape of event.
    @Test
    void fieldsReadForDimensionsEqualTheExtractedValues() {
        Random random = new Random(8);
        String[] pieces = {"1", "22", "x", "\"q q\"", "[b b]", "\"open", "[x", "7 ", "  9"};
        List<String> patterns = List.of("[a, ..., y, z]", "[a, b, c]", "[a = 1*, ..., z]", "[..., z]", "[a, ...]",
                "[a, b, ..., c = %^[0-9]+$%]");
        for (String text : patterns) {
            for (String reference : List.of("$1", "$2", "$3", "$5", "$9", "$a", "$z", "$c")) {
                MetricFilter filter;
                try {
                    filter = MetricFilter.builder().filterPattern(text).metricValue("1")
                            .dimension("d", reference).build();
                } catch (IllegalArgumentException namesNoField) {
                    continue;
                }
                for (int k = 0; k < 300; k++) {
                    StringBuilder event = new StringBuilder();
                    int fields = random.nextInt(12);
                    for (int f = 0; f < fields; f++) {
                        event.append(pieces[random.nextInt(pieces.length)]).append(random.nextBoolean() ? " " : "\t");
                    }
                    String message = event.toString().isEmpty() ? " " : event.toString();
                    Optional<String> expected = expected(filter, reference, message);
                    Optional<Datapoint> datapoint = filter.datapointFor(new LogEvent(0, message));
                    assertThat(datapoint.map(d -> d.dimensions().get("d")))
                            .as("%s, dimension %s, on [%s]", text, reference, message).isEqualTo(expected);
                }
            }
        }
    }

    /** The value TestMetricFilter's extracted values give the reference, if the event matches. */
    private static Optional<String> expected(MetricFilter filter, String reference, String message) {
        List<MetricFilterMatchRecord> records = filter.test(List.of(message)).matches();
        if (records.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> extracted = records.get(0).extractedValues();
        if (reference.matches("\\$[0-9]+")) {
            List<String> values = new ArrayList<>(extracted.values());
            int position = Integer.parseInt(reference.substring(1));
            return position <= values.size() ? Optional.of(values.get(position - 1)) : Optional.empty();
        }
        return Optional.ofNullable(extracted.get(reference));
    }

    @Test
    void anEventOfHalfAMillionFieldsCostsAPassNotAMapOfItsFields() {
        MetricFilter filter = MetricFilter.builder().filterPattern("[first, ..., last]").metricValue("$last")
                .dimension("middle", "$300000").build();
        StringBuilder event = new StringBuilder("start");
        for (int i = 2; event.length() < 1024 * 1024 - 16; i++) {
            event.append(' ').append(i % 10);
        }
        event.append(" 42");
        String message = event.toString();
        Cost<Optional<Datapoint>> cost = Cost.warm(() -> filter.datapointFor(new LogEvent(0, message)));
        assertThat(cost.result()).hasValueSatisfying(d -> {
            assertThat(d.value()).isEqualTo(42);
            assertThat(d.dimensions()).containsEntry("middle", "0");
        });
        assertThat(cost.allocatedBytes()).as("%s", cost).isLessThan(4L * 1024 * 1024);
        assertThat(cost.cpuMillis()).as("%s", cost).isLessThan(2_000);
    }
}
