package dev.cwfilter.internal.eval.prefilter;

import dev.cwfilter.internal.eval.search.ByteSearch;
import dev.cwfilter.internal.eval.search.TextSearch;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;

/**
 * Literals that every matching message must contain, checked in the raw text before any parsing: a cheap way to
 * reject most events of a selective pattern. For a JSON pattern a literal only has to appear in the raw text if no
 * JSON escape could have spelled it differently, so the check is skipped (the event may match) when the message holds
 * a backslash.
 *
 * <p>Immutable and thread-safe.
 */
public final class Prefilter {

    /** The prefilter that lets every event through. */
    public static final Prefilter NONE = new Prefilter(new String[0], false);

    /** The most literals worth scanning for before parsing. */
    private static final int MAX_LITERALS = 3;
    /** Shorter literals (a digit, a letter) are in nearly every event: scanning for them costs more than it saves. */
    private static final int MIN_LITERAL_LENGTH = 3;

    private final String[] literals;
    private final ByteSearch.Needle[] utf8;
    /** The literals for String messages: linear time even for a long literal the text almost holds everywhere. */
    private final TextSearch[] texts;
    private final boolean escapesMaySpellLiterals;

    private Prefilter(String[] literals, boolean escapesMaySpellLiterals) {
        this.literals = literals;
        this.utf8 = java.util.Arrays.stream(literals)
                .map(l -> ByteSearch.Needle.of(l.getBytes(StandardCharsets.UTF_8)))
                .toArray(ByteSearch.Needle[]::new);
        this.texts = java.util.Arrays.stream(literals).map(TextSearch::new).toArray(TextSearch[]::new);
        this.escapesMaySpellLiterals = escapesMaySpellLiterals;
    }

    /**
     * A prefilter for texts every matching message contains. It keeps those worth a scan: the longest (the most
     * selective, and the fastest to reject with) of at least three characters, at most three of them.
     *
     * @param literals                texts every matching message contains
     * @param escapesMaySpellLiterals whether a backslash in the message voids the check (JSON escapes)
     */
    public static Prefilter of(List<String> literals, boolean escapesMaySpellLiterals) {
        String[] kept = literals.stream().distinct().filter(l -> l.length() >= MIN_LITERAL_LENGTH)
                .sorted(Comparator.comparingInt(String::length).reversed())
                .limit(MAX_LITERALS).toArray(String[]::new);
        return kept.length == 0 ? NONE : new Prefilter(kept, escapesMaySpellLiterals);
    }

    /**
     * A prefilter for the {@code preferred} literals if any of them is worth a scan, else for the {@code fallback}
     * ones (see {@link #of}).
     */
    public static Prefilter preferring(List<String> preferred, List<String> fallback, boolean escapesMaySpellLiterals) {
        Prefilter p = of(preferred, escapesMaySpellLiterals);
        return p.literals.length > 0 ? p : of(fallback, escapesMaySpellLiterals);
    }

    /** The literals, longest first. */
    public List<String> literals() {
        return List.of(literals);
    }

    /** False if the message cannot match; true if it may. */
    public boolean mayMatch(String message) {
        for (TextSearch literal : texts) {
            if (!literal.in(message)) {
                return escapesMaySpellLiterals && message.indexOf('\\') >= 0;
            }
        }
        return true;
    }

    /**
     * False if the UTF-8 message cannot match; true if it may. Where escapes may spell a literal, each literal is
     * looked for in the same pass as a backslash, so a message is rejected after one read of its bytes.
     */
    public boolean mayMatch(byte[] b, int offset, int length) {
        for (ByteSearch.Needle literal : utf8) {
            int found = escapesMaySpellLiterals ? ByteSearch.indexOfUnlessBackslash(b, offset, offset + length, literal)
                    : literal.indexIn(b, offset, offset + length);
            if (found == ByteSearch.BACKSLASH_FIRST) {
                return true;
            }
            if (found < 0) {
                return false;
            }
        }
        return true;
    }
}
