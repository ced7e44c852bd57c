package dev.cwfilter.internal.eval;

import com.google.re2j.Pattern;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A standalone {@code %regex%} pattern: an unanchored search of the whole message with re2j, in time linear in the
 * message whatever the expression.
 *
 * <p>Immutable and thread-safe.
 */
public final class RegexMatcher implements EventMatcher {

    private final Pattern pattern;

    /** A matcher for an expression already translated to RE2 syntax and compiled. */
    public RegexMatcher(Pattern pattern) {
        this.pattern = pattern;
    }

    @Override
    public boolean matches(String message) {
        return pattern.matcher(message).find();
    }

    @Override
    public boolean matches(byte[] utf8, int offset, int length) {
        // Decoding as a String does keeps malformed bytes exactly as matches(String) would see them.
        return pattern.matcher(new String(utf8, offset, length, StandardCharsets.UTF_8)).find();
    }

    @Override
    public Map<String, String> extract(String message) {
        return matches(message) ? Map.of() : null;
    }
}
