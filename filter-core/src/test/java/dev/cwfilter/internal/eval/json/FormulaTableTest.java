package dev.cwfilter.internal.eval.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cwfilter.FilterPattern;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A formula over up to {@value Formula#TABLE_LEAVES} leaves is looked up in its table, a larger one evaluated: on
 * both sides of that size, {@code &&} and {@code ||} over every leaf answer as the logic says for every event that
 * changes one leaf, whichever leaf is decided first.
 */
class FormulaTableTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 4, 5, 6, 7, 9})
    void everyLeafCountsInAConjunctionAndADisjunction(int leaves) {
        List<String> clauses = new ArrayList<>();
        for (int l = 0; l < leaves; l++) {
            clauses.add("$.f" + l + " = 1");
        }
        FilterPattern all = FilterPattern.compile("{ " + String.join(" && ", clauses) + " }");
        FilterPattern any = FilterPattern.compile("{ " + String.join(" || ", clauses) + " }");
        assertThat(all.matches(event(leaves, -1, 1, false))).isTrue();
        assertThat(any.matches(event(leaves, -1, 0, false))).isFalse();
        for (int l = 0; l < leaves; l++) {
            for (boolean reversed : new boolean[] {false, true}) {
                assertThat(all.matches(event(leaves, l, 1, reversed))).as("all but f%d", l).isFalse();
                assertThat(any.matches(event(leaves, l, 0, reversed))).as("only f%d", l).isTrue();
            }
        }
    }

    /** Fields f0.. with {@code value}, except field {@code odd} (if any) with the other value; in either order. */
    private static String event(int leaves, int odd, int value, boolean reversed) {
        List<String> fields = new ArrayList<>();
        for (int l = 0; l < leaves; l++) {
            int v = l == odd ? 1 - value : value;
            fields.add(reversed ? 0 : fields.size(), "\"f" + l + "\":" + v);
        }
        return "{" + String.join(",", fields) + "}";
    }
}
