package dev.cwfilter.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cwfilter.FilterOptions;
import dev.cwfilter.FilterPattern;
import dev.cwfilter.FilterPatternException;
import java.nio.charset.StandardCharsets;

/**
 * The assertions the rule tests share. Every match assertion asks both public entry points, the {@code String} one
 * and the UTF-8 one (with the message placed inside a larger array, so that offset and length are honoured), and
 * says in its failure which one answered wrongly.
 */
final class RuleAssertions {

    private RuleAssertions() {
    }

    static void assertMatches(String pattern, String event) {
        assertMatch(pattern, FilterOptions.defaults(), event, true);
    }

    static void assertNoMatch(String pattern, String event) {
        assertMatch(pattern, FilterOptions.defaults(), event, false);
    }

    static void assertMatches(String pattern, FilterOptions options, String event) {
        assertMatch(pattern, options, event, true);
    }

    static void assertNoMatch(String pattern, FilterOptions options, String event) {
        assertMatch(pattern, options, event, false);
    }

    static void assertMatch(String pattern, String event, boolean expected) {
        assertMatch(pattern, FilterOptions.defaults(), event, expected);
    }

    static void assertMatch(String pattern, FilterOptions options, String event, boolean expected) {
        assertMatch(FilterPattern.compile(pattern, options), event, expected);
    }

    static void assertMatch(FilterPattern pattern, String event, boolean expected) {
        String facts = "\npattern:  " + show(pattern.source()) + "\nevent:    " + show(event)
                + "\nexpected: " + (expected ? "match" : "no match");
        assertThat(pattern.matches(event)).as("matches(String)" + facts).isEqualTo(expected);
        assertThat(matchesUtf8(pattern, event)).as("matches(byte[], offset, length)" + facts).isEqualTo(expected);
    }

    /** The UTF-8 entry point, with the message framed by bytes that must not be read. */
    static boolean matchesUtf8(FilterPattern pattern, String event) {
        byte[] body = event.getBytes(StandardCharsets.UTF_8);
        byte[] frame = "\"}] ERROR x".getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[frame.length + body.length + frame.length];
        System.arraycopy(frame, 0, all, 0, frame.length);
        System.arraycopy(body, 0, all, frame.length, body.length);
        System.arraycopy(frame, 0, all, frame.length + body.length, frame.length);
        return pattern.matches(all, frame.length, body.length);
    }

    static void assertRejected(String pattern) {
        assertRejected(pattern, FilterOptions.defaults());
    }

    static void assertRejected(String pattern, FilterOptions options) {
        assertThatThrownBy(() -> FilterPattern.compile(pattern, options))
                .as("pattern %s must be rejected", show(pattern))
                .isInstanceOf(FilterPatternException.class);
    }

    static void assertAccepted(String pattern) {
        assertThat(FilterPattern.parse(pattern).isValid()).as("pattern %s must compile", show(pattern)).isTrue();
        FilterPattern.compile(pattern);
    }

    static String show(String s) {
        String escaped = s.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t");
        return escaped.length() > 200 ? "\"" + escaped.substring(0, 200) + "...\" (" + s.length() + " chars)"
                : "\"" + escaped + "\"";
    }
}
