package dev.cwfilter.ast;

import java.util.List;
import java.util.Objects;

/**
 * An unstructured pattern: whitespace-separated terms, each required, optional ({@code ?term}) or excluded
 * ({@code -term}).
 *
 * <p>Immutable and thread-safe.
 *
 * @param terms the terms in source order; never empty
 */
public record TermPattern(List<Term> terms) implements Pattern {

    /** Checks the terms and takes an immutable copy of them. */
    public TermPattern {
        terms = List.copyOf(Objects.requireNonNull(terms, "terms"));
        if (terms.isEmpty()) {
            throw new IllegalArgumentException("a term pattern needs at least one term; use MatchAll for none");
        }
    }
}
