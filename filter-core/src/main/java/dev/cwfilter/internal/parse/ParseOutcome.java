package dev.cwfilter.internal.parse;

import dev.cwfilter.ast.Pattern;
import dev.cwfilter.ast.SourceSpan;
import java.util.List;
import java.util.Map;

/**
 * What parsing produced: the tree and where each node was written, or the problems.
 *
 * <p>Safe to share once returned: nothing changes it afterwards (the span map is handed over, not copied).
 *
 * @param ast    the tree, or null if there are issues
 * @param issues the problems in order of offset; empty if and only if {@code ast} is not null
 * @param spans  the source span of each node, keyed by node identity
 */
public record ParseOutcome(Pattern ast, List<Issue> issues, Map<Object, SourceSpan> spans) {
}
