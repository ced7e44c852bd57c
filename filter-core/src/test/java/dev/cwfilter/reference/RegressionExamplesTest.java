package dev.cwfilter.reference;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cwfilter.FilterOptions;
import dev.cwfilter.FilterPattern;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The smallest examples of the disagreements between the library and the specification that the reference properties
 * found, one test per rule, each named after the rule it checks. Each expectation quotes its rule; the reference
 * evaluator gives the same answer wherever it applies.
 */
class RegressionExamplesTest {

    /**
     * Decided semantics: regex {@code $} has Java's no-flags meaning, "end, or before a final line terminator". In
     * Java {@code \r\n} is one line terminator, so the position between its {@code \r} and {@code \n} is neither.
     */
    @Test
    void dollarDoesNotMatchBetweenTheCrAndLfOfAFinalCrLf() {
        assertThat(java.util.regex.Pattern.compile("\\x0D$").matcher("a\r\n").find()).isFalse();
        assertThat(ReferenceRegex.finds("\\x0D$", "a\r\n")).isFalse();
        assertThat(FilterPattern.compile("%\\x0D$%").matches("a\r\n")).as("%\\x0D$% on a\\r\\n").isFalse();
        assertThat(FilterPattern.compile("%\\S$%").matches("\r\n")).as("%\\S$% on \\r\\n").isFalse();
        assertThat(FilterPattern.compile("{ $.a = %\\x0D$% }").matches("{\"a\":\"a\\r\\n\"}"))
                .as("{ $.a = %%\\x0D$%% } on {\"a\":\"a\\r\\n\"}").isFalse();
    }

    /**
     * SEMANTICS.md O1 [OBSERVED] corrects the first line of the 2.2 algorithm: a quoted blank term is an ordinary
     * term, so {@code -" "} excludes messages with a space instead of matching everything, and {@code -""} (the empty
     * term occurs everywhere) matches nothing.
     */
    @Test
    void aQuotedBlankTermIsAnOrdinaryTermEvenAlone() {
        assertThat(ReferenceEvaluator.defaults().matches(FilterPattern.compile("-\" \"").ast(), "abc")).isTrue();
        assertThat(ReferenceEvaluator.defaults().matches(FilterPattern.compile("-\" \"").ast(), "a c")).isFalse();
        assertThat(FilterPattern.compile("-\" \"").matches("abc")).as("-\" \" on abc").isTrue();
        assertThat(FilterPattern.compile("-\" \"").matches("a c")).as("-\" \" on a c").isFalse();
        assertThat(FilterPattern.compile("?\" \" -\"\"").matches("abc")).as("?\" \" -\"\" on abc").isFalse();
    }

    /**
     * SEMANTICS.md 4.2: "The event message must parse as JSON; otherwise no match"; the only event limits are
     * {@code maxEventBytes} and {@code maxEventNestingDepth}. A number literal of 1001 digits is valid JSON.
     */
    @Test
    void aValidEventWithALongNumberLiteralIsEvaluated() {
        String event = "{\"a\":\"x\",\"b\":1" + "0".repeat(1000) + "}";
        assertThat(ReferenceEvaluator.defaults().matches(FilterPattern.compile("{ $.a = \"x\" }").ast(), event))
                .isTrue();
        assertThat(FilterPattern.compile("{ $.a = \"x\" }").matches(event))
                .as("{ $.a = \"x\" } on {\"a\":\"x\",\"b\":1 followed by 1000 zeros}").isTrue();
    }

    /** As above: a property name of 50,001 characters is valid JSON, and the event is well under 1 MiB. */
    @Test
    void aValidEventWithALongPropertyNameIsEvaluated() {
        String event = "{\"a\":\"x\",\"" + "k".repeat(50_001) + "\":1}";
        assertThat(ReferenceEvaluator.defaults().matches(FilterPattern.compile("{ $.a = \"x\" }").ast(), event))
                .isTrue();
        assertThat(FilterPattern.compile("{ $.a = \"x\" }").matches(event))
                .as("{ $.a = \"x\" } on {\"a\":\"x\",\"<50,001 k>\":1}").isTrue();
    }

    /**
     * {@code FilterPattern.matches(byte[], int, int)}: "the same answer as matches(String) for the decoded text";
     * {@code EventMatcher}: "bytes that are not valid UTF-8 are read as the replacement character, as decoding them
     * would". Here an invalid byte sits inside a JSON string that no selector reads.
     */
    @Test
    void invalidUtf8InAJsonEventReadsAsTheReplacementCharacter() {
        byte[] bytes = {'{', '"', 'a', '"', ':', '"', 'x', '"', ',', '"', 'b', '"', ':', '"', (byte) 0x80, '"', '}'};
        String decoded = new String(bytes, StandardCharsets.UTF_8);
        FilterPattern pattern = FilterPattern.compile("{ $.a = \"x\" }");
        assertThat(pattern.matches(decoded)).as("{ $.a = \"x\" } on the decoded text").isTrue();
        assertThat(pattern.matches(bytes, 0, bytes.length))
                .as("{ $.a = \"x\" } on the bytes {\"a\":\"x\",\"b\":\"<0x80>\"}").isTrue();
    }

    /**
     * As above, at the size limit: one invalid byte decodes to U+FFFD, three bytes of UTF-8, so bytes and text answer
     * differently unless the limit is applied to the same thing.
     */
    @Test
    void invalidUtf8AtTheSizeLimitAnswersAsItsDecodedText() {
        FilterPattern everything = FilterPattern.compile("[]", FilterOptions.builder().maxEventBytes(2).build());
        byte[] bytes = {(byte) 0x80};
        assertThat(everything.matches(bytes, 0, 1))
                .as("[] with maxEventBytes 2 on the byte 0x80, whose text U+FFFD is 3 bytes")
                .isEqualTo(everything.matches(new String(bytes, StandardCharsets.UTF_8)));
    }
}
