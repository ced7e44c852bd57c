package dev.cwfilter.internal.eval;

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

    /**
     * A matcher for an expression already translated to RE2 syntax and compiled.
     *
     * @param program the compiled expression
     * @param clause  the expression as explanations name it
     */
    public RegexMatcher(RegexProgram program, Clause clause) {
        this.program = program;
        this.clause = clause;
    }

    @Override
    public boolean matches(String message) {
        return program.find(message);
    }

    @Override
    public boolean matches(byte[] utf8, int offset, int length) {
        // Decoding as a String does keeps malformed bytes exactly as matches(String) would see them.
        return program.find(new String(utf8, offset, length, StandardCharsets.UTF_8));
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
