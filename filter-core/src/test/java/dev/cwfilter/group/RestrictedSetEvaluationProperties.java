package dev.cwfilter.group;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cwfilter.FilterOptions;
import dev.cwfilter.FilterPattern;
import dev.cwfilter.FilterPatternException;
import dev.cwfilter.ast.JsonPattern;
import dev.cwfilter.internal.compile.Compiler;
import dev.cwfilter.internal.compile.EvalOptions;
import dev.cwfilter.internal.eval.json.JsonMatcher;
import dev.cwfilter.propcheck.Gen;
import dev.cwfilter.propcheck.PropCheck;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * A merged JSON matcher asked for only some of its patterns (those a set's prefilter let through) answers for each of
 * them exactly what the pattern answers alone, whatever the others would answer, and leaves the others' bits clear:
 * random sets (small ones, whose walk stops once the asked formulas are decided, and large ones, evaluated once the
 * event has ended), random subsets, random events with repeated keys and malformed text, as bytes and as text, with
 * evaluations of every pattern in between on the same thread.
 */
class RestrictedSetEvaluationProperties {

    static final FilterOptions DEFAULTS = FilterOptions.defaults();
    static final EvalOptions OPTIONS = new EvalOptions(DEFAULTS.lenientJsonPrefix(), false,
            DEFAULTS.maxEventNestingDepth(), DEFAULTS.maxEventBytes());

    static final Gen<List<FilterPattern>> JSON_SETS = Gen.listOf(PatternSetProperties.JSON_PATTERNS.map(text -> {
        try {
            return FilterPattern.compile(text);
        } catch (FilterPatternException e) {
            return null; // more wildcard selectors than CloudWatch allows
        }
    }).filter(Objects::nonNull), 1, 24);

    @Test
    void aRestrictedEvaluationAnswersForTheAskedPatternsOnly() {
        PropCheck.tries(1500).forAll(JSON_SETS, Gen.listOf(Gen.integers(0, Integer.MAX_VALUE), 1, 4),
                Gen.listOf(PatternSetProperties.EVENTS, 1, 6), (patterns, masks, events) -> {
                    List<JsonPattern> asts = patterns.stream().map(p -> (JsonPattern) p.ast()).toList();
                    JsonMatcher matcher = Compiler.jsonSet(asts, List.of(), OPTIONS);
                    int[] bitOfFormula = new int[patterns.size()];
                    for (int f = 0; f < bitOfFormula.length; f++) {
                        bitOfFormula[f] = f;
                    }
                    BitSet bits = new BitSet();
                    for (String event : events) {
                        BitSet alone = PatternSetProperties.eachAlone(patterns, event);
                        byte[] utf8 = event.getBytes(StandardCharsets.UTF_8);
                        for (int mask : masks) {
                            int[] live = live(patterns.size(), mask);
                            BitSet expected = new BitSet();
                            for (int f : live) {
                                expected.set(f, alone.get(f));
                            }
                            bits.clear();
                            matcher.matchAll(utf8, 0, utf8.length, bits, bitOfFormula, live, live.length);
                            assertThat(bits).as("bytes %s, asking %s", event, expected).isEqualTo(expected);
                            bits.clear();
                            matcher.matchAll(event, bits, bitOfFormula, live, live.length);
                            assertThat(bits).as("text %s", event).isEqualTo(expected);
                            // Every pattern again, on the same thread's state.
                            bits.clear();
                            matcher.matchAll(utf8, 0, utf8.length, bits, bitOfFormula);
                            assertThat(bits).as("all, bytes %s", event).isEqualTo(alone);
                        }
                    }
                });
    }

    /** Some of the formulas {@code 0..n-1}, at least one, in increasing order, by the bits of {@code mask}. */
    static int[] live(int n, int mask) {
        List<Integer> chosen = new ArrayList<>();
        for (int f = 0; f < n; f++) {
            if ((mask >>> (f % 31) & 1) != 0) {
                chosen.add(f);
            }
        }
        if (chosen.isEmpty()) {
            chosen.add(mask % n);
        }
        return chosen.stream().mapToInt(Integer::intValue).toArray();
    }
}
