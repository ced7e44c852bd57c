package dev.cwfilter.testkit;

import dev.cwfilter.FilterOptions;
import dev.cwfilter.FilterPattern;
import dev.cwfilter.FilterPatternException;
import dev.cwfilter.MatchExplanation;
import dev.cwfilter.ParsedPattern;
import dev.cwfilter.ast.DelimitedPattern;
import dev.cwfilter.ast.JsonPattern;
import dev.cwfilter.testkit.internal.EventShortener;
import dev.cwfilter.testkit.internal.Explaining;
import dev.cwfilter.testkit.internal.Facts;
import dev.cwfilter.testkit.internal.FieldReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions about a filter pattern: which events it matches, what it extracts, whether it is valid. Start with
 * {@link FilterAssertions#assertThatPattern(String)}:
 *
 * <pre>{@code
 * assertThatPattern("{ $.eventName = \"GetSecretValue\" }")
 *         .matches(getSecretValue)
 *         .doesNotMatch(listSecrets);
 * }</pre>
 *
 * <p>A failure says what was expected, the pattern (with the deciding clauses underlined), the event (shortened
 * around what the pattern reads) and the clauses that decided, one fact per line:
 * <pre>
 * expected:   to match
 * pattern:    { $.eventName = "GetSecretValue" }
 * event:      {"eventVersion":"1.09","userIdentity":{…},…,"eventName":"ListSecrets",…}
 * decided by: $.eventName = "GetSecretValue" fails ("ListSecrets")
 * </pre>
 *
 * <p>An invalid pattern fails every matching assertion with CloudWatch's reason; test invalid patterns with
 * {@link #isInvalid()}.
 *
 * <p>Not thread-safe, like every AssertJ assertion: use each from one thread. It remembers the last event asserted
 * to match, which {@link #extracts(String, String)} reads.
 */
public final class PatternAssert extends AbstractAssert<PatternAssert, String> {

    private FilterOptions options;
    private Object compiled;
    private String lastMatched;

    PatternAssert(String pattern, FilterOptions options) {
        super(pattern, PatternAssert.class);
        this.options = Objects.requireNonNull(options, "options");
    }

    /** Compiles the pattern with these options from now on (text before JSON, exact field counts, limits). */
    public PatternAssert withOptions(FilterOptions options) {
        this.options = Objects.requireNonNull(options, "options");
        this.compiled = null;
        return this;
    }

    /** Asserts that the event matches. */
    public PatternAssert matches(String event) {
        FilterPattern p = compiledOrFail("to match");
        check(p, Objects.requireNonNull(event, "event"), true, "to match", null);
        lastMatched = event;
        return this;
    }

    /** Asserts that the event does not match. */
    public PatternAssert doesNotMatch(String event) {
        FilterPattern p = compiledOrFail("not to match");
        check(p, Objects.requireNonNull(event, "event"), false, "not to match", null);
        return this;
    }

    /** Asserts that every event matches; a failure lists each event that does not. */
    public PatternAssert matchesAll(String... events) {
        return matchesAll(Arrays.asList(events));
    }

    /** Asserts that every event matches; a failure lists each event that does not. */
    public PatternAssert matchesAll(Iterable<String> events) {
        checkAll(events, true);
        return this;
    }

    /** Asserts that no event matches; a failure lists each event that does. */
    public PatternAssert matchesNone(String... events) {
        return matchesNone(Arrays.asList(events));
    }

    /** Asserts that no event matches; a failure lists each event that does. */
    public PatternAssert matchesNone(Iterable<String> events) {
        checkAll(events, false);
        return this;
    }

    /**
     * Asserts what the pattern extracts from the last event asserted to match ({@link #matches},
     * {@link #matchesAll}).
     *
     * <ul>
     * <li>Space-delimited pattern, {@code $name} or {@code $N}: the value TestMetricFilter reports for that key in
     * {@code extractedValues}; a {@code $N} the pattern named is read, as a metric filter reads it, as the N-th
     * field of the event.</li>
     * <li>JSON pattern, {@code $.selector}: the value a metric filter would read for that selector (as metric value
     * or dimension): a string's text, a number's literal as written, {@code true} or {@code false}. A missing, null,
     * object or array value is "nothing", which never equals an expected value.</li>
     * </ul>
     *
     * @throws IllegalStateException    if no event was asserted to match before
     * @throws IllegalArgumentException if the expression cannot apply to this kind of pattern
     */
    public PatternAssert extracts(String field, String expected) {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(expected, "expected");
        if (lastMatched == null) {
            throw new IllegalStateException("extracts(\"" + field + "\", ...) reads the last event asserted to"
                    + " match: call matches(event) first");
        }
        FilterPattern p = compiledOrFail("to extract " + field);
        Optional<String> actualValue;
        String extractedAll = null;
        if (p.ast() instanceof DelimitedPattern) {
            if (!field.startsWith("$") || field.startsWith("$.")) {
                throw new IllegalArgumentException("a space-delimited pattern extracts $name or $N, not " + field);
            }
            Map<String, String> values = FieldReader.extracted(p, lastMatched);
            actualValue = Optional.ofNullable(values == null ? null : values.get(field));
            if (actualValue.isEmpty() && field.substring(1).chars().allMatch(Character::isDigit)) {
                actualValue = FieldReader.read(p, field, lastMatched);
            }
            extractedAll = String.valueOf(values);
        } else if (p.ast() instanceof JsonPattern) {
            if (!field.startsWith("$.") && !field.startsWith("$[")) {
                throw new IllegalArgumentException("a JSON pattern extracts $.selector values, not " + field);
            }
            actualValue = FieldReader.read(p, field, lastMatched);
        } else {
            throw new IllegalArgumentException("only JSON and space-delimited patterns extract values; "
                    + describeKind(p) + " extracts nothing");
        }
        if (!actualValue.isPresent() || !actualValue.get().equals(expected)) {
            Facts facts = new Facts()
                    .add("expected", field + " = " + quote(expected))
                    .add("pattern", actual)
                    .add("options", Explaining.nonDefaultOptions(options))
                    .add("event", Explaining.event(lastMatched, p.ast(), FieldReader.selectors(List.of(field)), null))
                    .add("extracted", actualValue.map(v -> field + " = " + quote(v)).orElse(field + " is nothing"
                            + (p.ast() instanceof JsonPattern ? " (missing, null, an object or an array)" : "")));
            facts.add("all values", extractedAll);
            fail(facts);
        }
        return this;
    }

    /**
     * Asserts that the pattern compiles and prints as this canonical text (what {@link FilterPattern#toString()}
     * gives).
     */
    public PatternAssert hasCanonicalForm(String expected) {
        FilterPattern p = compiledOrFail("to have the canonical form " + expected);
        if (!p.toString().equals(expected)) {
            fail(new Facts().add("expected", "canonical form " + expected)
                    .add("pattern", actual)
                    .add("actual", "canonical form " + p));
        }
        return this;
    }

    /** Asserts that CloudWatch accepts the pattern. */
    public PatternAssert isValid() {
        compiledOrFail("a valid pattern");
        return this;
    }

    /**
     * Asserts that CloudWatch rejects the pattern; the returned assertion checks where and why.
     *
     * <pre>{@code
     * assertThatPattern("{ $.a = }").isInvalid().withErrorAt(1, 9).withMessageContaining("expected a value");
     * }</pre>
     */
    public InvalidPatternAssert isInvalid() {
        isNotNull();
        ParsedPattern parsed = FilterPattern.parse(actual, options);
        if (parsed.isValid()) {
            fail(new Facts().add("expected", "an invalid pattern")
                    .add("pattern", actual)
                    .add("options", Explaining.nonDefaultOptions(options))
                    .add("actual", "valid; canonical form " + FilterPattern.compile(actual, options)));
        }
        return new InvalidPatternAssert(parsed);
    }

    private FilterPattern compiledOrFail(String expectation) {
        isNotNull();
        if (compiled == null) {
            compiled = FieldReader.compile(actual, options);
        }
        if (compiled instanceof FilterPatternException e) {
            fail(new Facts().add("expected", expectation)
                    .add("pattern", actual)
                    .add("options", Explaining.nonDefaultOptions(options))
                    .add("but", "the pattern is invalid: " + e.issues().get(0).describe() + "\n" + e.excerpt()));
        }
        return (FilterPattern) compiled;
    }

    private void check(FilterPattern p, String event, boolean shouldMatch, String expectation, String position) {
        MatchExplanation why = p.explain(event);
        if (why.matched() != shouldMatch) {
            fail(explanationFacts(p, event, why, expectation, position));
        }
    }

    private Facts explanationFacts(FilterPattern p, String event, MatchExplanation why, String expectation,
                                   String position) {
        Facts facts = new Facts().add("expected", expectation)
                .add("pattern", Explaining.patternWithCarets(actual, why))
                .add("options", Explaining.nonDefaultOptions(options))
                .add(position == null ? "event" : "event " + position,
                        Explaining.event(event, p.ast(), List.of(), why));
        Explaining.addDecision(facts, why);
        return facts;
    }

    private void checkAll(Iterable<String> events, boolean shouldMatch) {
        String expectation = shouldMatch ? "every event to match" : "no event to match";
        FilterPattern p = compiledOrFail(expectation);
        List<String> list = new ArrayList<>();
        events.forEach(e -> list.add(Objects.requireNonNull(e, "event")));
        List<Integer> failing = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            if (p.matches(list.get(i)) != shouldMatch) {
                failing.add(i);
            }
        }
        if (!failing.isEmpty()) {
            Facts facts = new Facts().add("expected", expectation)
                    .add("pattern", actual)
                    .add("options", Explaining.nonDefaultOptions(options))
                    .add(shouldMatch ? "not matched" : "matched", failing.size() + " of " + list.size()
                            + " events: " + numbers(failing));
            int shown = 0;
            for (int i : failing) {
                if (shown++ == 3) {
                    facts.add("and", (failing.size() - 3) + " more");
                    break;
                }
                MatchExplanation why = p.explain(list.get(i));
                facts.add("event " + (i + 1), Explaining.event(list.get(i), p.ast(), List.of(), why));
                String decided = Explaining.decidedBy(why);
                facts.add(decided != null ? "decided by" : "because", decided != null ? decided : why.reason());
            }
            fail(facts);
        }
        if (shouldMatch && !list.isEmpty()) {
            lastMatched = list.get(list.size() - 1);
        }
    }

    private static String numbers(List<Integer> indexes) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < indexes.size(); i++) {
            if (i == 10) {
                sb.append(", …");
                break;
            }
            sb.append(i == 0 ? "" : ", ").append('#').append(indexes.get(i) + 1);
        }
        return sb.toString();
    }

    private static String describeKind(FilterPattern p) {
        String name = p.ast().getClass().getSimpleName();
        switch (name) {
            case "TermPattern":
                return "a term pattern";
            case "RegexPattern":
                return "a regular expression";
            default:
                return "the empty pattern";
        }
    }

    private static String quote(String value) {
        return "\"" + EventShortener.escapeControls(value) + "\"";
    }

    private void fail(Facts facts) {
        failWithMessage("%s", facts.toString());
    }
}
