package dev.cwfilter;

import dev.cwfilter.ast.SourceSpan;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Why a message matches a pattern or not: every clause of the pattern (term, JSON comparison or test, space-delimited
 * field condition), what the message holds for it, whether it holds, and which clauses decided the result. From
 * {@link FilterPattern#explain(String)}; {@link #matched()} always equals {@link FilterPattern#matches(String)}.
 *
 * <pre>
 * no match: $.eventName = "GetSecretValue" fails ($.eventName is "ListSecrets")
 * </pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param matched whether the message matches
 * @param reason  the decision in one line
 * @param clauses every clause in pattern order; empty where no clause was reached (the message is not JSON, has too
 *                few fields, or the pattern is empty)
 */
public record MatchExplanation(boolean matched, String reason, List<ClauseResult> clauses) {

    /** Copies the clauses. */
    public MatchExplanation {
        Objects.requireNonNull(reason, "reason");
        clauses = List.copyOf(clauses);
    }

    /** The clauses that decided the result. */
    public List<ClauseResult> decidingClauses() {
        return clauses.stream().filter(ClauseResult::deciding).toList();
    }

    /** {@code match: ...} or {@code no match: ...} with the reason. */
    @Override
    public String toString() {
        return (matched ? "match: " : "no match: ") + reason;
    }

    /**
     * One clause and what it decided.
     *
     * @param text     the clause's canonical text, such as {@code $.eventName = "GetSecretValue"}
     * @param span     where the clause was written in the pattern text, if known
     * @param holds    whether it holds for the message
     * @param observed what the message holds for it, such as {@code "ListSecrets"}, {@code missing}, {@code present},
     *                 {@code field 6 is "200"}
     * @param deciding whether it is one of the clauses that decided the result
     */
    public record ClauseResult(String text, Optional<SourceSpan> span, boolean holds, String observed,
                               boolean deciding) {
        /** Checks for null. */
        public ClauseResult {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(span, "span");
        }
    }
}
