package dev.cwfilter.ast;

/**
 * A condition inside a JSON pattern: a comparison, a test, or {@code &&} / {@code ||} of conditions. Parentheses are
 * not nodes: the tree's shape says how the conditions group, and the printer adds parentheses where precedence needs
 * them ({@code ()} binds tighter than {@code &&}, which binds tighter than {@code ||}).
 *
 * <p>Implementations are immutable and thread-safe.
 */
public sealed interface JsonExpression permits JsonAnd, JsonOr, JsonComparison, JsonTest {
}
