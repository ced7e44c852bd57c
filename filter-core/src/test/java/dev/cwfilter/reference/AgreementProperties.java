package dev.cwfilter.reference;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cwfilter.FilterOptions;
import dev.cwfilter.FilterPattern;
import dev.cwfilter.ast.DelimitedPattern;
import dev.cwfilter.ast.JsonPattern;
import dev.cwfilter.ast.Pattern;
import dev.cwfilter.ast.PatternPrinter;
import dev.cwfilter.ast.TermPattern;
import java.math.BigInteger;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

/**
 * The streaming evaluator agrees with the reference evaluator: for generated patterns of each syntax, and events
 * drawn from the same vocabulary, {@code FilterPattern.compile(print(ast), options).matches(event)} is what
 * {@link ReferenceEvaluator} answers, with the default options and with {@code lenientJsonPrefix} /
 * {@code exactFieldCount} on. The match ratio is collected so that a generator that stops hitting shows up.
 */
class AgreementProperties {

    private static final FilterOptions LENIENT_JSON = FilterOptions.builder().lenientJsonPrefix(true).build();
    private static final FilterOptions EXACT_FIELDS = FilterOptions.builder().exactFieldCount(true).build();

    @Provide
    Arbitrary<TermPattern> termPatterns() {
        return ReferenceArbitraries.termPatterns();
    }

    @Provide
    Arbitrary<String> termEvents() {
        return ReferenceArbitraries.termEvents();
    }

    @Provide
    Arbitrary<Pattern> regexPatterns() {
        return ReferenceArbitraries.regexPatterns();
    }

    @Provide
    Arbitrary<String> regexEvents() {
        return ReferenceArbitraries.regexEvents();
    }

    @Provide
    Arbitrary<JsonPattern> jsonPatterns() {
        return ReferenceArbitraries.jsonPatterns();
    }

    @Provide
    Arbitrary<String> jsonEvents() {
        return ReferenceArbitraries.jsonEvents();
    }

    @Provide
    Arbitrary<ReferenceArbitraries.JsonCase> jsonCases() {
        return ReferenceArbitraries.jsonCases();
    }

    @Provide
    Arbitrary<ReferenceArbitraries.JsonCase> prefixedJsonCases() {
        return ReferenceArbitraries.prefixedJsonCases();
    }

    @Provide
    Arbitrary<DelimitedPattern> delimitedPatterns() {
        return ReferenceArbitraries.delimitedPatterns();
    }

    @Provide
    Arbitrary<String> delimitedEvents() {
        return ReferenceArbitraries.delimitedEvents();
    }

    @Property(tries = 3000)
    void streamingEvaluatorAgreesWithReferenceOnTerms(@ForAll("termPatterns") TermPattern pattern,
                                                      @ForAll("termEvents") String event) {
        agree(pattern, FilterOptions.defaults(), event);
    }

    @Property(tries = 3000)
    void streamingEvaluatorAgreesWithReferenceOnRegex(@ForAll("regexPatterns") Pattern pattern,
                                                      @ForAll("regexEvents") String event) {
        agree(pattern, FilterOptions.defaults(), event);
    }

    @Provide
    Arbitrary<Pattern> lineEndRegexPatterns() {
        return ReferenceArbitraries.lineEndRegexPatterns();
    }

    @Provide
    Arbitrary<String> lineEndEvents() {
        return ReferenceArbitraries.lineEndEvents();
    }

    /** The regex translation's {@code .}, {@code $} and {@code \s} around every kind of line terminator. */
    @Property(tries = 1000)
    void streamingEvaluatorAgreesWithReferenceOnRegexAtLineTerminators(
            @ForAll("lineEndRegexPatterns") Pattern pattern, @ForAll("lineEndEvents") String event) {
        agree(pattern, FilterOptions.defaults(), event);
    }

    @Property(tries = 3000, edgeCases = EdgeCasesMode.NONE)
    void streamingEvaluatorAgreesWithReferenceOnJson(@ForAll("jsonCases") ReferenceArbitraries.JsonCase c) {
        agree(c.pattern(), FilterOptions.defaults(), c.event());
    }

    @Property(tries = 1000)
    void streamingEvaluatorAgreesWithReferenceOnJsonFromTheVocabulary(@ForAll("jsonPatterns") JsonPattern pattern,
                                                                     @ForAll("jsonEvents") String event) {
        agree(pattern, FilterOptions.defaults(), event);
    }

    @Property(tries = 1500, edgeCases = EdgeCasesMode.NONE)
    void streamingEvaluatorAgreesWithReferenceOnJsonWithLenientPrefix(
            @ForAll("prefixedJsonCases") ReferenceArbitraries.JsonCase c) {
        agree(c.pattern(), LENIENT_JSON, c.event());
    }

    @Property(tries = 1000, edgeCases = EdgeCasesMode.NONE)
    void streamingEvaluatorAgreesWithReferenceOnPrefixedJsonByDefault(
            @ForAll("prefixedJsonCases") ReferenceArbitraries.JsonCase c) {
        agree(c.pattern(), FilterOptions.defaults(), c.event());
    }

    @Property(tries = 3000)
    void streamingEvaluatorAgreesWithReferenceOnDelimited(@ForAll("delimitedPatterns") DelimitedPattern pattern,
                                                          @ForAll("delimitedEvents") String event) {
        agree(pattern, FilterOptions.defaults(), event);
    }

    @Property(tries = 1500)
    void streamingEvaluatorAgreesWithReferenceOnDelimitedWithExactFieldCount(
            @ForAll("delimitedPatterns") DelimitedPattern pattern, @ForAll("delimitedEvents") String event) {
        agree(pattern, EXACT_FIELDS, event);
    }

    /**
     * A valid event with one very long token (a number literal around 1000 digits, a key around 50,000 characters:
     * where a JSON parser's default read limits lie) is evaluated like any other: the only event limits are
     * {@code maxEventBytes} and {@code maxEventNestingDepth}.
     */
    @Property(tries = 40, edgeCases = EdgeCasesMode.NONE)
    void streamingEvaluatorAgreesWithReferenceOnLongTokens(@ForAll("jsonCases") ReferenceArbitraries.JsonCase c,
                                                           @ForAll @IntRange(min = -3, max = 3) int slack,
                                                           @ForAll boolean longKey) {
        ObjectNode tree = c.tree().deepCopy();
        if (longKey) {
            tree.put("k".repeat(50_000 + slack), 1);
        } else {
            tree.set("n", JsonNodeFactory.instance.numberNode(new BigInteger("1" + "0".repeat(999 + slack))));
        }
        agree(c.pattern(), FilterOptions.defaults(), ReferenceArbitraries.write(tree, false));
    }

    static void agree(Pattern pattern, FilterOptions options, String event) {
        String text = PatternPrinter.print(pattern);
        boolean expected = new ReferenceEvaluator(options).matches(pattern, event);
        Statistics.label("match").collect(expected);
        assertThat(FilterPattern.compile(text, options).matches(event))
                .as("pattern %s%nevent   %s%noptions %s", text, Show.abbreviated(event), options)
                .isEqualTo(expected);
    }
}
