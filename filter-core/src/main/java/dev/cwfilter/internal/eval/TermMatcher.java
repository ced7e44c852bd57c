package dev.cwfilter.internal.eval;

import dev.cwfilter.ast.TermKind;
import dev.cwfilter.internal.eval.search.ByteSearch;
import dev.cwfilter.internal.eval.search.TextSearch;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * An unstructured term pattern (SEMANTICS.md section 2.2): each term is a case-sensitive substring of the whole
 * message. With any plain or excluded term, every plain term must occur and no excluded term may; the {@code ?} terms
 * are then ignored. With only {@code ?} terms, at least one must occur. A quoted blank term is an ordinary term
 * (SEMANTICS.md O1, observed on real AWS): {@code " "} occurs in exactly the messages holding a space, and the empty
 * term {@code ""} in every message, which is why the pattern {@code ""} matches everything.
 *
 * <p>Immutable and thread-safe.
 */
public final class TermMatcher implements EventMatcher {

    /**
     * One term of the pattern.
     *
     * @param kind   required, optional or excluded
     * @param text   the text to look for
     * @param clause the term as explanations name it
     */
    public record Term(TermKind kind, String text, Clause clause) {
    }

    private final Term[] terms;
    private final Needle[] required;
    private final Needle[] excluded;
    private final Needle[] optional;

    /** One term to look for: its text and its UTF-8 encoding; the empty term occurs everywhere. */
    private record Needle(String text, TextSearch search, ByteSearch.Needle utf8, boolean always) {
        static Needle of(String text) {
            return new Needle(text, new TextSearch(text), ByteSearch.Needle.of(text.getBytes(StandardCharsets.UTF_8)),
                    text.isEmpty());
        }

        boolean in(String message) {
            return always || search.in(message);
        }

        boolean in(byte[] b, int off, int len) {
            return always || utf8.indexIn(b, off, off + len) >= 0;
        }
    }

    /** A matcher for the terms, in pattern order. */
    public TermMatcher(List<Term> terms) {
        this.terms = terms.toArray(Term[]::new);
        // The longest terms are the rarest: look for them first so that a miss ends the search early.
        Comparator<Needle> longestFirst = Comparator.comparingInt((Needle n) -> n.text().length()).reversed();
        this.required = needles(terms, TermKind.REQUIRED, longestFirst);
        this.excluded = needles(terms, TermKind.EXCLUDED, longestFirst);
        this.optional = required.length + excluded.length > 0 ? new Needle[0]
                : needles(terms, TermKind.OPTIONAL, longestFirst);
    }

    private static Needle[] needles(List<Term> terms, TermKind kind, Comparator<Needle> order) {
        return terms.stream().filter(t -> t.kind() == kind).map(t -> Needle.of(t.text())).sorted(order)
                .toArray(Needle[]::new);
    }

    @Override
    public boolean matches(String message) {
        if (optional.length > 0) {
            for (Needle n : optional) {
                if (n.in(message)) {
                    return true;
                }
            }
            return false;
        }
        for (Needle n : required) {
            if (!n.in(message)) {
                return false;
            }
        }
        for (Needle n : excluded) {
            if (n.in(message)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean matches(byte[] utf8, int offset, int length) {
        if (optional.length > 0) {
            for (Needle n : optional) {
                if (n.in(utf8, offset, length)) {
                    return true;
                }
            }
            return false;
        }
        for (Needle n : required) {
            if (!n.in(utf8, offset, length)) {
                return false;
            }
        }
        for (Needle n : excluded) {
            if (n.in(utf8, offset, length)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public Map<String, String> extract(String message) {
        return matches(message) ? Map.of() : null;
    }

    @Override
    public Explanation explain(String message) {
        boolean matched = matches(message);
        boolean onlyOptional = optional.length > 0;
        boolean[] present = new boolean[terms.length];
        boolean[] holds = new boolean[terms.length];
        boolean[] counts = new boolean[terms.length];
        for (int i = 0; i < terms.length; i++) {
            present[i] = Needle.of(terms[i].text()).in(message);
            holds[i] = terms[i].kind() == TermKind.EXCLUDED ? !present[i] : present[i];
            counts[i] = onlyOptional || terms[i].kind() != TermKind.OPTIONAL;
        }
        // What decided: a match with only ? terms, the first that occurs; any other match, every counted term; a
        // miss with only ? terms, all of them; any other miss, the first counted term that fails.
        boolean firstOnly = onlyOptional == matched;
        boolean[] deciding = new boolean[terms.length];
        for (int i = 0; i < terms.length; i++) {
            if (counts[i] && (!firstOnly || holds[i] == matched)) {
                deciding[i] = true;
                if (firstOnly) {
                    break;
                }
            }
        }
        List<Explanation.Outcome> outcomes = new ArrayList<>();
        for (int i = 0; i < terms.length; i++) {
            String observed = (present[i] ? "present" : "absent") + (counts[i] ? "" : "; ignored beside plain or - terms");
            outcomes.add(new Explanation.Outcome(terms[i].clause(), holds[i], observed, deciding[i]));
        }
        return new Explanation(matched, Explanation.reasonOf(outcomes), outcomes);
    }
}
