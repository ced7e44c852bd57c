package dev.cwfilter.testkit.internal;

import dev.cwfilter.FilterOptions;
import dev.cwfilter.FilterPattern;
import dev.cwfilter.MatchExplanation;
import dev.cwfilter.ast.DelimitedField;
import dev.cwfilter.ast.DelimitedPattern;
import dev.cwfilter.ast.FieldAnd;
import dev.cwfilter.ast.FieldComparison;
import dev.cwfilter.ast.FieldCondition;
import dev.cwfilter.ast.FieldOr;
import dev.cwfilter.ast.JsonAnd;
import dev.cwfilter.ast.JsonComparison;
import dev.cwfilter.ast.JsonExpression;
import dev.cwfilter.ast.JsonOr;
import dev.cwfilter.ast.JsonPattern;
import dev.cwfilter.ast.JsonTest;
import dev.cwfilter.ast.Pattern;
import dev.cwfilter.ast.Selector;
import dev.cwfilter.ast.SourceSpan;
import dev.cwfilter.ast.Term;
import dev.cwfilter.ast.TermPattern;
import dev.cwfilter.ast.StringValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The facts about why an event matched a pattern or not, for failure messages: the pattern with its deciding clauses
 * underlined, the event shortened around what the pattern reads, and the deciding clauses from
 * {@link FilterPattern#explain(String)}. Stateless and thread-safe.
 */
public final class Explaining {

    private static final int MAX_UNDERLINED_PATTERN = 160;

    private Explaining() {
    }

    /** The pattern text, with a line of carets under the deciding clauses when the text is one short line. */
    public static String patternWithCarets(String pattern, MatchExplanation why) {
        String shown = EventShortener.escapeControls(pattern);
        // Carets help only where they single out some clauses among others.
        if (why == null || why.clauses().size() < 2 || why.decidingClauses().size() == why.clauses().size()
                || !shown.equals(pattern)
                || pattern.length() > MAX_UNDERLINED_PATTERN) {
            return shown;
        }
        char[] marks = new char[pattern.length()];
        java.util.Arrays.fill(marks, ' ');
        boolean any = false;
        for (MatchExplanation.ClauseResult c : why.decidingClauses()) {
            Optional<SourceSpan> span = c.span();
            if (span.isPresent()) {
                for (int i = span.get().start(); i < Math.min(span.get().end(), marks.length); i++) {
                    marks[i] = '^';
                    any = true;
                }
            }
        }
        // A caret under every clause says nothing when the whole pattern decided (a lone term, one comparison).
        String underline = new String(marks).stripTrailing();
        if (!any || underline.trim().length() >= pattern.trim().length()) {
            return shown;
        }
        return shown + "\n" + underline;
    }

    /** The deciding clauses, one per line ({@code clause holds|fails (observed)}), or null if there are none. */
    public static String decidedBy(MatchExplanation why) {
        List<String> lines = new ArrayList<>();
        for (MatchExplanation.ClauseResult c : why.decidingClauses()) {
            lines.add(c.text() + (c.holds() ? " holds" : " fails")
                    + (c.observed() == null ? "" : " (" + c.observed() + ")"));
        }
        return lines.isEmpty() ? null : String.join("\n", lines);
    }

    /** Adds {@code decided by} (or {@code because}, when no clause decided) for an explanation. */
    public static void addDecision(Facts facts, MatchExplanation why) {
        String decided = decidedBy(why);
        if (decided != null) {
            facts.add("decided by", decided);
        } else {
            facts.add("because", why.reason());
        }
    }

    /** The event as one line, shortened around what the pattern and any extra selectors read. */
    public static String event(String message, Pattern ast, List<Selector> extraSelectors, MatchExplanation why) {
        List<Selector> selectors = new ArrayList<>(extraSelectors);
        List<String> words = new ArrayList<>();
        if (ast != null) {
            collect(ast, selectors, words);
        }
        if (why != null) {
            for (MatchExplanation.ClauseResult c : why.decidingClauses()) {
                words.add(c.text().replaceAll("^[-?]?\"?|\"$", ""));
            }
        }
        return EventShortener.shorten(message, selectors, words);
    }

    private static void collect(Pattern ast, List<Selector> selectors, List<String> words) {
        if (ast instanceof JsonPattern) {
            collect(((JsonPattern) ast).expression(), selectors, words);
        } else if (ast instanceof TermPattern) {
            for (Term t : ((TermPattern) ast).terms()) {
                words.add(t.text());
            }
        } else if (ast instanceof DelimitedPattern) {
            for (DelimitedField f : ((DelimitedPattern) ast).fields()) {
                if (f instanceof DelimitedField.Named) {
                    ((DelimitedField.Named) f).condition().ifPresent(c -> collect(c, words));
                }
            }
        }
    }

    private static void collect(JsonExpression e, List<Selector> selectors, List<String> words) {
        if (e instanceof JsonAnd) {
            ((JsonAnd) e).operands().forEach(o -> collect(o, selectors, words));
        } else if (e instanceof JsonOr) {
            ((JsonOr) e).operands().forEach(o -> collect(o, selectors, words));
        } else if (e instanceof JsonComparison) {
            selectors.add(((JsonComparison) e).selector());
        } else if (e instanceof JsonTest) {
            selectors.add(((JsonTest) e).selector());
        }
    }

    private static void collect(FieldCondition c, List<String> words) {
        if (c instanceof FieldAnd) {
            ((FieldAnd) c).operands().forEach(o -> collect(o, words));
        } else if (c instanceof FieldOr) {
            ((FieldOr) c).operands().forEach(o -> collect(o, words));
        } else if (c instanceof FieldComparison && ((FieldComparison) c).value() instanceof StringValue) {
            words.add(((StringValue) ((FieldComparison) c).value()).text().replace("*", ""));
        }
    }

    /** The options that differ from the defaults, as {@code name=value, ...}, or null if none does. */
    public static String nonDefaultOptions(FilterOptions o) {
        FilterOptions d = FilterOptions.defaults();
        List<String> diffs = new ArrayList<>();
        if (o.lenientJsonPrefix() != d.lenientJsonPrefix()) {
            diffs.add("lenientJsonPrefix=" + o.lenientJsonPrefix());
        }
        if (o.exactFieldCount() != d.exactFieldCount()) {
            diffs.add("exactFieldCount=" + o.exactFieldCount());
        }
        if (o.lenientTermCharacters() != d.lenientTermCharacters()) {
            diffs.add("lenientTermCharacters=" + o.lenientTermCharacters());
        }
        if (o.firstEventNumber() != d.firstEventNumber()) {
            diffs.add("firstEventNumber=" + o.firstEventNumber());
        }
        if (o.defaultValueMode() != d.defaultValueMode()) {
            diffs.add("defaultValueMode=" + o.defaultValueMode());
        }
        if (o.maxPatternLength() != d.maxPatternLength()) {
            diffs.add("maxPatternLength=" + o.maxPatternLength());
        }
        if (o.maxNestingDepth() != d.maxNestingDepth()) {
            diffs.add("maxNestingDepth=" + o.maxNestingDepth());
        }
        if (o.maxEventBytes() != d.maxEventBytes()) {
            diffs.add("maxEventBytes=" + o.maxEventBytes());
        }
        if (o.maxEventNestingDepth() != d.maxEventNestingDepth()) {
            diffs.add("maxEventNestingDepth=" + o.maxEventNestingDepth());
        }
        return diffs.isEmpty() ? null : String.join(", ", diffs);
    }
}
