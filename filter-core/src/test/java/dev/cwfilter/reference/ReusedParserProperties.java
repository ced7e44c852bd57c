package dev.cwfilter.reference;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cwfilter.FilterPattern;
import dev.cwfilter.ast.PatternPrinter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * A compiled JSON pattern keeps one parser per thread and resets it onto each UTF-8 event. Whatever came before (a
 * matching event, a truncated one, one with trailing garbage or invalid UTF-8, one that made the parser throw), the
 * answer for an event is the answer a pattern compiled afresh gives for it alone, and the String form's answer.
 */
class ReusedParserProperties {

    @Provide
    Arbitrary<List<String>> eventSequences() {
        Arbitrary<String> damaged = Combinators.combine(ReferenceArbitraries.jsonEvents(),
                        Arbitraries.integers().between(0, 10_000),
                        Arbitraries.of("", "", "x", "}", "]", "{\"a\":1}", "\uFFFD", "\u0000", "\"", "\\", "[[[[", "é"),
                        Arbitraries.integers().between(0, 3))
                .as((event, cut, garbage, kind) -> switch (kind) {
                    case 0 -> event;
                    case 1 -> event.substring(0, cut % (event.length() + 1));
                    case 2 -> event + garbage;
                    default -> {
                        int at = cut % (event.length() + 1);
                        yield event.substring(0, at) + garbage + event.substring(at);
                    }
                });
        return damaged.list().ofMinSize(2).ofMaxSize(12);
    }

    @Provide
    Arbitrary<ReferenceArbitraries.JsonCase> cases() {
        return ReferenceArbitraries.jsonCases();
    }

    @Property(tries = 400, edgeCases = EdgeCasesMode.NONE)
    void oneCompiledPatternAnswersEachEventAsIfItWereTheFirst(@ForAll("cases") ReferenceArbitraries.JsonCase c,
                                                              @ForAll("eventSequences") List<String> others) {
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
    }
}
