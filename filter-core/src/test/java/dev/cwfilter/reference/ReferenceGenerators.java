package dev.cwfilter.reference;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cwfilter.ast.AstGenerators;
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
import dev.cwfilter.propcheck.Gen;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Generators of patterns and events drawn from small shared vocabularies, so that generated patterns and events hit
 * each other often: the same keys, strings, numbers and words appear on both sides.
 */
final class ReferenceGenerators {

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

    private ReferenceGenerators() {
    }

    /** A pattern of any syntax and an event drawn from the same vocabulary. */
    record Case(Pattern pattern, String event) {
        @Override
        public String toString() {
            return dev.cwfilter.ast.PatternPrinter.print(pattern) + " on " + Show.quoted(event);
        }
    }

    /** Cases of every syntax: terms, standalone regex, JSON and space-delimited. */
    static Gen<Case> anyCases() {
        return Gen.oneOf(
                Gen.zip(termPatterns(), termEvents(), Case::new),
                Gen.zip(regexPatterns(), regexEvents(), Case::new),
                jsonCases().map(c -> new Case(c.pattern(), c.event())),
                Gen.zip(delimitedPatterns(), delimitedEvents(), Case::new));
    }

    /** Three values combined into one. */
    static <A, B, C, R> Gen<R> zip(Gen<A> a, Gen<B> b, Gen<C> c, Function3<A, B, C, R> combine) {
        return random -> combine.apply(a.generate(random), b.generate(random), c.generate(random));
    }

    /** A function of three values, for {@link #zip(Gen, Gen, Gen, Function3)}. */
    @FunctionalInterface
    interface Function3<A, B, C, R> {
        R apply(A a, B b, C c);
    }

    /** {@code min} to {@code max} distinct elements of the list, in the list's order, shrinking to fewer and earlier. */
    static <T> Gen<List<T>> distinct(List<T> values, int min, int max) {
        Gen<Integer> sizes = Gen.sizes(min, max);
        return random -> {
            int n = sizes.generate(random);
            List<T> remaining = new ArrayList<>(values);
            List<T> chosen = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                chosen.add(remaining.remove(random.nextInt(remaining.size())));
            }
            return chosen;
        };
    }

    /** A value present with the given probability, otherwise empty; shrinks to empty. */
    static <T> Gen<Optional<T>> optional(Gen<T> gen, double presence) {
        return AstGenerators.optional(gen, presence);
    }

    // ---- JSON events ----

    /** A JSON object built as a tree, without duplicate keys. */
    static Gen<ObjectNode> jsonObjects() {
        return objectNode(3);
    }

    private static Gen<JsonNode> scalars() {
        return Gen.frequency(
                Gen.weighted(5, Gen.elements(STRINGS).map(NODES::textNode)),
                Gen.weighted(4, Gen.<JsonNode>elements(NODES.numberNode(0), NODES.numberNode(1),
                        NODES.numberNode(400), NODES.numberNode(-5), NODES.numberNode(1000), NODES.numberNode(2.5),
                        NODES.numberNode(1000.0), NODES.numberNode(1.0E10), NODES.numberNode(-0.0),
                        NODES.numberNode(9007199254740993L), NODES.numberNode(BigInteger.TWO.pow(64)))),
                Gen.weighted(2, Gen.<JsonNode>elements(NODES.booleanNode(true), NODES.booleanNode(false))),
                Gen.weighted(1, Gen.<JsonNode>constant(NODES.nullNode())));
    }

    private static Gen<JsonNode> values(int depth) {
        if (depth == 0) {
            return scalars();
        }
        return Gen.frequency(
                Gen.weighted(6, scalars()),
                Gen.weighted(2, Gen.lazy(() -> objectNode(depth - 1)).map(o -> (JsonNode) o)),
                Gen.weighted(2, Gen.lazy(() -> arrayNode(depth - 1)).map(a -> (JsonNode) a)));
    }

    private static Gen<ObjectNode> objectNode(int depth) {
        Gen<List<String>> keys = distinct(KEYS, 0, 5);
        Gen<JsonNode> values = values(depth);
        return random -> {
            ObjectNode o = NODES.objectNode();
            for (String key : keys.generate(random)) {
                o.set(key, values.generate(random));
            }
            return o;
        };
    }

    private static Gen<ArrayNode> arrayNode(int depth) {
        return Gen.listOf(values(depth), 0, 3).map(vs -> {
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
    static Gen<String> jsonText(ObjectNode tree) {
        return Gen.elements(0, 0, 1, 2, 3).map(style -> switch (style) {
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
    static Gen<String> jsonEvents() {
        Gen<String> around = Gen.elements("", "", "", "", " ", "\n", "\t ", "\r\n");
        return zip(around, jsonObjects().flatMap(ReferenceGenerators::jsonText), around,
                (before, json, after) -> before + json + after);
    }

    /** Text before a JSON object, as Lambda and Docker write it, and a few prefixes that break it. */
    static Gen<String> jsonPrefixes() {
        return Gen.elements("", "", " ", "INFO ", "2024-01-01T00:00:00.000Z\tid-1\tINFO\t", "a{b ", "x}",
                "\"q\" ", "\uFEFF", "\u000B", "{", "[1] ", "\u00e9 ");
    }

    /** JSON cases with text before the event: for {@code lenientJsonPrefix}. */
    static Gen<JsonCase> prefixedJsonCases() {
        return Gen.zip(jsonPrefixes(), jsonCases(), (prefix, c) -> c.withEvent(prefix + c.event()));
    }

    // ---- JSON patterns ----

    static Gen<Selector> selectors() {
        Gen<SelectorStep> property = Gen.elements(KEYS).map(SelectorStep.Property::new);
        Gen<SelectorStep> index = Gen.integers(0, 2).map(SelectorStep.Index::new);
        Gen<SelectorStep> wildcard = Gen.elements(new SelectorStep.AnyProperty(), new SelectorStep.AnyIndex());
        Gen<SelectorStep> first = Gen.frequency(Gen.weighted(8, property),
                Gen.weighted(1, Gen.constant(new SelectorStep.AnyProperty())));
        Gen<SelectorStep> next = Gen.frequency(Gen.weighted(4, property), Gen.weighted(3, index),
                Gen.weighted(1, wildcard));
        return Gen.zip(first, Gen.listOf(next, 0, 2), (f, rest) -> {
            List<SelectorStep> steps = new ArrayList<>();
            steps.add(f);
            steps.addAll(rest);
            return new Selector(steps);
        }).filter(s -> s.wildcardCount() <= 1);
    }

    static Gen<Value> patternStrings() {
        return Gen.zip(Gen.elements(PATTERN_STRINGS), Gen.booleans(),
                (t, quoted) -> new StringValue(t, quoted || !Lexical.isBareValue(t)));
    }

    static Gen<Value> patternNumbers() {
        return Gen.elements(PATTERN_NUMBERS).map(NumberValue::new);
    }

    /** Small regular expressions over the characters the generated values and events use. */
    static Gen<Regex> regexes() {
        Gen<String> atom = Gen.elements("a", "b", "c", "G", "e", "0", "4", " ", ".", "\\d", "\\D", "\\s",
                "\\S", "\\w", "\\W", "[ab]", "[^a]", "[0-9]", "[\\s]", "[^\\s]", "\\.", "\\x41", "\\x61", "-", ":");
        Gen<String> quantifier = Gen.elements("", "", "", "", "*", "+", "?", "{1,2}", "{,2}", "{2}", "{2,}");
        Gen<String> piece = Gen.zip(atom, quantifier, String::concat);
        Gen<String> branch = zip(Gen.elements("", "", "^"),
                Gen.listOf(piece, 1, 4).map(l -> String.join("", l)),
                Gen.elements("", "", "$"),
                (a, b, c) -> a + b + c);
        return Gen.listOf(branch, 1, 2).map(l -> new Regex(String.join("|", l)));
    }

    static Gen<JsonExpression> jsonComparisons() {
        Gen<ComparisonOperator> equality = Gen.elements(ComparisonOperator.EQ, ComparisonOperator.NE);
        Gen<JsonExpression> strings = zip(selectors(), equality, patternStrings(), JsonComparison::new);
        Gen<JsonExpression> numbers = zip(selectors(), Gen.elements(ComparisonOperator.values()), patternNumbers(),
                JsonComparison::new);
        Gen<JsonExpression> regexes = zip(selectors(), equality, regexes(), JsonComparison::new);
        return Gen.frequency(Gen.weighted(4, strings), Gen.weighted(4, numbers), Gen.weighted(2, regexes));
    }

    static Gen<JsonExpression> jsonTests() {
        return Gen.zip(selectors(), Gen.elements(JsonTestKind.values()), JsonTest::new);
    }

    static Gen<JsonExpression> jsonExpressions(int depth) {
        Gen<JsonExpression> leaf = Gen.frequency(Gen.weighted(3, jsonComparisons()), Gen.weighted(1, jsonTests()));
        return expressions(leaf, depth);
    }

    /** JSON patterns within CloudWatch's limits: at most 3 wildcard selectors and 2 regular expressions. */
    static Gen<JsonPattern> jsonPatterns() {
        return jsonExpressions(2).map(JsonPattern::new).filter(ReferenceGenerators::withinJsonLimits);
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
    static Gen<JsonCase> jsonCases() {
        return jsonObjects().flatMap(tree -> Gen.zip(
                expressionsAbout(tree).map(JsonPattern::new).filter(ReferenceGenerators::withinJsonLimits),
                jsonEventText(tree), (pattern, event) -> new JsonCase(pattern, event, tree)));
    }

    /** Two conditions about one event, such that {@code P && Q} is within CloudWatch's limits. */
    static Gen<JsonPair> jsonPairs() {
        return jsonObjects().flatMap(tree -> zip(expressionsAbout(tree), expressionsAbout(tree),
                        jsonEventText(tree), JsonPair::new))
                .filter(pair -> withinJsonLimits(new JsonPattern(JsonAnd.of(pair.p(), pair.q()))));
    }

    private static Gen<String> jsonEventText(ObjectNode tree) {
        Gen<String> around = Gen.elements("", "", "", "", " ", "\n", "\t ", "\r\n");
        return zip(around, jsonText(tree), around, (before, json, after) -> before + json + after);
    }

    private static Gen<JsonExpression> expressionsAbout(ObjectNode tree) {
        List<Path> paths = new ArrayList<>();
        collectPaths(tree, new ArrayList<>(), paths);
        Gen<JsonExpression> leaf = paths.isEmpty()
                ? Gen.frequency(Gen.weighted(3, jsonComparisons()), Gen.weighted(1, jsonTests()))
                : Gen.frequency(
                        Gen.weighted(3, Gen.elements(paths).flatMap(ReferenceGenerators::derivedLeaf)),
                        Gen.weighted(1, jsonComparisons()), Gen.weighted(1, jsonTests()));
        return expressions(leaf, 2);
    }

    private static Gen<JsonExpression> expressions(Gen<JsonExpression> leaf, int depth) {
        if (depth == 0) {
            return leaf;
        }
        Gen<List<JsonExpression>> children = Gen.listOf(Gen.lazy(() -> expressions(leaf, depth - 1)), 2, 3);
        return Gen.frequency(Gen.weighted(4, leaf),
                Gen.weighted(1, children.map(JsonAnd::new)),
                Gen.weighted(1, children.map(JsonOr::new)));
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
    private static Gen<JsonExpression> derivedLeaf(Path path) {
        List<Selector> selectors = new ArrayList<>();
        selectors.add(new Selector(path.steps()));
        for (int i = 0; i < path.steps().size(); i++) {
            List<SelectorStep> steps = new ArrayList<>(path.steps());
            steps.set(i, i > 0 && steps.get(i) instanceof SelectorStep.Index
                    ? new SelectorStep.AnyIndex() : new SelectorStep.AnyProperty());
            selectors.add(new Selector(steps));
        }
        Gen<Selector> selector = selectors.size() == 1 ? Gen.constant(selectors.get(0))
                : Gen.oneOf(Gen.constant(selectors.get(0)),
                        Gen.elements(List.copyOf(selectors.subList(1, selectors.size()))));
        JsonNode node = path.node();
        Gen<ComparisonOperator> anyOperator = Gen.elements(ComparisonOperator.values());
        Gen<ComparisonOperator> equality = Gen.elements(ComparisonOperator.EQ, ComparisonOperator.NE);
        Gen<Value> stringsOrRegexes = Gen.oneOf(patternStrings(), regexes());
        Gen<JsonExpression> crossType = selector.flatMap(s -> Gen.oneOf(
                Gen.zip(anyOperator, patternNumbers(), (op, v) -> (JsonExpression) new JsonComparison(s, op, v)),
                Gen.zip(equality, stringsOrRegexes, (op, v) -> (JsonExpression) new JsonComparison(s, op, v))));
        return Gen.frequency(Gen.weighted(3, cutFromTheValue(selector, node)), Gen.weighted(2, crossType));
    }

    /** Tests of the value at a path with values cut from its own text. */
    private static Gen<JsonExpression> cutFromTheValue(Gen<Selector> selector, JsonNode node) {
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
            return Gen.elements(leaves);
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

    static Gen<Term> terms() {
        Gen<TermKind> kinds = Gen.elements(TermKind.values());
        Gen<Term> bare = Gen.zip(kinds, Gen.elements(WORDS), (k, w) -> new Term(k, w, false));
        Gen<Term> quoted = Gen.zip(kinds, Gen.oneOf(Gen.elements(WORDS), Gen.elements(PHRASES)),
                (k, w) -> new Term(k, w, true));
        return Gen.frequency(Gen.weighted(3, bare), Gen.weighted(2, quoted));
    }

    static Gen<TermPattern> termPatterns() {
        return Gen.listOf(terms(), 1, 4).map(TermPattern::new);
    }

    /** Unstructured events made of the words and phrases the term patterns use. */
    static Gen<String> termEvents() {
        Gen<String> piece = Gen.oneOf(Gen.elements(WORDS), Gen.elements(PHRASES),
                Gen.elements("ERRORCODE", "InvalidException", "[", "]", ":", "\n", "\u2028", "\uD83D\uDE00"));
        Gen<String> separator = Gen.elements(" ", " ", "", "\t", "\n");
        return Gen.listOf(Gen.zip(piece, separator, String::concat), 0, 6).map(l -> String.join("", l));
    }

    // ---- standalone regex ----

    static Gen<Pattern> regexPatterns() {
        return regexes().map(RegexPattern::new);
    }

    /**
     * Short texts over the regular expressions' characters and the line terminators that matter to them ({@code .}
     * stops at them, {@code $} matches before a final one), often ending with one.
     */
    static Gen<String> regexEvents() {
        return Gen.zip(
                Gen.strings("abcGe04 .-:A\t\n\r\u0085\u2028\u2029\u000B\u00e9", 0, 10),
                Gen.elements("", "", "", "\n", "\r\n", "\r", "\u0085", "\u2028"),
                String::concat);
    }

    /** Short regular expressions ending at {@code $}, whose last atom may or may not match a line terminator. */
    static Gen<Pattern> lineEndRegexPatterns() {
        Gen<String> start = Gen.elements("", "^");
        Gen<String> atom = Gen.elements("a", ".", "\\D", "\\S", "\\W", "\\s", "[^a]", "[^\\s]", "\\x0D",
                "\\x0A", "\\x0D\\x0A", "\\w");
        Gen<String> quantifier = Gen.elements("", "", "?", "*", "+", "{2}");
        Gen<String> end = Gen.elements("$", "$", "");
        return random -> new RegexPattern(new Regex(start.generate(random) + atom.generate(random)
                + quantifier.generate(random) + end.generate(random)));
    }

    /** Texts of letters, spaces and line terminators ({@code \r\n} counting as one). */
    static Gen<String> lineEndEvents() {
        return Gen.listOf(Gen.elements("a", "a", " ", "\r\n", "\r\n", "\r", "\n", "\u0085", "\u2028", "\u2029"), 0, 4)
                .map(l -> String.join("", l));
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
    static Gen<String> delimitedEvents() {
        Gen<String> separator = Gen.frequency(Gen.weighted(8, Gen.constant(" ")),
                Gen.weighted(2, Gen.elements("  ", "\t", " \t ", "\n", "\r\n", "\f", "\u000B")),
                Gen.weighted(1, Gen.constant("")));
        Gen<String> field = Gen.elements(EVENT_FIELDS);
        Gen<String> edge = Gen.elements("", "", "", "", " ", "\t", "  ");
        Gen<String> unbalanced = Gen.elements("", "", "", "", "", " \"x y", " [x y", " \"x y ");
        Gen<List<String>> fields = Gen.listOf(Gen.zip(field, separator, String::concat), 0, 7);
        Gen<List<String>> last = Gen.listOf(field, 0, 1);
        return random -> edge.generate(random) + String.join("", fields.generate(random))
                + String.join("", last.generate(random)) + unbalanced.generate(random) + edge.generate(random);
    }

    static Gen<FieldComparison> fieldComparisons() {
        Gen<ComparisonOperator> equality = Gen.elements(ComparisonOperator.EQ, ComparisonOperator.NE);
        Gen<FieldComparison> strings = zip(equality, Gen.elements(FIELD_STRINGS), Gen.booleans(),
                (op, t, quoted) -> new FieldComparison(op, new StringValue(t, quoted || !Lexical.isBareValue(t))));
        Gen<FieldComparison> numbers = Gen.zip(Gen.elements(ComparisonOperator.values()), Gen.elements(FIELD_NUMBERS),
                (op, n) -> new FieldComparison(op, new NumberValue(n)));
        Gen<FieldComparison> regexes = Gen.zip(equality, regexes(), FieldComparison::new);
        return Gen.frequency(Gen.weighted(4, strings), Gen.weighted(3, numbers), Gen.weighted(1, regexes));
    }

    static Gen<FieldCondition> fieldConditions() {
        Gen<FieldComparison> comparison = fieldComparisons();
        Gen<FieldCondition> and = Gen.listOf(comparison, 2, 3).map(FieldAnd::new);
        Gen<FieldCondition> conjunct = Gen.oneOf(comparison.map(c -> (FieldCondition) c), and);
        Gen<FieldCondition> or = Gen.listOf(conjunct, 2, 3).map(FieldOr::new);
        return Gen.frequency(Gen.weighted(5, comparison.map(c -> (FieldCondition) c)),
                Gen.weighted(1, and), Gen.weighted(1, or));
    }

    static Gen<DelimitedPattern> delimitedPatterns() {
        Gen<DelimitedField> named = Gen.zip(Gen.elements(FIELD_NAMES), optional(fieldConditions(), 0.6),
                DelimitedField.Named::new);
        Gen<DelimitedField> field = Gen.frequency(
                Gen.weighted(6, named),
                Gen.weighted(1, Gen.constant(new DelimitedField.Ellipsis())),
                Gen.weighted(1, Gen.constant(new DelimitedField.Unnamed())));
        return Gen.listOf(field, 0, 6).filter(AstGenerators::withinDelimitedLimits).map(DelimitedPattern::new);
    }
}
