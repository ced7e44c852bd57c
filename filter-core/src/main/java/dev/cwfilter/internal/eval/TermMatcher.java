package dev.cwfilter.internal.eval;

import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * An unstructured term pattern (SEMANTICS.md section 2.2): each term is a case-sensitive substring of the whole
 * message. With any plain or excluded term, every plain term must occur and no excluded term may; the {@code ?} terms
 * are then ignored. With only {@code ?} terms, at least one must occur. A quoted blank term ({@code " "},
 * {@code ""}) occurs in every message.
 *
 * <p>Immutable and thread-safe.
 */
public final class TermMatcher implements EventMatcher {

    private final Needle[] required;
    private final Needle[] excluded;
    private final Needle[] optional;

    /** One term to look for: its text and its UTF-8 encoding, or "always present" for a blank term. */
    public record Needle(String text, ByteSearch.Needle utf8, boolean always) {
        /** The needle for a term's text. */
        public static Needle of(String text) {
            return new Needle(text, ByteSearch.Needle.of(text.getBytes(StandardCharsets.UTF_8)), text.isBlank());
        }

        boolean in(String message) {
            return always || message.contains(text);
        }

        boolean in(byte[] b, int off, int len) {
            return always || utf8.indexIn(b, off, off + len) >= 0;
        }
    }

    /**
     * A matcher for the given terms.
     *
     * @param required the plain terms
     * @param excluded the {@code -} terms
     * @param optional the {@code ?} terms; ignored if there are plain or excluded terms
     */
    public TermMatcher(List<String> required, List<String> excluded, List<String> optional) {
        // The longest terms are the rarest: look for them first so that a miss ends the search early.
        Comparator<Needle> longestFirst = Comparator.comparingInt((Needle n) -> n.utf8().bytes().length).reversed();
        this.required = required.stream().map(Needle::of).sorted(longestFirst).toArray(Needle[]::new);
        this.excluded = excluded.stream().map(Needle::of).sorted(longestFirst).toArray(Needle[]::new);
        this.optional = this.required.length + this.excluded.length > 0 ? new Needle[0]
                : optional.stream().map(Needle::of).sorted(longestFirst).toArray(Needle[]::new);
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
}
