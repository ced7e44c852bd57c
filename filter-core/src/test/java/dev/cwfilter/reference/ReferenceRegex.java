package dev.cwfilter.reference;

import java.util.regex.Pattern;

/**
 * CloudWatch's regular-expression dialect (SEMANTICS.md section 3) rewritten for {@code java.util.regex}, as a test
 * oracle only: the library must never use {@code java.util.regex}, so this is an independent check of its own
 * translation.
 *
 * <p>The dialect is mostly Java's without flags ({@code .} stops at line terminators, {@code $} matches at the end or
 * before a final line terminator, {@code \d} and {@code \w} are ASCII). Three things differ and are rewritten:
 * {@code \s} is only tab, newline and space, {@code \S} its complement, and {@code {,n}} means {@code {0,n}}.
 * Matching is an unanchored {@code find()}.
 */
final class ReferenceRegex {

    private ReferenceRegex() {
    }

    /** Whether the CloudWatch regular expression occurs anywhere in the text. */
    static boolean finds(String cloudWatchSource, String text) {
        return toJava(cloudWatchSource).matcher(text).find();
    }

    /** The equivalent {@code java.util.regex} pattern, compiled without flags. */
    static Pattern toJava(String source) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < source.length(); i++) {
            char c = source.charAt(i);
            if (c == '\\' && i + 1 < source.length()) {
                char escaped = source.charAt(++i);
                if (escaped == 's') {
                    out.append("[\\t\\n ]");
                } else if (escaped == 'S') {
                    out.append("[^\\t\\n ]");
                } else {
                    out.append(c).append(escaped);
                }
            } else if (c == '{' && i + 1 < source.length() && source.charAt(i + 1) == ',') {
                out.append("{0");
            } else {
                out.append(c);
            }
        }
        return Pattern.compile(out.toString());
    }
}
