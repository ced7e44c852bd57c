package dev.cwfilter.ast;

/**
 * The condition of a space-delimited field: comparisons of that field joined by {@code &&} and {@code ||}, with
 * {@code &&} binding tighter. There are no parentheses in space-delimited patterns, so a {@link FieldAnd} holds only
 * comparisons.
 *
 * <p>Implementations are immutable and thread-safe.
 */
public sealed interface FieldCondition permits FieldComparison, FieldAnd, FieldOr {
}
