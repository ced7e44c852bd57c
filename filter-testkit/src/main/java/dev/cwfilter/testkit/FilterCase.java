package dev.cwfilter.testkit;

import dev.cwfilter.DefaultValueMode;
import dev.cwfilter.FilterOptions;
import dev.cwfilter.LogEvent;
import dev.cwfilter.MetricFilter;
import dev.cwfilter.StandardUnit;
import dev.cwfilter.deploy.Node;
import dev.cwfilter.testkit.internal.Documents;
import dev.cwfilter.testkit.internal.Times;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One case of a {@link FilterCases} file: a pattern, the events it must match and must not match, and optionally
 * what it extracts, whether it is invalid, and what a metric filter built on it publishes. {@link #verify()} checks
 * everything and reports every failed check at once, each with the file and line it comes from.
 *
 * <h2>Schema</h2>
 * A YAML file holds a list of cases, or a mapping with a {@code cases} list; a {@code .jsonl} file holds one case, a
 * JSON object, per line (blank lines and lines starting with {@code #} are skipped). A case has these keys:
 * <pre>
 * name:          shown as the test's name (default: the pattern)
 * pattern:       the filter pattern (required)
 * options:       FilterOptions: lenientJsonPrefix, exactFieldCount, lenientTermCharacters, firstEventNumber,
 *                defaultValueMode, maxPatternLength, maxNestingDepth, maxEventBytes, maxEventNestingDepth
 * matches:       events that must match
 * doesNotMatch:  events that must not match
 * extracts:      field: value, read from the last event of matches ($name, $N, $.selector)
 * canonical:     the pattern's canonical text
 * invalid:       true, or {line, column, messageContains}: the pattern must be rejected
 * metricFilter:  metricNamespace, metricName, metricValue, defaultValue, unit, dimensions (name: $.field), and
 *   publishes:   a list of {event, value, dimensions, at}: value is a number, "nothing" or "default"
 * </pre>
 * An event is a string (the message exactly) or a YAML mapping or list, which is written as compact JSON with its
 * keys in order.
 *
 * <p>Immutable and thread-safe.
 */
public final class FilterCase {

    private static final Set<String> CASE_KEYS = Set.of("name", "pattern", "options", "matches", "doesNotMatch",
            "extracts", "canonical", "invalid", "metricFilter");
    private static final Set<String> OPTION_KEYS = Set.of("lenientJsonPrefix", "exactFieldCount",
            "lenientTermCharacters", "firstEventNumber", "defaultValueMode", "maxPatternLength", "maxNestingDepth",
            "maxEventBytes", "maxEventNestingDepth");
    private static final Set<String> METRIC_KEYS = Set.of("metricNamespace", "metricName", "metricValue",
            "defaultValue", "unit", "dimensions", "publishes");
    private static final Set<String> PUBLISH_KEYS = Set.of("event", "value", "dimensions", "at");
    private static final Set<String> INVALID_KEYS = Set.of("line", "column", "messageContains");

    /** An event of the file and the line it is written on. */
    private record Event(String message, int line) {
    }

    /** An expected publication of the metric filter. */
    private record Publication(Event event, String value, Map<String, String> dimensions, String at) {
    }

    private final String name;
    private final String file;
    private final int line;
    private final String pattern;
    private final FilterOptions options;
    private final List<Event> matching;
    private final List<Event> notMatching;
    private final Map<String, String> extracts;
    private final String canonical;
    private final boolean invalid;
    private final Integer errorLine;
    private final Integer errorColumn;
    private final String errorMessage;
    private final Map<String, Object> metric;
    private final Map<String, String> metricDimensions;
    private final List<Publication> publications;
    private final int metricLine;

    private FilterCase(Reader r) {
        this.name = r.name;
        this.file = r.file;
        this.line = r.line;
        this.pattern = r.pattern;
        this.options = r.options;
        this.matching = List.copyOf(r.matching);
        this.notMatching = List.copyOf(r.notMatching);
        this.extracts = Map.copyOf(r.extracts);
        this.canonical = r.canonical;
        this.invalid = r.invalid;
        this.errorLine = r.errorLine;
        this.errorColumn = r.errorColumn;
        this.errorMessage = r.errorMessage;
        this.metric = r.metric == null ? null : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(r.metric));
        this.metricDimensions = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(r.metricDimensions));
        this.publications = List.copyOf(r.publications);
        this.metricLine = r.metricLine;
    }

    /**
     * Reads the cases of a file's text.
     *
     * @param text the file's content
     * @param file the file's name: {@code .jsonl} is read as JSON Lines, anything else as YAML
     * @throws FileFormatException if the text is not well formed or breaks the schema, naming the file and line
     */
    public static List<FilterCase> parse(String text, String file) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(file, "file");
        List<FilterCase> cases = new ArrayList<>();
        if (file.toLowerCase(Locale.ROOT).endsWith(".jsonl")) {
            String[] lines = text.split("\r?\n", -1);
            for (int i = 0; i < lines.length; i++) {
                String l = lines[i].trim();
                if (l.isEmpty() || l.startsWith("#")) {
                    continue;
                }
                Node node;
                try {
                    node = Documents.parse(l, file, false);
                } catch (FileFormatException e) {
                    throw new FileFormatException(file, i + 1, e.getMessage().substring(e.getMessage().indexOf(": ")
                            + 2), e.getCause());
                }
                cases.add(new Reader(file, i).read(node));
            }
            return cases;
        }
        Node root = Documents.parse(text, file, true);
        Node list = root;
        if (root instanceof Node.Mapping m) {
            expectKeys(file, m, Set.of("cases"), "the file");
            list = m.get("cases");
            if (list == null) {
                throw new FileFormatException(file, root.line(), "expected a list of cases, or a mapping with a"
                        + " 'cases' list", null);
            }
        }
        if (!(list instanceof Node.Sequence seq)) {
            throw new FileFormatException(file, list.line(), "expected a list of cases, not " + list.kind(), null);
        }
        for (Node item : seq.items()) {
            cases.add(new Reader(file, 0).read(item));
        }
        return cases;
    }

    /** The case's name: its {@code name}, or else its pattern. */
    public String name() {
        return name;
    }

    /** The file it was read from. */
    public String file() {
        return file;
    }

    /** The 1-based line where the case starts. */
    public int line() {
        return line;
    }

    /** The pattern. */
    public String pattern() {
        return pattern;
    }

    /** The options the pattern is compiled with. */
    public FilterOptions options() {
        return options;
    }

    /** The events that must match. */
    public List<String> matching() {
        return matching.stream().map(Event::message).toList();
    }

    /** The events that must not match. */
    public List<String> notMatching() {
        return notMatching.stream().map(Event::message).toList();
    }

    /** Whether the case expects the pattern to be invalid. */
    public boolean expectsInvalid() {
        return invalid;
    }

    /**
     * The case's metric filter, if it has one.
     *
     * @throws IllegalArgumentException if PutMetricFilter would reject it
     */
    public Optional<MetricFilter> metricFilter() {
        if (metric == null) {
            return Optional.empty();
        }
        MetricFilter.Builder b = MetricFilter.builder().filterPattern(pattern).options(options);
        if (metric.containsKey("metricNamespace")) {
            b.metricNamespace((String) metric.get("metricNamespace"));
        }
        if (metric.containsKey("metricName")) {
            b.metricName((String) metric.get("metricName"));
        }
        if (metric.containsKey("metricValue")) {
            b.metricValue((String) metric.get("metricValue"));
        }
        if (metric.containsKey("defaultValue")) {
            b.defaultValue((Double) metric.get("defaultValue"));
        }
        if (metric.containsKey("unit")) {
            b.unit((StandardUnit) metric.get("unit"));
        }
        b.dimensions(metricDimensions);
        return Optional.of(b.build());
    }

    /**
     * Checks every expectation of the case and fails with all the failures, each preceded by the file, line and
     * check it comes from.
     *
     * @throws AssertionError if any expectation does not hold
     */
    public void verify() {
        List<String> failures = new ArrayList<>();
        if (invalid) {
            check(failures, line, "invalid", () -> {
                InvalidPatternAssert a = FilterAssertions.assertThatPattern(pattern).withOptions(options).isInvalid();
                if (errorLine != null || errorColumn != null) {
                    a.withErrorAt(errorLine == null ? 1 : errorLine, errorColumn == null ? 1 : errorColumn);
                }
                if (errorMessage != null) {
                    a.withMessageContaining(errorMessage);
                }
            });
        } else {
            check(failures, line, "pattern", () -> FilterAssertions.assertThatPattern(pattern).withOptions(options)
                    .isValid());
            if (!failures.isEmpty()) {
                throw new AssertionError(render(failures));
            }
        }
        if (canonical != null) {
            check(failures, line, "canonical", () -> FilterAssertions.assertThatPattern(pattern).withOptions(options)
                    .hasCanonicalForm(canonical));
        }
        for (int i = 0; i < matching.size(); i++) {
            Event e = matching.get(i);
            check(failures, e.line(), "matches #" + (i + 1), () -> FilterAssertions.assertThatPattern(pattern)
                    .withOptions(options).matches(e.message()));
        }
        for (int i = 0; i < notMatching.size(); i++) {
            Event e = notMatching.get(i);
            check(failures, e.line(), "doesNotMatch #" + (i + 1), () -> FilterAssertions.assertThatPattern(pattern)
                    .withOptions(options).doesNotMatch(e.message()));
        }
        if (!extracts.isEmpty()) {
            if (matching.isEmpty()) {
                failures.add(file + " line " + line + " (case \"" + name + "\", extracts): extracts reads the last"
                        + " event of matches, and there is none");
            } else {
                Event last = matching.get(matching.size() - 1);
                for (Map.Entry<String, String> x : new java.util.TreeMap<>(extracts).entrySet()) {
                    check(failures, last.line(), "extracts " + x.getKey(), () -> {
                        PatternAssert a = FilterAssertions.assertThatPattern(pattern).withOptions(options);
                        // Assert the match quietly: its failure is already reported under "matches".
                        try {
                            a.matches(last.message());
                        } catch (AssertionError e) {
                            return;
                        }
                        a.extracts(x.getKey(), x.getValue());
                    });
                }
            }
        }
        if (metric != null) {
            MetricFilter filter;
            try {
                filter = metricFilter().orElseThrow();
            } catch (IllegalArgumentException e) {
                failures.add(file + " line " + metricLine + " (case \"" + name + "\", metricFilter): PutMetricFilter"
                        + " would reject it: " + e.getMessage());
                throw new AssertionError(render(failures));
            }
            for (int i = 0; i < publications.size(); i++) {
                Publication p = publications.get(i);
                check(failures, p.event().line(), "publishes #" + (i + 1), () -> {
                    LogEvent event = new LogEvent(Times.parse(p.at() == null ? "12:00" : p.at()).toEpochMilli(),
                            p.event().message());
                    MetricFilterAssert a = FilterAssertions.assertThatMetricFilter(filter);
                    switch (p.value()) {
                        case "nothing":
                            a.publishesNothingFor(event);
                            break;
                        case "default":
                            a.publishesDefaultFor(event);
                            break;
                        default:
                            a.publishes(Double.parseDouble(p.value())).withDimensions(p.dimensions()).forEvent(event);
                    }
                });
            }
        }
        if (!failures.isEmpty()) {
            throw new AssertionError(render(failures));
        }
    }

    private void check(List<String> failures, int where, String what, Runnable assertion) {
        try {
            assertion.run();
        } catch (AssertionError | IllegalStateException e) {
            failures.add(file + " line " + where + " (case \"" + name + "\", " + what + "):\n" + e.getMessage());
        }
    }

    private String render(List<String> failures) {
        String head = failures.size() == 1 ? "" : failures.size() + " checks of case \"" + name + "\" failed\n\n";
        return head + String.join("\n\n", failures);
    }

    /** The case's name, which JUnit shows as the test's name. */
    @Override
    public String toString() {
        return name;
    }

    private static void expectKeys(String file, Node.Mapping m, Set<String> allowed, String what) {
        for (Node.Member member : m.members()) {
            if (!allowed.contains(member.key())) {
                throw new FileFormatException(file, member.line(), "unknown key '" + member.key() + "' in " + what
                        + " (expected one of: " + String.join(", ", new java.util.TreeSet<>(allowed)) + ")", null);
            }
        }
    }

    /** Reads one case; {@code lineOffset} is added to line numbers (the line of a JSON Lines case). */
    private static final class Reader {
        final String file;
        final int lineOffset;
        String name;
        int line;
        String pattern;
        FilterOptions options = FilterOptions.defaults();
        final List<Event> matching = new ArrayList<>();
        final List<Event> notMatching = new ArrayList<>();
        final Map<String, String> extracts = new LinkedHashMap<>();
        String canonical;
        boolean invalid;
        Integer errorLine;
        Integer errorColumn;
        String errorMessage;
        Map<String, Object> metric;
        final Map<String, String> metricDimensions = new LinkedHashMap<>();
        final List<Publication> publications = new ArrayList<>();
        int metricLine;

        Reader(String file, int lineOffset) {
            this.file = file;
            this.lineOffset = lineOffset;
        }

        int line(Node n) {
            return n.line() + lineOffset;
        }

        FileFormatException error(Node n, String problem) {
            return new FileFormatException(file, line(n), problem, null);
        }

        FilterCase read(Node node) {
            if (!(node instanceof Node.Mapping c)) {
                throw error(node, "a case is a mapping with at least a 'pattern', not " + node.kind());
            }
            line = line(c);
            for (Node.Member m : c.members()) {
                if (!CASE_KEYS.contains(m.key())) {
                    throw new FileFormatException(file, m.line() + lineOffset, "unknown key '" + m.key()
                            + "' in a case (expected one of: " + String.join(", ", new java.util.TreeSet<>(CASE_KEYS))
                            + ")", null);
                }
            }
            Node p = c.get("pattern");
            if (p == null) {
                throw error(c, "a case needs a 'pattern'");
            }
            pattern = string(p, "pattern");
            name = c.get("name") == null ? (pattern.isEmpty() ? "\"\" (empty pattern)" : pattern)
                    : string(c.get("name"), "name");
            if (c.get("options") != null) {
                options = options(c.get("options"));
            }
            events(c.get("matches"), "matches", matching);
            events(c.get("doesNotMatch"), "doesNotMatch", notMatching);
            if (c.get("extracts") != null) {
                Node.Mapping x = mapping(c.get("extracts"), "extracts");
                for (Node.Member m : x.members()) {
                    extracts.put(m.key(), string(m.value(), "extracts." + m.key()));
                }
            }
            if (c.get("canonical") != null) {
                canonical = string(c.get("canonical"), "canonical");
            }
            if (c.get("invalid") != null) {
                invalid(c.get("invalid"));
            }
            if (c.get("metricFilter") != null) {
                metric(c.get("metricFilter"));
            }
            if (!invalid && matching.isEmpty() && notMatching.isEmpty() && canonical == null && metric == null) {
                throw error(c, "case '" + name + "' checks nothing: give matches, doesNotMatch, canonical, invalid"
                        + " or metricFilter");
            }
            return new FilterCase(this);
        }

        private void invalid(Node n) {
            if (n instanceof Node.Scalar s && s.type() == Node.ScalarType.BOOLEAN) {
                invalid = Boolean.parseBoolean(s.text());
                return;
            }
            Node.Mapping m = mapping(n, "invalid");
            expectKeys(file, m, INVALID_KEYS, "invalid", lineOffset);
            invalid = true;
            if (m.get("line") != null) {
                errorLine = integer(m.get("line"), "invalid.line");
            }
            if (m.get("column") != null) {
                errorColumn = integer(m.get("column"), "invalid.column");
            }
            if (m.get("messageContains") != null) {
                errorMessage = string(m.get("messageContains"), "invalid.messageContains");
            }
        }

        private void metric(Node n) {
            Node.Mapping m = mapping(n, "metricFilter");
            expectKeys(file, m, METRIC_KEYS, "metricFilter", lineOffset);
            metricLine = line(m);
            metric = new LinkedHashMap<>();
            for (String key : List.of("metricNamespace", "metricName", "metricValue")) {
                if (m.get(key) != null) {
                    metric.put(key, string(m.get(key), "metricFilter." + key));
                }
            }
            if (m.get("defaultValue") != null) {
                metric.put("defaultValue", number(m.get("defaultValue"), "metricFilter.defaultValue"));
            }
            if (m.get("unit") != null) {
                try {
                    metric.put("unit", StandardUnit.fromAwsName(string(m.get("unit"), "metricFilter.unit")));
                } catch (IllegalArgumentException e) {
                    throw error(m.get("unit"), e.getMessage());
                }
            }
            if (m.get("dimensions") != null) {
                for (Node.Member d : mapping(m.get("dimensions"), "metricFilter.dimensions").members()) {
                    metricDimensions.put(d.key(), string(d.value(), "dimension " + d.key()));
                }
            }
            if (m.get("publishes") != null) {
                if (!(m.get("publishes") instanceof Node.Sequence list)) {
                    throw error(m.get("publishes"), "metricFilter.publishes is a list of {event, value}");
                }
                for (Node item : list.items()) {
                    Node.Mapping pub = mapping(item, "a publishes entry");
                    expectKeys(file, pub, PUBLISH_KEYS, "a publishes entry", lineOffset);
                    if (pub.get("event") == null || pub.get("value") == null) {
                        throw error(pub, "a publishes entry needs an 'event' and a 'value' (a number, \"nothing\""
                                + " or \"default\")");
                    }
                    Event event = new Event(event(pub.get("event")), line(pub.get("event")));
                    Node v = pub.get("value");
                    String value;
                    if (v instanceof Node.Scalar s && s.type() == Node.ScalarType.NUMBER) {
                        value = s.text();
                    } else {
                        value = string(v, "value");
                        if (!value.equals("nothing") && !value.equals("default")) {
                            throw error(v, "value is a number, \"nothing\" or \"default\", not \"" + value + "\"");
                        }
                    }
                    Map<String, String> dims = new LinkedHashMap<>();
                    if (pub.get("dimensions") != null) {
                        for (Node.Member d : mapping(pub.get("dimensions"), "dimensions").members()) {
                            dims.put(d.key(), string(d.value(), "dimension " + d.key()));
                        }
                    }
                    String at = null;
                    if (pub.get("at") != null) {
                        at = string(pub.get("at"), "at");
                        try {
                            Times.parse(at);
                        } catch (IllegalArgumentException e) {
                            throw error(pub.get("at"), e.getMessage());
                        }
                    }
                    publications.add(new Publication(event, value, dims, at));
                }
            }
        }

        private FilterOptions options(Node n) {
            Node.Mapping m = mapping(n, "options");
            expectKeys(file, m, OPTION_KEYS, "options", lineOffset);
            FilterOptions.Builder b = FilterOptions.builder();
            try {
                for (Node.Member o : m.members()) {
                    Node v = o.value();
                    switch (o.key()) {
                        case "lenientJsonPrefix":
                            b.lenientJsonPrefix(bool(v, o.key()));
                            break;
                        case "exactFieldCount":
                            b.exactFieldCount(bool(v, o.key()));
                            break;
                        case "lenientTermCharacters":
                            b.lenientTermCharacters(bool(v, o.key()));
                            break;
                        case "firstEventNumber":
                            b.firstEventNumber(integer(v, o.key()));
                            break;
                        case "defaultValueMode":
                            b.defaultValueMode(DefaultValueMode.valueOf(string(v, o.key())));
                            break;
                        case "maxPatternLength":
                            b.maxPatternLength(integer(v, o.key()));
                            break;
                        case "maxNestingDepth":
                            b.maxNestingDepth(integer(v, o.key()));
                            break;
                        case "maxEventBytes":
                            b.maxEventBytes(integer(v, o.key()));
                            break;
                        default:
                            b.maxEventNestingDepth(integer(v, o.key()));
                    }
                }
            } catch (IllegalArgumentException e) {
                if (e instanceof FileFormatException) {
                    throw e;
                }
                throw error(m, "bad options: " + e.getMessage());
            }
            return b.build();
        }

        private void events(Node n, String what, List<Event> out) {
            if (n == null) {
                return;
            }
            if (!(n instanceof Node.Sequence list)) {
                throw error(n, what + " is a list of events, not " + n.kind());
            }
            for (Node e : list.items()) {
                out.add(new Event(event(e), line(e)));
            }
        }

        private String event(Node n) {
            if (n instanceof Node.Scalar s) {
                if (s.type() != Node.ScalarType.STRING) {
                    throw error(n, "an event is a string or a mapping, not " + n.kind());
                }
                return s.text();
            }
            // A mapping or list is the JSON event, written compactly with its keys in order.
            return Documents.toJson(n);
        }

        private Node.Mapping mapping(Node n, String what) {
            if (!(n instanceof Node.Mapping m)) {
                throw error(n, what + " must be a mapping, not " + n.kind());
            }
            return m;
        }

        private String string(Node n, String what) {
            if (!(n instanceof Node.Scalar s) || s.type() == Node.ScalarType.NULL) {
                throw error(n, what + " must be a string, not " + n.kind());
            }
            return s.text();
        }

        private boolean bool(Node n, String what) {
            if (!(n instanceof Node.Scalar s) || s.type() != Node.ScalarType.BOOLEAN) {
                throw error(n, what + " must be true or false, not " + n.kind());
            }
            return Boolean.parseBoolean(s.text());
        }

        private int integer(Node n, String what) {
            try {
                if (n instanceof Node.Scalar s && s.type() == Node.ScalarType.NUMBER) {
                    return Integer.parseInt(s.text());
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw error(n, what + " must be a whole number, not " + n.kind());
        }

        private double number(Node n, String what) {
            if (n instanceof Node.Scalar s && s.type() == Node.ScalarType.NUMBER) {
                return Double.parseDouble(s.text());
            }
            throw error(n, what + " must be a number, not " + n.kind());
        }
    }

    private static void expectKeys(String file, Node.Mapping m, Set<String> allowed, String what, int lineOffset) {
        for (Node.Member member : m.members()) {
            if (!allowed.contains(member.key())) {
                throw new FileFormatException(file, member.line() + lineOffset, "unknown key '" + member.key()
                        + "' in " + what + " (expected one of: " + String.join(", ",
                        new java.util.TreeSet<>(allowed)) + ")", null);
            }
        }
    }
}
