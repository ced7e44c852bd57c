package dev.cwfilter.ast;

/**
 * The pattern that matches every log event: an empty or blank pattern.
 *
 * <p>Immutable and thread-safe.
 */
public record MatchAll() implements Pattern {
}
