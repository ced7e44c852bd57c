package dev.cwfilter.internal.eval;

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
    public static final Prefilter NONE = new Prefilter(List.of(), false);

    private final String[] literals;
    private final ByteSearch.Needle[] utf8;
    private final boolean escapesMaySpellLiterals;

    /**
     * A prefilter.
     *
     * @param literals               texts every matching message contains
     * @param escapesMaySpellLiterals whether a backslash in the message voids the check (JSON escapes)
     */
    public Prefilter(List<String> literals, boolean escapesMaySpellLiterals) {
        // The longest literal is the most selective and the fastest to reject with.
        this.literals = literals.stream().distinct().filter(l -> !l.isEmpty())
                .sorted(Comparator.comparingInt(String::length).reversed()).toArray(String[]::new);
        this.utf8 = java.util.Arrays.stream(this.literals)
                .map(l -> ByteSearch.Needle.of(l.getBytes(StandardCharsets.UTF_8)))
                .toArray(ByteSearch.Needle[]::new);
        this.escapesMaySpellLiterals = escapesMaySpellLiterals;
    }

    /** The literals, longest first. */
    public List<String> literals() {
        return List.of(literals);
    }

    /** False if the message cannot match; true if it may. */
    public boolean mayMatch(String message) {
        if (literals.length == 0 || (escapesMaySpellLiterals && message.indexOf('\\') >= 0)) {
            return true;
        }
        for (String literal : literals) {
            if (!message.contains(literal)) {
                return false;
            }
        }
        return true;
    }

    /** False if the UTF-8 message cannot match; true if it may. */
    public boolean mayMatch(byte[] b, int offset, int length) {
        if (literals.length == 0) {
            return true;
        }
        boolean backslash = escapesMaySpellLiterals
                && ByteSearch.indexOf(b, offset, offset + length, (byte) '\\') >= 0;
        return mayMatch(b, offset, length, backslash);
    }

    /** Whether the message has literals to check. */
    public boolean isEmpty() {
        return literals.length == 0;
    }

    /**
     * False if the UTF-8 message cannot match; true if it may.
     *
     * @param hasBackslash whether the message holds a backslash, already known to the caller
     */
    public boolean mayMatch(byte[] b, int offset, int length, boolean hasBackslash) {
        if (literals.length == 0 || (escapesMaySpellLiterals && hasBackslash)) {
            return true;
        }
        for (ByteSearch.Needle literal : utf8) {
            if (literal.indexIn(b, offset, offset + length) < 0) {
                return false;
            }
        }
        return true;
    }
}
