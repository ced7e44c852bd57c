package dev.cwfilter.reference;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cwfilter.FilterPattern;
import dev.cwfilter.ast.PatternPrinter;
import dev.cwfilter.propcheck.Gen;
import dev.cwfilter.propcheck.PropCheck;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A compiled JSON pattern keeps one parser per thread and resets it onto each UTF-8 event. Whatever came before (a
 * matching event, a truncated one, one with trailing garbage or invalid UTF-8, one that made the parser throw), the
 * answer for an event is the answer a pattern compiled afresh gives for it alone, and the String form's answer.
 */
class ReusedParserProperties {

    /** Sequences of JSON events, whole, truncated, with garbage after them or inside them. */
    private static Gen<List<String>> eventSequences() {
        Gen<String> events = ReferenceGenerators.jsonEvents();
        Gen<Integer> cuts = Gen.integers(0, 10_000);
        Gen<String> garbages = Gen.elements("", "", "x", "}", "]", "{\"a\":1}", "\uFFFD", "\u0000", "\"", "\\", "[[[[",
                "é");
        Gen<Integer> kinds = Gen.integers(0, 3);
        Gen<String> damaged = random -> {
            String event = events.generate(random);
            int cut = cuts.generate(random);
            String garbage = garbages.generate(random);
            return switch (kinds.generate(random)) {
                case 0 -> event;
                case 1 -> event.substring(0, cut % (event.length() + 1));
                case 2 -> event + garbage;
                default -> {
                    int at = cut % (event.length() + 1);
                    yield event.substring(0, at) + garbage + event.substring(at);
                }
            };
        };
        return Gen.listOf(damaged, 2, 12);
    }

    @Test
    void oneCompiledPatternAnswersEachEventAsIfItWereTheFirst() {
        PropCheck.tries(400).forAll(ReferenceGenerators.jsonCases(), eventSequences(), (c, others) -> {
            String text = PatternPrinter.print(c.pattern());
            FilterPattern shared = FilterPattern.compile(text);
            List<String> events = new ArrayList<>(others);
            events.add(others.size() / 2, c.event());
            events.add(c.event());
            for (String event : events) {
                byte[] utf8 = event.getBytes(StandardCharsets.UTF_8);
                boolean fresh = FilterPattern.compile(text).matches(utf8, 0, utf8.length);
                assertThat(shared.matches(utf8, 0, utf8.length)).as("%s on %s", text, Show.quoted(event))
                        .isEqualTo(fresh)
                        .isEqualTo(shared.matches(event));
            }
        });
    }
}
