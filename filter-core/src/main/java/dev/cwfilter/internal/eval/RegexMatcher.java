package dev.cwfilter.internal.eval;

import dev.cwfilter.internal.eval.search.ByteSearch;
import dev.cwfilter.internal.eval.search.RegexProgram;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A standalone {@code %regex%} pattern: an unanchored search of the whole message, in time linear in the message
 * whatever the expression ({@link RegexProgram}).
 *
 * <p>Immutable and thread-safe.
 */
public final class RegexMatcher implements EventMatcher {

    private final RegexProgram program;
    private final Clause clause;
    /** The expression's required literals in UTF-8: bytes holding none of them cannot match. */
    private final ByteSearch.Needle[] required;
    /**
     * The UTF-8 of the texts the alternatives are, when each is a literal ({@link RegexProgram#literals}): bytes
     * holding one of them match, and only those, without being decoded. Null otherwise.
     */
    private final ByteSearch.Needle[] literals;

    /**
     * A matcher for an expression already translated to RE2 syntax and compiled.
     *
     * @param program the compiled expression
     * @param clause  the expression as explanations name it
     */
    public RegexMatcher(RegexProgram program, Clause clause) {
        this.program = program;
        this.clause = clause;
        this.required = program.requiredLiterals().stream()
                .map(l -> ByteSearch.Needle.of(l.getBytes(StandardCharsets.UTF_8))).toArray(ByteSearch.Needle[]::new);
        this.literals = program.literals() == null ? null : program.literals().stream()
                .map(l -> ByteSearch.Needle.of(l.getBytes(StandardCharsets.UTF_8))).toArray(ByteSearch.Needle[]::new);
    }

    /** The literals every match contains, one per alternative (empty if the expression has no such set). */
    public java.util.List<String> requiredLiterals() {
        return program.requiredLiterals();
    }

    @Override
    public boolean matches(String message) {
        return program.find(message);
    }

    @Override
    public boolean matches(byte[] utf8, int offset, int length) {
        if (literals != null) {
            // A literal's UTF-8 is in the bytes exactly where the literal is in their decoded text: a literal holds no
            // U+FFFD (a regular expression's characters are below U+0100), and a valid sequence decodes to itself
            // whatever precedes it, since its first byte (ASCII or a lead byte) ends any malformed sequence before it.
            return holdsAny(literals, utf8, offset, offset + length);
        }
        if (required.length > 0 && !holdsAny(required, utf8, offset, offset + length)) {
            // A literal's UTF-8 is in the bytes wherever the literal is in their decoded text (malformed bytes
            // decode to U+FFFD, which no literal holds): checked before decoding.
            return false;
        }
        // Decoded as a String would be, malformed bytes exactly as matches(String) sees them.
        return program.find(utf8, offset, length);
    }

    private static boolean holdsAny(ByteSearch.Needle[] needles, byte[] utf8, int from, int to) {
        for (ByteSearch.Needle needle : needles) {
            if (needle.indexIn(utf8, from, to) >= 0) {
                return true;
            }
        }
        return false;
    }

    @Override
    public Map<String, String> extract(String message) {
        return matches(message) ? Map.of() : null;
    }

    @Override
    public Explanation explain(String message) {
        boolean found = matches(message);
        Explanation.Outcome outcome = new Explanation.Outcome(clause, found, found ? "found" : "not found", true);
        return new Explanation(found, Explanation.reasonOf(java.util.List.of(outcome)), java.util.List.of(outcome));
    }
}
