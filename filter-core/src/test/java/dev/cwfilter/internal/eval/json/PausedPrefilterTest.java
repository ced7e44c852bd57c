package dev.cwfilter.internal.eval.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cwfilter.FilterPattern;
import dev.cwfilter.internal.compile.Compiler;
import dev.cwfilter.internal.compile.EvalOptions;
import dev.cwfilter.internal.eval.prefilter.GateSamples;
import dev.cwfilter.internal.eval.prefilter.PrefilterGate;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A JSON matcher whose thread has left the prefilter out (its sample found the prefilter cost more time than it saved)
 * evaluates every event in full, and answers as a fresh matcher, prefilter on, does: events the prefilter would have
 * rejected included.
 */
class PausedPrefilterTest {

    private static final String PATTERN =
            "{ ($.type = \"Root\" || $.issuer = \"BreakGlassAdmin\") && $.mfa = \"false\" }";

    @Test
    void answersAreTheSameWithThePrefilterPausedAsWithItOn() {
        JsonMatcher paused = compile();
        GateSamples.pause(paused.gate());
        assertThat(paused.gate().paused()).isTrue();
        List<String> probes = List.of("{\"type\":\"Root\",\"mfa\":\"false\"}", "{\"type\":\"Root\",\"mfa\":\"true\"}",
                "{\"type\":\"Root\",\"mfa\":\"f\\u0061lse\"}", "{\"type\":\"Root\",\"mfa\":\"false\"",
                "{\"type\":\"Root\",\"mfa\":\"false\"} x", "{\"issuer\":\"BreakGlassAdmin\",\"mfa\":\"false\"}",
                "not json", "{\"type\":\"Root\"}");
        for (String probe : probes) {
            byte[] bytes = probe.getBytes(StandardCharsets.UTF_8);
            boolean expected = compile().matches(bytes, 0, bytes.length);
            assertThat(paused.matches(bytes, 0, bytes.length)).as("%s, as bytes", probe).isEqualTo(expected);
            assertThat(paused.matches(probe)).as("%s, as text", probe).isEqualTo(expected);
        }
        assertThat(paused.gate().paused()).as("still left out after the probes").isTrue();
        // The probes hold both answers, and one the prefilter rejects without parsing.
        assertThat(compile().matches(probes.get(0))).isTrue();
        assertThat(compile().prefilter().mayMatch(probes.get(1))).isFalse();
    }

    /**
     * Every event of a sample is timed once: as bytes, as text, and as bytes that are not UTF-8 (evaluated again as
     * their decoded text, inside the same timing).
     */
    @Test
    void aSampleEndsAfterItsEventsWhicheverWayTheyAreEvaluated() {
        JsonMatcher matcher = compile();
        byte[] bytes = "{\"type\":\"Root\",\"mfa\":\"false\"}".getBytes(StandardCharsets.UTF_8);
        byte[] notUtf8 = {'{', '"', 'm', 'f', 'a', '"', ':', '"', 'f', 'a', 'l', 's', 'e', '"', ',', '"', 'x', '"', ':',
            '"', (byte) 0xC3, '(', '"', '}'};
        for (int i = 0; i < PrefilterGate.SAMPLE - 1; i++) {
            switch (i % 3) {
                case 0 -> assertThat(matcher.matches(bytes, 0, bytes.length)).isTrue();
                case 1 -> assertThat(matcher.matches("{\"type\":\"Root\",\"mfa\":\"false\"}")).isTrue();
                default -> assertThat(matcher.matches(notUtf8, 0, notUtf8.length)).isFalse();
            }
        }
        assertThat(matcher.gate().sampling()).isTrue();
        matcher.matches(notUtf8, 0, notUtf8.length);
        assertThat(matcher.gate().sampling()).isFalse();
    }

    private static JsonMatcher compile() {
        return (JsonMatcher) Compiler.compile(FilterPattern.compile(PATTERN).ast(),
                new EvalOptions(false, false, 1000, 1024 * 1024), x -> null);
    }
}
