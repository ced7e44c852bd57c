package dev.cwfilter.ast;

/**
 * The right-hand side of a comparison in a JSON or space-delimited pattern.
 *
 * <p>Implementations are immutable and thread-safe.
 */
public sealed interface Value permits StringValue, NumberValue, Regex {
}
