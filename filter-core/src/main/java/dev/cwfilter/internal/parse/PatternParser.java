package dev.cwfilter.internal.parse;

import dev.cwfilter.ast.Pattern;
import dev.cwfilter.ast.Selector;
import dev.cwfilter.ast.SourceSpan;
import dev.cwfilter.internal.grammar.FilterLexer;
import dev.cwfilter.internal.grammar.FilterParser;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;

/**
 * Parses filter-pattern text into an AST, or into every problem found. The single entry point of the parsing stage:
 * length limit, lexing, nesting limit, parsing (fast SLL first, full LL with error reporting only if that fails), then
 * AST building and semantic checks. It never throws for bad input, never prints, and no ANTLR type escapes it.
 *
 * <p>Stateless and thread-safe (ANTLR's shared prediction caches are synchronised).
 */
public final class PatternParser {

    private PatternParser() {
    }

    /** Parses a pattern; the outcome holds the AST or the issues. */
    public static ParseOutcome parse(String text, ParseLimits limits) {
        int length = text.codePointCount(0, text.length());
        if (length > limits.maxPatternLength()) {
            // Checked before anything is built from the text, so that an overlong pattern costs one count.
            int at = text.offsetByCodePoints(0, limits.maxPatternLength());
            return failure(new Issue(at, text.length() - at, "the pattern is " + length + " characters long: the"
                    + " limit is " + limits.maxPatternLength()));
        }
        SourceText source = new SourceText(text);
        Issue surrogate = unpairedSurrogate(text);
        if (surrogate != null) {
            return failure(surrogate);
        }
        FilterLexer lexer = new FilterLexer(CharStreams.fromString(text));
        lexer.removeErrorListeners();
        CommonTokenStream tokens = new CommonTokenStream(lexer);
        tokens.fill();
        Issue nesting = checkNesting(tokens.getTokens(), source, limits.maxNestingDepth());
        if (nesting != null) {
            return failure(nesting);
        }
        try {
            return parse(tokens, source, limits);
        } catch (StackOverflowError e) {
            return failure(new Issue(0, text.length(), "the pattern is nested too deeply to parse"));
        }
    }

    /**
     * Parses a selector on its own, such as a metric filter's {@code $.latency}: the text must be exactly one
     * selector, read and limited as in a JSON pattern (steps, wildcards per selector).
     *
     * @param text the selector, starting with {@code $}
     * @return the selector and no issue, or no selector and the first problem, its offset counted in {@code text}
     */
    public static SelectorOutcome selector(String text) {
        Issue surrogate = unpairedSurrogate(text);
        if (surrogate != null) {
            return new SelectorOutcome(null, surrogate);
        }
        List<Issue> issues = new ArrayList<>(1);
        Selector selector = SelectorParser.parse(text, 0, issues);
        if (selector == null) {
            return new SelectorOutcome(null, issues.get(0));
        }
        String limit = SelectorParser.limitBroken(selector);
        return limit == null ? new SelectorOutcome(selector, null)
                : new SelectorOutcome(null, new Issue(0, text.length(), limit));
    }

    /**
     * A selector read on its own: the selector, or the problem.
     *
     * @param selector the selector, or null
     * @param issue    the first problem, or null if there is a selector
     */
    public record SelectorOutcome(Selector selector, Issue issue) {
    }

    /** The first unpaired surrogate of the text, as an issue, or null. */
    private static Issue unpairedSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isSurrogate(c)) {
                boolean paired = Character.isHighSurrogate(c) && i + 1 < text.length()
                        && Character.isLowSurrogate(text.charAt(i + 1));
                if (!paired) {
                    return new Issue(i, 1, String.format("unpaired surrogate U+%04X: the pattern is not valid"
                            + " Unicode text", (int) c));
                }
                i++;
            }
        }
        return null;
    }

    private static ParseOutcome parse(CommonTokenStream tokens, SourceText source, ParseLimits limits) {
        FilterParser parser = new FilterParser(tokens);
        parser.removeErrorListeners();
        parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
        parser.setErrorHandler(new BailErrorStrategy());
        FilterParser.PatternContext tree;
        try {
            tree = parser.pattern();
        } catch (ParseCancellationException e) {
            tokens.seek(0);
            parser.reset();
            parser.getInterpreter().setPredictionMode(PredictionMode.LL);
            parser.setErrorHandler(new SyntaxErrors.Strategy());
            SyntaxErrors.Collector collector = new SyntaxErrors.Collector(source);
            parser.addErrorListener(collector);
            tree = parser.pattern();
            if (!collector.issues().isEmpty()) {
                return failure(collector.issues());
            }
        }
        List<Issue> issues = new ArrayList<>();
        Map<Object, SourceSpan> spans = new IdentityHashMap<>();
        Pattern ast = new AstBuilder(source, limits, issues, spans).build(tree);
        if (!issues.isEmpty() || ast == null) {
            if (issues.isEmpty()) {
                issues.add(new Issue(0, source.text().length(), "the pattern could not be read"));
            }
            return failure(issues);
        }
        return new ParseOutcome(ast, List.of(), spans);
    }

    /** Rejects parentheses nested deeper than the limit before the recursive-descent parser meets them. */
    private static Issue checkNesting(List<Token> tokens, SourceText source, int maxDepth) {
        int depth = 0;
        for (Token token : tokens) {
            if (token.getType() == FilterLexer.LPAREN && ++depth > maxDepth) {
                return new Issue(source.start(token), 1, "parentheses are nested more than " + maxDepth
                        + " levels deep");
            } else if (token.getType() == FilterLexer.RPAREN && depth > 0) {
                depth--;
            }
        }
        return null;
    }

    private static ParseOutcome failure(Issue issue) {
        return failure(List.of(issue));
    }

    private static ParseOutcome failure(List<Issue> issues) {
        List<Issue> sorted = new ArrayList<>(issues);
        sorted.sort(Comparator.comparingInt(Issue::offset));
        return new ParseOutcome(null, List.copyOf(sorted), Map.of());
    }
}
