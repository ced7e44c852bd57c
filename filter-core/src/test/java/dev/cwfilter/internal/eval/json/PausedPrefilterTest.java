package dev.cwfilter.internal.eval.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cwfilter.FilterPattern;
import dev.cwfilter.internal.compile.Compiler;
import dev.cwfilter.internal.compile.EvalOptions;
import dev.cwfilter.internal.eval.PrefilterGate;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A JSON matcher whose thread has paused the prefilter (every event of a window held the literal {@code false})
 * evaluates every event in full, and answers as a fresh matcher, prefilter on, does: events the prefilter would have
 * rejected included.
 */
class PausedPrefilterTest {

    private static final String PATTERN =
            "{ ($.type = \"Root\" || $.issuer = \"BreakGlassAdmin\") && $.mfa = \"false\" }";

    @Test
    void answersAreTheSameWithThePrefilterPausedAsWithItOn() {
        JsonMatcher warmed = compile();
        byte[] pass = "{\"type\":\"User\",\"mfa\":\"false\"}".getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < PrefilterGate.WINDOW; i++) {
            warmed.matches(pass, 0, pass.length);
        }
        assertThat(warmed.gate().paused()).isTrue();
        List<String> probes = List.of("{\"type\":\"Root\",\"mfa\":\"false\"}", "{\"type\":\"Root\",\"mfa\":\"true\"}",
                "{\"type\":\"Root\",\"mfa\":\"f\\u0061lse\"}", "{\"type\":\"Root\",\"mfa\":\"false\"",
                "{\"type\":\"Root\",\"mfa\":\"false\"} x", "{\"issuer\":\"BreakGlassAdmin\",\"mfa\":\"false\"}",
                "not json", "{\"type\":\"Root\"}");
        for (String probe : probes) {
            byte[] bytes = probe.getBytes(StandardCharsets.UTF_8);
            boolean expected = compile().matches(bytes, 0, bytes.length);
            assertThat(warmed.matches(bytes, 0, bytes.length)).as("%s, as bytes", probe).isEqualTo(expected);
            assertThat(warmed.matches(probe)).as("%s, as text", probe).isEqualTo(expected);
        }
        // The probes hold both answers, and one the prefilter rejects without parsing.
        assertThat(compile().matches(probes.get(0))).isTrue();
        assertThat(compile().prefilter().mayMatch(probes.get(1))).isFalse();
    }

    private static JsonMatcher compile() {
        return (JsonMatcher) Compiler.compile(FilterPattern.compile(PATTERN).ast(),
                new EvalOptions(false, false, 1000, 1024 * 1024), x -> null);
    }
}
