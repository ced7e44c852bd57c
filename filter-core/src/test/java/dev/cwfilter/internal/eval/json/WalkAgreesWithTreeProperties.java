package dev.cwfilter.internal.eval.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cwfilter.FilterPattern;
import dev.cwfilter.internal.compile.Compiler;
import dev.cwfilter.internal.compile.EvalOptions;
import dev.cwfilter.propcheck.Gen;
import dev.cwfilter.propcheck.PropCheck;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The byte walk decides each leaf on the first value it selects and answers only when it has seen no repeat of a key
 * it selected (SEMANTICS.md O3); {@link TreeEvaluation} reads the event into a map-like tree and is exact. These laws
 * hold the two together over events built to trip the walk: keys repeated at every level, the selected names also
 * spelled as string values (which defeat the walk's search for a repeat and make it read the rest of the event key by
 * key), names spelled with escapes, patterns that are decided early in both directions.
 */
class WalkAgreesWithTreeProperties {

    /** A member of a generated object: its key, whether the key is written with an escape, and its value's JSON. */
    private record Member(String key, boolean escaped, String value) {
    }

    private static final List<String> KEYS = List.of("a", "b", "c");

    private static final Gen<String> SCALARS = Gen.elements("1", "2", "\"x\"", "\"a\"", "\"b\"", "\"c\"", "\"\\\"a\\\"\"",
            "true", "null", "[]", "{}");

    /**
     * JSON values to {@code depth} levels of objects and arrays.
     *
     * @param repeats whether an object's keys may repeat and be written with an escape (else distinct and plain)
     */
    private static Gen<String> values(int depth, boolean repeats) {
        if (depth == 0) {
            return SCALARS;
        }
        return Gen.frequency(Gen.weighted(4, SCALARS), Gen.weighted(3, objects(depth - 1, repeats)),
                Gen.weighted(2, Gen.listOf(Gen.lazy(() -> values(depth - 1, repeats)), 0, 3)
                        .map(l -> String.join(",", l)).map(s -> "[" + s + "]")));
    }

    private static Gen<String> objects(int depth, boolean repeats) {
        Gen<Boolean> escaped = repeats ? Gen.frequency(Gen.weighted(9, Gen.constant(false)),
                Gen.weighted(1, Gen.constant(true))) : Gen.constant(false);
        Gen<Member> member = random -> new Member(Gen.elements(KEYS).generate(random), escaped.generate(random),
                Gen.lazy(() -> values(depth, repeats)).generate(random));
        return Gen.listOf(member, 0, 6).map(members -> {
            if (repeats) {
                return members;
            }
            Set<String> seen = new HashSet<>();
            return members.stream().filter(m -> seen.add(m.key())).toList();
        }).map(WalkAgreesWithTreeProperties::object);
    }

    private static String object(List<Member> members) {
        return members.stream().map(m -> (m.escaped() ? "\"\\u00" + Integer.toHexString(m.key().charAt(0)) + "\""
                : "\"" + m.key() + "\"") + ":" + m.value()).collect(Collectors.joining(",", "{", "}"));
    }

    private static final Gen<String> PATTERNS = Gen.elements(
            "{ $.a = 1 }", "{ $.a = 1 && $.b = 2 }", "{ $.a = 1 || $.b = 2 }", "{ $.a.b = 1 }",
            "{ $.a.b = 1 && $.c NOT EXISTS }", "{ $.a[0] = \"x\" || $.c.a = 2 }", "{ $.* = 1 }", "{ $.a.* = \"x\" }",
            "{ $.a[*].b = 2 }", "{ $.a IS NULL }", "{ $.b IS NULL && $.a != 1 }", "{ ($.a = 1 || $.b.c = 1) && $.c = 2 }",
            "{ $.c.b.a = 1 || $.a = \"a\" }", "{ $.b NOT EXISTS }", "{ $.a = \"a\" && $.b = \"b\" }");

    private static JsonMatcher compile(String pattern) {
        return (JsonMatcher) Compiler.compile(FilterPattern.compile(pattern).ast(),
                new EvalOptions(false, false, 1000, 1024 * 1024), x -> null);
    }

    /** Whenever the walk answers, it answers what the exact evaluation does. */
    @Test
    void whenTheWalkAnswersItAnswersAsTheTree() {
        PropCheck.forAll(objects(3, true), PATTERNS, (event, pattern) -> {
            JsonMatcher matcher = compile(pattern);
            byte[] utf8 = event.getBytes(StandardCharsets.UTF_8);
            int walk = matcher.walk(utf8);
            if (walk != Utf8Walk.UNSURE) {
                assertThat(walk == Utf8Walk.TRUE).as("%s on %s", pattern, event).isEqualTo(matcher.exactly(utf8));
            }
        });
    }

    /**
     * The walk is the hot path: on a well-formed event whose keys do not repeat and are written without escapes it
     * always answers, whatever the pattern, however early the pattern is decided, and wherever its names are also
     * spelled as values.
     */
    @Test
    void withoutARepeatedKeyTheWalkAlwaysAnswers() {
        PropCheck.forAll(objects(3, false), PATTERNS, (event, pattern) -> {
                    assertThat(compile(pattern).walk(event.getBytes(StandardCharsets.UTF_8)))
                            .as("%s on %s", pattern, event).isNotEqualTo(Utf8Walk.UNSURE);
                });
    }
}
