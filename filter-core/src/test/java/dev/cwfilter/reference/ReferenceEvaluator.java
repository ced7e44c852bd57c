package dev.cwfilter.reference;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cwfilter.FilterOptions;
import dev.cwfilter.ast.ComparisonOperator;
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
import dev.cwfilter.ast.MatchAll;
import dev.cwfilter.ast.NumberValue;
import dev.cwfilter.ast.Pattern;
import dev.cwfilter.ast.Regex;
import dev.cwfilter.ast.RegexPattern;
import dev.cwfilter.ast.Selector;
import dev.cwfilter.ast.SelectorStep;
import dev.cwfilter.ast.StringValue;
import dev.cwfilter.ast.Term;
import dev.cwfilter.ast.TermKind;
import dev.cwfilter.ast.TermPattern;
import dev.cwfilter.ast.Value;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A deliberately simple evaluator of filter patterns, written from SEMANTICS.md (sections 2 to 5) and the decisions
 * recorded in the Javadoc of {@code dev.cwfilter.internal.eval}, to check the streaming evaluator against. It shares
 * no code with the library: it walks the syntax tree directly, reads JSON events into a jackson-databind tree, runs
 * regular expressions with {@code java.util.regex} (see {@link ReferenceRegex}) and splits space-delimited events
 * with {@link ReferenceTokenizer}. Speed is no concern; obviousness is.
 */
final class ReferenceEvaluator {

    /** {@code [+-]? (digits [. digits?] | . digits) [e [+-]? digits]}: a number literal, in a pattern or an event. */
    private static final java.util.regex.Pattern NUMBER_LITERAL =
            java.util.regex.Pattern.compile("[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?");
    private static final java.util.regex.Pattern INTEGER_LITERAL = java.util.regex.Pattern.compile("[+-]?[0-9]+");

    private final FilterOptions options;
    private final ObjectMapper mapper;

    ReferenceEvaluator(FilterOptions options) {
        this.options = options;
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(options.maxEventNestingDepth())
                        .maxNumberLength(Integer.MAX_VALUE)
                        .maxStringLength(Integer.MAX_VALUE)
                        .maxNameLength(Integer.MAX_VALUE)
                        .build())
                .build();
        this.mapper = new ObjectMapper(factory).enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    /** A reference evaluator with the default options. */
    static ReferenceEvaluator defaults() {
        return new ReferenceEvaluator(FilterOptions.defaults());
    }

    /** Whether the event matches the pattern. */
    boolean matches(Pattern pattern, String event) {
        if (event.getBytes(StandardCharsets.UTF_8).length > options.maxEventBytes()) {
            return false;
        }
        if (pattern instanceof MatchAll) {
            return true;
        }
        if (pattern instanceof TermPattern terms) {
            return termsMatch(terms.terms(), event);
        }
        if (pattern instanceof RegexPattern regex) {
            return ReferenceRegex.finds(regex.regex().source(), event);
        }
        if (pattern instanceof JsonPattern json) {
            JsonNode root = readJsonObject(event);
            return root != null && holds(json.expression(), root);
        }
        if (pattern instanceof DelimitedPattern delimited) {
            return extract(delimited, event).isPresent();
        }
        throw new AssertionError(pattern);
    }

    // ---- terms (SEMANTICS.md 2.2; O1: a quoted blank term is an ordinary substring, "" occurs everywhere) ----

    private static boolean termsMatch(List<Term> terms, String event) {
        boolean anyRequiredOrExcluded = false;
        boolean allRequiredPresent = true;
        boolean anyExcludedPresent = false;
        boolean anyOptionalPresent = false;
        for (Term term : terms) {
            boolean present = event.contains(term.text());
            if (term.kind() == TermKind.REQUIRED) {
                anyRequiredOrExcluded = true;
                allRequiredPresent &= present;
            } else if (term.kind() == TermKind.EXCLUDED) {
                anyRequiredOrExcluded = true;
                anyExcludedPresent |= present;
            } else {
                anyOptionalPresent |= present;
            }
        }
        if (anyRequiredOrExcluded) {
            return allRequiredPresent && !anyExcludedPresent;
        }
        return anyOptionalPresent;
    }

    // ---- JSON (SEMANTICS.md 4.2) ----

    /**
     * The event's JSON object, or null if the event is not exactly one JSON object (after the allowed prefix). A
     * repeated key keeps its last value, at every level: jackson-databind's tree replaces a member it reads again, which
     * is SEMANTICS.md O3.
     */
    JsonNode readJsonObject(String event) {
        String json = event;
        if (options.lenientJsonPrefix()) {
            int brace = event.indexOf('{');
            if (brace < 0) {
                return null;
            }
            json = event.substring(brace);
        }
        try {
            JsonNode root = mapper.readTree(json);
            return root != null && root.isObject() ? root : null;
        } catch (Exception | StackOverflowError e) {
            return null;
        }
    }

    private boolean holds(JsonExpression expression, JsonNode root) {
        if (expression instanceof JsonAnd and) {
            return and.operands().stream().allMatch(e -> holds(e, root));
        }
        if (expression instanceof JsonOr or) {
            return or.operands().stream().anyMatch(e -> holds(e, root));
        }
        if (expression instanceof JsonTest test) {
            List<JsonNode> selected = select(test.selector(), root);
            return switch (test.kind()) {
                case NOT_EXISTS -> selected.isEmpty();
                // O5: also an array with a null directly inside it.
                case IS_NULL -> selected.stream().anyMatch(v -> v.isNull()
                        || (v.isArray() && v.valueStream().anyMatch(JsonNode::isNull)));
                case IS_TRUE -> selected.stream().anyMatch(v -> v.isBoolean() && v.booleanValue());
                case IS_FALSE -> selected.stream().anyMatch(v -> v.isBoolean() && !v.booleanValue());
            };
        }
        JsonComparison comparison = (JsonComparison) expression;
        return select(comparison.selector(), root).stream()
                .anyMatch(v -> jsonValueSatisfies(v, comparison.operator(), comparison.value()));
    }

    /** Every value the selector selects; a plain selector selects at most one. */
    static List<JsonNode> select(Selector selector, JsonNode root) {
        List<JsonNode> current = List.of(root);
        for (SelectorStep step : selector.steps()) {
            List<JsonNode> next = new ArrayList<>();
            for (JsonNode node : current) {
                if (step instanceof SelectorStep.Property property) {
                    if (node.isObject() && node.has(property.name())) {
                        next.add(node.get(property.name()));
                    }
                } else if (step instanceof SelectorStep.Index index) {
                    if (node.isArray() && index.index() < node.size()) {
                        next.add(node.get(index.index()));
                    }
                } else {
                    for (Iterator<JsonNode> children = node.elements(); children.hasNext(); ) {
                        next.add(children.next());
                    }
                }
            }
            current = next;
        }
        return current;
    }

    /**
     * O4: a container, a null and a boolean satisfy no comparison. O2: a string compares as text, also with a number
     * (text equality with the number as written, its negation for {@code !=}, never an ordering). A number compares by
     * value with a number, by its literal text with a string or a regular expression.
     */
    private static boolean jsonValueSatisfies(JsonNode value, ComparisonOperator operator, Value patternValue) {
        if (value.isContainerNode() || value.isNull() || value.isBoolean()) {
            return false;
        }
        if (value.isTextual() && patternValue instanceof NumberValue number) {
            boolean equal = value.textValue().equals(number.text());
            return switch (operator) {
                case EQ -> equal;
                case NE -> !equal;
                default -> false;
            };
        }
        return textSatisfies(value.isTextual() ? value.textValue() : value.asText(), operator, patternValue);
    }

    /**
     * The comparison of a scalar's text (a string's value, a number's literal, {@code true} / {@code false}, a
     * space-delimited field) with a pattern value.
     */
    private static boolean textSatisfies(String text, ComparisonOperator operator, Value patternValue) {
        if (patternValue instanceof StringValue string) {
            boolean equal = wildcardEquals(string.text(), text);
            return operator == ComparisonOperator.EQ ? equal : !equal;
        }
        if (patternValue instanceof Regex regex) {
            boolean found = ReferenceRegex.finds(regex.source(), text);
            return operator == ComparisonOperator.EQ ? found : !found;
        }
        NumberValue number = (NumberValue) patternValue;
        if (!NUMBER_LITERAL.matcher(text).matches()) {
            return operator == ComparisonOperator.NE;
        }
        return compareNumbers(text, operator, number.text());
    }

    /** A leading {@code *} matches any prefix, a trailing one any suffix, a lone one anything; others are literal. */
    static boolean wildcardEquals(String pattern, String text) {
        if (pattern.equals("*")) {
            return true;
        }
        boolean leading = pattern.startsWith("*");
        boolean trailing = pattern.endsWith("*");
        String core = pattern.substring(leading ? 1 : 0, pattern.length() - (trailing ? 1 : 0));
        if (leading && trailing) {
            return text.contains(core);
        }
        if (leading) {
            return text.endsWith(core);
        }
        if (trailing) {
            return text.startsWith(core);
        }
        return text.equals(core);
    }

    /** Integers that fit a long compare exactly; anything else compares as doubles. */
    static boolean compareNumbers(String left, ComparisonOperator operator, String right) {
        Long leftLong = asLong(left);
        Long rightLong = asLong(right);
        if (leftLong != null && rightLong != null) {
            long a = leftLong;
            long b = rightLong;
            return switch (operator) {
                case EQ -> a == b;
                case NE -> a != b;
                case LT -> a < b;
                case LE -> a <= b;
                case GT -> a > b;
                case GE -> a >= b;
            };
        }
        double a = Double.parseDouble(left);
        double b = Double.parseDouble(right);
        return switch (operator) {
            case EQ -> a == b;
            case NE -> a != b;
            case LT -> a < b;
            case LE -> a <= b;
            case GT -> a > b;
            case GE -> a >= b;
        };
    }

    private static Long asLong(String text) {
        if (!INTEGER_LITERAL.matcher(text).matches()) {
            return null;
        }
        try {
            return Long.parseLong(text.startsWith("+") ? text.substring(1) : text);
        } catch (NumberFormatException tooBig) {
            return null;
        }
    }

    // ---- space-delimited (SEMANTICS.md 5) ----

    /**
     * The values TestMetricFilter extracts if the event matches the space-delimited pattern, keyed {@code $name} for
     * named fields and {@code $N} (1-based event position) for the others, in event order; empty if it does not match.
     */
    Optional<Map<String, String>> extract(DelimitedPattern pattern, String event) {
        if (event.getBytes(StandardCharsets.UTF_8).length > options.maxEventBytes()) {
            return Optional.empty();
        }
        List<ReferenceTokenizer.Field> fields = ReferenceTokenizer.fields(event);
        List<DelimitedField> slots = pattern.fields();
        // For each event position, the pattern field that takes it (null: covered by ...) and its value.
        DelimitedField[] takenBy = new DelimitedField[fields.size()];
        String[] values = new String[fields.size()];
        int ellipsis = slots.indexOf(new DelimitedField.Ellipsis());
        int eventFields = fields.size();
        if (slots.isEmpty()) {
            for (int i = 0; i < eventFields; i++) {
                values[i] = fields.get(i).value();
            }
        } else if (ellipsis >= 0) {
            int before = ellipsis;
            int after = slots.size() - ellipsis - 1;
            if (eventFields < before + after) {
                return Optional.empty();
            }
            for (int i = 0; i < eventFields; i++) {
                values[i] = fields.get(i).value();
            }
            for (int i = 0; i < before; i++) {
                takenBy[i] = slots.get(i);
            }
            for (int j = 0; j < after; j++) {
                takenBy[eventFields - after + j] = slots.get(ellipsis + 1 + j);
            }
        } else {
            int n = slots.size();
            if (eventFields < n || (options.exactFieldCount() && eventFields != n)) {
                return Optional.empty();
            }
            for (int i = 0; i < n; i++) {
                takenBy[i] = slots.get(i);
                values[i] = fields.get(i).value();
            }
            if (eventFields > n) {
                values[n - 1] = ReferenceTokenizer.rest(event, fields.get(n - 1).start());
            }
            eventFields = n;
        }
        Map<String, String> extracted = new LinkedHashMap<>();
        for (int i = 0; i < eventFields; i++) {
            if (takenBy[i] instanceof DelimitedField.Named named) {
                if (named.condition().isPresent() && !fieldSatisfies(values[i], named.condition().get())) {
                    return Optional.empty();
                }
                extracted.put("$" + named.name(), values[i]);
            } else {
                extracted.put("$" + (i + 1), values[i]);
            }
        }
        return Optional.of(extracted);
    }

    private static boolean fieldSatisfies(String value, FieldCondition condition) {
        if (condition instanceof FieldOr or) {
            return or.operands().stream().anyMatch(c -> fieldSatisfies(value, c));
        }
        if (condition instanceof FieldAnd and) {
            return and.operands().stream().allMatch(c -> fieldSatisfies(value, c));
        }
        FieldComparison comparison = (FieldComparison) condition;
        return textSatisfies(value, comparison.operator(), comparison.value());
    }
}
