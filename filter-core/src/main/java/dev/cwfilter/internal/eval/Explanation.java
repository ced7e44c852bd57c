package dev.cwfilter.internal.eval;

import java.util.List;

/**
 * Why a message matched or not: the outcome of each clause, which of them decided, and a one-line reason.
 *
 * <p>Immutable and thread-safe.
 *
 * @param matched whether the message matches; always what {@link EventMatcher#matches(String)} says
 * @param reason  the decision in one line, such as {@code $.eventName = "GetSecretValue" is false: $.eventName is
 *                "ListSecrets"}
 * @param clauses every clause, in pattern order
 */
public record Explanation(boolean matched, String reason, List<Outcome> clauses) {

    /** Copies the clauses. */
    public Explanation {
        clauses = List.copyOf(clauses);
    }

    /**
     * One clause's outcome.
     *
     * @param clause   the clause
     * @param holds    whether it holds for the message
     * @param observed what the message holds for it: {@code "ListSecrets"}, {@code missing}, {@code present}
     * @param deciding whether it is one of the clauses that decided the result
     */
    public record Outcome(Clause clause, boolean holds, String observed, boolean deciding) {
    }

    /** The reason built from the deciding clauses: "clause is true/false: observed; ...". */
    public static String reasonOf(List<Outcome> outcomes) {
        StringBuilder sb = new StringBuilder();
        for (Outcome o : outcomes) {
            if (o.deciding()) {
                if (sb.length() > 0) {
                    sb.append("; ");
                }
                sb.append(o.clause().text()).append(o.holds() ? " holds" : " fails");
                if (o.observed() != null) {
                    sb.append(" (").append(o.observed()).append(')');
                }
            }
        }
        return sb.toString();
    }

    /** A value of a message, quoted and shortened for a reason line. */
    public static String quote(String value) {
        String shown = value.length() > 60 ? value.substring(0, 57) + "..." : value;
        return "\"" + shown.replace("\n", "\\n").replace("\t", "\\t") + "\"";
    }
}
