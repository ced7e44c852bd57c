package dev.cwfilter.ast;

import java.util.Objects;

/**
 * A string to compare with, quoted ({@code "GetSecretValue"}) or bare ({@code kms.amazonaws.com},
 * {@code AccessDenied*}). A leading or trailing {@code *} is a wildcard; a {@code *} anywhere else is literal.
 *
 * <p>Immutable and thread-safe.
 *
 * @param text   the string, with quoting escapes already resolved
 * @param quoted whether it was written in double quotes
 */
public record StringValue(String text, boolean quoted) implements Value {

    /** Checks that a bare value can be written without quotes. */
    public StringValue {
        Objects.requireNonNull(text, "text");
        if (!Lexical.isWellFormedUnicode(text)) {
            throw new IllegalArgumentException("not valid Unicode text (an unpaired surrogate): " + text);
        }
        if (!quoted && !Lexical.isBareValue(text)) {
            throw new IllegalArgumentException("not a bare value, it must be quoted: " + text);
        }
    }
}
