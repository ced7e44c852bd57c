package dev.cwfilter.reference;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cwfilter.FilterOptions;
import dev.cwfilter.FilterPattern;
import dev.cwfilter.ast.Pattern;
import dev.cwfilter.ast.PatternPrinter;
import dev.cwfilter.propcheck.Gen;
import dev.cwfilter.propcheck.PropCheck;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/**
 * The streaming evaluator agrees with the reference evaluator: for generated patterns of each syntax, and events
 * drawn from the same vocabulary, {@code FilterPattern.compile(print(ast), options).matches(event)} is what
 * {@link ReferenceEvaluator} answers, with the default options and with {@code lenientJsonPrefix} /
 * {@code exactFieldCount} on. Each property also checks that its pairs both match and fail to match, so that a
 * generator that stops hitting (or stops missing) fails.
 */
class AgreementProperties {

    private static final FilterOptions LENIENT_JSON = FilterOptions.builder().lenientJsonPrefix(true).build();
    private static final FilterOptions EXACT_FIELDS = FilterOptions.builder().exactFieldCount(true).build();

    @Test
    void streamingEvaluatorAgreesWithReferenceOnTerms() {
        agreeOn(3000, ReferenceGenerators.termPatterns(), ReferenceGenerators.termEvents(), FilterOptions.defaults());
    }

    @Test
    void streamingEvaluatorAgreesWithReferenceOnRegex() {
        agreeOn(3000, ReferenceGenerators.regexPatterns(), ReferenceGenerators.regexEvents(), FilterOptions.defaults());
    }

    /** The regex translation's {@code .}, {@code $} and {@code \s} around every kind of line terminator. */
    @Test
    void streamingEvaluatorAgreesWithReferenceOnRegexAtLineTerminators() {
        agreeOn(1000, ReferenceGenerators.lineEndRegexPatterns(), ReferenceGenerators.lineEndEvents(),
                FilterOptions.defaults());
    }

    @Test
    void streamingEvaluatorAgreesWithReferenceOnJson() {
        agreeOn(3000, ReferenceGenerators.jsonCases(), FilterOptions.defaults());
    }

    @Test
    void streamingEvaluatorAgreesWithReferenceOnJsonFromTheVocabulary() {
        agreeOn(1000, ReferenceGenerators.jsonPatterns(), ReferenceGenerators.jsonEvents(), FilterOptions.defaults());
    }

    @Test
    void streamingEvaluatorAgreesWithReferenceOnJsonWithLenientPrefix() {
        agreeOn(1500, ReferenceGenerators.prefixedJsonCases(), LENIENT_JSON);
    }

    @Test
    void streamingEvaluatorAgreesWithReferenceOnPrefixedJsonByDefault() {
        agreeOn(1000, ReferenceGenerators.prefixedJsonCases(), FilterOptions.defaults());
    }

    @Test
    void streamingEvaluatorAgreesWithReferenceOnDelimited() {
        agreeOn(3000, ReferenceGenerators.delimitedPatterns(), ReferenceGenerators.delimitedEvents(),
                FilterOptions.defaults());
    }

    @Test
    void streamingEvaluatorAgreesWithReferenceOnDelimitedWithExactFieldCount() {
        agreeOn(1500, ReferenceGenerators.delimitedPatterns(), ReferenceGenerators.delimitedEvents(), EXACT_FIELDS);
    }

    /**
     * A valid event with one very long token (a number literal around 1000 digits, a key around 50,000 characters:
     * where a JSON parser's default read limits lie) is evaluated like any other: the only event limits are
     * {@code maxEventBytes} and {@code maxEventNestingDepth}.
     */
    @Test
    void streamingEvaluatorAgreesWithReferenceOnLongTokens() {
        PropCheck.tries(40).forAll(ReferenceGenerators.jsonCases(), Gen.integers(-3, 3), Gen.booleans(),
                (c, slack, longKey) -> {
                    ObjectNode tree = c.tree().deepCopy();
                    if (longKey) {
                        tree.put("k".repeat(50_000 + slack), 1);
                    } else {
                        tree.set("n", JsonNodeFactory.instance.numberNode(
                                new BigInteger("1" + "0".repeat(999 + slack))));
                    }
                    agree(c.pattern(), FilterOptions.defaults(), ReferenceGenerators.write(tree, false));
                });
    }

    /**
     * The property that the streaming evaluator agrees with the reference on generated patterns and events, and that
     * the generators hit: both matching and non-matching pairs occur.
     */
    private static <P extends Pattern> void agreeOn(int tries, Gen<P> patterns, Gen<String> events,
            FilterOptions options) {
        int[] matched = new int[2];
        PropCheck.tries(tries).name(testName()).forAll(patterns, events, (pattern, event) -> {
            matched[agree(pattern, options, event) ? 1 : 0]++;
        });
        assertBothOutcomes(matched);
    }

    private static void agreeOn(int tries, Gen<ReferenceGenerators.JsonCase> cases, FilterOptions options) {
        int[] matched = new int[2];
        PropCheck.tries(tries).name(testName()).forAll(cases, c -> {
            matched[agree(c.pattern(), options, c.event()) ? 1 : 0]++;
        });
        assertBothOutcomes(matched);
    }

    /** The test that called the helper, which names the property and so derives its seed. */
    private static String testName() {
        return StackWalker.getInstance().walk(frames -> frames
                .map(StackWalker.StackFrame::getMethodName)
                .filter(m -> !m.equals("testName") && !m.equals("agreeOn"))
                .findFirst()
                .map(m -> AgreementProperties.class.getSimpleName() + "." + m)
                .orElseThrow());
    }

    private static void assertBothOutcomes(int[] matched) {
        assertThat(matched[0]).as("pairs that do not match").isPositive();
        assertThat(matched[1]).as("pairs that match").isPositive();
    }

    /** Checks that the library answers as the reference does, and returns the answer. */
    static boolean agree(Pattern pattern, FilterOptions options, String event) {
        String text = PatternPrinter.print(pattern);
        boolean expected = new ReferenceEvaluator(options).matches(pattern, event);
        assertThat(FilterPattern.compile(text, options).matches(event))
                .as("pattern %s%nevent   %s%noptions %s", text, Show.abbreviated(event), options)
                .isEqualTo(expected);
        return expected;
    }
}
