package dev.cwfilter.reference;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cwfilter.ast.AstArbitraries;
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
import dev.cwfilter.ast.JsonTestKind;
import dev.cwfilter.ast.Lexical;
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
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Generators of patterns and events drawn from small shared vocabularies, so that generated patterns and events hit
 * each other often: the same keys, strings, numbers and words appear on both sides.
 */
final class ReferenceArbitraries {

    static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Keys of JSON events and property steps of selectors. */
    static final List<String> KEYS = List.of("a", "b", "eventName", "arr", "obj", "x.y", "@t", "\u00e9");

    /** Strings of JSON events, also compared with as pattern strings. */
    static final List<String> STRINGS = List.of("abc", "GetSecretValue", "400", "", "a b", "true", "-5", "2.5",
            "1e3", "+5", " 400", "NaN", "abc\n", "a\rb", "Get*Value", "\u00e9t\u00e9", "1000.0", "-0", "a/b", "x\"y",
            "\\", "\uD83D\uDE00");

    /** Number literals of pattern values. */
    static final List<String> PATTERN_NUMBERS = List.of("0", "1", "400", "-5", "2.5", "1000", "1e3", "+5",
            "1000.0", "-0", "1.0E10", "9007199254740993", "9007199254740992", "18446744073709551616", ".5");

    /** Pattern strings compared with values: literal, with wildcards, or matching nothing generated. */
    static final List<String> PATTERN_STRINGS = List.of("abc", "GetSecretValue", "400", "a b", "true", "false",
            "abc*", "*bc", "*b*", "*", "Get*", "*Value", "4*", "*00", "tr*", "a*c", "Get*Value", "", "1000.0",
            "\u00e9t\u00e9", "nothing");

    private ReferenceArbitraries() {
    }

    /** A pattern of any syntax and an event drawn from the same vocabulary. */
    record Case(Pattern pattern, String event) {
        @Override
        public String toString() {
            return dev.cwfilter.ast.PatternPrinter.print(pattern) + " on " + Show.quoted(event);
        }
    }

    /** Cases of every syntax: terms, standalone regex, JSON and space-delimited. */
    static Arbitrary<Case> anyCases() {
        return Arbitraries.oneOf(
                Combinators.combine(termPatterns(), termEvents()).as(Case::new),
                Combinators.combine(regexPatterns(), regexEvents()).as(Case::new),
                jsonCases().map(c -> new Case(c.pattern(), c.event())),
                Combinators.combine(delimitedPatterns(), delimitedEvents()).as(Case::new));
    }

    // ---- JSON events ----

    /** A JSON object built as a tree, without duplicate keys. */
    static Arbitrary<ObjectNode> jsonObjects() {
        return objectNode(3);
    }

    private static Arbitrary<JsonNode> scalars() {
        return Arbitraries.frequencyOf(
                Tuple.of(5, Arbitraries.of(STRINGS).map(NODES::textNode)),
                Tuple.of(4, Arbitraries.<JsonNode>of(NODES.numberNode(0), NODES.numberNode(1), NODES.numberNode(400),
                        NODES.numberNode(-5), NODES.numberNode(1000), NODES.numberNode(2.5),
                        NODES.numberNode(1000.0), NODES.numberNode(1.0E10), NODES.numberNode(-0.0),
                        NODES.numberNode(9007199254740993L), NODES.numberNode(BigInteger.TWO.pow(64)))),
                Tuple.of(2, Arbitraries.<JsonNode>of(NODES.booleanNode(true), NODES.booleanNode(false))),
                Tuple.of(1, Arbitraries.<JsonNode>just(NODES.nullNode())));
    }

    private static Arbitrary<JsonNode> values(int depth) {
        if (depth == 0) {
            return scalars();
        }
        return Arbitraries.frequencyOf(
                Tuple.of(6, scalars()),
                Tuple.of(2, Arbitraries.lazy(() -> objectNode(depth - 1)).map(o -> (JsonNode) o)),
                Tuple.of(2, Arbitraries.lazy(() -> arrayNode(depth - 1)).map(a -> (JsonNode) a)));
    }

    private static Arbitrary<ObjectNode> objectNode(int depth) {
        Arbitrary<List<String>> keys = Arbitraries.of(KEYS).list().uniqueElements().ofMinSize(0).ofMaxSize(5);
        return keys.flatMap(ks -> values(depth).list().ofSize(ks.size()).map(vs -> {
            ObjectNode o = NODES.objectNode();
            for (int i = 0; i < ks.size(); i++) {
                o.set(ks.get(i), vs.get(i));
            }
            return o;
        }));
    }

    private static Arbitrary<ArrayNode> arrayNode(int depth) {
        return values(depth).list().ofMaxSize(3).map(vs -> {
            ArrayNode a = NODES.arrayNode();
            vs.forEach(a::add);
            return a;
        });
    }

    /**
     * The event text of a tree: compact; pretty-printed with newlines and indentation; with escapes that spell
     * characters differently ({@code \u00e9}, {@code \/}, {@code x\u002ey}) without changing any value; or with every
     * member shadowed by an earlier member of the same key and another value, which a reader where the last
     * occurrence wins (SEMANTICS.md O3) does not see.
     */
    static Arbitrary<String> jsonText(ObjectNode tree) {
        return Arbitraries.of(0, 0, 1, 2, 3).map(style -> switch (style) {
            case 0 -> write(tree, false);
            case 1 -> write(tree, true);
            case 2 -> escaped(write(tree, false));
            default -> shadowed(tree);
        });
    }

    /** The tree's text with each member preceded by a decoy of the same key, at every level. */
    static String shadowed(JsonNode node) {
        if (node.isObject()) {
            StringBuilder sb = new StringBuilder("{");
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                String key = write(NODES.textNode(e.getKey()), false);
                sb.append(sb.length() > 1 ? "," : "").append(key).append(':').append(decoy(e.getValue()))
                        .append(',').append(key).append(':').append(shadowed(e.getValue()));
            }
            return sb.append('}').toString();
        }
        if (node.isArray()) {
            StringBuilder sb = new StringBuilder("[");
            for (JsonNode element : node) {
                sb.append(sb.length() > 1 ? "," : "").append(shadowed(element));
            }
            return sb.append(']').toString();
        }
        return write(node, false);
    }

    /** A value of another kind than the node's, which tests that hold for the node mostly fail on and the reverse. */
    private static String decoy(JsonNode node) {
        if (node.isTextual()) {
            return "1000";
        }
        if (node.isNumber()) {
            return "\"GetSecretValue\"";
        }
        if (node.isBoolean()) {
            return "null";
        }
        if (node.isNull()) {
            return "true";
        }
        if (node.isObject()) {
            return "[null,\"abc\"]";
        }
        return "{\"a\":\"abc\",\"eventName\":400}";
    }

    private static String escaped(String json) {
        StringBuilder sb = new StringBuilder();
        for (char c : json.replace("x.y", "x\\u002ey").replace("/", "\\/").toCharArray()) {
            if (c > 0x7e) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    static String write(JsonNode tree, boolean pretty) {
        try {
            return pretty ? MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(tree)
                    : MAPPER.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** JSON events: mostly well-formed objects, sometimes with whitespace around them. */
    static Arbitrary<String> jsonEvents() {
        Arbitrary<String> around = Arbitraries.of("", "", "", "", " ", "\n", "\t ", "\r\n");
        return Combinators.combine(around, jsonObjects().flatMap(ReferenceArbitraries::jsonText), around)
                .as((before, json, after) -> before + json + after);
    }

    /** Text before a JSON object, as Lambda and Docker write it, and a few prefixes that break it. */
    static Arbitrary<String> jsonPrefixes() {
        return Arbitraries.of("", "", " ", "INFO ", "2024-01-01T00:00:00.000Z\tid-1\tINFO\t", "a{b ", "x}",
                "\"q\" ", "\uFEFF", "\u000B", "{", "[1] ", "\u00e9 ");
    }

    /** JSON cases with text before the event: for {@code lenientJsonPrefix}. */
    static Arbitrary<JsonCase> prefixedJsonCases() {
        return Combinators.combine(jsonPrefixes(), jsonCases()).as((prefix, c) -> c.withEvent(prefix + c.event()));
    }

    // ---- JSON patterns ----

    static Arbitrary<Selector> selectors() {
        Arbitrary<SelectorStep> property = Arbitraries.of(KEYS).map(SelectorStep.Property::new);
        Arbitrary<SelectorStep> index = Arbitraries.integers().between(0, 2).map(SelectorStep.Index::new);
        Arbitrary<SelectorStep> wildcard = Arbitraries.of(new SelectorStep.AnyProperty(), new SelectorStep.AnyIndex());
        Arbitrary<SelectorStep> first = Arbitraries.frequencyOf(Tuple.of(8, property),
                Tuple.of(1, Arbitraries.just(new SelectorStep.AnyProperty())));
        Arbitrary<SelectorStep> next = Arbitraries.frequencyOf(Tuple.of(4, property), Tuple.of(3, index),
                Tuple.of(1, wildcard));
        return Combinators.combine(first, next.list().ofMaxSize(2)).as((f, rest) -> {
            List<SelectorStep> steps = new ArrayList<>();
            steps.add(f);
            steps.addAll(rest);
            return new Selector(steps);
        }).filter(s -> s.wildcardCount() <= 1);
    }

    static Arbitrary<Value> patternStrings() {
        Arbitrary<String> texts = Arbitraries.of(PATTERN_STRINGS);
        return Combinators.combine(texts, Arbitraries.of(true, false))
                .as((t, quoted) -> new StringValue(t, quoted || !Lexical.isBareValue(t)));
    }

    static Arbitrary<Value> patternNumbers() {
        return Arbitraries.of(PATTERN_NUMBERS).map(NumberValue::new);
    }

    /** Small regular expressions over the characters the generated values and events use. */
    static Arbitrary<Regex> regexes() {
        Arbitrary<String> atom = Arbitraries.of("a", "b", "c", "G", "e", "0", "4", " ", ".", "\\d", "\\D", "\\s",
                "\\S", "\\w", "\\W", "[ab]", "[^a]", "[0-9]", "[\\s]", "[^\\s]", "\\.", "\\x41", "\\x61", "-", ":");
        Arbitrary<String> quantifier = Arbitraries.of("", "", "", "", "*", "+", "?", "{1,2}", "{,2}", "{2}", "{2,}");
        Arbitrary<String> piece = Combinators.combine(atom, quantifier).as(String::concat);
        Arbitrary<String> branch = Combinators.combine(Arbitraries.of("", "", "^"),
                        piece.list().ofMinSize(1).ofMaxSize(4).map(l -> String.join("", l)),
                        Arbitraries.of("", "", "$"))
                .as((a, b, c) -> a + b + c);
        return branch.list().ofMinSize(1).ofMaxSize(2).map(l -> new Regex(String.join("|", l)));
    }

    static Arbitrary<JsonExpression> jsonComparisons() {
        Arbitrary<ComparisonOperator> equality = Arbitraries.of(ComparisonOperator.EQ, ComparisonOperator.NE);
        Arbitrary<JsonExpression> strings = Combinators.combine(selectors(), equality, patternStrings())
                .as(JsonComparison::new);
        Arbitrary<JsonExpression> numbers = Combinators.combine(selectors(),
                        Arbitraries.of(ComparisonOperator.class), patternNumbers())
                .as(JsonComparison::new);
        Arbitrary<JsonExpression> regexes = Combinators.combine(selectors(), equality, regexes())
                .as(JsonComparison::new);
        return Arbitraries.frequencyOf(Tuple.of(4, strings), Tuple.of(4, numbers), Tuple.of(2, regexes));
    }

    static Arbitrary<JsonExpression> jsonTests() {
        return Combinators.combine(selectors(), Arbitraries.of(JsonTestKind.class)).as(JsonTest::new);
    }

    static Arbitrary<JsonExpression> jsonExpressions(int depth) {
        Arbitrary<JsonExpression> leaf = Arbitraries.frequencyOf(Tuple.of(3, jsonComparisons()),
                Tuple.of(1, jsonTests()));
        if (depth == 0) {
            return leaf;
        }
        Arbitrary<List<JsonExpression>> children = Arbitraries.lazy(() -> jsonExpressions(depth - 1))
                .list().ofMinSize(2).ofMaxSize(3);
        return Arbitraries.frequencyOf(Tuple.of(4, leaf),
                Tuple.of(1, children.map(JsonAnd::new)),
                Tuple.of(1, children.map(JsonOr::new)));
    }

    /** JSON patterns within CloudWatch's limits: at most 3 wildcard selectors and 2 regular expressions. */
    static Arbitrary<JsonPattern> jsonPatterns() {
        return jsonExpressions(2).map(JsonPattern::new).filter(ReferenceArbitraries::withinJsonLimits);
    }

    static boolean withinJsonLimits(JsonPattern pattern) {
        List<JsonExpression> leaves = new ArrayList<>();
        leaves(pattern.expression(), leaves);
        long regexes = leaves.stream().filter(l -> l instanceof JsonComparison c && c.value() instanceof Regex).count();
        long wildcards = leaves.stream().filter(l -> (l instanceof JsonComparison c ? c.selector()
                : ((JsonTest) l).selector()).wildcardCount() > 0).count();
        return regexes <= 2 && wildcards <= 3;
    }

    private static void leaves(JsonExpression e, List<JsonExpression> out) {
        if (e instanceof JsonAnd and) {
            and.operands().forEach(o -> leaves(o, out));
        } else if (e instanceof JsonOr or) {
            or.operands().forEach(o -> leaves(o, out));
        } else {
            out.add(e);
        }
    }

    /** A JSON pattern and the event it is evaluated on, with the tree the event was written from. */
    record JsonCase(JsonPattern pattern, String event, ObjectNode tree) {
        JsonCase withEvent(String otherEvent) {
            return new JsonCase(pattern, otherEvent, tree);
        }

        @Override
        public String toString() {
            return dev.cwfilter.ast.PatternPrinter.print(pattern) + " on " + Show.quoted(event);
        }
    }

    /** Two JSON conditions about the same event, with the event. */
    record JsonPair(JsonExpression p, JsonExpression q, String event) {
        @Override
        public String toString() {
            return "P = " + dev.cwfilter.ast.PatternPrinter.print(p) + ", Q = "
                    + dev.cwfilter.ast.PatternPrinter.print(q) + " on " + Show.quoted(event);
        }
    }

    /** A value of an event and the selector steps that reach it from the root. */
    private record Path(List<SelectorStep> steps, JsonNode node) {
    }

    /**
     * JSON patterns paired with events, most leaves built from the event itself (a selector that reaches one of its
     * values, possibly through a wildcard, compared with that value's text, a wildcard or regular expression cut from
     * it, or a number near it), the rest from the shared vocabulary, so that about a quarter of the pairs match.
     */
    static Arbitrary<JsonCase> jsonCases() {
        return jsonObjects().flatMap(tree -> Combinators.combine(
                expressionsAbout(tree).map(JsonPattern::new).filter(ReferenceArbitraries::withinJsonLimits),
                jsonEventText(tree)).as((pattern, event) -> new JsonCase(pattern, event, tree)));
    }

    /** Two conditions about one event, such that {@code P && Q} is within CloudWatch's limits. */
    static Arbitrary<JsonPair> jsonPairs() {
        return jsonObjects().flatMap(tree -> Combinators.combine(expressionsAbout(tree), expressionsAbout(tree),
                        jsonEventText(tree)).as(JsonPair::new))
                .filter(pair -> withinJsonLimits(new JsonPattern(JsonAnd.of(pair.p(), pair.q()))));
    }

    private static Arbitrary<String> jsonEventText(ObjectNode tree) {
        Arbitrary<String> around = Arbitraries.of("", "", "", "", " ", "\n", "\t ", "\r\n");
        return Combinators.combine(around, jsonText(tree), around).as((before, json, after) -> before + json + after);
    }

    private static Arbitrary<JsonExpression> expressionsAbout(ObjectNode tree) {
        List<Path> paths = new ArrayList<>();
        collectPaths(tree, new ArrayList<>(), paths);
        Arbitrary<JsonExpression> leaf = paths.isEmpty()
                ? Arbitraries.frequencyOf(Tuple.of(3, jsonComparisons()), Tuple.of(1, jsonTests()))
                : Arbitraries.frequencyOf(
                        Tuple.of(3, Arbitraries.of(paths).flatMap(ReferenceArbitraries::derivedLeaf)),
                        Tuple.of(1, jsonComparisons()), Tuple.of(1, jsonTests()));
        return expressions(leaf, 2);
    }

    private static Arbitrary<JsonExpression> expressions(Arbitrary<JsonExpression> leaf, int depth) {
        if (depth == 0) {
            return leaf;
        }
        Arbitrary<List<JsonExpression>> children = Arbitraries.lazy(() -> expressions(leaf, depth - 1))
                .list().ofMinSize(2).ofMaxSize(3);
        return Arbitraries.frequencyOf(Tuple.of(4, leaf),
                Tuple.of(1, children.map(JsonAnd::new)),
                Tuple.of(1, children.map(JsonOr::new)));
    }

    private static void collectPaths(JsonNode node, List<SelectorStep> steps, List<Path> out) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                List<SelectorStep> next = new ArrayList<>(steps);
                next.add(new SelectorStep.Property(e.getKey()));
                out.add(new Path(next, e.getValue()));
                collectPaths(e.getValue(), next, out);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                List<SelectorStep> next = new ArrayList<>(steps);
                next.add(new SelectorStep.Index(i));
                out.add(new Path(next, node.get(i)));
                collectPaths(node.get(i), next, out);
            }
        }
    }

    /**
     * A leaf about the value at the path: its selector, possibly with one step made a wildcard, and a test: mostly one
     * cut from the value itself, otherwise a comparison from the vocabulary (a number with a string, a boolean or a
     * null, a string with a number, and so on).
     */
    private static Arbitrary<JsonExpression> derivedLeaf(Path path) {
        List<Selector> selectors = new ArrayList<>();
        selectors.add(new Selector(path.steps()));
        for (int i = 0; i < path.steps().size(); i++) {
            List<SelectorStep> steps = new ArrayList<>(path.steps());
            steps.set(i, i > 0 && steps.get(i) instanceof SelectorStep.Index
                    ? new SelectorStep.AnyIndex() : new SelectorStep.AnyProperty());
            selectors.add(new Selector(steps));
        }
        Arbitrary<Selector> selector = selectors.size() == 1 ? Arbitraries.just(selectors.get(0))
                : Arbitraries.oneOf(Arbitraries.just(selectors.get(0)),
                        Arbitraries.of(List.copyOf(selectors.subList(1, selectors.size()))));
        JsonNode node = path.node();
        Arbitrary<JsonExpression> crossType = selector.flatMap(s -> Arbitraries.oneOf(
                Combinators.combine(Arbitraries.of(ComparisonOperator.class), patternNumbers())
                        .as((op, v) -> new JsonComparison(s, op, v)),
                Combinators.combine(Arbitraries.of(ComparisonOperator.EQ, ComparisonOperator.NE),
                        Arbitraries.oneOf(patternStrings(), regexes())).as((op, v) -> new JsonComparison(s, op, v))));
        return Arbitraries.frequencyOf(Tuple.of(3, cutFromTheValue(selector, node)), Tuple.of(2, crossType));
    }

    /** Tests of the value at a path with values cut from its own text. */
    private static Arbitrary<JsonExpression> cutFromTheValue(Arbitrary<Selector> selector, JsonNode node) {
        return selector.flatMap(s -> {
            List<JsonExpression> leaves = new ArrayList<>();
            for (JsonTestKind kind : JsonTestKind.values()) {
                leaves.add(new JsonTest(s, kind));
            }
            if (node.isValueNode() && !node.isNull()) {
                String text = node.isTextual() ? node.textValue() : node.asText();
                for (Value v : valuesCutFrom(text)) {
                    for (ComparisonOperator op : ComparisonOperator.values()) {
                        if (!op.isOrdering() || v instanceof NumberValue) {
                            leaves.add(new JsonComparison(s, op, v));
                        }
                    }
                }
            } else {
                leaves.add(new JsonComparison(s, ComparisonOperator.EQ, new StringValue("*", false)));
                leaves.add(new JsonComparison(s, ComparisonOperator.NE, new StringValue("abc", true)));
            }
            return Arbitraries.of(leaves);
        });
    }

    /** Pattern values that compare with the text in interesting ways: equal to it, cut from it, or near it. */
    static List<Value> valuesCutFrom(String text) {
        List<Value> values = new ArrayList<>();
        values.add(new StringValue(text, true));
        if (Lexical.isBareValue(text)) {
            values.add(new StringValue(text, false));
        }
        int[] codePoints = text.codePoints().toArray();
        if (codePoints.length > 0) {
            String first = Character.toString(codePoints[0]);
            String last = Character.toString(codePoints[codePoints.length - 1]);
            String middle = Character.toString(codePoints[codePoints.length / 2]);
            values.add(new StringValue(first + "*", true));
            values.add(new StringValue("*" + last, true));
            values.add(new StringValue("*" + middle + "*", true));
            String regexSafe = text.replaceAll("[^A-Za-z0-9 ]", "");
            if (!regexSafe.isEmpty()) {
                values.add(new Regex(regexSafe.substring(0, Math.min(3, regexSafe.length()))));
                values.add(new Regex("^" + regexSafe + "$"));
            }
        }
        if (Lexical.isNumber(text)) {
            values.add(new NumberValue(text));
            java.math.BigDecimal exact = new java.math.BigDecimal(text.startsWith("+") ? text.substring(1) : text);
            for (String near : List.of(exact.add(java.math.BigDecimal.ONE).toPlainString(),
                    exact.subtract(java.math.BigDecimal.ONE).toString())) {
                if (Lexical.isNumber(near)) {
                    values.add(new NumberValue(near));
                }
            }
        }
        return values;
    }

    // ---- terms ----

    static final List<String> WORDS = List.of("ERROR", "ERR", "Exception", "abc", "b", "400", "GET", "x_1");
    static final List<String> PHRASES = List.of("a b", "[ERROR]", " ", "", "ERROR Exception", "a\"b", "x\\y",
            "\u00e9", "\t", "ERROR:", "-1");

    static Arbitrary<Term> terms() {
        Arbitrary<TermKind> kinds = Arbitraries.of(TermKind.class);
        Arbitrary<Term> bare = Combinators.combine(kinds, Arbitraries.of(WORDS)).as((k, w) -> new Term(k, w, false));
        Arbitrary<Term> quoted = Combinators.combine(kinds, Arbitraries.oneOf(Arbitraries.of(WORDS),
                Arbitraries.of(PHRASES))).as((k, w) -> new Term(k, w, true));
        return Arbitraries.frequencyOf(Tuple.of(3, bare), Tuple.of(2, quoted));
    }

    static Arbitrary<TermPattern> termPatterns() {
        return terms().list().ofMinSize(1).ofMaxSize(4).map(TermPattern::new);
    }

    /** Unstructured events made of the words and phrases the term patterns use. */
    static Arbitrary<String> termEvents() {
        Arbitrary<String> piece = Arbitraries.oneOf(Arbitraries.of(WORDS), Arbitraries.of(PHRASES),
                Arbitraries.of("ERRORCODE", "InvalidException", "[", "]", ":", "\n", "\u2028", "\uD83D\uDE00"));
        Arbitrary<String> separator = Arbitraries.of(" ", " ", "", "\t", "\n");
        return Combinators.combine(piece, separator).as(String::concat).list().ofMaxSize(6)
                .map(l -> String.join("", l));
    }

    // ---- standalone regex ----

    static Arbitrary<Pattern> regexPatterns() {
        return regexes().map(RegexPattern::new);
    }

    /**
     * Short texts over the regular expressions' characters and the line terminators that matter to them ({@code .}
     * stops at them, {@code $} matches before a final one), often ending with one.
     */
    static Arbitrary<String> regexEvents() {
        return Combinators.combine(
                Arbitraries.strings().withChars("abcGe04 .-:A\t\n\r\u0085\u2028\u2029\u000B\u00e9").ofMaxLength(10),
                Arbitraries.of("", "", "", "\n", "\r\n", "\r", "\u0085", "\u2028"))
                .as(String::concat);
    }

    /** Short regular expressions ending at {@code $}, whose last atom may or may not match a line terminator. */
    static Arbitrary<Pattern> lineEndRegexPatterns() {
        Arbitrary<String> atom = Arbitraries.of("a", ".", "\\D", "\\S", "\\W", "\\s", "[^a]", "[^\\s]", "\\x0D",
                "\\x0A", "\\x0D\\x0A", "\\w");
        Arbitrary<String> quantifier = Arbitraries.of("", "", "?", "*", "+", "{2}");
        return Combinators.combine(Arbitraries.of("", "^"), atom, quantifier, Arbitraries.of("$", "$", ""))
                .as((start, a, q, end) -> (Pattern) new RegexPattern(new Regex(start + a + q + end)));
    }

    /** Texts of letters, spaces and line terminators ({@code \r\n} counting as one). */
    static Arbitrary<String> lineEndEvents() {
        return Arbitraries.of("a", "a", " ", "\r\n", "\r\n", "\r", "\n", "\u0085", "\u2028", "\u2029")
                .list().ofMaxSize(4).map(l -> String.join("", l));
    }

    // ---- space-delimited ----

    static final List<String> FIELD_NAMES = List.of("ip", "w1", "w2", "status_code", "size", "request", "x-y");
    static final List<String> EVENT_FIELDS = List.of("ERROR", "INFO", "abc", "GET", "200", "404", "1534", "-5",
            "2.5", "1e3", "-", "-0.0", "\"GET /a.html b\"", "\"a b\"", "\"\"", "[10/Oct/2000:13:25:15 -0700]",
            "[x]", "[]", "\"400\"", "a\"b", "c]", "[a\"b]", "\"[x]\"", "a\u00A0b", "a\u001Cb", "\u00e9");
    static final List<String> FIELD_STRINGS = List.of("ERROR", "INFO", "abc", "GET", "4*", "*bc", "*", "2*",
            "*.html*", "-", "a b", "", "10/Oct/2000:13:25:15 -0700", "GET /a.html b", "*b", "ERROR*", "x");
    static final List<String> FIELD_NUMBERS = List.of("200", "404", "1000", "-5", "2.5", "1e3", "1534", "0", "400");

    /** Space-delimited events: words, numbers, quoted and bracketed fields, spaces and tabs. */
    static Arbitrary<String> delimitedEvents() {
        Arbitrary<String> separator = Arbitraries.frequencyOf(Tuple.of(8, Arbitraries.just(" ")),
                Tuple.of(2, Arbitraries.of("  ", "\t", " \t ", "\n", "\r\n", "\f", "\u000B")),
                Tuple.of(1, Arbitraries.just("")));
        Arbitrary<String> field = Arbitraries.of(EVENT_FIELDS);
        Arbitrary<String> edge = Arbitraries.of("", "", "", "", " ", "\t", "  ");
        Arbitrary<String> unbalanced = Arbitraries.of("", "", "", "", "", " \"x y", " [x y", " \"x y ");
        return Combinators.combine(edge, Combinators.combine(field, separator).as(String::concat).list().ofMaxSize(7),
                        field.list().ofMaxSize(1), unbalanced, edge)
                .as((before, fields, last, open, after) -> before + String.join("", fields) + String.join("", last)
                        + open + after);
    }

    static Arbitrary<FieldComparison> fieldComparisons() {
        Arbitrary<ComparisonOperator> equality = Arbitraries.of(ComparisonOperator.EQ, ComparisonOperator.NE);
        Arbitrary<FieldComparison> strings = Combinators.combine(equality, Arbitraries.of(FIELD_STRINGS),
                        Arbitraries.of(true, false))
                .as((op, t, quoted) -> new FieldComparison(op, new StringValue(t, quoted || !Lexical.isBareValue(t))));
        Arbitrary<FieldComparison> numbers = Combinators.combine(Arbitraries.of(ComparisonOperator.class),
                Arbitraries.of(FIELD_NUMBERS)).as((op, n) -> new FieldComparison(op, new NumberValue(n)));
        Arbitrary<FieldComparison> regexes = Combinators.combine(equality, regexes()).as(FieldComparison::new);
        return Arbitraries.frequencyOf(Tuple.of(4, strings), Tuple.of(3, numbers), Tuple.of(1, regexes));
    }

    static Arbitrary<FieldCondition> fieldConditions() {
        Arbitrary<FieldComparison> comparison = fieldComparisons();
        Arbitrary<FieldCondition> and = comparison.list().ofMinSize(2).ofMaxSize(3).map(FieldAnd::new);
        Arbitrary<FieldCondition> conjunct = Arbitraries.oneOf(comparison.map(c -> (FieldCondition) c), and);
        Arbitrary<FieldCondition> or = conjunct.list().ofMinSize(2).ofMaxSize(3).map(FieldOr::new);
        return Arbitraries.frequencyOf(Tuple.of(5, comparison.map(c -> (FieldCondition) c)),
                Tuple.of(1, and), Tuple.of(1, or));
    }

    static Arbitrary<DelimitedPattern> delimitedPatterns() {
        Arbitrary<DelimitedField> named = Combinators.combine(Arbitraries.of(FIELD_NAMES),
                        fieldConditions().optional(0.6))
                .as(DelimitedField.Named::new);
        Arbitrary<DelimitedField> field = Arbitraries.frequencyOf(
                Tuple.of(6, named),
                Tuple.of(1, Arbitraries.just(new DelimitedField.Ellipsis())),
                Tuple.of(1, Arbitraries.just(new DelimitedField.Unnamed())));
        return field.list().ofMaxSize(6).filter(AstArbitraries::withinDelimitedLimits).map(DelimitedPattern::new);
    }

}
