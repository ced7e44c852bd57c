package dev.cwfilter.internal.eval;

import dev.cwfilter.ast.SourceSpan;

/**
 * One clause of a compiled pattern, as explanations name it: a term, a JSON comparison or test, a space-delimited
 * field's condition.
 *
 * <p>Immutable and thread-safe.
 *
 * @param text its canonical text, such as {@code $.eventName = "GetSecretValue"}
 * @param span where it was written in the pattern, or null if the pattern was not compiled from text
 */
public record Clause(String text, SourceSpan span) {
}
