package dev.cwfilter.internal.compile;

import dev.cwfilter.ast.ComparisonOperator;
import dev.cwfilter.ast.JsonAnd;
import dev.cwfilter.ast.JsonComparison;
import dev.cwfilter.ast.JsonExpression;
import dev.cwfilter.ast.JsonOr;
import dev.cwfilter.ast.JsonPattern;
import dev.cwfilter.ast.JsonTest;
import dev.cwfilter.ast.JsonTestKind;
import dev.cwfilter.ast.Pattern;
import dev.cwfilter.ast.Regex;
import dev.cwfilter.ast.RegexPattern;
import dev.cwfilter.ast.Selector;
import dev.cwfilter.ast.SelectorStep;
import dev.cwfilter.ast.StringValue;
import dev.cwfilter.ast.TermKind;
import dev.cwfilter.ast.TermPattern;
import dev.cwfilter.internal.eval.DelimitedMatcher;
import dev.cwfilter.internal.eval.EventMatcher;
import dev.cwfilter.internal.regex.CharSet;
import dev.cwfilter.internal.regex.CloudWatchRegex;
import dev.cwfilter.internal.eval.prefilter.SetPrefilter.Kind;
import dev.cwfilter.internal.eval.prefilter.SetPrefilter.Literal;
import dev.cwfilter.internal.eval.value.TextTest;
import dev.cwfilter.ast.DelimitedPattern;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The literals a pattern's matches contain, as clauses for a {@link dev.cwfilter.internal.eval.prefilter.SetPrefilter}: every
 * event the pattern matches holds, for each clause, one of its literals (JSON literals: unless the event holds a
 * backslash). Derived from the syntax tree, so that each rule below is the evaluator's own:
 * <ul>
 *   <li>JSON: {@code = "text"} on a string gives the quoted {@code "text"} (a prefix {@code "text*"}, a suffix
 *       {@code "*text"}, anywhere for {@code "*text*"}); a text a number could spell ({@code = "400"} matches the number
 *       400) is looked for unquoted; {@code = %regex%} gives the regular expression's required literals. {@code &&}
 *       keeps the clauses of every operand, {@code ||} one clause of each operand, joined (none if an operand has none).
 *       {@code !=}, numeric comparisons and tests give no value; where a pattern has no value literal, the property
 *       names of its selectors are needed as keys ({@code "eventName"}), except under {@code NOT EXISTS};</li>
 *   <li>terms: each plain term, or one clause of the {@code ?} terms when they are all there is;</li>
 *   <li>a regular expression: its required literals, one clause;</li>
 *   <li>space-delimited: the literals of its own prefilter, each a clause.</li>
 * </ul>
 * A literal holding a character UTF-8 bytes cannot spell as is (U+FFFD, a surrogate) is never required.
 */
public final class SetLiterals {

    private SetLiterals() {
    }

    /** One requirement: a disjunction of literals, and whether it names keys rather than values (weaker). */
    private record Clause(List<Literal> literals, boolean names) {
        boolean quoted() {
            return literals.stream().allMatch(l -> l.kind() != Kind.FREE);
        }

        int shortest() {
            return literals.stream().mapToInt(l -> l.text().length()).min().orElse(0);
        }
    }

    /** Best first: values before names, quoted before free, then the longest shortest literal. */
    private static final Comparator<Clause> BEST = Comparator.comparing((Clause c) -> c.names())
            .thenComparing(c -> !c.quoted()).thenComparing(Comparator.comparingInt(Clause::shortest).reversed());

    /** The clauses of a pattern compiled into {@code matcher} (none if it may match any event). */
    public static List<List<Literal>> of(Pattern ast, EventMatcher matcher) {
        List<List<Literal>> out = new ArrayList<>();
        if (ast instanceof JsonPattern json) {
            List<Clause> clauses = json(json.expression());
            List<Clause> values = clauses.stream().filter(c -> !c.names()).toList();
            List<Clause> quoted = values.stream().filter(Clause::quoted).toList();
            if (!quoted.isEmpty()) {
                quoted.forEach(c -> out.add(c.literals()));
            } else if (!values.isEmpty()) {
                out.add(values.stream().sorted(BEST).findFirst().orElseThrow().literals());
            } else {
                clauses.forEach(c -> out.add(c.literals()));
            }
        } else if (ast instanceof TermPattern terms) {
            List<String> required = terms.terms().stream().filter(t -> t.kind() == TermKind.REQUIRED)
                    .map(t -> t.text()).toList();
            boolean onlyOptional = terms.terms().stream().noneMatch(t -> t.kind() != TermKind.OPTIONAL);
            if (!onlyOptional) {
                for (String t : required) {
                    if (usable(t)) {
                        out.add(List.of(new Literal(Kind.FREE, t)));
                    }
                }
            } else {
                List<String> optional = terms.terms().stream().map(t -> t.text()).toList();
                if (!optional.isEmpty() && optional.stream().allMatch(SetLiterals::usable)) {
                    out.add(optional.stream().map(t -> new Literal(Kind.FREE, t)).toList());
                }
            }
        } else if (ast instanceof RegexPattern regex) {
            anyOf(regexLiterals(regex.regex().source())).ifPresent(out::add);
        } else if (ast instanceof DelimitedPattern && matcher instanceof DelimitedMatcher delimited) {
            for (String literal : delimited.prefilter().literals()) {
                if (usable(literal)) {
                    out.add(List.of(new Literal(Kind.FREE, literal)));
                }
            }
        }
        return out;
    }

    private static java.util.Optional<List<Literal>> anyOf(List<String> literals) {
        if (literals.isEmpty() || !literals.stream().allMatch(SetLiterals::usable)) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(literals.stream().map(l -> new Literal(Kind.FREE, l)).distinct().toList());
    }

    /** The clauses an expression's matches need (empty: none). */
    private static List<Clause> json(JsonExpression e) {
        if (e instanceof JsonAnd and) {
            List<Clause> all = new ArrayList<>();
            and.operands().forEach(o -> all.addAll(json(o)));
            return all;
        }
        if (e instanceof JsonOr or) {
            List<Literal> joined = new ArrayList<>();
            boolean names = false;
            for (JsonExpression operand : or.operands()) {
                List<Clause> own = json(operand);
                if (own.isEmpty()) {
                    return List.of();
                }
                Clause best = own.stream().sorted(BEST).findFirst().orElseThrow();
                names |= best.names();
                best.literals().stream().filter(l -> !joined.contains(l)).forEach(joined::add);
            }
            return List.of(new Clause(List.copyOf(joined), names));
        }
        List<Clause> out = new ArrayList<>();
        Selector selector;
        if (e instanceof JsonTest test) {
            if (test.kind() == JsonTestKind.NOT_EXISTS) {
                return List.of();
            }
            selector = test.selector();
        } else {
            JsonComparison c = (JsonComparison) e;
            selector = c.selector();
            if (c.operator() == ComparisonOperator.EQ && c.value() instanceof StringValue) {
                TextTest text = (TextTest) Compiler.valueTest(c.operator(), c.value());
                String literal = text.literal();
                if (text.shape() != TextTest.Shape.ANY && verbatim(literal)) {
                    Kind kind = numberLike(literal) || text.shape() == TextTest.Shape.CONTAINS ? Kind.FREE
                            : switch (text.shape()) {
                                case EXACT -> Kind.EXACT;
                                case PREFIX -> Kind.PREFIX;
                                default -> Kind.SUFFIX;
                            };
                    out.add(new Clause(List.of(new Literal(kind, literal)), false));
                }
            } else if (c.operator() == ComparisonOperator.EQ && c.value() instanceof Regex regex) {
                List<String> required = regexLiterals(regex.source());
                if (required.stream().allMatch(SetLiterals::verbatim)) {
                    anyOf(required).ifPresent(l -> out.add(new Clause(l, false)));
                }
            }
        }
        for (SelectorStep step : selector.steps()) {
            if (step instanceof SelectorStep.Property property && verbatim(property.name())
                    && !property.name().isEmpty()) {
                out.add(new Clause(List.of(new Literal(Kind.EXACT, property.name())), true));
            }
        }
        return out;
    }

    /** The most texts one alternative of a regular expression contributes. */
    private static final int MAX_EXPANSION = 8;

    /**
     * Texts of which every match of the regular expression contains one: per alternative, its longest run of steps
     * that each match one character of a small set, once ({@code [Kk]ali} gives {@code Kali} and {@code kali}), spelled
     * every way (at most {@value #MAX_EXPANSION}); none unless every alternative has such a run of three or more.
     */
    static List<String> regexLiterals(String source) {
        CloudWatchRegex.Translation t = CloudWatchRegex.translate(source);
        if (!t.isValid()) {
            return List.of();
        }
        java.util.Set<String> out = new java.util.LinkedHashSet<>();
        for (List<CloudWatchRegex.Step> branch : t.program().branches()) {
            List<String> best = List.of();
            int bestLength = 0;
            List<String> run = List.of("");
            int length = 0;
            for (CloudWatchRegex.Step step : branch) {
                List<Character> chars = step.kind() == CloudWatchRegex.StepKind.REPEAT && step.min() == 1
                        && step.max() == 1 ? members(step.set()) : null;
                if (chars == null) {
                    run = List.of("");
                    length = 0;
                    continue;
                }
                if (run.size() * chars.size() > MAX_EXPANSION) {
                    run = List.of("");
                    length = 0;
                }
                List<String> next = new ArrayList<>();
                for (String r : run) {
                    for (char c : chars) {
                        next.add(r + c);
                    }
                }
                run = next;
                length++;
                if (length > bestLength) {
                    best = run;
                    bestLength = length;
                }
            }
            if (bestLength < 3) {
                return List.of();
            }
            out.addAll(best);
        }
        return List.copyOf(out);
    }

    /** The characters of a set of at most four, or null. */
    private static List<Character> members(CharSet set) {
        if (set.holdsAnyAbove()) {
            return null;
        }
        List<Character> chars = new ArrayList<>();
        for (int c = 0; c < 0x100; c++) {
            if (set.contains(c)) {
                if (chars.size() == 4) {
                    return null;
                }
                chars.add((char) c);
            }
        }
        return chars.isEmpty() ? null : chars;
    }

    /** Whether the text could be a JSON number's literal, which an event spells without quotes. */
    static boolean numberLike(String s) {
        for (int i = 0; i < s.length(); i++) {
            if ("0123456789+-.eE".indexOf(s.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }

    /** Whether raw JSON text spells the string as is, unescaped (no quote, backslash or control character). */
    private static boolean verbatim(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == '"' || c == '\\') {
                return false;
            }
        }
        return usable(s);
    }

    /** Whether the text is a literal worth requiring whose UTF-8 the event's bytes hold wherever its text is. */
    private static boolean usable(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\uFFFD' || Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
