package dev.cwfilter.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cwfilter.FilterPattern;
import dev.cwfilter.FilterPatternException;
import dev.cwfilter.PatternIssue;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;

/**
 * Every case of ../shared/conformance (copied into the test resources), one dynamic test per case named by its id.
 * The run ends with {@code conformance: N passed, M failed} (see {@link ConformanceSummaryListener}).
 */
class ConformanceTest {

    @TestFactory
    @Tag(ConformanceSummaryListener.TAG)
    Stream<DynamicNode> parse() {
        return Stream.of(container("parse.jsonl", ConformanceTest::checkParse));
    }

    static void checkParse(ConformanceCase c) {
        String pattern = c.pattern();
        if (c.json().get("valid").asBoolean()) {
            FilterPattern compiled = FilterPattern.compile(pattern);
            assertThat(FilterPattern.compile(compiled.toString())).as("canonical text recompiles").isEqualTo(compiled);
        } else {
            assertThatThrownBy(() -> FilterPattern.compile(pattern))
                    .as("%s must be rejected", c.describe())
                    .isInstanceOfSatisfying(FilterPatternException.class, e -> {
                        assertThat(e.issues()).isNotEmpty();
                        for (PatternIssue issue : e.issues()) {
                            assertThat(issue.offset()).isBetween(0, pattern.length());
                        }
                    });
        }
    }

    static DynamicContainer container(String file, CaseCheck check) {
        List<ConformanceCase> cases = ConformanceFiles.read(file);
        assertThat(cases).as(file).isNotEmpty();
        return DynamicContainer.dynamicContainer(file, cases.stream()
                .map(c -> DynamicTest.dynamicTest(c.id(), () -> check.check(c))));
    }

    /** Checks one case; throws an AssertionError if CloudWatch would answer differently. */
    @FunctionalInterface
    interface CaseCheck {
        void check(ConformanceCase c) throws Exception;
    }
}
