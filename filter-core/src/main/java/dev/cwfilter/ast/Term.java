package dev.cwfilter.ast;

import java.util.Objects;

/**
 * One term of a {@link TermPattern}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param kind   required, optional or excluded
 * @param text   the text to look for, with quoting escapes already resolved
 * @param quoted whether the term was written in double quotes; a bare term is a run of non-blank characters that
 *               does not start with one of <code>" &#123; [ % ? -</code>
 */
public record Term(TermKind kind, String text, boolean quoted) {

    /** Checks that a bare term can be written without quotes. */
    public Term {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(text, "text");
        if (!Lexical.isWellFormedUnicode(text)) {
            throw new IllegalArgumentException("not valid Unicode text (an unpaired surrogate): " + text);
        }
        if (!quoted && !Lexical.isBareTerm(text)) {
            throw new IllegalArgumentException("not a bare term, it must be quoted: " + text);
        }
    }

    /** A required term. */
    public static Term required(String text, boolean quoted) {
        return new Term(TermKind.REQUIRED, text, quoted);
    }
}
